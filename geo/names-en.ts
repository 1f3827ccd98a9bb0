/**
 * English names of the regions in public/geo/regions.geojson.
 *
 * Provinces, prefectures and Inner Mongolia's leagues/cities use their conventional English
 * names. Inner Mongolia's banners and the counties/cities with a Mongolian name use the usual
 * romanisations (as in English-language atlases, Wikipedia and the Inner Mongolian
 * government's English pages); the others are Hanyu Pinyin + District / County / City, which
 * is also what `nameEn` falls back to (via pinyin-pro) for any name missing here.
 */
import { pinyin } from 'pinyin-pro';

/** Full official Chinese names of the provinces, keyed by GB/T 2260 code. */
export const PROVINCE_ZH: Record<string, string> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

export const PROVINCE_EN: Record<string, string> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macau',
};

/** Prefecture-level divisions shown on the map (Inner Mongolia + Hebei, Shanxi, Liaoning, Shandong). */
export const PREFECTURE_EN: Record<string, string> = {
  // Inner Mongolia: 9 prefecture-level cities and 3 leagues
  '150100': 'Hohhot',
  '150200': 'Baotou',
  '150300': 'Wuhai',
  '150400': 'Chifeng',
  '150500': 'Tongliao',
  '150600': 'Ordos',
  '150700': 'Hulunbuir',
  '150800': 'Bayannur',
  '150900': 'Ulanqab',
  '152200': 'Hinggan League',
  '152500': 'Xilingol League',
  '152900': 'Alxa League',
  // Hebei
  '130100': 'Shijiazhuang',
  '130200': 'Tangshan',
  '130300': 'Qinhuangdao',
  '130400': 'Handan',
  '130500': 'Xingtai',
  '130600': 'Baoding',
  '130700': 'Zhangjiakou',
  '130800': 'Chengde',
  '130900': 'Cangzhou',
  '131000': 'Langfang',
  '131100': 'Hengshui',
  // Shanxi
  '140100': 'Taiyuan',
  '140200': 'Datong',
  '140300': 'Yangquan',
  '140400': 'Changzhi',
  '140500': 'Jincheng',
  '140600': 'Shuozhou',
  '140700': 'Jinzhong',
  '140800': 'Yuncheng',
  '140900': 'Xinzhou',
  '141000': 'Linfen',
  '141100': 'Lüliang',
  // Liaoning
  '210100': 'Shenyang',
  '210200': 'Dalian',
  '210300': 'Anshan',
  '210400': 'Fushun',
  '210500': 'Benxi',
  '210600': 'Dandong',
  '210700': 'Jinzhou',
  '210800': 'Yingkou',
  '210900': 'Fuxin',
  '211000': 'Liaoyang',
  '211100': 'Panjin',
  '211200': 'Tieling',
  '211300': 'Chaoyang',
  '211400': 'Huludao',
  // Shandong (Laiwu 371200 was merged into Jinan in 2019)
  '370100': 'Jinan',
  '370200': 'Qingdao',
  '370300': 'Zibo',
  '370400': 'Zaozhuang',
  '370500': 'Dongying',
  '370600': 'Yantai',
  '370700': 'Weifang',
  '370800': 'Jining',
  '370900': "Tai'an",
  '371000': 'Weihai',
  '371100': 'Rizhao',
  '371300': 'Linyi',
  '371400': 'Dezhou',
  '371500': 'Liaocheng',
  '371600': 'Binzhou',
  '371700': 'Heze',
};

/**
 * Inner Mongolia's 103 county-level divisions. Banners and Mongolian-named cities use their
 * conventional romanisation; districts/counties with a Chinese name are Pinyin.
 */
export const COUNTY_EN: Record<string, string> = {
  // 呼和浩特市 Hohhot
  '150102': 'Xincheng District', // 新城区
  '150103': 'Huimin District', // 回民区
  '150104': 'Yuquan District', // 玉泉区
  '150105': 'Saihan District', // 赛罕区
  '150121': 'Tumed Left Banner', // 土默特左旗
  '150122': 'Togtoh County', // 托克托县
  '150123': 'Horinger County', // 和林格尔县
  '150124': 'Qingshuihe County', // 清水河县
  '150125': 'Wuchuan County', // 武川县
  // 包头市 Baotou
  '150202': 'Donghe District', // 东河区
  '150203': 'Kundulun District', // 昆都仑区
  '150204': 'Qingshan District', // 青山区
  '150205': 'Shiguai District', // 石拐区
  '150206': 'Bayan Obo Mining District', // 白云鄂博矿区
  '150207': 'Jiuyuan District', // 九原区
  '150221': 'Tumed Right Banner', // 土默特右旗
  '150222': 'Guyang County', // 固阳县
  '150223': 'Darhan Muminggan United Banner', // 达尔罕茂明安联合旗
  // 乌海市 Wuhai
  '150302': 'Haibowan District', // 海勃湾区
  '150303': 'Hainan District', // 海南区
  '150304': 'Wuda District', // 乌达区
  // 赤峰市 Chifeng
  '150402': 'Hongshan District', // 红山区
  '150403': 'Yuanbaoshan District', // 元宝山区
  '150404': 'Songshan District', // 松山区
  '150421': 'Ar Horqin Banner', // 阿鲁科尔沁旗
  '150422': 'Bairin Left Banner', // 巴林左旗
  '150423': 'Bairin Right Banner', // 巴林右旗
  '150424': 'Linxi County', // 林西县
  '150425': 'Hexigten Banner', // 克什克腾旗
  '150426': 'Ongniud Banner', // 翁牛特旗
  '150428': 'Harqin Banner', // 喀喇沁旗
  '150429': 'Ningcheng County', // 宁城县
  '150430': 'Aohan Banner', // 敖汉旗
  // 通辽市 Tongliao
  '150502': 'Horqin District', // 科尔沁区
  '150521': 'Horqin Left Middle Banner', // 科尔沁左翼中旗
  '150522': 'Horqin Left Rear Banner', // 科尔沁左翼后旗
  '150523': 'Kailu County', // 开鲁县
  '150524': 'Hure Banner', // 库伦旗
  '150525': 'Naiman Banner', // 奈曼旗
  '150526': 'Jarud Banner', // 扎鲁特旗
  '150581': 'Holingol City', // 霍林郭勒市
  // 鄂尔多斯市 Ordos
  '150602': 'Dongsheng District', // 东胜区
  '150603': 'Kangbashi District', // 康巴什区
  '150621': 'Dalad Banner', // 达拉特旗
  '150622': 'Jungar Banner', // 准格尔旗
  '150623': 'Otog Front Banner', // 鄂托克前旗
  '150624': 'Otog Banner', // 鄂托克旗
  '150625': 'Hanggin Banner', // 杭锦旗
  '150626': 'Uxin Banner', // 乌审旗
  '150627': 'Ejin Horo Banner', // 伊金霍洛旗
  // 呼伦贝尔市 Hulunbuir
  '150702': 'Hailar District', // 海拉尔区
  '150703': 'Jalainur District', // 扎赉诺尔区
  '150721': 'Arun Banner', // 阿荣旗
  '150722': 'Morin Dawa Daur Autonomous Banner', // 莫力达瓦达斡尔族自治旗
  '150723': 'Oroqen Autonomous Banner', // 鄂伦春自治旗
  '150724': 'Evenk Autonomous Banner', // 鄂温克族自治旗
  '150725': 'Old Barag Banner', // 陈巴尔虎旗
  '150726': 'New Barag Left Banner', // 新巴尔虎左旗
  '150727': 'New Barag Right Banner', // 新巴尔虎右旗
  '150781': 'Manzhouli City', // 满洲里市
  '150782': 'Yakeshi City', // 牙克石市
  '150783': 'Zalantun City', // 扎兰屯市
  '150784': 'Ergun City', // 额尔古纳市
  '150785': 'Genhe City', // 根河市
  // 巴彦淖尔市 Bayannur
  '150802': 'Linhe District', // 临河区
  '150821': 'Wuyuan County', // 五原县
  '150822': 'Dengkou County', // 磴口县
  '150823': 'Urad Front Banner', // 乌拉特前旗
  '150824': 'Urad Middle Banner', // 乌拉特中旗
  '150825': 'Urad Rear Banner', // 乌拉特后旗
  '150826': 'Hanggin Rear Banner', // 杭锦后旗
  // 乌兰察布市 Ulanqab
  '150902': 'Jining District', // 集宁区
  '150921': 'Zhuozi County', // 卓资县
  '150922': 'Huade County', // 化德县
  '150923': 'Shangdu County', // 商都县
  '150924': 'Xinghe County', // 兴和县
  '150925': 'Liangcheng County', // 凉城县
  '150926': 'Chahar Right Front Banner', // 察哈尔右翼前旗
  '150927': 'Chahar Right Middle Banner', // 察哈尔右翼中旗
  '150928': 'Chahar Right Rear Banner', // 察哈尔右翼后旗
  '150929': 'Siziwang Banner', // 四子王旗
  '150981': 'Fengzhen City', // 丰镇市
  // 兴安盟 Hinggan League
  '152201': 'Ulanhot City', // 乌兰浩特市
  '152202': 'Arxan City', // 阿尔山市
  '152221': 'Horqin Right Front Banner', // 科尔沁右翼前旗
  '152222': 'Horqin Right Middle Banner', // 科尔沁右翼中旗
  '152223': 'Jalaid Banner', // 扎赉特旗
  '152224': 'Tuquan County', // 突泉县
  // 锡林郭勒盟 Xilingol League
  '152501': 'Erenhot City', // 二连浩特市
  '152502': 'Xilinhot City', // 锡林浩特市
  '152522': 'Abag Banner', // 阿巴嘎旗
  '152523': 'Sonid Left Banner', // 苏尼特左旗
  '152524': 'Sonid Right Banner', // 苏尼特右旗
  '152525': 'East Ujimqin Banner', // 东乌珠穆沁旗
  '152526': 'West Ujimqin Banner', // 西乌珠穆沁旗
  '152527': 'Taibus Banner', // 太仆寺旗
  '152528': 'Bordered Yellow Banner', // 镶黄旗
  '152529': 'Plain and Bordered White Banner', // 正镶白旗
  '152530': 'Plain Blue Banner', // 正蓝旗
  '152531': 'Duolun County', // 多伦县
  // 阿拉善盟 Alxa League
  '152921': 'Alxa Left Banner', // 阿拉善左旗
  '152922': 'Alxa Right Banner', // 阿拉善右旗
  '152923': 'Ejin Banner', // 额济纳旗
};

const SUFFIXES: [string, string][] = [
  ['自治旗', ' Autonomous Banner'],
  ['矿区', ' Mining District'],
  ['区', ' District'],
  ['县', ' County'],
  ['旗', ' Banner'],
  ['盟', ' League'],
  ['市', ' City'],
];

/** Readings of polyphonic characters as they are read in place names (pinyin-pro reads 都 as "dou"). */
const PLACE_READINGS: Record<string, string> = { 都: 'du' };

/** Hanyu Pinyin (no tones, first letter capital, syllables joined) of a Chinese place name. */
export function pinyinName(zh: string): string {
  const chars = [...zh];
  let syllables = pinyin(zh, { toneType: 'none', type: 'array', v: true }) as string[];
  if (syllables.length === chars.length) syllables = syllables.map((s, i) => PLACE_READINGS[chars[i]!] ?? s);
  const joined = syllables.join('').replace(/v/g, 'ü');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Pinyin + English suffix, the fallback for names without a conventional English form. */
export function pinyinWithSuffix(zh: string): string {
  for (const [s, en] of SUFFIXES) {
    if (zh.endsWith(s) && zh.length > s.length) return pinyinName(zh.slice(0, -s.length)) + en;
  }
  return pinyinName(zh);
}

export type Level = 'province' | 'prefecture' | 'county';

/** English name of a region: the tables above, else Pinyin + suffix (reported by the build). */
export function nameEn(code: string, zh: string, level: Level): { en: string; fromTable: boolean } {
  const table = level === 'province' ? PROVINCE_EN : level === 'prefecture' ? PREFECTURE_EN : COUNTY_EN;
  const en = table[code];
  if (en) return { en, fromTable: true };
  return { en: level === 'prefecture' ? pinyinWithSuffix(zh).replace(/ City$/, '') : pinyinWithSuffix(zh), fromTable: false };
}

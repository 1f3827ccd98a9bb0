/**
 * Import problems in the UI's language (src/ui/import/problem-text.ts): every code and place has a
 * text in both languages, Chinese in zh and English in en, with the feature or row named; names
 * from the file stay literal (no i18next nesting or interpolation inside them).
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_PROBLEM_CODES, JSON_ERROR_KINDS, importUserLayer, problem, type ImportProblem } from '../../src/domain/import.ts';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { problemText as isolatedText } from '../../src/ui/import/problem-text.ts';
import { VIEW_PROBLEM_CODES } from '../../src/export/saved-views.ts';
import { viewProblemText } from '../../src/ui/export/view-problem-text.ts';

/** The text without the isolates around the file's values (tested on their own below). */
const problemText = (t: TFunction, p: ImportProblem) => isolatedText(t, p).replace(/[\u2068\u2069]/g, '');

const i18n = i18next.createInstance();
let tZh: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'zh', fallbackLng: 'zh', interpolation: { escapeValue: false } });
  tZh = i18n.getFixedT('zh');
  tEn = i18n.getFixedT('en');
});

function problemsOf(text: string, file: string): ImportProblem[] {
  const r = importUserLayer(text, file);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

const HAN = /\p{Script=Han}/u;
const PARAMS = { depth: 100001, mb: '11.0', max: 10, ext: '".kml"', message: 'Unexpected token', line: 3, column: 7, what: 'CommaExpected', near: '[110 40]', type: '"Topology"', total: 20001, found: '["1",2]', lon: 110, lat: 95, supported: 'Point', columns: 'a, b', count: 3 };

describe('import problems in the UI language', () => {
  it('has a text for every code and every place, in both languages', () => {
    const places = (['feature', 'row', 'point', 'line', 'polygon', 'ring', 'position'] as const).map((kind, i) => ({ kind, n: i + 1 }));
    for (const code of IMPORT_PROBLEM_CODES) {
      const p = problem(code, places, PARAMS);
      const zhText = problemText(tZh, p);
      const enText = problemText(tEn, p);
      for (const text of [zhText, enText]) {
        expect(text, code).not.toMatch(/import\.|\{\{|undefined/);
      }
      expect(zhText, code).toMatch(HAN);
      // English, except the column names the CSV hint quotes (经度/纬度).
      expect(enText.replace(/经度|纬度/g, ''), code).not.toMatch(HAN);
      expect(zhText).not.toBe(enText);
    }
  });

  it('has a text for every kind of JSON syntax error, in both languages', () => {
    for (const what of JSON_ERROR_KINDS) {
      const p = problem('notJson', [], { line: 1, column: 2, what, near: 'x' });
      expect(problemText(tZh, p), what).toMatch(HAN);
      expect(problemText(tZh, p), what).not.toMatch(/jsonError|[A-Z][a-z]+[A-Z]/);
      expect(problemText(tEn, p), what).not.toMatch(/jsonError|[A-Z][a-z]+[A-Z]|\p{Script=Han}/u);
    }
  });

  it('a latitude of 95 names the feature in Chinese in zh and in English in en', () => {
    const [p] = problemsOf(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '北极' }, geometry: { type: 'Point', coordinates: [110, 95] } }] }), 'x.geojson');
    expect(problemText(tZh, p!)).toBe('第 1 个要素（北极）：坐标 [110, 95] 超出范围（经度 −180…180，纬度 −90…90）');
    expect(problemText(tEn, p!)).toBe('feature 1 (北极): coordinates [110, 95] are out of range (longitude −180…180, latitude −90…90)');
  });

  it('names the CSV row and the place in a geometry', () => {
    const [row] = problemsOf('名称,经度,纬度\n好,110,40\n坏,abc,40\n', 'x.csv');
    expect(problemText(tZh, row!)).toBe('第 3 行（坏）：经度 "abc" 和纬度 "40" 必须是十进制数字');
    expect(problemText(tEn, row!)).toBe('row 3 (坏): longitude "abc" and latitude "40" must be decimal numbers');
    const [ring] = problemsOf(JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }), 'x.geojson');
    expect(problemText(tZh, ring!)).toBe('第 1 个要素，第 1 个环：多边形的环必须首尾闭合');
    expect(problemText(tEn, ring!)).toBe('feature 1, ring 1: a polygon ring must end where it starts');
    expect(problemText(tZh, problem('more', [], { count: 10 }))).toBe('……另有 10 个问题');
    expect(problemText(tEn, problem('more', [], { count: 1 }))).toBe('… and 1 more problem');
  });

  it('says where and why a file is not JSON in the UI language, not in the browser parser\'s English', () => {
    const text = '{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [110 40]}}\n]}';
    const [p] = problemsOf(text, 'x.geojson');
    expect(p).toEqual({ code: 'notJson', at: [], params: { line: 3, column: 73, what: 'CommaExpected', near: 'ates": [110 40]}} ]}' } });
    expect(problemText(tZh, p!)).toBe('不是有效的 JSON：第 3 行第 73 列，两项之间缺少逗号（此处的文字：ates": [110 40]}} ]}）');
    expect(problemText(tEn, p!)).toBe('not valid JSON: line 3, column 73: a comma is missing between two items (the text there: ates": [110 40]}} ]})');
    const [word] = problemsOf('hello', 'x.geojson');
    expect(problemText(tZh, word!)).toBe('不是有效的 JSON：第 1 行第 1 列，无法识别的字符（此处的文字：hello）');
    // Cut short: said as such, at whatever point it was cut.
    for (const cut of ['{"type": "FeatureCollection", "features": [', '{"type": "Feat', '', '   ']) {
      const [end] = problemsOf(cut, 'x.geojson');
      expect(end, JSON.stringify(cut)).toEqual({ code: 'notJsonEnd', at: [], params: {} });
      expect(problemText(tZh, end!)).toBe('不是有效的 JSON：文件在 JSON 结束之前就结束了（可能不完整）');
    }
  });

  it('keeps names from the file literal, i18next syntax included', () => {
    for (const name of ['$t(import.heading)', '{{constructor.constructor}}', '<img src=x onerror=alert(1)>']) {
      const p = problem('noGeometry', [{ kind: 'feature', n: 1, name }]);
      expect(problemText(tZh, p)).toBe(`第 1 个要素（${name}）：没有几何图形`);
      expect(problemText(tEn, p)).toBe(`feature 1 (${name}): has no geometry`);
    }
  });

  it('sets every value from the file off in an isolate, so a right-to-left override stays inside it', () => {
    const name = '\u202Eevil';
    const p = problem('csvNotNumbers', [{ kind: 'row', n: 3, name }], { lon: '"\u202Eabc"', lat: '"40"' });
    const text = isolatedText(tEn, p);
    expect(text).toBe('row 3 (\u2068\u202Eevil\u2069): longitude \u2068"\u202Eabc"\u2069 and latitude \u2068"40"\u2069 must be decimal numbers');
    // Every override opened in a value is closed by the isolate's end before our words go on.
    expect(text.split('\u2069').length - 1).toBe(3);
  });

  it('has a text for every problem of a views file, in both languages, the view named', () => {
    const params = { ...PARAMS, param: 'region', value: '15x200', reason: 'malformed', id: 'x', found: '"y"' };
    for (const code of VIEW_PROBLEM_CODES) {
      const zhText = viewProblemText(tZh, { code, view: 2, params });
      const enText = viewProblemText(tEn, { code, view: 2, params });
      for (const text of [zhText, enText]) expect(text, code).not.toMatch(/export\.|notice\.|import\.|\{\{|undefined/);
      expect(zhText.startsWith('第 2 个视图：'), code).toBe(true);
      expect(enText.startsWith('view 2: '), code).toBe(true);
      expect(enText.replace(/\u2068[^\u2069]*\u2069/g, ''), code).not.toMatch(HAN);
    }
    expect(viewProblemText(tZh, { code: 'linkParam', view: 1, params: { param: 'region', value: '15x200', reason: 'malformed' } })).toBe('第 1 个视图：链接中的地区：“\u206815x200\u2069”格式不对');
  });
});

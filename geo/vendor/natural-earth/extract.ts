/**
 * Makes the vendored Natural Earth extracts in this folder (rivers.geojson, lakes.geojson,
 * source-sample.geojson) from Natural Earth 1:10m physical (public domain), as converted to GeoJSON
 * by GitHub martynafford/natural-earth-geojson at commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e:
 *   10m/physical/ne_10m_rivers_lake_centerlines.7z → ne_10m_rivers_lake_centerlines.json
 *   10m/physical/ne_10m_lakes.7z                   → ne_10m_lakes.json
 * (Natural Earth files dated 2017-11-09, i.e. release 4.0.0; see README.md for how to get them.)
 *
 *   npx tsx geo/vendor/natural-earth/extract.ts DIR    (DIR holds the two unpacked .json files)
 *
 * Clipped to lon 97–127, lat 34–54 (Inner Mongolia and the Bohai Rim), simplified with
 * Douglas-Peucker at 0.002° (turf `simplify`, high quality), coordinates rounded to 1e-4°.
 * This release has no `name_zh`: the Chinese (and English) names come from the table below, by
 * Natural Earth's `name`; a feature whose name the table lacks keeps Natural Earth's name in
 * `name_en` and no `name_zh` (the script lists them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bboxClip, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CLIP: [number, number, number, number] = [97, 34, 127, 54];
export const TOLERANCE = 0.002;

/**
 * Natural Earth `name` → [Chinese, English]. Chinese: the names in use on Chinese maps; null where
 * no settled Chinese name is known to us (the feature is then labelled in English only).
 */
const NAMES: Record<string, [string | null, string]> = {
  // Rivers in China
  Huang: ['黄河', 'Yellow River'],
  Wujia: ['乌加河', 'Wujia River'],
  'Xar Moron': ['西拉木伦河', 'Xar Moron River'],
  Xiliao: ['西辽河', 'West Liao River'],
  Liao: ['辽河', 'Liao River'],
  Hailar: ['海拉尔河', 'Hailar River'],
  'Argun’': ['额尔古纳河', 'Ergun River'],
  Luan: ['滦河', 'Luan River'],
  Shandian: ['闪电河', 'Shandian River'],
  Sanggan: ['桑干河', 'Sanggan River'],
  Yongding: ['永定河', 'Yongding River'],
  Hai: ['海河', 'Hai River'],
  Daling: ['大凌河', 'Daling River'],
  Fen: ['汾河', 'Fen River'],
  Wuding: ['无定河', 'Wuding River'],
  Dali: ['大理河', 'Dali River'],
  Wei: ['渭河', 'Wei River'],
  Jing: ['泾河', 'Jing River'],
  Huan: ['环江', 'Huan River'],
  Qin: ['沁河', 'Qin River'],
  Zhang: ['漳河', 'Zhang River'],
  Yi: ['沂河', 'Yi River'],
  Han: ['汉江', 'Han River'],
  Jialing: ['嘉陵江', 'Jialing River'],
  Yalong: ['雅砻江', 'Yalong River'],
  Buh: ['布哈河', 'Buh River'],
  Nen: ['嫩江', 'Nen River'],
  Nanweng: ['南瓮河', 'Nanweng River'],
  Nemor: ['讷谟尔河', 'Nemor River'],
  Chaor: ['绰尔河', 'Chaor River'],
  'Tao’er': ['洮儿河', 'Tao’er River'],
  Songhua: ['松花江', 'Songhua River'],
  'Di’er Songhua': ['第二松花江', 'Second Songhua River'],
  Yalu: ['鸭绿江', 'Yalu River'],
  'Heilong Jiang': ['黑龙江', 'Amur (Heilong Jiang)'],
  // Rivers in Mongolia and Russia
  Herlen: ['克鲁伦河', 'Kherlen River'],
  Onon: ['鄂嫩河', 'Onon River'],
  Orhon: ['鄂尔浑河', 'Orkhon River'],
  Selenga: ['色楞格河', 'Selenga River'],
  Ideriyn: ['伊德尔河', 'Ider River'],
  Shilka: ['石勒喀河', 'Shilka River'],
  Ingoda: ['音果达河', 'Ingoda River'],
  Lena: ['勒拿河', 'Lena River'],
  Angara: ['安加拉河', 'Angara River'],
  Vitim: ['维季姆河', 'Vitim River'],
  Zeya: ['结雅河', 'Zeya River'],
  'Olëkma': ['奥廖克马河', 'Olyokma River'],
  'Shishhid Gol': [null, 'Shishhid Gol'],
  'Kyzyl-Khem': [null, 'Kyzyl-Khem'],
  'Bol’shoy Yenisey': ['大叶尼塞河', 'Bolshoy Yenisey'],
  Chuna: [null, 'Chuna River'],
  Oka: [null, 'Oka River'],
  // Lakes and reservoirs
  'Hulun Nuur': ['呼伦湖', 'Hulun Lake'],
  'Buyr Nuur': ['贝尔湖', 'Buir Lake'],
  'Ulansuhai Nur': ['乌梁素海', 'Ulansuhai Nur'],
  'Dalai Nur': ['达里诺尔', 'Dali Nur'],
  'Guanting Shuiku': ['官厅水库', 'Guanting Reservoir'],
  'Baidagang Shuiku': ['北大港水库', 'Beidagang Reservoir'],
  'Qagan Nur': ['查干湖', 'Chagan Lake'],
  'Yueliang Pao': ['月亮泡', 'Yueliang Pao'],
  'Songhua Hu': ['松花湖', 'Songhua Lake'],
  'Supung Reservoir': ['水丰水库', 'Sup’ung Reservoir'],
  'Qinghai Hu': ['青海湖', 'Qinghai Lake'],
  'Ngoring Hu': ['鄂陵湖', 'Ngoring Lake'],
  'Gyaring Hu': ['扎陵湖', 'Gyaring Lake'],
  'Weishan Hu': ['微山湖', 'Weishan Lake'],
  'Dongping Hu': ['东平湖', 'Dongping Lake'],
  'Luoma Hu': ['骆马湖', 'Luoma Lake'],
  'Lake Baikal': ['贝加尔湖', 'Lake Baikal'],
  'Khövsgöl Nuur': ['库苏古尔湖', 'Khövsgöl Lake'],
  'Bratsk Reservoir': ['布拉茨克水库', 'Bratsk Reservoir'],
};

type Line = LineString | MultiLineString;
type Area = Polygon | MultiPolygon;

export interface WaterProps {
  /** Natural Earth's own name (the key of the names table), or null. */
  ne_name: string | null;
  name_zh: string | null;
  name_en: string | null;
  /** river | lake_centerline (a river's course through a lake) | lake | reservoir | alkaline_lake. */
  kind: string;
  /** Natural Earth `scalerank`: 0 (most important) … 9. */
  rank: number;
  /** Natural Earth `min_zoom`: the web-map zoom from which it suggests drawing the feature. */
  min_zoom: number;
}

const round = (c: Position): Position => [Math.round(c[0]! * 1e4) / 1e4, Math.round(c[1]! * 1e4) / 1e4];
function roundGeom<G extends Geometry>(g: G): G {
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? round(c as Position) : (c as unknown[]).map(walk));
  return { ...g, coordinates: walk((g as { coordinates: unknown }).coordinates) } as G;
}

/** Drops repeated vertices, lines of fewer than 2 points and rings of fewer than 4. */
function clean<G extends Line | Area>(g: G): G | null {
  const dedupe = (l: Position[]) => l.filter((p, i) => i === 0 || p[0] !== l[i - 1]![0] || p[1] !== l[i - 1]![1]);
  if (g.type === 'LineString') {
    const l = dedupe(g.coordinates);
    return l.length >= 2 ? ({ type: 'LineString', coordinates: l } as G) : null;
  }
  if (g.type === 'MultiLineString') {
    const ls = g.coordinates.map(dedupe).filter((l) => l.length >= 2);
    if (!ls.length) return null;
    return (ls.length === 1 ? { type: 'LineString', coordinates: ls[0] } : { type: 'MultiLineString', coordinates: ls }) as G;
  }
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((rings) => rings.map(dedupe).filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  if (!polys.length) return null;
  return (polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }) as G;
}

function names(neName: string | null, missing: Set<string>): Pick<WaterProps, 'name_zh' | 'name_en'> {
  if (!neName) return { name_zh: null, name_en: null };
  const t = NAMES[neName];
  if (!t) {
    missing.add(neName);
    return { name_zh: null, name_en: neName };
  }
  return { name_zh: t[0], name_en: t[1] };
}

function extract<G extends Line | Area>(file: string, kindOf: (featurecla: string) => string, missing: Set<string>): { fc: FeatureCollection<G, WaterProps>; raw: Feature<G, WaterProps>[] } {
  const src = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<G, Record<string, unknown>>;
  const out: Feature<G, WaterProps>[] = [];
  const raw: Feature<G, WaterProps>[] = [];
  for (const f of src.features) {
    if (!f.geometry) continue;
    const clipped = clean(bboxClip(f as Feature<G>, CLIP).geometry as G);
    if (!clipped) continue;
    const p = f.properties;
    const neName = typeof p.name === 'string' && p.name ? p.name : null;
    const props: WaterProps = {
      ne_name: neName,
      ...names(neName, missing),
      kind: kindOf(String(p.featurecla)),
      rank: Number(p.scalerank),
      min_zoom: Number(p.min_zoom),
    };
    raw.push({ type: 'Feature', properties: props, geometry: clipped });
    const simple = clean(roundGeom(simplify({ type: 'Feature', properties: {}, geometry: clipped }, { tolerance: TOLERANCE, highQuality: true }).geometry as G));
    if (simple) out.push({ type: 'Feature', properties: props, geometry: simple });
  }
  // Stable order: most important first, then by name.
  const order = (a: Feature<G, WaterProps>, b: Feature<G, WaterProps>) => a.properties.rank - b.properties.rank || String(a.properties.ne_name).localeCompare(String(b.properties.ne_name));
  out.sort(order);
  return { fc: { type: 'FeatureCollection', features: out }, raw };
}

/** One feature a line: diffs of a re-extract stay readable. */
export function writeCollection(file: string, fc: FeatureCollection, meta: Record<string, unknown>): void {
  const lines = fc.features.map((f) => JSON.stringify(f));
  fs.writeFileSync(file, `{"type":"FeatureCollection",${JSON.stringify(meta).slice(1, -1)},"features":[\n${lines.join(',\n')}\n]}\n`);
}

const countVertices = (fc: FeatureCollection) => JSON.stringify(fc.features.map((f) => (f.geometry as { coordinates: unknown }).coordinates)).split('],[').length;

function main(dir: string): void {
  const missing = new Set<string>();
  const source = 'Natural Earth 1:10m physical, files of 2017-11-09 (4.0.0 by date; public domain), GeoJSON from GitHub martynafford/natural-earth-geojson@0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e';
  const meta = (file: string) => ({ source: `${source}, 10m/physical/${file}`, clip: CLIP, tolerance_deg: TOLERANCE, made_by: 'geo/vendor/natural-earth/extract.ts' });

  const rivers = extract<Line>(path.join(dir, 'ne_10m_rivers_lake_centerlines.json'), (c) => (c === 'Lake Centerline' ? 'lake_centerline' : 'river'), missing);
  const lakes = extract<Area>(path.join(dir, 'ne_10m_lakes.json'), (c) => c.toLowerCase().replace(/ /g, '_'), missing);
  writeCollection(path.join(HERE, 'rivers.geojson'), rivers.fc, meta('ne_10m_rivers_lake_centerlines.7z'));
  writeCollection(path.join(HERE, 'lakes.geojson'), lakes.fc, meta('ne_10m_lakes.7z'));

  // The unsimplified (clipped) source of two samples, for tests/unit/water.test.ts to measure the
  // simplification against: the Yellow River through the Hetao loop and Hulun Lake.
  const hetao: [number, number, number, number] = [106, 39, 112, 42];
  const sample: Feature[] = [];
  for (const f of rivers.raw.filter((f) => f.properties.ne_name === 'Huang')) {
    const g = clean(bboxClip(f, hetao).geometry as Line);
    if (g) sample.push({ type: 'Feature', properties: { ...f.properties, sample: 'hetao' }, geometry: g });
  }
  for (const f of lakes.raw.filter((f) => f.properties.ne_name === 'Hulun Nuur')) sample.push({ type: 'Feature', properties: { ...f.properties, sample: 'hulun' }, geometry: f.geometry });
  writeCollection(path.join(HERE, 'source-sample.geojson'), { type: 'FeatureCollection', features: sample }, { source: `${source} (clipped, not simplified)`, made_by: 'geo/vendor/natural-earth/extract.ts' });

  const kb = (f: string) => `${(fs.statSync(path.join(HERE, f)).size / 1024).toFixed(1)} KB`;
  console.log(`rivers: ${rivers.fc.features.length} features, ${countVertices({ type: 'FeatureCollection', features: rivers.raw })} → ${countVertices(rivers.fc)} vertices, ${kb('rivers.geojson')}`);
  console.log(`lakes: ${lakes.fc.features.length} features, ${countVertices({ type: 'FeatureCollection', features: lakes.raw })} → ${countVertices(lakes.fc)} vertices, ${kb('lakes.geojson')}`);
  console.log(`source-sample: ${sample.length} features, ${kb('source-sample.geojson')}`);
  if (missing.size) console.log(`no names-table entry (English only, as Natural Earth has it): ${[...missing].sort().join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx geo/vendor/natural-earth/extract.ts DIR');
  main(dir);
}

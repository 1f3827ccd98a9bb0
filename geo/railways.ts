/**
 * The basemap's railways: OpenStreetMap's named lines (geo/vendor/osm-railways, ODbL) as the tiles'
 * `railways` layer. Every line keeps `highspeed` and `km`; main lines — long enough to name at the
 * zooms the map labels them — also carry their names, so the font holds only those names' characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { pinyin } from 'pinyin-pro';
import { OSM_RAILWAYS, RAILWAY_MAIN_KM } from '../src/domain/vocabulary.ts';

export interface OsmRailwayProps {
  name: string;
  name_en?: string;
  highspeed: boolean;
  km: number;
}
export type OsmRailways = FeatureCollection<LineString | MultiLineString, OsmRailwayProps>;

/** Lines at least this long are named on the map (and drawn at every zoom). */
export const MAIN_LINE_KM = RAILWAY_MAIN_KM;
/** Connecting and yard lines are not main lines, however long their name's pieces add up to. */
const NOT_MAIN = /联络线|疏解线|联线|支线|专用线|专用铁路|环线|进港|出港/;

export function readOsmRailways(root: string): OsmRailways {
  return JSON.parse(fs.readFileSync(path.join(root, OSM_RAILWAYS), 'utf8')) as OsmRailways;
}

export function isMainLine(p: OsmRailwayProps): boolean {
  return p.km >= MAIN_LINE_KM && !NOT_MAIN.test(p.name);
}

/** Generic endings of Chinese line names and their English. */
const ENDINGS: [RegExp, string][] = [
  [/(高速线|高速铁路|高铁)$/, ' High-speed Railway'],
  [/(客专线|客运专线|客专)$/, ' Passenger Railway'],
  [/(城际线|城际铁路|城际)$/, ' Intercity Railway'],
  [/(铁路|线)$/, ' Railway'],
];

/** OSM's English name, else the Chinese name's pinyin with its ending translated (集通线 → Jitong Railway). */
export function railwayNameEn(p: OsmRailwayProps): string {
  if (p.name_en) return p.name_en;
  for (const [re, en] of ENDINGS) {
    if (!re.test(p.name)) continue;
    // Syllables run together, with an apostrophe before one that starts with a, e or o (伊阿 → Yi'a).
    const stem = pinyin(p.name.replace(re, ''), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s))
      .join('');
    return stem.charAt(0).toUpperCase() + stem.slice(1) + en;
  }
  return p.name;
}

/** The tiles' features: names on main lines only. */
export function railwayTileFeatures(fc: OsmRailways): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => {
      const p = f.properties;
      const names = isMainLine(p) ? { name_zh: p.name, name_en: railwayNameEn(p) } : {};
      return { type: 'Feature', properties: { highspeed: p.highspeed, km: Math.round(p.km), ...names }, geometry: f.geometry };
    }),
  };
}

/** Every label the map can write on a railway (for the font subset). */
export function railwayLabels(fc: OsmRailways): string[] {
  return fc.features.filter((f) => isMainLine(f.properties)).flatMap((f) => [f.properties.name, railwayNameEn(f.properties)]);
}

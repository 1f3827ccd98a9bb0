/**
 * Loads the atlas's geography from its own origin (public/geo, copied into dist/) and indexes it:
 * regions by code with their parents, countries by ISO code, and label anchors for the basemap.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps, RegionCollection, RegionLevel, RegionProps } from '../domain/types.ts';
import { COUNTY_ZOOM } from './basemap/codes.ts';
import type { LabelCollection, LabelProps } from './basemap/sources.ts';
import { areaKm2, labelAnchor } from './label-points.ts';

export type { RegionCollection };
export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

/** What the panel needs to know about a selectable thing: a Chinese region or a country. */
export interface RegionInfo {
  code: string;
  level: RegionLevel | 'country';
  name_zh: string;
  name_en: string;
  parent: string | null;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
}

export interface GeoData {
  regions: RegionCollection;
  countries: CountryCollection;
  labels: LabelCollection;
  byCode: Map<string, RegionInfo>;
  /** The outline of each region (by code) and country (by ISO alpha-3): what the map highlights. */
  shapes: Map<string, Polygon | MultiPolygon>;
}

/** A URL under the app's base (works with Vite's `base`, relative or absolute). */
export function assetUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(assetUrl(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys)
    for (const p of poly[0] ?? []) {
      b[0] = Math.min(b[0], p[0]!);
      b[1] = Math.min(b[1], p[1]!);
      b[2] = Math.max(b[2], p[0]!);
      b[3] = Math.max(b[3], p[1]!);
    }
  return b;
}

/**
 * Label anchors placed by hand where the computed one would fall outside the atlas's frame:
 * Russia's largest polygon centres far to the north-west.
 */
const COUNTRY_ANCHORS: Record<string, [number, number]> = {
  RUS: [113.5, 52.4],
  MNG: [105.5, 46.6],
};

/**
 * Region label anchors placed by hand. Inner Mongolia's own name: its pole of inaccessibility lies
 * on the meeting point of Chifeng, Xilingol and Hinggan, whose labels it would hide; north-eastern
 * Xilingol is open steppe.
 */
const REGION_ANCHORS: Record<string, [number, number]> = {
  '150000': [117.3, 44.85],
};

/** Seas named on the map (anchors chosen by hand, inside the water body). */
const SEAS: Array<{ id: string; lon: number; lat: number; zh: string; en: string }> = [
  { id: 'bohai', lon: 120.2, lat: 38.85, zh: '渤海', en: 'Bohai Sea' },
  { id: 'yellow', lon: 123.3, lat: 35.6, zh: '黄海', en: 'Yellow Sea' },
];

/** Sort keys by kind: lower wins label collisions. */
const RANK: Record<LabelProps['kind'], number> = { country: 10, province: 20, league: 30, prefecture: 40, county: 50, sea: 5 };

/** Within a kind, larger regions win: 0 (≥ 1,000,000 km²) … 9 (tiny). */
function sizeRank(km2: number): number {
  return 9 - Math.min(9, Math.max(0, (Math.log10(Math.max(km2, 1)) / 6) * 9));
}

export function buildLabels(regions: RegionCollection, countries: CountryCollection): LabelCollection {
  const features: LabelCollection['features'] = [];
  const add = (id: string, kind: LabelProps['kind'], lonlat: [number, number], zh: string, en: string, rank: number) =>
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: lonlat }, properties: { id, kind, name_zh: zh, name_en: en, rank } });

  for (const f of countries.features) {
    const p = f.properties;
    add(p.iso3, 'country', COUNTRY_ANCHORS[p.iso3] ?? labelAnchor(f.geometry, 10), p.name_zh, p.name_en, RANK.country);
  }
  for (const f of regions.features) {
    const p = f.properties as RegionProps;
    const kind: LabelProps['kind'] =
      p.level === 'province' ? 'province' : p.level === 'county' ? 'county' : p.parent === '150000' ? 'league' : 'prefecture';
    // A label anchor need not be exact: a few km is a pixel or two at the zooms each level is labelled.
    const precisionKm = p.level === 'county' ? 2 : p.level === 'prefecture' ? 4 : 10;
    // Inner Mongolia's own name goes first of all Chinese labels.
    const rank = p.code === '150000' ? 1 : RANK[kind] + sizeRank(areaKm2(f.geometry));
    add(p.code, kind, REGION_ANCHORS[p.code] ?? labelAnchor(f.geometry, precisionKm), p.name_zh, p.name_en, rank);
  }
  for (const s of SEAS) add(s.id, 'sea', [s.lon, s.lat], s.zh, s.en, RANK.sea);
  return { type: 'FeatureCollection', features };
}

export async function loadGeoData(): Promise<GeoData> {
  const [regions, countries] = await Promise.all([getJson<RegionCollection>('geo/regions.geojson'), getJson<CountryCollection>('geo/countries.geojson')]);
  const byCode = new Map<string, RegionInfo>();
  const shapes = new Map<string, Polygon | MultiPolygon>();
  for (const f of regions.features) {
    const p = f.properties;
    shapes.set(p.code, f.geometry);
    byCode.set(p.code, { code: p.code, level: p.level, name_zh: p.name_zh, name_en: p.name_en, parent: p.parent, bbox: bboxOf(f.geometry) });
  }
  for (const f of countries.features) {
    const p = f.properties;
    shapes.set(p.iso3, f.geometry);
    byCode.set(p.iso3, { code: p.iso3, level: 'country', name_zh: p.name_zh, name_en: p.name_en, parent: null, bbox: bboxOf(f.geometry) });
  }
  return { regions, countries, labels: buildLabels(regions, countries), byCode, shapes };
}

/** The zoom at which a region's own outline (not its children's) is what the map hovers. */
export function zoomForLevel(info: RegionInfo): number | null {
  return info.level === 'county' ? COUNTY_ZOOM + 0.5 : null;
}

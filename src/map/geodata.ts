/**
 * Loads the atlas's geography from its own origin (public/geo, copied into dist/, built by geo/) and
 * indexes it: regions by code with their parents, countries by ISO code, their outlines, and the
 * names' anchors for the basemap.
 */
import { getJson } from '../styles/assets.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LabelCollection, RegionCollection, RegionLevel } from '../domain/types.ts';
import { countriesOf, regionsOf, type CountryCollection, type RegionTopology } from '../domain/region-topology.ts';
import { COUNTY_ZOOM } from '../domain/vocabulary.ts';

export type { RegionCollection, CountryCollection };

/** What the panel needs to know about a selectable thing: a Chinese region or a country. */
export interface RegionInfo {
  code: string;
  level: RegionLevel | 'country';
  name_zh: string;
  name_en: string;
  parent: string | null;
  /** [west, south, east, north] */
  readonly bbox: [number, number, number, number];
}

export interface GeoData {
  /** The outlines as read (regions.topo.json): the catalogue merges its region-made areas from it. */
  topology: RegionTopology;
  regions: RegionCollection;
  countries: CountryCollection;
  labels: LabelCollection;
  byCode: Map<string, RegionInfo>;
  /** The outline of each region (by code) and country (by ISO alpha-3): what the map highlights. */
  shapes: Map<string, Polygon | MultiPolygon>;
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity;
  let so = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys)
    for (const [x, y] of poly[0] ?? []) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < so) so = y!;
      if (y! > n) n = y!;
    }
  return [w, so, e, n];
}

/**
 * A region's entry, its box computed when first asked for: the page's start reads ~1,300 outlines
 * before the map can start, and no box is needed until a region is focused or exported.
 */
function regionInfo(o: Omit<RegionInfo, 'bbox'>, geometry: Polygon | MultiPolygon): RegionInfo {
  let box: [number, number, number, number] | null = null;
  return {
    ...o,
    get bbox() {
      return (box ??= bboxOf(geometry));
    },
  };
}

/** Where the basemap writes the names: all the basemap needs besides its tiles. */
export function loadLabels(): Promise<LabelCollection> {
  return getJson<LabelCollection>('geo/labels.geojson');
}

export async function loadGeoData(labelsLoading: Promise<LabelCollection> = loadLabels()): Promise<GeoData> {
  // The basemap draws the lands and borders from its vector tiles (public/tiles, geo/tiles.ts); the
  // outlines here are for the panels, the hit test and the highlight.
  const [topology, labels] = await Promise.all([getJson<RegionTopology>('geo/regions.topo.json'), labelsLoading]);
  const regions = regionsOf(topology);
  const countries = countriesOf(topology);
  const byCode = new Map<string, RegionInfo>();
  const shapes = new Map<string, Polygon | MultiPolygon>();
  for (const f of regions.features) {
    const p = f.properties;
    shapes.set(p.code, f.geometry);
    byCode.set(p.code, regionInfo({ code: p.code, level: p.level, name_zh: p.name_zh, name_en: p.name_en, parent: p.parent }, f.geometry));
  }
  for (const f of countries.features) {
    const p = f.properties;
    shapes.set(p.iso3, f.geometry);
    byCode.set(p.iso3, regionInfo({ code: p.iso3, level: 'country', name_zh: p.name_zh, name_en: p.name_en, parent: null }, f.geometry));
  }
  return { topology, regions, countries, labels, byCode, shapes };
}

/** The zoom at which a region's own outline (not its children's) is what the map hovers. */
export function zoomForLevel(info: RegionInfo): number | null {
  return info.level === 'county' ? COUNTY_ZOOM + 0.5 : null;
}

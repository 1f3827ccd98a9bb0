/**
 * Label anchors of the basemap's names (public/geo/labels.geojson): one point per region and
 * country, at the pole of inaccessibility of its largest polygon (label-points.ts), plus the seas.
 * Built here, once, rather than in the browser on every page load.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps, LabelCollection, LabelProps, RegionCollection, RegionProps } from '../src/domain/types.ts';
import { areaKm2, labelAnchor } from './label-points.ts';
import { INNER_MONGOLIA } from '../src/domain/vocabulary.ts';

type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

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

/** 4 decimals (≈ 10 m): far below a pixel at any zoom a name is shown at. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function buildLabels(regions: RegionCollection, countries: CountryCollection): LabelCollection {
  const features: LabelCollection['features'] = [];
  const add = (id: string, kind: LabelProps['kind'], [lon, lat]: [number, number], zh: string, en: string, rank: number) =>
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round(lon), round(lat)] }, properties: { id, kind, name_zh: zh, name_en: en, rank: round(rank) } });

  for (const f of countries.features) {
    const p = f.properties;
    add(p.iso3, 'country', COUNTRY_ANCHORS[p.iso3] ?? labelAnchor(f.geometry, 10), p.name_zh, p.name_en, RANK.country);
  }
  for (const f of regions.features) {
    const p = f.properties as RegionProps;
    const kind: LabelProps['kind'] =
      p.level === 'province' ? 'province' : p.level === 'county' ? 'county' : p.parent === INNER_MONGOLIA ? 'league' : 'prefecture';
    // A label anchor need not be exact: a few km is a pixel or two at the zooms each level is labelled.
    const precisionKm = p.level === 'county' ? 2 : p.level === 'prefecture' ? 4 : 10;
    // Inner Mongolia's own name goes first of all Chinese labels.
    const rank = p.code === INNER_MONGOLIA ? 1 : RANK[kind] + sizeRank(areaKm2(f.geometry));
    add(p.code, kind, REGION_ANCHORS[p.code] ?? labelAnchor(f.geometry, precisionKm), p.name_zh, p.name_en, rank);
  }
  for (const s of SEAS) add(s.id, 'sea', [s.lon, s.lat], s.zh, s.en, RANK.sea);
  return { type: 'FeatureCollection', features };
}

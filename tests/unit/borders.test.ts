/**
 * The basemap's border lines, each drawn once: the runs geo/borders.ts chooses, the lines the page
 * cuts from them (src/map/basemap/borders.ts), and the style's one line layer per kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { borderRuns } from '../../geo/borders.ts';
import { bordersOf, ringsOf } from '../../geo/border-lines.ts';
import { basemapStyle } from '../../src/map/basemap/style.ts';
import { TILE_LAYER } from '../../src/domain/vocabulary.ts';
import type { BorderCollection, BorderKind, BorderRuns, CountryProps, RegionProps } from '../../src/domain/types.ts';

const KINDS: BorderKind[] = ['county', 'league', 'prefecture', 'province', 'inner-mongolia', 'country'];

const seg = (a: Position, b: Position) => {
  const ka = `${a[0]},${a[1]}`;
  const kb = `${b[0]},${b[1]}`;
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
};

/** Segments of each kind's lines, with how often each is drawn. */
function drawnSegments(borders: BorderCollection): Map<BorderKind, Map<string, number>> {
  const out = new Map<BorderKind, Map<string, number>>(KINDS.map((k) => [k, new Map()]));
  for (const f of borders.features) {
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const m = out.get(f.properties.kind)!;
    for (const l of lines) for (let i = 1; i < l.length; i++) m.set(seg(l[i - 1]!, l[i]!), (m.get(seg(l[i - 1]!, l[i]!)) ?? 0) + 1);
  }
  return out;
}

const ringSegments = (g: Polygon | MultiPolygon) => ringsOf(g).flatMap((r) => r.slice(1).map((p, i) => seg(r[i]!, p)));

// A 3 × 2 block: Inner Mongolia (two leagues of two banners each) on the left, a province of two
// prefectures on the right, and a country below. Shared borders share their vertices, as geo/'s
// topology step makes them.
const square = (x0: number, y0: number, x1: number, y1: number, extra: Position[] = []): Polygon => {
  // Counter-clockwise, with extra vertices inserted on the edges where neighbours have corners.
  const pts: Position[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const ring: Position[] = [];
  for (let i = 0; i < 4; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % 4]!;
    ring.push(a);
    const on = extra.filter((p) => (a[0] === b[0] ? p[0] === a[0] && (p[1]! - a[1]!) * (p[1]! - b[1]!) < 0 : p[1] === a[1] && (p[0]! - a[0]!) * (p[0]! - b[0]!) < 0));
    on.sort((p, q) => Math.hypot(p[0]! - a[0]!, p[1]! - a[1]!) - Math.hypot(q[0]! - a[0]!, q[1]! - a[1]!));
    ring.push(...on);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
};
const region = (code: string, level: RegionProps['level'], parent: string | null, geometry: Polygon): Feature<Polygon, RegionProps> => ({
  type: 'Feature',
  properties: { code, level, parent, name_zh: code, name_en: code },
  geometry,
});
const REGIONS = [
  region('150000', 'province', null, square(0, 0, 2, 2, [[1, 0], [2, 1], [1, 2], [0, 1]])),
  // Its ring starts mid-way up its east edge, so the stretch it draws runs through its first point.
  region('140000', 'province', null, { type: 'Polygon', coordinates: [[[3, 1], [3, 2], [2, 2], [2, 1], [2, 0], [3, 0], [3, 1]]] }),
  region('150100', 'prefecture', '150000', square(0, 0, 2, 1, [[1, 0], [1, 1]])),
  region('150200', 'prefecture', '150000', square(0, 1, 2, 2, [[1, 1], [1, 2]])),
  region('140100', 'prefecture', '140000', square(2, 0, 3, 1)),
  region('140200', 'prefecture', '140000', square(2, 1, 3, 2)),
  region('150101', 'county', '150100', square(0, 0, 1, 1)),
  region('150102', 'county', '150100', square(1, 0, 2, 1)),
  region('150201', 'county', '150200', square(0, 1, 1, 2)),
  region('150202', 'county', '150200', square(1, 1, 2, 2)),
];
const COUNTRIES: Feature<Polygon, CountryProps>[] = [{ type: 'Feature', properties: { iso3: 'MNG', name_zh: '蒙古国', name_en: 'Mongolia' }, geometry: square(0, -1, 3, 0) }];

describe('border lines, each drawn once', () => {
  const lines = bordersOf(borderRuns(REGIONS, COUNTRIES), REGIONS, COUNTRIES);
  const drawn = drawnSegments(lines);
  const of = (k: BorderKind) => [...drawn.get(k)!.keys()].sort();

  it('gives each border to the highest level it separates', () => {
    expect(of('county')).toEqual([seg([1, 0], [1, 1]), seg([1, 1], [1, 2])].sort());
    expect(of('league')).toEqual([seg([0, 1], [1, 1]), seg([1, 1], [2, 1])].sort());
    expect(of('prefecture')).toEqual([seg([2, 1], [3, 1])]);
    // The neighbour's edge along Inner Mongolia is Inner Mongolia's border.
    expect(of('province')).toEqual([seg([2, 0], [3, 0]), seg([3, 0], [3, 1]), seg([3, 1], [3, 2]), seg([3, 2], [2, 2])].sort());
    expect(of('inner-mongolia')).toEqual([...new Set(ringSegments(REGIONS[0]!.geometry))].sort());
    expect(of('country')).toEqual([...new Set(ringSegments(COUNTRIES[0]!.geometry))].sort());
  });

  it('draws no segment twice, and joins a run through a ring’s first point into one line', () => {
    for (const k of KINDS) for (const [s, n] of drawn.get(k)!) expect(n, `${k} ${s}`).toBe(1);
    const im = lines.features.find((f) => f.properties.kind === 'inner-mongolia')!;
    expect(im.geometry.type).toBe('LineString');
    const province = lines.features.find((f) => f.properties.kind === 'province')!;
    expect(province.geometry).toEqual({ type: 'LineString', coordinates: [[2, 0], [3, 0], [3, 1], [3, 2], [2, 2]] });
  });

  it('a banner edge no other polygon has is drawn at its own level', () => {
    // The league's and the province's outline take another path: the banners' shared corner
    // (1, 0) is not on them, so nothing else draws the banners' southern edges.
    const regions = REGIONS.map((f) =>
      f.properties.code === '150100'
        ? region('150100', 'prefecture', '150000', square(0, 0, 2, 1, [[1, 1]]))
        : f.properties.code === '150000'
          ? region('150000', 'province', null, square(0, 0, 2, 2, [[2, 1], [1, 2], [0, 1]]))
          : f,
    );
    const d = drawnSegments(bordersOf(borderRuns(regions, COUNTRIES), regions, COUNTRIES));
    expect([...d.get('county')!.keys()]).toEqual(expect.arrayContaining([seg([0, 0], [1, 0]), seg([1, 0], [2, 0])]));
    expect(d.get('league')!.has(seg([0, 0], [2, 0]))).toBe(false); // Inner Mongolia's border
  });

  it('refuses runs written for other polygons', () => {
    const runs = borderRuns(REGIONS, COUNTRIES);
    expect(() => bordersOf(runs, REGIONS.slice(1), COUNTRIES)).toThrow(/npm run geo/);
    const broken: BorderRuns = { ...runs, kinds: { ...runs.kinds, county: { of: 'regions', runs: [[6, 0, 9, 1]] } } };
    expect(() => bordersOf(broken, REGIONS, COUNTRIES)).toThrow(/outside its ring/);
  });
});

describe('the basemap draws the border lines', () => {
  it('with one line layer per kind, on the borders layer of the tiles', () => {
    const empty = { type: 'FeatureCollection' as const, features: [] };
    const style = basemapStyle({ data: { labels: empty, tiles: 'http://x/tiles/{z}/{x}/{y}.pbf' }, lang: 'zh', fontFaces: {}, fonts: { regular: ['a'], semibold: ['b'] } as never });
    const layerOf = (l: unknown) => (l as { 'source-layer'?: string })['source-layer'];
    const kinds = style.layers.filter((l) => l.type === 'line' && layerOf(l) === TILE_LAYER.borders).map((l) => (l as { filter: unknown[] }).filter[2]);
    expect(kinds.sort()).toEqual([...KINDS].sort());
    // No border is drawn as a polygon's outline any more.
    expect(style.layers.filter((l) => l.type === 'line' && layerOf(l) === TILE_LAYER.provinces)).toEqual([]);
  });
});

const GEO = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'public', 'geo');
const need = (name: string) => {
  const f = join(GEO, name);
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run geo\` first`);
  return JSON.parse(readFileSync(f, 'utf8')) as unknown;
};

describe('public/geo/borders.json', () => {
  const regions = (need('regions.geojson') as { features: Feature<Polygon | MultiPolygon, RegionProps>[] }).features;
  const countries = (need('countries.geojson') as { features: Feature<Polygon | MultiPolygon, CountryProps>[] }).features;
  const borders = bordersOf(need('borders.json') as BorderRuns, regions, countries);
  const drawn = drawnSegments(borders);

  it('draws every edge of every region, once', () => {
    const all = new Map<string, BorderKind[]>();
    for (const [k, m] of drawn) for (const [s, n] of m) {
      expect(n, `${k} ${s}`).toBe(1);
      if (k !== 'country') all.set(s, [...(all.get(s) ?? []), k]);
    }
    const twice = [...all].filter(([, ks]) => ks.length > 1);
    expect(twice).toEqual([]);
    const missing = regions.flatMap((f) => ringSegments(f.geometry).filter((s) => !all.has(s)).map((s) => `${f.properties.code} ${s}`));
    expect(missing).toEqual([]);
  });

  it('halves what the outlines drew: each shared border once, at its own level', () => {
    const outlines = regions.reduce((n, f) => n + ringSegments(f.geometry).length, 0);
    const lines = [...drawn].filter(([k]) => k !== 'country').reduce((n, [, m]) => n + m.size, 0);
    expect(lines).toBeLessThan(outlines * 0.55);
    // Inner Mongolia's outline is drawn by its own layer only.
    const im = regions.find((f) => f.properties.code === '150000')!;
    for (const s of ringSegments(im.geometry)) expect(drawn.get('inner-mongolia')!.has(s), s).toBe(true);
    expect(drawn.get('league')!.size).toBeGreaterThan(500);
    expect(drawn.get('county')!.size).toBeGreaterThan(1000);
  });
});

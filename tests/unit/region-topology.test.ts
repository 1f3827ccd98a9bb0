/**
 * The regions' topology (public/geo/regions.topo.json) holds the same outlines as regions.geojson
 * and countries.geojson, and the region-made areas merged from it cover what the compiler dissolved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import polygonClipping, { type Geom } from 'polygon-clipping';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { regionTopology } from '../../geo/region-topology.ts';
import { countriesOf, outlineOfCells, regionsOf, withAreaOutlines, type RegionTopology, type StoredProjectCollection } from '../../src/domain/region-topology.ts';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { CountryProps, RegionCollection, RegionProps } from '../../src/domain/types.ts';
import type { FeatureCollection } from 'geojson';

const json = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;
const topology = json<RegionTopology>('public/geo/regions.topo.json');

/** A ring as a set-independent key: the same closed ring from any starting vertex gives the same key. */
function ringKey(ring: Position[]): string {
  const open = ring.slice(0, -1).map(([x, y]) => `${x},${y}`);
  let best = 0;
  for (let i = 1; i < open.length; i++) if (open[i]! < open[best]!) best = i;
  const fwd = [...open.slice(best), ...open.slice(0, best)];
  const rev = [fwd[0]!, ...fwd.slice(1).reverse()];
  return (fwd.join(';') < rev.join(';') ? fwd : rev).join(';');
}
const shapeKey = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((p) => p.map(ringKey).join('|'))
    .sort()
    .join('||');

describe('regions.topo.json', () => {
  it('decodes to the very outlines of regions.geojson and countries.geojson, vertex for vertex', () => {
    const regions = json<RegionCollection>('public/geo/regions.geojson');
    const countries = json<FeatureCollection<Polygon | MultiPolygon, CountryProps>>('public/geo/countries.geojson');
    const decoded = regionsOf(topology);
    expect(decoded.features.map((f) => f.properties)).toEqual(regions.features.map((f) => f.properties));
    decoded.features.forEach((f, i) => expect(shapeKey(f.geometry), f.properties.code).toBe(shapeKey(regions.features[i]!.geometry)));
    const decodedCountries = countriesOf(topology);
    expect(decodedCountries.features.map((f) => f.properties)).toEqual(countries.features.map((f) => f.properties));
    decodedCountries.features.forEach((f, i) => expect(shapeKey(f.geometry), f.properties.iso3).toBe(shapeKey(countries.features[i]!.geometry)));
  });

  it('is what geo/region-topology.ts makes of those files (the build wrote the current outlines)', () => {
    const regions = json<FeatureCollection<Polygon | MultiPolygon, RegionProps>>('public/geo/regions.geojson');
    const countries = json<FeatureCollection<Polygon | MultiPolygon, CountryProps>>('public/geo/countries.geojson');
    expect(JSON.parse(JSON.stringify(regionTopology(regions, countries)))).toEqual(topology);
  });
});

describe('outlineOfCells', () => {
  // Two unit squares side by side, and a third apart.
  const squares = regionTopology(
    {
      type: 'FeatureCollection',
      features: [
        [0, 0],
        [1, 0],
        [5, 5],
      ].map(([x, y], i) => ({
        type: 'Feature' as const,
        properties: { code: `c${i}`, level: 'county' as const, name_zh: '', name_en: '', parent: null },
        geometry: { type: 'Polygon' as const, coordinates: [[[x!, y!], [x! + 1, y!], [x! + 1, y! + 1], [x!, y! + 1], [x!, y!]]] },
      })),
    },
    { type: 'FeatureCollection', features: [] },
  );

  it('merges neighbours along their shared border: one ring, no inner edge', () => {
    const g = outlineOfCells(squares, ['c0', 'c1'])!;
    expect(g.type).toBe('Polygon');
    const ring = (g as Polygon).coordinates[0]!;
    expect(ring).toHaveLength(7); // the four corners and the two ends of the erased border, closed
    expect(ringKey(ring)).toBe(ringKey([[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0]]));
  });

  it('keeps cells apart as parts of a MultiPolygon, and refuses a code it does not hold', () => {
    const g = outlineOfCells(squares, ['c0', 'c2'])!;
    expect(g.type).toBe('MultiPolygon');
    expect((g as MultiPolygon).coordinates).toHaveLength(2);
    expect(outlineOfCells(squares, ['c0', 'nope'])).toBeNull();
  });
});

describe('projects.geojson and the areas merged when read', () => {
  const stored = json<StoredProjectCollection>('public/data/projects.geojson');
  const regions = json<RegionCollection>('public/geo/regions.geojson');
  const byCode = new Map(regions.features.map((f) => [f.properties.code, f.geometry]));

  it('leaves only region-made areas without an outline, and each merges to the union of its cells', () => {
    const bare = stored.features.filter((f) => f.geometry === null);
    expect(bare.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (const f of bare) {
      const cells = f.properties.cells!;
      expect(cells.length, f.properties.id).toBeGreaterThan(0);
      const key = cells.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const merged = outlineOfCells(topology, cells)!;
      const union = polygonClipping.union(...(cells.map((c) => byCode.get(c)!.coordinates) as [Geom, ...Geom[]]));
      const a = area({ type: 'MultiPolygon', coordinates: union });
      expect(Math.abs(area(merged) - a) / a, f.properties.id).toBeLessThan(1e-6);
    }
  });

  it('the catalogue reads every project with a geometry, merged once per set of cells and only when asked', () => {
    const copy = JSON.parse(JSON.stringify(stored)) as StoredProjectCollection;
    const projects = withAreaOutlines(copy, topology);
    const bare = copy.features.find((f) => Object.getOwnPropertyDescriptor(f, 'geometry')?.get)!;
    expect(bare).toBeDefined();
    const g = bare.geometry!;
    expect(['Polygon', 'MultiPolygon']).toContain(g.type);
    expect(Object.getOwnPropertyDescriptor(bare, 'geometry')!.value).toBe(g);
    expect(JSON.parse(JSON.stringify(bare)).geometry.type).toBe(g.type);
    expect(projects.features.every((f) => f.geometry != null)).toBe(true);
    const cat = readCatalogue();
    expect(cat.allProjects().every((p) => p.geometry != null)).toBe(true);
  });

  it('a stored project with neither an outline nor cells is refused by name, and so is a cell the topology lacks', () => {
    const bare = stored.features.find((f) => f.geometry === null)!;
    const withCells = (cells: string[] | undefined): StoredProjectCollection => ({ type: 'FeatureCollection', features: [{ ...bare, properties: { ...bare.properties, id: 'zz-broken', cells } }] });
    expect(() => withAreaOutlines(withCells(undefined), topology)).toThrow(/zz-broken has neither a geometry nor cells/);
    expect(() => withAreaOutlines(withCells([]), topology)).toThrow(/zz-broken has neither a geometry nor cells/);
    const unknown = withAreaOutlines(withCells(['159999']), topology);
    expect(() => unknown.features[0]!.geometry).toThrow(/zz-broken: a cell is not in regions.topo.json/);
  });
});

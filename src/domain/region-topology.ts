/**
 * The regions' and countries' outlines as one topology (public/geo/regions.topo.json, written by
 * geo/region-topology.ts): each border stored once, delta-encoded on a 1e-5° grid, the grid the
 * outlines are written on. An area of the catalogue made of regions carries no outline of its own
 * on disk when its leaf cells merge to it exactly (data/area-outlines.ts decides); its outline is
 * merged here from those cells along their shared borders. Pure: the app, the CLI and the tests.
 */
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CountryProps, ProjectCollection, ProjectFeature, ProjectGeometry, ProjectProps, RegionCollection, RegionProps } from './types.ts';
import type { FeatureCollection } from 'geojson';

export type RegionTopology = Topology<{
  regions: GeometryCollection<RegionProps>;
  countries: GeometryCollection<CountryProps>;
}>;

export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProps>;

/** The step of the topology's grid, in degrees: the outlines' coordinates have 5 decimals. */
export const TOPOLOGY_STEP = 1e-5;

/** A project as written in projects.geojson: a region-made area may leave its outline to the topology. */
export type StoredProjectFeature = Omit<ProjectFeature, 'geometry'> & { geometry: ProjectGeometry | null };
export interface StoredProjectCollection {
  type: 'FeatureCollection';
  features: StoredProjectFeature[];
}

/** Decoded coordinates land on the grid again (112.34567, not 112.34567000000001). */
function onGrid<T extends Polygon | MultiPolygon>(g: T): T {
  const round = (ring: Position[]) => ring.map(([x, y]) => [Math.round(x! * 1e5) / 1e5, Math.round(y! * 1e5) / 1e5]);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(round) } as T;
  return { type: 'MultiPolygon', coordinates: (g as MultiPolygon).coordinates.map((p) => p.map(round)) } as T;
}

export function regionsOf(topo: RegionTopology): RegionCollection {
  const fc = feature(topo, topo.objects.regions) as unknown as RegionCollection;
  return { type: 'FeatureCollection', features: fc.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: onGrid(f.geometry) })) };
}

export function countriesOf(topo: RegionTopology): CountryCollection {
  const fc = feature(topo, topo.objects.countries) as unknown as CountryCollection;
  return { type: 'FeatureCollection', features: fc.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: onGrid(f.geometry) })) };
}

/**
 * The union of leaf regions, merged along their shared borders (topojson's `merge`): a Polygon when
 * it is one piece, else a MultiPolygon; null when a code is not in the topology.
 */
export function outlineOfCells(topo: RegionTopology, cells: readonly string[]): Polygon | MultiPolygon | null {
  const index = geometriesByCode(topo);
  const geoms = cells.map((c) => index.get(c));
  if (geoms.length === 0 || geoms.some((g) => !g)) return null;
  const m = onGrid(merge(topo as unknown as Topology, geoms as TopoShape[]) as MultiPolygon);
  if (m.coordinates.length === 0) return null;
  return m.coordinates.length === 1 ? { type: 'Polygon', coordinates: m.coordinates[0]! } : m;
}

type TopoShape = TopoPolygon | TopoMultiPolygon;
const indexes = new WeakMap<RegionTopology, Map<string, TopoShape>>();
function geometriesByCode(topo: RegionTopology): Map<string, TopoShape> {
  let index = indexes.get(topo);
  if (!index) {
    index = new Map(topo.objects.regions.geometries.map((g) => [(g.properties as RegionProps).code, g as TopoShape]));
    indexes.set(topo, index);
  }
  return index;
}

/**
 * The catalogue's projects with every outline: those left to the topology are merged from their
 * cells when first read (most are not drawn in the first view), once per set of cells.
 */
export function withAreaOutlines(stored: StoredProjectCollection, topo: RegionTopology): ProjectCollection {
  const byCells = new Map<string, Polygon | MultiPolygon>();
  for (const f of stored.features) {
    if (f.geometry) continue;
    const cells = (f.properties as ProjectProps).cells;
    const id = f.properties.id;
    if (!cells?.length) throw new Error(`projects.geojson: project ${id} has neither a geometry nor cells`);
    Object.defineProperty(f, 'geometry', {
      enumerable: true,
      configurable: true,
      get() {
        const key = cells.join(',');
        let g = byCells.get(key);
        if (!g) {
          const merged = outlineOfCells(topo, cells);
          if (!merged) throw new Error(`projects.geojson: project ${id}: a cell is not in regions.topo.json`);
          byCells.set(key, (g = merged));
        }
        Object.defineProperty(f, 'geometry', { value: g, enumerable: true, writable: true, configurable: true });
        return g;
      },
    });
  }
  return stored as ProjectCollection;
}

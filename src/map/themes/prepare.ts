/**
 * What each theme draws, prepared once per catalogue and kept in one explicit cache (ThemeCache):
 * its projects split by geometry, the offsets of symbols sharing a spot, then per filter set the
 * visible part. Later stages (draw data, pick grids, counts) keep their results in the same cache,
 * so everything derived from a catalogue goes when it goes.
 */
import type { Position } from 'geojson';
import type { Catalogue } from '../../domain/catalogue.ts';
import { projectPasses, type Filters } from '../../domain/filters.ts';
import { stageClass, type StageClass } from '../../domain/stages.ts';
import type { PlaceFeature, PlaceKind, ProjectFeature } from '../../domain/types.ts';
import { filtersKey, type ThemeSpec } from './types.ts';

export type XY = [number, number];

export interface PointDatum {
  kind: 'point';
  project: ProjectFeature;
  position: Position;
  offset: [number, number];
  hollow: boolean;
}
export interface LineDatum {
  kind: 'line';
  project: ProjectFeature;
  path: XY[];
  cls: StageClass;
}
export interface AreaDatum {
  kind: 'area';
  project: ProjectFeature;
  polygon: XY[][];
}
export interface RingDatum {
  kind: 'ring';
  project: ProjectFeature;
  path: XY[];
}
export interface PlaceDatum {
  kind: 'place';
  place: PlaceFeature;
  position: Position;
  offset: [number, number];
  /** The projects at this place that this layer draws (after filters). */
  projects: ProjectFeature[];
}

interface Prepared {
  projects: ProjectFeature[];
  points: PointDatum[];
  lines: LineDatum[];
  areas: AreaDatum[];
  rings: RingDatum[];
  places: Omit<PlaceDatum, 'kind'>[];
}

/** What a theme draws after the filters. */
export interface Visible {
  points: PointDatum[];
  lines: LineDatum[];
  areas: AreaDatum[];
  rings: RingDatum[];
  places: PlaceDatum[];
  projects: ProjectFeature[];
}

/** Everything the themes derive from one catalogue, by kind and key. */
export class ThemeCache {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private offsets: Map<string, [number, number]> | null = null;

  constructor(
    readonly catalogue: Catalogue,
    /** The theme that draws a project (the registry's rule). */
    readonly themeOf: (p: ProjectFeature) => ThemeSpec | undefined,
  ) {}

  /** The value under `key` in table `kind`, made once. */
  memo<T>(kind: string, key: string, make: () => T): T {
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Map()));
    if (table.has(key)) return table.get(key) as T;
    const value = make();
    table.set(key, value);
    return value;
  }

  /** Offsets of the symbols sharing a spot (pointOffsets), computed over the whole catalogue. */
  pointOffsets(): Map<string, [number, number]> {
    return (this.offsets ??= pointOffsets(this.catalogue, this.themeOf));
  }
}

/** The kind of the place a point project stands at, if it is a point. */
export function pointPlaceKind(p: ProjectFeature, cat: Catalogue): PlaceKind | null {
  if (p.properties.geometry_spec !== 'point') return null;
  const at = p.properties.places[0];
  return at ? (cat.place(at)?.properties.kind ?? null) : null;
}

/** Whether the project is drawn inside its place layer's symbol (rather than as a point of its own). */
export function absorbedByPlace(p: ProjectFeature, cat: Catalogue, theme: ThemeSpec | undefined): boolean {
  return theme?.placeKind != null && pointPlaceKind(p, cat) === theme.placeKind;
}

const posKey = (p: Position) => `${p[0]!.toFixed(4)},${p[1]!.toFixed(4)}`;

/**
 * Symbols that share a spot (several parks at one city seat) are spread on a small ring around it
 * instead of hiding each other; a place layer's own symbol keeps the centre. Computed over the whole
 * catalogue, so a symbol keeps its place whatever else is toggled.
 */
function pointOffsets(cat: Catalogue, themeOf: (p: ProjectFeature) => ThemeSpec | undefined): Map<string, [number, number]> {
  const groups = new Map<string, { key: string; centre: boolean }[]>();
  const add = (pos: Position, key: string, centre: boolean) => {
    const k = posKey(pos);
    const l = groups.get(k) ?? [];
    l.push({ key, centre });
    groups.set(k, l);
  };
  const placeKinds = new Set<PlaceKind>();
  for (const p of cat.allProjects()) {
    const kind = themeOf(p)?.placeKind;
    if (kind) placeKinds.add(kind);
  }
  for (const f of cat.data.places.features) if (placeKinds.has(f.properties.kind)) add(f.geometry.coordinates, `place:${f.properties.id}`, true);
  for (const p of cat.allProjects()) {
    if (p.geometry.type !== 'Point' || absorbedByPlace(p, cat, themeOf(p))) continue;
    add(p.geometry.coordinates, p.properties.id, false);
  }
  const out = new Map<string, [number, number]>();
  for (const members of groups.values()) {
    const hasCentre = members.some((m) => m.centre);
    const ring = members.filter((m) => !m.centre).sort((a, b) => a.key.localeCompare(b.key));
    for (const m of members) if (m.centre) out.set(m.key, [0, 0]);
    if (!hasCentre && ring.length === 1) {
      out.set(ring[0]!.key, [0, 0]);
      continue;
    }
    const n = ring.length;
    const radius = n <= 6 ? 12 : 12 + (n - 6) * 1.6;
    ring.forEach((m, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      out.set(m.key, [Math.round(Math.cos(a) * radius * 10) / 10, Math.round(Math.sin(a) * radius * 10) / 10]);
    });
  }
  return out;
}

function outerRings(geom: ProjectFeature['geometry']): Position[][][] {
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  return [];
}

function prepare(spec: ThemeSpec, cache: ThemeCache): Prepared {
  return cache.memo('prepared', spec.id, () => {
    const cat = cache.catalogue;
    const offsets = cache.pointOffsets();
    const projects = cat.allProjects().filter((p) => cache.themeOf(p)?.id === spec.id);
    const out: Prepared = { projects, points: [], lines: [], areas: [], rings: [], places: [] };
    const absorbed = new Map<string, ProjectFeature[]>();
    for (const p of projects) {
      const g = p.geometry;
      if (absorbedByPlace(p, cat, spec)) {
        const at = p.properties.places[0]!;
        absorbed.set(at, [...(absorbed.get(at) ?? []), p]);
      } else if (g.type === 'Point') {
        out.points.push({ kind: 'point', project: p, position: g.coordinates, offset: offsets.get(p.properties.id) ?? [0, 0], hollow: p.properties.precision !== 'exact' });
      } else if (g.type === 'LineString') {
        out.lines.push({ kind: 'line', project: p, path: g.coordinates as XY[], cls: stageClass(p.properties.stage) });
      } else {
        for (const poly of outerRings(g)) {
          out.areas.push({ kind: 'area', project: p, polygon: poly as XY[][] });
          out.rings.push({ kind: 'ring', project: p, path: poly[0]! as XY[] });
        }
      }
    }
    if (spec.placeKind) {
      for (const f of cat.data.places.features) {
        if (f.properties.kind !== spec.placeKind) continue;
        const place = f as PlaceFeature;
        out.places.push({ place, position: place.geometry.coordinates, offset: offsets.get(`place:${place.properties.id}`) ?? [0, 0], projects: absorbed.get(place.properties.id) ?? [] });
      }
    }
    return out;
  });
}

/** The theme's projects after the filters (memoised per theme and filter set). */
export function visible(spec: ThemeSpec, cache: ThemeCache, filters: Filters): Visible {
  return cache.memo('visible', `${spec.id}#${filtersKey(filters)}`, () => {
    const prep = prepare(spec, cache);
    const pass = (p: ProjectFeature) => projectPasses(p, filters);
    return {
      points: prep.points.filter((d) => pass(d.project)),
      lines: prep.lines.filter((d) => pass(d.project)),
      areas: prep.areas.filter((d) => pass(d.project)),
      rings: prep.rings.filter((d) => pass(d.project)),
      places: prep.places.map((d) => ({ kind: 'place' as const, ...d, projects: d.projects.filter(pass) })),
      projects: prep.projects.filter(pass),
    };
  });
}

/** All the projects the theme draws (before filters), and its places. */
export function selected(spec: ThemeSpec, cache: ThemeCache): (ProjectFeature | PlaceFeature)[] {
  const prep = prepare(spec, cache);
  return [...prep.projects, ...prep.places.map((p) => p.place)];
}

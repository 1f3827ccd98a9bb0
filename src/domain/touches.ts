/**
 * Which regions a project touches, and how. Used by the catalogue compiler and, for
 * user-imported layers, in the browser: one implementation for both.
 */
import { area as turfArea, bbox as turfBbox, distance, featureCollection, intersect, length as turfLength, lineString } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import type { RegionIndex } from './regions.ts';
import type { ProjectGeometry, SpatialRelation, Touch } from './types.ts';

export interface SpatialTouch {
  region: string;
  spatial: SpatialRelation;
  km?: number;
}

/** Step for measuring lines inside regions; error per region boundary crossing is below half of it. */
const LINE_STEP_KM = 0.5;

const toMercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const fromMercY = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/**
 * Points along a segment, interpolated in Web Mercator so they lie on the straight line the map
 * draws between the two vertices.
 */
export function interpolateMercator(a: Position, b: Position, t: number): Position {
  const ya = toMercY(a[1]!);
  const yb = toMercY(b[1]!);
  return [a[0]! + (b[0]! - a[0]!) * t, fromMercY(ya + (yb - ya) * t)];
}

/** Length in km of each region's share of a line, for every level of region. */
export function lineKmByRegion(line: LineString, regions: RegionIndex): Map<string, number> {
  const km = new Map<string, number>();
  const coords = line.coordinates;
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i]!;
    const b = coords[i + 1]!;
    const segKm = distance(a, b, { units: 'kilometers' });
    const steps = Math.max(1, Math.ceil(segKm / LINE_STEP_KM));
    const stepKm = segKm / steps;
    for (let s = 0; s < steps; s++) {
      const mid = interpolateMercator(a, b, (s + 0.5) / steps);
      for (const code of regions.chainAt(mid)) km.set(code, (km.get(code) ?? 0) + stepKm);
    }
  }
  return km;
}

/** Shares of an area above this count as whole (simplified borders never match exactly). */
const WHOLE_SHARE = 0.995;
/** An overlap this small a share of both the region and the area is a border sliver, not a touch. */
const SLIVER_SHARE = 0.002;

const regionAreas = new WeakMap<Feature, number>();
function regionArea(region: Feature<Polygon | MultiPolygon>): number {
  let a = regionAreas.get(region);
  if (a === undefined) regionAreas.set(region, (a = turfArea(region)));
  return a;
}

/**
 * How an area touches each region near it, by the share of the overlap in each of the two: all of
 * the region → covers; all of the area → the region contains it (lies in); else overlaps. Areas, not
 * boolean predicates, because regions are simplified multipolygons whose borders the user's data
 * never follows exactly.
 */
function polygonRelation(geom: Polygon | MultiPolygon, regions: RegionIndex): SpatialTouch[] {
  const box = turfBbox(geom) as [number, number, number, number];
  const out: SpatialTouch[] = [];
  const shape: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: geom };
  const shapeArea = turfArea(shape);
  if (!(shapeArea > 0)) return out;
  for (const region of regions.regionsNearBox(box)) {
    const inter = intersect(featureCollection([shape, region]));
    if (!inter) continue;
    const overlap = turfArea(inter);
    const ofRegion = overlap / regionArea(region);
    const ofShape = overlap / shapeArea;
    // Measured against the region alone, a small area inside a large region would look like a sliver.
    if (ofRegion < SLIVER_SHARE && ofShape < SLIVER_SHARE) continue;
    const spatial = ofRegion > WHOLE_SHARE ? 'covers' : ofShape > WHOLE_SHARE ? 'contains' : 'overlaps';
    out.push({ region: region.properties.code, spatial });
  }
  return out;
}

function mergeSpatial(parts: SpatialTouch[][]): SpatialTouch[] {
  const out = new Map<string, SpatialTouch>();
  for (const t of parts.flat()) {
    const prev = out.get(t.region);
    if (!prev) out.set(t.region, { ...t });
    else if (t.km != null) prev.km = Math.round(((prev.km ?? 0) + t.km) * 10) / 10;
  }
  return [...out.values()];
}

/**
 * How lines meet regions, with the length inside each: a region holding the whole line (all its
 * samples but at most one, a border's noise) contains it; others are crossed.
 */
function lineTouches(lines: LineString[], regions: RegionIndex): SpatialTouch[] {
  const km = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    for (const [code, k] of lineKmByRegion(line, regions)) km.set(code, (km.get(code) ?? 0) + k);
    total += turfLength(lineString(line.coordinates), { units: 'kilometers' });
  }
  return [...km]
    .filter(([, k]) => k >= LINE_STEP_KM) // a single sample is noise at a border
    .map(([region, k]) => ({ region, spatial: k >= total - LINE_STEP_KM ? ('contains' as const) : ('crosses' as const), km: Math.round(k * 10) / 10 }));
}

/** Spatial touches of any geometry (used for authored polygons and user-imported features). */
export function spatialTouches(geom: ProjectGeometry | MultiPoint | MultiLineString, regions: RegionIndex): SpatialTouch[] {
  switch (geom.type) {
    case 'MultiPoint':
      return mergeSpatial(geom.coordinates.map((coordinates) => spatialTouches({ type: 'Point', coordinates }, regions)));
    case 'MultiLineString':
      return lineTouches(geom.coordinates.map((coordinates) => ({ type: 'LineString', coordinates })), regions);
    case 'Point':
      return regions.regionsAt(geom.coordinates).map((region) => ({ region, spatial: 'contains' as const }));
    case 'LineString':
      return lineTouches([geom], regions);
    case 'Polygon':
    case 'MultiPolygon':
      return polygonRelation(geom, regions);
  }
}

/**
 * Touches of an area defined as a union of regions, from the hierarchy alone: exact, and free of
 * the border slivers a polygon overlay would produce.
 */
export function unionTouches(codes: readonly string[], regions: RegionIndex): SpatialTouch[] {
  const covered = new Set<string>();
  for (const code of codes) {
    covered.add(code);
    for (const d of regions.descendants(code)) covered.add(d);
  }
  // A parent all of whose children are covered is covered too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of [...covered]) {
      const parent = regions.get(code)?.properties.parent;
      if (parent == null || covered.has(parent)) continue;
      const kids = regions.children(parent);
      if (kids.length > 0 && kids.every((k) => covered.has(k))) {
        covered.add(parent);
        grew = true;
      }
    }
  }
  const out: SpatialTouch[] = [...covered].map((region) => ({ region, spatial: 'covers' as const }));
  const partly = new Set<string>();
  for (const code of covered) for (const a of regions.ancestors(code)) if (!covered.has(a)) partly.add(a);
  for (const region of partly) out.push({ region, spatial: 'overlaps' });
  return out;
}

/** Regions named for a project, closed upward: naming a county names its league and province too. */
export function namedClosure(codes: Iterable<string>, regions: RegionIndex): Set<string> {
  const out = new Set<string>();
  for (const c of codes) {
    if (!regions.has(c)) continue;
    out.add(c);
    for (const a of regions.ancestors(c)) out.add(a);
  }
  return out;
}

/** Merge named and spatial touches of one project into one Touch per region. */
export function mergeTouches(project: string, named: Set<string>, spatial: readonly SpatialTouch[]): Map<string, Touch> {
  const out = new Map<string, Touch>();
  for (const region of named) out.set(region, { project, named: true });
  for (const s of spatial) {
    const t = out.get(s.region) ?? { project, named: false };
    t.spatial = s.spatial;
    if (s.km != null) t.km = s.km;
    out.set(s.region, t);
  }
  return out;
}

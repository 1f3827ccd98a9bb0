/**
 * The measure tool's arithmetic: the great-circle length of a clicked path (km, per leg and in
 * total) and the area of the polygon the clicks enclose (km², on a sphere, as turf measures it),
 * with the GeoJSON to draw both. Pure: the map hands in the clicked points.
 */
import { area as turfArea, distance, greatCircle, kinks, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';

export type MeasureMode = 'distance' | 'area';

export interface PathMeasure {
  /** Great-circle km of each leg, in click order. */
  legsKm: number[];
  totalKm: number;
}

export interface AreaMeasure {
  km2: number;
  /** Round the closed ring, km. */
  perimeterKm: number;
  /** The edges cross: the area of such a figure means little. */
  selfIntersecting: boolean;
}

export function measurePath(points: readonly Position[]): PathMeasure {
  const legsKm: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) legsKm.push(distance(points[i]!, points[i + 1]!, { units: 'kilometers' }));
  return { legsKm, totalKm: legsKm.reduce((s, k) => s + k, 0) };
}

function closedRing(points: readonly Position[]): Position[] {
  const ring = points.map((p) => [p[0]!, p[1]!]);
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0]!, first[1]!]);
  return ring;
}

/** The area of the polygon through the points (closed for you); null below three distinct points. */
export function measureArea(points: readonly Position[]): AreaMeasure | null {
  const distinct = new Set(points.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) return null;
  const ring = closedRing(points);
  const poly = polygon([ring]);
  return {
    km2: turfArea(poly) / 1e6,
    perimeterKm: measurePath(ring).totalKm,
    selfIntersecting: kinks(poly).features.length > 0,
  };
}

/** A leg drawn as the great circle it is measured along (straight only when short). */
function legLine(a: Position, b: Position): Position[] {
  const km = distance(a, b, { units: 'kilometers' });
  if (km < 20 || (a[0] === b[0] && a[1] === b[1])) return [a, b];
  const arc = greatCircle(a, b, { npoints: Math.min(200, Math.ceil(km / 10) + 1) });
  return arc.geometry.type === 'LineString' ? arc.geometry.coordinates : [a, b];
}

export interface MeasureDrawProps {
  kind: 'path' | 'area' | 'vertex';
  /** For vertices: the km from the first point along the path. */
  km?: number;
  index?: number;
}

/** What the map draws for a measurement: the path (or the closed area) along great circles, and the clicked points. */
export function measureDrawData(points: readonly Position[], mode: MeasureMode): FeatureCollection<LineString | Polygon | Point, MeasureDrawProps> {
  const features: Feature<LineString | Polygon | Point, MeasureDrawProps>[] = [];
  const { legsKm } = measurePath(points);
  const path = (pts: readonly Position[]) => pts.slice(0, -1).flatMap((p, i) => legLine(p, pts[i + 1]!).slice(i === 0 ? 0 : 1));
  if (mode === 'area' && measureArea(points)) {
    features.push({ type: 'Feature', properties: { kind: 'area' }, geometry: { type: 'Polygon', coordinates: [closedRing(path(closedRing(points)))] } });
  } else if (points.length >= 2) {
    features.push({ type: 'Feature', properties: { kind: 'path' }, geometry: { type: 'LineString', coordinates: path(points) } });
  }
  let km = 0;
  points.forEach((p, index) => {
    if (index > 0) km += legsKm[index - 1]!;
    features.push({ type: 'Feature', properties: { kind: 'vertex', index, km }, geometry: { type: 'Point', coordinates: [p[0]!, p[1]!] } });
  });
  return { type: 'FeatureCollection', features };
}

/** Km to show: whole km from 100, one decimal from 10, two below. */
export function roundKm(km: number): number {
  const d = km >= 100 ? 0 : km >= 10 ? 1 : 2;
  return Math.round(km * 10 ** d) / 10 ** d;
}

/** Km² to show: whole km² from 100, one decimal below. */
export function roundKm2(km2: number): number {
  return km2 >= 100 ? Math.round(km2) : Math.round(km2 * 10) / 10;
}

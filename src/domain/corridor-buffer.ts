/**
 * The corridor's buffer polygon, to draw: apart from ./corridor.ts because turf's buffer (JSTS and
 * d3-geo) is most of the thematic layers' code by weight, and only a corridor needs it, so the app
 * loads this module when a corridor is set (loadCorridorBuffer in ./atlas-view.ts).
 */
import { buffer as turfBuffer, simplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { densifyMercator, type CorridorLine } from './corridor.ts';

/** A region's outline is simplified by this share of the distance (within 0.5–5 km) before buffering. */
const REGION_SIMPLIFY = { share: 0.1, minKm: 0.5, maxKm: 5 } as const;

/**
 * The area within `km` of a line or a region, to draw (turf's buffer: a planar buffer in an azimuthal
 * equidistant projection centred on the shape, true to well under 1% over the plan's extents). A
 * region's outline is simplified first (Douglas–Peucker, a tenth of the distance, at most 5 km):
 * turf's buffer of a full league outline takes seconds, and the drawing need not be truer than that.
 * The lists never use the buffer: their distances are measured on the full outlines.
 */
export function corridorBuffer(shape: CorridorLine | Polygon | MultiPolygon, km: number): Feature<Polygon | MultiPolygon> | null {
  let geometry: LineString | MultiLineString | Polygon | MultiPolygon;
  if (shape.type === 'LineString' || shape.type === 'MultiLineString') geometry = { type: 'MultiLineString', coordinates: densifyMercator(shape) };
  else {
    const tolKm = Math.min(REGION_SIMPLIFY.maxKm, Math.max(REGION_SIMPLIFY.minKm, km * REGION_SIMPLIFY.share));
    geometry = simplify({ type: 'Feature', properties: {}, geometry: shape }, { tolerance: tolKm / 111.2, highQuality: false }).geometry;
  }
  const steps = geometry.type === 'MultiLineString' ? 16 : 8;
  const out = turfBuffer({ type: 'Feature', properties: {}, geometry }, km, { units: 'kilometers', steps });
  if (!out) return null;
  return { type: 'Feature', properties: { km }, geometry: out.geometry as Polygon | MultiPolygon };
}

const bufferMemo = new WeakMap<object, Map<number, Feature<Polygon | MultiPolygon> | null>>();
/** corridorBuffer, kept per shape and distance: the map and every export of one state ask for the same one. */
export function corridorBufferOf(shape: CorridorLine | Polygon | MultiPolygon, km: number): Feature<Polygon | MultiPolygon> | null {
  let m = bufferMemo.get(shape);
  if (!m) bufferMemo.set(shape, (m = new Map()));
  if (!m.has(km)) {
    // A handful of distances per shape is plenty (the user types them one at a time).
    if (m.size > 8) m.clear();
    m.set(km, corridorBuffer(shape, km));
  }
  return m.get(km)!;
}

/**
 * Label anchors: one point per region, at the pole of inaccessibility of its largest polygon (the
 * point farthest from any edge), so a name sits well inside even crescent-shaped regions such as
 * Inner Mongolia or Hulunbuir. MapLibre's own polygon labelling would label every island of a
 * multipolygon. Pure TypeScript (no DOM), testable in Node.
 *
 * The search is the classic quadtree "polylabel" algorithm (Agafonkin, 2016), run in a local
 * equirectangular projection (x scaled by cos(latitude)) so distances are not stretched east-west.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(a / 2);
}

/** The polygon (outer ring + holes) with the largest outer ring. */
export function largestPolygon(geometry: Polygon | MultiPolygon): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best: Ring[] = geometry.coordinates[0] ?? [];
  let bestArea = -1;
  for (const poly of geometry.coordinates) {
    const a = poly[0] ? ringArea(poly[0]) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  return best;
}

function pointToSegmentDistSq(px: number, py: number, a: Position, b: Position): number {
  let x = a[0]!;
  let y = a[1]!;
  let dx = b[0]! - x;
  let dy = b[1]! - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0]!;
      y = b[1]!;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the polygon's outline (negative outside). */
function signedDistance(x: number, y: number, polygon: Ring[]): number {
  let inside = false;
  let minDistSq = Infinity;
  for (const ring of polygon) {
    for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
      minDistSq = Math.min(minDistSq, pointToSegmentDistSq(x, y, a, b));
    }
  }
  return minDistSq === 0 ? 0 : (inside ? 1 : -1) * Math.sqrt(minDistSq);
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

function cell(x: number, y: number, h: number, polygon: Ring[]): Cell {
  const d = signedDistance(x, y, polygon);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Pole of inaccessibility of a planar polygon, to within `precision` (same units as coordinates). */
export function polylabel(polygon: Ring[], precision = 0.01): [number, number] {
  const outer = polygon[0];
  if (!outer || outer.length === 0) return [0, 0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of outer) {
    minX = Math.min(minX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxX = Math.max(maxX, p[0]!);
    maxY = Math.max(maxY, p[1]!);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const size = Math.min(width, height);
  if (size === 0) return [minX, minY];
  let h = size / 2;

  // A simple sorted queue is plenty for a few hundred regions.
  const queue: Cell[] = [];
  const push = (c: Cell) => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (queue[mid]!.max < c.max) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, c);
  };
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) push(cell(x + h, y + h, h, polygon));

  // Start from the area centroid, fall back to the bounding-box centre.
  let best = centroidCell(polygon);
  const bbox = cell(minX + width / 2, minY + height / 2, 0, polygon);
  if (bbox.d > best.d) best = bbox;

  while (queue.length) {
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    h = c.h / 2;
    push(cell(c.x - h, c.y - h, h, polygon));
    push(cell(c.x + h, c.y - h, h, polygon));
    push(cell(c.x - h, c.y + h, h, polygon));
    push(cell(c.x + h, c.y + h, h, polygon));
  }
  return [best.x, best.y];
}

function centroidCell(polygon: Ring[]): Cell {
  let area = 0;
  let x = 0;
  let y = 0;
  const ring = polygon[0]!;
  for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const f = a[0]! * b[1]! - b[0]! * a[1]!;
    x += (a[0]! + b[0]!) * f;
    y += (a[1]! + b[1]!) * f;
    area += f * 3;
  }
  if (area === 0) return cell(ring[0]![0]!, ring[0]![1]!, 0, polygon);
  return cell(x / area, y / area, 0, polygon);
}

/** Label anchor [lon, lat] of a region, in degrees. */
export function labelAnchor(geometry: Polygon | MultiPolygon, precisionKm = 2): [number, number] {
  const polygon = largestPolygon(geometry);
  let sumLat = 0;
  let n = 0;
  for (const p of polygon[0] ?? []) {
    sumLat += p[1]!;
    n++;
  }
  const k = Math.cos(((n ? sumLat / n : 0) * Math.PI) / 180) || 1;
  const projected = polygon.map((ring) => ring.map((p) => [p[0]! * k, p[1]!]));
  const [x, y] = polylabel(projected, precisionKm / 111);
  return [x / k, y];
}

/** Approximate area in km² of a region's polygons (outer rings less holes, equirectangular). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const lat = ring.reduce((a, p) => a + p[1]!, 0) / (ring.length || 1);
      const a = ringArea(ring) * Math.cos((lat * Math.PI) / 180) * 111.32 * 110.57;
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

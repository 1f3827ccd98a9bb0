/**
 * Point-in-polygon with an edge index: the same answer as turf's booleanPointInPolygon (the
 * point-in-polygon-hao algorithm, boundary counts as inside) for every point, but testing only the
 * edges whose latitude span holds the point instead of every edge of the polygon. Line touches
 * sample a point every 0.5 km and test it against provinces of up to 6,000 vertices, so this is
 * where the compiler spends its time at 10× and 100×.
 *
 * Exactness: an edge whose y-span excludes the point's y contributes nothing to hao's crossing count
 * (neither of its two branches runs), so skipping it changes nothing; the orientation sign is exact
 * (a float filter, then integer arithmetic for the rare near-zero cases), as hao's orient2d is.
 */
import type { MultiPolygon, Polygon } from 'geojson';

/** One polygon (outer ring and holes): its edges as flat coordinates, bucketed by latitude band. */
interface IndexedPolygon {
  /** x1, y1, x2, y2 per edge, in ring order. */
  edges: Float64Array;
  minY: number;
  maxY: number;
  bandHeight: number;
  /** Edge numbers per band, ascending. */
  bands: Uint32Array[];
}

/** About this many edges per band; smaller bands cost memory and build time for little gain. */
const EDGES_PER_BAND = 4;

function indexPolygon(rings: number[][][]): IndexedPolygon {
  const count = rings.reduce((n, r) => n + Math.max(0, r.length - 1), 0);
  const edges = new Float64Array(count * 4);
  let minY = Infinity;
  let maxY = -Infinity;
  let e = 0;
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      edges[e++] = a[0]!;
      edges[e++] = a[1]!;
      edges[e++] = b[0]!;
      edges[e++] = b[1]!;
      minY = Math.min(minY, a[1]!, b[1]!);
      maxY = Math.max(maxY, a[1]!, b[1]!);
    }
  const bandCount = Math.max(1, Math.ceil(count / EDGES_PER_BAND));
  const bandHeight = maxY > minY ? (maxY - minY) / bandCount : 1;
  const lists: number[][] = Array.from({ length: bandCount }, () => []);
  const band = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - minY) / bandHeight)));
  for (let k = 0; k < count; k++) {
    const y1 = edges[k * 4 + 1]!;
    const y2 = edges[k * 4 + 3]!;
    // The same monotone band() is used for queries, so y1 ≤ y ≤ y2 implies band(y) is in this range.
    for (let b = band(Math.min(y1, y2)); b <= band(Math.max(y1, y2)); b++) lists[b]!.push(k);
  }
  return { edges, minY, maxY, bandHeight, bands: lists.map((l) => Uint32Array.from(l)) };
}

const EPSILON = 2 ** -53;
/** Shewchuk's error bound for the float evaluation of a 2×2 determinant (as in robust-predicates). */
const ERRBOUND = (3 + 16 * EPSILON) * EPSILON;

const view = new DataView(new ArrayBuffer(8));
/** A finite double as an exact integer times 2^-1074 (every finite double is one). */
function exactInteger(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = exponent === 0 ? fraction : fraction | 0x10000000000000n;
  const scaled = mantissa << BigInt(Math.max(0, exponent - 1));
  return negative ? -scaled : scaled;
}

/** The exact sign of u2·v1 − u1·v2 (hao's orient2d(u1, u2, v1, v2, 0, 0)). */
export function orientSign(u1: number, u2: number, v1: number, v2: number): number {
  const left = u2 * v1;
  const right = u1 * v2;
  const det = left - right;
  if (Math.abs(det) >= ERRBOUND * (Math.abs(left) + Math.abs(right)) && det !== 0) return Math.sign(det);
  const exact = exactInteger(u2) * exactInteger(v1) - exactInteger(u1) * exactInteger(v2);
  return exact > 0n ? 1 : exact < 0n ? -1 : 0;
}

/** hao on one polygon, over the edges of the point's band: 0 on the boundary, else the parity. */
function pointInIndexed(p: IndexedPolygon, x: number, y: number): boolean {
  if (y < p.minY || y > p.maxY) return false;
  const band = p.bands[Math.min(p.bands.length - 1, Math.max(0, Math.floor((y - p.minY) / p.bandHeight)))]!;
  const edges = p.edges;
  let crossings = 0;
  for (let i = 0; i < band.length; i++) {
    const k = band[i]! * 4;
    const u1 = edges[k]! - x;
    const v1 = edges[k + 1]! - y;
    const u2 = edges[k + 2]! - x;
    const v2 = edges[k + 3]! - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const f = orientSign(u1, u2, v1, v2);
      if (f === 0) return true;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
    }
  }
  return crossings % 2 === 1;
}

export class PolygonPointIndex {
  private readonly polygons: IndexedPolygon[];

  constructor(geometry: Polygon | MultiPolygon) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    this.polygons = polys.map(indexPolygon);
  }

  /** True inside or on the boundary, exactly as booleanPointInPolygon(point, polygon). */
  contains(x: number, y: number): boolean {
    for (const p of this.polygons) if (pointInIndexed(p, x, y)) return true;
    return false;
  }
}

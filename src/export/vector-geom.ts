/**
 * Geometry for the vector exports: Web Mercator projection into the page's map frame (the raster
 * export's own framing, frame.ts), simplification below what any output can show, and clipping to
 * the frame, so a file holds only what the page shows. Pure.
 */
import type { Box } from './layout.ts';
import type { MapFrameView } from './frame.ts';
import type { Seg } from './surface.ts';

export type Pt = [number, number];

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 360));

/** Projects lon/lat to design px of the page, as the raster map frames the view (512-px tiles). */
export class FrameProjection {
  private readonly world: number;
  private readonly x0: number;
  private readonly y0: number;

  constructor(
    readonly view: MapFrameView,
    readonly box: Box,
  ) {
    this.world = 512 * 2 ** view.zoom;
    this.x0 = this.wx(view.center[0]) - view.cssWidth / 2;
    this.y0 = this.wy(view.center[1]) - view.cssHeight / 2;
  }
  private wx(lon: number): number {
    return ((lon + 180) / 360) * this.world;
  }
  private wy(lat: number): number {
    return ((1 - mercY(lat) / Math.PI) / 2) * this.world;
  }
  /** Design px of a place. */
  px(lon: number, lat: number): Pt {
    return [this.box.x + (this.wx(lon) - this.x0) * this.view.kx, this.box.y + (this.wy(lat) - this.y0) * this.view.ky];
  }
  /** Design px per CSS px of the map (line widths, symbol and text sizes of the map's styles). */
  get k(): number {
    return this.view.kx;
  }
}

/** Douglas–Peucker in place of points closer than `tol` to the simplified line (iterative). */
export function simplify(points: Pt[], tol: number, closed = false): Pt[] {
  const n = points.length;
  if (n <= 2 || tol <= 0) return points;
  // Radial pass first: most points of a detailed outline drawn small fall within `tol` of the one before.
  const radial: Pt[] = [points[0]!];
  for (let i = 1; i < n - 1; i++) {
    const p = points[i]!;
    const q = radial[radial.length - 1]!;
    if (Math.abs(p[0] - q[0]) > tol || Math.abs(p[1] - q[1]) > tol) radial.push(p);
  }
  radial.push(points[n - 1]!);
  if (radial.length <= 3) return closed && radial.length < 3 ? points.slice(0, 3) : radial;
  const keep = new Uint8Array(radial.length);
  keep[0] = keep[radial.length - 1] = 1;
  const stack: [number, number][] = [[0, radial.length - 1]];
  const t2 = tol * tol;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = radial[a]!;
    const [bx, by] = radial[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = t2;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = radial[i]!;
      let d: number;
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  const out = radial.filter((_, i) => keep[i]);
  // A closed ring whose first and last points coincide needs a third point to stay an area.
  return closed && out.length < 4 ? radial.slice(0, Math.min(radial.length, 4)) : out;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bbox(points: readonly Pt[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

const outside = (b: Rect, r: Rect) => b.x1 < r.x0 || b.x0 > r.x1 || b.y1 < r.y0 || b.y0 > r.y1;
const inside = (b: Rect, r: Rect) => b.x0 >= r.x0 && b.x1 <= r.x1 && b.y0 >= r.y0 && b.y1 <= r.y1;

/** A ring clipped to a rectangle (Sutherland–Hodgman; edges along the rectangle stay outside the visible frame). */
export function clipRing(ring: Pt[], r: Rect): Pt[] {
  const b = bbox(ring);
  if (outside(b, r)) return [];
  if (inside(b, r)) return ring;
  let out = ring;
  const edges: Array<[(p: Pt) => boolean, (a: Pt, b: Pt) => Pt]> = [
    [(p) => p[0] >= r.x0, (a, c) => [r.x0, a[1] + ((c[1] - a[1]) * (r.x0 - a[0])) / (c[0] - a[0])]],
    [(p) => p[0] <= r.x1, (a, c) => [r.x1, a[1] + ((c[1] - a[1]) * (r.x1 - a[0])) / (c[0] - a[0])]],
    [(p) => p[1] >= r.y0, (a, c) => [a[0] + ((c[0] - a[0]) * (r.y0 - a[1])) / (c[1] - a[1]), r.y0]],
    [(p) => p[1] <= r.y1, (a, c) => [a[0] + ((c[0] - a[0]) * (r.y1 - a[1])) / (c[1] - a[1]), r.y1]],
  ];
  for (const [isIn, cut] of edges) {
    const src = out;
    out = [];
    for (let i = 0; i < src.length; i++) {
      const cur = src[i]!;
      const prev = src[(i + src.length - 1) % src.length]!;
      if (isIn(cur)) {
        if (!isIn(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (isIn(prev)) out.push(cut(prev, cur));
    }
    if (!out.length) return [];
  }
  return out.length >= 3 ? out : [];
}

/** A polyline clipped to a rectangle: the pieces inside it (Liang–Barsky per segment). */
export function clipLine(line: Pt[], r: Rect): Pt[][] {
  const b = bbox(line);
  if (outside(b, r)) return [];
  if (inside(b, r)) return [line];
  const pieces: Pt[][] = [];
  let cur: Pt[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[i + 1]!;
    const dx = bx - ax;
    const dy = by - ay;
    let t0 = 0;
    let t1 = 1;
    let ok = true;
    for (const [p, q] of [
      [-dx, ax - r.x0],
      [dx, r.x1 - ax],
      [-dy, ay - r.y0],
      [dy, r.y1 - ay],
    ] as const) {
      if (p === 0) {
        if (q < 0) ok = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (!ok || t0 > t1) {
      if (cur.length > 1) pieces.push(cur);
      cur = [];
      continue;
    }
    const s: Pt = [ax + t0 * dx, ay + t0 * dy];
    const e: Pt = [ax + t1 * dx, ay + t1 * dy];
    if (!cur.length) cur.push(s);
    cur.push(e);
    if (t1 < 1) {
      pieces.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) pieces.push(cur);
  return pieces;
}

/** Rings as a closed path. */
export function ringsPath(rings: readonly Pt[][]): Seg[] {
  const d: Seg[] = [];
  for (const ring of rings) {
    if (ring.length < 3) continue;
    d.push(['M', ring[0]![0], ring[0]![1]]);
    for (let i = 1; i < ring.length; i++) d.push(['L', ring[i]![0], ring[i]![1]]);
    d.push(['Z']);
  }
  return d;
}

/** Polylines as an open path. */
export function linesPath(lines: readonly Pt[][]): Seg[] {
  const d: Seg[] = [];
  for (const line of lines) {
    if (line.length < 2) continue;
    d.push(['M', line[0]![0], line[0]![1]]);
    for (let i = 1; i < line.length; i++) d.push(['L', line[i]![0], line[i]![1]]);
  }
  return d;
}

/**
 * A polyline moved sideways by `d` px (positive: to the right of the direction of travel, with y
 * down), joints mitred up to a limit, as deck.gl's PathStyleExtension offsets lines.
 */
export function offsetLine(line: Pt[], d: number): Pt[] {
  if (!d || line.length < 2) return line;
  const n = line.length;
  const normals: Pt[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const dx = line[i + 1]![0] - line[i]![0];
    const dy = line[i + 1]![1] - line[i]![1];
    const len = Math.hypot(dx, dy) || 1;
    // On a y-down page, (−dy, dx) points to the right of the direction of travel (east → south).
    normals.push([-dy / len, dx / len]);
  }
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const a = normals[Math.max(0, i - 1)]!;
    const b = normals[Math.min(n - 2, i)]!;
    let mx = a[0] + b[0];
    let my = a[1] + b[1];
    const ml = Math.hypot(mx, my);
    if (ml < 1e-6) {
      mx = b[0];
      my = b[1];
    } else {
      mx /= ml;
      my /= ml;
    }
    // Miter length 1/cos(θ/2), limited to 4 times the offset.
    const cos = mx * b[0] + my * b[1];
    const k = d / Math.max(0.25, cos);
    out.push([line[i]![0] + mx * k, line[i]![1] + my * k]);
  }
  return out;
}

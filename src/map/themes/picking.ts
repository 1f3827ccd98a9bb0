/**
 * Picking on the CPU, from the same data the layers draw (no deck.gl picking pass, which software
 * WebGL makes slow): what a screen point selects, a grid of each theme's symbols and segments to look
 * near the pointer only, and the distance helpers the imported layers share.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { LineDatum, PlaceDatum, PointDatum, Visible } from './prepare.ts';

/** What a picked deck.gl object stands for. */
export type PickTarget = { kind: 'project'; id: string } | { kind: 'place'; id: string; projects: string[] };

/** A hit of pickAt: what is under the pointer, how far from it (px), and how high it is drawn. */
export interface PickHit {
  target: PickTarget;
  distance: number;
  /** Symbols (2) over lines (1). */
  tier: number;
}

/** Projects a longitude/latitude to screen pixels (the map's own projection). */
export type Projector = (lngLat: [number, number]) => { x: number; y: number };
/** Screen pixels back to longitude/latitude (lets picking look only near the pointer). */
export type Unprojector = (x: number, y: number) => [number, number];

export function pickTarget(object: unknown): PickTarget | null {
  const d = object as { kind?: string; place?: PlaceDatum['place']; projects?: PlaceDatum['projects']; project?: LineDatum['project'] } | null | undefined;
  if (!d || typeof d !== 'object' || !('kind' in d)) return null;
  if (d.kind === 'place' && d.place && d.projects) return { kind: 'place', id: d.place.properties.id, projects: d.projects.map((p) => p.properties.id) };
  if (d.project) return { kind: 'project', id: d.project.properties.id };
  return null;
}

export function pickTargetOf(info: PickingInfo | null | undefined): PickTarget | null {
  return info?.picked ? pickTarget(info.object) : null;
}

/** A grid (in degrees) of what a theme can pick: symbols at their positions, lines by segment. */
export type PickCandidate = { kind: 'place'; d: PlaceDatum } | { kind: 'point'; d: PointDatum } | { kind: 'segment'; d: LineDatum; i: number };
export interface PickIndex {
  /** The largest symbol offset (px at scale 1): symbols sharing a spot are drawn apart. */
  maxOffset: number;
  query(w: number, s: number, e: number, n: number): Iterable<PickCandidate>;
}
const PICK_CELL = 0.5;
export function buildPickIndex(v: Visible): PickIndex {
  const cells = new Map<number, PickCandidate[]>();
  // Longitudes and latitudes of China fit well inside ±1000 cells: one integer key per cell.
  const key = (cx: number, cy: number) => cx * 4096 + cy;
  const cellOf = (deg: number) => Math.floor(deg / PICK_CELL);
  const add = (c: PickCandidate, w: number, s: number, e: number, n: number) => {
    for (let cx = cellOf(w); cx <= cellOf(e); cx++)
      for (let cy = cellOf(s); cy <= cellOf(n); cy++) {
        const k = key(cx, cy);
        const list = cells.get(k);
        if (list) list.push(c);
        else cells.set(k, [c]);
      }
  };
  let maxOffset = 0;
  for (const d of v.places) {
    add({ kind: 'place', d }, d.position[0]!, d.position[1]!, d.position[0]!, d.position[1]!);
    maxOffset = Math.max(maxOffset, Math.hypot(d.offset[0], d.offset[1]));
  }
  for (const d of v.points) {
    add({ kind: 'point', d }, d.position[0]!, d.position[1]!, d.position[0]!, d.position[1]!);
    maxOffset = Math.max(maxOffset, Math.hypot(d.offset[0], d.offset[1]));
  }
  for (const d of v.lines)
    for (let i = 1; i < d.path.length; i++) {
      const [ax, ay] = d.path[i - 1]!;
      const [bx, by] = d.path[i]!;
      add({ kind: 'segment', d, i }, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  const index: PickIndex = {
    maxOffset,
    *query(w, s, e, n) {
      const seen = new Set<PickCandidate>();
      for (let cx = cellOf(w); cx <= cellOf(e); cx++)
        for (let cy = cellOf(s); cy <= cellOf(n); cy++)
          for (const c of cells.get(key(cx, cy)) ?? []) {
            if (seen.has(c)) continue;
            seen.add(c);
            yield c;
          }
    },
  };
  return index;
}

/** Distance in px from a point to a segment. */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Sizes the pick needs of a theme: its symbols' and lines' widths in px at scale 1. */
export interface PickSizes {
  size: number;
  width: number;
}

/**
 * What a theme's visible part `v` draws at screen point (x, y): the topmost symbol, else the nearest
 * line. With `unproject`, only what lies near the pointer is looked at, through the theme's grid.
 */
export function pickInTheme(
  v: Visible,
  index: () => PickIndex,
  sizes: PickSizes,
  scale: number,
  project: Projector,
  x: number,
  y: number,
  radius: number,
  unproject?: Unprojector,
): PickHit | null {
  const { size, width } = sizes;
  const s = scale;
  let best: PickHit | null = null;
  const consider = (hit: PickHit) => {
    if (!best || hit.tier > best.tier || (hit.tier === best.tier && hit.distance < best.distance)) best = hit;
  };
  const half = (width / 2) * s + radius;
  const place = (d: PlaceDatum) => {
    const p = project(d.position as [number, number]);
    const r = ((d.projects.length ? size : size * 0.7) / 2) * s + radius;
    const dist = Math.hypot(x - (p.x + d.offset[0] * s), y - (p.y + d.offset[1] * s));
    if (dist <= r) consider({ target: { kind: 'place', id: d.place.properties.id, projects: d.projects.map((q) => q.properties.id) }, distance: dist, tier: 2 });
  };
  const point = (d: PointDatum) => {
    const p = project(d.position as [number, number]);
    const dist = Math.hypot(x - (p.x + d.offset[0] * s), y - (p.y + d.offset[1] * s));
    if (dist <= (size / 2) * s + radius) consider({ target: { kind: 'project', id: d.project.properties.id }, distance: dist, tier: 2 });
  };
  const segment = (d: LineDatum, i: number) => {
    const a = project(d.path[i - 1]!);
    const b = project(d.path[i]!);
    if (x < Math.min(a.x, b.x) - half || x > Math.max(a.x, b.x) + half || y < Math.min(a.y, b.y) - half || y > Math.max(a.y, b.y) + half) return;
    const dist = segmentDistance(x, y, a.x, a.y, b.x, b.y);
    if (dist <= half) consider({ target: { kind: 'project', id: d.project.properties.id }, distance: dist, tier: 1 });
  };
  if (unproject) {
    // The pointer's box (widened by the largest symbol and offset) back in degrees, looked up in the grid.
    const grid = index();
    const reach = radius + (Math.max(size, width) / 2 + grid.maxOffset) * s + 2;
    const [w, n] = unproject(x - reach, y - reach);
    const [e, so] = unproject(x + reach, y + reach);
    for (const c of grid.query(Math.min(w, e), Math.min(so, n), Math.max(w, e), Math.max(so, n))) {
      if (c.kind === 'place') place(c.d);
      else if (c.kind === 'point') point(c.d);
      else segment(c.d, c.i);
    }
    return best;
  }
  for (const d of v.places) place(d);
  for (const d of v.points) point(d);
  for (const d of v.lines) for (let i = 1; i < d.path.length; i++) segment(d, i);
  return best;
}

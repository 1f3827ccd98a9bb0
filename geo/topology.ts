/**
 * Topology-preserving simplification.
 *
 * The echarts sources put all their vertices on the same 1/1024-degree grid, and
 * neighbouring regions repeat the same vertices along their common border. Simplifying each
 * polygon on its own would move the two copies of a border differently (slivers and gaps).
 * Instead, like TopoJSON, we cut every ring into arcs at its junctions (vertices where the
 * set of rings running through them changes), simplify each distinct arc once
 * (turf `simplify`, Douglas-Peucker with highQuality), and rebuild the rings from the
 * simplified arcs: a border shared by two (or three: county, league, province) polygons
 * is the same sequence of points in all of them.
 */
import { simplify } from '@turf/turf';
import type { Position } from 'geojson';

export type Ring = Position[]; // closed: first == last
export type Poly = Ring[]; // exterior, then holes
export type Multi = Poly[];

export interface TopoItem {
  /** Polygons of the feature (a Polygon is a one-element list). Rings closed. */
  geom: Multi;
  /** Douglas-Peucker tolerance in degrees for this feature's arcs (an arc takes the smallest). */
  tolerance: number;
}

export interface TopoStats {
  arcs: number;
  sharedArcs: number;
  verticesIn: number;
  verticesOut: number;
  /** Arcs whose tolerance had to be lowered (degenerate ring or new crossing). */
  relaxedArcs: number;
  rounds: number;
  /** Arc crossings introduced by simplification that remain (should be 0). */
  newCrossings: number;
  /** Features with a degenerate ring left (should be none). */
  invalid: number[];
}

/**
 * Drops consecutive duplicate vertices and zero-width spikes (A B A → A), closes rings, drops
 * degenerate rings (fewer than 3 distinct vertices) and polygons whose exterior degenerates.
 */
export function cleanRing(ring: readonly Position[]): Ring | null {
  const same = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
  const st: Position[] = [];
  for (const p of ring) {
    if (same(st[st.length - 1], p)) continue;
    if (same(st[st.length - 2], p)) {
      st.pop();
      continue;
    }
    st.push([p[0]!, p[1]!]);
  }
  // Cyclic wrap: closing duplicate and spikes across the start.
  for (let changed = true; changed && st.length >= 3; ) {
    changed = false;
    if (same(st[0], st[st.length - 1])) {
      st.pop();
      changed = true;
    } else if (same(st[st.length - 2], st[0])) {
      st.pop();
      changed = true;
    } else if (same(st[st.length - 1], st[1])) {
      st.shift();
      changed = true;
    }
  }
  if (st.length < 3) return null;
  st.push([st[0]![0]!, st[0]![1]!]);
  return st;
}

export function cleanMulti(m: Multi): Multi {
  const out: Multi = [];
  for (const poly of m) {
    const ext = poly[0] ? cleanRing(poly[0]) : null;
    if (!ext) continue;
    const rings: Ring[] = [ext];
    for (const h of poly.slice(1)) {
      const r = cleanRing(h);
      if (r) rings.push(r);
    }
    out.push(rings);
  }
  return out;
}

const pkey = (p: Position): string => p[0] + ',' + p[1];

function lexLess(a: Position, b: Position): boolean {
  return a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!);
}

interface Arc {
  coords: Position[]; // canonical direction
  tol: number;
  users: number;
  simplified?: Position[];
}
interface ArcRef {
  arc: number;
  rev: boolean;
}

/** Round to `digits` decimals (5 = about 1 m). */
export function roundCoord(v: number, digits = 5): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function openRing(r: Ring): Position[] {
  const n = r.length;
  if (n > 1 && r[0]![0] === r[n - 1]![0] && r[0]![1] === r[n - 1]![1]) return r.slice(0, n - 1);
  return r.slice();
}

function ringArea(r: Position[]): number {
  let s = 0;
  for (let i = 0, n = r.length; i < n - 1; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s / 2;
}

export function simplifyShared(items: TopoItem[], digits = 5): { geoms: Multi[]; stats: TopoStats } {
  // Pass 1: junctions. A vertex is a junction when it is met with two different neighbour pairs.
  const pair = new Map<string, string>();
  const JUNCTION = '*';
  let verticesIn = 0;
  const opened: Position[][][][] = items.map((it) => it.geom.map((poly) => poly.map(openRing)));
  for (const f of opened)
    for (const poly of f)
      for (const r of poly) {
        const n = r.length;
        verticesIn += n + 1;
        for (let i = 0; i < n; i++) {
          const k = pkey(r[i]!);
          const a = pkey(r[(i + n - 1) % n]!);
          const b = pkey(r[(i + 1) % n]!);
          const pk = a < b ? a + '|' + b : b + '|' + a;
          const seen = pair.get(k);
          if (seen === undefined) pair.set(k, pk);
          else if (seen !== pk) pair.set(k, JUNCTION);
        }
      }

  // Pass 2: cut rings into arcs, deduplicated by their canonical vertex sequence.
  const arcs: Arc[] = [];
  const arcIndex = new Map<string, number>();
  const refs: ArcRef[][][][] = []; // feature → polygon → ring → arcs
  const addArc = (pts: Position[], tol: number): ArcRef => {
    const keys = pts.map(pkey);
    let rev = false;
    for (let i = 0, j = keys.length - 1; i < keys.length; i++, j--) {
      if (keys[i] === keys[j]) continue;
      rev = keys[j]! < keys[i]!;
      break;
    }
    const canon = rev ? keys.slice().reverse() : keys;
    const id = canon.join(';');
    let idx = arcIndex.get(id);
    if (idx === undefined) {
      idx = arcs.length;
      arcIndex.set(id, idx);
      arcs.push({ coords: rev ? pts.slice().reverse() : pts, tol, users: 0 });
    }
    const arc = arcs[idx]!;
    arc.tol = Math.min(arc.tol, tol);
    arc.users++;
    return { arc: idx, rev };
  };

  opened.forEach((f, fi) => {
    const tol = items[fi]!.tolerance;
    refs.push(
      f.map((poly) =>
        poly.map((r) => {
          const n = r.length;
          const js: number[] = [];
          for (let i = 0; i < n; i++) if (pair.get(pkey(r[i]!)) === JUNCTION) js.push(i);
          if (js.length === 0) {
            // A closed arc: start at the lexicographically smallest vertex, walk towards the
            // smaller of its two neighbours, so both copies of a shared ring coincide.
            let m = 0;
            for (let i = 1; i < n; i++) if (lexLess(r[i]!, r[m]!)) m = i;
            const fwd = lexLess(r[(m + 1) % n]!, r[(m + n - 1) % n]!);
            const seq: Position[] = [];
            for (let s = 0; s <= n; s++) seq.push(r[(((fwd ? m + s : m - s) % n) + n) % n]!);
            const ref = addArc(seq, tol);
            return [{ arc: ref.arc, rev: ref.rev !== !fwd }];
          }
          const out: ArcRef[] = [];
          for (let k = 0; k < js.length; k++) {
            const from = js[k]!;
            const to = k + 1 < js.length ? js[k + 1]! : js[0]! + n;
            const seq: Position[] = [];
            for (let i = from; i <= to; i++) seq.push(r[i % n]!);
            out.push(addArc(seq, tol));
          }
          return out;
        }),
      ),
    );
  });

  const simplifyArc = (a: Arc): Position[] => {
    const src = a.coords;
    let pts: Position[];
    if (a.tol <= 0 || src.length <= 2) pts = src;
    else {
      const line = simplify({ type: 'LineString', coordinates: src }, { tolerance: a.tol, highQuality: true, mutate: false });
      pts = line.coordinates;
    }
    const out: Position[] = [];
    for (const p of pts) {
      const q = [roundCoord(p[0]!, digits), roundCoord(p[1]!, digits)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };

  const buildRing = (rr: ArcRef[]): Ring => {
    const ring: Position[] = [];
    for (const ref of rr) {
      const a = arcs[ref.arc]!;
      a.simplified ??= simplifyArc(a);
      const pts = ref.rev ? a.simplified.slice().reverse() : a.simplified;
      for (let i = ring.length === 0 ? 0 : 1; i < pts.length; i++) ring.push(pts[i]!);
    }
    const f = ring[0];
    const l = ring[ring.length - 1];
    if (f && l && (f[0] !== l[0] || f[1] !== l[1])) ring.push(f);
    return ring;
  };
  const ringOk = (r: Ring): boolean => r.length >= 4 && Math.abs(ringArea(r)) > 0;

  const buildFeature = (fi: number): Multi => refs[fi]!.map((poly) => poly.map(buildRing));

  // Degenerate rings, and arcs that cross (themselves or another arc) after simplification but
  // not in the source: lower the tolerance of the arcs involved and simplify again. Arcs are
  // shared, so every polygon using them gets the same fix.
  const relaxedArcs = new Set<number>();
  const sourceCross = new Map<string, boolean>();
  const crossesInSource = (i: number, j: number): boolean => {
    const k = i + '|' + j;
    let v = sourceCross.get(k);
    if (v === undefined) {
      // The baseline is the source rounded to `digits` decimals (rounding alone may turn a
      // vertex lying exactly on a neighbour's segment into a tiny crossing).
      const rounded = (k: number) => arcs[k]!.coords.map((p) => [roundCoord(p[0]!, digits), roundCoord(p[1]!, digits)]);
      v = findCrossings(i === j ? [rounded(i)] : [rounded(i), rounded(j)]).length > 0;
      sourceCross.set(k, v);
    }
    return v;
  };
  let rounds = 0;
  for (; rounds < 40; rounds++) {
    for (const a of arcs) a.simplified ??= simplifyArc(a);
    const bad = new Set<number>();
    refs.forEach((f) =>
      f.forEach((poly) =>
        poly.forEach((rr) => {
          if (!ringOk(buildRing(rr))) for (const ref of rr) bad.add(ref.arc);
        }),
      ),
    );
    for (const [i, j] of findCrossings(arcs.map((a) => a.simplified!))) {
      if (!crossesInSource(i, j)) {
        bad.add(i);
        bad.add(j);
      }
    }
    const relaxable = [...bad].filter((i) => arcs[i]!.tol > 0);
    if (relaxable.length === 0) break;
    for (const i of relaxable) {
      const a = arcs[i]!;
      a.tol = a.tol > 1e-5 ? a.tol / 2 : 0;
      delete a.simplified;
      relaxedArcs.add(i);
    }
  }
  const geoms: Multi[] = refs.map((_, fi) => buildFeature(fi));
  const remainingPairs = findCrossings(arcs.map((a) => a.simplified!)).filter(([i, j]) => !crossesInSource(i, j));
  const remaining = remainingPairs.length;
  const invalid: number[] = [];
  geoms.forEach((g, fi) => {
    if (g.some((p) => p.some((r) => !ringOk(r)))) invalid.push(fi);
  });

  let verticesOut = 0;
  for (const g of geoms) for (const p of g) for (const r of p) verticesOut += r.length;
  return {
    geoms,
    stats: {
      arcs: arcs.length,
      sharedArcs: arcs.filter((a) => a.users > 1).length,
      verticesIn,
      verticesOut,
      relaxedArcs: relaxedArcs.size,
      rounds,
      newCrossings: remaining,
      invalid,
    },
  };
}

/**
 * Pairs of lines [i, j] (i <= j) with a proper crossing or a collinear overlap between two of
 * their segments (touching at a segment end is allowed). Uniform grid index.
 */
export function findCrossings(lines: Position[][], cell = 0.05): [number, number][] {
  const segs: { l: number; s: number; ax: number; ay: number; bx: number; by: number }[] = [];
  const grid = new Map<string, number[]>();
  lines.forEach((pts, l) => {
    for (let s = 0; s < pts.length - 1; s++) {
      const a = pts[s]!, b = pts[s + 1]!;
      const id = segs.length;
      segs.push({ l, s, ax: a[0]!, ay: a[1]!, bx: b[0]!, by: b[1]! });
      const x0 = Math.floor(Math.min(a[0]!, b[0]!) / cell), x1 = Math.floor(Math.max(a[0]!, b[0]!) / cell);
      const y0 = Math.floor(Math.min(a[1]!, b[1]!) / cell), y1 = Math.floor(Math.max(a[1]!, b[1]!) / cell);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const k = x + ',' + y;
          const c = grid.get(k);
          if (c) c.push(id);
          else grid.set(k, [id]);
        }
    }
  });
  const found = new Set<string>();
  const out: [number, number][] = [];
  const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
    const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  };
  for (const ids of grid.values()) {
    for (let i = 0; i < ids.length; i++) {
      const p = segs[ids[i]!]!;
      for (let j = i + 1; j < ids.length; j++) {
        const q = segs[ids[j]!]!;
        if (p.l === q.l && Math.abs(p.s - q.s) <= 1) {
          // Neighbouring segments of one line meet at their common vertex; only a
          // fold-back (collinear, opposite direction) is a problem.
          if (p.s === q.s) continue;
        }
        if (Math.max(p.ax, p.bx) < Math.min(q.ax, q.bx) || Math.max(q.ax, q.bx) < Math.min(p.ax, p.bx)) continue;
        if (Math.max(p.ay, p.by) < Math.min(q.ay, q.by) || Math.max(q.ay, q.by) < Math.min(p.ay, p.by)) continue;
        const o1 = orient(p.ax, p.ay, p.bx, p.by, q.ax, q.ay);
        const o2 = orient(p.ax, p.ay, p.bx, p.by, q.bx, q.by);
        const o3 = orient(q.ax, q.ay, q.bx, q.by, p.ax, p.ay);
        const o4 = orient(q.ax, q.ay, q.bx, q.by, p.bx, p.by);
        let hit = false;
        if (o1 * o2 < 0 && o3 * o4 < 0) hit = true;
        else if (o1 === 0 && o2 === 0) {
          // Collinear: overlap longer than a point?
          const horiz = Math.abs(p.bx - p.ax) >= Math.abs(p.by - p.ay);
          const [p0, p1] = horiz ? [Math.min(p.ax, p.bx), Math.max(p.ax, p.bx)] : [Math.min(p.ay, p.by), Math.max(p.ay, p.by)];
          const [q0, q1] = horiz ? [Math.min(q.ax, q.bx), Math.max(q.ax, q.bx)] : [Math.min(q.ay, q.by), Math.max(q.ay, q.by)];
          hit = Math.min(p1, q1) - Math.max(p0, q0) > 0;
          // The same segment used twice by two arcs (end segment of both) is a shared edge
          // only if the arcs are different; identical segments of one arc never occur.
        }
        if (!hit) continue;
        const [a, b] = p.l <= q.l ? [p.l, q.l] : [q.l, p.l];
        const k = a + '|' + b;
        if (!found.has(k)) {
          found.add(k);
          out.push([a, b]);
        }
      }
    }
  }
  return out;
}

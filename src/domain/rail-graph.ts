/**
 * A network of named lines (a railway extract, and any other line network a theme vendors) as a
 * graph, for drawing a project along the real network: the shortest path through an ordered list of
 * points, or the section of one named line between the points nearest two places.
 *
 * Pure: built from GeoJSON features the caller has read. Lines meet where an end of one lies within
 * SNAP_KM of another line (its end or anywhere along it): sources such as OpenStreetMap split lines
 * at junctions, and a simplified extract moves those ends by up to its tolerance. Two lines that
 * cross with neither ending there (a flyover) are not joined. Weights are geodesic km (turf).
 */
import { distance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';

/** Ends of lines this close are one node (and an end this close to a line joins it there). */
export const SNAP_KM = 0.5;

export class RailGraphError extends Error {}

export interface RailLineProps {
  name: string;
}

interface Edge {
  id: number;
  from: number;
  to: number;
  /** The line it belongs to; a joint between two lines belongs to the line whose end it joins. */
  name: string;
  coords: Position[];
  km: number;
  /** Running km at each vertex, for cutting the edge at a point along it. */
  cum: number[];
}

/** Where a point falls on the network. */
export interface Snap {
  edge: number;
  /** Km from the edge's first vertex. */
  at: number;
  position: Position;
  /** Km from the point to the network. */
  offKm: number;
}

export interface Route {
  coordinates: Position[];
  km: number;
  /** Names of the lines it runs along, in order of first use. */
  lines: string[];
}

const GRID = 0.02;
const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });

/** Nearest point of segment ab to p, as a fraction t of ab, in a local equirectangular plane. */
function nearestOnSegment(p: Position, a: Position, b: Position): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  const ax = (a[0]! - p[0]!) * k;
  const ay = a[1]! - p[1]!;
  const dx = (b[0]! - a[0]!) * k;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  return len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
}

const lerp = (a: Position, b: Position, t: number): Position => [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];

function cumulative(coords: Position[]): number[] {
  const cum = [0];
  for (let i = 1; i < coords.length; i++) cum.push(cum[i - 1]! + km(coords[i - 1]!, coords[i]!));
  return cum;
}

/** A segment index over polylines: which segments pass near a point. */
class SegmentIndex {
  private cells = new Map<string, [number, number][]>();
  constructor(private lines: Position[][]) {
    lines.forEach((c, li) => {
      for (let i = 1; i < c.length; i++) {
        const a = c[i - 1]!;
        const b = c[i]!;
        const seen = new Set<string>();
        for (let x = Math.floor(Math.min(a[0]!, b[0]!) / GRID); x <= Math.floor(Math.max(a[0]!, b[0]!) / GRID); x++)
          for (let y = Math.floor(Math.min(a[1]!, b[1]!) / GRID); y <= Math.floor(Math.max(a[1]!, b[1]!) / GRID); y++) {
            const k = `${x},${y}`;
            if (seen.has(k)) continue;
            seen.add(k);
            (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push([li, i - 1]);
          }
      }
    });
  }
  /** For each line within `radiusKm` of p (per `keep`), its nearest segment, fraction and distance. */
  near(p: Position, radiusKm: number, keep: (line: number) => boolean = () => true): Map<number, { seg: number; t: number; km: number }> {
    const best = new Map<number, { seg: number; t: number; km: number }>();
    const rLat = radiusKm / 111;
    const rLon = rLat / Math.max(0.1, Math.cos((p[1]! * Math.PI) / 180));
    const seen = new Set<string>();
    for (let x = Math.floor((p[0]! - rLon) / GRID); x <= Math.floor((p[0]! + rLon) / GRID); x++)
      for (let y = Math.floor((p[1]! - rLat) / GRID); y <= Math.floor((p[1]! + rLat) / GRID); y++)
        for (const [li, seg] of this.cells.get(`${x},${y}`) ?? []) {
          const id = `${li}:${seg}`;
          if (seen.has(id) || !keep(li)) continue;
          seen.add(id);
          const c = this.lines[li]!;
          const t = nearestOnSegment(p, c[seg]!, c[seg + 1]!);
          const d = km(p, lerp(c[seg]!, c[seg + 1]!, t));
          const prev = best.get(li);
          if (d <= radiusKm && (!prev || d < prev.km)) best.set(li, { seg, t, km: d });
        }
    return best;
  }
}

/** A binary heap of [priority, value]. */
class Heap {
  private a: [number, number][] = [];
  get size() {
    return this.a.length;
  }
  push(p: number, v: number) {
    const a = this.a;
    a.push([p, v]);
    let i = a.length - 1;
    while (i > 0) {
      const j = (i - 1) >> 1;
      if (a[j]![0] <= a[i]![0]) break;
      [a[i], a[j]] = [a[j]!, a[i]!];
      i = j;
    }
  }
  pop(): [number, number] {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export class RailGraph {
  readonly edges: Edge[] = [];
  /** Node → edges at it. */
  private readonly adj: number[][] = [];
  readonly nodePositions: Position[] = [];
  private readonly edgeIndex: SegmentIndex;
  /** Total km of each line's own edges. */
  readonly lineKm = new Map<string, number>();

  constructor(features: readonly Feature<LineString | MultiLineString, RailLineProps>[], readonly snapKm = SNAP_KM) {
    // 1. Every part of every line, and where the ends of the others join it.
    const parts: { name: string; coords: Position[] }[] = [];
    for (const f of features) {
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const c of lines) if (c.length >= 2) parts.push({ name: f.properties.name, coords: c });
    }
    const partIndex = new SegmentIndex(parts.map((p) => p.coords));
    /** Per part: cut points (segment, fraction) → node; a node per part end. */
    const cuts: Map<string, { seg: number; t: number; node: number }>[] = parts.map(() => new Map());
    const newNode = (p: Position) => this.nodePositions.push(p) - 1;
    const cutAt = (part: number, seg: number, t: number): number => {
      const c = parts[part]!.coords;
      // Normalise a cut at a vertex to the start of the next segment, so that both spellings meet.
      if (t >= 1 && seg + 1 < c.length - 1) [seg, t] = [seg + 1, 0];
      if (t >= 1) [seg, t] = [c.length - 2, 1];
      const k = `${seg}:${t.toFixed(6)}`;
      const have = cuts[part]!.get(k);
      if (have) return have.node;
      const node = newNode(lerp(c[seg]!, c[seg + 1]!, t));
      cuts[part]!.set(k, { seg, t, node });
      return node;
    };
    const joints: { a: number; b: number; name: string }[] = [];
    parts.forEach((p, pi) => {
      for (const end of [0, p.coords.length - 1]) {
        const node = end === 0 ? cutAt(pi, 0, 0) : cutAt(pi, p.coords.length - 2, 1);
        const pos = p.coords[end]!;
        for (const [other, hit] of partIndex.near(pos, snapKm, (li) => li !== pi)) {
          const target = cutAt(other, hit.seg, hit.t);
          if (target !== node) joints.push({ a: node, b: target, name: p.name });
        }
      }
    });
    // 2. Cut every part at its nodes into edges; joints are short edges of their own.
    parts.forEach((p, pi) => {
      const list = [...cuts[pi]!.values()].sort((x, y) => x.seg - y.seg || x.t - y.t);
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1]!;
        const b = list[i]!;
        const coords = [this.nodePositions[a.node]!, ...p.coords.slice(a.seg + 1, b.t > 0 ? b.seg + 1 : b.seg), this.nodePositions[b.node]!];
        this.addEdge(a.node, b.node, p.name, dedupe(coords));
      }
    });
    const seenJoint = new Set<string>();
    for (const j of joints) {
      const k = j.a < j.b ? `${j.a}-${j.b}` : `${j.b}-${j.a}`;
      if (seenJoint.has(k)) continue;
      seenJoint.add(k);
      this.addEdge(j.a, j.b, j.name, [this.nodePositions[j.a]!, this.nodePositions[j.b]!], true);
    }
    this.edgeIndex = new SegmentIndex(this.edges.map((e) => e.coords));
  }

  private addEdge(from: number, to: number, name: string, coords: Position[], joint = false) {
    if (coords.length < 2) coords = [coords[0]!, coords[0]!];
    const cum = cumulative(coords);
    const e: Edge = { id: this.edges.length, from, to, name, coords, km: cum[cum.length - 1]!, cum };
    this.edges.push(e);
    (this.adj[from] ??= []).push(e.id);
    (this.adj[to] ??= []).push(e.id);
    if (!joint) this.lineKm.set(name, (this.lineKm.get(name) ?? 0) + e.km);
  }

  get nodeCount(): number {
    return this.nodePositions.length;
  }

  /** The point of the network (of the given lines, if any) nearest to p, within maxKm. */
  snap(p: Position, lines?: ReadonlySet<string>, maxKm = 50): Snap | null {
    for (let r = Math.min(2, maxKm); ; r = Math.min(r * 3, maxKm)) {
      const hits = this.edgeIndex.near(p, r, (ei) => !lines || lines.has(this.edges[ei]!.name));
      let best: Snap | null = null;
      for (const [ei, h] of hits) {
        const e = this.edges[ei]!;
        const at = e.cum[h.seg]! + (e.cum[h.seg + 1]! - e.cum[h.seg]!) * h.t;
        if (!best || h.km < best.offKm) best = { edge: ei, at, position: lerp(e.coords[h.seg]!, e.coords[h.seg + 1]!, h.t), offKm: h.km };
      }
      if (best || r >= maxKm) return best;
    }
  }

  /**
   * The shortest path between two snapped points over the edges of `lines` (all when omitted), or
   * null when none connects them.
   */
  private path(a: Snap, b: Snap, lines?: ReadonlySet<string>): { coords: Position[]; km: number; names: string[] } | null {
    const ok = (e: Edge) => !lines || lines.has(e.name);
    const ea = this.edges[a.edge]!;
    const eb = this.edges[b.edge]!;
    const dist = new Map<number, number>();
    const via = new Map<number, number>(); // node → edge it was reached by
    const heap = new Heap();
    const relax = (node: number, d: number, edge: number) => {
      if (d < (dist.get(node) ?? Infinity)) {
        dist.set(node, d);
        via.set(node, edge);
        heap.push(d, node);
      }
    };
    relax(ea.from, a.at, -1);
    relax(ea.to, ea.km - a.at, -1);
    while (heap.size) {
      const [d, node] = heap.pop();
      if (d > (dist.get(node) ?? Infinity)) continue;
      for (const ei of this.adj[node] ?? []) {
        const e = this.edges[ei]!;
        if (!ok(e)) continue;
        relax(e.from === node ? e.to : e.from, d + e.km, ei);
      }
    }
    // Arrive at b through either end of its edge, or straight along a shared edge.
    const candidates: { km: number; coords: Position[]; names: string[] }[] = [];
    if (a.edge === b.edge) candidates.push({ km: Math.abs(b.at - a.at), coords: cut(ea, a.at, b.at), names: [ea.name] });
    for (const [end, tail] of [
      [eb.from, b.at],
      [eb.to, eb.km - b.at],
    ] as const) {
      const d = dist.get(end);
      if (d == null) continue;
      candidates.push({ km: d + tail, coords: [], names: [] });
      const c = candidates[candidates.length - 1]!;
      // Walk back from `end` to a's edge.
      const steps: Position[][] = [];
      const names: string[] = [];
      let node = end;
      for (;;) {
        const ei = via.get(node)!;
        if (ei === -1) {
          steps.push(node === ea.from ? cut(ea, a.at, 0) : cut(ea, a.at, ea.km));
          names.push(ea.name);
          break;
        }
        const e = this.edges[ei]!;
        steps.push(e.to === node ? e.coords : [...e.coords].reverse());
        names.push(e.name);
        node = e.to === node ? e.from : e.to;
      }
      steps.reverse();
      names.reverse();
      steps.push(end === eb.from ? cut(eb, 0, b.at) : cut(eb, eb.km, b.at));
      names.push(eb.name);
      c.coords = dedupe(steps.flat());
      c.names = names;
    }
    if (!candidates.length) return null;
    const best = candidates.sort((x, y) => x.km - y.km)[0]!;
    return { coords: best.coords, km: best.km, names: [...new Set(best.names)] };
  }

  /**
   * The shortest path through the points in order, on the lines named (all when omitted). Each point
   * is snapped to the nearest point of those lines within `maxSnapKm`.
   */
  route(points: readonly { label: string; at: Position }[], opts: { lines?: readonly string[]; maxSnapKm?: number } = {}): Route {
    const lines = opts.lines ? new Set(opts.lines) : undefined;
    for (const name of lines ?? []) if (!this.lineKm.has(name)) throw new RailGraphError(`no line named ${name} in the network`);
    const maxKm = opts.maxSnapKm ?? 25;
    const what = lines ? [...lines].join(', ') : 'the network';
    const snaps = points.map(({ label, at }) => {
      const s = this.snap(at, lines, maxKm);
      if (!s) throw new RailGraphError(`${label} is more than ${maxKm} km from ${what}`);
      return s;
    });
    const coords: Position[] = [];
    const names: string[] = [];
    let total = 0;
    for (let i = 1; i < snaps.length; i++) {
      const p = this.path(snaps[i - 1]!, snaps[i]!, lines);
      if (!p) throw new RailGraphError(`no path from ${points[i - 1]!.label} to ${points[i]!.label} on ${what}: ${this.gapReport(snaps[i - 1]!, snaps[i]!, lines)}`);
      coords.push(...(coords.length ? p.coords.slice(1) : p.coords));
      names.push(...p.names);
      total += p.km;
    }
    return { coordinates: dedupe(coords), km: total, lines: [...new Set(names)] };
  }

  /**
   * The whole of the named line(s): the longest of the shortest paths between their ends. Fails when
   * they fall apart in pieces, or when that path leaves out more than a tenth of their length (a
   * line with branches: name the section's ends instead).
   */
  wholeLine(names: readonly string[]): Route {
    const lines = new Set(names);
    for (const name of lines) if (!this.lineKm.has(name)) throw new RailGraphError(`no line named ${name} in the network`);
    const comps = this.components(lines);
    if (comps.length > 1) {
      const desc = comps.map((c) => `${c.km.toFixed(0)} km near ${fmt(c.sample)}`).join('; ');
      throw new RailGraphError(`${names.join(', ')} ${names.length > 1 ? 'fall' : 'falls'} apart in ${comps.length} pieces more than ${this.snapKm} km apart (${desc}): name the section (from, to) or route it`);
    }
    const ends = this.endNodes(lines);
    const far = (start: number) => {
      const d = this.distancesFrom(start, lines);
      return ends.reduce((best, n) => ((d.get(n) ?? -1) > (d.get(best) ?? -1) ? n : best), start);
    };
    const a = far(ends[0]!);
    const b = far(a);
    const route = this.route(
      [
        { label: 'one end', at: this.nodePositions[a]! },
        { label: 'the other end', at: this.nodePositions[b]! },
      ],
      { lines: names },
    );
    const total = names.reduce((s, n) => s + this.lineKm.get(n)!, 0);
    if (route.km < 0.9 * total)
      throw new RailGraphError(`${names.join(', ')} ${names.length > 1 ? 'branch' : 'branches'}: the longest path between the ends is ${route.km.toFixed(0)} of its ${total.toFixed(0)} km; name the section (from, to)`);
    return route;
  }

  /** Connected pieces of the given lines' edges: their km and a point on each. */
  components(lines?: ReadonlySet<string>): { nodes: Set<number>; km: number; sample: Position }[] {
    const seen = new Set<number>();
    const out: { nodes: Set<number>; km: number; sample: Position }[] = [];
    for (const e of this.edges) {
      if (lines && !lines.has(e.name)) continue;
      if (seen.has(e.from)) continue;
      const nodes = new Set<number>([e.from]);
      const stack = [e.from];
      let total = 0;
      const counted = new Set<number>();
      while (stack.length) {
        const n = stack.pop()!;
        for (const ei of this.adj[n] ?? []) {
          const f = this.edges[ei]!;
          if (lines && !lines.has(f.name)) continue;
          if (!counted.has(ei)) {
            counted.add(ei);
            total += f.km;
          }
          const m = f.from === n ? f.to : f.from;
          if (!nodes.has(m)) {
            nodes.add(m);
            stack.push(m);
          }
        }
      }
      for (const n of nodes) seen.add(n);
      out.push({ nodes, km: total, sample: e.coords[Math.floor(e.coords.length / 2)]! });
    }
    return out.sort((x, y) => y.km - x.km);
  }

  private endNodes(lines: ReadonlySet<string>): number[] {
    const deg = new Map<number, number>();
    for (const e of this.edges)
      if (lines.has(e.name)) for (const n of [e.from, e.to]) deg.set(n, (deg.get(n) ?? 0) + 1);
    const ends = [...deg].filter(([, d]) => d === 1).map(([n]) => n);
    return ends.length ? ends : [...deg.keys()];
  }

  private distancesFrom(start: number, lines?: ReadonlySet<string>): Map<number, number> {
    const dist = new Map<number, number>([[start, 0]]);
    const heap = new Heap();
    heap.push(0, start);
    while (heap.size) {
      const [d, n] = heap.pop();
      if (d > dist.get(n)!) continue;
      for (const ei of this.adj[n] ?? []) {
        const e = this.edges[ei]!;
        if (lines && !lines.has(e.name)) continue;
        const m = e.from === n ? e.to : e.from;
        if (d + e.km < (dist.get(m) ?? Infinity)) {
          dist.set(m, d + e.km);
          heap.push(d + e.km, m);
        }
      }
    }
    return dist;
  }

  /** Why two points are not connected: the narrowest gap between the pieces they lie on. */
  private gapReport(a: Snap, b: Snap, lines?: ReadonlySet<string>): string {
    const comps = this.components(lines);
    const ca = comps.find((c) => c.nodes.has(this.edges[a.edge]!.from));
    const cb = comps.find((c) => c.nodes.has(this.edges[b.edge]!.from));
    if (!ca || !cb) return 'they lie on separate pieces';
    let best = { d: Infinity, p: [0, 0] as Position, q: [0, 0] as Position };
    const pa = [...ca.nodes].map((n) => this.nodePositions[n]!);
    for (const n of cb.nodes) {
      const q = this.nodePositions[n]!;
      for (const p of pa) {
        const d = km(p, q);
        if (d < best.d) best = { d, p, q };
      }
    }
    return `they lie on separate pieces (${comps.length} in all); the nearest ends of the two are ${best.d.toFixed(1)} km apart, ${fmt(best.p)} and ${fmt(best.q)}`;
  }
}

const fmt = (p: Position) => `${p[0]!.toFixed(3)},${p[1]!.toFixed(3)}`;

function dedupe(c: Position[]): Position[] {
  return c.filter((p, i) => i === 0 || p[0] !== c[i - 1]![0] || p[1] !== c[i - 1]![1]);
}

/** The part of an edge between two km marks, in the direction from `from` to `to`. */
function cut(e: Edge, from: number, to: number): Position[] {
  const at = (m: number): Position => {
    let i = 1;
    while (i < e.cum.length - 1 && e.cum[i]! < m) i++;
    const span = e.cum[i]! - e.cum[i - 1]!;
    return lerp(e.coords[i - 1]!, e.coords[i]!, span > 0 ? (m - e.cum[i - 1]!) / span : 0);
  };
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const inner = e.coords.filter((_, i) => e.cum[i]! > lo && e.cum[i]! < hi);
  const out = dedupe([at(lo), ...inner, at(hi)]);
  return from <= to ? out : out.reverse();
}

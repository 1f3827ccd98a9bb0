/**
 * Makes railways.geojson, the named main railway lines of OpenStreetMap around Inner Mongolia and
 * the Bohai Rim, from the province files of GitHub kingtmc314/east-asia-railway-map
 * (`public/data/clean/china-*.json`, OSM ways fetched from Overpass by that repository's pipeline;
 * ODbL, © OpenStreetMap contributors).
 *
 *   npx tsx geo/vendor/osm-railways/extract.ts <git dir of kingtmc314/east-asia-railway-map>
 *
 * (the search tool's `fetch github:kingtmc314/east-asia-railway-map` gives that directory). Only git
 * objects are read, at the commits pinned in FILES, so the output is the same on any machine.
 *
 * What it keeps: ways of `railway_type` rail / highspeed (v3, v7 files) or `rail_type` rail / hsr
 * (v1 files) — no subway, no tram — whose name ends like a line's name (线, 铁路, 客专, 高铁, 城际)
 * and is not a depot track (动车走行线 …), inside BOX. Per name: ways deduplicated by OSM id (newest
 * file first), joined end to end where exactly two meet, the second track of double-track stretches
 * dropped (a stretch within TRACK_M of a longer piece already kept), simplified with Douglas-Peucker
 * at TOLERANCE_DEG, rounded to 5 decimals.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bboxClip, lineString, simplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = 'kingtmc314/east-asia-railway-map';

/** lon 97–127, lat 34–54: Inner Mongolia and the Bohai Rim with their neighbours. */
export const BOX: [number, number, number, number] = [97, 34, 127, 54];
/** ~200 m (0.002° of latitude; ~150 m of longitude at 42° N). */
const TOLERANCE_DEG = 0.002;
/** Two tracks of one line lie 4–6 m apart, station tracks up to a few tens of metres. */
const TRACK_M = 40;
/** Leftover stretches shorter than this after dropping second tracks are station tracks, not line. */
const MIN_PIECE_M = 300;
/** Points of densified chains (25 m apart) a chain's own track must lie behind to count as another track. */
const SELF_LAG = 12;
/** Station loops and sidings: pieces shorter than SIDING_MAX_M lying within SIDING_M of the line. */
const SIDING_M = 300;
const SIDING_MAX_M = 3000;

/**
 * The files read, each at the newest commit whose blob the snapshot holds (many of the repository's
 * large files are absent from it), plus the older "topo-bootstrap" versions of three Inner Mongolia
 * files and of Hebei's south, whose boxes differ from the newer Overpass versions and fill their
 * gaps (e.g. 112.6–116.8° E, 41.8–43° N on 集通线 and 集二线). A way in several files is taken from
 * the newest. china-shanxi.json is absent at every commit: Shanxi's lines are missing but for
 * stretches near its borders that other files' boxes reach.
 */
export const FILES: { file: string; commit: string }[] = [
  ['china-beijing', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-tianjin', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-hebei-north', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-hebei-south', 'fc715409a671af2a5c64f6058595a063bbc213b3'],
  ['china-hebei-south', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-inner-mongolia-central', 'fc715409a671af2a5c64f6058595a063bbc213b3'],
  ['china-inner-mongolia-central', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-inner-mongolia-ne', '944976ee740a328755696a01151ee0cb4b5b752b'],
  ['china-inner-mongolia-ne', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-inner-mongolia-nw', '944976ee740a328755696a01151ee0cb4b5b752b'],
  ['china-inner-mongolia-nw', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-inner-mongolia-south', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-inner-mongolia-west', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-liaoning', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-jilin', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-heilongjiang', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-shandong', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-henan', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-shaanxi', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-ningxia', 'fc715409a671af2a5c64f6058595a063bbc213b3'],
  ['china-gansu', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-qinghai', 'fc715409a671af2a5c64f6058595a063bbc213b3'],
  ['china-jiangsu', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
  ['china-anhui', '1970f539bb6b3e5f0ed8cad0fd79547997e970f8'],
  ['china-sichuan', '05f3995d9124815583b0084d7a75d3ad1e7907e1'],
].map(([f, commit]) => ({ file: `public/data/clean/${f}.json`, commit: commit! }));

const LINE_NAME = /(线|铁路|客专|高铁|城际)$/;
/** Depot and yard tracks that carry a line-like name. */
const DEPOT = /动车|走行|动走|出库|入库|机走|焊轨|折返|停留线|发车线|小运转/;
const CJK = /[\u4e00-\u9fff]/;

export interface RailwayProps {
  /** The line's name as OSM has it (Chinese). */
  name: string;
  name_en?: string;
  /** Most of its length is tagged high-speed. */
  highspeed: boolean;
  /** Length in km of what is kept (one track). */
  km: number;
  /** Short commits of the source files its ways came from. */
  commits: string;
}

interface Way {
  id: number;
  name: string;
  nameEn: string | undefined;
  highspeed: boolean;
  coords: Position[];
  commit: string;
}

type Props = Record<string, unknown>;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
}

function readWays(dir: string): { ways: Way[]; perFile: string[] } {
  const ways = new Map<number, Way>();
  const perFile: string[] = [];
  // Newest files first, so a way in two files keeps its newest geometry.
  const dated = FILES.map((f) => ({ ...f, date: git(dir, 'show', '-s', '--format=%cI', f.commit).trim() })).sort((a, b) => b.date.localeCompare(a.date));
  for (const { file, commit, date } of dated) {
    const doc = JSON.parse(git(dir, 'show', `${commit}:${file}`)) as { version: number; updated: string; features?: Feature[]; lines?: Feature[] };
    let kept = 0;
    for (const f of doc.features ?? doc.lines ?? []) {
      if (f.geometry?.type !== 'LineString') continue;
      const p = f.properties as Props;
      const type = (p.railway_type ?? p.rail_type) as string;
      if (type !== 'rail' && type !== 'highspeed' && type !== 'hsr') continue;
      const osmName = typeof p.name === 'string' ? p.name.trim() : '';
      const zh = CJK.test(osmName) ? osmName : typeof p['name:zh'] === 'string' ? (p['name:zh'] as string).trim() : '';
      if (!LINE_NAME.test(zh) || DEPOT.test(zh)) continue;
      const id = p.osm_id as number;
      if (ways.has(id)) continue;
      const clipped = bboxClip(f as Feature<LineString>, BOX).geometry;
      const parts = clipped.type === 'LineString' ? [clipped.coordinates] : (clipped as MultiLineString).coordinates;
      const en = (p['name:en'] ?? p.name_en) as string | undefined;
      parts.forEach((coords, i) => {
        if (coords.length < 2) return;
        // Clipped parts of one way get ids of their own (negative, never an OSM id).
        ways.set(i === 0 ? id : -(id * 10 + i), { id, name: zh, nameEn: en?.trim() || undefined, highspeed: type !== 'rail', coords: coords.map(round), commit: commit.slice(0, 7) });
        kept++;
      });
    }
    perFile.push(`${file} @${commit.slice(0, 7)} (${date.slice(0, 10)}, format v${doc.version}, data of ${doc.updated.slice(0, 10)}): ${kept} ways kept`);
  }
  return { ways: [...ways.values()], perFile };
}

const round = (p: Position): Position => [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5];
const key = (p: Position) => `${p[0]},${p[1]}`;

/** Metres between two points (equirectangular: exact enough below a few km). */
function metres(a: Position, b: Position): number {
  const k = Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180);
  const dx = (a[0]! - b[0]!) * k;
  const dy = a[1]! - b[1]!;
  return Math.sqrt(dx * dx + dy * dy) * 111_195;
}

function chainLength(c: Position[]): number {
  let m = 0;
  for (let i = 1; i < c.length; i++) m += metres(c[i - 1]!, c[i]!);
  return m;
}

/** Joins ways end to end wherever exactly two ways meet (an OSM node shared by their ends). */
export function mergeChains(parts: Position[][]): Position[][] {
  const ends = new Map<string, number[]>();
  parts.forEach((c, i) => {
    for (const p of [c[0]!, c[c.length - 1]!]) {
      const list = ends.get(key(p)) ?? [];
      list.push(i);
      ends.set(key(p), list);
    }
  });
  const used = new Set<number>();
  const out: Position[][] = [];
  const degree = (p: Position) => ends.get(key(p))!.length;
  const extend = (chain: Position[]) => {
    for (;;) {
      const tail = chain[chain.length - 1]!;
      if (degree(tail) !== 2) return;
      const next = ends.get(key(tail))!.find((j) => !used.has(j));
      if (next == null) return;
      used.add(next);
      const c = parts[next]!;
      chain.push(...(key(c[0]!) === key(tail) ? c.slice(1) : [...c].reverse().slice(1)));
    }
  };
  // Chains start at ends that are not a plain joint, then what is left are closed loops.
  const order = parts.map((_, i) => i).sort((a, b) => Number(degree(parts[a]![0]!) === 2) - Number(degree(parts[b]![0]!) === 2));
  for (const i of order) {
    if (used.has(i)) continue;
    used.add(i);
    const chain = [...parts[i]!];
    extend(chain);
    chain.reverse();
    extend(chain);
    out.push(chain);
  }
  return out;
}

/** A grid of segments for "is this point within d metres of what is kept". */
class SegmentGrid {
  private cells = new Map<string, [Position, Position][]>();
  constructor(private cell = 0.01) {}
  private k(x: number, y: number) {
    return `${Math.floor(x / this.cell)},${Math.floor(y / this.cell)}`;
  }
  add(c: Position[]) {
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1]!;
      const b = c[i]!;
      const n = Math.ceil(Math.max(Math.abs(a[0]! - b[0]!), Math.abs(a[1]! - b[1]!)) / this.cell) + 1;
      const seen = new Set<string>();
      for (let s = 0; s <= n; s++) {
        const kk = this.k(a[0]! + ((b[0]! - a[0]!) * s) / n, a[1]! + ((b[1]! - a[1]!) * s) / n);
        if (seen.has(kk)) continue;
        seen.add(kk);
        const list = this.cells.get(kk) ?? [];
        list.push([a, b]);
        this.cells.set(kk, list);
      }
    }
  }
  near(p: Position, m: number): boolean {
    const [x, y] = [Math.floor(p[0]! / this.cell), Math.floor(p[1]! / this.cell)];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const [a, b] of this.cells.get(`${x + dx},${y + dy}`) ?? []) if (pointSegmentMetres(p, a, b) <= m) return true;
    return false;
  }
}

function pointSegmentMetres(p: Position, a: Position, b: Position): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  const ax = (a[0]! - p[0]!) * k;
  const ay = a[1]! - p[1]!;
  const bx = (b[0]! - p[0]!) * k;
  const by = b[1]! - p[1]!;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy) * 111_195;
}

/** Points every ≤ step metres along a chain, each with the index of the vertex it follows. */
function densify(c: Position[], step: number): { p: Position; at: number }[] {
  const out: { p: Position; at: number }[] = [{ p: c[0]!, at: 0 }];
  for (let i = 1; i < c.length; i++) {
    const a = c[i - 1]!;
    const b = c[i]!;
    const n = Math.max(1, Math.ceil(metres(a, b) / step));
    for (let s = 1; s <= n; s++) out.push({ p: s === n ? b : [a[0]! + ((b[0]! - a[0]!) * s) / n, a[1]! + ((b[1]! - a[1]!) * s) / n], at: s === n ? i : i - 1 });
  }
  return out;
}

/**
 * One track per line: longest chains first; a stretch of a later chain within TRACK_M of what is
 * already kept, or of its own track 300 m and more behind, is a second track (or a station track)
 * and is dropped. The stretches left keep one
 * point into the dropped part, so they still touch the track they run beside.
 */
export function singleTrack(chains: Position[][]): Position[][] {
  const grid = new SegmentGrid();
  const kept: Position[][] = [];
  for (const chain of [...chains].sort((a, b) => chainLength(b) - chainLength(a))) {
    const first = kept.length;
    const pts = densify(chain, 25);
    // A chain may come back along itself (two tracks joined at a station into one loop): its own
    // points count too, once they lie SELF_LAG points behind.
    const self = new SegmentGrid();
    const covered = pts.map(({ p }, i) => {
      if (i > SELF_LAG) self.add([pts[i - SELF_LAG - 1]!.p, pts[i - SELF_LAG]!.p]);
      return grid.near(p, TRACK_M) || self.near(p, TRACK_M);
    });
    let run: Position[] = [];
    const flush = () => {
      if (run.length >= 2 && chainLength(run) >= MIN_PIECE_M) kept.push(run);
      run = [];
    };
    for (let i = 0; i < pts.length; i++) {
      if (covered[i]) {
        if (run.length) {
          run.push(pts[i]!.p);
          flush();
        }
        continue;
      }
      if (!run.length && i > 0) run.push(pts[i - 1]!.p);
      run.push(pts[i]!.p);
    }
    flush();
    // Index what this chain kept before the next chain is judged against it.
    for (let k = first; k < kept.length; k++) grid.add(kept[k]!);
  }
  return kept.map((c) => c.map(round)).map(dropRepeats).filter((c) => c.length >= 2);
}

/**
 * Short pieces that run wholly within SIDING_M of a longer piece of the same line are loops and
 * sidings at stations (tracks further apart than TRACK_M), not the line.
 */
export function dropSidings(pieces: Position[][]): Position[][] {
  const grid = new SegmentGrid();
  const kept: Position[][] = [];
  for (const c of [...pieces].sort((a, b) => chainLength(b) - chainLength(a))) {
    if (chainLength(c) < SIDING_MAX_M && densify(c, 50).every(({ p }) => grid.near(p, SIDING_M))) continue;
    kept.push(c);
    grid.add(c);
  }
  return kept;
}

function dropRepeats(c: Position[]): Position[] {
  return c.filter((p, i) => i === 0 || key(p) !== key(c[i - 1]!));
}

/** Chains whose ends meet exactly after thinning are joined again, then simplified. */
function simplifyChain(c: Position[]): Position[] {
  const s = simplify(lineString(c), { tolerance: TOLERANCE_DEG, highQuality: true }).geometry.coordinates;
  return s.map(round);
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx geo/vendor/osm-railways/extract.ts <git dir of kingtmc314/east-asia-railway-map>');
    process.exit(2);
  }
  const t0 = performance.now();
  const { ways, perFile } = readWays(dir);
  const byName = new Map<string, Way[]>();
  for (const w of ways) byName.set(w.name, [...(byName.get(w.name) ?? []), w]);
  const features: Feature<LineString | MultiLineString, RailwayProps>[] = [];
  let rawKm = 0;
  for (const [name, list] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const hsLen = list.reduce((s, w) => s + (w.highspeed ? chainLength(w.coords) : 0), 0);
    const allLen = list.reduce((s, w) => s + chainLength(w.coords), 0);
    rawKm += allLen / 1000;
    const pieces = dropSidings(mergeChains(singleTrack(mergeChains(list.map((w) => w.coords)))))
      .map(simplifyChain)
      .filter((c) => c.length >= 2 && chainLength(c) > 0)
      .sort((a, b) => chainLength(b) - chainLength(a));
    if (!pieces.length) continue;
    const en = mostCommon(list.map((w) => w.nameEn).filter((s): s is string => !!s));
    const km = Math.round(pieces.reduce((s, c) => s + chainLength(c), 0) / 100) / 10;
    features.push({
      type: 'Feature',
      properties: { name, ...(en ? { name_en: en } : {}), highspeed: hsLen > allLen / 2, km, commits: [...new Set(list.map((w) => w.commit))].sort().join(',') },
      geometry: pieces.length === 1 ? { type: 'LineString', coordinates: pieces[0]! } : { type: 'MultiLineString', coordinates: pieces },
    });
  }
  const out = {
    type: 'FeatureCollection',
    source: {
      citation: `OpenStreetMap (ODbL) via ${REPO}`,
      data: '© OpenStreetMap contributors, ODbL 1.0',
      repository: REPO,
      files: FILES.map((f) => ({ path: f.file, commit: f.commit })),
      box: BOX,
      made_by: 'geo/vendor/osm-railways/extract.ts',
    },
    features,
  };
  const file = path.join(HERE, 'railways.geojson');
  // One feature per line: diffs stay readable.
  const text = `{"type":"FeatureCollection","source":${JSON.stringify(out.source)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  fs.writeFileSync(file, text);
  for (const l of perFile) console.log(l);
  const hs = features.filter((f) => f.properties.highspeed).length;
  const km = features.reduce((s, f) => s + f.properties.km, 0);
  console.log(`${ways.length} ways (${Math.round(rawKm)} km of track) → ${features.length} lines (${hs} high-speed), ${Math.round(km)} km, ${(text.length / 1024).toFixed(0)} KB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

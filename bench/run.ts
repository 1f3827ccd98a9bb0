/**
 * Benchmark (not a test): `npm run bench [-- --runs 10 --frame-runs 5 --cold-runs 3 --only load,frames --no-clicks10x]`.
 * What each figure means and how it is measured: bench/README.md. Prints one table of the issue's
 * targets (measured, met or not), then each part's own; writes bench/results/bench-<stamp>.json and
 * bench/results/SUMMARY.md, and removes the earlier bench-*.json (the history is bench/README.md's).
 *
 * Builds the app if needed (and the baseline pages), serves them from one local static server, and
 * in one headless Chromium measures (parts: pick with `--only a,b`, drop with `--no-a`):
 * - load: time from navigation start to the first `idle` and to the whole atlas drawn, the app and
 *   the baselines loaded N times each (fresh context per run, no cache), alternating; the bytes by
 *   kind, all of the load and those asked for before the atlas was drawn (gzip level 6, computed
 *   here, so the figures do not depend on the server's compression);
 * - pmtiles: adds to the load an app built with `ATLAS_TILES=pmtiles` and the floor reading the archive;
 * - clicks: click-to-panel latency (bench/click.ts); clicks10x: the same on the 10× catalogue (bench/scale.ts);
 * - frames: frame times during a scripted pan and zoom, app against the tiles baseline (bench/frames.ts);
 * - cold-export: `npm run export` as a new process, a PNG and a 12-slide atlas (bench/cold-export.ts);
 * - export, peer (not by default): in-page export times, and @watergis/maplibre-gl-export's on bench/peer/.
 *
 * The floor (bench/baseline/?source=tiles) is the least a map of the same data can do: MapLibre
 * alone reading the app's vector tiles, one layer per tile layer and geometry, no names, the app's
 * first frame. The GeoJSON baseline (?source=geojson) is the one before the basemap became tiles.
 */
import { serveStatic } from '../scripts/static-server.ts';
import { newest } from '../scripts/newest.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser, Response } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { measureClicks, type ClickStats } from './click.ts';
import { exportTable, measureExports, measurePeerExports, type ExportBench, type PeerBench } from './export.ts';
import { framesTable, markdownTable, measureFrames, percentile, type FramesBench } from './frames.ts';
import { coldTable, measureColdExports, type ColdStat } from './cold-export.ts';
import { keepLatest, writeSummary } from './results-files.ts';
import { pmtilesArchive } from '../geo/pmtiles.ts';

const ROOT = resolve(import.meta.dirname, '..');
const APP_DIST = join(ROOT, 'dist');
const BASELINE_ROOT = join(ROOT, 'bench/baseline');
const BASELINE_DIST = join(BASELINE_ROOT, 'dist');
const PEER_ROOT = join(ROOT, 'bench/peer');
const PEER_DIST = join(PEER_ROOT, 'dist');
const RESULTS = join(ROOT, 'bench/results');
const PMTILES_DIST = join(ROOT, '.tmp/dist-pmtiles');

const args = process.argv.slice(2);
/** `--name N`, or the default when absent. */
const numberArg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const RUNS = numberArg('--runs', 10);
// Frames: `--frame-runs N`, else `--runs N` when given (a quick `--runs 1` run stays quick), else 5.
const FRAME_RUNS = numberArg('--frame-runs', args.includes('--runs') ? RUNS : 5);
const EXPORT_RUNS = numberArg('--export-runs', 3);
const COLD_RUNS = numberArg('--cold-runs', 3);
const FORCE = args.includes('--build');
const PARTS = ['load', 'pmtiles', 'clicks', 'frames', 'cold-export', 'clicks10x', 'export', 'peer'] as const;
type Part = (typeof PARTS)[number];
/** What the targets need; `export` and `peer` (in-page export times against @watergis/maplibre-gl-export) are asked for by name. */
const DEFAULT_PARTS: Part[] = ['load', 'pmtiles', 'clicks', 'frames', 'cold-export', 'clicks10x'];
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : [...DEFAULT_PARTS];
for (const p of only) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
/** Whether a part runs: listed by `--only` (default all) and not dropped by `--no-<part>`. */
const wanted = (p: Part) => only.includes(p) && !args.includes(`--no-${p}`);


async function viteBuild(options: Parameters<typeof build>[0]): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', ...options });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

async function ensureBuilt(): Promise<void> {
  execFileSync('npx', ['tsx', 'scripts/ensure-built.ts'], { cwd: ROOT, stdio: 'inherit' });
  const inputs = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'public')), newest(join(ROOT, 'index.html')), newest(join(ROOT, 'vite.config.ts')));
  if (FORCE || newest(join(APP_DIST, 'index.html')) < inputs) {
    console.log('[bench] building the app');
    await viteBuild({ root: ROOT, build: { emptyOutDir: true } });
  }
  await ensureBarePage('baseline', BASELINE_ROOT, BASELINE_DIST);
  if (wanted('peer')) await ensureBarePage('peer', PEER_ROOT, PEER_DIST);
}

/** Builds a bench page (bench/baseline/, bench/peer/) when its sources or the GeoJSON changed. */
async function ensureBarePage(name: string, root: string, dist: string): Promise<void> {
  // Both pages draw with the baseline's style (bench/baseline/style.ts); newest() skips dist/.
  const inputs = Math.max(newest(root), newest(BASELINE_ROOT), newest(join(ROOT, 'public/geo')), newest(join(ROOT, 'public/tiles')), newest(join(ROOT, 'package-lock.json')), newest(join(ROOT, 'src/domain/vocabulary.ts')));
  if (!FORCE && newest(join(dist, 'index.html')) >= inputs) return;
  console.log(`[bench] building the ${name} page`);
  // Only the GeoJSON the page reads is copied (its own public folder would copy fonts and data too).
  await viteBuild({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    build: { outDir: dist, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  mkdirSync(join(dist, 'geo'), { recursive: true });
  for (const f of ['regions.geojson', 'countries.geojson']) {
    execFileSync('cp', [join(ROOT, 'public/geo', f), join(dist, 'geo', f)]);
  }
  // The floor reads the app's own tiles, as a directory and as one archive (geo/pmtiles.ts).
  cpSync(join(ROOT, 'public/tiles'), join(dist, 'tiles'), { recursive: true });
  writeFileSync(join(dist, 'tiles.pmtiles'), pmtilesArchive(join(ROOT, 'public/tiles')).bytes);
}

type Kind = 'js' | 'data' | 'tiles' | 'fonts' | 'css' | 'html' | 'other';
const KINDS: Kind[] = ['js', 'data', 'tiles', 'fonts', 'css', 'html', 'other'];
function kindOf(url: string): Kind {
  const ext = extname(new URL(url).pathname);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.json' || ext === '.geojson') return 'data';
  if (ext === '.pbf' || ext === '.pmtiles') return 'tiles';
  if (ext === '.woff2' || ext === '.woff') return 'fonts';
  if (ext === '.css') return 'css';
  if (ext === '.html' || ext === '') return 'html';
  return 'other';
}

interface Bytes {
  raw: number;
  gzip: number;
  files: number;
}
type ByKind = Partial<Record<Kind, Bytes>>;
interface Run {
  idleMs: number;
  /** The app: first quiet frame with the thematic layers drawn too (a baseline has none: its idle). */
  completeMs: number;
  /** Every response of the load, by kind. */
  bytes: ByKind;
  /** Those asked for before the page was complete (the app: the whole atlas drawn). */
  bytesBefore: ByKind;
  /** Files asked for after it (what the page reads later), for the record. */
  later: string[];
  /** Each file asked for before complete: path, kind, gzip bytes (what the byte targets are made of). */
  filesBefore: Array<{ path: string; kind: Kind; gzip: number }>;
  foreign: string[];
  errors: string[];
}

const PAGES = ['app', 'tiles', 'geojson', 'app-pmtiles', 'pmtiles'] as const;
type PageName = (typeof PAGES)[number];
const PAGE_LABEL: Record<PageName, string> = {
  app: 'app',
  tiles: 'baseline: tiles (floor)',
  geojson: 'baseline: GeoJSON',
  'app-pmtiles': 'app, PMTiles build',
  pmtiles: 'baseline: PMTiles',
};
const isApp = (p: PageName) => p === 'app' || p === 'app-pmtiles';

async function measure(browser: Browser, url: string, app: boolean): Promise<Run> {
  // A fresh, isolated context per run: nothing cached from earlier runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const run: Run = { idleMs: NaN, completeMs: NaN, bytes: {}, bytesBefore: {}, later: [], filesBefore: [], foreign: [], errors: [] };
  // Responses are only noted while the page loads; their bodies are read (over the DevTools
  // protocol, base64) once the timing is done. Read during the load they competed with it for the
  // machine's two cores, in proportion to the bytes.
  const responses: Response[] = [];
  const seen = new Set<string>();
  page.on('console', (m) => m.type() === 'error' && run.errors.push(m.text()));
  page.on('pageerror', (e) => run.errors.push(String(e)));
  // Requests are watched, not intercepted: `page.route` holds every request until the benchmark's
  // process answers it, a delay per request that a user's browser does not have (1.30 × against
  // 1.14 × in one process; bench/README.md, "load"). A request to another host is noted, and reported.
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return;
    run.foreign.push(u);
  });
  page.on('response', (resp) => {
    // Count what crossed the network once: not the same file served again from the page's cache.
    // A byte range (PMTiles) is its own response.
    if ((resp.status() !== 200 && resp.status() !== 206) || resp.fromServiceWorker()) return;
    const key = `${resp.url()} ${resp.request().headers()['range'] ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    responses.push(resp);
  });
  type W = { __atlas?: { idleAt?: number; atlasIdleAt?: number }; __baseline?: { idleAt?: number } };
  await page.goto(url, { waitUntil: 'load' });
  // Functions, not strings: the app's Content-Security-Policy forbids evaluating strings.
  const idle = app ? () => (window as unknown as W).__atlas?.idleAt : () => (window as unknown as W).__baseline?.idleAt;
  const complete = app ? () => (window as unknown as W).__atlas?.atlasIdleAt : idle;
  await page.waitForFunction(idle, undefined, { timeout: 120_000, polling: 50 });
  run.idleMs = (await page.evaluate(idle)) as number;
  await page.waitForFunction(complete, undefined, { timeout: 120_000, polling: 50 });
  run.completeMs = (await page.evaluate(complete)) as number;
  // What the page goes on to fetch once it is complete (e.g. the panels' geography) is not part of
  // its start; a moment for it to ask, so that the record says what is read later.
  const completeAt = (await page.evaluate(() => performance.timeOrigin)) + run.completeMs;
  await page.waitForTimeout(1500);
  for (const resp of responses) {
    const body = await resp.body().catch(() => null);
    if (!body) continue;
    const k = kindOf(resp.url());
    const gzip = gzipSync(body, { level: 6 }).length;
    const add = (into: ByKind) => {
      const b = (into[k] ??= { raw: 0, gzip: 0, files: 0 });
      b.raw += body.length;
      b.gzip += gzip;
      b.files++;
    };
    add(run.bytes);
    const path = new URL(resp.url()).pathname.replace(/^\/[^/]+\//, '');
    // Asked for before the page was complete (the request's start, in wall-clock ms like timeOrigin).
    if (resp.request().timing().startTime <= completeAt) {
      add(run.bytesBefore);
      run.filesBefore.push({ path, kind: k, gzip });
    } else run.later.push(path);
  }
  await page.close();
  await context.close();
  return run;
}

interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
}
function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, p95: percentile(s, 95), min: s[0]!, max: s[s.length - 1]! };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const total = (b: ByKind): Bytes => Object.values(b).reduce((a, x) => ({ raw: a.raw + x.raw, gzip: a.gzip + x.gzip, files: a.files + x.files }), { raw: 0, gzip: 0, files: 0 });

interface LoadSummary {
  idleMs: Stats;
  completeMs: Stats;
  /** Bytes are the same every run; the last run's. */
  bytes: ByKind;
  bytesBefore: ByKind;
  total: Bytes;
  totalBefore: Bytes;
  later: string[];
  filesBefore: Run['filesBefore'];
  foreign: string[];
  errors: string[];
}

function summariseLoad(runs: Run[]): LoadSummary {
  const last = runs[runs.length - 1]!;
  return {
    idleMs: stats(runs.map((r) => r.idleMs)),
    completeMs: stats(runs.map((r) => r.completeMs)),
    bytes: last.bytes,
    bytesBefore: last.bytesBefore,
    total: total(last.bytes),
    totalBefore: total(last.bytesBefore),
    later: last.later,
    filesBefore: [...last.filesBefore].sort((a, b) => b.gzip - a.gzip),
    foreign: [...new Set(runs.flatMap((r) => r.foreign))],
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

/** One column per page; ratios to the floor (the tiles baseline) in brackets. */
function loadTable(load: Partial<Record<PageName, LoadSummary>>): string[] {
  const names = PAGES.filter((p) => load[p]);
  const floor = load.tiles;
  const ratio = (x: number, y: number | undefined) => (y ? ` (${(x / y).toFixed(2)} ×)` : '');
  const rows: string[][] = [['load (ratio to the tiles baseline)', ...names.map((p) => PAGE_LABEL[p])]];
  const row = (label: string, f: (s: LoadSummary) => number, base: (s: LoadSummary) => number) =>
    rows.push([label, ...names.map((p) => `${ms(f(load[p]!))}${floor ? ratio(f(load[p]!), base(floor)) : ''}`)]);
  row('first idle, median', (s) => s.idleMs.median, (s) => s.idleMs.median);
  row('first idle, p95', (s) => s.idleMs.p95, (s) => s.idleMs.p95);
  rows.push(['first idle, min … max', ...names.map((p) => `${ms(load[p]!.idleMs.min)} … ${ms(load[p]!.idleMs.max)}`)]);
  row('whole atlas drawn, median (baselines: idle)', (s) => s.completeMs.median, (s) => s.idleMs.median);
  row('whole atlas drawn, p95', (s) => s.completeMs.p95, (s) => s.idleMs.p95);
  for (const k of KINDS) {
    if (!names.some((p) => load[p]!.bytesBefore[k] || load[p]!.bytes[k])) continue;
    rows.push([`${k}: before complete, gzip (files) / whole load`, ...names.map((p) => {
      const b = load[p]!.bytesBefore[k];
      const a = load[p]!.bytes[k];
      return `${b ? `${kb(b.gzip)} (${b.files})` : '0'} / ${a ? kb(a.gzip) : '0'}`;
    })]);
  }
  rows.push(['all: before complete, raw / gzip', ...names.map((p) => `${kb(load[p]!.totalBefore.raw)} / ${kb(load[p]!.totalBefore.gzip)}`)]);
  return markdownTable(rows);
}

interface Target {
  target: string;
  measured: string;
  met: boolean | null;
  /** The figure, for the summary and the next run's comparison. */
  value: number | null;
}

/** The issue's targets, each with the figure measured in this run (parts not run: "not measured"). */
function targets(r: {
  load: Partial<Record<PageName, LoadSummary>> | null;
  clicks: ClickStats | null;
  clicks10x: ClickStats | null;
  frames: FramesBench | null;
  cold: ColdStat[] | null;
}): Target[] {
  const out: Target[] = [];
  const app = r.load?.app;
  const floor = r.load?.tiles;
  const ratioTarget = (target: string, x: number | undefined, y: number | undefined, max: number, p95?: [number, number]) => {
    if (x == null || !y) return out.push({ target, measured: 'not measured', met: null, value: null });
    const v = x / y;
    out.push({ target, measured: `${v.toFixed(2)} × (${ms(x)} / ${ms(y)}${p95 ? `; p95 ${(p95[0] / p95[1]).toFixed(2)} ×` : ''})`, met: v <= max, value: v });
  };
  ratioTarget('first idle ≤ 1.15 × the tiles baseline (medians)', app?.idleMs.median, floor?.idleMs.median, 1.15, app && floor ? [app.idleMs.p95, floor.idleMs.p95] : undefined);
  ratioTarget('whole atlas drawn ≤ 1.5 × the tiles baseline (medians)', app?.completeMs.median, floor?.idleMs.median, 1.5, app && floor ? [app.completeMs.p95, floor.idleMs.p95] : undefined);
  const click = (target: string, c: ClickStats | null) =>
    out.push(c ? { target, measured: `${c.p95} ms (median ${c.median}, ${c.clicks} clicks)`, met: c.p95 <= 50, value: c.p95 } : { target, measured: 'not measured', met: null, value: null });
  click('click → panel p95 ≤ 50 ms (1×)', r.clicks);
  click('click → panel p95 ≤ 50 ms (10×)', r.clicks10x);
  if (r.frames) out.push({ target: 'pan frame median ≤ 1.2 × the tiles baseline', measured: `${r.frames.ratioMedian.toFixed(2)} × (${r.frames.app.median} / ${r.frames.baseline.median} ms)`, met: r.frames.ratioMedian <= 1.2, value: r.frames.ratioMedian });
  else out.push({ target: 'pan frame median ≤ 1.2 × the tiles baseline', measured: 'not measured', met: null, value: null });
  const bytesTarget = (target: string, kinds: Kind[], maxKB: number) => {
    if (!app) return out.push({ target, measured: 'not measured', met: null, value: null });
    const g = kinds.reduce((n, k) => n + (app.bytesBefore[k]?.gzip ?? 0), 0) / 1024;
    const files = kinds.reduce((n, k) => n + (app.bytesBefore[k]?.files ?? 0), 0);
    out.push({ target, measured: `${g.toFixed(0)} KB (${files} files)`, met: g <= maxKB, value: g });
  };
  bytesTarget('JS fetched before the atlas is drawn ≤ 700 KB gzip', ['js'], 700);
  bytesTarget('data (JSON, GeoJSON, tiles) fetched before it ≤ 400 KB gzip', ['data', 'tiles'], 400);
  bytesTarget('fonts fetched before it ≤ 500 KB', ['fonts'], 500);
  const atlas = app?.completeMs.median;
  const cold = (target: string, label: string, max: number) => {
    const c = r.cold?.find((x) => x.label.startsWith(label));
    if (!c || !atlas) return out.push({ target, measured: 'not measured', met: null, value: null });
    const v = c.median / atlas;
    out.push({ target, measured: `${v.toFixed(2)} × (${(c.median / 1000).toFixed(1)} s / ${(atlas / 1000).toFixed(1)} s)`, met: v <= max, value: v });
  };
  cold('cold export of one 1920×1080 PNG ≤ 2 × the app\'s whole atlas drawn', '1920', 2);
  cold('cold export of an atlas of 12 slides ≤ 3 × it', 'atlas', 3);
  return out;
}

const targetsTable = (ts: Target[]) => markdownTable([['target', 'measured', 'met'], ...ts.map((t) => [t.target, t.measured, t.met == null ? '—' : t.met ? 'met' : 'NOT MET'])]);

/** Builds the app with `ATLAS_TILES=pmtiles` (vite.config.ts) into .tmp/dist-pmtiles, when older than its inputs. */
async function ensurePmtilesApp(): Promise<void> {
  const inputs = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'public')), newest(join(ROOT, 'index.html')), newest(join(ROOT, 'vite.config.ts')));
  if (!FORCE && newest(join(PMTILES_DIST, 'index.html')) >= inputs) return;
  console.log('[bench] building the app with ATLAS_TILES=pmtiles');
  process.env.ATLAS_TILES = 'pmtiles';
  try {
    await viteBuild({ root: ROOT, build: { outDir: PMTILES_DIST, emptyOutDir: true } });
  } finally {
    delete process.env.ATLAS_TILES;
  }
}

/** A part that fails is reported (and its targets "not measured"); the other parts still run. */
const failures: Record<string, string> = {};
async function attempt<T>(part: string, f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    failures[part] = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
    console.error(`[bench] ${part} failed: ${failures[part]}`);
    return null;
  }
}

async function main(): Promise<void> {
  await ensureBuilt();
  if (wanted('pmtiles')) await ensurePmtilesApp();
  // /app/ → dist/, /baseline/ → bench/baseline/dist/, /peer/ → bench/peer/dist/; files may be cached
  // for the life of a browser context, as a normal server allows (each run has a fresh context).
  const site = await serveStatic({ app: APP_DIST, 'app-pmtiles': PMTILES_DIST, baseline: BASELINE_DIST, peer: PEER_DIST }, { 'cache-control': 'max-age=3600' });
  const url = site.origin;
  const browser = await launchBrowser();
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const urls: Record<PageName, string> = {
    app: `${url}/app/`,
    tiles: `${url}/baseline/?source=tiles`,
    geojson: `${url}/baseline/?source=geojson`,
    'app-pmtiles': `${url}/app-pmtiles/`,
    pmtiles: `${url}/baseline/?source=pmtiles`,
  };
  const loaded: PageName[] = ['app', 'tiles', 'geojson', ...(wanted('pmtiles') ? (['app-pmtiles', 'pmtiles'] as const) : [])];
  const runs: Partial<Record<PageName, Run[]>> = {};
  let clicks: ClickStats | null = null;
  let clicks10x: ClickStats | null = null;
  let frames: FramesBench | null = null;
  let cold: ColdStat[] | null = null;
  let exports: ExportBench | null = null;
  let peer: PeerBench | null = null;
  const started = Date.now();
  try {
    if (wanted('load')) {
      // One warm-up of each (the browser's own caches of code, not HTTP), then N measured runs, alternating.
      for (const p of loaded) await measure(browser, urls[p], isApp(p));
      for (let i = 0; i < RUNS; i++) {
        for (const p of loaded) {
          const r = await measure(browser, urls[p], isApp(p));
          (runs[p] ??= []).push(r);
          log(`[bench] load ${p} run ${i + 1}/${RUNS}: idle ${r.idleMs.toFixed(0)} ms${isApp(p) ? `, whole atlas drawn ${r.completeMs.toFixed(0)} ms` : ''}`);
        }
      }
    }
    // Click-to-panel latency (bench/click.ts): ~100 clicks on leagues and banners/counties.
    if (wanted('clicks')) {
      log('[bench] click-to-panel latency …');
      clicks = await attempt('clicks', () => measureClicks(browser, urls.app));
    }
    // Frame times during a scripted pan and zoom (bench/frames.ts), app and the tiles baseline alternating.
    if (wanted('frames')) {
      log('[bench] pan & zoom frame times …');
      frames = await attempt('frames', () => measureFrames(browser, { app: { url: urls.app, handle: '__atlas' }, baseline: { url: urls.tiles, handle: '__baseline' } }, FRAME_RUNS, log));
    }
    if (wanted('export')) exports = await attempt('export', () => measureExports(browser, urls.app, EXPORT_RUNS, log));
    // The same sizes with @watergis/maplibre-gl-export on the bare basemap (bench/peer/), in a
    // browser process of its own: its very large canvases must not take the other parts down.
    if (wanted('peer')) {
      const peerBrowser = await launchBrowser();
      try {
        peer = await attempt('peer', () => measurePeerExports(peerBrowser, `${url}/peer/`, EXPORT_RUNS, log));
      } finally {
        await peerBrowser.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await site.close();
  }
  // Processes of their own, after the browser is closed: the cold export command, then the 10×
  // catalogue's clicks (bench/scale.ts, which builds its own copy of the app).
  if (wanted('cold-export')) cold = await attempt('cold-export', async () => measureColdExports(ROOT, COLD_RUNS, log));
  if (wanted('clicks10x')) {
    log('[bench] click-to-panel latency at 10× (bench/scale.ts) …');
    clicks10x = await attempt('clicks10x', async () => {
      const before = new Set(readdirSync(RESULTS));
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/scale.ts', '--scale', '10', '--parts', 'clicks'], { cwd: ROOT, stdio: 'inherit' });
      const file = readdirSync(RESULTS).filter((f) => f.startsWith('scale-10x-') && f.endsWith('.json') && !before.has(f)).sort().pop();
      if (!file) throw new Error('bench/scale.ts wrote no result');
      keepLatest(RESULTS, 'scale-10x', file);
      return (JSON.parse(readFileSync(join(RESULTS, file), 'utf8')) as { clicks: ClickStats }).clicks;
    });
  }

  const load = wanted('load') ? Object.fromEntries(loaded.map((p) => [p, summariseLoad(runs[p]!)])) as Partial<Record<PageName, LoadSummary>> : null;
  const report: string[] = [];
  const say = (s = '') => (console.log(s), report.push(s));
  say(`Plan Atlas benchmark, ${new Date().toISOString().slice(0, 16)}: headless Chromium (SwiftShader), 1280×800, ${cpus().length} CPUs, ${((Date.now() - started) / 60000).toFixed(1)} min; parts ${PARTS.filter(wanted).join(', ')}`);
  const ts = targets({ load, clicks, clicks10x, frames, cold });
  say('\nTargets (ratios from alternating loads in this run)');
  for (const l of targetsTable(ts)) say(l);
  if (load) {
    say(`\nLoad (${RUNS} runs each, alternating, fresh contexts)`);
    for (const l of loadTable(load)) say(l);
    if (load.app) {
      const top = (kinds: Kind[]) => load.app!.filesBefore.filter((f) => kinds.includes(f.kind)).slice(0, 8).map((f) => `${f.path} ${kb(f.gzip)}`).join(', ');
      say(`app, largest files before the atlas was drawn (gzip): JS: ${top(['js'])}; data: ${top(['data', 'tiles'])}; fonts: ${top(['fonts'])}`);
      if (load.app.later.length) say(`app, read after the atlas was drawn: ${load.app.later.join(', ')}`);
    }
  }
  for (const [name, c] of [['1×', clicks], ['10×', clicks10x]] as const) {
    if (!c) continue;
    say(
      `\nClick to panel, ${name} (${c.clicks} clicks): median ${c.median} ms, p95 ${c.p95} ms, max ${c.max} ms` +
        ` (leagues median ${c.leagues.median} / p95 ${c.leagues.p95} ms; counties median ${c.counties.median} / p95 ${c.counties.p95} ms)` +
        `; slowest: ${c.slowest.map((x) => `${x.code} ${x.ms} ms`).join(', ')}`,
    );
  }
  if (frames) {
    say(`\nPan & zoom, app against the tiles baseline (${FRAME_RUNS} runs each, ${frames.script.length} animations, ${(frames.script.reduce((n, s) => n + s.ms, 0) / 1000).toFixed(1)} s of movement per run)`);
    for (const l of framesTable(frames)) say(l);
  }
  if (cold) {
    say(`\nCold export (${COLD_RUNS} runs each, one process per run)`);
    for (const l of coldTable(cold)) say(l);
  }
  if (exports || peer) {
    say(`\nExport in the page (median of ${EXPORT_RUNS} runs after one warm-up). Peer: @watergis/maplibre-gl-export ${peer?.version ?? ''}, the bare basemap only.`);
    if (exports) for (const l of exportTable(exports, peer)) say(l);
  }
  for (const [part, message] of Object.entries(failures)) say(`FAILED ${part}: ${message}`);
  for (const [name, s] of Object.entries(load ?? {})) {
    if (s.foreign.length) say(`WARNING ${name}: requests to other hosts: ${s.foreign.join(', ')}`);
    if (s.errors.length) say(`WARNING ${name}: console/page errors: ${s.errors.join(' | ')}`);
  }

  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
  const name = `bench-${stamp}.json`;
  const result = {
    date: new Date().toISOString(),
    parts: PARTS.filter(wanted),
    runs: { load: RUNS, frames: FRAME_RUNS, export: EXPORT_RUNS, cold: COLD_RUNS },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version, load: loadavg() },
    targets: ts,
    failures,
    load,
    clicks,
    clicks10x,
    frames,
    cold,
    exports,
    peer,
    perRun: load ? runs : null,
  };
  writeFileSync(join(RESULTS, name), `${JSON.stringify(result, null, 2)}\n`);
  keepLatest(RESULTS, 'bench', name);
  writeSummary(RESULTS, name, report);
  console.log(`\n[bench] results written to bench/results/${name} and bench/results/SUMMARY.md`);
}

await main();

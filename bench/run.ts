/**
 * Benchmark (not a test): `npm run bench [-- --runs 7]`.
 *
 * Builds the app if needed (and the baseline page), serves both from one local static server, loads
 * each N times in headless Chromium (fresh browser context per run, so no cache) alternating app and
 * baseline, and reports:
 * - time from navigation start to the map's first `idle` (median, min, max);
 * - bytes fetched by kind (JS, data, fonts, CSS, other), raw and gzip (level 6, computed here, so
 *   the figures do not depend on the server's compression).
 *
 * The baseline (bench/baseline/) is the least a map of the same data can do: MapLibre alone, the
 * same two GeoJSON files by URL, one fill and one line layer each, the same first frame. The ratio
 * app / baseline says what the atlas costs on top of drawing its data.
 *
 * Results are printed and written to bench/results/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { measureClicks, type ClickStats } from './click.ts';
import { exportTable, measureExports, type ExportBench } from './export.ts';

const ROOT = resolve(import.meta.dirname, '..');
const APP_DIST = join(ROOT, 'dist');
const BASELINE_ROOT = join(ROOT, 'bench/baseline');
const BASELINE_DIST = join(BASELINE_ROOT, 'dist');
const RESULTS = join(ROOT, 'bench/results');

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const FORCE = args.includes('--build');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules' && e !== 'dist') n = Math.max(n, newest(join(path, e)));
  return n;
}

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
  const baselineInputs = Math.max(newest(join(BASELINE_ROOT, 'index.html')), newest(join(BASELINE_ROOT, 'main.ts')), newest(join(ROOT, 'public/geo')));
  if (FORCE || newest(join(BASELINE_DIST, 'index.html')) < baselineInputs) {
    console.log('[bench] building the baseline');
    // Only the GeoJSON the baseline reads is copied (its own public folder would copy fonts and data too).
    await viteBuild({
      configFile: false,
      root: BASELINE_ROOT,
      base: './',
      publicDir: false,
      build: { outDir: BASELINE_DIST, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
    });
    mkdirSync(join(BASELINE_DIST, 'geo'), { recursive: true });
    for (const f of ['regions.geojson', 'countries.geojson']) {
      execFileSync('cp', [join(ROOT, 'public/geo', f), join(BASELINE_DIST, 'geo', f)]);
    }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A plain static server: /app/ → dist/, /baseline/ → bench/baseline/dist/. No compression (bytes are
 * gzipped here for the report). Files may be cached for the life of a browser context, as a normal
 * server would allow; each run has a fresh context, so nothing is cached across runs.
 */
function serve(): Promise<{ server: Server; url: string }> {
  const roots: Record<string, string> = { app: APP_DIST, baseline: BASELINE_DIST };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, prefix, ...rest] = url.pathname.split('/');
    const root = roots[prefix ?? ''];
    let file = root ? normalize(join(root, decodeURIComponent(rest.join('/')))) : '';
    if (root && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!root || !file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

type Kind = 'js' | 'data' | 'fonts' | 'css' | 'html' | 'other';
function kindOf(url: string): Kind {
  const ext = extname(new URL(url).pathname);
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.json' || ext === '.geojson') return 'data';
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
interface Run {
  idleMs: number;
  bytes: Record<Kind, Bytes>;
  foreign: string[];
  errors: string[];
}

async function measure(browser: Browser, url: string, idleFn: () => unknown): Promise<Run> {
  // A fresh, isolated context per run: nothing cached from earlier runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const run: Run = { idleMs: NaN, bytes: {} as Record<Kind, Bytes>, foreign: [], errors: [] };
  const bodies: Array<Promise<void>> = [];
  const seen = new Set<string>();
  page.on('console', (m) => m.type() === 'error' && run.errors.push(m.text()));
  page.on('pageerror', (e) => run.errors.push(String(e)));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return route.continue();
    run.foreign.push(u);
    return route.abort('blockedbyclient');
  });
  page.on('response', (resp) => {
    // Count what crossed the network once: not the same file served again from the page's cache.
    if (resp.status() !== 200 || resp.fromServiceWorker()) return;
    if (seen.has(resp.url())) return;
    seen.add(resp.url());
    bodies.push(
      resp.body().then(
        (body) => {
          const k = kindOf(resp.url());
          const b = (run.bytes[k] ??= { raw: 0, gzip: 0, files: 0 });
          b.raw += body.length;
          b.gzip += gzipSync(body, { level: 6 }).length;
          b.files++;
        },
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(idleFn, undefined, { timeout: 120_000, polling: 50 });
  run.idleMs = (await page.evaluate(idleFn)) as number;
  await Promise.all(bodies);
  await page.close();
  await context.close();
  return run;
}

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, min: s[0]!, max: s[s.length - 1]! };
}

function sumBytes(runs: Run[]): Record<Kind, Bytes> {
  // Bytes are the same every run; report the first complete run's.
  return runs[0]!.bytes;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  await ensureBuilt();
  const { server, url } = await serve();
  const browser = await launchBrowser();
  const pages = {
    // Functions, not strings: the app's Content-Security-Policy forbids evaluating strings.
    app: { url: `${url}/app/`, idle: () => window.__atlas && window.__atlas.idleAt },
    baseline: { url: `${url}/baseline/`, idle: () => (window as unknown as { __baseline?: { idleAt?: number } }).__baseline?.idleAt },
  } as const;
  const runs: Record<'app' | 'baseline', Run[]> = { app: [], baseline: [] };
  let clicks: ClickStats | null = null;
  let exports: ExportBench | null = null;
  try {
    // One warm-up of each (the browser's own caches of code, not HTTP), then N measured runs, alternating.
    await measure(browser, pages.app.url, pages.app.idle);
    await measure(browser, pages.baseline.url, pages.baseline.idle);
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['app', 'baseline'] as const) {
        const r = await measure(browser, pages[which].url, pages[which].idle);
        runs[which].push(r);
        process.stdout.write(`[bench] ${which} run ${i + 1}/${RUNS}: ${r.idleMs.toFixed(0)} ms\n`);
      }
    }
    // Click-to-panel latency (bench/click.ts): ~100 clicks on leagues and banners/counties.
    if (!args.includes('--no-clicks')) {
      process.stdout.write('[bench] click-to-panel latency …\n');
      clicks = await measureClicks(browser, pages.app.url);
    }
    // Export times (bench/export.ts): 1920×1080, 3840×2160, A3 at 300 dpi; `--export-runs N` (default 3).
    if (!args.includes('--no-export')) {
      const n = Number(args[args.indexOf('--export-runs') + 1]) || 3;
      exports = await measureExports(browser, pages.app.url, n, (s) => process.stdout.write(`${s}\n`));
    }
  } finally {
    await browser.close();
    server.close();
  }

  const summary = Object.fromEntries(
    (['app', 'baseline'] as const).map((w) => {
      const bytes = sumBytes(runs[w]);
      const total = Object.values(bytes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, files: a.files + b.files }), { raw: 0, gzip: 0, files: 0 });
      return [w, { idleMs: stats(runs[w].map((r) => r.idleMs)), bytes, total, foreign: [...new Set(runs[w].flatMap((r) => r.foreign))], errors: [...new Set(runs[w].flatMap((r) => r.errors))] }];
    }),
  ) as Record<'app' | 'baseline', { idleMs: ReturnType<typeof stats>; bytes: Record<Kind, Bytes>; total: Bytes; foreign: string[]; errors: string[] }>;

  const a = summary.app;
  const b = summary.baseline;
  const zero: Bytes = { raw: 0, gzip: 0, files: 0 };
  const rows: Array<[string, string, string, string]> = [
    ['time to first idle (median)', `${a.idleMs.median.toFixed(0)} ms`, `${b.idleMs.median.toFixed(0)} ms`, (a.idleMs.median / b.idleMs.median).toFixed(2)],
    ['  min … max', `${a.idleMs.min.toFixed(0)} … ${a.idleMs.max.toFixed(0)} ms`, `${b.idleMs.min.toFixed(0)} … ${b.idleMs.max.toFixed(0)} ms`, ''],
  ];
  for (const k of ['js', 'data', 'fonts', 'css', 'html'] as Kind[]) {
    const x = a.bytes[k] ?? zero;
    const y = b.bytes[k] ?? zero;
    if (!x.files && !y.files) continue;
    rows.push([`${k} raw / gzip`, `${kb(x.raw)} / ${kb(x.gzip)}`, `${kb(y.raw)} / ${kb(y.gzip)}`, y.gzip ? (x.gzip / y.gzip).toFixed(2) : '—']);
  }
  rows.push(['total raw / gzip', `${kb(a.total.raw)} / ${kb(a.total.gzip)}`, `${kb(b.total.raw)} / ${kb(b.total.gzip)}`, (a.total.gzip / b.total.gzip).toFixed(2)]);
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length), 3), Math.max(...rows.map((r) => r[2].length), 8), 14];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  console.log(`\nPlan Atlas benchmark: ${RUNS} runs each, headless Chromium (SwiftShader), 1280×800, ${cpus().length} CPUs`);
  console.log(line(['', 'app', 'baseline', 'app / baseline']));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  if (clicks) {
    console.log(
      `\nClick to panel (${clicks.clicks} clicks): median ${clicks.median} ms, p95 ${clicks.p95} ms, max ${clicks.max} ms` +
        ` (leagues median ${clicks.leagues.median} / p95 ${clicks.leagues.p95} ms; counties median ${clicks.counties.median} / p95 ${clicks.counties.p95} ms)`,
    );
  }
  if (exports) {
    console.log(`\nExport (median of ${exports.cases[0]?.runs.length ?? 0} runs after one warm-up; map = off-screen render and read-back)`);
    for (const l of exportTable(exports)) console.log(l);
  }
  for (const [name, s] of Object.entries(summary)) {
    if (s.foreign.length) console.log(`WARNING ${name}: requests to other hosts: ${s.foreign.join(', ')}`);
    if (s.errors.length) console.log(`WARNING ${name}: console/page errors: ${s.errors.join(' | ')}`);
  }

  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
  const out = join(RESULTS, `${stamp}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version }, app: a, baseline: b, clicks, exports, ratio: { idleMedian: a.idleMs.median / b.idleMs.median, gzip: a.total.gzip / b.total.gzip, raw: a.total.raw / b.total.raw }, perRun: runs }, null, 2)}\n`,
  );
  console.log(`\n[bench] results written to ${out.slice(ROOT.length + 1)}`);
}

await main();

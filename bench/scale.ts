/**
 * The app at N× the real catalogue (issue 6): writes a synthetic catalogue (bench/synth.ts), compiles
 * it with the real compiler into the data/ folder of a copy of the built app, serves that copy and
 * measures it in headless Chromium:
 * - load: navigation start → thematic layers drawn → the map's next idle (median of 3 fresh contexts);
 * - click to panel: ~100 clicks on leagues and counties (bench/click.ts), and the region card's
 *   parent link to Inner Mongolia (the region every project touches: the longest list);
 * - pan/zoom: frame times while dragging and wheel-zooming (requestAnimationFrame deltas), and long tasks.
 *
 *   npx tsx bench/scale.ts --scale 10 [--runs 3] [--keep-data] [--parts load,clicks,province,pan] [--app-dist DIR]
 *   (--scale 1 = the real catalogue; parts not named are not measured and print as "—")
 *
 * Writes bench/results/scale-<N>x-<stamp>.json and prints a markdown table.
 */
import { newest } from '../scripts/newest.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { serveStatic } from '../scripts/static-server.ts';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from '../src/cli/load.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { mapQuiet, measureClicks, pct, timedToPanel, type ClickStats } from './click.ts';
import { writeSyntheticCatalogue } from './synth.ts';
import { keepLatest } from './results-files.ts';

const args = process.argv.slice(2);
const arg = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SCALE = Number(arg('--scale', '10'));
const RUNS = Number(arg('--runs', '3'));
const PARTS = new Set(arg('--parts', 'load,clicks,province,pan').split(','));
// --app-dist DIR: measure another build instead of dist/ (an older commit's, for a before/after).
const OTHER_DIST = arg('--app-dist', '');
const DIST = OTHER_DIST ? resolve(OTHER_DIST) : join(repoRoot, 'dist');
const APP = join(repoRoot, `.tmp/scale-app-${SCALE}x`);
const SYNTH = join(repoRoot, `.tmp/synth-${SCALE}x`);


/** The built app (dist/), rebuilt when src/ is newer; then a copy whose data/ holds the N× catalogue. */
async function prepareApp(): Promise<{ compileMs: number }> {
  if (!OTHER_DIST && newest(join(DIST, 'index.html')) < Math.max(newest(join(repoRoot, 'src')), newest(join(repoRoot, 'index.html')))) {
    console.log('[scale] building the app');
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    await build({ root: repoRoot, mode: 'production', logLevel: 'warn', build: { emptyOutDir: true } });
    process.env.NODE_ENV = saved;
  }
  rmSync(APP, { recursive: true, force: true });
  cpSync(DIST, APP, { recursive: true });
  if (SCALE === 1) return { compileMs: NaN };
  if (!args.includes('--keep-data') || !existsSync(join(SYNTH, 'data'))) {
    const counts = writeSyntheticCatalogue(SCALE, SYNTH);
    console.log(`[scale] synthetic ${SCALE}×: ${counts.projects} projects, ${counts.places} places`);
  }
  const t0 = performance.now();
  execFileSync('npx', ['tsx', 'data/compile.ts', '--data', join(SYNTH, 'data'), '--out', join(APP, 'data')], { cwd: repoRoot, stdio: 'inherit' });
  return { compileMs: Math.round(performance.now() - t0) };
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[scale] page error: ${String(e)}`));
  return page;
}

/** Time to thematic layers, then to the map's first idle after them. */
async function measureLoad(browser: Browser, url: string): Promise<{ layersMs: number; idleMs: number }> {
  const page = await newPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__atlas?.ready && (window.__atlas.layersAt ?? 0) > 0, undefined, { timeout: 300_000, polling: 50 });
    const layersMs = await page.evaluate(() => window.__atlas!.layersAt!);
    await mapQuiet(page);
    const idleMs = await page.evaluate(() => new Promise<number>((r) => window.__atlas!.map.once('idle', () => r(performance.now())) && window.__atlas!.map.triggerRepaint()));
    return { layersMs: Math.round(layersMs), idleMs: Math.round(idleMs) };
  } finally {
    await page.context().close();
  }
}

/** A league, then its parent link: Inner Mongolia, touched by every project (the longest list). */
async function measureProvince(browser: Browser, url: string): Promise<number[]> {
  const page = await newPage(browser);
  const out: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      await page.goto(`${url}?region=150200`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__atlas?.ready && (window.__atlas.layersAt ?? 0) > 0, undefined, { timeout: 300_000 });
      await page.waitForSelector('[data-testid="region-card"][data-code="150200"]', { timeout: 60_000 });
      await mapQuiet(page);
      const link = page.locator('[data-testid="region-parent"] a');
      out.push(await timedToPanel(page, '150000', 'document', () => link.click()));
    }
  } finally {
    await page.context().close();
  }
  return out;
}

interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  over50: number;
  over200: number;
  longTasks: number;
  longestTask: number;
  durationMs: number;
}

/** Drags and wheel zooms as a user does, recording frame intervals and long tasks meanwhile. */
async function measurePanZoom(browser: Browser, url: string): Promise<FrameStats> {
  const page = await newPage(browser);
  try {
    await page.goto(`${url}#map=5.2/42.5/113`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__atlas?.ready && (window.__atlas.layersAt ?? 0) > 0, undefined, { timeout: 300_000 });
    await mapQuiet(page);
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __tasks: number[]; __stop: boolean };
      w.__frames = [];
      w.__tasks = [];
      w.__stop = false;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    const cx = 760;
    const cy = 400;
    for (const [dx, dy] of [[-250, 0], [250, 120], [0, -200], [-150, 80]] as const) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let s = 1; s <= 15; s++) await page.mouse.move(cx + (dx * s) / 15, cy + (dy * s) / 15);
      await page.mouse.up();
    }
    for (const delta of [-300, -300, -300, 300, 300, -300, 300, 300]) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, delta);
      await page.waitForTimeout(150);
    }
    await mapQuiet(page);
    const durationMs = Date.now() - t0;
    const { frames, tasks } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __tasks: number[]; __stop: boolean };
      w.__stop = true;
      return { frames: w.__frames.slice(1), tasks: w.__tasks };
    });
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      frames: frames.length,
      median: r(pct(frames, 50)),
      p95: r(pct(frames, 95)),
      max: r(Math.max(...frames)),
      over50: frames.filter((f) => f > 50).length,
      over200: frames.filter((f) => f > 200).length,
      longTasks: tasks.length,
      longestTask: r(Math.max(0, ...tasks)),
      durationMs,
    };
  } finally {
    await page.context().close();
  }
}

async function main(): Promise<void> {
  const { compileMs } = await prepareApp();
  const bytes = readdirSync(join(APP, 'data')).reduce((n, f) => n + statSync(join(APP, 'data', f)).size, 0);
  const projects = (JSON.parse(readFileSync(join(APP, 'data/projects.geojson'), 'utf8')) as { features: unknown[] }).features.length;
  const site = await serveStatic({ app: APP });
  const url = `${site.origin}/app/`;
  const browser = await launchBrowser();
  const loads: Array<{ layersMs: number; idleMs: number }> = [];
  let clicks: ClickStats | null = null;
  let province: number[] = [];
  let panZoom: FrameStats | null = null;
  try {
    if (PARTS.has('load')) {
      await measureLoad(browser, url); // warm-up: the browser's code caches, not HTTP
      for (let i = 0; i < RUNS; i++) loads.push(await measureLoad(browser, url));
      console.log(`[scale] load: ${loads.map((l) => `${l.layersMs}/${l.idleMs}`).join(', ')} ms (layers/idle)`);
    }
    if (PARTS.has('clicks')) {
      clicks = await measureClicks(browser, url);
      console.log(`[scale] clicks: ${JSON.stringify(clicks)}`);
    }
    if (PARTS.has('province')) {
      province = await measureProvince(browser, url);
      console.log(`[scale] Inner Mongolia panel: ${province.map(Math.round).join(', ')} ms`);
    }
    if (PARTS.has('pan')) {
      panZoom = await measurePanZoom(browser, url);
      console.log(`[scale] pan/zoom: ${JSON.stringify(panZoom)}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const med = (xs: number[]) => pct(xs, 50);
  const load = loads.length ? { layersMs: med(loads.map((l) => l.layersMs)), idleMs: med(loads.map((l) => l.idleMs)) } : null;
  const result = {
    date: new Date().toISOString(),
    scale: SCALE,
    parts: [...PARTS],
    projects,
    dataBytes: bytes,
    compileMs,
    machine: { cpus: cpus().length, node: process.version },
    load,
    loads,
    clicks,
    provincePanelMs: province.map((x) => Math.round(x * 10) / 10),
    panZoom,
  };
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  const file = join(repoRoot, `bench/results/scale-${SCALE}x-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  // bench/results keeps the latest run of each kind; the history is bench/README.md's.
  keepLatest(join(repoRoot, 'bench/results'), `scale-${SCALE}x`, basename(file));
  console.log(`\n| ${SCALE}× | value |\n| --- | --- |`);
  console.log(`| projects / data | ${projects} / ${(bytes / 2 ** 20).toFixed(1)} MB |`);
  if (!Number.isNaN(compileMs)) console.log(`| compile (npm run data equivalent) | ${(compileMs / 1000).toFixed(1)} s |`);
  const none = '—';
  console.log(`| load → layers drawn / → idle (median of ${RUNS}) | ${load ? `${load.layersMs} / ${load.idleMs} ms` : none} |`);
  console.log(`| click → panel (${clicks?.clicks ?? 0} clicks) median / p95 / max | ${clicks ? `${clicks.median} / ${clicks.p95} / ${clicks.max} ms` : none} |`);
  console.log(`|   leagues median / p95; counties median / p95 | ${clicks ? `${clicks.leagues.median} / ${clicks.leagues.p95}; ${clicks.counties.median} / ${clicks.counties.p95} ms` : none} |`);
  console.log(`| parent link → Inner Mongolia panel (3×) | ${province.length ? `${result.provincePanelMs.join(', ')} ms` : none} |`);
  console.log(`| pan/zoom frames median / p95 / max | ${panZoom ? `${panZoom.median} / ${panZoom.p95} / ${panZoom.max} ms (${panZoom.frames} frames, ${panZoom.over50} > 50 ms, ${panZoom.over200} > 200 ms)` : none} |`);
  console.log(`| long tasks during pan/zoom (count, longest) | ${panZoom ? `${panZoom.longTasks}, ${panZoom.longestTask} ms` : none} |`);
  console.log(`\nwritten ${file.slice(repoRoot.length + 1)}`);
}

await main();

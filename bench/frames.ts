/**
 * Frame times during a scripted pan and zoom (part of `npm run bench`).
 *
 * The same script runs on the app and on the bare-MapLibre baseline, in the same browser, alternating,
 * each run in a fresh context (1280×800, device pixel ratio 1): load the page, wait for its first
 * idle (and, for the app, for its thematic layers), jump to the same start view, wait for idle, then
 * play a fixed sequence of map animations of fixed duration (pans, zooms in and out, a combined
 * ease) driven in the page, as a user dragging and scrolling would move the map. The pointer stays
 * off the map (no hover work).
 *
 * During the script the page records every requestAnimationFrame timestamp (the browser's frame
 * cadence: a frame that takes long on the main thread shows as a long interval) and counts MapLibre
 * `render` events (frames the map actually drew). Frame time = interval between consecutive
 * animation frames. Animations have a fixed duration, so a slower page draws fewer frames in the
 * same time rather than taking longer.
 *
 * Secondary figure: main-thread time of each map frame (MapLibre's `_render`, which includes the
 * app's deck.gl layers drawn inside it), timed by wrapping that method on the instance. It leaves
 * out the GPU process (under SwiftShader, most of the cost of a frame) and work outside the map's
 * frame, so it is lower than the frame time; it is steadier on a busy machine.
 */
import type { Browser, Page } from 'playwright-core';

/** What the page under test is: how to reach its map and when it is ready. */
export interface FramesTarget {
  url: string;
  /** Where the page keeps its MapLibre map: `__atlas` (the app) or `__baseline`. */
  handle: '__atlas' | '__baseline';
}

/** One animation of the script, applied to the map from wherever the previous one left it. */
export type FrameStep =
  | { kind: 'pan'; by: [number, number]; ms: number }
  | { kind: 'zoom'; to: number; ms: number }
  | { kind: 'ease'; center: [number, number]; zoom: number; ms: number };

export const START_VIEW = { center: [111.5, 43.0] as [number, number], zoom: 4.6 };

/**
 * ~9 s of movement over Inner Mongolia: pans at the first view, a zoom in to the county level
 * (the app switches its layers at zoom steps), pans there, out again, and a combined ease back.
 */
export const FRAME_SCRIPT: FrameStep[] = [
  { kind: 'pan', by: [400, 0], ms: 1200 },
  { kind: 'pan', by: [-400, 250], ms: 1200 },
  { kind: 'zoom', to: 6.8, ms: 1500 },
  { kind: 'pan', by: [300, -200], ms: 1200 },
  { kind: 'pan', by: [-300, 200], ms: 1200 },
  { kind: 'zoom', to: 4.6, ms: 1500 },
  { kind: 'ease', center: [116, 42], zoom: 5.5, ms: 1200 },
];

export interface FrameRun {
  /** Intervals between consecutive animation frames, ms. */
  intervals: number[];
  /** MapLibre `render` events during the script. */
  renders: number;
  /** Main-thread duration of each map frame (MapLibre `_render`), ms. */
  renderMs: number[];
  /** Wall time of the script in the page, ms. */
  scriptMs: number;
  /** `intervals` split by the animation of the script they ended in (one list per step). */
  stepIntervals: number[][];
}

export interface FrameStats {
  runs: number;
  /** Over all frames of all runs. */
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** Median over runs of the frames per run, and of MapLibre renders per run. */
  framesPerRun: number;
  rendersPerRun: number;
  /** Main-thread time per map frame over all runs (see the header). */
  renderMs: { median: number; p95: number };
  perRun: Array<{ frames: number; renders: number; median: number; p95: number; scriptMs: number }>;
  /** Per animation of the script, over all runs: where in the script the frames are slow. */
  perStep: Array<{ step: string; frames: number; median: number }>;
}

export interface FramesBench {
  script: FrameStep[];
  start: typeof START_VIEW;
  app: FrameStats;
  baseline: FrameStats;
  /** app median / baseline median (target ≤ 1.2), and the same for p95. */
  ratioMedian: number;
  ratioP95: number;
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Loads a page, waits until it is ready and quiet at the start view. */
async function ready(page: Page, target: FramesTarget): Promise<void> {
  await page.goto(target.url, { waitUntil: 'load' });
  if (target.handle === '__atlas') {
    await page.waitForFunction(() => window.__atlas?.idleAt && (window.__atlas.layersAt ?? 0) > 0, undefined, { timeout: 180_000, polling: 100 });
  } else {
    await page.waitForFunction(() => (window as unknown as { __baseline?: { idleAt?: number } }).__baseline?.idleAt, undefined, { timeout: 180_000, polling: 100 });
  }
  await page.evaluate(
    ({ handle, start }) =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as Record<string, { map: import('maplibre-gl').Map }>)[handle]!.map;
        map.once('idle', () => resolve());
        map.jumpTo({ center: start.center, zoom: start.zoom });
        map.triggerRepaint();
      }),
    { handle: target.handle, start: START_VIEW },
  );
  // The app lays out its thematic layers for the new zoom step after a paint; let that settle too.
  await page.waitForTimeout(500);
  await page.evaluate(
    (handle) =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as Record<string, { map: import('maplibre-gl').Map }>)[handle]!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    target.handle,
  );
}

/** Plays the script in the page and returns the frame intervals recorded during it. */
async function play(page: Page, handle: FramesTarget['handle']): Promise<FrameRun> {
  return page.evaluate(
    async ({ handle, script }) => {
      const map = (window as unknown as Record<string, { map: import('maplibre-gl').Map }>)[handle]!.map;
      const stamps: number[] = [];
      /** Index into `stamps` at which each step starts. */
      const stepStart: number[] = [];
      let renders = 0;
      let recording = true;
      const onRender = () => renders++;
      map.on('render', onRender);
      // MapLibre calls this._render(t) for each frame (looked up on the instance each time).
      const m = map as unknown as { _render?: (t: number) => unknown };
      const ownRender = Object.prototype.hasOwnProperty.call(m, '_render');
      const original = m._render;
      const renderMs: number[] = [];
      if (typeof original === 'function')
        m._render = function (this: unknown, t: number) {
          const s = performance.now();
          const r = original.call(this, t);
          renderMs.push(performance.now() - s);
          return r;
        };
      const tick = (t: number) => {
        stamps.push(t);
        if (recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const linear = (t: number) => t;
      const t0 = performance.now();
      for (const step of script) {
        stepStart.push(stamps.length);
        await new Promise<void>((resolve) => {
          map.once('moveend', () => resolve());
          if (step.kind === 'pan') map.panBy(step.by, { duration: step.ms, easing: linear });
          else if (step.kind === 'zoom') map.zoomTo(step.to, { duration: step.ms, easing: linear });
          else map.easeTo({ center: step.center, zoom: step.zoom, duration: step.ms, easing: linear });
        });
      }
      const scriptMs = performance.now() - t0;
      recording = false;
      map.off('render', onRender);
      if (ownRender) m._render = original;
      else delete m._render;
      const intervals: number[] = [];
      const stepIntervals: number[][] = stepStart.map(() => []);
      let k = 0;
      for (let i = 1; i < stamps.length; i++) {
        intervals.push(stamps[i]! - stamps[i - 1]!);
        // The interval ending at stamp i belongs to the last step begun before that stamp was taken.
        while (k + 1 < stepStart.length && stepStart[k + 1]! <= i) k++;
        stepIntervals[k]!.push(stamps[i]! - stamps[i - 1]!);
      }
      return { intervals, renders, renderMs, scriptMs, stepIntervals };
    },
    { handle, script: FRAME_SCRIPT },
  );
}

function summarise(runs: FrameRun[]): FrameStats {
  const all = runs.flatMap((r) => r.intervals);
  const perRun = runs.map((r) => ({ frames: r.intervals.length, renders: r.renders, median: round(percentile(r.intervals, 50)), p95: round(percentile(r.intervals, 95)), scriptMs: Math.round(r.scriptMs) }));
  return {
    runs: runs.length,
    frames: all.length,
    median: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    max: round(Math.max(...all)),
    framesPerRun: percentile(perRun.map((r) => r.frames), 50),
    rendersPerRun: percentile(perRun.map((r) => r.renders), 50),
    renderMs: { median: round(percentile(runs.flatMap((r) => r.renderMs), 50)), p95: round(percentile(runs.flatMap((r) => r.renderMs), 95)) },
    perRun,
    perStep: FRAME_SCRIPT.map((step, k) => {
      const xs = runs.flatMap((r) => r.stepIntervals[k] ?? []);
      return { step: stepName(step), frames: xs.length, median: round(percentile(xs, 50)) };
    }),
  };
}

/** "pan 400,0", "zoom 6.8", "ease 116,42 z5.5". */
export function stepName(step: FrameStep): string {
  if (step.kind === 'pan') return `pan ${step.by.join(',')}`;
  if (step.kind === 'zoom') return `zoom ${step.to}`;
  return `ease ${step.center.join(',')} z${step.zoom}`;
}

export async function measureFrames(browser: Browser, targets: { app: FramesTarget; baseline: FramesTarget }, runs: number, log: (s: string) => void): Promise<FramesBench> {
  const recorded: Record<'app' | 'baseline', FrameRun[]> = { app: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    for (const which of ['app', 'baseline'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
      await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
      await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
      // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
      await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
      const page = await context.newPage();
      try {
        await ready(page, targets[which]);
        const r = await play(page, targets[which].handle);
        recorded[which].push(r);
        log(`[bench] frames ${which} run ${i + 1}/${runs}: ${r.intervals.length} frames, median ${percentile(r.intervals, 50).toFixed(1)} ms, p95 ${percentile(r.intervals, 95).toFixed(1)} ms, ${r.renders} renders (main thread median ${percentile(r.renderMs, 50).toFixed(1)} ms) in ${(r.scriptMs / 1000).toFixed(1)} s`);
      } finally {
        await context.close();
      }
    }
  }
  const app = summarise(recorded.app);
  const baseline = summarise(recorded.baseline);
  return { script: FRAME_SCRIPT, start: START_VIEW, app, baseline, ratioMedian: app.median / baseline.median, ratioP95: app.p95 / baseline.p95 };
}

/** Markdown table rows for the report. */
export function framesTable(f: FramesBench): string[] {
  const rows: string[][] = [
    ['pan & zoom frames', 'app', 'baseline', 'app / baseline'],
    ['frame time median', `${f.app.median} ms`, `${f.baseline.median} ms`, f.ratioMedian.toFixed(2)],
    ['frame time p95', `${f.app.p95} ms`, `${f.baseline.p95} ms`, f.ratioP95.toFixed(2)],
    ['frame time max', `${f.app.max} ms`, `${f.baseline.max} ms`, ''],
    ['frames per run (median)', `${f.app.framesPerRun}`, `${f.baseline.framesPerRun}`, (f.app.framesPerRun / f.baseline.framesPerRun).toFixed(2)],
    ['map renders per run (median)', `${f.app.rendersPerRun}`, `${f.baseline.rendersPerRun}`, (f.app.rendersPerRun / f.baseline.rendersPerRun).toFixed(2)],
    ['map frame main-thread median', `${f.app.renderMs.median} ms`, `${f.baseline.renderMs.median} ms`, (f.app.renderMs.median / f.baseline.renderMs.median).toFixed(2)],
    ['map frame main-thread p95', `${f.app.renderMs.p95} ms`, `${f.baseline.renderMs.p95} ms`, (f.app.renderMs.p95 / f.baseline.renderMs.p95).toFixed(2)],
  ];
  const table = markdownTable(rows);
  const steps: string[][] = [['frame time median by animation', 'app', 'baseline', 'app / baseline']];
  f.app.perStep.forEach((a, k) => {
    const b = f.baseline.perStep[k]!;
    steps.push([`${k + 1}. ${a.step}`, `${a.median} ms (${a.frames})`, `${b.median} ms (${b.frames})`, (a.median / b.median).toFixed(2)]);
  });
  return [...table, '', ...markdownTable(steps)];
}

/** A header row, a rule, the rest; columns padded. */
export function markdownTable(rows: string[][]): string[] {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (c ?? '').padEnd(w[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.slice(1).map(line)];
}

/**
 * Click-to-panel latency (part of `npm run bench`): real mouse clicks on regions of the live map,
 * timed in the page from the click event until the frame that shows that region with its project
 * list (or its "no project" line) has been painted (the start of the frame after it). Leagues at
 * the first view, banners/counties zoomed in.
 *
 * Each click lands on a point of the region where no thematic symbol is (a symbol would select its
 * project instead); points are found on a grid with the map's hit layers and the atlas's picking.
 */
import type { Browser, Page } from 'playwright-core';
import { freePointIn } from '../tests/e2e/browser.ts';

export interface ClickStats {
  clicks: number;
  median: number;
  p95: number;
  max: number;
  leagues: { median: number; p95: number };
  counties: { median: number; p95: number };
  /** The ten slowest clicks (region code and time), to see what the tail is made of. */
  slowest: Array<{ code: string; ms: number }>;
}

const LEAGUES = ['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900'];
/** Zoomed views with several banners/counties each (zoom ≥ 6.5 shows counties). */
const COUNTY_VIEWS: Array<{ hash: string; codes: string[] }> = [
  { hash: '#map=7.3/40.75/110.6', codes: ['150202', '150203', '150204', '150205', '150206', '150207', '150221', '150222', '150102', '150103', '150104', '150105', '150121', '150122', '150123', '150124', '150125'] },
  { hash: '#map=7.3/42.3/118.8', codes: ['150402', '150403', '150404', '150421', '150422', '150423', '150424', '150425', '150426', '150428', '150429', '150430'] },
  { hash: '#map=7.3/39.6/108.7', codes: ['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627'] },
  { hash: '#map=7.3/41.2/113.3', codes: ['150902', '150921', '150922', '150923', '150924', '150925', '150926', '150927', '150928', '150929', '150981'] },
];

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * Resolves once the map has no frame pending (checked twice, a little apart) and the browser has
 * shown its last frame: under software WebGL the GPU process is still drawing a map frame long
 * after the main thread is done with it, and the next frames wait for it (three animation frames
 * in a row start only once it is on screen).
 */
export async function mapQuiet(page: Page): Promise<void> {
  await mapIdleOnMainThread(page);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
  await mapIdleOnMainThread(page);
}

async function mapIdleOnMainThread(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const pending = () => Boolean((window.__atlas!.map as unknown as { _frameRequest?: unknown })._frameRequest);
        if (pending()) return resolve(false);
        setTimeout(() => resolve(!pending()), 60);
      }),
    undefined,
    { timeout: 60_000, polling: 30 },
  );
}

async function timedClick(page: Page, code: string, at: { x: number; y: number }): Promise<number> {
  // As a user does: the pointer reaches the region (its hover outline is drawn), then clicks.
  await page.mouse.move(at.x, at.y);
  await mapQuiet(page);
  return timedToPanel(page, code, 'canvas', () => page.mouse.click(at.x, at.y));
}

/**
 * Milliseconds from a click (on the map canvas, or on a page element such as the region card's
 * parent link) until the frame showing region `code` with its project list has been painted.
 */
export async function timedToPanel(page: Page, code: string, target: 'canvas' | 'document', click: () => Promise<void>): Promise<number> {
  // Arm the timer in the page first (awaited), then click, then collect: the page may be busy
  // drawing a frame when the click arrives, and the timer must already listen.
  await page.evaluate(({ code, target }) => {
    const w = window as unknown as { __clickTiming?: Promise<number> };
    w.__clickTiming = new Promise<number>((resolve, reject) => {
      let t0 = 0;
      const source = target === 'canvas' ? window.__atlas!.map.getCanvas() : document;
      source.addEventListener('click', () => (t0 = performance.now()), { capture: true, once: true });
      const done = () => {
        const card = document.querySelector(`[data-testid="region-card"][data-code="${code}"]`);
        const list = document.querySelector('[data-testid="region-project-list"], [data-testid="region-no-projects"]');
        return t0 > 0 && card != null && list != null;
      };
      const obs = new MutationObserver(() => {
        if (!done()) return;
        obs.disconnect();
        // Two frames: the first starts the frame that paints the panel, the second starts once it is painted.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      setTimeout(() => {
        obs.disconnect();
        reject(new Error(`no panel for ${code}`));
      }, 30_000);
    });
  }, { code, target });
  await click();
  return page.evaluate(() => (window as unknown as { __clickTiming: Promise<number> }).__clickTiming);
}

export async function measureClicks(browser: Browser, appUrl: string, rounds = 4): Promise<ClickStats> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
  const page = await context.newPage();
  const leagueTimes: number[] = [];
  const countyTimes: number[] = [];
  const samples: Array<{ code: string; ms: number }> = [];
  const log = (code: string, ms: number) => (samples.push({ code, ms: Math.round(ms * 10) / 10 }), ms);
  const ready = async () => {
    await page.waitForFunction(() => window.__atlas?.ready && (window.__atlas.layersAt ?? 0) > 0, undefined, { timeout: 120_000 });
    // Resolve with nothing: the idle event holds the map, which the page would serialise back
    // (hundreds of MB at 100×).
    await page.evaluate(() => new Promise<void>((r) => window.__atlas!.map.once('idle', () => r()) && window.__atlas!.map.triggerRepaint()));
  };
  try {
    await page.goto(appUrl, { waitUntil: 'load' });
    await ready();
    const leaguePoints = new Map<string, { x: number; y: number }>();
    for (const c of LEAGUES) {
      try {
        leaguePoints.set(c, await freePointIn(page, c));
      } catch {
        /* a league too small at this scale to click beside its symbols (乌海) */
      }
    }
    // Alternate leagues so every click changes the selection. With one clickable league (at 100× the
    // symbols cover the others), it is clicked once: a click on the region already selected paints
    // no new panel, and timing it times whatever the map draws next.
    const leagueRounds = leaguePoints.size > 1 ? rounds : 1;
    for (let r = 0; r < leagueRounds; r++) for (const [c, p] of leaguePoints) leagueTimes.push(log(c, await timedClick(page, c, p)));
    for (const v of COUNTY_VIEWS) {
      await page.goto(`${appUrl}${v.hash}`, { waitUntil: 'load' });
      await ready();
      const pts: Array<[string, { x: number; y: number }]> = [];
      for (const c of v.codes) {
        try {
          pts.push([c, await freePointIn(page, c)]);
        } catch {
          /* a county hidden under the panel or legend in this view */
        }
      }
      const countyRounds = pts.length > 1 ? Math.max(1, Math.ceil(rounds / 2)) : 1;
      for (let r = 0; r < countyRounds; r++) for (const [c, p] of pts) countyTimes.push(log(c, await timedClick(page, c, p)));
    }
  } finally {
    await context.close();
  }
  const all = [...leagueTimes, ...countyTimes];
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    clicks: all.length,
    median: round(pct(all, 50)),
    p95: round(pct(all, 95)),
    max: round(Math.max(...all)),
    leagues: { median: round(pct(leagueTimes, 50)), p95: round(pct(leagueTimes, 95)) },
    counties: { median: round(pct(countyTimes, 50)), p95: round(pct(countyTimes, 95)) },
    slowest: samples.sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}

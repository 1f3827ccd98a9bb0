/**
 * Shared browser helper for the e2e tests: Debian's Chromium through playwright-core, headless,
 * WebGL through SwiftShader, a fresh profile per launch. `openPage` records console errors, page
 * errors and every request to a host other than the test server (those are aborted); `assertClean`
 * fails the test if any was seen.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** DESIGN.md: flags that work as root without a GPU (WebGL falls back to SwiftShader). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export const VIEWPORT = { width: 1280, height: 800 };
export const RESULTS_DIR = 'test-results';

export interface Session {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** One browser for a test file: launched before its tests, closed after. Call at the file's top level. */
export function sessionForFile(device?: Device): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch([], device ? { device } : {});
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the browser session is not launched yet');
    return session;
  };
}

/** Waits until the whole atlas is drawn: the basemap, the style's themes and what deck.gl draws for the state (a halo). */
export async function atlasDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlas?.ready) && (window.__atlas?.atlasIdleAt ?? 0) > 0, undefined, { timeout: 60_000 });
  await waitForMapIdle(page);
}

/**
 * The app's service worker (src/sw.ts) is blocked unless asked for: once registered it precaches
 * 12 MB and fetches 5,565 tiles in the background, load that would only blur the other tests'
 * timings. tests/e2e/offline.test.ts allows it.
 */
/** A device to emulate (tests/e2e/phone.test.ts): its viewport, touch and pixel ratio. */
export interface Device {
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export async function launch(extraArgs: string[] = [], opts: { serviceWorkers?: 'allow' | 'block'; device?: Device } = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'plan-atlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    serviceWorkers: opts.serviceWorkers ?? 'block',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    ...opts.device,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // tsx/esbuild (keepNames) wraps functions in `__name(...)`; functions passed to page.evaluate run in
  // the page, where that helper does not exist. Give the page a no-op one.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // The tests read the live map and drive the export through the hooks (src/hooks.ts), asked for here.
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A browser for isolated contexts (no shared cache between them), e.g. for the benchmark. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  // Playwright gives a launched browser its own temporary profile directory.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

export interface Recorder {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any host but the test server, all aborted. */
  foreignRequests: string[];
  /** Every request URL the page made (same origin and others). */
  requests: string[];
}

export interface OpenedPage {
  page: Page;
  rec: Recorder;
}

export async function openPage(session: Session, baseUrl: string, path = ''): Promise<OpenedPage> {
  const origin = new URL(baseUrl).origin;
  const rec: Recorder = { consoleErrors: [], pageErrors: [], foreignRequests: [], requests: [] };
  const page = await session.context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') rec.consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  // Uncaught exceptions and unhandled promise rejections both arrive here (proved in faults.test.ts).
  page.on('pageerror', (err) => rec.pageErrors.push(String(err?.stack ?? err)));
  page.on('request', (req) => rec.requests.push(req.url()));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    rec.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
  return { page, rec };
}

/** Waits until the map exists, its style and sources are loaded and it has rendered a quiet frame. */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlas?.map), undefined, { timeout });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlas!.map;
        const done = () => resolve();
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) {
          map.once('idle', done);
          map.triggerRepaint();
        } else {
          map.once('idle', done);
        }
      }),
    undefined,
  );
  // Let glyph rasterisation of late font loads settle.
  await page.waitForFunction(() => window.__atlas!.map.loaded(), undefined, { timeout });
}

/** Fails the test on any console error, page error or request that tried to leave the server. */
export function assertClean(rec: Recorder): void {
  expect(rec.pageErrors, 'page errors').toEqual([]);
  expect(rec.consoleErrors, 'console errors').toEqual([]);
  expect(rec.foreignRequests, 'requests to other hosts').toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name);
  await page.screenshot({ path, fullPage: false, timeout: 120_000 });
  return path;
}

/** Pixel position in the page of a longitude/latitude, using the live map's projection. */
export async function pagePointOf(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lng, lat]) => {
      const map = window.__atlas!.map;
      const p = map.project([lng, lat]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat] as const,
  );
}

/** Colour shares of the map canvas as drawn on screen (decoded in the page, no PNG library needed). */
export async function canvasColourShares<K extends string>(
  page: Page,
  colours: Record<K, string>,
  tolerance = 10,
  /** Only this box of the page (x, y, width, height) instead of the whole map canvas. */
  clip?: [number, number, number, number],
): Promise<Record<K, number> & { total: number }> {
  const shot = clip ? await page.screenshot({ clip: { x: clip[0], y: clip[1], width: clip[2], height: clip[3] } }) : await page.locator('canvas.maplibregl-canvas').screenshot();
  const png = shot.toString('base64');
  const shares = await page.evaluate(
    async ({ png, colours, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const targets = Object.entries(colours).map(([k, hex]) => [k, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
      const counts: Record<string, number> = Object.fromEntries(targets.map(([k]) => [k, 0]));
      const total = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        for (const [k, r, g, b] of targets) {
          if (Math.abs(data[i]! - r) <= tolerance && Math.abs(data[i + 1]! - g) <= tolerance && Math.abs(data[i + 2]! - b) <= tolerance) {
            counts[k]!++;
            break;
          }
        }
      }
      const out: Record<string, number> = { total };
      for (const [k, n] of Object.entries(counts)) out[k] = n / total;
      return out;
    },
    { png, colours: colours as Record<string, string>, tolerance },
  );
  return shares as Record<K, number> & { total: number };
}

/**
 * A point of the page inside the region `code` (as a click there selects it: the map's
 * `regionAt`) where no thematic symbol is under the pointer. Searched on a grid over the map.
 */
export async function freePointIn(page: Page, code: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((code) => {
    const { map, pick, regionAt } = window.__atlas!;
    const canvas = map.getCanvas();
    const r = canvas.getBoundingClientRect();
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    for (let step = 24; step >= 6; step /= 2)
      for (let y = step; y < h - step; y += step)
        for (let x = 300; x < w - 420; x += step) {
          if (regionAt!(x, y) !== code) continue;
          if (pick!(x, y) || pick!(x + 3, y) || pick!(x - 3, y) || pick!(x, y + 3) || pick!(x, y - 3)) continue;
          return { x: r.left + x, y: r.top + y };
        }
    return null;
  }, code);
  if (!p) throw new Error(`no free point in ${code}`);
  return p;
}


/**
 * The codes the map outlines in its highlight source (src/map/basemap/interaction.ts) for a role,
 * comma-joined ('' for none): what the selection and hover layers draw.
 */
export async function highlightedOnMap(page: Page, role: 'selection' | 'hover'): Promise<string> {
  return page.evaluate((role) => {
    const data = window.__atlas!.map.getSource('highlight')?.serialize().data as GeoJSON.FeatureCollection | undefined;
    return (data?.features ?? []).filter((f) => f.properties?.role === role).map((f) => String(f.properties?.code)).join(',');
  }, role);
}

/** The regions the map's choropleth shades (src/map/basemap/choropleth.ts): code → colour. */
export async function choroplethOnMap(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const data = window.__atlas!.map.getSource('choropleth')?.serialize().data as GeoJSON.FeatureCollection | undefined;
    return Object.fromEntries((data?.features ?? []).map((f) => [String(f.properties?.code), String(f.properties?.fill)]));
  });
}

/**
 * The atlas in a real browser (Debian Chromium, SwiftShader WebGL) against the built app on
 * 127.0.0.1: first view, fonts, hover/click selection, deep links, language, keyboard, no WebGL.
 * Every page fails its test on a console error, a page error or a request to another host.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE } from '../../src/map/basemap/palette.ts';
import { assertClean, canvasColourShares, freePointIn, launch, highlightedOnMap, openPage, screenshot, waitForMapIdle, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const LABEL_LAYERS = ['labels-country', 'labels-province', 'labels-league', 'labels-prefecture', 'labels-county', 'labels-sea'];

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** The text MapLibre drew for each rendered label (text-field evaluated per feature). */
async function renderedLabels(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = window.__atlas!.map;
    const feats = map.queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) });
    return feats.map((f) => {
      const tf = (f.layer.layout as Record<string, unknown> | undefined)?.['text-field'] as unknown;
      if (typeof tf === 'string') return tf;
      if (tf && typeof tf === 'object' && 'sections' in tf) return (tf as { sections: Array<{ text: string }> }).sections.map((s) => s.text).join('');
      return String(tf);
    });
  }, LABEL_LAYERS);
}

function hex(c: string): string {
  return c.slice(0, 7);
}

describe('first view', () => {
  it('draws nothing until every basemap source has loaded, then the whole map in its first frame', async () => {
    // Every WebGL draw call is counted from the page's start; the count is read when MapLibre says
    // all its sources have loaded (its 'load', before the app lifts the hold) and at the first idle.
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __draws: number; __drawsAtLoad?: number; __drawsAtIdle?: number };
      w.__draws = 0;
      const proto = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
        const original = proto[name]!;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          w.__draws++;
          return original.apply(this, args);
        };
      }
      let handle: unknown;
      Object.defineProperty(window, '__atlas', {
        configurable: true,
        get: () => handle,
        set: (h: { map?: { once: (e: string, f: () => void) => void } } | undefined) => {
          handle = h;
          // Set once, right after the map is created: these run before the app's own 'load' handler.
          h?.map?.once('load', () => {
            w.__drawsAtLoad = w.__draws;
            // The first quiet frame, as the app finds it (AtlasMap): the map may call the held frame
            // that fired 'load' idle, though it drew nothing; the next 'render' is the drawn frame's.
            h.map!.once('render', () => h.map!.once('idle', () => (w.__drawsAtIdle = w.__draws)));
            // deck.gl's overlay waits for the first quiet frame too (its device wraps WebGL calls).
            (w as unknown as { __overlayAtLoad: boolean }).__overlayAtLoad = Boolean((handle as { overlay?: unknown }).overlay);
            // deck.gl's code itself is loaded after it (src/map/deck.ts): once run, it sets globalThis.deck.
            (w as unknown as { __deckAtLoad: boolean }).__deckAtLoad = 'deck' in globalThis;
          });
        },
      });
    });
    await page.goto(new URL('?layers=none', baseUrl).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __drawsAtIdle?: number }).__drawsAtIdle !== undefined, undefined, { timeout: 60_000 });
    // The overlay follows the first quiet frame, once deck.gl's chunk has loaded.
    await page.waitForFunction(() => Boolean(window.__atlas?.overlay), undefined, { timeout: 60_000 });
    const counts = await page.evaluate(() => {
      const w = window as unknown as { __drawsAtLoad?: number; __drawsAtIdle?: number; __overlayAtLoad?: boolean; __deckAtLoad?: boolean };
      const deck = (globalThis as { deck?: { VERSION?: string } }).deck;
      return { atLoad: w.__drawsAtLoad, atIdle: w.__drawsAtIdle, overlayAtLoad: w.__overlayAtLoad, deckAtLoad: w.__deckAtLoad, deckNow: deck?.VERSION ?? null };
    });
    await page.close();
    expect(counts.atLoad, 'no draw call while the sources load').toBe(0);
    // The first frame draws the sea, the land fills, the borders and the names: many draw calls.
    expect(counts.atIdle, 'the first drawn frame is the whole basemap').toBeGreaterThan(20);
    expect(counts.overlayAtLoad, 'no deck.gl overlay while the basemap loads').toBe(false);
    expect(counts.deckAtLoad, "deck.gl's code has not run while the basemap loads (a chunk of its own)").toBe(false);
    expect(counts.deckNow, 'deck.gl is loaded after the first quiet frame').toMatch(/^9\./);
  });

  it('draws the basemap on one canvas, framing Inner Mongolia and the Bohai Rim, labelled in Chinese', async () => {
    // The basemap alone (no thematic layer tints it), so its colours can be measured.
    const { page, rec } = await openPage(session, baseUrl, '?layers=none');
    await waitForMapIdle(page);
    await screenshot(page, 'first-view-basemap-zh.png');

    expect(await page.locator('canvas').count(), 'one canvas for basemap and overlay').toBe(1);
    // The load's hold (src/map/basemap/load-hold.ts) is lifted and the "loading" note is gone.
    expect(await page.evaluate(() => window.__atlas!.heldLoad)).toBe(true);
    // Created by the page's start, before React rendered (src/map/create-basemap.ts).
    expect(await page.evaluate(() => window.__atlas!.early)).toBe(true);
    // The page's start (main.tsx) creates the map with MapLibre alone; React and the app are a chunk
    // evaluated after it, and MapLibre's worker was started before it (prewarm), not by it.
    const start = await page.evaluate(() => ({
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      worker: performance.getEntriesByType('resource').find((r) => r.name.includes('maplibre-gl-worker'))?.startTime ?? null,
    }));
    const mapCreated = start.marks['atlas:map-created']!;
    expect(mapCreated, `marks ${JSON.stringify(start.marks)}`).toBeGreaterThan(0);
    expect(start.marks['atlas:app-code'], "React and the app's code run after the map is created").toBeGreaterThan(mapCreated);
    expect(start.worker, "MapLibre's worker is fetched before the map is created").toBeLessThan(start.marks['atlas:labels']!);
    expect(await page.getByTestId('map-drawing').count()).toBe(0);
    // deck.gl's overlay follows the first quiet frame, with deck.gl's own chunk (src/map/deck.ts).
    await page.waitForFunction(() => Boolean(window.__atlas?.overlay), undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

    const shares = await canvasColourShares(page, {
      sea: hex(PALETTE.sea),
      innerMongolia: hex(PALETTE.innerMongolia),
      bohai: hex(PALETTE.bohaiProvince),
      other: hex(PALETTE.otherProvince),
      foreign: hex(PALETTE.foreignLand),
    });
    const land = shares.innerMongolia + shares.bohai + shares.other + shares.foreign;
    expect(land, `land share ${JSON.stringify(shares)}`).toBeGreaterThan(0.4);
    expect(shares.innerMongolia).toBeGreaterThan(0.1);
    expect(shares.bohai).toBeGreaterThan(0.03);
    expect(shares.sea).toBeGreaterThan(0.01);

    // The frame: lon 97–127, lat 35–53.5 lies in the part of the map the panel leaves free.
    const frame = await page.evaluate(() => {
      const map = window.__atlas!.map;
      const sw = map.project([97, 35]);
      const ne = map.project([127, 53.5]);
      const panel = document.querySelector('.side-panel')!.getBoundingClientRect();
      return { sw, ne, width: map.getCanvas().clientWidth, height: map.getCanvas().clientHeight, panelLeft: panel.left };
    });
    expect(frame.sw.x).toBeGreaterThanOrEqual(-2);
    expect(frame.ne.x).toBeLessThanOrEqual(frame.panelLeft + 2);
    expect(frame.ne.y).toBeGreaterThanOrEqual(-2);
    expect(frame.sw.y).toBeLessThanOrEqual(frame.height + 2);
    // …and fills it: at least 70 % of the free width.
    expect(frame.ne.x - frame.sw.x).toBeGreaterThan(0.7 * frame.panelLeft);

    const labels = await renderedLabels(page);
    expect(labels).toContain('内蒙古自治区');
    expect(labels.filter((l) => /[盟市]$/.test(l)).length, labels.join(' ')).toBeGreaterThanOrEqual(5);
    expect(labels).toContain('蒙古国');

    // The view is in the hash, MapLibre's format.
    await page.waitForFunction(() => /map=[\d.]+\/[\d.-]+\/[\d.-]+/.test(location.hash));
    assertClean(rec);
    await page.close();
  });

  it('uses the bundled atlas font for Chinese and English, in the UI and on the map', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    const fonts = await page.evaluate(async () => {
      await document.fonts.load('16px "Atlas Sans"', '包头市内蒙古自治区');
      await document.fonts.load('600 16px "Atlas Sans"', 'Baotou 包头');
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Atlas Sans');
      return {
        zh: document.fonts.check('16px "Atlas Sans"', '包头市内蒙古自治区'),
        en: document.fonts.check('16px "Atlas Sans"', 'Baotou Inner Mongolia'),
        semibold: document.fonts.check('600 16px "Atlas Sans"', '包头 Baotou'),
        faces: faces.length,
        loaded: faces.filter((f) => f.status === 'loaded').length,
        bodyFont: getComputedStyle(document.body).fontFamily,
        mapFaces: [...document.fonts].filter((f) => f.family.startsWith('maplibre-gl-font-face-') && f.status === 'loaded').length,
      };
    });
    expect(fonts.zh).toBe(true);
    expect(fonts.en).toBe(true);
    expect(fonts.semibold).toBe(true);
    expect(fonts.faces).toBeGreaterThanOrEqual(2);
    expect(fonts.loaded).toBeGreaterThanOrEqual(2);
    expect(fonts.bodyFont.replace(/"/g, '')).toBe('Atlas Sans');
    // MapLibre registered the same files under its own names for the labels.
    expect(fonts.mapFaces).toBeGreaterThanOrEqual(2);
    const manifest = await page.evaluate(async () => (await fetch('fonts/manifest.json')).json());
    expect(manifest.missing, 'characters no bundled font covers').toBe('');
    expect(rec.requests.some((u) => u.includes('/fonts/atlas-sans-sc-'))).toBe(true);
    assertClean(rec);
    await page.close();
  });
});

describe('selection', () => {
  it('clicking Baotou selects 包头市, puts it in the URL, and a reload restores selection and view', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    // A point of Baotou with no thematic symbol under it (a symbol would select its project).
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    const p = await freePointIn(page, '150200');
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    expect(await page.getByTestId('region-name-alt').textContent()).toBe('Baotou');
    expect(await page.getByTestId('region-level').textContent()).toContain('地级');
    expect(await page.getByTestId('region-parent').textContent()).toBe('内蒙古自治区');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('150200');
    await expect.poll(() => highlightedOnMap(page, 'selection')).toBe('150200');
    // The projects slot says what it knows, and fakes nothing.
    await expect.poll(() => page.getByTestId('region-projects').isVisible()).toBe(true);
    // Pointer off the map (no hover tooltip in the picture).
    await page.mouse.move(1100, 760);
    await waitForMapIdle(page);
    await screenshot(page, 'selected-league.png');

    await page.waitForFunction(() => location.hash.includes('map='));
    const before = await page.evaluate(() => {
      const m = window.__atlas!.map;
      return { zoom: m.getZoom(), center: m.getCenter().toArray(), hash: location.hash };
    });
    await page.reload({ waitUntil: 'load' });
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    const after = await page.evaluate(() => {
      const m = window.__atlas!.map;
      return { zoom: m.getZoom(), center: m.getCenter().toArray(), hash: location.hash };
    });
    expect(after.zoom).toBeCloseTo(before.zoom, 1);
    expect(after.center[0]).toBeCloseTo(before.center[0]!, 1);
    expect(after.center[1]).toBeCloseTo(before.center[1]!, 1);
    expect(new URL(page.url()).searchParams.get('region')).toBe('150200');
    assertClean(rec);
    await page.close();
  });

  it('the parent link selects the parent; Esc clears the selection', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=150200#map=5/42/112');
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    await page.getByTestId('region-parent').getByRole('link').click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('内蒙古自治区');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('150000');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel-hint').isVisible()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBeNull();
    assertClean(rec);
    await page.close();
  });

  it('hovers counties when zoomed in', async () => {
    const { page, rec } = await openPage(session, baseUrl, '#map=8/40.75/109.9');
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    const p = await freePointIn(page, '150202');
    await page.mouse.move(p.x - 5, p.y - 5);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.locator('.atlas-map__tooltip').textContent()).toBeTruthy();
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('region-card').getAttribute('data-code')).toBe('150202');
    expect(await page.getByTestId('region-level').textContent()).toContain('县级');
    expect(await page.getByTestId('region-parent').textContent()).toBe('包头市');
    assertClean(rec);
    await page.close();
  });

  it('a malformed link still opens, with a notice of what was ignored', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=15x200&lang=fr#map=99/abc/1');
    await waitForMapIdle(page);
    const notice = page.getByTestId('url-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('15x200');
    expect(text).toContain('fr');
    await page.getByRole('button', { name: '关闭提示' }).click();
    expect(await notice.count()).toBe(0);
    const unknown = await openPage(session, baseUrl, '?region=999999');
    await waitForMapIdle(unknown.page);
    await expect.poll(() => unknown.page.getByTestId('url-notice').textContent()).toContain('999999');
    assertClean(rec);
    assertClean(unknown.rec);
    await unknown.page.close();
    await page.close();
  });
});

describe('language', () => {
  it('the switch changes the map labels, the panel, <html lang> and the URL', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=150200');
    await waitForMapIdle(page);
    const zh = await renderedLabels(page);
    expect(zh).toContain('内蒙古自治区');
    await page.getByTestId('lang-en').click();
    await waitForMapIdle(page);
    await expect.poll(async () => (await renderedLabels(page)).includes('Inner Mongolia')).toBe(true);
    const en = await renderedLabels(page);
    expect(en).not.toContain('内蒙古自治区');
    expect(en.filter((l) => /[\u4e00-\u9fff]/.test(l)), 'no Chinese label left').toEqual([]);
    expect(await page.locator('h1').textContent()).toBe('Inner Mongolia and the Bohai Rim');
    expect(await page.getByTestId('region-name').textContent()).toBe('Baotou');
    expect(await page.getByTestId('region-name-alt').textContent()).toBe('包头市');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByTestId('lang-zh').click();
    await expect.poll(async () => (await renderedLabels(page)).includes('内蒙古自治区')).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBeNull();
    assertClean(rec);
    await page.close();
  });

  it('opens in English from a link (first view screenshot)', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?lang=en');
    await waitForMapIdle(page);
    await screenshot(page, 'first-view-en.png');
    const labels = await renderedLabels(page);
    expect(labels).toContain('Inner Mongolia');
    expect(labels).toContain('Mongolia');
    assertClean(rec);
    await page.close();
  });
});

describe('keyboard and robustness', () => {
  it('controls are reachable with Tab', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    const reached = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? ''}` : '';
      });
      reached.add(label);
    }
    const all = [...reached].join(' | ');
    expect(all).toContain('放大');
    expect(all).toContain('English');
    expect(all).toContain('CANVAS');
    assertClean(rec);
    await page.close();
  });

  it('without WebGL the map area explains why, and the panel still works', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    try {
      const { page, rec } = await openPage(noGl, baseUrl);
      await expect.poll(() => page.getByTestId('no-webgl').isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await page.getByTestId('no-webgl').textContent()).toContain('WebGL');
      expect(await page.getByTestId('side-panel').isVisible()).toBe(true);
      assertClean(rec);
    } finally {
      await noGl.close();
    }
  });
});

/**
 * Faults in a real browser: the WebGL context lost and restored (WEBGL_lose_context), lost for good
 * (the map says so and rebuilds itself on request), no WebGL at all (panels, search and lists still
 * work), localStorage full, disabled or holding a damaged list (saved views report it and lose
 * nothing in the session), and the recorder behind assertClean (it does catch console errors,
 * uncaught exceptions and unhandled rejections). Screenshots go to test-results/h-faults-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertClean, atlasDrawn, canvasColourShares, launch, choroplethOnMap, highlightedOnMap, openPage, screenshot, waitForMapIdle, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const RAILWAY = '#1a1a1a';
/** Ulanqab selected, zoomed where the railways to Beijing run (as in map-experience.test.ts). */
const LINK = '?region=150900#map=7/41/113.6';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** The map is drawn and its thematic layers are set. */
async function mapDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlas?.ready) && (window.__atlas?.layersAt ?? 0) > 0, undefined, { timeout: 60_000 });
  await waitForMapIdle(page);
}

async function loseContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const gl = window.__atlas!.map.getCanvas().getContext('webgl2')!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
    ext.loseContext();
  });
  await expect.poll(() => page.evaluate(() => window.__atlas!.map.getCanvas().getContext('webgl2')!.isContextLost())).toBe(true);
}

async function restoreContext(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
}

const selectedOnMap = (page: Page) => highlightedOnMap(page, 'selection');

describe('WebGL context', () => {
  it('lost and restored: the map draws again, with its thematic layers, selection and link', async () => {
    const { page, rec } = await openPage(session, baseUrl, LINK);
    await mapDrawn(page);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('乌兰察布市');
    const url = page.url();
    const selected = await selectedOnMap(page);
    expect(selected).toBe('150900');
    const before = await canvasColourShares(page, { railway: RAILWAY }, 12);
    expect(before.railway, 'railway pixels before').toBeGreaterThan(0.002);

    await loseContext(page);
    // While lost the canvas is blank: the measure below can tell drawn from not drawn.
    const lost = await canvasColourShares(page, { railway: RAILWAY }, 12);
    expect(lost.railway, 'railway pixels while lost').toBeLessThan(before.railway * 0.1);
    await restoreContext(page);

    await expect.poll(() => page.evaluate(() => window.__atlas!.map.getCanvas().getContext('webgl2')!.isContextLost())).toBe(false);
    await expect.poll(() => page.evaluate(() => window.__atlas!.map.isStyleLoaded()), { timeout: 30_000 }).toBe(true);
    await waitForMapIdle(page);
    // The plan's layers (MapLibre's) draw again: railway pixels as before; and deck.gl comes back on
    // a new overlay (the selection's halo).
    await expect.poll(() => page.evaluate(() => Boolean(window.__atlas!.overlay)), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(async () => (await canvasColourShares(page, { railway: RAILWAY }, 12)).railway, { timeout: 30_000, interval: 1000 })
      .toBeGreaterThan(before.railway * 0.8);
    const after = await canvasColourShares(page, { railway: RAILWAY, land: '#ece3cf' }, 12);
    expect(after.total).toBe(before.total);
    expect(page.url()).toBe(url);
    expect(await selectedOnMap(page)).toBe(selected);
    expect(await page.getByTestId('region-name').textContent()).toBe('乌兰察布市');
    expect(await page.getByTestId('map-context-lost').count()).toBe(0);
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h-faults-context-restored.png');
    // Still interactive: a layer toggled off after the restore leaves the map.
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('layer-railways').uncheck();
    await waitForMapIdle(page);
    await expect.poll(async () => (await canvasColourShares(page, { railway: RAILWAY }, 12)).railway, { timeout: 20_000 }).toBeLessThan(before.railway * 0.1);
    assertClean(rec);
    await page.close();
  });

  it('lost for good: a message and a button that rebuilds the map with the same view, selection and layers', async () => {
    const { page, rec } = await openPage(session, baseUrl, `${LINK.replace('#', '&choro=railways#')}`);
    await mapDrawn(page);
    const before = await canvasColourShares(page, { railway: RAILWAY }, 12);
    expect(before.railway).toBeGreaterThan(0.002);
    const search = new URL(page.url()).search;
    const view = await page.evaluate(() => ({ zoom: window.__atlas!.map.getZoom(), center: window.__atlas!.map.getCenter().toArray() }));
    await loseContext(page);
    // Not restored: after a few seconds the map says so.
    const message = page.getByTestId('map-context-lost');
    await expect.poll(() => message.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toContain('WebGL');
    // The panel still answers meanwhile.
    expect(await page.getByTestId('region-name').textContent()).toBe('乌兰察布市');
    await screenshot(page, 'h-faults-context-lost.png');

    await page.getByTestId('map-reload').click();
    await expect.poll(() => message.count()).toBe(0);
    await mapDrawn(page);
    await expect.poll(async () => (await canvasColourShares(page, { railway: RAILWAY }, 12)).railway, { timeout: 30_000, interval: 1000 }).toBeGreaterThan(before.railway * 0.8);
    const rebuilt = await page.evaluate(() => ({ zoom: window.__atlas!.map.getZoom(), center: window.__atlas!.map.getCenter().toArray() }));
    expect(rebuilt.zoom).toBeCloseTo(view.zoom, 2);
    expect(rebuilt.center[0]).toBeCloseTo(view.center[0]!, 2);
    expect(rebuilt.center[1]).toBeCloseTo(view.center[1]!, 2);
    expect(new URL(page.url()).search).toBe(search);
    await expect.poll(() => selectedOnMap(page)).toBe('150900');
    await expect.poll(async () => Object.keys(await choroplethOnMap(page)).length).toBeGreaterThan(10);
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h-faults-context-rebuilt.png');
    assertClean(rec);
    await page.close();
  });
});

describe('geography that does not load', () => {
  it('the map area names the file and the failure; nothing is thrown', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    // The panels, the hit test and the catalogue's areas read the outlines' topology.
    await page.route('**/geo/regions.topo.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
    await page.reload();
    const message = page.getByTestId('map-error');
    await expect.poll(() => message.count(), { timeout: 30_000 }).toBe(1);
    expect(await message.textContent()).toContain('regions.topo.json: HTTP 404');
    expect(await message.textContent()).toContain('地图数据加载失败');
    // The language switch still answers, and the message follows it.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => message.textContent()).toContain('The map data failed to load');
    // The panel says what failed, not that the link was wrong or that WebGL is missing.
    await expect.poll(() => page.getByTestId('data-error').textContent()).toContain('The project catalogue failed to load');
    expect(await page.getByTestId('panel-hint').textContent()).not.toContain('WebGL');
    expect(await page.getByTestId('url-notice').count()).toBe(0);
    await screenshot(page, 'h-faults-geography-missing.png');
    // The browser reports the failed requests themselves as console errors; nothing else may be.
    expect(rec.pageErrors, 'page errors').toEqual([]);
    expect(rec.consoleErrors.filter((e) => !/status of 404/.test(e)), 'console errors').toEqual([]);
    await page.close();
  });
});

describe('notes and sources that do not load', () => {
  it("the project's panel says so and shows the rest; the next project tries again", async () => {
    const { page, rec } = await openPage(session, baseUrl, '?project=rail-beijing-huhehaote-hsr');
    await page.route('**/data/details.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
    await page.reload();
    await atlasDrawn(page);
    const pending = page.getByTestId('project-details-pending');
    await expect.poll(() => pending.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed');
    expect(await pending.textContent()).toContain('说明与来源未能读取');
    expect(await pending.textContent()).toContain('details.json: HTTP 404');
    // What the first view read is all there: the status, its dates and sections; no sources.
    expect(await page.getByTestId('project-status-value').textContent()).toBeTruthy();
    expect(await page.getByTestId('project-sections').textContent()).toContain('呼和浩特东至乌兰察布段');
    expect(await page.getByTestId('project-sources').count()).toBe(0);
    await screenshot(page, 'h-faults-details-missing.png');
    // The file is back: the next project shown loads it, with no reload.
    await page.unroute('**/data/details.json');
    await page.getByTestId('search-input').fill('包头至银川');
    await page.getByTestId('search-results').getByText('包头至银川高铁').first().click();
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('包头至银川高铁');
    await expect.poll(() => page.getByTestId('project-sources').locator('li').count()).toBeGreaterThan(0);
    expect(await pending.count()).toBe(0);
    expect(await page.getByTestId('project-note').isVisible()).toBe(true);
    expect(rec.pageErrors, 'page errors').toEqual([]);
    expect(rec.consoleErrors.filter((e) => !/status of 404/.test(e)), 'console errors').toEqual([]);
    await page.close();
  });
});

describe('thematic layers that do not load', () => {
  it('the basemap and the panels stay, a notice says so, and a reload brings them back', async () => {
    const { page, rec } = await openPage(session, baseUrl, LINK);
    await page.waitForFunction(() => Boolean(window.__atlas?.overlay), undefined, { timeout: 60_000 });
    // deck.gl's chunk (src/map/deck.ts), which the page loads after the basemap's first frame.
    await page.route(/\/assets\/deck-[^/]+\.js$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
    await page.reload();
    const notice = page.getByTestId('map-themes-failed');
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(1);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('部分图层未能加载');
    // The basemap is drawn and the panel answers; no overlay, no thematic layers.
    expect(await page.evaluate(() => window.__atlas!.ready)).toBe(true);
    expect(await page.evaluate(() => window.__atlas!.overlay)).toBeNull();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('乌兰察布市');
    await expect.poll(() => selectedOnMap(page)).toBe('150900');
    // The plan's layers are MapLibre's and still drawn, with their legend (only deck.gl's halo,
    // corridor and imported layers are missing); the notice is a banner, not a veil over the map.
    expect(await page.getByTestId('map-legend').count()).toBe(1);
    expect(await page.evaluate(() => window.__atlas!.map.querySourceFeatures('theme-lines').length)).toBeGreaterThan(0);
    // Exports and presentations would lack the layers: they are off, and say why.
    expect(await page.getByTestId('export-open').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-open').getAttribute('title')).toContain('绘图程序未能加载');
    expect(await page.getByTestId('present-open').isDisabled()).toBe(true);
    const box = (await notice.boundingBox())!;
    expect(box.height).toBeLessThan(200);
    await screenshot(page, 'h-faults-themes-failed-zh.png');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => notice.textContent()).toContain('Part of the map could not be loaded');
    // The map draws the new names once the worker has laid them all out (basemap/load-hold.ts).
    await waitForMapIdle(page);
    await screenshot(page, 'h-faults-themes-failed.png');
    // The browser reports the failed request itself as a console error; nothing else may be.
    expect(rec.pageErrors, 'page errors').toEqual([]);
    expect(rec.consoleErrors.filter((e) => !/status of 404/.test(e)), 'console errors').toEqual([]);
    rec.consoleErrors.length = 0;

    // Reloaded with the chunk back: the same link (selection, language), the layers drawn.
    await page.unroute(/\/assets\/deck-[^/]+\.js$/);
    await page.getByTestId('map-themes-reload').click();
    await page.waitForFunction(() => Boolean(window.__atlas?.ready) && (window.__atlas?.layersAt ?? 0) > 0, undefined, { timeout: 60_000 });
    expect(await notice.count()).toBe(0);
    expect(await page.getByTestId('region-name').textContent()).toBe('Ulanqab');
    await expect.poll(() => page.getByTestId('map-legend').count()).toBe(1);
    expect(await page.getByTestId('export-open').isEnabled()).toBe(true);
    assertClean(rec);
    await page.close();
  });
});

describe('no WebGL', () => {
  it('search, the layer list and the plan outline still work beside the message', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    try {
      const { page, rec } = await openPage(noGl, baseUrl);
      await expect.poll(() => page.getByTestId('no-webgl').isVisible(), { timeout: 30_000 }).toBe(true);
      // The hint does not send the user to a map that is not there; export and present, which
      // draw the map, are off and say why.
      await expect.poll(() => page.getByTestId('panel-hint').textContent()).toContain('WebGL');
      expect(await page.getByTestId('panel-hint').textContent()).not.toContain('点击地图');
      await expect.poll(() => page.getByTestId('export-open').getAttribute('title')).toContain('WebGL');
      expect(await page.getByTestId('export-open').isDisabled()).toBe(true);
      expect(await page.getByTestId('present-open').isDisabled()).toBe(true);
      // Search, then pick a result: the panel shows the region's projects.
      const input = page.getByTestId('search-input');
      await expect.poll(() => input.isEnabled(), { timeout: 30_000 }).toBe(true);
      await input.fill('baotou');
      await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('包头');
      const first = page.getByTestId('search-results').getByRole('option').first();
      await expect.poll(() => first.locator('.search__name').textContent()).toBe('包头市');
      await input.press('Enter');
      await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
      await expect.poll(() => page.getByTestId('region-project-list').textContent()).toContain('包头至银川高铁');
      await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('150200');
      // The layer list: toggling a layer updates the link (and the legend it would draw).
      await page.getByTestId('tab-layers').click();
      expect(await page.getByTestId('layer-panel').isVisible()).toBe(true);
      await page.getByTestId('layer-railways').uncheck();
      await expect.poll(() => new URL(page.url()).searchParams.get('layers')?.split(',').includes('railways')).toBe(false);
      // The plan outline: a measure opens with its projects.
      await page.getByTestId('tab-outline').click();
      const outline = page.getByTestId('outline');
      await expect.poll(() => outline.locator('.outline__node--chapter').count()).toBe(9);
      await outline.locator('[data-measure="c4"] > .outline__row .outline__twisty').click();
      await outline.locator('[data-measure="c4.s1"] > .outline__row .outline__twisty').click();
      await page.getByTestId('outline-c4.s1.i1').click();
      await expect.poll(() => page.getByTestId('measure-name').textContent()).toContain('合作完善铁路路网');
      await expect.poll(() => new URL(page.url()).searchParams.get('measure')).toBe('c4.s1.i1');
      await expect.poll(() => page.getByTestId('measure-project-list').textContent()).toContain('包头至银川高铁');
      // Its places are counted, but there is no map to ring them on: the panel does not say it does.
      const places = page.getByTestId('measure-place-count');
      expect(await places.textContent()).toMatch(/^ 涉及 \d+ 个地点$/);
      await screenshot(page, 'h-faults-no-webgl.png');
      await page.getByTestId('lang-en').click();
      await expect.poll(() => places.textContent()).toMatch(/^ at \d+ places$/);
      expect(await page.getByTestId('measure-card').textContent()).not.toMatch(/yellow/);
      await screenshot(page, 'h-faults-no-webgl-en.png');
      assertClean(rec);
    } finally {
      await noGl.close();
    }
  });
});

describe('saved views and a failing localStorage', () => {
  async function openViews(page: Page) {
    await mapDrawn(page);
    await page.getByTestId('views-open').click();
    await expect.poll(() => page.getByTestId('views-dialog').isVisible()).toBe(true);
  }
  async function saveView(page: Page, name: string) {
    await page.getByTestId('view-name').fill(name);
    await page.getByTestId('view-save').click();
  }

  it('a full store (QuotaExceededError) is reported in the dialog, and the view kept for the session', async () => {
    const s = await launch();
    try {
      await s.context.addInitScript(() => {
        Storage.prototype.setItem = function setItem() {
          throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
        };
      });
      const { page, rec } = await openPage(s, baseUrl, LINK);
      await openViews(page);
      await saveView(page, '满了');
      const warning = page.getByTestId('views-storage-error');
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.getAttribute('data-kind')).toBe('quota');
      expect(await warning.textContent()).toContain('存储空间已满');
      expect(await page.getByTestId('views-message').textContent()).toContain('仅在本次会话中保留');
      expect(await page.getByTestId('view-item').count()).toBe(1);
      await screenshot(page, 'h-faults-storage-full.png');
      // Closed and reopened: the view is still there, and so is the warning.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('views-dialog').count()).toBe(0);
      await page.getByTestId('views-open').click();
      expect(await page.getByTestId('view-item').count()).toBe(1);
      expect(await page.getByTestId('views-storage-error').isVisible()).toBe(true);
      assertClean(rec);
    } finally {
      await s.close();
    }
  });

  it('localStorage refused altogether (SecurityError) is reported as soon as the dialog opens', async () => {
    const s = await launch();
    try {
      await s.context.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
          },
        });
      });
      const { page, rec } = await openPage(s, baseUrl, LINK);
      await openViews(page);
      const warning = page.getByTestId('views-storage-error');
      expect(await warning.getAttribute('data-kind')).toBe('unavailable');
      await saveView(page, '会话');
      await expect.poll(() => page.getByTestId('view-item').count()).toBe(1);
      expect(await warning.getAttribute('data-kind')).toBe('unavailable');
      assertClean(rec);
    } finally {
      await s.close();
    }
  });

  it('views survive a reload; a damaged stored list is kept aside under a backup key, with a message', async () => {
    const { page, rec } = await openPage(session, baseUrl, LINK);
    await openViews(page);
    await saveView(page, '留存');
    await expect.poll(() => page.getByTestId('view-item').count()).toBe(1);
    await page.reload({ waitUntil: 'load' });
    await openViews(page);
    expect(await page.getByTestId('view-name-text').allTextContents()).toEqual(['留存']);
    expect(await page.getByTestId('views-storage-error').count()).toBe(0);
    // Damage the stored list, reload.
    await page.evaluate(() => localStorage.setItem('plan-atlas:saved-views', '{"format":"plan-atlas-views","views":[{'));
    await page.reload({ waitUntil: 'load' });
    await openViews(page);
    const damaged = page.getByTestId('views-damaged');
    expect(await damaged.isVisible()).toBe(true);
    expect(await damaged.textContent()).toContain('plan-atlas:saved-views:damaged');
    expect(await page.evaluate(() => localStorage.getItem('plan-atlas:saved-views:damaged'))).toBe('{"format":"plan-atlas-views","views":[{');
    await screenshot(page, 'h-faults-storage-damaged.png');
    await page.evaluate(() => localStorage.clear());
    assertClean(rec);
    await page.close();
  });
});

describe('the recorder behind assertClean', () => {
  const fails = (rec: Parameters<typeof assertClean>[0]) => {
    let failed = false;
    try {
      assertClean(rec);
    } catch {
      failed = true;
    }
    return failed;
  };

  it('fails a test on console.error, an uncaught exception and an unhandled rejection', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await mapDrawn(page);
    expect(fails(rec), 'a clean page passes').toBe(false);

    await page.evaluate(() => console.error('h-faults: a console error'));
    await expect.poll(() => rec.consoleErrors.length).toBe(1);
    expect(fails(rec)).toBe(true);
    rec.consoleErrors.length = 0;

    await page.evaluate(() => void setTimeout(() => {
      throw new Error('h-faults: an uncaught exception');
    }));
    await expect.poll(() => rec.pageErrors.length).toBe(1);
    expect(rec.pageErrors[0]).toContain('an uncaught exception');
    expect(fails(rec)).toBe(true);
    rec.pageErrors.length = 0;

    // Chromium reports an unhandled rejection as a page error, like an uncaught exception.
    await page.evaluate(() => void Promise.reject(new Error('h-faults: an unhandled rejection')));
    await expect.poll(() => rec.pageErrors.length).toBe(1);
    expect(rec.pageErrors[0]).toContain('an unhandled rejection');
    expect(fails(rec)).toBe(true);
    await page.close();
  });
});

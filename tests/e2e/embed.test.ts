/**
 * The embed (`?embed=1`): the map with its legend and a link to the full atlas, no side panel and
 * nothing that edits; a tap selects without moving the map or adding to the host page's history;
 * the Views dialog's iframe snippet; and an iframe on a page at another path, on a server where the
 * atlas itself lives under /atlas/ (the build's relative base), renders the map.
 * Screenshot: docs/screenshots/embed.png (the host page with the embed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { decodeLink } from '../../src/domain/url-state.ts';
import { serveStatic } from '../../scripts/static-server.ts';
import { assertClean, atlasDrawn, openPage, sessionForFile, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();
const PROJECT = 'rail-baotou-yinchuan-hsr';

/** The state a link carries, with its view rounded to what a link can hold. */
function stateOf(link: string) {
  const { state, problems } = decodeLink(link);
  expect(problems).toEqual([]);
  const v = state.view;
  return { ...state, view: v && { zoom: v.zoom.toFixed(1), lat: v.lat.toFixed(2), lng: v.lng.toFixed(2) } };
}

/** A canvas point (in the page or frame) where a click picks a project, clear of the overlays. */
async function projectPoint(frame: Page | Frame): Promise<{ x: number; y: number; id: string }> {
  const p = await frame.evaluate(() => {
    const { map, pick } = window.__atlas!;
    const canvas = map.getCanvas();
    const r = canvas.getBoundingClientRect();
    for (let y = 120; y < canvas.clientHeight - 60; y += 4)
      for (let x = 300; x < canvas.clientWidth - 20; x += 4) {
        const t = pick!(x, y);
        if (t?.kind === 'project' && document.elementFromPoint(r.left + x, r.top + y) === canvas) return { x: r.left + x, y: r.top + y, id: t.id };
      }
    return null;
  });
  if (!p) throw new Error('no project to click on the map');
  return p;
}

describe('?embed=1', () => {
  it('shows the map and its legend, no panel and nothing that edits, and links to the same state in the full atlas', async () => {
    const { page, rec } = await openPage(session(), baseUrl, `?project=${PROJECT}&layers=railways,highways&lang=en&embed=1#map=6/40.6/108.5`);
    await atlasDrawn(page);
    expect(await page.getByTestId('side-panel').count()).toBe(0);
    expect(await page.getByTestId('export-toolbar').count()).toBe(0);
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(await page.locator('.map-drop-zone, [data-testid="drop-zone"], input[type="file"]').count()).toBe(0);
    expect(await page.locator('.skip-link').count()).toBe(0);
    expect(await page.getByTestId('map-legend').isVisible()).toBe(true);
    expect(await page.getByTestId('legend-railways').isVisible()).toBe(true);
    expect(await page.getByTestId('legend-airports').count()).toBe(0); // only the layers the link shows
    // The map fills the page: no panel's inset.
    const canvas = await page.evaluate(() => document.querySelector('canvas.maplibregl-canvas')!.getBoundingClientRect().toJSON() as DOMRect);
    expect([canvas.width, canvas.height]).toEqual([1280, 800]);
    // The selection is named; the link opens the same state without embed, in a new tab.
    await expect.poll(() => page.getByTestId('embed-selected').textContent()).toContain('Baotou');
    const link = page.getByTestId('embed-full-atlas');
    expect(await link.textContent()).toContain('Open in the full atlas');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    expect(href).not.toContain('embed');
    expect(new URL(href).pathname).toBe(new URL(page.url()).pathname);
    expect(stateOf(href)).toEqual({ ...stateOf(page.url()), embed: false });
    expect(stateOf(href).selection).toEqual({ kind: 'project', id: PROJECT });
    assertClean(rec);
    await page.close();
  });

  it('a click selects without moving the map or adding to the history; the link follows the map', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?embed=1&lang=en');
    await atlasDrawn(page);
    const before = await page.evaluate(() => ({ length: history.length, center: window.__atlas!.map.getCenter().toArray(), zoom: window.__atlas!.map.getZoom() }));
    const target = await projectPoint(page);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(target.id);
    expect(new URL(page.url()).searchParams.get('embed')).toBe('1');
    await expect.poll(() => page.getByTestId('embed-selected').isVisible()).toBe(true);
    await waitForMapIdle(page);
    const after = await page.evaluate(() => ({ length: history.length, center: window.__atlas!.map.getCenter().toArray(), zoom: window.__atlas!.map.getZoom() }));
    expect(after).toEqual(before);
    // Zoomed by the user: the link carries the new view and the selection.
    await page.evaluate(() => window.__atlas!.map.jumpTo({ zoom: 7, center: [111.7, 40.8] }));
    await waitForMapIdle(page);
    const href = (await page.getByTestId('embed-full-atlas').getAttribute('href'))!;
    const s = decodeLink(href).state;
    expect(s.selection).toEqual({ kind: 'project', id: target.id });
    expect(s.embed).toBe(false);
    expect([s.view?.zoom, s.view?.lng.toFixed(1), s.view?.lat.toFixed(1)]).toEqual([7, '111.7', '40.8']);
    assertClean(rec);
    await page.close();
  });

  it('the Views dialog offers an iframe snippet of the current view, with embed=1, a size and a title', async () => {
    const { page, rec } = await openPage(session(), baseUrl, `?region=150200&lang=en#map=6.5/40.7/109.9`);
    await atlasDrawn(page);
    await page.getByTestId('views-open').click();
    const code = await page.getByTestId('embed-snippet-code').inputValue();
    expect(code).toMatch(/^<iframe src="[^"]+" width="\d+" height="\d+" title="[^"]+"[^>]*><\/iframe>$/);
    expect(code).toContain('embed=1');
    expect(code).toContain('title="Plan Atlas map');
    const src = code.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    expect(src.startsWith(new URL(page.url()).origin + new URL(page.url()).pathname)).toBe(true);
    expect(stateOf(src)).toEqual({ ...stateOf(page.url()), embed: true });
    await page.getByTestId('embed-copy').click();
    await expect.poll(() => page.getByTestId('embed-copy-status').textContent()).not.toBe('');
    assertClean(rec);
    await page.close();
  });
});

describe('an iframe on another page, at another path', () => {
  it('renders the map, its legend and the link, from /atlas/ inside /pages/deep/host.html', async () => {
    const host = mkdtempSync(join(tmpdir(), 'plan-atlas-host-'));
    mkdirSync(join(host, 'pages/deep'), { recursive: true });
    // The snippet the Views dialog writes, pointing at the atlas served under /atlas/.
    writeFileSync(
      join(host, 'pages/deep/host.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A host page</title></head>
<body style="margin:16px;font:16px sans-serif;background:#fff"><h1 style="font-size:20px;margin:0 0 10px">An article about the plan</h1>
<iframe src="../../atlas/?project=${PROJECT}&amp;lang=en&amp;embed=1#map=5.6/40.6/110" width="720" height="440" title="Plan Atlas map: Inner Mongolia and the Bohai Rim" style="border:0" loading="lazy" allowfullscreen></iframe>
</body></html>`,
    );
    const server = await serveStatic({ atlas: resolve('dist'), '': host });
    const page = await session().context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.setViewportSize({ width: 760, height: 520 });
      await page.goto(`${server.origin}/pages/deep/host.html`);
      await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1')), { timeout: 30_000 }).toBe(true);
      const frame = page.frames().find((f) => f.url().includes('embed=1'))!;
      expect(new URL(frame.url()).pathname).toBe('/atlas/');
      // The whole atlas, the selected line's halo (deck.gl's) too.
      await frame.waitForFunction(() => Boolean(window.__atlas?.ready) && (window.__atlas?.atlasIdleAt ?? 0) > 0, undefined, { timeout: 60_000 });
      await frame.evaluate(() => new Promise<void>((done) => (window.__atlas!.map.loaded() && !window.__atlas!.map.isMoving() ? done() : window.__atlas!.map.once('idle', () => done()))));
      // The map drew (tiles and the thematic layers, from the atlas's own path) and its controls are there.
      const drawn = await frame.evaluate(() => ({
        tiles: window.__atlas!.map.areTilesLoaded(),
        layers: window.__atlas!.map.queryRenderedFeatures().length,
        legend: Boolean(document.querySelector('[data-testid="map-legend"]')),
        panel: Boolean(document.querySelector('[data-testid="side-panel"]')),
        link: (document.querySelector('[data-testid="embed-full-atlas"]') as HTMLAnchorElement | null)?.href ?? '',
      }));
      expect(drawn.tiles).toBe(true);
      expect(drawn.layers).toBeGreaterThan(100);
      expect(drawn.legend).toBe(true);
      expect(drawn.panel).toBe(false);
      expect(drawn.link.startsWith(`${server.origin}/atlas/?project=${PROJECT}`)).toBe(true);
      expect(drawn.link).not.toContain('embed');
      // Every file the embed asked for came from the atlas's folder (nothing from the host's root or elsewhere).
      const strays = requests.filter((u) => !u.startsWith(`${server.origin}/atlas/`) && u !== `${server.origin}/pages/deep/host.html` && !/^(data|blob):/.test(u));
      expect(strays).toEqual([]);
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/embed.png' });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
      rmSync(host, { recursive: true, force: true });
    }
  });
});

/**
 * Offline after the first load (src/sw.ts, src/pwa.ts): the built app is served by a server of this
 * test's own (a copy of dist/), loaded once until its service worker controls the page; then the
 * server is shut and the browser set offline. A PNG, a PDF and a PPTX export still come out whole,
 * a reload opens the atlas, and a second visit (a new tab) too. The deeper tiles arrive in the
 * background. A new build on the server shows "new version — reload" and replaces the running one
 * only when asked.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { TILE_PRECACHE_MAXZOOM } from '../../src/domain/tile-runs.ts';
import type { RunOptions } from '../../src/ui/export/api.ts';
import { atlasDrawn, launch, RESULTS_DIR, type Session } from './browser.ts';

const SLOW = { timeout: 600_000 };
const BAOTOU = '?region=150200#map=5.6/41.3/111.5';

const dirs: string[] = [];
const sessions: Session[] = [];
const servers: StaticServer[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
  for (const s of servers) await shut(s).catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the built app (the test may change it) and a server for it. */
async function serveCopy(): Promise<{ dir: string; server: StaticServer }> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-offline-'));
  dirs.push(dir);
  cpSync('dist', dir, { recursive: true });
  const server = await serveStatic({ '': dir }, { 'cache-control': 'no-cache' });
  servers.push(server);
  return { dir, server };
}

/** The server goes away: no new connection, and the open ones are cut. */
async function shut(s: StaticServer): Promise<void> {
  s.server.closeAllConnections();
  await s.close();
}

async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 120_000 });
}

async function exportFile(page: Page, opts: RunOptions): Promise<Buffer> {
  await page.waitForFunction(() => Boolean(window.__planExport), undefined, { timeout: 90_000 });
  const r = await page.evaluate((o) => window.__planExport!.run(o), opts);
  return Buffer.from(r.base64, 'base64');
}

const deepTiles = (): number =>
  readdirSync('dist/tiles')
    .filter((z) => Number(z) > TILE_PRECACHE_MAXZOOM)
    .reduce((n, z) => n + readdirSync(join('dist/tiles', z)).reduce((m, x) => m + readdirSync(join('dist/tiles', z, x)).length, 0), 0);

describe('offline after the first load', SLOW, () => {
  it('exports PNG, PDF and PPTX with the server gone and the network cut; a reload and a second visit open the atlas', async () => {
    const { server } = await serveCopy();
    const session = await launch([], { serviceWorkers: 'allow' });
    sessions.push(session);
    const page = await session.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.origin}/${BAOTOU}`);
    await atlasDrawn(page);
    await controlled(page);

    // The deeper tiles arrive in the background (src/sw.ts): all of them, in the tiles' cache.
    const expected = deepTiles();
    const t0 = Date.now();
    await expect
      .poll(() => page.evaluate(async () => {
        const name = (await caches.keys()).find((k) => k.startsWith('atlas-tiles-'));
        return name ? (await (await caches.open(name)).keys()).length : 0;
      }), { timeout: 240_000, interval: 1000 })
      .toBe(expected);
    console.log(`[offline] ${expected} deeper tiles cached in the background in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    await shut(server);
    await session.context.setOffline(true);

    const png = PNG.sync.read(await exportFile(page, { format: 'png', size: '1920x1080' }));
    expect([png.width, png.height]).toEqual([1920, 1080]);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const pdfPath = join(RESULTS_DIR, 'offline.pdf');
    writeFileSync(pdfPath, await exportFile(page, { format: 'pdf', size: 'a4-landscape-150' }));
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })).toContain('包头市 · 规划项目');

    const zip = await JSZip.loadAsync(await exportFile(page, { format: 'pptx', size: '1920x1080' }));
    expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(1);
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('包头市');

    // The same through the dialog, as a person does it: a PDF download.
    await page.getByTestId('export-open').click();
    await page.getByTestId('format-pdf').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-run').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.keyboard.press('Escape');

    // A reload with no server and no network opens the atlas.
    await page.reload();
    await atlasDrawn(page);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    await page.screenshot({ path: join(RESULTS_DIR, 'offline-reload.png') });

    // A second visit: a new tab on the atlas's address.
    const second = await session.context.newPage();
    await second.goto(`${server.origin}/?lang=en#map=7.2/40.7/110`);
    await atlasDrawn(second);
    expect(await second.evaluate(() => document.documentElement.lang)).toBe('en');
    await second.screenshot({ path: join(RESULTS_DIR, 'offline-second-visit.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a new build on the server: "new version — reload", and the new one runs only after the click', async () => {
    const { dir, server } = await serveCopy();
    const session = await launch([], { serviceWorkers: 'allow' });
    sessions.push(session);
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/`);
    await atlasDrawn(page);
    await controlled(page);
    const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

    // A new version: another service worker script (its precache list is what changes with a build).
    appendFileSync(join(dir, 'sw.js'), '\n// next build\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByTestId('update-banner');
    await expect.poll(() => banner.isVisible(), { timeout: 120_000 }).toBe(true);
    expect(await banner.textContent()).toContain('地图集有新版本');
    // Not taken over behind the user's back: the page still runs on the first worker, the new one waits.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'offline-update-banner.png') });

    await Promise.all([page.waitForEvent('load', { timeout: 120_000 }), page.getByTestId('update-reload').click()]);
    await atlasDrawn(page);
    await controlled(page);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(false);
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    expect(first).toMatch(/sw\.js$/);
  });
});

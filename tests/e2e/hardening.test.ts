/**
 * The second round of hardening, as a hostile user tried it, in the built app: importing an old
 * views file after a rename keeps both views and says so (also after a reload); a views or layer
 * file nested 100,000 deep is refused with a reason in the UI's language and nothing is thrown;
 * the previous message is cleared while a large views file is read; a large layer file is read in a
 * worker with progress and a cancel, and the page is not blocked meanwhile; a full storage (a small
 * quota set by this test) is said, and nothing already saved is lost; a right-to-left override in
 * a link's value stays inside its <bdi>.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launch, openPage, RESULTS_DIR, waitForMapIdle, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const START = '?layers=none#map=5.5/41/111';
const SLOW = { timeout: 300_000 };

let session: Session;
beforeEach(async () => {
  session = await launch();
});
afterEach(async () => {
  await session?.close();
});

async function ready(page: Page): Promise<void> {
  await waitForMapIdle(page);
  // deck.gl's overlay is mounted in idle time after the atlas is drawn: part of the page's start.
  await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0 && Boolean(window.__atlas?.overlay) && Boolean(document.querySelector('[data-testid=views-open]:not([disabled])')), undefined, { timeout: 90_000 });
}

const viewNames = (page: Page) => page.getByTestId('view-name-text').allTextContents();
const viewsMessage = (page: Page) => page.getByTestId('views-message');

async function saveView(page: Page, name: string): Promise<void> {
  await page.getByTestId('view-name').fill(name);
  await page.getByTestId('view-save').click();
}

/** Long tasks of the page's main thread from now on, read back by `longTasks`. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long);

describe('saved views are never lost', SLOW, () => {
  it('an old export imported after a rename: both views kept, said, and still there after a reload', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await page.getByTestId('views-open').click();
    await saveView(page, '包头概览');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('views-export-json').click()]);
    const old = readFileSync((await download.path())!);

    await page.getByRole('button', { name: '重命名“包头概览”' }).click();
    await page.getByTestId('view-rename-input').fill('包头（新）');
    await page.getByTestId('view-rename-input').press('Enter');
    expect(await viewNames(page)).toEqual(['包头（新）']);

    await page.getByTestId('views-import').setInputFiles({ name: 'old-views.json', mimeType: 'application/json', buffer: old });
    await expect.poll(() => viewNames(page)).toEqual(['包头（新）', '包头概览']);
    const said = (await viewsMessage(page).textContent()) ?? '';
    expect(said).toContain('文件中有 1 个视图与您已有的视图编号相同但内容不同');
    expect(said).toContain('两者都已保留');
    expect(said).toContain('“包头概览”');

    // The same file once more: nothing added, nothing replaced.
    await page.getByTestId('views-import').setInputFiles({ name: 'old-views.json', mimeType: 'application/json', buffer: old });
    await expect.poll(() => viewsMessage(page).textContent()).toContain('1 个视图与文件中的完全相同');
    expect(await viewNames(page)).toEqual(['包头（新）', '包头概览']);

    await page.reload();
    await ready(page);
    await page.getByTestId('views-open').click();
    expect(await viewNames(page)).toEqual(['包头（新）', '包头概览']);
    expect(rec.pageErrors).toEqual([]);
  });

  it('a full storage (a small quota set by this test) is said, and the views already saved survive', async () => {
    // Test-only quota: the views key takes at most 3,000 characters, as a nearly full browser would.
    await session.context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'plan-atlas:saved-views' && value.length > 3000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await page.getByTestId('views-open').click();
    await saveView(page, '甲');
    await saveView(page, '乙');
    expect(await page.getByTestId('views-storage-error').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('views-export-json').click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { views: { id: string; name: string }[] };
    // Twelve more views (new ids): the list no longer fits the quota.
    file.views = Array.from({ length: 12 }, (_, i) => ({ ...file.views[0]!, id: `more-${i}`, name: `视图 ${i + 1}` }));
    await page.getByTestId('views-import').setInputFiles({ name: 'more.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => page.getByTestId('views-storage-error').getAttribute('data-kind')).toBe('quota');
    expect(await page.getByTestId('views-storage-error').textContent()).toContain('存储空间已满');
    expect(await viewsMessage(page).textContent()).toContain('仅在本次会话中保留');
    expect(await viewNames(page)).toHaveLength(14);
    await page.screenshot({ path: join(RESULTS_DIR, 'hardening-quota.png') });

    // What was saved before is still stored: a reload shows it.
    await page.reload();
    await ready(page);
    await page.getByTestId('views-open').click();
    expect(await viewNames(page)).toEqual(['甲', '乙']);
    expect(rec.pageErrors).toEqual([]);
  });
});

describe('hostile files', SLOW, () => {
  it('nested 100,000 deep: refused with a reason in Chinese, for views and for layers, nothing thrown', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    const deep = Buffer.from(`{"a":${'['.repeat(100_000)}`);
    await page.getByTestId('views-open').click();
    await page.getByTestId('views-import').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: deep });
    await expect.poll(() => viewsMessage(page).getAttribute('data-kind')).toBe('error');
    expect(await viewsMessage(page).textContent()).toContain('数组或对象嵌套了 100001 层（第 1 行第 69 列）');

    // A large valid file next: the old error goes at once, and its progress shows while it is read.
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      new MutationObserver(() => {
        const progress = document.querySelector('[data-testid=views-progress]');
        const message = document.querySelector('[data-testid=views-message]');
        if (progress) w.__seen.push(message ? 'progress+message' : 'progress');
      }).observe(document.body, { subtree: true, childList: true });
    });
    const big = JSON.parse(`{"format":"plan-atlas-views","version":2,"views":[]}`) as Record<string, unknown>;
    big.notes = 'x'.repeat(8 * 1024 * 1024);
    await page.getByTestId('views-import').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await expect.poll(() => viewsMessage(page).getAttribute('data-kind'), { timeout: 60_000 }).toBe('ok');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toContain('progress');
    expect(seen).not.toContain('progress+message');
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-layers').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'deep.geojson', mimeType: 'application/geo+json', buffer: deep });
    await expect.poll(() => page.getByTestId('import-notice').getAttribute('data-kind')).toBe('error');
    expect(await page.getByTestId('import-notice').textContent()).toContain('数组或对象嵌套了 100001 层');
    expect(rec.pageErrors).toEqual([]);
  });

  it('a large layer is read in a worker: progress, a cancel that changes nothing, and no long task meanwhile', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    // About 9 MB: one polygon of 400,000 vertices around Baotou (valid; the checks take a while).
    const n = 400_000;
    const ring = Array.from({ length: n }, (_, i) => [+(110 + 0.5 * Math.cos((2 * Math.PI * i) / n)).toFixed(6), +(40.8 + 0.3 * Math.sin((2 * Math.PI * i) / n)).toFixed(6)]);
    ring.push(ring[0]!);
    const file = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '大片区' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    // Given by path (the browser reads it as a person's pick would); a buffer would be copied into the page by a script.
    const path = join(mkdtempSync(join(tmpdir(), 'plan-atlas-big-')), 'big.geojson');
    writeFileSync(path, file);

    await page.getByTestId('tab-layers').click();
    await watchLongTasks(page);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: join(RESULTS_DIR, 'hardening-import-progress.png') });
    await page.getByTestId('import-cancel').click();
    await expect.poll(() => page.getByTestId('import-notice').textContent()).toContain('已取消导入“big.geojson”；没有任何改动。');
    const t1 = await page.evaluate(() => performance.now());
    expect(await page.getByTestId('user-layer-name').count()).toBe(0);
    const during = (await longTasks(page)).filter((l) => l.start >= t0 && l.start <= t1);
    console.log(`[hardening] cancelled after ${Math.round(t1 - t0)} ms; long tasks meanwhile: ${JSON.stringify(during.map((l) => Math.round(l.duration)))}`);
    expect(Math.max(0, ...during.map((l) => l.duration))).toBeLessThanOrEqual(200);

    // After the cancel, the next file goes in as usual.
    const small = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '站' }, geometry: { type: 'Point', coordinates: [109.84, 40.66] } }] };
    await page.getByTestId('import-file').setInputFiles({ name: 'small.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(small)) });
    await expect.poll(() => page.getByTestId('user-layer-name').allTextContents()).toEqual(['small']);
    expect(rec.pageErrors).toEqual([]);
  });

  it('a right-to-left override in a link value stays inside its <bdi>', async () => {
    const { page } = await openPage(session, baseUrl, '?lang=%E2%80%AEevil');
    const notice = page.getByTestId('url-notice');
    await notice.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await notice.locator('bdi').allTextContents()).toEqual(['\u202Eevil']);
    const item = (await notice.locator('li').textContent()) ?? '';
    expect(item).toBe('语言 lang: “\u202Eevil”格式不对');
    await page.screenshot({ path: join(RESULTS_DIR, 'hardening-rlo-notice.png'), timeout: 60_000 });
  });
});

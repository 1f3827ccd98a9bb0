/**
 * The analysts' tools in the built app, driven as a person would: corridor analysis of the
 * 锡林郭勒盟至山东 UHV line at 30 km down to an XLSX that is read back (a zip with the counties in
 * its sheet) and the buffer drawn on the map; the project table's rows and the map's selection
 * following each other; the measure tool's two-click distance, and clicks selecting again after Esc.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { distance } from '@turf/turf';
import { describe, expect, inject, it } from 'vitest';
import { assertClean, atlasDrawn, openPage, pagePointOf, RESULTS_DIR, screenshot, sessionForFile, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();
const UHV = 'power-xilinguole-shandong-uhv';

/** deck.gl's layers in drawing order, by id (the overlay's deck instance holds them). */
async function layerOrder(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlay = window.__atlas!.overlay as unknown as { _deck?: { props: { layers: { id: string }[] } } } | null;
    return (overlay?._deck?.props.layers ?? []).flat(Infinity as 1).map((l) => l.id);
  });
}

describe('corridor analysis', () => {
  it('selects the UHV line by search, sets 30 km, lists the counties, draws the buffer and downloads an XLSX with them', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    await page.getByTestId('search-input').fill('锡林郭勒盟至山东');
    await page.getByTestId('search-results').getByText('锡林郭勒盟至山东特高压外送电通道').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(UHV);

    // The machine running the tests may be slow: the first corridor (list and buffer) may take seconds there.
    await page.getByTestId('corridor-toggle').click({ timeout: 90_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('corridor')).toBe('50');
    const km = page.getByTestId('corridor-km');
    await km.fill('30', { timeout: 90_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('corridor')).toBe('30');

    // The counties within 30 km, grouped under their league (tests/unit/corridor.test.ts checks the geometry).
    const xilin = page.locator('tbody[data-league="152500"]');
    await expect.poll(() => xilin.locator('.corridor__county th').allTextContents()).toEqual(['多伦县', '正蓝旗']);
    expect(await page.locator('tbody[data-league="150400"]').count()).toBe(0);

    // The buffer is part of what the state draws: the live map has it under the plan's layers.
    await waitForMapIdle(page);
    const ids = await layerOrder(page);
    expect(ids.indexOf('corridor-fill')).toBeGreaterThanOrEqual(0);
    // Under the plan's lines, symbols and labels (MapLibre's layers: style-themes.ts).
    const beforeId = await page.evaluate(() => {
      const overlay = window.__atlas!.overlay as unknown as { _deck?: { props: { layers: { id: string; props: { beforeId?: string } }[] } } } | null;
      return (overlay?._deck?.props.layers ?? []).flat(Infinity as 1).find((l) => l.id === 'corridor-fill')?.props.beforeId;
    });
    expect(beforeId).toBe('theme-lines-casing');
    await xilin.scrollIntoViewIfNeeded();
    await screenshot(page, 'analyst-corridor.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('corridor-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^走廊分析 锡林郭勒盟至山东特高压外送电通道 30千米 \d{4}-\d\d-\d\d\.xlsx$/);
    const file = join(RESULTS_DIR, 'analyst-corridor.xlsx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files)).toContain('xl/workbook.xml');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Strings may sit inline or in the shared-strings table: read both.
    const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const text = sheet + shared;
    for (const name of ['锡林郭勒盟', '多伦县', '正蓝旗', '北京市', '济南市']) expect(text, name).toContain(name);
    expect(text).not.toContain('克什克腾旗');
    assertClean(rec);
    await page.close();
  });
});

describe('a link with a corridor', () => {
  it("draws it from the first load (the buffer's code loaded on demand) and exports it: the SVG's legend names it", async () => {
    const { page, rec } = await openPage(session(), baseUrl, `?project=${UHV}&corridor=30`);
    await atlasDrawn(page);
    await expect.poll(() => layerOrder(page), { timeout: 60_000 }).toContain('corridor-fill');
    await page.waitForFunction(() => Boolean(window.__planExport), undefined, { timeout: 90_000 });
    const r = await page.evaluate(() => window.__planExport!.run({ format: 'svg', size: '1920x1080' }));
    const svg = Buffer.from(r.base64, 'base64').toString('utf8');
    const legend = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return [...(doc.getElementById('legend')?.getElementsByTagName('text') ?? [])].map((t) => t.textContent);
    }, svg);
    // The legend has a corridor group only when the scene draws a corridor.
    expect(legend).toContain('走廊分析');
    assertClean(rec);
    await page.close();
  });
});

describe('the project table', () => {
  it('opens from the side panel; a row click selects on the map, a map selection moves the table', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    await page.getByTestId('open-table').click();
    const drawer = page.getByTestId('table-drawer');
    await drawer.waitFor();
    await drawer.getByRole('searchbox').fill('锡林郭勒盟至山东');
    const row = drawer.locator(`[role="row"][data-project="${UHV}"]`);
    await row.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(UHV);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    // The map highlights it (a halo under the selected line).
    await waitForMapIdle(page);
    expect(await layerOrder(page)).toContain('highlight-line');

    // The other way: a selection made elsewhere (the search) is the table's selected row.
    await drawer.getByRole('searchbox').fill('');
    await page.getByTestId('search-input').fill('包头至银川');
    await page.getByTestId('search-results').getByText('包头至银川高铁').first().click();
    const id = 'rail-baotou-yinchuan-hsr';
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(id);
    await expect.poll(() => drawer.locator(`[role="row"][data-project="${id}"]`).getAttribute('aria-selected')).toBe('true');

    // Keyboard: focus the grid, arrow down, Enter selects that row.
    await drawer.locator('[role="grid"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const first = await drawer.locator('[role="row"][data-project]').first().getAttribute('data-project');
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(first);
    await screenshot(page, 'analyst-table.png');

    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
    assertClean(rec);
    await page.close();
  });
});

describe('the measure tool', () => {
  it('measures a two-click distance; Esc leaves it and clicks select again', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?layers=none#map=6/41/111');
    await atlasDrawn(page);
    await page.getByTestId('open-measure').click();
    await page.getByTestId('measure-tool').waitFor();
    // 呼和浩特 and 包头, roughly.
    const a: [number, number] = [111.75, 40.84];
    const b: [number, number] = [109.84, 40.66];
    const pa = await pagePointOf(page, ...a);
    const pb = await pagePointOf(page, ...b);
    await page.mouse.click(pa.x, pa.y);
    await page.mouse.click(pb.x, pb.y);
    const total = await page.getByTestId('measure-total').textContent();
    const shown = Number(total!.replace(/[^\d.]/g, ''));
    // A click lands within a pixel of the point: at zoom 6 about 2 km; the two cities are 162 km apart.
    const expected = distance(a, b, { units: 'kilometers' });
    expect(Math.abs(shown - expected)).toBeLessThan(5);
    // Clicks while measuring select nothing.
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
    expect(await page.evaluate(() => window.__atlas!.map.getSource('measure') != null)).toBe(true);
    await screenshot(page, 'analyst-measure.png');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('measure-tool').count()).toBe(0);
    expect(await page.evaluate(() => window.__atlas!.map.getSource('measure') == null)).toBe(true);
    // Off: a click on the map selects the region under it again.
    await page.mouse.click(pa.x, pa.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).not.toBeNull();
    assertClean(rec);
    await page.close();
  });
});

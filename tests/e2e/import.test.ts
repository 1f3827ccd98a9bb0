/**
 * The user's own layers in a real browser: a GeoJSON from the file picker and a CSV dropped on the
 * map become layers with a toggle, a legend entry and pixels of their colour; their features are
 * listed in the region panel with how they touch the region; they survive a reload; a saved view
 * restores them (and says when one was removed); removing deletes them. Bad files (not JSON, JSON
 * but not GeoJSON, latitude 95, too large) are refused with a message naming the problem and the
 * feature or row, and change nothing. A full storage is reported. Names and descriptions full of
 * classic XSS payloads show as text and nothing runs. Each test has a fresh browser profile.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { assertClean, canvasColourShares, freePointIn, launch, openPage, pagePointOf, screenshot, waitForMapIdle, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
/** The first two colours of the imported layers' palette (src/map/imported-layers.ts). */
const MAGENTA = '#d60082';
const VIOLET = '#6e28dc';

let session: Session;
beforeEach(async () => {
  session = await launch();
});
afterEach(async () => {
  await session?.close();
});

const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const geojson = (features: unknown[]) => Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

/** A station in Baotou, a line from Ordos across Baotou to Hohhot, an area in Baotou's north. */
const STATIONS = geojson([
  feature({ type: 'Point', coordinates: [109.84, 40.66] }, { name: '测试站点', description: '用户自己的站点' }),
  feature({ type: 'LineString', coordinates: [[109.2, 40.3], [110.8, 40.9]] }, { name: '测试线路' }),
  feature({ type: 'Polygon', coordinates: [[[109.9, 41.2], [110.3, 41.2], [110.3, 41.5], [109.9, 41.5], [109.9, 41.2]]] }, { name: '测试片区' }),
]);

/** Baotou and its surroundings at a zoom where clicks select leagues; no thematic layers (clean pixels). */
const START = '?layers=none#map=6.3/40.9/110.3';

async function ready(page: Page): Promise<void> {
  await waitForMapIdle(page);
  await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
}

async function pickFile(page: Page, name: string, buffer: Buffer, mimeType = 'application/geo+json'): Promise<void> {
  await page.getByTestId('tab-layers').click();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
}

/** Clicks a free point of Baotou at a zoom where clicks select leagues, not counties. */
async function clickBaotou(page: Page): Promise<void> {
  await page.getByTestId('tab-details').click();
  await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [110.3, 40.9], zoom: 5.5 }));
  await waitForMapIdle(page);
  const p = await freePointIn(page, '150200');
  await page.mouse.click(p.x, p.y);
  await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
}

async function share(page: Page, colour: string): Promise<number> {
  await waitForMapIdle(page);
  return (await canvasColourShares(page, { c: colour }, 12)).c;
}

const names = (page: Page) => page.getByTestId('user-layer-name').allTextContents();
const notice = (page: Page) => page.getByTestId('import-notice');

/** SwiftShader on 2 shared cores: a test here takes 30–100 s. */
const SLOW = { timeout: 240_000 };

describe('importing a layer', SLOW, () => {
  it('a GeoJSON from the file picker: a layer with its toggle, legend entry and pixels', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    expect(await share(page, MAGENTA)).toBe(0);
    await pickFile(page, 'my-stations.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['my-stations']);
    expect(await page.getByTestId('user-layer-count').textContent()).toBe('3');
    await expect.poll(() => notice(page).getAttribute('data-kind')).toBe('ok');
    expect(await notice(page).textContent()).toContain('已导入“my-stations”：3 个要素');
    // Legend: one block for the layer, one row per kind drawn.
    const legend = page.getByTestId('legend-user-layer');
    await expect.poll(() => legend.count()).toBe(1);
    expect(await legend.locator('h4').textContent()).toBe('my-stations');
    expect(await legend.locator('li').allTextContents()).toEqual(['面 (1)', '线 (1)', '点 (1)']);
    // Brought into view and drawn in its colour.
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [110.3, 40.9], zoom: 6.3 }));
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBeGreaterThan(0.0002);
    // Good news goes by itself (problems stay until dismissed: see the bad files below).
    await expect.poll(() => notice(page).count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'h6-import-layer-on.png');

    // Toggle off: no pixels, no legend entry; on again: both back.
    await page.getByTestId('user-layer-toggle').uncheck();
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBe(0);
    expect(await legend.count()).toBe(0);
    await page.getByTestId('user-layer-toggle').check();
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBeGreaterThan(0.0002);
    expect(await legend.count()).toBe(1);
    assertClean(rec);
    await page.close();
  });

  it('its features in the tooltip and in the region panel, with how they touch the region', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'my-stations.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['my-stations']);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [110.3, 40.9], zoom: 6.3 }));
    await waitForMapIdle(page);

    // Hover the station: its name and layer in the tooltip.
    const station = await pagePointOf(page, 109.84, 40.66);
    await page.mouse.move(station.x - 2, station.y);
    await page.mouse.move(station.x, station.y);
    await expect.poll(() => page.getByTestId('map-tooltip').textContent()).toBe('测试站点my-stations · 用户自己的站点');

    // Click Baotou: the region panel lists the features touching it, and how.
    await clickBaotou(page);
    const section = page.getByTestId('region-user-features');
    await expect.poll(() => section.getByTestId('region-user-feature-name').allTextContents()).toEqual(['测试站点', '测试线路', '测试片区']);
    const rows = section.getByTestId('region-user-feature');
    expect(await rows.nth(0).locator('[data-relation]').allTextContents()).toEqual(['位于其中']);
    expect(await rows.nth(1).locator('[data-relation]').textContent()).toMatch(/^穿过 [\d.]+ 千米$/);
    // The area lies wholly inside Baotou: it lies in it, it does not "cover part" of it.
    expect(await rows.nth(2).locator('[data-relation]').allTextContents()).toEqual(['位于其中']);
    expect(await section.getByTestId('region-user-feature-description').textContent()).toBe('用户自己的站点');
    await page.mouse.move(1100, 780);
    await waitForMapIdle(page);
    await screenshot(page, 'h6-import-region-panel.png');
    // Inner Mongolia holds the whole line: it lies in it, with its whole length (not "穿过").
    await page.locator('[data-testid="region-parent"] a, [data-testid="region-parent"] button').first().click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('内蒙古自治区');
    const line = section.getByTestId('region-user-feature').filter({ hasText: '测试线路' });
    await expect.poll(() => line.locator('[data-relation]').allTextContents()).toEqual([expect.stringMatching(/^位于其中，全长 [\d.]+ 千米$/)]);
    // Hidden layers are not listed.
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('user-layer-toggle').uncheck();
    await page.getByTestId('tab-details').click();
    expect(await section.count()).toBe(0);
    assertClean(rec);
    await page.close();
  });

  it('kept across a reload; a saved view restores it; removed, it is gone for good and the view says so', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'my-stations.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['my-stations']);

    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('tab-layers').click();
    await expect.poll(() => names(page)).toEqual(['my-stations']);
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBeGreaterThan(0.0002);

    // A saved view with the layer on; hide the layer; reopening the view shows it again.
    await page.getByTestId('views-open').click();
    await page.getByTestId('view-name').fill('我的站点');
    await page.getByTestId('view-save').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-layer-toggle').uncheck();
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBe(0);
    await page.getByTestId('views-open').click();
    await page.locator('.views-open').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('user-layer-toggle').isChecked()).toBe(true);
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBeGreaterThan(0.0002);
    // The file format records it (version 2).
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('plan-atlas:saved-views') ?? '{}'));
    expect(stored.version).toBe(2);
    expect(stored.views[0].imported).toEqual([{ id: expect.stringMatching(/^u-/), name: 'my-stations' }]);

    // Remove (asks once more): gone from panel, legend and map, and after a reload.
    await page.getByTestId('user-layer-remove').click();
    await page.getByTestId('user-layer-remove-confirm').click();
    await expect.poll(() => names(page)).toEqual([]);
    expect(await page.getByTestId('legend-user-layer').count()).toBe(0);
    await expect.poll(() => share(page, MAGENTA), { timeout: 20_000 }).toBe(0);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('tab-layers').click();
    expect(await page.getByTestId('user-layers').textContent()).toContain('还没有导入图层');
    // The saved view names the layer that is gone.
    await page.getByTestId('views-open').click();
    await page.locator('.views-open').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => notice(page).textContent()).toContain('此保存的视图包含已被移除的导入图层：“my-stations”');
    expect(await notice(page).getAttribute('data-kind')).toBe('warning');
    assertClean(rec);
    await page.close();
  });

  it('a CSV with 经度/纬度 columns dropped on the map becomes a second layer in its own colour', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'first.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['first']);
    // Dragging files over the map shows the drop hint; the drop imports them.
    const csv = '名称,经度,纬度,说明\n包头东站,110.05,40.6,"东河区, 测试"\n呼和浩特站,111.67,40.83,\n乌海站,106.82,39.66,\n';
    const dt = await page.evaluateHandle((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], '车站.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    const dragOver = await page.evaluate((dt) => {
      const map = document.querySelector('.atlas-map')!;
      map.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      map.dispatchEvent(over);
      return over.defaultPrevented;
    }, dt);
    expect(dragOver).toBe(true);
    await expect.poll(() => page.getByTestId('map-drop').textContent()).toBe('松开即可导入 GeoJSON 或 CSV 文件');
    // Dropped on the side panel: caught (the browser does not leave the atlas) but not imported.
    const caught = await page.evaluate((dt) => {
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.querySelector('.side-panel')!.dispatchEvent(drop);
      return drop.defaultPrevented;
    }, dt);
    expect(caught).toBe(true);
    await page.waitForTimeout(500);
    expect(await names(page)).toEqual(['first']);
    await page.evaluate((dt) => document.querySelector('.atlas-map')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })), dt);
    await expect.poll(() => names(page)).toEqual(['first', '车站']);
    expect(await page.getByTestId('user-layer-count').allTextContents()).toEqual(['3', '3']);
    expect(await page.getByTestId('map-drop').count()).toBe(0);
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [109.5, 40.4], zoom: 6 }));
    await expect.poll(() => share(page, VIOLET), { timeout: 20_000 }).toBeGreaterThan(0.0001);
    expect(await page.getByTestId('legend-user-layer').locator('h4').allTextContents()).toEqual(['first', '车站']);
    await screenshot(page, 'h6-import-two-layers.png');
    // The dropped CSV's row in Baotou's panel, with its description.
    await clickBaotou(page);
    const section = page.getByTestId('region-user-features');
    await expect.poll(() => section.getByTestId('region-user-feature-name').allTextContents()).toEqual(['测试站点', '测试线路', '测试片区', '包头东站']);
    expect(await section.getByTestId('region-user-feature-description').allTextContents()).toEqual(['用户自己的站点', '东河区, 测试']);
    assertClean(rec);
    await page.close();
  });
});

describe('bad files', SLOW, () => {
  it('are refused with the problem and the feature or row named, and nothing that was there changes', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'good.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['good']);
    const before = await share(page, MAGENTA);
    expect(before).toBeGreaterThan(0);
    // The problems are worded in the UI's language (src/ui/import/problem-text.ts).
    const cases: [string, Buffer, RegExp][] = [
      // Where and why in Chinese, not the browser parser's English ("Unexpected token …").
      ['notes.geojson', Buffer.from('this is not JSON'), /不是有效的 JSON：第 1 行第 1 列，无法识别的字符（此处的文字：this is not JSON）/],
      ['cut.geojson', Buffer.from('{"type": "FeatureCollection", "features": [{"type": "Feature"'), /不是有效的 JSON：文件在 JSON 结束之前就结束了（可能不完整）/],
      ['data.json', Buffer.from(JSON.stringify({ rows: [1, 2, 3] })), /不是 GeoJSON：该 JSON 对象没有 "type"/],
      ['topo.json', Buffer.from(JSON.stringify({ type: 'Topology', objects: {} })), /不是 GeoJSON：类型 "Topology" 不是/],
      ['north.geojson', geojson([feature({ type: 'Point', coordinates: [110, 40] }), feature({ type: 'Point', coordinates: [110, 95] }, { name: '北极' })]), /第 2 个要素（北极）：坐标 \[110, 95\] 超出范围/],
      ['north.csv', Buffer.from('name,lon,lat\nok,110,40\nnorth,110,95\n'), /第 3 行（north）：坐标 \[110, 95\] 超出范围/],
      ['huge.geojson', Buffer.alloc(11 * 1024 * 1024, 32), /文件大小为 11\.0 MB，最多只能导入 10 MB/],
      ['places.kml', Buffer.from('<kml/>'), /不支持 "\.kml" 类型的文件/],
    ];
    for (const [name, buffer, problem] of cases) {
      await pickFile(page, name, buffer);
      await expect.poll(() => notice(page).textContent(), { timeout: 20_000 }).toContain(`未导入“${name}”，地图上原有的内容没有改变`);
      expect(await notice(page).getAttribute('data-kind')).toBe('error');
      expect(await notice(page).getAttribute('role')).toBe('alert');
      expect(await notice(page).textContent()).toMatch(problem);
      expect(await names(page)).toEqual(['good']);
      await page.getByTestId('import-notice-dismiss').click();
    }
    expect(await share(page, MAGENTA)).toBeCloseTo(before, 5);
    await pickFile(page, 'north.geojson', cases[4]![1]);
    // The callout shows the file's progress first (it is checked in a worker), then its problems.
    await expect.poll(() => notice(page).locator('li').allTextContents()).toEqual(['第 2 个要素（北极）：坐标 [110, 95] 超出范围（经度 −180…180，纬度 −90…90）']);
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h6-import-refused.png');
    // The open notice follows the language: the same problem in English.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => notice(page).locator('li').allTextContents()).toEqual(['feature 2 (北极): coordinates [110, 95] are out of range (longitude −180…180, latitude −90…90)']);
    expect(await notice(page).textContent()).toContain('“north.geojson” was not imported; nothing on the map changed.');
    await screenshot(page, 'h6-import-refused-en.png');
    assertClean(rec);
    await page.close();
  });

  it('a full storage is reported: the layer stays for this visit and the notice says it will not survive a reload', async () => {
    await session.context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'big.geojson', STATIONS);
    await expect.poll(() => notice(page).getAttribute('data-kind')).toBe('warning');
    expect(await notice(page).textContent()).toContain('图层“big”只在本次访问中可用：浏览器的存储空间已满（QuotaExceededError: The quota has been exceeded.）');
    expect(await names(page)).toEqual(['big']);
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('tab-layers').click();
    expect(await page.getByTestId('user-layers').textContent()).toContain('还没有导入图层');
    assertClean(rec);
    await page.close();
  });
});

/** Classic payloads; each would set window.__xss (or open a dialog) if it ever ran. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  'javascript:window.__xss=3',
  '<svg onload="window.__xss=4"></svg>',
  '"><iframe src="javascript:window.__xss=5"></iframe>',
  "{{constructor.constructor('window.__xss=6')()}}",
  '<a href="javascript:window.__xss=7">link</a>',
  '${window.__xss=8}',
  '<details open ontoggle="window.__xss=9">x</details>',
  '$t(import.heading) <style>*{display:none}</style>',
];

describe('imported names and descriptions', SLOW, () => {
  it('always render as text: the payloads show literally in the panel, legend, tooltip and notice, and nothing runs', async () => {
    const violations: string[] = [];
    await session.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { __violations: string[] }).__violations ??= []).push(e.violatedDirective));
    });
    const { page, rec } = await openPage(session, baseUrl, START);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await ready(page);
    const dangerous = () =>
      page.evaluate(() => document.querySelectorAll('img[src="x"], iframe, svg[onload], details[ontoggle], a[href^="javascript"], main script, aside script').length);
    const dangerousBefore = await dangerous();
    // Ten points in Baotou (two rows of five), named and described with the payloads.
    const features = PAYLOADS.map((p, i) => feature({ type: 'Point', coordinates: [109.7 + (i % 5) * 0.2, i < 5 ? 41.3 : 41.6] }, { name: p, description: `描述 ${p}` }));
    const fileName = '"><img src=x onerror=window.__xss=99>.geojson';
    await pickFile(page, fileName, geojson(features));
    await expect.poll(() => names(page)).toEqual(['"><img src=x onerror=window.__xss=99>']);
    expect(await notice(page).textContent()).toContain('已导入“"><img src=x onerror=window.__xss=99>”：10 个要素');
    expect(await page.getByTestId('legend-user-layer').locator('h4').textContent()).toBe('"><img src=x onerror=window.__xss=99>');
    // A refused file whose problems quote a payload.
    await pickFile(page, 'bad<img src=x onerror=window.__xss=98>.geojson', geojson([feature({ type: 'Point', coordinates: [500, 0] }, { name: '<img src=x onerror="window.__xss=97">' })]));
    await expect.poll(() => notice(page).textContent()).toContain('第 1 个要素（<img src=x onerror="window.__xss=97">）：坐标 [500, 0] 超出范围');
    expect(await notice(page).textContent()).toContain('未导入“bad<img src=x onerror=window.__xss=98>.geojson”');

    // Hover each point: the tooltip shows the payload as text.
    await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [110.1, 41.45], zoom: 8 }));
    await waitForMapIdle(page);
    for (const [i, p] of PAYLOADS.entries()) {
      const pt = await pagePointOf(page, 109.7 + (i % 5) * 0.2, i < 5 ? 41.3 : 41.6);
      await page.mouse.move(pt.x - 2, pt.y);
      await page.mouse.move(pt.x, pt.y);
      await expect.poll(() => page.locator('.atlas-map__tooltip-main').textContent()).toBe(p);
      expect(await page.locator('.atlas-map__tooltip-sub').textContent()).toBe(`"><img src=x onerror=window.__xss=99> · 描述 ${p}`);
    }

    // Click the region: every name and description as text.
    await clickBaotou(page);
    const section = page.getByTestId('region-user-features');
    await expect.poll(() => section.getByTestId('region-user-feature-name').allTextContents()).toEqual(PAYLOADS);
    expect(await section.getByTestId('region-user-feature-description').allTextContents()).toEqual(PAYLOADS.map((p) => `描述 ${p}`));
    expect(await section.locator('h4').textContent()).toBe('"><img src=x onerror=window.__xss=99>');
    await page.mouse.move(1100, 780);
    await waitForMapIdle(page);
    await screenshot(page, 'h6-import-xss-as-text.png');

    // Nothing ran, nothing was injected, no policy had to stop anything.
    await page.waitForTimeout(300);
    const outcome = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss ?? null, violations: (window as unknown as { __violations?: string[] }).__violations ?? [] }));
    violations.push(...outcome.violations);
    expect(outcome.xss).toBeNull();
    expect(violations).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await dangerous()).toBe(dangerousBefore);
    assertClean(rec);
    await page.close();
  });
});

describe('imported layers in exports', SLOW, () => {
  it('an export draws the imported layer and lists it in the legend, under its name', async () => {
    const { page, rec } = await openPage(session, baseUrl, START);
    await ready(page);
    await pickFile(page, 'my-stations.geojson', STATIONS);
    await expect.poll(() => names(page)).toEqual(['my-stations']);
    await waitForMapIdle(page);
    await page.waitForFunction(() => Boolean(window.__planExport));
    const r = await page.evaluate(() => window.__planExport!.run({ format: 'pptx', size: '1280x720' }));
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(Buffer.from(r.base64, 'base64'));
    const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(xml).toContain('my-stations');
    // Turned off, it leaves the export's legend.
    await page.getByTestId('user-layer-toggle').first().click();
    await waitForMapIdle(page);
    const off = await page.evaluate(() => window.__planExport!.run({ format: 'pptx', size: '1280x720' }));
    const xmlOff = await (await JSZip.loadAsync(Buffer.from(off.base64, 'base64'))).file('ppt/slides/slide1.xml')!.async('string');
    expect(xmlOff).not.toContain('my-stations');
    assertClean(rec);
  });
});

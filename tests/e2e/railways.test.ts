/**
 * OpenStreetMap's railways on the map and the railway projects drawn along them, in a real browser:
 * the basemap's railway lines and names (in both languages), and a surveyed project's panel.
 */
import { describe, expect, inject, it } from 'vitest';
import { assertClean, openPage, screenshot, sessionForFile, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();

/** Names MapLibre drew on railway lines (the basemap's `labels-railway` layer), text-field evaluated. */
async function railwayNames(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() =>
    window.__atlas!.map.queryRenderedFeatures({ layers: ['labels-railway'] }).map((f) => {
      const tf = (f.layer.layout as Record<string, unknown> | undefined)?.['text-field'];
      if (tf && typeof tf === 'object' && 'sections' in tf) return (tf as { sections: Array<{ text: string }> }).sections.map((x) => x.text).join('');
      return String(tf);
    }),
  );
}

describe('railways', () => {
  it('a surveyed railway project says so, and where its line comes from', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?project=rail-jitong-electrification-capacity#map=6/43.5/117');
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('project-precision').textContent(), { timeout: 60_000 }).toContain('实测走向');
    expect(await page.getByTestId('project-precision').textContent({ timeout: 60_000 })).toContain('沿线长约 900 千米');
    const source = page.getByTestId('project-geometry-source');
    await expect.poll(() => source.textContent({ timeout: 60_000 }), { timeout: 90_000 }).toContain('OpenStreetMap (ODbL) via kingtmc314/east-asia-railway-map');
    expect(await source.textContent({ timeout: 60_000 })).toContain('集通线');
    // The alignment's sources come with details.json.
    await expect.poll(() => source.getByRole('link').count()).toBe(2);
    await screenshot(page, 'railways-jitong.png');
    assertClean(rec);
    await page.close();
  });
  it('draws the network with its main lines named, in Chinese then in English', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?layers=none#map=7.5/41.2/113.4');
    await waitForMapIdle(page);
    const lines = await page.evaluate(() => window.__atlas!.map.queryRenderedFeatures({ layers: ['railways-main', 'railways-minor'] }).length);
    expect(lines).toBeGreaterThan(10);
    // Which names win label placement depends on collisions; some of the main lines through this view must be named.
    const mainLines = ['京包客专线', '京包线', '大秦线', '呼鄂线', '集二线', '集通线', '丰沙线', '京张高铁'];
    await expect.poll(async () => (await railwayNames(page)).filter((n) => mainLines.includes(n)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'railways-zh.png');
    await page.getByTestId('lang-en').click({ timeout: 90_000 });
    await waitForMapIdle(page);
    // OSM's English name where it has one (Daqin Line, Hu'e Line), else pinyin and the kind of line.
    await expect.poll(async () => (await railwayNames(page)).filter((n) => /^[A-Z][a-z'’]+(-[A-Za-z]+)? (Line|Railway|Passenger Line|High-speed Railway)$/.test(n)).length, { timeout: 60_000 }).toBeGreaterThan(0);
    expect((await railwayNames(page)).filter((n) => /[\u4e00-\u9fff]/.test(n)), 'no Chinese railway name left').toEqual([]);
    assertClean(rec);
    await page.close();
  });
});

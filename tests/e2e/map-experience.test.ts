/**
 * The map experience in a real browser: click a region and read its projects; click a project;
 * thematic layers on and off (pixels and legend); search in pinyin; the plan outline; the
 * choropleth; filters; deep links and back/forward; keyboard. Screenshots of a selected league, a
 * selected project and the outline in both languages go to test-results/.
 * Every page fails its test on a console error, a page error or a request to another host.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { interpolateMercator } from '../../src/domain/touches.ts';
import type { ProjectCollection } from '../../src/domain/types.ts';
import { assertClean, canvasColourShares, freePointIn, launch, choroplethOnMap, highlightedOnMap, openPage, pagePointOf, screenshot, waitForMapIdle, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const projects = JSON.parse(readFileSync('public/data/projects.geojson', 'utf8')) as ProjectCollection;

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function overlayLayerIds(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window.__atlas!.overlay as unknown as { _props: { layers: { id: string }[] } })._props.layers ?? []).map((l) => l.id));
}

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('regions', () => {
  it('clicking Baotou lists its projects grouped by chapter and measure, with a summary chart', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    const p = await freePointIn(page, '150200');
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    const list = page.getByTestId('region-project-list');
    await expect.poll(() => list.textContent()).toContain('包头至银川高铁');
    expect(await list.textContent()).toContain('第四章');
    expect(await page.getByTestId('region-summary').textContent()).toMatch(/^\d+ 个项目涉及该地区/);
    expect(await page.getByTestId('summary-chart').isVisible()).toBe(true);
    // How each touches Baotou: named, crosses (with km) …
    const row = list.locator('[data-project="rail-baotou-yinchuan-hsr"]').first();
    expect(await row.locator('[data-relation]').allTextContents()).toEqual(expect.arrayContaining(['规划点名', expect.stringMatching(/^穿过 [\d.]+ 千米$/)]));
    expect(await row.textContent()).toContain('开工建设');
    await expect.poll(() => query(page).get('region')).toBe('150200');
    // The region is outlined; its projects emphasised (the overlay carries the emphasis).
    await expect.poll(() => highlightedOnMap(page, 'selection')).toBe('150200');
    expect(await page.getByTestId('live-summary').textContent()).toMatch(/包头市.*\d+ 个规划项目/);
    await page.mouse.move(1100, 780);
    await waitForMapIdle(page);
    await screenshot(page, 'h4-selected-league-zh.png');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('Baotou');
    await expect.poll(() => list.textContent()).toContain('Baotou–Yinchuan high-speed railway');
    await waitForMapIdle(page);
    await screenshot(page, 'h4-selected-league-en.png');
    assertClean(rec);
    await page.close();
  });

  it('over one point of 固阳县, a hover and a click take 包头市 at zoom 6.3 and the county at 6.8', async () => {
    // County borders fade in from 6.0 and counties are labelled and clickable from COUNTY_ZOOM (6.5).
    const { page, rec } = await openPage(session, baseUrl, '?layers=none#map=6.3/41.1/110.2');
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    for (const [zoom, code, name] of [[6.3, '150200', '包头市'], [6.8, '150222', '固阳县'], [6.3, '150200', '包头市']] as const) {
      await page.evaluate((zoom) => window.__atlas!.map.jumpTo({ center: [110.2, 41.1], zoom }), zoom);
      await waitForMapIdle(page);
      const p = await pagePointOf(page, 110.2, 41.1);
      await page.mouse.move(p.x - 4, p.y);
      await page.mouse.move(p.x, p.y);
      await expect.poll(() => page.getByTestId('map-tooltip').textContent(), { message: `hover at ${zoom}` }).toBe(name);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => page.getByTestId('region-card').getAttribute('data-code'), { message: `click at ${zoom}` }).toBe(code);
      // The map outlines what the panel shows.
      await expect.poll(() => highlightedOnMap(page, 'selection')).toBe(code);
      await waitForMapIdle(page);
      await screenshot(page, `h-fixes-click-${zoom}.png`);
    }
    assertClean(rec);
    await page.close();
  });

  it('a county when zoomed in; the choropleth shades leagues by project counts, with its legend', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?choro=all#map=7.2/40.9/110.3');
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    expect(await page.getByTestId('legend-choropleth').textContent()).toContain('全部项目');
    // Every league and county with projects is shaded on the map, in the legend's classes.
    await expect.poll(async () => Object.keys(await choroplethOnMap(page)).length).toBeGreaterThan(100);
    const shaded = await choroplethOnMap(page);
    expect(shaded['150200']).toMatch(/^#[0-9a-f]{6}$/);
    expect(shaded['150222']).toMatch(/^#[0-9a-f]{6}$/);
    const p = await freePointIn(page, '150222');
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('region-card').getAttribute('data-code')).toBe('150222');
    expect(await page.getByTestId('region-level').textContent()).toContain('县级');
    // Theme choropleth from the layer panel.
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('choropleth-select').selectOption('railways');
    await expect.poll(() => page.getByTestId('legend-choropleth').textContent()).toContain('铁路');
    await expect.poll(() => query(page).get('choro')).toBe('railways');
    await expect.poll(async () => JSON.stringify(await choroplethOnMap(page))).not.toBe(JSON.stringify(shaded));
    await page.getByTestId('choropleth-select').selectOption('');
    await expect.poll(() => page.getByTestId('legend-choropleth').count()).toBe(0);
    await expect.poll(async () => Object.keys(await choroplethOnMap(page)).length).toBe(0);
    assertClean(rec);
    await page.close();
  });
});

describe('projects', () => {
  it('clicking a line on the map selects its project, highlights it and shows its measure, stage, precision and regions', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?layers=railways#map=7/39.6/106.8');
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    await waitForMapIdle(page);
    // The Wuhai–Yinchuan leg of the Baotou–Yinchuan line, drawn along the real railway: the leg nearest the view's centre.
    const line = projects.features.find((f) => f.id === 'rail-baotou-yinchuan-hsr')!.geometry.coordinates as number[][];
    let i = 0;
    for (let k = 0; k + 1 < line.length; k++) if (Math.hypot(line[k]![0]! - 106.8, line[k]![1]! - 39.6) < Math.hypot(line[i]![0]! - 106.8, line[i]![1]! - 39.6)) i = k;
    const [lng, lat] = interpolateMercator(line[i]!, line[i + 1]!, 0.5) as [number, number];
    const pt = await pagePointOf(page, lng, lat);
    await page.mouse.move(pt.x - 3, pt.y);
    await page.mouse.move(pt.x, pt.y);
    await expect.poll(() => page.getByTestId('map-tooltip').textContent()).toMatch(/铁路/);
    await page.mouse.click(pt.x, pt.y);
    await expect.poll(() => page.getByTestId('project-card').isVisible()).toBe(true);
    const id = await page.getByTestId('project-card').getAttribute('data-project');
    expect(id).toMatch(/^rail-/);
    // The link follows the frame that paints the selection (App.tsx writes it after the paint).
    await expect.poll(() => query(page).get('project')).toBe(id);
    expect(await overlayLayerIds(page)).toContain('highlight-line');
    assertClean(rec);
    await page.close();
  });

  it('a project from the list: measure with summary and phrase, stage, precision with note, regions as links', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=150200#map=5/42/112');
    await waitForMapIdle(page);
    const list = page.getByTestId('region-project-list');
    await expect.poll(() => list.textContent()).toContain('包头至银川高铁');
    await list.locator('[data-project="rail-baotou-yinchuan-hsr"] button').first().click();
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('包头至银川高铁');
    expect(await page.getByTestId('project-phrase').textContent()).toContain('包头至银川高铁');
    expect(await page.getByTestId('project-measures').textContent()).toContain('合作完善铁路路网');
    expect(await page.getByTestId('project-stage').textContent()).toContain('开工建设');
    // Drawn along OpenStreetMap's 包银 line (data/alignments/railway.yaml).
    expect(await page.getByTestId('project-precision').textContent()).toContain('实测走向');
    // The note comes with details.json, after the atlas is drawn.
    await expect.poll(() => page.getByTestId('project-note').isVisible()).toBe(true);
    const regions = page.getByTestId('project-regions');
    expect(await regions.textContent()).toContain('巴彦淖尔市');
    await expect.poll(() => overlayLayerIds(page)).toContain('highlight-line');
    await expect.poll(() => query(page).get('project')).toBe('rail-baotou-yinchuan-hsr');
    // It zoomed to the line.
    await waitForMapIdle(page);
    const zoom = await page.evaluate(() => window.__atlas!.map.getZoom());
    expect(zoom).toBeGreaterThan(5.5);
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h4-selected-project-zh.png');
    // Back goes to the region, forward to the project again.
    await page.goBack();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    await page.goForward();
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('包头至银川高铁');
    // A region link selects the region.
    await regions.getByRole('button', { name: '巴彦淖尔市' }).click();
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('巴彦淖尔市');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel-hint').isVisible()).toBe(true);
    await expect.poll(() => query(page).get('region')).toBeNull();
    assertClean(rec);
    await page.close();
  });

  it('the project panel in English', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?project=rail-baotou-yinchuan-hsr&lang=en');
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Baotou–Yinchuan high-speed railway');
    expect(await page.getByTestId('project-stage').textContent()).toContain('start');
    await waitForMapIdle(page);
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h4-selected-project-en.png');
    assertClean(rec);
    await page.close();
  });
});

describe('layers and legend', () => {
  it('toggling railways off removes the railway pixels and its legend entry; counts follow the filters', async () => {
    // A zoomed view with railways across it (Jining–Beijing–Zhangjiakou) and few labels of theirs.
    const { page, rec } = await openPage(session, baseUrl, '#map=7/41/113.6');
    await waitForMapIdle(page);
    await page.waitForFunction(() => (window.__atlas?.layersAt ?? 0) > 0);
    await waitForMapIdle(page);
    const railway = '#1a1a1a';
    const before = await canvasColourShares(page, { railway }, 12);
    expect(await page.getByTestId('legend-railways').isVisible()).toBe(true);
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('layer-railways').uncheck();
    await expect.poll(() => page.getByTestId('legend-railways').count()).toBe(0);
    await expect.poll(() => query(page).get('layers')).not.toBeNull();
    expect(query(page).get('layers')!.split(',')).not.toContain('railways');
    await waitForMapIdle(page);
    const after = await canvasColourShares(page, { railway }, 12);
    expect(before.railway, 'railway pixels before').toBeGreaterThan(0.002);
    expect(after.railway, `railway pixels after (before ${before.railway})`).toBeLessThan(before.railway * 0.1);
    // Group all-off / all-on.
    await page.getByTestId('group-off-transport').click();
    await expect.poll(() => page.getByTestId('legend-highways').count()).toBe(0);
    await page.getByTestId('group-on-transport').click();
    await expect.poll(() => page.getByTestId('legend-railways').count()).toBe(1);
    await expect.poll(() => query(page).get('layers')).toBeNull(); // back to the default: nothing in the link
    // Filters: chapter 4 and "study" leave only dashed railway rows; counts follow.
    const allRail = Number(await page.getByTestId('count-railways').textContent());
    await page.getByTestId('filter-stage-study').check();
    await expect.poll(async () => Number(await page.getByTestId('count-railways').textContent())).toBeLessThan(allRail);
    expect(Number(await page.getByTestId('count-highways').textContent())).toBe(0);
    await expect.poll(() => page.getByTestId('legend-highways').count()).toBe(0);
    await expect.poll(() => query(page).get('stage')).toBe('study');
    await page.getByTestId('filters-reset').click();
    await expect.poll(() => query(page).get('stage')).toBeNull();
    assertClean(rec);
    await page.close();
  });
});

describe('area tints', () => {
  // MapLibre draws them (src/map/themes/area-layers.ts): one fill of leaf-region cells under the
  // borders and the water, recoloured through feature state when a selection emphasises some areas.
  const tintedShare = (png: PNG) => {
    let tinted = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 1]! > png.data[i]! + 8 && png.data[i + 1]! > 200) tinted++;
    return tinted / (png.data.length / 4);
  };

  it('tint the land at county zoom, under the borders; hiding their layer takes the tint away', async () => {
    const { page, rec } = await openPage(session, baseUrl, '#map=6.8/37.7/111.5');
    await page.waitForFunction(() => (window.__atlas?.atlasIdleAt ?? 0) > 0, undefined, { timeout: 120_000 });
    await waitForMapIdle(page);
    const order = await page.evaluate(() => window.__atlas!.map.getLayersOrder());
    expect(order.indexOf('theme-areas-fill')).toBeGreaterThan(order.indexOf('provinces-fill'));
    expect(order.indexOf('theme-areas-fill')).toBeLessThan(order.indexOf('provinces-border'));
    // The land here is tinted by the ecology and energy areas.
    const shown = PNG.sync.read(await page.locator('.maplibregl-canvas').screenshot());
    expect(tintedShare(shown)).toBeGreaterThan(0.05);
    await page.evaluate(() => window.__atlas!.map.setLayoutProperty('theme-areas-fill', 'visibility', 'none'));
    await waitForMapIdle(page);
    const hidden = PNG.sync.read(await page.locator('.maplibregl-canvas').screenshot());
    expect(tintedShare(hidden)).toBeLessThan(0.01);
    assertClean(rec);
    await page.close();
  });

  it('take the colours of a selection as feature state, and lose them when it is cleared', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=150200');
    await page.waitForFunction(() => (window.__atlas?.atlasIdleAt ?? 0) > 0, undefined, { timeout: 120_000 });
    await waitForMapIdle(page);
    const coloured = () =>
      page.evaluate(() => {
        const map = window.__atlas!.map;
        const n = map.querySourceFeatures('theme-areas').length;
        let k = 0;
        for (let id = 0; id < 400; id++) if (map.getFeatureState({ source: 'theme-areas', id }).color) k++;
        return { n, k };
      });
    const selected = await coloured();
    expect(selected.n).toBeGreaterThan(0);
    expect(selected.k).toBeGreaterThan(100);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await coloured()).k).toBe(0);
    assertClean(rec);
    await page.close();
  });
});

describe('search', () => {
  it('`manzhouli` selects 满洲里市 with the keyboard; `bt` finds Baotou', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    const input = page.getByTestId('search-input');
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill('bt');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('包头');
    await input.fill('manzhouli');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('满洲里');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('满洲里市');
    await expect.poll(() => query(page).get('region')).toBe('150781');
    // It flew there.
    await waitForMapIdle(page);
    const c = await page.evaluate(() => window.__atlas!.map.getCenter().toArray());
    expect(Math.abs(c[0]! - 117.4)).toBeLessThan(3);
    // Esc in the box closes the list, not the selection.
    await input.fill('baotou');
    await expect.poll(() => page.getByTestId('search-results').isVisible()).toBe(true);
    await input.press('Escape');
    await expect.poll(() => page.getByTestId('search-results').count()).toBe(0);
    expect(await page.getByTestId('region-name').textContent()).toBe('满洲里市');
    assertClean(rec);
    await page.close();
  });
});

describe('plan outline', () => {
  it('a measure click highlights its projects and places and lists them; unprinted headings are marked; chapter 2 targets', async () => {
    const { page, rec } = await openPage(session, baseUrl);
    await waitForMapIdle(page);
    await page.getByTestId('tab-outline').click();
    const outline = page.getByTestId('outline');
    await expect.poll(() => outline.isVisible()).toBe(true);
    expect(await outline.locator('.outline__node--chapter').count()).toBe(9);
    // Chapter 2: open it and its targets section.
    await outline.locator('[data-measure="c2"] > .outline__row .outline__twisty').click();
    expect(await outline.locator('[data-measure="c2.s1"] .outline__heading--unprinted').count()).toBe(1);
    await outline.locator('[data-measure="c2.s3"] > .outline__row .outline__twisty').click().catch(() => undefined);
    await page.getByTestId('outline-c2.s3').click();
    await expect.poll(() => page.getByTestId('measure-targets').textContent()).toContain('2030');
    await page.getByTestId('tab-outline').click();
    await outline.locator('[data-measure="c4"] > .outline__row .outline__twisty').click();
    await outline.locator('[data-measure="c4.s1"] > .outline__row .outline__twisty').click();
    await page.mouse.move(1100, 780);
    await screenshot(page, 'h4-outline-zh.png');
    await page.getByTestId('outline-c4.s1.i1').click();
    await expect.poll(() => page.getByTestId('measure-name').textContent()).toContain('合作完善铁路路网');
    const list = page.getByTestId('measure-project-list');
    await expect.poll(() => list.textContent()).toContain('包头至银川高铁');
    await expect.poll(() => query(page).get('measure')).toBe('c4.s1.i1');
    await expect.poll(() => overlayLayerIds(page)).toContain('highlight-places');
    // The places are ringed on the map, and the panel says so (not without a map: faults.test.ts).
    expect(await page.getByTestId('measure-place-count').textContent()).toMatch(/^ 涉及 \d+ 个地点（图上以黄圈标出）$/);
    await waitForMapIdle(page);
    await screenshot(page, 'h4-measure-zh.png');
    // English outline.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('tab-outline').click();
    await expect.poll(() => outline.textContent()).toContain('Railway network');
    await screenshot(page, 'h4-outline-en.png');
    assertClean(rec);
    await page.close();
  });
});

describe('links', () => {
  it('a deep link reopens the same state; malformed parts are dropped with a notice', async () => {
    const link = '?project=rail-baotou-yinchuan-hsr&layers=railways,highways&ch=4&choro=all&lang=en#map=6/41/110';
    const { page, rec } = await openPage(session, baseUrl, link);
    await waitForMapIdle(page);
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe('Baotou–Yinchuan high-speed railway');
    await expect.poll(() => overlayLayerIds(page)).toContain('highlight-line');
    // Only the linked layers are drawn (the legend lists exactly what is drawn).
    expect(await page.getByTestId('legend-railways').isVisible()).toBe(true);
    expect(await page.getByTestId('legend-power').count()).toBe(0);
    expect(await page.getByTestId('legend-choropleth').isVisible()).toBe(true);
    await page.getByTestId('tab-layers').click();
    expect(await page.getByTestId('layer-railways').isChecked()).toBe(true);
    expect(await page.getByTestId('layer-power').isChecked()).toBe(false);
    expect(await page.getByTestId('filter-ch-4').isChecked()).toBe(true);
    const q = query(page);
    expect(q.get('project')).toBe('rail-baotou-yinchuan-hsr');
    expect(q.get('layers')).toBe('railways,highways');
    expect(q.get('ch')).toBe('4');
    expect(q.get('choro')).toBe('all');
    expect(q.get('lang')).toBe('en');
    const zoom = await page.evaluate(() => window.__atlas!.map.getZoom());
    expect(zoom).toBeCloseTo(6, 1);
    assertClean(rec);
    await page.close();

    const bad = await openPage(session, baseUrl, '?project=no-such-project&layers=railways,rockets&stage=build,maybe&choro=x%3Cy');
    await waitForMapIdle(bad.page);
    const notice = bad.page.getByTestId('url-notice');
    await expect.poll(() => notice.textContent()).toContain('no-such-project');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('rockets');
    expect(text).toContain('maybe');
    await bad.page.getByTestId('tab-layers').click();
    expect(await bad.page.getByTestId('layer-railways').isChecked()).toBe(true);
    expect(await bad.page.getByTestId('layer-power').isChecked()).toBe(false);
    expect(await bad.page.getByTestId('filter-stage-build').isChecked()).toBe(true);
    assertClean(bad.rec);
    await bad.page.close();
  });
});

describe('keyboard', () => {
  it('arrows move through lists and tabs; Enter activates; Esc clears', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?region=150200#map=5/42/112');
    await waitForMapIdle(page);
    const list = page.getByTestId('region-project-list');
    await expect.poll(() => list.textContent()).toContain('包头至银川高铁');
    const first = list.locator('[data-nav-item]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = await list.locator('[data-nav-item]').nth(1).textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('project-name').textContent()).toBe(second);
    // Tabs: arrow right moves to the next tab.
    await page.getByTestId('tab-details').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('layer-panel').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => query(page).get('project')).toBeNull();
    assertClean(rec);
    await page.close();
  });
});

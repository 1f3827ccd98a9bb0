/**
 * Plan / now and the timeline, as a person uses them (issue 23): the slider moved with the keyboard
 * changes what the map draws, its legend, the link and the region panel's "N of M in operation";
 * 北京至呼和浩特高铁通道 is only partly open at the end of 2018 and in operation by 2026, its panel
 * naming the sections and the sources. Screenshots go to test-results/; with UPDATE_SCREENSHOTS=1
 * those of now mode and of 2018 are also copied to docs/screenshots/ (the README shows one).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertClean, atlasDrawn, launch, openPage, screenshot, waitForMapIdle, type Recorder, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const BJ_HOHHOT = 'rail-beijing-huhehaote-hsr';
const HOHHOT = '150100';

let session: Session;
beforeAll(async () => {
  session = await launch();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

const legendText = (p: Page) => p.getByTestId('map-legend').innerText();
/** The legend's rows and symbols (the compact legend draws one symbol per status class a layer shows). */
const legendDrawn = (p: Page) => p.getByTestId('map-legend').innerHTML();
const param = (p: Page, k: string) => p.evaluate((key) => new URL(location.href).searchParams.get(key), k);

/** A PNG of the map's area between the legend (left) and the panel (right), above the timeline. */
async function mapPixels(p: Page): Promise<Buffer> {
  await waitForMapIdle(p);
  const legend = await p.getByTestId('map-legend').boundingBox();
  const panel = await p.getByTestId('side-panel').boundingBox();
  const timeline = await p.getByTestId('timeline').boundingBox();
  const x = legend!.x + legend!.width + 4;
  const right = panel!.x - 4;
  return p.screenshot({ clip: { x, y: 60, width: right - x, height: timeline!.y - 64 } });
}

async function shot(p: Page, name: string, docs?: string): Promise<void> {
  const path = await screenshot(p, name);
  if (docs && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(path, `docs/screenshots/${docs}`);
  }
}

describe('the timeline', () => {
  let page: Page;
  let rec: Recorder;
  beforeAll(async () => {
    ({ page, rec } = await openPage(session, baseUrl, '?mode=now#map=4.6/43.6/114'));
    await atlasDrawn(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('moving the slider with the keyboard changes what is drawn, the legend and the link', async () => {
    await expect.poll(() => page.getByTestId('timeline-year').innerText()).toBe('最新');
    expect(await legendText(page)).toContain('已建成投运');
    const latestLegend = await legendDrawn(page);
    const latestPixels = await mapPixels(page);
    await shot(page, 'status-now.png', 'now-mode.png');

    const slider = page.getByTestId('timeline-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => param(page, 'date')).toBe('2016');
    await expect.poll(() => page.getByTestId('timeline-year').innerText()).toContain('2016');
    await expect.poll(() => legendDrawn(page)).not.toBe(latestLegend);
    const legend2016 = await legendDrawn(page);
    const pixels2016 = await mapPixels(page);
    expect(pixels2016.equals(latestPixels)).toBe(false);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page, 'date')).toBe('2018');
    expect(await slider.inputValue()).toBe('2018');
    const pixels2018 = await mapPixels(page);
    expect(pixels2018.equals(pixels2016)).toBe(false);
    // By the end of 2018 more had opened than by the end of 2016: the legend says so too.
    await expect.poll(() => legendDrawn(page)).not.toBe(legend2016);
    await shot(page, 'status-2018.png', 'timeline-2018.png');

    // Back to the latest: the same drawing as at first.
    await page.getByTestId('timeline-latest').click();
    await expect.poll(() => param(page, 'date')).toBeNull();
    await expect.poll(() => legendDrawn(page)).toBe(latestLegend);
    assertClean(rec);
  });

  it('the outline shows progress per measure, at the timeline date', async () => {
    await page.getByTestId('tab-outline').click();
    const count = page.locator('[data-measure="c4"] > .outline__row .outline__count');
    const operating = async () => Number(await count.getAttribute('data-operating'));
    await expect.poll(() => count.isVisible()).toBe(true);
    const latest = await operating();
    const [shown, total] = (await count.innerText()).split('/').map(Number);
    expect(shown).toBe(latest);
    expect(total).toBeGreaterThan(latest);
    // The bar has a segment per status class present; unknown is its own (grey) segment.
    const bar = page.getByTestId('outline-progress-c4');
    const segs: Record<string, number> = await bar.locator('[data-class]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-class'), Number(e.getAttribute('data-count'))])));
    expect(segs.operating).toBe(latest);
    expect(segs.unknown).toBeGreaterThan(0);
    expect(Object.values(segs).reduce((a, b) => a + b, 0)).toBe(total);
    await page.getByTestId('outline-c4').focus();
    await shot(page, 'status-outline.png');
    const slider = page.getByTestId('timeline-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => operating()).toBeLessThan(latest);
    expect((await count.innerText()).endsWith(`/${total}`)).toBe(true);
    assertClean(rec);
  });

  it('a PDF of the view carries the timeline date: subtitle and source line say "状态截至2016年底"', async () => {
    // The link follows the slider's last move (the test before) once the app has written it.
    await expect.poll(() => param(page, 'date')).toBe('2016');
    await page.waitForFunction(() => Boolean(window.__planExport), undefined, { timeout: 60_000 });
    const r = await page.evaluate(() => window.__planExport!.run({ format: 'pdf', size: '1920x1080' }));
    const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-status-'));
    const pdf = join(dir, 'now-2016.pdf');
    writeFileSync(pdf, Buffer.from(r.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text.match(/状态截至2016年底/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text).toContain('已建成投运');
    assertClean(rec);
  });
});

describe('the progress deck in the Export dialog', () => {
  it('is a choice of what to export: 12 pages, previewing a league by status', async () => {
    const { page, rec } = await openPage(session, baseUrl, '?mode=now&date=2020#map=4.6/43.6/114');
    await atlasDrawn(page);
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByTestId('scope-progress').check();
    await page.getByTestId('format-pptx').check();
    await expect.poll(() => dialog.innerText()).toContain('共 12 页');
    // The preview has drawn (renderPreview sizes the canvas) the first league's page, not blank.
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.evaluate((c) => (c as HTMLCanvasElement).style.width), { timeout: 90_000 }).not.toBe('');
    await expect.poll(() => page.locator('.export-preview__frame.is-busy').count(), { timeout: 90_000 }).toBe(0);
    const colours = await preview.evaluate((c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);
    await shot(page, 'status-progress-dialog.png');
    await page.keyboard.press('Escape');
    assertClean(rec);
    await page.close();
  });
});

describe('北京至呼和浩特高铁通道', () => {
  it('is partly open at the end of 2018 (the panel names the sections and the sources) and in operation at 2026', async () => {
    const { page, rec } = await openPage(session, baseUrl, `?project=${BJ_HOHHOT}&mode=now&date=2018`);
    await atlasDrawn(page);
    const status = page.getByTestId('project-status');
    await expect.poll(() => status.isVisible()).toBe(true);
    expect(await page.getByTestId('project-name').innerText()).toContain('北京至呼和浩特高铁通道');
    const at = page.getByTestId('project-status-at');
    await expect.poll(() => at.getAttribute('data-status')).toBe('partly_in_operation');
    expect(await at.innerText()).toContain('2018');
    const sections = await page.getByTestId('project-sections').innerText();
    expect(sections).toContain('呼和浩特东至乌兰察布段');
    expect(sections).toContain('2017-08-03');
    expect(sections).toContain('北京至张家口');
    const sources = page.getByTestId('project-sources').locator('li');
    await expect.poll(() => sources.count()).toBeGreaterThanOrEqual(2);
    expect(await sources.first().locator('a').getAttribute('target')).toBe('_blank');
    expect(await page.getByTestId('project-sources').innerText()).toContain('http');

    // The slider to 2026 with the keyboard: End is the timeline's last year, then back to 2026.
    const slider = page.getByTestId('timeline-slider');
    await slider.focus();
    await page.keyboard.press('End');
    const end = Number(await slider.inputValue());
    for (let y = end; y > 2026; y--) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'date')).toBe('2026');
    await expect.poll(() => at.getAttribute('data-status')).toBe('in_operation');
    expect(await page.getByTestId('project-opened').innerText()).toContain('2019');
    assertClean(rec);
    await page.close();
  });
});

describe('the region panel in now mode', () => {
  it('says how many of its projects are in operation at the timeline date, and filters its list by status', async () => {
    const { page, rec } = await openPage(session, baseUrl, `?region=${HOHHOT}&mode=now`);
    await atlasDrawn(page);
    const line = page.getByTestId('region-status-line');
    await expect.poll(() => line.isVisible()).toBe(true);
    const latest = await line.innerText();
    expect(latest).toMatch(/涉及本地区的 \d+ 个项目中，\d+ 个已建成投运/);
    const inOperation = (s: string) => Number(/，(\d+) 个已建成投运/.exec(s)![1]);
    const total = Number(/涉及本地区的 (\d+) 个项目/.exec(latest)![1]);
    expect(await page.getByTestId('region-project-list').locator('li.project-row').count()).toBeGreaterThan(0);

    // Filter to the projects in operation, with the keyboard: exactly that many rows, each so marked.
    const filter = page.getByTestId('region-status-filter');
    await filter.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => filter.inputValue()).toBe('operating');
    const rows = page.getByTestId('region-project-list').locator('li.project-row');
    await expect.poll(() => rows.count()).toBe(inOperation(latest));
    const marks = await rows.locator('.status-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(marks)).toEqual(new Set(['in_operation']));
    await page.waitForTimeout(300);
    await shot(page, 'status-region-hohhot.png');

    // At the end of 2016 fewer were open; the total is the same.
    const slider = page.getByTestId('timeline-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => line.innerText()).toContain('截至2016年底');
    const then = await line.innerText();
    expect(inOperation(then)).toBeLessThan(inOperation(latest));
    expect(Number(/涉及本地区的 (\d+) 个项目/.exec(then)![1])).toBe(total);
    await expect.poll(() => rows.count()).toBe(inOperation(then));
    assertClean(rec);
    await page.close();
  });
});

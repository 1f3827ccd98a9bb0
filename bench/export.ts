/**
 * Export timings for the benchmark (bench/run.ts): the app with Baotou selected, exported through
 * its own scripting interface (window.__planExport, the same code as the Export dialog) at
 * 1920×1080 and 3840×2160 (PNG) and A3 landscape at 300 dpi (PNG and PDF). Reports the median, min
 * and max of a few runs per size after one untimed warm-up, and the warm-up itself ("first export":
 * under SwiftShader the export map's new WebGL context compiles every shader on its first frame).
 */
import type { Browser } from 'playwright-core';

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

export interface ExportStat {
  label: string;
  runs: number[];
  mapMs: number[];
  median: number;
  min: number;
  max: number;
  bytes: number;
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}?region=150200#map=5.6/41.3/111.5`, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 180_000 });
    await page.evaluate(() => new Promise<void>((r) => (window.__atlas!.map.once('idle', () => r()), window.__atlas!.map.triggerRepaint())));
    const exportOnce = (c: ExportCase) =>
      page.evaluate(async (o) => {
        const r = await window.__planExport!.run(o);
        return { total: r.timings.totalMs, map: r.timings.pages[0]!.mapMs, bytes: r.bytes };
      }, { format: c.format, size: c.size });
    const first = await exportOnce({ label: 'warm-up', format: 'png', size: '1280x720' });
    log(`[bench] export warm-up (first export, 1280×720 PNG): ${first.total.toFixed(0)} ms`);
    const cases: ExportStat[] = [];
    for (const c of EXPORT_CASES) {
      const totals: number[] = [];
      const maps: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const r = await exportOnce(c);
        totals.push(r.total);
        maps.push(r.map);
        bytes = r.bytes;
        log(`[bench] export ${c.label} run ${i + 1}/${runs}: ${r.total.toFixed(0)} ms (map ${r.map.toFixed(0)} ms)`);
      }
      cases.push({ label: c.label, runs: totals, mapMs: maps, median: median(totals), min: Math.min(...totals), max: Math.max(...totals), bytes });
    }
    return { firstExportMs: first.total, cases };
  } finally {
    await context.close();
  }
}

/** Markdown-ish table rows for the report. */
export function exportTable(b: ExportBench): string[] {
  const rows: Array<[string, string, string, string]> = [['export (median of runs)', 'time', 'min … max', 'file']];
  rows.push(['first export (warm-up, 1280×720)', `${(b.firstExportMs / 1000).toFixed(1)} s`, '', '']);
  for (const c of b.cases)
    rows.push([c.label, `${(c.median / 1000).toFixed(1)} s (map ${(median(c.mapMs) / 1000).toFixed(1)} s)`, `${(c.min / 1000).toFixed(1)} … ${(c.max / 1000).toFixed(1)} s`, `${(c.bytes / 1048576).toFixed(1)} MB`]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.slice(1).map(line)];
}

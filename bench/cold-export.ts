/**
 * The export command line, cold (part of `npm run bench`, `cold-export`): `npm run export` run as a
 * user runs it, a new process each time (node, the static server, a new Chromium, the app loaded,
 * the file made and written), timed from the spawn to the process's exit. The command writes where
 * its time went (`--timings`, scripts/export-cli.ts): node's start, the build check, the browser's
 * start, the page's load, the app ready, the map settled, the size check (which creates the
 * off-screen export map), the export in the page (of it the map renders and the encoding), the file
 * written, the browser closed; and the font files the page had fetched by then.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { markdownTable } from './frames.ts';

export interface ColdCase {
  label: string;
  args: string[];
}

export const COLD_CASES: ColdCase[] = [
  { label: '1920×1080 PNG', args: ['--size', '1920x1080', '--format', 'png'] },
  { label: 'atlas, 12 slides (PPTX 1920×1080)', args: ['--atlas', '--format', 'pptx', '--size', '1920x1080'] },
];

export interface ColdRun {
  wallMs: number;
  bytes: number;
  steps: Record<string, number>;
  inPage: Record<string, number> | null;
}

export interface ColdStat {
  label: string;
  runs: ColdRun[];
  median: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function measureColdExports(root: string, runs: number, log: (s: string) => void): ColdStat[] {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cold-export-'));
  try {
    return COLD_CASES.map((c, k) => {
      const out: ColdRun[] = [];
      for (let i = 0; i < runs; i++) {
        const file = join(dir, `out-${k}-${i}`);
        const timings = join(dir, `timings-${k}-${i}.json`);
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export-cli.ts', ...c.args, '--out', file, '--timings', timings], { cwd: root, encoding: 'utf8' });
        const wallMs = Math.round(performance.now() - t0);
        if (r.status !== 0) throw new Error(`cold export ${c.label} failed (${r.status}): ${r.stderr}`);
        const t = JSON.parse(readFileSync(timings, 'utf8')) as { steps: Record<string, number>; inPage: Record<string, number> | null };
        out.push({ wallMs, bytes: statSync(file).size, steps: t.steps, inPage: t.inPage });
        log(`[bench] cold export ${c.label} run ${i + 1}/${runs}: ${(wallMs / 1000).toFixed(1)} s (${Object.entries(t.steps).map(([n, ms]) => `${n} ${ms}`).join(', ')} ms)`);
      }
      return { label: c.label, runs: out, median: median(out.map((r) => r.wallMs)) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One column per case: each step's median, then the in-page figures. */
export function coldTable(stats: ColdStat[]): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const stepNames = [...new Set(stats.flatMap((c) => c.runs.flatMap((r) => Object.keys(r.steps))))];
  const rows: string[][] = [['cold `npm run export` (median)', ...stats.map((c) => c.label)]];
  rows.push(['whole command (spawn → exit)', ...stats.map((c) => s(c.median))]);
  for (const n of stepNames) rows.push([`  ${n}`, ...stats.map((c) => s(median(c.runs.map((r) => r.steps[n] ?? 0))))]);
  const inPage = (f: (p: Record<string, number>) => number) => (c: ColdStat) => {
    const xs = c.runs.map((r) => (r.inPage ? f(r.inPage) : NaN)).filter((x) => !Number.isNaN(x));
    return xs.length ? median(xs) : NaN;
  };
  const rowOf = (name: string, f: (p: Record<string, number>) => number, unit: (n: number) => string) =>
    rows.push([`  ${name}`, ...stats.map((c) => {
      const v = inPage(f)(c);
      return Number.isNaN(v) ? '—' : unit(v);
    })]);
  rowOf('of the export: off-screen map renders', (p) => p.mapMs!, s);
  rowOf('of the export: encoding', (p) => p.encodeMs!, s);
  rowOf('of the export: the rest (export fonts, layout, legend, inset)', (p) => p.totalMs! - p.mapMs! - p.encodeMs!, s);
  rowOf('font files the page fetched (KB)', (p) => p.fontKB!, (n) => `${n}`);
  return markdownTable(rows);
}

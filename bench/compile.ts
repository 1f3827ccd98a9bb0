/**
 * Compile time against catalogue size: the real catalogue (1×) and synthetic ones (bench/synth.ts)
 * at 10× and 100×, each compiled by the real compiler in this process. Prints medians and the time
 * per project relative to 1×, and writes bench/results/compile-<date>.json.
 *
 *   npx tsx bench/compile.ts [--scales 1,10,100] [--runs 3]
 */
import { keepLatest } from './results-files.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCatalogue } from '../data/build.ts';
import { loadCatalogueSources } from '../data/load.ts';
import { repoRoot } from '../src/cli/load.ts';
import type { RegionCollection } from '../src/domain/types.ts';
import { writeSyntheticCatalogue } from './synth.ts';

const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const scales = arg('--scales', '1,10,100').split(',').map(Number);
const runs = Number(arg('--runs', '3'));
const regions = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
const countries = new Set(['MNG', 'RUS']);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row { scale: number; projects: number; touches: number; loadMs: number; buildMs: number; totalMs: number; msPerProject: number }
const rows: Row[] = [];
for (const scale of scales) {
  const dataDir = scale === 1 ? join(repoRoot, 'data') : join(repoRoot, `.tmp/synth-${scale}x`, 'data');
  if (scale !== 1) writeSyntheticCatalogue(scale, join(repoRoot, `.tmp/synth-${scale}x`));
  const loads: number[] = [];
  const builds: number[] = [];
  let projects = 0;
  let touches = 0;
  for (let r = 0; r < (scale >= 100 ? 1 : runs); r++) {
    const t0 = performance.now();
    const src = loadCatalogueSources(dataDir);
    const t1 = performance.now();
    const out = buildCatalogue(src, regions, countries);
    const t2 = performance.now();
    loads.push(t1 - t0);
    builds.push(t2 - t1);
    projects = out.projects.features.length;
    touches = Object.values(out.touches.byRegion).reduce((n, l) => n + l.length, 0);
  }
  const totalMs = median(loads) + median(builds);
  rows.push({ scale, projects, touches, loadMs: Math.round(median(loads)), buildMs: Math.round(median(builds)), totalMs: Math.round(totalMs), msPerProject: totalMs / projects });
  console.log(`[compile] ${scale}× done`);
}
const base = rows.find((r) => r.scale === 1) ?? rows[0]!;
// The 1× figure carries fixed costs (the real catalogue's large unions, JIT warm-up); the marginal
// cost per added project between consecutive sizes is what says whether growth is linear.
console.log('\n| scale | projects | touches | load (YAML+schema) | build (geometry+touches) | total | ms/project | vs 1× | marginal ms/project |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  const marginal = prev ? (r.totalMs - prev.totalMs) / (r.projects - prev.projects) : NaN;
  Object.assign(r, { marginalMsPerProject: Number.isNaN(marginal) ? null : Math.round(marginal * 100) / 100 });
  console.log(
    `| ${r.scale}× | ${r.projects} | ${r.touches} | ${r.loadMs} ms | ${r.buildMs} ms | ${r.totalMs} ms | ${r.msPerProject.toFixed(2)} | ${(r.msPerProject / base.msPerProject).toFixed(2)} | ${Number.isNaN(marginal) ? '—' : marginal.toFixed(2)} |`,
  );
});
mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
const file = join(repoRoot, `bench/results/compile-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), runs, machine: { cpus: cpus().length, loadavg: loadavg() }, rows }, null, 2));
// bench/results keeps the latest run of each kind; the history is bench/README.md's.
keepLatest(join(repoRoot, 'bench/results'), 'compile', file.split('/').pop()!);
console.log(`\nwritten ${file}`);

/**
 * bench/results/ keeps the latest run of each kind (`bench-*`, `scale-10x-*`, `scale-100x-*`,
 * `compile-*`) and SUMMARY.md, the latest bench run's tables; the history of measurements is the
 * table in bench/README.md ("History"), where each run worth keeping is summarised.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Removes the earlier files of a kind (`<kind>-<stamp>.json` and partial logs), keeping `keep`. */
export function keepLatest(dir: string, kind: string, keep: string): void {
  for (const f of readdirSync(dir)) if (f !== keep && f.startsWith(`${kind}-`) && /^\D*-?\d{4}-\d\d-\d\d/.test(f.slice(kind.length + 1))) rmSync(join(dir, f));
}

/** SUMMARY.md: the latest bench run's report, and the latest file of every kind. */
export function writeSummary(dir: string, benchFile: string, report: string[]): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const lines = [
    '# Latest benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) with \`${benchFile}\`; the history of runs is in bench/README.md ("History").`,
    'Figures are from a 2-core machine under SwiftShader: compare the ratios (alternating loads in one run), not the absolute times.',
    '',
    '```',
    ...report,
    '```',
    '',
    'Files here (the latest of each kind):',
    '',
    ...files.map((f) => `- \`${f}\``),
    '',
  ];
  writeFileSync(join(dir, 'SUMMARY.md'), lines.join('\n'));
}

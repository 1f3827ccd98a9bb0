/**
 * How far the present-status research reaches, as Markdown for DATA.md: projects with a sourced
 * status per theme, and every disagreement between sources. Computed from the compiled catalogue
 * (public/data), never by hand.
 *
 *   npx tsx scripts/status-coverage.ts           prints it
 *   npx tsx scripts/status-coverage.ts --write   replaces the block between the markers in DATA.md
 *
 * tests/unit/status-coverage.test.ts fails when DATA.md's block is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalogue, readDetails, repoRoot } from '../src/cli/load.ts';
import type { Catalogue } from '../src/domain/catalogue.ts';
import type { DetailsFile } from '../src/domain/types.ts';
import { statusCoverage } from '../src/domain/status.ts';
import { STATUSES, THEMES } from '../src/domain/vocabulary.ts';

export const BEGIN = '<!-- status-coverage:begin (scripts/status-coverage.ts --write) -->';
export const END = '<!-- status-coverage:end -->';

export function coverageMarkdown(cat: Catalogue, details: DetailsFile): string {
  const projects = cat.allProjects().map((p) => ({ id: p.properties.id, theme: p.properties.theme }));
  const rows = statusCoverage(projects, cat.statuses, details, THEMES);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  const out: string[] = [
    `Research as of ${cat.statuses.asOf ?? '—'}: ${sum((r) => r.sourced)} of ${sum((r) => r.researched)} researched projects have a sourced status ` +
      `(${cat.statuses.entries().length} entries; ${projects.length} projects in the catalogue).`,
    '',
    `| theme | projects | researched | sourced status | ${STATUSES.map((s) => s.replace(/_/g, ' ')).join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ${STATUSES.map(() => '---:').join(' | ')} |`,
    ...rows.map((r) => `| ${r.theme} | ${r.projects} | ${r.researched} | ${r.sourced} | ${STATUSES.map((s) => r.byStatus[s]).join(' | ')} |`),
    `| **all** | ${sum((r) => r.projects)} | ${sum((r) => r.researched)} | ${sum((r) => r.sourced)} | ${STATUSES.map((s) => sum((r) => r.byStatus[s])).join(' | ')} |`,
  ];
  const researchedThemes = new Set(rows.map((r) => r.theme));
  const rest = THEMES.filter((t) => !researchedThemes.has(t))
    .map((t) => [t, projects.filter((p) => p.theme === t).length] as const)
    .filter(([, n]) => n > 0);
  if (rest.length) out.push('', `Not researched yet (all \`unknown\`): ${rest.map(([t, n]) => `${t} ${n}`).join(', ')}.`);
  const disagreements = cat.statuses.entries().flatMap((e) => {
    const disagreement = details.byProject[e.project]?.status?.disagreement;
    return disagreement ? [{ project: e.project, disagreement }] : [];
  });
  out.push('', `Sources disagree on ${disagreements.length} projects (the field holds the better-sourced claim):`, '');
  for (const e of disagreements) {
    const p = cat.project(e.project);
    out.push(`- **${p?.properties.name_zh ?? e.project}** (\`${e.project}\`): ${e.disagreement.replace(/\s+/g, ' ').trim()}`);
  }
  return out.join('\n');
}

/** DATA.md with its coverage block replaced. */
export function withCoverage(dataMd: string, block: string): string {
  const a = dataMd.indexOf(BEGIN);
  const b = dataMd.indexOf(END);
  if (a < 0 || b < a) throw new Error(`DATA.md has no block between "${BEGIN}" and "${END}"`);
  return `${dataMd.slice(0, a + BEGIN.length)}\n${block}\n${dataMd.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const block = coverageMarkdown(readCatalogue(), readDetails());
  if (process.argv.includes('--write')) {
    const path = join(repoRoot, 'DATA.md');
    writeFileSync(path, withCoverage(readFileSync(path, 'utf8'), block));
    console.log('[status-coverage] DATA.md updated');
  } else console.log(block);
}

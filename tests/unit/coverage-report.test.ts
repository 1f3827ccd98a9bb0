/**
 * DATA.md's coverage report is generated (data/coverage-report.ts): it must say what the current
 * text and catalogue say. After changing data/projects/*.yaml or the text, run `npm run coverage-report`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown, REPORT_END, REPORT_START, withReport } from '../../data/coverage-report.ts';
import { loadCatalogueSources } from '../../data/load.ts';
import { repoRoot } from '../../src/cli/load.ts';
import { planText } from './support/plan-text.ts';

describe('the coverage report in DATA.md', () => {
  const dataMd = readFileSync(join(repoRoot, 'DATA.md'), 'utf8');
  const report = coverageMarkdown(planText, loadCatalogueSources(join(repoRoot, 'data')));

  it('is up to date (else run `npm run coverage-report`)', () => {
    const start = dataMd.indexOf(REPORT_START);
    const end = dataMd.indexOf(REPORT_END);
    expect(start, 'DATA.md has the report markers').toBeGreaterThanOrEqual(0);
    expect(dataMd.slice(start, end + REPORT_END.length)).toBe(report);
  });

  it('lists every paragraph once, either with its projects or among those without', () => {
    const ids = [...report.matchAll(/^\| (c\d\.s\d+(?:\.i\d+)?\.p\d+) \|/gm)].map((m) => m[1]);
    const parsed = JSON.parse(readFileSync(join(repoRoot, 'public/data/plan-text.json'), 'utf8')) as { paragraphs: { id: string }[] };
    expect([...ids].sort()).toEqual(parsed.paragraphs.map((p) => p.id).sort());
  });

  it('replaces only its own section when regenerated', () => {
    expect(withReport(dataMd, report)).toBe(dataMd);
    const fresh = withReport('# Data\n', report);
    expect(fresh.startsWith('# Data\n\n## Coverage of the plan')).toBe(true);
    expect(withReport(fresh, report)).toBe(fresh);
  });
});

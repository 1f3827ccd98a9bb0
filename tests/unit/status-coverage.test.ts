/** DATA.md's present-status coverage is computed, and kept up to date, from the compiled data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, coverageMarkdown, withCoverage } from '../../scripts/status-coverage.ts';
import { readCatalogue, readDetails, repoRoot } from '../../src/cli/load.ts';
import { statusCoverage } from '../../src/domain/status.ts';
import { THEMES } from '../../src/domain/vocabulary.ts';

describe('status coverage', () => {
  const cat = readCatalogue();
  const details = readDetails();

  it('counts per theme add up to the entries', () => {
    const projects = cat.allProjects().map((p) => ({ id: p.properties.id, theme: p.properties.theme }));
    const rows = statusCoverage(projects, cat.statuses, details, THEMES);
    const entries = cat.statuses.entries();
    expect(rows.reduce((n, r) => n + r.researched, 0)).toBe(entries.length);
    expect(rows.reduce((n, r) => n + r.sourced, 0)).toBe(entries.filter((e) => e.status !== 'unknown').length);
    for (const r of rows) {
      expect(Object.values(r.byStatus).reduce((a, b) => a + b, 0)).toBe(r.projects);
      expect(r.sourced).toBeLessThanOrEqual(r.researched);
    }
    expect(rows.map((r) => r.theme)).toEqual(expect.arrayContaining(['railway', 'highway', 'airport', 'power', 'pipeline', 'opening']));
  });

  it("DATA.md's block is what scripts/status-coverage.ts computes (run it with --write)", () => {
    const dataMd = readFileSync(join(repoRoot, 'DATA.md'), 'utf8');
    expect(dataMd).toContain(BEGIN);
    expect(dataMd).toContain(END);
    expect(withCoverage(dataMd, coverageMarkdown(cat, details))).toBe(dataMd);
    const disagreeing = cat.statuses.entries().filter((x) => details.byProject[x.project]?.status?.disagreement);
    expect(disagreeing.length).toBeGreaterThan(0);
    for (const e of disagreeing) expect(dataMd).toContain(`(\`${e.project}\`)`);
  });
});

/** `npm run atlas -- status`: projects grouped by present status, with sources; --theme, --csv. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, readDetails, repoRoot } from '../../src/cli/load.ts';
import { STATUS_CSV_COLUMNS, statusReport } from '../../src/cli/status.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import type { DetailsFile } from '../../src/domain/types.ts';

let cat: Catalogue;
let details: DetailsFile;
beforeAll(() => {
  cat = readCatalogue();
  details = readDetails();
});

const text = (theme?: string) => {
  const r = statusReport(cat, details, { theme, format: 'text' });
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

describe('atlas status', () => {
  it('groups every project under its status, in order, with dates and sources', () => {
    const out = text();
    const ids = cat.allProjects().map((p) => p.properties.id);
    for (const id of ids) expect(out, id).toContain(`(${id})`);
    const headings = ['in operation — ', 'partly in operation — ', 'under construction — ', 'preparatory', 'unknown'];
    const at = headings.map((h) => out.indexOf(`\n${h}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // A project sits under its own heading: 京呼 after "in operation", before "partly in operation".
    const jinghu = out.indexOf('(rail-beijing-huhehaote-hsr)');
    expect(jinghu).toBeGreaterThan(at[0]!);
    expect(jinghu).toBeLessThan(at[1]!);
    const sources = details.byProject['rail-beijing-huhehaote-hsr']!.status!.sources;
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(out).toContain(s.url);
    expect(out).toContain('section 呼和浩特东至乌兰察布段');
    const counts: Record<string, number> = Object.fromEntries([...out.matchAll(/^(.+) — (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ids.length);
    expect(counts['in operation']).toBe(cat.statuses.progressOf(ids).byStatus.in_operation);
  });

  it('--theme keeps one theme and refuses an unknown one', () => {
    const out = text('railway');
    const railway = cat.allProjects().filter((p) => p.properties.theme === 'railway');
    expect(out).toMatch(new RegExp(`^Present status of railway projects, as of \\d{4}-\\d{2}-\\d{2}: ${railway.length} projects`));
    expect([...out.matchAll(/\[(\w+)\] —/g)].every((m) => m[1] === 'railway')).toBe(true);
    expect(out).not.toContain('(road-');
    expect(statusReport(cat, details, { theme: 'rail', format: 'text' })).toEqual({ ok: false, error: expect.stringMatching(/^No theme "rail"\. Themes: railway, highway/) });
  });

  it('--csv: one row per project with the status columns and all source URLs', () => {
    const out = execFileSync('npx', ['tsx', join(repoRoot, 'src/cli/atlas.ts'), 'status', '--theme', 'power', '--csv'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out.charCodeAt(0)).toBe(0xfeff);
    const lines = out.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(STATUS_CSV_COLUMNS.join(','));
    const power = cat.allProjects().filter((p) => p.properties.theme === 'power');
    expect(lines).toHaveLength(power.length + 1);
    const uhv = lines.find((l) => l.startsWith('power-xilinguole-shandong-uhv,'))!;
    const e = cat.statuses.entry('power-xilinguole-shandong-uhv')!;
    expect(uhv).toContain(`,${e.status},`);
    const sources = details.byProject['power-xilinguole-shandong-uhv']!.status!.sources;
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(uhv).toContain(s.url);
  });
});

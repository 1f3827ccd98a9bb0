/**
 * A fresh clone, with no `../shared` beside it, runs the traceability tests (the plan's text is in
 * the repository, data/plan/plan.zh.txt): the repository's files are copied to a temporary folder
 * whose parent has no `shared`, and vitest runs them there. None may be skipped.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/cli/load.ts';

const TRACEABILITY = ['tests/unit/plan-text.test.ts', 'tests/unit/measures.test.ts', 'tests/unit/coverage-report.test.ts'];
/** The files git knows (committed or not, not ignored), as a clone has them; not the installed packages (a link in a worktree). */
const repoFiles = () =>
  execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && f !== 'node_modules' && !f.startsWith('node_modules/') && existsSync(join(repoRoot, f)));
const SELF = 'tests/unit/fresh-clone.test.ts';
const tmp = mkdtempSync(join(tmpdir(), 'plan-atlas-clone-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a fresh clone without ../shared', () => {
  it('names no file outside the repository', () => {
    const files = repoFiles().filter((f) => /\.(ts|tsx|json)$/.test(f) && f !== SELF);
    for (const f of files) expect(readFileSync(join(repoRoot, f), 'utf8'), f).not.toMatch(/\.\.\/shared|shared\/seeds/);
  });

  it('runs the traceability tests, none skipped', () => {
    const clone = join(tmp, 'plan-atlas');
    for (const f of repoFiles()) {
      mkdirSync(dirname(join(clone, f)), { recursive: true });
      cpSync(join(repoRoot, f), join(clone, f));
    }
    expect(existsSync(join(tmp, 'shared'))).toBe(false);
    expect(existsSync(join(clone, 'data/plan/plan.zh.txt'))).toBe(true);
    // What `npm test` has before its tests: the installed packages and the compiled data (npm run prepare-data).
    symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));
    // The geography (built from geo/vendor) is taken as built; the catalogue and the text are compiled in the clone.
    mkdirSync(join(clone, 'public'), { recursive: true });
    symlinkSync(join(repoRoot, 'public/geo'), join(clone, 'public/geo'));
    execFileSync('npx', ['tsx', 'data/compile.ts'], { cwd: clone, stdio: 'pipe' });
    const out = join(tmp, 'report.json');
    execFileSync('npx', ['vitest', 'run', '--project', 'unit', '--reporter=json', `--outputFile=${out}`, ...TRACEABILITY], { cwd: clone, stdio: 'pipe' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as { numTotalTests: number; numPassedTests: number; numPendingTests: number; numFailedTests: number; testResults: { name: string }[] };
    expect(report.testResults.map((r) => r.name.slice(clone.length + 1)).sort()).toEqual([...TRACEABILITY].sort());
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests).toBe(0);
    expect(report.numPassedTests).toBe(report.numTotalTests);
    expect(report.numTotalTests).toBeGreaterThan(10);
  }, 300_000);
});

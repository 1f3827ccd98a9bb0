/**
 * The export command line (`npm run export`, scripts/export-cli.ts), run as a user runs it: a child
 * process over the built app (the e2e set-up has just built dist/), headless Chromium, the file
 * opened and checked. Also its refusals: a size the browser cannot render (exit 3, with the largest
 * that works) and a bad option (exit 2, with the usage).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TMP = mkdtempSync(join(tmpdir(), 'plan-atlas-cli-'));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/export-cli.ts', ...args], { timeout: 300_000, maxBuffer: 8 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('npm run export', () => {
  it('writes an English A4 portrait PDF of a link, with its selection as the title', async () => {
    const out = join(TMP, 'baotou.pdf');
    const r = await cli(['--state', 'http://127.0.0.1:5173/?region=150200&lang=en#map=6/40.9/110', '--format', 'pdf', '--size', 'a4-portrait-150', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Baotou · Plan projects');
    expect(text).toContain('Legend');
  }, 400_000);

  it('refuses a size the browser cannot render, naming the largest that works; and a bad option', async () => {
    const big = await cli(['--state', '?region=150200', '--format', 'png', '--size', '16000x9000', '--out', join(TMP, 'big.png')]);
    expect(big.code).toBe(3);
    expect(big.stderr).toMatch(/16000×9000 px is more than this browser can render/);
    expect(big.stderr).toMatch(/--size \d+x\d+/);
    const bad = await cli(['--format', 'gif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "gif"');
  }, 400_000);
});

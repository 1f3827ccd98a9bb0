/**
 * Responsiveness of the built app's main thread (not a test): `npx tsx bench/responsiveness.ts
 * [--runs 3] [--profile]`. Serves dist/ (build it first), and in headless Chromium, per run (fresh
 * context):
 * - every long task (PerformanceObserver, buffered from the page's start), split into those before
 *   the map's first idle and those after it, until the page has been quiet for 3 s;
 * - a language switch (中文 → English and back): the click's own synchronous time, the time to the
 *   next frame after it, and the long tasks it causes;
 * With --profile, the top self-time functions of one language switch (Chrome's CPU profiler).
 * Figures under SwiftShader are inflated: compare runs, not machines.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.ts';
import { atlasDrawn, launchBrowser, VIEWPORT } from '../tests/e2e/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const profile = args.includes('--profile');

interface LongTask {
  start: number;
  duration: number;
}

async function longTasks(page: Page, from = 0): Promise<LongTask[]> {
  return page.evaluate((from) => ((window as unknown as { __long: LongTask[] }).__long ?? []).filter((l) => l.start >= from), from);
}

async function quiet(page: Page, ms = 3000, max = 30_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const last = await page.evaluate(() => {
      const l = (window as unknown as { __long: LongTask[] }).__long ?? [];
      const end = l.length ? Math.max(...l.map((x) => x.start + x.duration)) : 0;
      return performance.now() - end;
    });
    if (last >= ms || Date.now() - t0 > max) return;
    await page.waitForTimeout(500);
  }
}

async function switchLanguage(page: Page, to: 'en' | 'zh'): Promise<{ sync: number; nextFrame: number; long: LongTask[] }> {
  const r = await page.evaluate(async (to) => {
    const t0 = performance.now();
    (document.querySelector(`[data-testid=lang-${to}]`) as HTMLButtonElement).click();
    const sync = performance.now() - t0;
    await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { t0, sync, nextFrame: performance.now() - t0 };
  }, to);
  await quiet(page, 2000);
  return { sync: r.sync, nextFrame: r.nextFrame, long: await longTasks(page, r.t0 - 1) };
}

const fmt = (l: LongTask[]) => `[${l.map((x) => Math.round(x.duration)).join(', ')}]`;

async function main(): Promise<void> {
  const site = await serveStatic({ '': join(ROOT, 'dist') });
  const browser = await launchBrowser();
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', serviceWorkers: 'block' });
      await context.addInitScript(() => {
        const w = window as unknown as { __long: LongTask[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      // The page's test hooks (src/hooks.ts) are installed only on request: atlasDrawn reads them.
      await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true; globalThis.__name = globalThis.__name || ((fn) => fn);');
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await atlasDrawn(page);
      const idle = await page.evaluate(() => performance.now());
      await quiet(page);
      const all = await longTasks(page);
      const before = all.filter((l) => l.start < idle);
      const after = all.filter((l) => l.start >= idle);
      console.log(`run ${run}: first idle (layers set) at ${Math.round(idle)} ms; long tasks before it ${fmt(before)}, after it ${fmt(after)} (max ${Math.round(Math.max(0, ...after.map((l) => l.duration)))} ms)`);
      for (const to of ['en', 'zh'] as const) {
        let prof: unknown;
        const cdp = profile && run === 1 ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const s = await switchLanguage(page, to);
        if (cdp) prof = ((await cdp.send('Profiler.stop')) as { profile: unknown }).profile;
        const total = s.long.reduce((a, l) => a + l.duration, 0);
        console.log(`  → ${to}: click ${Math.round(s.sync)} ms, to the next frame ${Math.round(s.nextFrame)} ms; long tasks ${fmt(s.long)} (sum ${Math.round(total)} ms)`);
        if (prof) printProfile(prof as CpuProfile);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function printProfile(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const k = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  for (const [k, us] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`      ${(us / 1000).toFixed(0).padStart(5)} ms  ${k}`);
}

await main();

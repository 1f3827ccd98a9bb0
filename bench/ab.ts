/**
 * An A/B of two builds' start (not part of `npm run bench`): `npx tsx bench/ab.ts DIR_A DIR_B [--pairs 10]`.
 * Loads the app of each built directory in turn (A B, then B A, …), in fresh contexts of one headless
 * Chromium, and prints for each the medians of first idle and whole atlas drawn (the marks of
 * src/hooks.ts) and the page's start marks of its first load. A removal test builds the app once
 * with a part taken out (e.g. `npx vite build --outDir .tmp/dist-without`) and compares it with the
 * whole build here: both sides in the same browser and the same minutes, so the machine's drift
 * falls on both (bench/README.md, "Session 17").
 */
import { launchBrowser } from '../tests/e2e/browser.ts';
import { serveStatic } from '../scripts/static-server.ts';

const args = process.argv.slice(2);
const [dirA, dirB] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--pairs');
if (!dirA || !dirB) {
  console.error('usage: npx tsx bench/ab.ts DIR_A DIR_B [--pairs 10]');
  process.exit(2);
}
const pairs = args.includes('--pairs') ? Number(args[args.indexOf('--pairs') + 1]) || 10 : 10;

interface Load {
  idle: number;
  atlas: number;
  marks: string;
}
type W = { __atlas?: { idleAt?: number; atlasIdleAt?: number } };

const site = await serveStatic({ a: dirA, b: dirB }, { 'cache-control': 'max-age=3600' });
const browser = await launchBrowser();
const loads: Record<'a' | 'b', Load[]> = { a: [], b: [] };

async function load(side: 'a' | 'b'): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true; globalThis.__name = globalThis.__name || ((fn) => fn);');
  const page = await context.newPage();
  await page.goto(`${site.origin}/${side}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as W).__atlas?.atlasIdleAt, undefined, { timeout: 120_000, polling: 50 });
  loads[side].push(
    await page.evaluate(() => ({
      idle: (window as unknown as W).__atlas!.idleAt!,
      atlas: (window as unknown as W).__atlas!.atlasIdleAt!,
      marks: performance
        .getEntriesByType('mark')
        .map((m) => `${m.name.replace('atlas:', '')} ${Math.round(m.startTime)}`)
        .join(', '),
    })),
  );
  await context.close();
}

for (let i = 0; i < pairs; i++) for (const side of i % 2 ? (['b', 'a'] as const) : (['a', 'b'] as const)) await load(side);
await browser.close();
await site.close();

const median = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;
for (const [side, dir] of [
  ['a', dirA],
  ['b', dirB],
] as const) {
  const l = loads[side];
  console.log(`${side.toUpperCase()} ${dir}: first idle ${ms(median(l.map((x) => x.idle)))}, whole atlas drawn ${ms(median(l.map((x) => x.atlas)))} (medians of ${l.length})`);
  console.log(`  first idle: ${l.map((x) => Math.round(x.idle)).join(', ')}`);
  console.log(`  whole atlas: ${l.map((x) => Math.round(x.atlas)).join(', ')}`);
  console.log(`  marks of the first load: ${l[0]!.marks}`);
}
const [ia, ib] = [median(loads.a.map((x) => x.idle)), median(loads.b.map((x) => x.idle))];
console.log(`B / A: first idle ${(ib / ia).toFixed(3)} ×, whole atlas ${(median(loads.b.map((x) => x.atlas)) / median(loads.a.map((x) => x.atlas))).toFixed(3)} ×`);

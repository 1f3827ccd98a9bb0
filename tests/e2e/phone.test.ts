/**
 * The atlas on a phone (390×844, touch, pixel ratio 2; and 320×568): the map fills the screen, the
 * side panel is a bottom sheet (collapsed, half, full: handle tap, arrow keys, drag), the legend is
 * a button, a tap on a project selects it and opens the sheet with its panel, and the project is
 * fitted above the sheet. No control is off the screen or under another one, in every state of the
 * sheet. Screenshots: docs/screenshots/phone.png, phone-project.png; test-results/phone-320.png.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { assertClean, atlasDrawn, openPage, sessionForFile, waitForMapIdle } from './browser.ts';

const baseUrl = inject('baseUrl');
const session = sessionForFile({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const SHOTS = 'docs/screenshots';

/** Small enough for the README: one CSS pixel a pixel. */
async function shot(page: Page, path: string): Promise<void> {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  await page.screenshot({ path, scale: 'css', timeout: 120_000 });
}

const sheetState = (page: Page) => page.getByTestId('side-panel').getAttribute('data-sheet');
const rectOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect, selector);

/**
 * Every control a user can reach (buttons, tabs, radios, links): brought into view the way a
 * user would (scrolling only the containers that scroll), then its centre must be on the screen
 * and the control must be what is under it. Returns the ones that fail, described.
 */
async function unreachable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const controls = [...document.querySelectorAll<HTMLElement>('button, [role="button"], [role="tab"], [role="radio"], a[href]:not(.skip-link)')];
    const scrollers = (el: HTMLElement) => {
      const out: HTMLElement[] = [];
      for (let p = el.parentElement; p; p = p.parentElement) out.push(p);
      return out;
    };
    for (const el of controls) {
      // Not shown: a collapsed sheet's tabs, a closed <details>'s contents.
      if (el.getClientRects().length === 0 || !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      // Only containers that scroll for the user may have moved: not the page, not a clipped box.
      const forced = scrollers(el).filter((p) => (p.scrollTop || p.scrollLeft) && !/(auto|scroll)/.test(getComputedStyle(p).overflowY + getComputedStyle(p).overflowX));
      const name = `${el.tagName.toLowerCase()}[${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}]`;
      for (const p of forced) {
        bad.push(`${name}: reached only by scrolling ${p.className || p.tagName}, which does not scroll`);
        p.scrollTop = 0;
        p.scrollLeft = 0;
      }
      if (document.scrollingElement && (document.scrollingElement.scrollTop || document.scrollingElement.scrollLeft)) {
        bad.push(`${name}: the page scrolled`);
        document.scrollingElement.scrollTo(0, 0);
      }
      // A link that wraps: the middle of its first line.
      const r = el.getClientRects()[0]!;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
        bad.push(`${name}: centre ${Math.round(x)},${Math.round(y)} off the ${window.innerWidth}×${window.innerHeight} screen`);
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (!top || !(el === top || el.contains(top))) bad.push(`${name}: under ${top?.tagName.toLowerCase()}.${top?.className}`);
    }
    for (const b of document.querySelectorAll<HTMLElement>('.side-panel__body')) b.scrollTop = 0;
    return bad;
  });
}

/** A canvas point (in the page) where a tap picks a project, in the map's part above the sheet and clear of the overlays. */
async function projectPoint(page: Page): Promise<{ x: number; y: number; id: string }> {
  const p = await page.evaluate(() => {
    const { map, pick } = window.__atlas!;
    const canvas = map.getCanvas();
    const r = canvas.getBoundingClientRect();
    const sheetTop = document.querySelector('.side-panel')!.getBoundingClientRect().top;
    for (let y = 120; y < sheetTop - r.top - 20; y += 4)
      for (let x = 20; x < canvas.clientWidth - 20; x += 4) {
        const t = pick!(x, y);
        if (t?.kind !== 'project') continue;
        if (document.elementFromPoint(r.left + x, r.top + y) !== canvas) continue;
        return { x: r.left + x, y: r.top + y, id: t.id };
      }
    return null;
  });
  if (!p) throw new Error('no project to tap on the map');
  return p;
}

describe('on a phone, 390×844', () => {
  it('the map fills the screen, the panel is a collapsed sheet, the legend a button', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    const canvas = await rectOf(page, 'canvas.maplibregl-canvas');
    expect([canvas.x, canvas.y, canvas.width, canvas.height]).toEqual([0, 0, 390, 844]);
    expect(await sheetState(page)).toBe('collapsed');
    const sheet = await rectOf(page, '.side-panel');
    expect(sheet.bottom).toBe(844);
    expect(sheet.width).toBe(390);
    expect(sheet.height).toBeLessThanOrEqual(70);
    // The legend is closed to its button; the search and the tabs wait in the sheet.
    expect(await page.locator('.map-legend__toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.map-legend__body').count()).toBe(0);
    expect(await page.getByTestId('tab-details').isVisible()).toBe(false);
    await shot(page, `${SHOTS}/phone.png`);
    expect(await unreachable(page)).toEqual([]);
    assertClean(rec);
    await page.close();
  });

  it('a tap on a project selects it, opens the sheet half with its panel, and fits it above the sheet', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    const target = await projectPoint(page);
    await page.touchscreen.tap(target.x, target.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(target.id);
    await expect.poll(() => sheetState(page)).toBe('half');
    await expect.poll(() => page.getByTestId('project-card').getAttribute('data-project')).toBe(target.id);
    expect(await page.getByTestId('project-name').isVisible()).toBe(true);
    await waitForMapIdle(page);
    // The project lies in the part of the map the sheet leaves.
    const placed = await page.evaluate(async (id) => {
      const res = await fetch('data/projects.geojson');
      const fc = (await res.json()) as GeoJSON.FeatureCollection;
      const f = fc.features.find((x) => x.properties?.id === id)!;
      const coords: number[][] = [];
      const walk = (c: unknown): void => void (typeof (c as number[])[0] === 'number' ? coords.push(c as number[]) : (c as unknown[]).forEach(walk));
      walk((f.geometry as GeoJSON.Point).coordinates);
      const map = window.__atlas!.map;
      const ys = coords.map((c) => map.project(c as [number, number]).y);
      const xs = coords.map((c) => map.project(c as [number, number]).x);
      return { top: Math.min(...ys), bottom: Math.max(...ys), left: Math.min(...xs), right: Math.max(...xs), sheetTop: document.querySelector('.side-panel')!.getBoundingClientRect().top };
    }, target.id);
    expect(placed.top).toBeGreaterThanOrEqual(0);
    expect(placed.bottom).toBeLessThanOrEqual(placed.sheetTop);
    expect(placed.left).toBeGreaterThanOrEqual(0);
    expect(placed.right).toBeLessThanOrEqual(390);
    await shot(page, `${SHOTS}/phone-project.png`);
    expect(await unreachable(page)).toEqual([]);
    assertClean(rec);
    await page.close();
  });

  it('the legend button opens the legend above the sheet, on the screen', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    const toggle = page.locator('.map-legend__toggle');
    const box = (await toggle.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.map-legend__body [data-layer="railways"]').isVisible()).toBe(true);
    const legend = await rectOf(page, '.map-legend');
    const sheet = await rectOf(page, '.side-panel');
    const timeline = await rectOf(page, '.timeline');
    expect(legend.top).toBeGreaterThanOrEqual(90); // below the zoom buttons and the scale
    expect(legend.bottom).toBeLessThanOrEqual(timeline.top);
    expect(timeline.bottom).toBeLessThanOrEqual(sheet.top);
    expect(await unreachable(page)).toEqual([]);
    assertClean(rec);
    await page.close();
  });

  it('the sheet steps collapsed → half → full by its handle, by the arrow keys and by a drag', async () => {
    const { page, rec } = await openPage(session(), baseUrl);
    await atlasDrawn(page);
    const handle = page.getByTestId('sheet-handle');
    await handle.tap();
    await expect.poll(() => sheetState(page)).toBe('half');
    const half = await rectOf(page, '.side-panel');
    expect(Math.abs(half.height - 422)).toBeLessThanOrEqual(2);
    expect(await page.getByTestId('tab-layers').isVisible()).toBe(true);
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => sheetState(page)).toBe('full');
    expect(await unreachable(page)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sheetState(page)).toBe('collapsed');
    await page.keyboard.press('Enter');
    await expect.poll(() => sheetState(page)).toBe('half');
    // A drag up most of the screen leaves it full; one down to the foot, collapsed.
    const b = (await handle.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, 120, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => sheetState(page)).toBe('full');
    const f = (await handle.boundingBox())!;
    await page.mouse.move(f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.down();
    await page.mouse.move(f.x + f.width / 2, 830, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => sheetState(page)).toBe('collapsed');
    expect(await page.getByTestId('side-panel').evaluate((el) => el.style.height)).toBe('');
    assertClean(rec);
    await page.close();
  });
});

describe('on a small phone, 320×568', () => {
  it('nothing is off the screen or covered, in every state of the sheet and with the legend open', async () => {
    const { page, rec } = await openPage(session(), baseUrl, '?project=rail-baotou-yinchuan-hsr&mode=now');
    await page.setViewportSize({ width: 320, height: 568 });
    await atlasDrawn(page);
    expect(await sheetState(page)).toBe('half');
    expect(await page.getByTestId('timeline-slider').isVisible()).toBe(true);
    expect(await unreachable(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/phone-320.png', scale: 'css' });
    for (const tab of ['layers', 'outline']) {
      await page.getByTestId(`tab-${tab}`).tap();
      expect(await unreachable(page)).toEqual([]);
    }
    await page.getByTestId('sheet-handle').tap();
    await expect.poll(() => sheetState(page)).toBe('full');
    expect(await unreachable(page)).toEqual([]);
    await page.getByTestId('sheet-handle').tap();
    await expect.poll(() => sheetState(page)).toBe('collapsed');
    await page.locator('.map-legend__toggle').tap();
    await expect.poll(() => page.locator('.map-legend__toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await unreachable(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/phone-320-legend.png', scale: 'css' });
    assertClean(rec);
    await page.close();
  });
});

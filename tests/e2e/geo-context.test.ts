/**
 * The basemap's real geography in the browser: at Baotou (zoom 7) the Yellow River and its Hetao
 * loop are drawn in water blue, the county seats are named in the page's language, and the plan's
 * lines lie above the river. Screenshots: test-results/geo-context-baotou-{zh,en}.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE } from '../../src/map/basemap/palette.ts';
import { assertClean, atlasDrawn, canvasColourShares, launch, openPage, screenshot, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

type Page = import('playwright-core').Page;

/** Text of the rendered features of some layers (text-field as MapLibre evaluated it per feature). */
async function rendered(page: Page, layers: string[]): Promise<Array<{ layer: string; text: string }>> {
  return page.evaluate((ids) => {
    const map = window.__atlas!.map;
    return map.queryRenderedFeatures({ layers: ids.filter((l) => map.getLayer(l)) }).map((f) => {
      const tf = (f.layer.layout as Record<string, unknown> | undefined)?.['text-field'] as unknown;
      const text =
        typeof tf === 'string' ? tf : tf && typeof tf === 'object' && 'sections' in tf ? (tf as { sections: Array<{ text: string }> }).sections.map((s) => s.text).join('') : String(f.properties?.name_zh ?? '');
      return { layer: f.layer.id, text };
    });
  }, layers);
}

/** Share of the page's pixels within `tol` of a colour, in a box of the page (x, y, w, h). */
async function colourShareIn(page: Page, hex: string, box: [number, number, number, number], tol = 14): Promise<number> {
  return (await canvasColourShares(page, { c: hex }, tol, box)).c;
}

describe('rivers, lakes and towns at Baotou', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`draws the Yellow River's Hetao loop and names the county seats (${lang})`, async () => {
      const { page, rec } = await openPage(session, baseUrl, `${lang === 'en' ? '?lang=en' : ''}#map=7/40.7/110`);
      await atlasDrawn(page);
      const file = await screenshot(page, `geo-context-baotou-${lang}.png`);

      // The river is drawn where the Yellow River runs: the rivers layer has it in view …
      const rivers = await page.evaluate(() =>
        window.__atlas!.map.queryRenderedFeatures({ layers: ['rivers'] }).map((f) => String(f.properties?.name_zh ?? '')),
      );
      expect(rivers, file).toContain('黄河');
      expect(rivers).toContain('乌加河');
      // … and water blue shows on the canvas along it: a box on the river south of Baotou.
      const p = await page.evaluate(() => {
        const map = window.__atlas!.map;
        const r = map.getCanvas().getBoundingClientRect();
        const a = map.project([109.6, 40.62]);
        const b = map.project([110.4, 40.38]);
        return [r.left + a.x, r.top + a.y, b.x - a.x, b.y - a.y] as [number, number, number, number];
      });
      expect(await colourShareIn(page, PALETTE.river, p), 'river blue south of Baotou').toBeGreaterThan(0.002);

      // County seats around Baotou named in the page's language, town labels in no other script.
      const towns = (await rendered(page, ['labels-town'])).map((t) => t.text);
      const expected = lang === 'zh' ? ['土默特右旗', '达拉特旗', '包头'] : ['Tumed Right Banner', 'Dalad Banner', 'Baotou'];
      for (const name of expected) expect(towns, `${file}: ${towns.join(' ')}`).toContain(name);
      // A county named at its seat is not named again at its centre.
      const counties = (await rendered(page, ['labels-county'])).map((t) => t.text);
      expect(counties.filter((c) => towns.includes(c))).toEqual([]);
      if (lang === 'en') expect(towns.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
      else expect(towns.filter((t) => /^[A-Za-z]/.test(t))).toEqual([]);
      // The river's name is written along it.
      const water = (await rendered(page, ['labels-river', 'labels-lake'])).map((t) => t.text);
      expect(water).toContain(lang === 'zh' ? '黄河' : 'Yellow River');

      // Water and town dots lie under the borders and the plan's layers (inserted before the labels).
      const order = await page.evaluate(() => window.__atlas!.map.getStyle().layers.map((l) => l.id));
      const at = (id: string) => order.indexOf(id);
      expect(at('rivers')).toBeGreaterThan(-1);
      expect(at('rivers')).toBeLessThan(at('counties-border'));
      expect(at('lakes-fill')).toBeLessThan(at('provinces-border'));
      expect(at('towns-dot')).toBeLessThan(at('labels-sea'));
      assertClean(rec);
      await page.close();
    });
  }
});

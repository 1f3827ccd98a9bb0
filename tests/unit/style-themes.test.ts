/**
 * The themes MapLibre draws keep their data while only the selection (or, for labels, the zoom)
 * changes: new data would make MapLibre's worker tile and lay out every feature again on each
 * click. The selection acts through feature state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS, type Emphasis } from '../../src/domain/selection.ts';
import { cacheFor, THEMES } from '../../src/map/themes/index.ts';
import { mergedDraw } from '../../src/map/themes/draw-data.ts';
import { buildThemeLayers, makeLayers } from '../../src/map/themes/deck-layers.ts';
import { deckDraws } from '../../src/map/themes/deck-needs.ts';
import { themeLines } from '../../src/map/themes/line-layers.ts';
import { themeSymbols } from '../../src/map/themes/symbol-layers.ts';
import type { LayerContext } from '../../src/map/themes/types.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const ctx = (over: Partial<LayerContext> = {}): LayerContext => ({ catalogue: cat, filters: NO_FILTERS, lang: 'zh', emphasis: NO_EMPHASIS, lens: PLAN_LENS, scale: 1, zoom: 5, ...over });
const selecting = (projects: ReadonlySet<string>): Emphasis => ({ kind: 'selection', projects, places: new Set(), highlight: null });

describe('thematic layers across selections', () => {
  it('keep the symbols\' and labels\' data when only the emphasis or the zoom changes; dimming and showing are feature state', () => {
    const ids = THEMES.map((t) => t.id);
    const baotou = selecting(new Set(cat.projectsTouching('150200').map((t) => t.project.properties.id)));
    const chifeng = selecting(new Set(cat.projectsTouching('150400').map((t) => t.project.properties.id)));
    expect(baotou.kind === 'selection' && baotou.projects.size).toBeGreaterThan(5);
    const none = themeSymbols(ctx(), ids);
    const a = themeSymbols(ctx({ emphasis: baotou }), ids);
    const b = themeSymbols(ctx({ emphasis: chifeng, zoom: 7.5 }), ids);
    for (const x of [a, b]) {
      expect(x.icons).toBe(none.icons);
      expect(x.labels).toBe(none.labels);
    }
    expect(none.dimmed).toEqual([]);
    expect(a.dimmed.length).toBeGreaterThan(0);
    expect(a.dimmed).not.toEqual(b.dimmed);
    // Dimmed: exactly the symbols whose projects (or places) the selection does not hold.
    const draw = mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS);
    const emph = baotou.kind === 'selection' ? baotou : null;
    draw.icons.forEach((d, i) => expect(a.dimmed.includes(i), d.ids.join()).toBe(!d.ids.some((id) => emph!.projects.has(id)) && !(d.placeId && emph!.places.has(d.placeId))));
    // Labels: none at the first zoom with nothing selected, place names from zoom 5, the selection's from 7.5.
    expect(themeSymbols(ctx({ zoom: 4 }), ids).shown).toEqual([]);
    expect(none.shown.length).toBeGreaterThan(0);
    expect(b.shown).not.toEqual(none.shown);
    // A new language or scale is new label data; no labels asked for (exports without labels): none shown.
    expect(themeSymbols(ctx({ lang: 'en' }), ids).labels).not.toBe(none.labels);
    expect(themeSymbols(ctx({ scale: 2 }), ids).icons).not.toBe(none.icons);
    expect(themeSymbols(ctx({ labels: false }), ids).shown).toEqual([]);
    // deck.gl draws none of the plan's themes (no theme is hatched, every area is made of regions).
    expect(makeLayers('themes', draw, ctx({ emphasis: baotou }))).toEqual([]);
  });

  it("keep the lines' data when only the emphasis changes; the emphasis dims through feature state", () => {
    const ids = THEMES.map((t) => t.id);
    const baotou = selecting(new Set(cat.projectsTouching('150200').map((t) => t.project.properties.id)));
    const chifeng = selecting(new Set(cat.projectsTouching('150400').map((t) => t.project.properties.id)));
    const none = themeLines(ctx(), ids);
    const a = themeLines(ctx({ emphasis: baotou }), ids);
    const b = themeLines(ctx({ emphasis: chifeng }), ids);
    expect(a.data).toBe(none.data);
    expect(b.data).toBe(none.data);
    expect(none.dimmed).toEqual([]);
    expect(a.dimmed).not.toEqual(b.dimmed);
    // Dimmed: exactly the lines of projects the selection does not hold.
    const held = a.data.features.filter((f) => !a.dimmed.includes(f.id as number)).map((f) => f.properties.project);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((id) => baotou.kind === 'selection' && baotou.projects.has(id))).toBe(true);
    expect(a.dimmed.every((i) => baotou.kind === 'selection' && !baotou.projects.has(a.data.features[i]!.properties.project))).toBe(true);
    // Another scale is new data (widths in pixels).
    expect(themeLines(ctx({ scale: 2 }), ids).data).not.toBe(none.data);
  });
});

describe('deckDraws', () => {
  it('says whether deck.gl draws anything for a state, as buildThemeLayers does (without its empty group keepers)', () => {
    const ids = THEMES.map((t) => t.id);
    const baotou = selecting(new Set(cat.projectsTouching('150200').map((t) => t.project.properties.id)));
    const line: Emphasis = { kind: 'selection', projects: new Set(['rail-beijing-huhehaote-hsr']), places: new Set(), highlight: 'rail-beijing-huhehaote-hsr' };
    const cases: [string, LayerContext][] = [
      ['nothing selected', ctx()],
      ['nothing selected, zoomed in', ctx({ zoom: 7.5 })],
      ['a region', ctx({ emphasis: { ...baotou, places: new Set(['baotou']) } as Emphasis })],
      ['a line', ctx({ emphasis: line })],
      ['projects without places or a highlight', ctx({ emphasis: baotou })],
    ];
    const drawn = cases.map(([name, c]) => [name, buildThemeLayers({ ...c, beforeId: 'labels-sea' }, ids).filter((l) => !l.id.startsWith('group-')).length > 0]);
    expect(cases.map(([name, c]) => [name, deckDraws(c, ids, false)])).toEqual(drawn);
    expect(drawn.map(([, d]) => d)).toEqual([false, false, true, true, false]);
    expect(deckDraws(ctx(), ids, true)).toBe(true);
  });
});

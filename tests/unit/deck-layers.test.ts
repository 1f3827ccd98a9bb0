/**
 * The thematic layers keep their data while only the selection changes: deck.gl compares data by
 * reference, and a new array makes it compute every attribute again (a polygon layer tessellates
 * all its shapes) on each click; new line data would make MapLibre's worker tile every line again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS, type Emphasis } from '../../src/domain/selection.ts';
import { cacheFor, THEMES } from '../../src/map/themes/index.ts';
import { mergedDraw } from '../../src/map/themes/draw-data.ts';
import { makeLayers } from '../../src/map/themes/deck-layers.ts';
import { themeLines } from '../../src/map/themes/line-layers.ts';
import type { LayerContext } from '../../src/map/themes/types.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const ctx = (over: Partial<LayerContext> = {}): LayerContext => ({ catalogue: cat, filters: NO_FILTERS, lang: 'zh', emphasis: NO_EMPHASIS, lens: PLAN_LENS, scale: 1, zoom: 5, ...over });
const dataOf = (layers: Layer[], id: string) => layers.find((l) => l.id === id)?.props.data;

const selecting = (projects: ReadonlySet<string>): Emphasis => ({ kind: 'selection', projects, places: new Set(), highlight: null });

describe('thematic layers across selections', () => {
  it('keep every data array when only the emphasis changes, except the labels shown', () => {
    // No icons: their atlas is drawn on a canvas (no DOM here); the symbols' data is the draw data's own.
    const draw = { ...mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS), icons: [] };
    const baotou = selecting(new Set(cat.projectsTouching('150200').map((t) => t.project.properties.id)));
    const chifeng = selecting(new Set(cat.projectsTouching('150400').map((t) => t.project.properties.id)));
    expect(baotou.kind === 'selection' && baotou.projects.size).toBeGreaterThan(5);
    const a = makeLayers('themes', draw, ctx({ emphasis: baotou }));
    const b = makeLayers('themes', draw, ctx({ emphasis: chifeng }));
    expect(a.map((l) => l.id)).toEqual(b.map((l) => l.id));
    // The region-made areas' tints are MapLibre's (area-layers.ts, tested in area-cells.test.ts): no
    // deck.gl fill of them; no theme of the plan is hatched.
    expect(a.map((l) => l.id)).toEqual(['themes-label']);
    for (const l of a) {
      if (l.id === 'themes-label') continue;
      expect(dataOf(b, l.id), l.id).toBe(l.props.data);
    }
    // The labels shown follow the emphasis: the same array for the same selection and zoom only.
    const again = makeLayers('themes', draw, ctx({ emphasis: chifeng }));
    expect(dataOf(again, 'themes-label')).toBe(dataOf(b, 'themes-label'));
    const zoomed = makeLayers('themes', draw, ctx({ emphasis: chifeng, zoom: 7.5 }));
    expect(dataOf(zoomed, 'themes-label')).not.toBe(dataOf(b, 'themes-label'));
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

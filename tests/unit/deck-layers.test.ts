/**
 * The thematic deck.gl layers keep their data arrays while only the selection changes: deck.gl
 * compares data by reference, and a new array makes it compute every attribute again (a path
 * layer tessellates all its lines) on each click.
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
    const casing = dataOf(a, 'themes-line-casing');
    expect(Array.isArray(casing) && casing.length).toBeGreaterThan(0);
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
});

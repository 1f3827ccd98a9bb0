/**
 * The area tints are drawn in spatial chunks and the overlay skips chunks outside the view
 * (src/map/cull.ts). A chunk wrongly skipped would leave a hole in the map, so these tests check
 * that every cell touching a view is drawn, and that a zoomed-in view draws much less.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WebMercatorViewport, type Layer } from '@deck.gl/core';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS } from '../../src/domain/selection.ts';
import { bbox } from '@turf/turf';
import { chunkByExtent, extentOf, extentsOverlap, layerInView, withExtent, type Extent } from '../../src/map/cull.ts';
import { cacheFor, THEMES } from '../../src/map/themes/index.ts';
import { areaCells, CELL_CHUNK_VERTICES, cellChunks, type CellD } from '../../src/map/themes/area-cells.ts';
import { mergedDraw } from '../../src/map/themes/draw-data.ts';
import { makeLayers } from '../../src/map/themes/deck-layers.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const view = (longitude: number, latitude: number, zoom: number) => new WebMercatorViewport({ width: 1280, height: 800, longitude, latitude, zoom });
const fakeLayer = (data: unknown) => ({ props: { data } }) as unknown as Layer;
const vertices = (c: CellD) => c.polygon.reduce((n, r) => n + r.length, 0);

describe('chunkByExtent', () => {
  const boxes: Extent[] = Array.from({ length: 40 }, (_, i) => [i % 8, Math.floor(i / 8), (i % 8) + 0.9, Math.floor(i / 8) + 0.9]);

  it('puts every item in exactly one chunk, in input order, under the weight cap', () => {
    const chunks = chunkByExtent(boxes, (b) => b, () => 3, 10);
    expect(chunks.flat().sort((a, b) => boxes.indexOf(a) - boxes.indexOf(b))).toEqual(boxes);
    expect(new Set(chunks.flat()).size).toBe(boxes.length);
    for (const c of chunks) {
      expect(c.length * 3).toBeLessThanOrEqual(10);
      expect(c.map((b) => boxes.indexOf(b))).toEqual(c.map((b) => boxes.indexOf(b)).sort((a, b) => a - b));
    }
  });

  it('gives each chunk the extent of its items, and neighbours share chunks', () => {
    // The grid's boxes in a scrambled order: chunks by input order would be scattered.
    const scrambled = boxes.map((_, i) => boxes[(i * 17) % boxes.length]!);
    const spread = (chunks: Extent[][]) => chunks.reduce((s, c) => { const e = c.reduce((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])] as Extent); return s + (e[2] - e[0]) * (e[3] - e[1]); }, 0);
    const chunks = chunkByExtent(scrambled, (b) => b, () => 1, 4);
    for (const c of chunks) {
      const e = extentOf(c)!;
      expect(e).toBeDefined();
      for (const b of c) expect(e[0] <= b[0] && e[1] <= b[1] && e[2] >= b[2] && e[3] >= b[3]).toBe(true);
    }
    const byOrder = Array.from({ length: 10 }, (_, i) => scrambled.slice(i * 4, i * 4 + 4));
    expect(spread(chunks)).toBeLessThan(spread(byOrder) / 3);
    // Four neighbours in a 2 × 2 block span 1.9 × 1.9; the chunks stay near that.
    expect(spread(chunks) / chunks.length).toBeLessThan(6);
  });

  it('keeps an item heavier than the cap as a chunk of its own', () => {
    const chunks = chunkByExtent(boxes.slice(0, 3), (b) => b, (b) => (b === boxes[1] ? 50 : 1), 10);
    expect(chunks.some((c) => c.length === 1 && c[0] === boxes[1])).toBe(true);
  });
});

describe('layerInView', () => {
  it('draws a layer without a recorded extent, and one whose extent meets the view', () => {
    const v = view(111.5, 40, 6.8);
    expect(layerInView({ layer: fakeLayer([1, 2]), viewport: v })).toBe(true);
    expect(layerInView({ layer: fakeLayer(withExtent([1], [110, 39, 112, 41])), viewport: v })).toBe(true);
    const far = fakeLayer(withExtent([2], [125, 45, 126, 46]));
    expect(layerInView({ layer: far, viewport: v })).toBe(false);
    // The same layer comes back in a view that reaches it.
    expect(layerInView({ layer: far, viewport: view(120, 43, 4) })).toBe(true);
    // A view whose corners have no position (past the horizon) culls nothing.
    const horizon = { getBounds: () => [Number.NaN, 30, Number.NaN, Number.NaN] } as unknown as WebMercatorViewport;
    expect(layerInView({ layer: far, viewport: horizon })).toBe(true);
  });

  it('skips no cell that touches the view, and draws far fewer vertices zoomed in', () => {
    const cells = areaCells(mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS).fills, cat).cells;
    const chunks = cellChunks(cells);
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.flat()).toHaveLength(cells.length);
    const total = cells.reduce((n, c) => n + vertices(c), 0);
    for (const c of chunks) expect(c.length === 1 || c.reduce((n, x) => n + vertices(x), 0) <= CELL_CHUNK_VERTICES).toBe(true);

    const drawn = (v: WebMercatorViewport) => {
      const b = v.getBounds() as Extent;
      const kept = chunks.filter((c) => layerInView({ layer: fakeLayer(c), viewport: v }));
      for (const cell of cells) if (extentsOverlap(bbox({ type: 'Polygon', coordinates: cell.polygon }) as Extent, b)) expect(kept.some((c) => c.includes(cell)), cell.code).toBe(true);
      return kept.flat().reduce((n, c) => n + vertices(c), 0);
    };
    // The first view: everything.
    expect(drawn(view(111.5, 43, 4.6))).toBe(total);
    // The frames benchmark's county-level view (Shanxi and the south of Inner Mongolia).
    expect(drawn(view(111.5, 37.7, 6.8))).toBeLessThan(total * 0.5);
    expect(drawn(view(113, 40.5, 6.8))).toBeLessThan(total * 0.8);
  });

  it('is what the thematic area layers carry: one layer per chunk, each with its extent', () => {
    const layers = makeLayers('themes', { ...mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS), icons: [], labels: [], lines: [] }, { catalogue: cat, filters: NO_FILTERS, lang: 'zh', emphasis: NO_EMPHASIS, lens: PLAN_LENS, scale: 1, zoom: 5 });
    const areas = layers.filter((l) => l.id.startsWith('themes-area-fill-'));
    expect(areas.length).toBe(cellChunks(areaCells(mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS).fills, cat).cells).length);
    for (const l of areas) expect(extentOf(l.props.data)).toBeDefined();
  });
});

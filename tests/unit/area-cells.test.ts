/**
 * Region-made areas are drawn as their leaf regions, each once, in the strongest tint over it
 * (src/map/themes/area-cells.ts). These tests hold that drawing to the per-area one it
 * replaced: same ground, same colour at every point, same shapes when only the emphasis changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS, type Emphasis } from '../../src/domain/selection.ts';
import { cacheFor, THEMES } from '../../src/map/themes/index.ts';
import { areaCells, cellChunks, chunkEmphasisKey, strongestTint, type CellD } from '../../src/map/themes/area-cells.ts';
import { areaAlpha, mergedDraw, tint, type FillD } from '../../src/map/themes/draw-data.ts';
import { makeLayers } from '../../src/map/themes/deck-layers.ts';
import type { LayerContext } from '../../src/map/themes/types.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const ctx = (over: Partial<LayerContext> = {}): LayerContext => ({ catalogue: cat, filters: NO_FILTERS, lang: 'zh', emphasis: NO_EMPHASIS, lens: PLAN_LENS, scale: 1, zoom: 5, ...over });

const selecting = (projects: ReadonlySet<string>): Emphasis => ({ kind: 'selection', projects, places: new Set(), highlight: null });

describe('leaf cells of regions', () => {
  it('breaks a province and a league into their counties and keeps a region without children', () => {
    const im = cat.regions.leafCells(['150000']);
    expect(im.length).toBe(cat.regions.descendants('150000').filter((c) => cat.regions.level(c) === 'county').length);
    expect(im.every((c) => cat.regions.level(c) === 'county' && c.startsWith('15'))).toBe(true);
    expect(cat.regions.leafCells(['150200'])).toEqual(cat.regions.children('150200').slice().sort());
    expect(cat.regions.leafCells(['110000'])).toEqual(['110000']);
    expect(cat.regions.leafCells(['130100'])).toEqual(['130100']);
    // Overlapping codes count once; unknown codes are dropped.
    expect(cat.regions.leafCells(['150200', '150203', '150200', 'nowhere'])).toEqual(cat.regions.leafCells(['150200']));
  });

  it('gives every region-made area of the catalogue cells covering the ground it draws', () => {
    const areas = cat.allProjects().filter((p) => p.properties.geometry_spec === 'area');
    expect(areas.length).toBeGreaterThan(20);
    for (const p of areas) {
      const cells = p.properties.cells ?? [];
      expect(cells.length, p.properties.id).toBeGreaterThan(0);
      const cellArea = cells.reduce((s, c) => s + area(cat.regions.get(c)!), 0);
      expect(Math.abs(cellArea - area(p)) / area(p), p.properties.id).toBeLessThan(1e-3);
    }
    // Point and line projects have none.
    expect(cat.allProjects().filter((p) => p.properties.geometry_spec !== 'area').every((p) => p.properties.cells == null)).toBe(true);
  });
});

describe('areas drawn as cells', () => {
  const fills = () => mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS).fills;
  // The area layers only (the symbol layers need a DOM canvas for their icon atlas).
  const areaLayers = (c: LayerContext) => makeLayers('themes', { ...mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS), icons: [], labels: [], lines: [] }, c).filter((l) => /^themes-area-fill-\d+$/.test(l.id));

  /** What the per-area drawing gave at a point: the least tint, channel by channel, of the areas over it. */
  function perAreaColour(all: readonly FillD[], alpha: (d: FillD) => number, pt: [number, number]): [number, number, number] {
    const out: [number, number, number] = [255, 255, 255];
    for (const f of all) {
      if (!booleanPointInPolygon(pt, turfPolygon(f.polygon))) continue;
      const t = tint(f.color, alpha(f));
      for (let i = 0; i < 3; i++) out[i] = Math.min(out[i]!, t[i]!);
    }
    return out;
  }

  function checkEveryCell(c: LayerContext) {
    const all = fills();
    const { cells, rest } = areaCells(all, cat);
    expect(rest).toEqual([]);
    expect(cells.length).toBeGreaterThan(100);
    const alpha = areaAlpha(c);
    let checked = 0;
    for (const cell of cells) {
      const pt = pointOnFeature(turfPolygon(cell.polygon)).geometry.coordinates as [number, number];
      expect(strongestTint(cell.fills, alpha).slice(0, 3), cell.code).toEqual(perAreaColour(all, alpha, pt));
      checked++;
    }
    return checked;
  }

  it('colours every cell as the overlapping per-area tints did', () => {
    expect(checkEveryCell(ctx())).toBeGreaterThan(100);
  });

  it('does so with a selection emphasising some areas and dimming the rest', () => {
    const some = selecting(new Set(cat.allProjects().filter((p) => p.properties.cells?.includes('150203')).map((p) => p.properties.id)));
    expect(some.kind === 'selection' && some.projects.size).toBeGreaterThan(0);
    checkEveryCell(ctx({ emphasis: some }));
  });

  it('draws each cell once, and keeps its shapes when only the emphasis changes', () => {
    const firsts = areaLayers(ctx());
    const some = selecting(new Set(cat.allProjects().filter((p) => p.properties.cells?.includes('150203')).map((p) => p.properties.id)));
    const seconds = areaLayers(ctx({ emphasis: some }));
    expect(seconds.length).toBe(firsts.length);
    seconds.forEach((l, i) => expect(l.props.data).toBe(firsts[i]!.props.data));
    const data = firsts.flatMap((l) => l.props.data as CellD[]);
    expect(new Set(data)).toEqual(new Set(areaCells(fills(), cat).cells));
    expect(data).toHaveLength(areaCells(fills(), cat).cells.length);
    const parts = new Set(data.map((d) => d.polygon));
    expect(parts.size).toBe(data.length);
    // Fewer shapes than the overlapping areas had parts, and far fewer than their sum of cells.
    const drawnBefore = fills().length;
    expect(new Set(data.map((d) => d.code)).size).toBeLessThan(fills().reduce((s, f) => s + (f.cells?.length ?? 0), 0));
    expect(drawnBefore).toBeGreaterThan(0);
    const getColor = (l: (typeof firsts)[number]) => (l.props as unknown as { getFillColor: (d: CellD) => number[] }).getFillColor;
    const cell = data.find((d) => d.code === '150203')!;
    const at = firsts.findIndex((l) => (l.props.data as CellD[]).includes(cell));
    expect(getColor(seconds[at]!)(cell)).not.toEqual(getColor(firsts[at]!)(cell));
  });

  it('colours a chunk again on a new selection only when its colours change', () => {
    const chunks = cellChunks(areaCells(fills(), cat).cells);
    const touching = (code: string) => selecting(new Set(cat.allProjects().filter((p) => p.properties.cells?.includes(code)).map((p) => p.properties.id)));
    const selections = [NO_EMPHASIS, touching('150203'), touching('150402'), touching('152921'), touching('140100')];
    const colours = (chunk: CellD[], emphasis: Emphasis) => chunk.map((c) => strongestTint(c.fills, areaAlpha({ emphasis })).join(',')).join(' ');
    let kept = 0;
    for (const chunk of chunks)
      for (const a of selections)
        for (const b of selections) {
          const same = chunkEmphasisKey(chunk, a) === chunkEmphasisKey(chunk, b);
          // Same key → same colours (skipping the update is safe); different colours → different keys.
          if (same) expect(colours(chunk, a)).toBe(colours(chunk, b));
          if (colours(chunk, a) !== colours(chunk, b)) expect(same).toBe(false);
          if (same && a !== b && a.kind === 'selection' && b.kind === 'selection') kept++;
        }
    // Between two selections far apart, most chunks keep their colours.
    expect(kept).toBeGreaterThan(chunks.length);
  });

  it('draws areas with an authored outline as they are', () => {
    const own: FillD = { id: 'x', polygon: [[[110, 40], [111, 40], [111, 41], [110, 40]]], color: [10, 20, 30], alpha: 0.2 };
    const { cells, rest } = areaCells([own, ...fills()], cat);
    expect(rest).toEqual([own]);
    expect(cells.length).toBe(areaCells(fills(), cat).cells.length);
  });
});

describe('the label layer', () => {
  // Its font atlas costs a few hundred ms to draw and upload under software WebGL; deck.gl keeps it
  // with the layer's state, which lives as long as a layer of the same id is in the list.
  it('is kept, empty, at zooms that show no labels, under the id it has when it shows some', () => {
    // Without the symbols (their icon atlas needs a DOM canvas).
    const draw = { ...mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS), icons: [] };
    expect(draw.labels.length).toBeGreaterThan(0);
    const labelLayer = (zoom: number) => makeLayers('themes', draw, ctx({ zoom })).find((l) => l.id === 'themes-label');
    const far = labelLayer(4);
    const near = labelLayer(6.5);
    expect(far).toBeDefined();
    expect(far!.props.data).toEqual([]);
    expect((near!.props.data as unknown[]).length).toBeGreaterThan(0);
    // No labels asked for (exports without labels): no layer at all.
    expect(makeLayers('themes', draw, ctx({ zoom: 6.5, labels: false })).some((l) => l.id === 'themes-label')).toBe(false);
  });
});

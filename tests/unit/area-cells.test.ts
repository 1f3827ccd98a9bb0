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
import { areaCells, strongestTint } from '../../src/map/themes/area-cells.ts';
import { landUnder, themeAreas } from '../../src/map/themes/area-layers.ts';
import { themeAreaLayers, type ThemeAreaProps } from '../../src/map/themes/area-style.ts';
import type { Feature, Polygon } from 'geojson';
import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { areaAlpha, mergedDraw, tint, type FillD } from '../../src/map/themes/draw-data.ts';
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

  it('gives MapLibre each cell once, keeps the cells when only the emphasis changes, and colours them through feature state', () => {
    const ids = THEMES.map((t) => t.id);
    const rest = themeAreas(ctx(), ids);
    const some = selecting(new Set(cat.allProjects().filter((p) => p.properties.cells?.includes('150203')).map((p) => p.properties.id)));
    const selected = themeAreas(ctx({ emphasis: some }), ids);
    expect(selected.data).toBe(rest.data);
    expect(rest.colours).toBeNull();
    const { cells } = areaCells(fills(), cat);
    expect(rest.data.features).toHaveLength(cells.length);
    expect(new Set(rest.data.features.map((f) => f.geometry.coordinates)).size).toBe(cells.length);
    expect(rest.data.features.map((f) => f.id)).toEqual(cells.map((_, i) => i));
    // Fewer shapes than the overlapping areas' cells put together.
    expect(cells.length).toBeLessThan(fills().reduce((s, f) => s + (f.cells?.length ?? 0), 0));
    expect(selected.colours).toHaveLength(cells.length);
    const at = cells.findIndex((c) => c.code === '150203');
    expect(selected.colours![at]).not.toBe(rest.data.features[at]!.properties.color);
    // Far from the selection, a cell's colour is the dimmed one, lighter than at rest.
    const far = cells.findIndex((c) => c.code === '150702');
    expect(far).toBeGreaterThanOrEqual(0);
    expect(selected.colours![far]).not.toBe(rest.data.features[far]!.properties.color);
  });

  // The style's own expression, evaluated for every cell with the feature state a selection sets: the
  // colour MapLibre draws is what `min` blending of every area's tint over the land drew.
  function styleColour(f: Feature<Polygon, ThemeAreaProps>, state: { color?: string }): number[] {
    const layer = themeAreaLayers()[0]!;
    const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>).paint_fill!['fill-color']!;
    const e = createExpression(layer.paint!['fill-color'], 'fill-color', spec);
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
    const c = e.value.evaluate({ zoom: 5 }, { type: 3, id: f.id as number, properties: f.properties, geometry: [] } as never, state) as { r: number; g: number; b: number };
    return [c.r, c.g, c.b].map((x) => Math.round(x * 255));
  }

  it('draws with the style every cell in the colour the per-area tints gave over the land, at rest and with a selection', () => {
    const ids = THEMES.map((t) => t.id);
    const all = fills();
    const some = selecting(new Set(cat.allProjects().filter((p) => p.properties.cells?.includes('150402')).map((p) => p.properties.id)));
    for (const emphasis of [NO_EMPHASIS, some]) {
      const areas = themeAreas(ctx({ emphasis }), ids);
      const alpha = areaAlpha({ emphasis });
      let darkened = 0;
      areas.data.features.forEach((f, i) => {
        const pt = pointOnFeature(turfPolygon(f.geometry.coordinates)).geometry.coordinates as [number, number];
        const land = landUnder(cat, f.properties.code);
        const want = perAreaColour(all, alpha, pt).map((v, k) => Math.min(v, land[k]!));
        const got = styleColour(f, areas.colours ? { color: areas.colours[i]! } : {});
        expect(got, f.properties.code).toEqual(want);
        if (want.some((v, k) => v < land[k]!)) darkened++;
      });
      // The tints show: most cells are darker than their land in some channel.
      expect(darkened).toBeGreaterThan(areas.data.features.length / 2);
    }
    // Inner Mongolia's land is its own colour, the Bohai provinces' theirs (as provinces-fill draws them).
    expect(landUnder(cat, '150203')).toEqual([0xe6, 0xd6, 0xad]);
    expect(landUnder(cat, '130100')).not.toEqual(landUnder(cat, '150203'));
  });

  it('draws areas with an authored outline as they are', () => {
    const own: FillD = { id: 'x', polygon: [[[110, 40], [111, 40], [111, 41], [110, 40]]], color: [10, 20, 30], alpha: 0.2 };
    const { cells, rest } = areaCells([own, ...fills()], cat);
    expect(rest).toEqual([own]);
    expect(cells.length).toBe(areaCells(fills(), cat).cells.length);
  });
});

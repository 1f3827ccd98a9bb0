/**
 * The visible themes' area tints as MapLibre draws them (area-style.ts): one feature per leaf-region
 * cell, coloured with the strongest tint of the areas over it (area-cells.ts) darkened to the land
 * under it, and the colours a selection gives. The live map and the export map apply them with the
 * same call, so both draw what the state derives.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Catalogue } from '../../domain/catalogue.ts';
import { provinceLand } from '../basemap/provinces.ts';
import { areaCells, strongestTint, type CellD } from './area-cells.ts';
import { areaAlpha } from './draw-data.ts';
import { visibleDraw } from './index.ts';
import { THEME_AREAS, type ThemeAreaProps } from './area-style.ts';
import type { LayerContext } from './types.ts';

export interface ThemeAreas {
  /** The same object while the cells are (a new one is sent to MapLibre's worker). */
  data: FeatureCollection<Polygon, ThemeAreaProps>;
  /** Each feature's colour under the emphasis (by index), or null when nothing is emphasised. */
  colours: readonly string[] | null;
}

const hexCache = new Map<string, [number, number, number]>();
function rgbOfHex(hex: string): [number, number, number] {
  let c = hexCache.get(hex);
  if (!c) hexCache.set(hex, (c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]));
  return c;
}

const landCache = new WeakMap<Catalogue, Map<string, [number, number, number]>>();
/** The land colour the basemap draws under a region: its province's (provinces.ts). */
export function landUnder(cat: Catalogue, code: string): [number, number, number] {
  let byCode = landCache.get(cat);
  if (!byCode) landCache.set(cat, (byCode = new Map()));
  let c = byCode.get(code);
  if (!c) {
    let r = cat.regions.get(code)?.properties;
    while (r && r.level !== 'province' && r.parent) r = cat.regions.get(r.parent)?.properties;
    c = rgbOfHex(provinceLand(r?.level === 'province' ? r.code : ''));
    byCode.set(code, c);
  }
  return c;
}

/** A cell's colour: its strongest tint, channel by channel no lighter than the land (as `min` blending over it drew). */
function cellColour(cell: CellD, land: readonly number[], alpha: ReturnType<typeof areaAlpha>): string {
  const t = strongestTint(cell.fills, alpha);
  return `rgb(${Math.min(t[0], land[0]!)}, ${Math.min(t[1], land[1]!)}, ${Math.min(t[2], land[2]!)})`;
}

const dataCache = new WeakMap<readonly CellD[], ThemeAreas['data']>();

function areaData(cells: readonly CellD[], cat: Catalogue): ThemeAreas['data'] {
  let data = dataCache.get(cells);
  if (!data) {
    const rest = areaAlpha({ emphasis: { kind: 'none' } });
    const features = cells.map(
      (c, i): Feature<Polygon, ThemeAreaProps> => ({ type: 'Feature', id: i, properties: { code: c.code, color: cellColour(c, landUnder(cat, c.code), rest) }, geometry: { type: 'Polygon', coordinates: c.polygon } }),
    );
    dataCache.set(cells, (data = { type: 'FeatureCollection', features }));
  }
  return data;
}

/**
 * The area tints of the visible themes for a context: their cells, and each cell's colour under the
 * emphasis. Areas that are not unions of regions (an authored outline) are not here: deck.gl draws
 * them (deck-layers.ts), as they may overlap one another.
 */
export function themeAreas(ctx: LayerContext, visibleIds: Iterable<string>): ThemeAreas {
  const cat = ctx.catalogue;
  const { cells } = areaCells(visibleDraw(ctx, visibleIds).fills, cat);
  const data = areaData(cells, cat);
  if (ctx.emphasis.kind === 'none') return { data, colours: null };
  const alpha = areaAlpha(ctx);
  return { data, colours: cells.map((c) => cellColour(c, landUnder(cat, c.code), alpha)) };
}

const applied = new WeakMap<GeoJSONSource, ThemeAreas>();

/**
 * Sets a map's area tints: new data only when the cells changed (the worker tiles them again), a
 * selection's colours as feature state, only those that change (no new tiles: a click's frame stays cheap).
 */
export function applyThemeAreas(map: MapLibreMap, areas: ThemeAreas): void {
  const id = THEME_AREAS.source;
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) throw new Error(`the map's style has no "${id}" source`);
  const before = applied.get(source);
  const newData = before?.data !== areas.data;
  if (newData) source.setData(areas.data);
  const was = newData ? null : before!.colours;
  if (!areas.colours) {
    if (was || newData) map.removeFeatureState({ source: id });
  } else {
    if (newData) map.removeFeatureState({ source: id });
    areas.colours.forEach((color, i) => {
      if (was?.[i] !== color) map.setFeatureState({ source: id, id: i }, { color });
    });
  }
  applied.set(source, areas);
}

/** Forgets what a map was given: after a new style (even a diff), the next applyThemeAreas sends the cells again. */
export function forgetThemeAreas(map: MapLibreMap): void {
  const source = map.getSource<GeoJSONSource>(THEME_AREAS.source);
  if (source) applied.delete(source);
}

/**
 * What the basemap's style itself draws of the themes (MapLibre layers, not deck.gl): the area
 * tints (area-style.ts), the plan's lines (line-style.ts), the symbols and their labels
 * (symbol-style.ts). One derivation for a state, applied by the live map and by the export map with
 * the same call.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyThemeAreas, forgetThemeAreas, themeAreas, type ThemeAreas } from './area-layers.ts';
import { applyThemeLines, forgetThemeLines, themeLines, type ThemeLines } from './line-layers.ts';
import { applyThemeSymbols, forgetThemeSymbols, themeSymbols, type ThemeSymbols } from './symbol-layers.ts';
import type { LayerContext } from './types.ts';

export interface StyleThemes {
  areas: ThemeAreas;
  lines: ThemeLines;
  symbols: ThemeSymbols;
}

export function styleThemes(ctx: LayerContext, visibleIds: Iterable<string>): StyleThemes {
  const ids = [...visibleIds];
  return { areas: themeAreas(ctx, ids), lines: themeLines(ctx, ids), symbols: themeSymbols(ctx, ids) };
}

/** Sends what changed to the map (data only when it changed; a selection as feature state). */
export function applyStyleThemes(map: MapLibreMap, themes: StyleThemes): void {
  applyThemeAreas(map, themes.areas);
  applyThemeLines(map, themes.lines);
  applyThemeSymbols(map, themes.symbols);
}

/** After a new style (even a diff, which empties their sources), the next apply sends everything again. */
export function forgetStyleThemes(map: MapLibreMap): void {
  forgetThemeAreas(map);
  forgetThemeLines(map);
  forgetThemeSymbols(map);
}

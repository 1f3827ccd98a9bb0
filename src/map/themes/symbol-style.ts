/**
 * The thematic symbols and their labels are drawn by MapLibre, not deck.gl: two GeoJSON sources
 * and two symbol layers in the basemap's style, the symbols just over the plan's lines, the labels
 * over every other name. Neither takes part in MapLibre's collision placement (deck.gl's icons and
 * text never did): each is drawn where it belongs, and the basemap's names are placed as without them.
 * Their data, dimming and which labels show are set by symbol-layers.ts; this module stays small
 * because the basemap's style, in the page's first chunk, imports it.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { FontStacks } from '../basemap/labels.ts';
import { DIM } from './line-style.ts';

export const THEME_SYMBOLS = {
  source: 'theme-symbols',
  layer: 'theme-symbols',
  labelSource: 'theme-labels',
  labels: 'theme-labels',
} as const;

/** The icons' images are drawn at this many device pixels per CSS pixel (crisp on 2× screens and exports). */
export const ICON_PIXEL_RATIO = 2;

/** A symbol's properties: its icon (an image key, icons.ts), size and offset as MapLibre takes them. */
export interface ThemeSymbolProps {
  icon: string;
  /** `icon-size`: the icon's image scaled to the symbol's size. */
  size: number;
  /** `icon-offset` (x, y): pixels at `icon-size` 1 (MapLibre multiplies them by the size). */
  ox: number;
  oy: number;
  alpha: number;
}

/** A label's properties: text in the page's language, size in pixels, offset in ems from its anchor. */
export interface ThemeLabelProps {
  text: string;
  size: number;
  /** `text-offset` (x, y), ems. */
  ox: number;
  oy: number;
  /** `rgba(…)` */
  color: string;
}

export function themeSymbolSources(): Record<string, GeoJSONSourceSpecification> {
  const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  return { [THEME_SYMBOLS.source]: empty(), [THEME_SYMBOLS.labelSource]: empty() };
}

/**
 * The offset [ox, oy] of a feature's properties as an expression. A GeoJSON source's array
 * properties reach the worker's layout as JSON strings (MapLibre encodes its tiles), so the two
 * numbers are kept apart and joined by interpolating between the corners of a square: exact for a
 * linear function, and offsets are far inside it.
 */
function offsetOf(): ExpressionSpecification {
  const B = 1000;
  const row = (y: number): ExpressionSpecification => ['interpolate', ['linear'], ['get', 'ox'], -B, ['literal', [-B, y]], B, ['literal', [B, y]]];
  return ['interpolate', ['linear'], ['get', 'oy'], -B, row(-B), B, row(B)];
}

const dimmed: ExpressionSpecification = ['case', ['boolean', ['feature-state', 'dim'], false], ['*', ['get', 'alpha'], DIM], ['get', 'alpha']];

/** The symbols' layer: over the plan's lines, under the basemap's names. */
export function themeSymbolLayers(): SymbolLayerSpecification[] {
  return [
    {
      id: THEME_SYMBOLS.layer,
      type: 'symbol',
      source: THEME_SYMBOLS.source,
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-size': ['get', 'size'],
        'icon-offset': offsetOf() as unknown as [number, number],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        // In the data's order, later over earlier, as the themes are listed.
        'symbol-z-order': 'source',
      },
      paint: { 'icon-opacity': dimmed },
    },
  ];
}

/** The labels' layer: on top of everything. Only those a state shows are opaque (feature state `shown`). */
export function themeLabelLayers(fonts: FontStacks): SymbolLayerSpecification[] {
  return [
    {
      id: THEME_SYMBOLS.labels,
      type: 'symbol',
      source: THEME_SYMBOLS.labelSource,
      layout: {
        'text-field': ['get', 'text'],
        'text-font': fonts.regular,
        'text-size': ['get', 'size'],
        'text-anchor': 'left',
        'text-offset': offsetOf() as unknown as [number, number],
        // One line, however long (a project's name).
        'text-max-width': 1000,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'symbol-z-order': 'source',
      },
      paint: {
        'text-color': ['to-color', ['get', 'color']],
        'text-opacity': ['case', ['boolean', ['feature-state', 'shown'], false], 1, 0],
        'text-halo-color': 'rgba(253, 251, 246, 0.92)',
        'text-halo-width': ['/', ['get', 'size'], 12],
      },
    },
  ];
}

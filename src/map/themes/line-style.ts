/**
 * The plan's lines are drawn by MapLibre, not deck.gl: a GeoJSON source and three line layers in
 * the basemap's style (so the live map and the export map both have them, under the thematic
 * symbols and over the areas). Under software WebGL deck.gl's path layers cost ~130 ms a frame at
 * the home view and MapLibre's line layers ~15 ms for the same lines (bench/SCALE.md).
 * Their data and emphasis are set by line-layers.ts; this module stays small because the basemap's
 * style, in the page's first chunk, imports it.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LineLayerSpecification } from 'maplibre-gl';

/** Dimmed lines and symbols keep this share of their opacity. */
export const DIM = 0.22;
/** A line's white casing is this many pixels wider than the line … */
export const CASING_EXTRA = 2.5;
/** … at this opacity. */
export const CASING_ALPHA = 0.85;

export const THEME_LINES = {
  source: 'theme-lines',
  casing: 'theme-lines-casing',
  solid: 'theme-lines-solid',
  dashed: 'theme-lines-dashed',
} as const;

/** The lowest of the line layers: deck.gl's hatches, corridor and halo are drawn under it. */
export const THEME_LINES_BOTTOM_ID = THEME_LINES.casing;

/** A line feature's properties: its look when nothing is emphasised (feature state `dim` dims it). */
export interface ThemeLineProps {
  project: string;
  /** `rgb(r, g, b)` */
  color: string;
  alpha: number;
  /** Pixels. */
  width: number;
  /** Pixels to the right of the line's direction. */
  offset: number;
  /** Only for dashed lines: [dash, gap] in line widths (MapLibre's unit). */
  dash?: [number, number];
  /** Only for cased lines: the casing's width in pixels. */
  casingWidth?: number;
}

export function themeLineSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

const dimmed = (alpha: number | ExpressionSpecification): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'dim'], false], ['*', alpha, DIM], alpha];

/**
 * Casings under all lines, then solid lines, then dashed ones (a dash needs its own layer: a solid
 * line has no dash array). Caps and joins are round, each dash's ends too, reaching into its gaps,
 * as the vector export draws them (src/export/vector-map.ts).
 */
export function themeLineLayers(): LineLayerSpecification[] {
  const source = THEME_LINES.source;
  const line = {
    'line-color': ['get', 'color'],
    'line-opacity': dimmed(['get', 'alpha']),
    'line-width': ['get', 'width'],
    'line-offset': ['get', 'offset'],
  } satisfies LineLayerSpecification['paint'];
  return [
    {
      id: THEME_LINES.casing,
      type: 'line',
      source,
      filter: ['has', 'casingWidth'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-opacity': dimmed(CASING_ALPHA), 'line-width': ['get', 'casingWidth'], 'line-offset': ['get', 'offset'] },
    },
    { id: THEME_LINES.solid, type: 'line', source, filter: ['!', ['has', 'dash']], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: line },
    {
      id: THEME_LINES.dashed,
      type: 'line',
      source,
      filter: ['has', 'dash'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { ...line, 'line-dasharray': ['get', 'dash'] as unknown as ExpressionSpecification },
    },
  ];
}

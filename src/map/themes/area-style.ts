/**
 * The area tints are drawn by MapLibre, not deck.gl: a GeoJSON source of leaf-region cells and one
 * fill layer in the basemap's style, just over the land and under the choropleth, the water, every
 * border and every line (so the live map and the export map both have them). Each cell is one
 * opaque colour: the strongest tint of the areas over it (area-cells.ts), darkened to the land it
 * covers, which is what deck.gl's `min` blending over the land drew, at a fifth of the frame's cost
 * under software WebGL (bench/README.md, the area tints' removal test).
 * Their data and colours are set by area-layers.ts; this module stays small because the basemap's
 * style, in the page's first chunk, imports it.
 */
import type { ExpressionSpecification, FillLayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';

export const THEME_AREAS = {
  source: 'theme-areas',
  fill: 'theme-areas-fill',
} as const;

/** An area cell's properties: its colour when nothing is emphasised (feature state `color` overrides it). */
export interface ThemeAreaProps {
  /** The leaf region's code. */
  code: string;
  /** `rgb(r, g, b)` */
  color: string;
}

export function themeAreaSource(): GeoJSONSourceSpecification {
  // No simplification beyond MapLibre's default: neighbouring cells must keep sharing their edges.
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

export function themeAreaLayers(): FillLayerSpecification[] {
  return [
    {
      id: THEME_AREAS.fill,
      type: 'fill',
      source: THEME_AREAS.source,
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], ['get', 'color']]] as ExpressionSpecification,
        // Cells meet edge to edge and the borders are drawn over them: the outline pass would only cost.
        'fill-antialias': false,
      },
    },
  ];
}

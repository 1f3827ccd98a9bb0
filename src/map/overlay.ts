/**
 * deck.gl, interleaved in MapLibre's own WebGL2 context (`MapLibreOverlay`, `interleaved: true`), so
 * basemap and thematic layers share one canvas: what export captures is what the user sees.
 *
 * The overlay starts empty; AtlasMap sets the thematic layers (src/map/themes/deck-layers.ts: buildThemeLayers)
 * with `beforeId: THEMATIC_BEFORE_ID`, so they draw above borders and under the basemap's labels
 * (their own labels stay on top); the hatches go under the plan's lines. The area tints and the
 * lines are MapLibre layers (themes/style-themes.ts). Hover and selection outlines and the choropleth stay MapLibre
 * layers (see basemap/interaction.ts, AtlasMap): they reuse the basemap's sources and layer order
 * and need no second copy of the geometry. Picking is done on the CPU (themes/index.ts pickAt), not
 * by deck.gl, whose GPU picking pass costs seconds under software WebGL.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { LayersList } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

export function mountOverlay(map: MapLibreMap, layers: LayersList = []): MapLibreOverlay {
  const overlay = new MapLibreOverlay({ interleaved: true, layers });
  map.addControl(overlay);
  return overlay;
}

/**
 * deck.gl, interleaved in MapLibre's own WebGL2 context (`MapLibreOverlay`, `interleaved: true`), so
 * basemap and thematic layers share one canvas: what export captures is what the user sees.
 *
 * The overlay starts empty: the thematic layers (railways, power lines, bases …) of the next issue
 * go here, each with `beforeId: THEMATIC_BEFORE_ID` so they draw above borders and under labels.
 * Hover and selection outlines stay MapLibre layers (see basemap/interaction.ts): they reuse the
 * basemap's sources and layer order (under the labels) and need no second copy of the geometry.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { LayersList } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

export function mountOverlay(map: MapLibreMap, layers: LayersList = []): MapLibreOverlay {
  const overlay = new MapLibreOverlay({ interleaved: true, layers });
  map.addControl(overlay);
  return overlay;
}

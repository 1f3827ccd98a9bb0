/**
 * The basemap drawn whole at its first load, not in pieces as its sources arrive.
 *
 * Under software WebGL every frame costs the GPU process a few hundred milliseconds, and while the
 * sources load MapLibre draws a frame each time tiles arrive: the countries, then the borders, then
 * the names, each frame drawing all that has come so far. Those partial frames made up much of the
 * time to a complete map. The veiled style starts with every layer but the sea at opacity 0: MapLibre
 * still lays out all tiles (opacity is a paint property), but skips drawing a layer whose opacity is
 * 0, so the frames of the load are near-empty. When everything has loaded, `lift` puts the real
 * opacities back and the whole map is drawn in one frame.
 */
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';

/** The opacity paint properties of a layer type (those MapLibre checks before drawing a layer). */
const OPACITY: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  circle: ['circle-opacity'],
};

/** Whether a paint value is data-driven (an expression reading feature properties or state). */
export function readsFeatures(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  if (value[0] === 'get' || value[0] === 'has' || value[0] === 'properties' || value[0] === 'feature-state' || value[0] === 'id' || value[0] === 'geometry-type') return true;
  return value.some(readsFeatures);
}

export interface Veil {
  style: StyleSpecification;
  /** Restores every veiled layer's opacity (its own value, or the default when it had none). */
  lift: (map: MapLibreMap) => void;
}

export function veiled(style: StyleSpecification): Veil {
  const saved: Array<[layer: string, property: string, value: unknown]> = [];
  const layers = style.layers.map((l): LayerSpecification => {
    const props = OPACITY[l.type];
    if (!props) return l;
    const paint: Record<string, unknown> = { ...(l as { paint?: Record<string, unknown> }).paint };
    for (const p of props) {
      // Already invisible (the hit layers), or read from the features: a change to such an opacity
      // makes MapLibre lay out the source's tiles again, which would cost more than the veil saves.
      if (paint[p] === 0 || readsFeatures(paint[p])) continue;
      saved.push([l.id, p, paint[p]]);
      paint[p] = 0;
    }
    return { ...l, paint } as LayerSpecification;
  });
  return {
    style: { ...style, layers },
    lift: (map) => {
      for (const [id, p, value] of saved) if (map.getLayer(id)) map.setPaintProperty(id, p as Parameters<MapLibreMap['setPaintProperty']>[1], value as never);
    },
  };
}

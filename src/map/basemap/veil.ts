/**
 * The basemap drawn whole at its first load, not in pieces as its sources arrive.
 *
 * Under software WebGL every frame costs the GPU process a few hundred milliseconds, and while the
 * sources load MapLibre draws a frame each time tiles arrive: the countries, then the borders, then
 * the names, each frame drawing all that has come so far. Those partial frames made up much of the
 * time to a complete map. The veiled style starts with every layer but the sea at opacity 0: MapLibre
 * still lays out all tiles (opacity is a paint property), but skips drawing a layer whose opacity is
 * 0. `hold` goes further: until the veil is lifted MapLibre's frames make no WebGL call at all (its
 * render loop still requests, tiles and places everything), so the GPU process and the read-back of
 * each frame stay idle while the worker and the main thread load; the map area shows the sea's
 * colour meanwhile (AtlasMap). When everything has loaded, `lift` lets MapLibre draw again and puts
 * the real opacities back: a style change, so the next frame — the first drawn — is the whole map,
 * and MapLibre's first `idle` comes after it.
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
  /** Until `lift`, the map's frames draw nothing (call right after creating the map). */
  hold: (map: MapLibreMap) => void;
  /** Draws again, and restores every veiled layer's opacity (its own value, or the default when it had none). */
  lift: (map: MapLibreMap) => void;
}

/**
 * MapLibre's painter (internal, not part of its typed API): `render` is the one call of a frame that
 * draws. Without it (another MapLibre version) `hold` does nothing and the veiled frames are drawn.
 */
interface WithPainter {
  painter?: { render?: (...args: unknown[]) => unknown };
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
  let release: (() => void) | null = null;
  return {
    style: { ...style, layers },
    hold: (map) => {
      const painter = (map as unknown as WithPainter).painter;
      if (!painter || typeof painter.render !== 'function' || release) return;
      const own = Object.prototype.hasOwnProperty.call(painter, 'render');
      const render = painter.render;
      painter.render = () => undefined;
      release = () => {
        if (own) painter.render = render;
        else delete painter.render;
      };
    },
    lift: (map) => {
      release?.();
      release = null;
      for (const [id, p, value] of saved) if (map.getLayer(id)) map.setPaintProperty(id, p as Parameters<MapLibreMap['setPaintProperty']>[1], value as never);
    },
  };
}

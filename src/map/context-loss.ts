/**
 * Losing the WebGL context (GPU reset, driver update, too many tabs, `WEBGL_lose_context`).
 *
 * MapLibre 6 restores itself: on `webglcontextlost` it snapshots its style (sources, layers, the
 * filters and paint set since) and rebuilds it on `webglcontextrestored`, with the same camera. It
 * does not restore custom layers, and deck.gl's interleaved overlay lives in such layers with GPU
 * buffers and programs of the lost context (drawing with them afterwards only logs
 * "object does not belong to this context" and draws nothing). So the overlay is dropped when the
 * context goes and a fresh one is mounted when it comes back; React state (selection, layers,
 * filters) never left, and the view is MapLibre's.
 *
 * If the context is not back within a few seconds (the browser may never give it back), the map
 * says so and offers to rebuild itself (AtlasMap).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** How long to wait for the browser to restore a lost context before saying so. */
export const RESTORE_TIMEOUT_MS = 4000;

export interface ContextLossHandlers {
  /** The context is gone (MapLibre has already torn down its style). */
  onLost: () => void;
  /** The context is back and MapLibre is rebuilding its style. */
  onRestored: () => void;
  /** Still lost after the timeout. */
  onStuck: () => void;
}

/** Listens for context loss and restoration on a map. Returns the function that stops listening. */
export function watchContextLoss(map: MapLibreMap, handlers: ContextLossHandlers, timeoutMs = RESTORE_TIMEOUT_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lost = () => {
    clearTimeout(timer);
    timer = setTimeout(handlers.onStuck, timeoutMs);
    handlers.onLost();
  };
  const restored = () => {
    clearTimeout(timer);
    timer = undefined;
    handlers.onRestored();
  };
  map.on('webglcontextlost', lost);
  map.on('webglcontextrestored', restored);
  return () => {
    clearTimeout(timer);
    map.off('webglcontextlost', lost);
    map.off('webglcontextrestored', restored);
  };
}

/**
 * Hands a restored context back clean for a new deck.gl overlay. luma.gl (under deck.gl) instruments
 * the WebGL context object it attaches to: its device sits on `gl.luma` (and a later deck on the same
 * context reuses it, with its caches of compiled programs from the lost context) and its state cache
 * on `gl.lumaState`, with spies installed as own properties over the context's setters (`useProgram`,
 * `blendFunc` …) that skip calls the cache believes redundant. After a restore that cache is stale
 * (the context is back to its defaults) and would also skip MapLibre's calls, which share the
 * context. Removing those own properties brings back the prototype's methods; the next overlay's
 * device then instruments the context afresh, as on first load.
 */
export function forgetGpuDevice(map: MapLibreMap): void {
  const gl = map.getCanvas().getContext('webgl2');
  if (!gl) return;
  const own = gl as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(gl) as Record<string, unknown>;
  for (const key of Object.keys(own)) {
    if (key === 'luma' || key === 'lumaState' || (typeof own[key] === 'function' && typeof proto[key] === 'function')) delete own[key];
  }
}

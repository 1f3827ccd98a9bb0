/**
 * The basemap drawn whole at its first load, not in pieces as its sources arrive.
 *
 * Under software WebGL every frame costs the GPU process a few hundred milliseconds, and each drawn
 * frame of a visible canvas is read back for the page's compositor, so the main thread waits for it.
 * While the sources load MapLibre draws a frame each time tiles arrive: the countries, then the
 * borders, then the names, each frame drawing all that has come so far. `holdFrames` keeps
 * MapLibre's painter from making any WebGL call until `lift` (its render loop still requests, tiles
 * and places everything), so the GPU process stays idle while the worker and the main thread load;
 * the map area shows the sea's colour meanwhile (AtlasMap). When every source has loaded, `lift`
 * asks for one frame: the first drawn, the whole map, after which MapLibre's first `idle` comes.
 * Holding the painter needs no style change: a style change would cost MapLibre a second frame
 * before its first idle.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface LoadHold {
  /** Whether MapLibre's frames are held (false: this MapLibre has no painter to hold; it draws as it loads). */
  held: boolean;
  /** Draws again, from the next frame on (call once every source has loaded: MapLibre's `load`). */
  lift: () => void;
}

/**
 * MapLibre's painter (internal, not part of its typed API): `render` is the one call of a frame that
 * draws. Without it (another MapLibre version) nothing is held and the partial frames are drawn.
 */
interface WithPainter {
  painter?: { render?: (...args: unknown[]) => unknown };
}

/** Holds the map's frames until `lift` (call right after creating the map). */
export function holdFrames(map: MapLibreMap): LoadHold {
  const painter = (map as unknown as WithPainter).painter;
  if (!painter || typeof painter.render !== 'function') return { held: false, lift: () => undefined };
  const own = Object.prototype.hasOwnProperty.call(painter, 'render');
  const render = painter.render;
  painter.render = () => undefined;
  let lifted = false;
  return {
    held: true,
    lift: () => {
      if (lifted) return;
      lifted = true;
      if (own) painter.render = render;
      else delete painter.render;
      // Nothing in the style changed: ask for the frame the held ones did not draw.
      map.triggerRepaint();
    },
  };
}

/**
 * Holds the frames after a change that makes the worker lay the tiles out again (the names of a new
 * language), until every tile has come back, then draws once: otherwise MapLibre draws a frame as
 * each tile returns, a few hundred ms each under software WebGL. `maxMs` lifts it regardless.
 * Returns the lift (a no-op when nothing is held); a hold already running is not held twice.
 */
export function holdUntilTilesLoaded(map: MapLibreMap, maxMs = 3000): () => void {
  const state = map as unknown as { __atlasRelayoutHold?: boolean };
  if (state.__atlasRelayoutHold) return () => undefined;
  const hold = holdFrames(map);
  if (!hold.held) return () => undefined;
  state.__atlasRelayoutHold = true;
  let seenReload = false;
  const lift = () => {
    map.off('render', check);
    clearTimeout(timer);
    state.__atlasRelayoutHold = false;
    hold.lift();
  };
  // The first frames after the change start the reload; the hold ends on the first one after it with every tile back.
  function check() {
    if (!map.areTilesLoaded()) seenReload = true;
    else if (seenReload) lift();
  }
  map.on('render', check);
  const timer = setTimeout(lift, maxMs);
  // A map removed meanwhile is not asked for a frame.
  map.once('remove', () => {
    map.off('render', check);
    clearTimeout(timer);
  });
  return lift;
}

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

/** Held painters: how many holds each has, and the render to put back when the last is lifted. */
const heldPainters = new WeakMap<object, { holds: number; own: boolean; render: (...args: unknown[]) => unknown }>();

/**
 * Holds the map's frames until `lift` (call right after creating the map). Holds nest: the load's and
 * a language switch's may overlap, and the painter draws again only when the last is lifted.
 */
export function holdFrames(map: MapLibreMap): LoadHold {
  const painter = (map as unknown as WithPainter).painter;
  if (!painter || typeof painter.render !== 'function') return { held: false, lift: () => undefined };
  let entry = heldPainters.get(painter);
  if (!entry) {
    entry = { holds: 0, own: Object.prototype.hasOwnProperty.call(painter, 'render'), render: painter.render };
    heldPainters.set(painter, entry);
    painter.render = () => undefined;
  }
  const held = entry;
  held.holds++;
  let lifted = false;
  return {
    held: true,
    lift: () => {
      if (lifted) return;
      lifted = true;
      if (--held.holds > 0) return;
      heldPainters.delete(painter);
      if (held.own) painter.render = held.render;
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
 * Returns the lift (a no-op when nothing is held); it nests with any other hold (holdFrames).
 */
export function holdUntilTilesLoaded(map: MapLibreMap, maxMs = 3000): () => void {
  const hold = holdFrames(map);
  if (!hold.held) return () => undefined;
  let seenReload = false;
  const lift = () => {
    map.off('render', check);
    clearTimeout(timer);
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

/**
 * A click should show its answer in the panel before the map redraws.
 *
 * MapLibre repaints the whole map when a mouse gesture ends, even a click that moved nothing: its
 * drag handler is active from mousedown, and on mouseup the handler manager requests a render frame
 * to apply the (empty) change (HandlerManager._requestFrame → map.triggerRepaint). That frame lands
 * in the same browser frame as the panel the click opens, so the panel is on screen only when the
 * whole map has been drawn again, which under software WebGL is slow (bench/README.md, "clicks").
 *
 * When the pending change moves nothing, the repaint is deferred until the browser has painted the
 * current frame (the same rule as the selection outline and the thematic layers in AtlasMap): the
 * handler manager's task still runs, one frame later. Any change that moves the camera (a drag, a
 * wheel zoom, a double click, inertia) is left alone.
 *
 * This reaches into MapLibre's handler manager (private fields, pinned maplibre-gl 6.x); if its
 * shape changes, `deferEmptyGestureRepaints` does nothing and says so in the console.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterPaint } from './after-paint.ts';

/** One pending change of the handler manager: [result, events in progress, deactivated handlers]. */
type PendingChange = [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];

interface HandlerManagerShape {
  _changes: PendingChange[];
  _eventsInProgress: Record<string, unknown>;
  _requestFrame: () => number;
  isActive: () => boolean;
}

const CAMERA_KEYS = ['panDelta', 'zoomDelta', 'bearingDelta', 'pitchDelta', 'rollDelta', 'around', 'pinchAround', 'cameraAnimation'];

/** True when the pending changes only end a gesture that moved nothing (a click). Pure, for tests. */
export function onlyEndsAStillGesture(changes: readonly PendingChange[], eventsInProgress: Record<string, unknown>, anyHandlerActive: boolean): boolean {
  if (changes.length === 0 || anyHandlerActive || Object.keys(eventsInProgress).length > 0) return false;
  return changes.every(([result, inProgress]) => {
    if (Object.keys(inProgress).length > 0 || result.needsRenderFrame) return false;
    return CAMERA_KEYS.every((key) => {
      const value = result[key];
      if (value === undefined || value === 0) return true;
      // A pan of zero length (Point) moves nothing either.
      return typeof value === 'object' && value !== null && 'x' in value && 'y' in value && (value as { x: number }).x === 0 && (value as { y: number }).y === 0;
    });
  });
}


/** Installs the deferral on a map. Returns a function that removes it. */
export function deferEmptyGestureRepaints(map: MapLibreMap): () => void {
  const manager = (map as unknown as { _handlers?: Partial<HandlerManagerShape> })._handlers;
  if (!manager || typeof manager._requestFrame !== 'function' || !Array.isArray(manager._changes) || typeof manager.isActive !== 'function') {
    console.warn('[map] MapLibre handler manager changed shape: click repaints are not deferred');
    return () => {};
  }
  const hm = manager as HandlerManagerShape;
  const original = hm._requestFrame;
  hm._requestFrame = function requestFrame(this: HandlerManagerShape) {
    if (map.isMoving() || !onlyEndsAStillGesture(hm._changes, hm._eventsInProgress ?? {}, hm.isActive())) return original.call(this);
    // Queue MapLibre's task as usual, without its immediate repaint; repaint after this frame.
    const target = map as unknown as { triggerRepaint: () => void };
    const hadOwn = Object.prototype.hasOwnProperty.call(target, 'triggerRepaint');
    const repaint = target.triggerRepaint;
    target.triggerRepaint = () => {};
    try {
      return original.call(this);
    } finally {
      if (hadOwn) target.triggerRepaint = repaint;
      else delete (target as { triggerRepaint?: unknown }).triggerRepaint;
      afterPaint(() => map.triggerRepaint());
    }
  };
  return () => {
    hm._requestFrame = original;
  };
}

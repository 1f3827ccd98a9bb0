/**
 * The measure tool's state in the app: on or off, distance or area, the clicked points, finished
 * or still taking clicks. While it takes clicks the map hands them here instead of selecting
 * (MapController.setClickTool); finished or off, clicks select again. Esc leaves the tool (before the
 * app's own Esc clears the selection); Enter finishes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Position } from 'geojson';
import { measureDrawData, type MeasureMode } from '../../domain/measure.ts';
import type { MapController } from '../../map/controller.ts';

export interface MeasureState {
  mode: MeasureMode;
  points: Position[];
  /** Finished: the result stays drawn, map clicks select again. */
  done: boolean;
}

export function useMeasure(controller: MapController | null) {
  const [state, setState] = useState<MeasureState | null>(null);
  const taking = state != null && !state.done;

  useEffect(() => {
    if (!controller) return;
    controller.setClickTool(taking ? (p) => setState((s) => (s && !s.done ? { ...s, points: [...s.points, p] } : s)) : null);
    return () => controller.setClickTool(null);
  }, [controller, taking]);

  useEffect(() => {
    controller?.showMeasure(state ? measureDrawData(state.points, state.mode) : null);
  }, [controller, state]);

  const open = useCallback(() => setState((s) => s ?? { mode: 'distance', points: [], done: false }), []);
  const close = useCallback(() => setState(null), []);
  const finish = useCallback(() => setState((s) => (s ? { ...s, done: true } : s)), []);
  const resume = useCallback(() => setState((s) => (s ? { ...s, done: false } : s)), []);
  const undo = useCallback(() => setState((s) => (s ? { ...s, points: s.points.slice(0, -1), done: false } : s)), []);
  const clear = useCallback(() => setState((s) => (s ? { ...s, points: [], done: false } : s)), []);
  const setMode = useCallback((mode: MeasureMode) => setState((s) => (s ? { ...s, mode, done: false } : s)), []);

  useEffect(() => {
    if (!state) return;
    const onKey = (e: KeyboardEvent) => {
      const field = e.target instanceof HTMLElement && e.target.closest('input, select, textarea');
      if (e.key === 'Escape') {
        e.preventDefault();
        setState(null);
      } else if (e.key === 'Enter' && !field && !(e.target instanceof HTMLButtonElement) && taking) {
        e.preventDefault();
        setState((s) => (s ? { ...s, done: true } : s));
      }
    };
    // Capture: before the app's Esc, which would clear the selection.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [state != null, taking]); // eslint-disable-line react-hooks/exhaustive-deps

  return { state, open, close, finish, resume, undo, clear, setMode };
}

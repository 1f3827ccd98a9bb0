/**
 * Fewer thematic lines while the map moves, on a renderer too slow to draw them all in a frame.
 *
 * deck.gl draws every thematic line in every frame, wherever it is. On a GPU that is nothing; under
 * software WebGL (Chromium's SwiftShader, what a machine whose graphics fail falls back to) the
 * cost follows the length of line on screen, and a large catalogue pans at seconds a frame
 * (bench/SCALE.md). So, once a frame
 * drawn while moving has been measured slow, and only while there are more lines than a budget:
 * while the map moves it draws an even sample of them (the emphasised ones first) without their
 * casings, and all of them again once it has settled. Exports and still views are never thinned.
 *
 * No React, no deck.gl: the choice of lines is pure (tested in motion-detail.test.ts); AtlasMap
 * wires the watcher to its map and rebuilds the layers when `thinned` changes.
 */

/** The most lines drawn while moving on a slow renderer. */
export const MOTION_LINE_BUDGET = 500;
/** A frame drawn while moving that took longer than this marks the renderer as slow. */
export const SLOW_FRAME_MS = 150;
/** After the last movement, how long the map must stay still before the full detail is drawn. */
export const SETTLE_MS = 250;

/**
 * The live map's lines while moving (LayerContext.motion; exports have none). With more lines than
 * `budget`, deck-layers.ts keeps a sample layer next to the full ones and shows one or the other,
 * so a change costs no new buffers.
 */
export interface MotionDetail {
  /** The map is moving on a renderer measured slow: draw the sample, no casings. */
  thinned: boolean;
  budget: number;
}

/**
 * At most `budget` of `lines`: the emphasised ones first (in their order), then the rest evenly
 * spread over the list, so a sample of a dense network still covers all of it. The result keeps
 * the input's order (the themes' drawing order).
 */
export function linesWhileMoving<T>(lines: readonly T[], budget: number, isEmphasised: (d: T) => boolean = () => false): T[] {
  if (lines.length <= budget) return lines.slice();
  const keep = new Uint8Array(lines.length);
  let kept = 0;
  for (let i = 0; i < lines.length && kept < budget; i++) {
    if (isEmphasised(lines[i]!)) {
      keep[i] = 1;
      kept++;
    }
  }
  const rest: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!keep[i]) rest.push(i);
  const room = budget - kept;
  // Evenly spaced picks: the k-th of `room` takes the index at k/room of the way through `rest`.
  for (let k = 0; k < room && rest.length; k++) keep[rest[Math.floor((k * rest.length) / room)]!] = 1;
  return lines.filter((_, i) => keep[i] === 1);
}

/** The parts of a MapLibre map the watcher listens to (a stub in tests). */
export interface MovingMap {
  on(type: 'movestart' | 'moveend' | 'render', fn: () => void): unknown;
  off(type: 'movestart' | 'moveend' | 'render', fn: () => void): unknown;
  isMoving(): boolean;
}

export interface MotionWatch {
  /** Whether a frame drawn while moving has been measured slower than SLOW_FRAME_MS. */
  readonly slow: boolean;
  /** Whether the lines are thinned now (moving, slow, and more lines than the budget). */
  readonly thinned: boolean;
  stop(): void;
}

export interface MotionWatchOptions {
  /** How many lines the thematic layers draw now (read at each decision). */
  lineCount: () => number;
  /** Called when `thinned` changes: rebuild the layers. */
  onChange: (thinned: boolean) => void;
  budget?: number;
  slowFrameMs?: number;
  settleMs?: number;
  /** Injected for tests. */
  now?: () => number;
  nextFrame?: (fn: () => void) => unknown;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

/**
 * Measures frames drawn while the map moves (from MapLibre's `render` to the next animation frame:
 * under software WebGL the frame's GPU work holds that frame back), and thins the lines while it
 * moves once one was slow. Slowness is remembered for the page: frames drawn thinned are fast and
 * would otherwise flip it back at every gesture.
 */
export function watchMotionDetail(map: MovingMap, o: MotionWatchOptions): MotionWatch {
  const budget = o.budget ?? MOTION_LINE_BUDGET;
  const slowMs = o.slowFrameMs ?? SLOW_FRAME_MS;
  const settleMs = o.settleMs ?? SETTLE_MS;
  const now = o.now ?? (() => performance.now());
  const nextFrame = o.nextFrame ?? ((fn: () => void) => requestAnimationFrame(fn));
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>));

  let slow = false;
  let thinned = false;
  let measuring = false;
  let settle: unknown = null;
  let stopped = false;

  const set = (next: boolean) => {
    if (next === thinned || stopped) return;
    thinned = next;
    o.onChange(thinned);
  };
  const wanted = () => slow && map.isMoving() && o.lineCount() > budget;

  const onMoveStart = () => {
    if (settle !== null) {
      clearTimer(settle);
      settle = null;
    }
    if (wanted()) set(true);
  };
  const onRender = () => {
    if (slow || measuring || !map.isMoving()) return;
    measuring = true;
    const t = now();
    nextFrame(() => {
      measuring = false;
      if (stopped || now() - t <= slowMs) return;
      slow = true;
      if (wanted()) set(true);
    });
  };
  const onMoveEnd = () => {
    if (!thinned) return;
    if (settle !== null) clearTimer(settle);
    // Wheel zooms and flings come as several moves: the full frame (seconds, where this matters)
    // waits until the map has stayed still.
    settle = setTimer(() => {
      settle = null;
      if (!map.isMoving()) set(false);
    }, settleMs);
  };
  map.on('movestart', onMoveStart);
  map.on('render', onRender);
  map.on('moveend', onMoveEnd);
  return {
    get slow() {
      return slow;
    },
    get thinned() {
      return thinned;
    },
    stop() {
      stopped = true;
      if (settle !== null) clearTimer(settle);
      map.off('movestart', onMoveStart);
      map.off('render', onRender);
      map.off('moveend', onMoveEnd);
    },
  };
}

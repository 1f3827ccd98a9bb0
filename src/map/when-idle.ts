/**
 * Runs `fn` when the browser is idle after the next `frames` animation frames (and within half a
 * second of them). Returns a canceller.
 *
 * Why the frames: after a click on the map, the click's frame paints the panel and the next one
 * draws the map's selection (src/map/click-repaint.ts). An idle callback asked for at once runs
 * between the two, and the map's frame waits for whatever it does (a region list's background
 * render, say).
 */
export function whenIdleAfterFrames(frames: number, fn: () => void): () => void {
  let raf = 0;
  let idle = 0;
  let timer = 0;
  const afterFrames = (left: number) => {
    if (left > 0) {
      raf = requestAnimationFrame(() => afterFrames(left - 1));
      return;
    }
    raf = 0;
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 500 });
    else timer = window.setTimeout(fn, 50);
  };
  afterFrames(frames);
  return () => {
    if (raf) cancelAnimationFrame(raf);
    if (idle) cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}

/**
 * Runs `fn` once the browser has painted the current frame (an animation frame, then a task), so
 * what the user asked for (a click's panel) is on screen before work that can wait (the map's
 * follow-up, the link). Returns a canceller.
 */
export function afterPaint(fn: () => void): () => void {
  let timer = 0;
  const raf = requestAnimationFrame(() => {
    timer = window.setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
}

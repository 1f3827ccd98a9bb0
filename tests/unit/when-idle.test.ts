import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdleAfterFrames } from '../../src/map/when-idle.ts';

/** A browser's frame and idle queues, run by hand. */
function fakeBrowser() {
  let frames: Array<() => void> = [];
  let idles: Array<() => void> = [];
  let next = 1;
  const ids = new Map<number, () => void>();
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => (frames.push(cb), ids.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames = frames.filter((f) => f !== ids.get(id))));
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => (idles.push(cb), ids.set(next, cb), next++));
  vi.stubGlobal('cancelIdleCallback', (id: number) => (idles = idles.filter((f) => f !== ids.get(id))));
  return {
    frame() {
      const run = frames;
      frames = [];
      for (const f of run) f();
    },
    idle() {
      const run = idles;
      idles = [];
      for (const f of run) f();
    },
  };
}

describe('whenIdleAfterFrames (the rest of a region list, after the click\'s frame and the map\'s)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('waits for two frames, then for the browser to be idle', () => {
    const browser = fakeBrowser();
    const fn = vi.fn();
    whenIdleAfterFrames(2, fn);
    browser.idle(); // idle before the click's frame: not yet
    browser.frame(); // the click's frame (the card)
    browser.idle(); // idle between the card's frame and the map's: not yet
    expect(fn).not.toHaveBeenCalled();
    browser.frame(); // the map's frame (the selection)
    expect(fn).not.toHaveBeenCalled();
    browser.idle();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancelled at any point, never runs', () => {
    for (const cancelAfterFrames of [0, 1, 2]) {
      const browser = fakeBrowser();
      const fn = vi.fn();
      const cancel = whenIdleAfterFrames(2, fn);
      for (let i = 0; i < cancelAfterFrames; i++) browser.frame();
      cancel();
      browser.frame();
      browser.frame();
      browser.idle();
      expect(fn, `cancelled after ${cancelAfterFrames} frames`).not.toHaveBeenCalled();
      vi.unstubAllGlobals();
    }
  });
});

/**
 * The held first load (src/map/basemap/load-hold.ts): MapLibre's painter draws nothing until `lift`, then
 * draws with its own method again, and the lift asks for the frame the held ones did not draw
 * (nothing in the style changes, so nothing else would). The e2e suite checks the same against the
 * real MapLibre (tests/e2e/atlas.test.ts: no draw call before `load`).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapStyle } from '../../src/map/basemap/style.ts';
import { holdFrames, holdUntilTilesLoaded } from '../../src/map/basemap/load-hold.ts';

const EMPTY = { type: 'FeatureCollection', features: [] };

class Painter {
  draws: string[] = [];
  render(what: string) {
    this.draws.push(what);
  }
}

function fakeMap(painter?: Painter) {
  let repaints = 0;
  const map = { painter, triggerRepaint: () => void repaints++ } as unknown as MapLibreMap;
  return { map, repaints: () => repaints };
}

describe('held first load', () => {
  it('draws nothing until lifted, then MapLibre draws with its own render and is asked for a frame', () => {
    const painter = new Painter();
    const { map, repaints } = fakeMap(painter);
    const hold = holdFrames(map);
    expect(hold.held).toBe(true);
    painter.render('while loading');
    painter.render('tiles arrived');
    expect(painter.draws).toEqual([]);
    expect(repaints()).toBe(0);
    hold.lift();
    expect(repaints(), 'the lift asks for the first drawn frame').toBe(1);
    painter.render('after load');
    expect(painter.draws).toEqual(['after load']);
    expect(Object.prototype.hasOwnProperty.call(painter, 'render'), 'the prototype method is back, no wrapper left').toBe(false);
    hold.lift();
    expect(repaints(), 'a second lift does nothing').toBe(1);
  });

  it('puts back a render the painter had as its own property', () => {
    const painter = new Painter();
    const own = (what: string) => painter.draws.push(`own ${what}`);
    (painter as unknown as { render: unknown }).render = own;
    const { map } = fakeMap(painter);
    const hold = holdFrames(map);
    painter.render('held');
    hold.lift();
    painter.render('drawn');
    expect(painter.draws).toEqual(['own drawn']);
    expect(painter.render).toBe(own);
  });

  it('says so when there is no painter to hold (the partial frames are then drawn), and lifting is harmless', () => {
    const { map, repaints } = fakeMap(undefined);
    const hold = holdFrames(map);
    expect(hold.held).toBe(false);
    expect(() => hold.lift()).not.toThrow();
    expect(repaints()).toBe(0);
  });

  it('the style changes paint at once (no animated transitions)', () => {
    const style = basemapStyle({ data: { labels: EMPTY, tiles: 'http://x/tiles/{z}/{x}/{y}.pbf' } as never, lang: 'zh', fontFaces: {}, fonts: { regular: ['R'], semibold: ['S'] } });
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
  });
});

describe('held re-layout (a new language)', () => {
  /** A map whose tiles are loaded or not as the test says, firing `render` for each of MapLibre's frames. */
  function relayoutMap() {
    const painter = new Painter();
    const listeners = new Map<string, Set<() => void>>();
    let tilesLoaded = true;
    let repaints = 0;
    const on = (type: string, f: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(f);
    const map = {
      painter,
      triggerRepaint: () => void repaints++,
      areTilesLoaded: () => tilesLoaded,
      on,
      once: on,
      off: (type: string, f: () => void) => void listeners.get(type)?.delete(f),
    } as unknown as MapLibreMap;
    /** One of MapLibre's frames: the painter asked to draw, then `render`. */
    const frame = (what: string, loaded: boolean) => {
      tilesLoaded = loaded;
      painter.render(what);
      for (const f of [...(listeners.get('render') ?? [])]) f();
    };
    return { map, painter, frame, repaints: () => repaints, fire: (type: string) => [...(listeners.get(type) ?? [])].forEach((f) => f()) };
  }

  it('draws nothing while the tiles come back, then once when every tile is back', () => {
    const m = relayoutMap();
    holdUntilTilesLoaded(m.map);
    // The frame that starts the reload may still see every tile loaded: not the end of the hold.
    m.frame('change applied', true);
    m.frame('tile 1 of 3 back', false);
    m.frame('tile 2 of 3 back', false);
    expect(m.painter.draws).toEqual([]);
    expect(m.repaints()).toBe(0);
    m.frame('all back', true);
    expect(m.repaints(), 'lifted, and asked for the frame').toBe(1);
    m.frame('drawn', true);
    expect(m.painter.draws).toEqual(['drawn']);
  });

  it('nests with the load’s hold: a switch during the load draws nothing until both are lifted, whichever first', () => {
    for (const loadFirst of [true, false]) {
      const m = relayoutMap();
      const load = holdFrames(m.map);
      const lift = holdUntilTilesLoaded(m.map);
      if (loadFirst) load.lift();
      else lift();
      m.frame('one lifted', true);
      expect(m.painter.draws, `load lifted first: ${loadFirst}`).toEqual([]);
      if (loadFirst) lift();
      else load.lift();
      expect(m.repaints()).toBe(1);
      m.frame('drawn', true);
      expect(m.painter.draws).toEqual(['drawn']);
      expect(Object.prototype.hasOwnProperty.call(m.painter, 'render'), 'the prototype method is back').toBe(false);
    }
  });

  it('lifts after maxMs if the tiles never settle, a second switch’s lift keeps the first’s hold, and asks nothing of a removed map', () => {
    vi.useFakeTimers();
    try {
      const m = relayoutMap();
      holdUntilTilesLoaded(m.map, 1000);
      const second = holdUntilTilesLoaded(m.map, 1000);
      second();
      m.frame('still loading', false);
      expect(m.painter.draws, 'lifting the second hold did not lift the first').toEqual([]);
      vi.advanceTimersByTime(1000);
      expect(m.repaints()).toBe(1);
      m.frame('drawn', false);
      expect(m.painter.draws).toEqual(['drawn']);

      const r = relayoutMap();
      holdUntilTilesLoaded(r.map, 1000);
      r.fire('remove');
      vi.advanceTimersByTime(1000);
      expect(r.repaints()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

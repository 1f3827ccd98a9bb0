/**
 * The held first load (src/map/basemap/load-hold.ts): MapLibre's painter draws nothing until `lift`, then
 * draws with its own method again, and the lift asks for the frame the held ones did not draw
 * (nothing in the style changes, so nothing else would). The e2e suite checks the same against the
 * real MapLibre (tests/e2e/atlas.test.ts: no draw call before `load`).
 */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapStyle } from '../../src/map/basemap/style.ts';
import { holdFrames } from '../../src/map/basemap/load-hold.ts';

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

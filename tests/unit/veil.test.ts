/**
 * The veiled first load (src/map/basemap/veil.ts): every drawn layer but the sea starts at opacity 0
 * and `lift` puts back exactly what the style said; opacities read from features are left alone
 * (changing them would make MapLibre lay the source out again).
 */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { basemapStyle } from '../../src/map/basemap/style.ts';
import { readsFeatures, veiled } from '../../src/map/basemap/veil.ts';

const EMPTY = { type: 'FeatureCollection', features: [] };
const style = basemapStyle({ data: { regions: EMPTY, countries: EMPTY, labels: EMPTY } as never, lang: 'zh', fontFaces: {}, fonts: { regular: ['R'], semibold: ['S'] } });
const OPACITY: Record<string, string[]> = { fill: ['fill-opacity'], line: ['line-opacity'], symbol: ['text-opacity', 'icon-opacity'] };
const paintOf = (l: unknown) => ((l as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;

/** A stand-in for the map: applies setPaintProperty to a copy of the veiled style's layers. */
function fakeMap(layers: typeof style.layers) {
  const byId = new Map(layers.map((l) => [l.id, { ...l, paint: { ...paintOf(l) } }]));
  const map = {
    getLayer: (id: string) => byId.get(id),
    setPaintProperty: (id: string, p: string, v: unknown) => {
      const paint = byId.get(id)!.paint as Record<string, unknown>;
      if (v === undefined) delete paint[p];
      else paint[p] = v;
    },
  };
  return { map: map as unknown as MapLibreMap, byId };
}

describe('veiled basemap', () => {
  it('draws nothing but the sea until lifted, except opacities that read features', () => {
    const { style: v } = veiled(style);
    expect(v.layers.map((l) => l.id)).toEqual(style.layers.map((l) => l.id));
    let veiledCount = 0;
    for (const l of v.layers) {
      for (const p of OPACITY[l.type] ?? []) {
        const original = paintOf(style.layers.find((o) => o.id === l.id))[p];
        if (readsFeatures(original)) expect(paintOf(l)[p], `${l.id} ${p}`).toEqual(original);
        else {
          expect(paintOf(l)[p], `${l.id} ${p}`).toBe(0);
          if (original !== 0) veiledCount++;
        }
      }
    }
    expect(veiledCount).toBeGreaterThan(15);
    expect(v.layers.find((l) => l.type === 'background')).toEqual(style.layers.find((l) => l.type === 'background'));
  });

  it('lift restores every layer’s own paint exactly', () => {
    const { style: v, lift } = veiled(style);
    const { map, byId } = fakeMap(v.layers);
    lift(map);
    for (const l of style.layers) expect(byId.get(l.id)!.paint, l.id).toEqual(paintOf(l));
  });

  it('hold makes the frames draw nothing until lift, then MapLibre draws again with its own render', () => {
    const { style: v, hold, lift } = veiled(style);
    const { map } = fakeMap(v.layers);
    const draws: string[] = [];
    class Painter {
      render(what: string) {
        draws.push(what);
      }
    }
    const painter = new Painter();
    (map as unknown as { painter: Painter }).painter = painter;
    hold(map);
    painter.render('while loading');
    expect(draws).toEqual([]);
    lift(map);
    painter.render('after load');
    expect(draws).toEqual(['after load']);
    expect(Object.prototype.hasOwnProperty.call(painter, 'render'), 'the prototype method is back, no wrapper left').toBe(false);
  });

  it('hold leaves a map without a painter alone (the veiled frames are then drawn)', () => {
    const { style: v, hold, lift } = veiled(style);
    const { map, byId } = fakeMap(v.layers);
    expect(() => hold(map)).not.toThrow();
    lift(map);
    for (const l of style.layers) expect(byId.get(l.id)!.paint, l.id).toEqual(paintOf(l));
  });

  it('tells feature-driven expressions from zoom-driven ones', () => {
    expect(readsFeatures(['interpolate', ['linear'], ['zoom'], 4, 0.5, 5.5, 1])).toBe(false);
    expect(readsFeatures(['interpolate', ['linear'], ['zoom'], 6.5, 1, 7.5, ['case', ['==', ['get', 'id'], '150000'], 0.7, 0]])).toBe(true);
    expect(readsFeatures(0.8)).toBe(false);
    expect(readsFeatures(['feature-state', 'hover'])).toBe(true);
  });

  it('the style changes paint at once (no animated transitions)', () => {
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
  });
});

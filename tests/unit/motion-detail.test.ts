/**
 * Fewer thematic lines while the map moves on a slow renderer (src/map/motion-detail.ts): which
 * lines, when, and the layers that draw them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS } from '../../src/domain/selection.ts';
import { linesWhileMoving, watchMotionDetail, type MovingMap } from '../../src/map/motion-detail.ts';
import { mergedDraw } from '../../src/map/themes/draw-data.ts';
import { makeLayers } from '../../src/map/themes/deck-layers.ts';
import { cacheFor, THEMES } from '../../src/map/themes/index.ts';
import type { LayerContext } from '../../src/map/themes/types.ts';

describe('linesWhileMoving', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => i);

  it('keeps every line when there are no more than the budget', () => {
    expect(linesWhileMoving(lines.slice(0, 40), 40)).toEqual(lines.slice(0, 40));
  });

  it('keeps the budget, the emphasised lines first, the rest spread over the whole list, in order', () => {
    const emphasised = new Set([3, 4, 5, 990]);
    const kept = linesWhileMoving(lines, 100, (d) => emphasised.has(d));
    expect(kept).toHaveLength(100);
    for (const e of emphasised) expect(kept).toContain(e);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    // Spread: no gap between kept lines wider than about twice the even spacing (1000 / 96).
    const gaps = kept.slice(1).map((d, i) => d - kept[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(22);
    expect(kept[kept.length - 1]).toBeGreaterThan(950);
  });

  it('keeps at most the budget of emphasised lines too', () => {
    expect(linesWhileMoving(lines, 10, () => true)).toEqual(lines.slice(0, 10));
  });
});

/** A map stub: its events fired by hand, frames and timers run by hand, a hand-set clock. */
function harness(lineCount: number) {
  const handlers = new Map<string, Set<() => void>>();
  const map: MovingMap & { moving: boolean; fire(type: string): void } = {
    moving: false,
    on: (type, fn) => handlers.set(type, (handlers.get(type) ?? new Set()).add(fn)),
    off: (type, fn) => handlers.get(type)?.delete(fn),
    isMoving: () => map.moving,
    fire: (type) => handlers.get(type)?.forEach((fn) => fn()),
  };
  let clock = 0;
  let frames: Array<() => void> = [];
  const timers = new Map<number, () => void>();
  let timerId = 0;
  const changes: boolean[] = [];
  const count = { lines: lineCount };
  const watch = watchMotionDetail(map, {
    lineCount: () => count.lines,
    onChange: (thinned) => changes.push(thinned),
    budget: 100,
    slowFrameMs: 150,
    settleMs: 250,
    now: () => clock,
    nextFrame: (fn) => frames.push(fn),
    setTimer: (fn) => (timers.set(++timerId, fn), timerId),
    clearTimer: (id) => timers.delete(id as number),
  });
  /** One frame drawn while moving that took `ms` until the next animation frame. */
  const frame = (ms: number) => {
    map.fire('render');
    clock += ms;
    const run = frames;
    frames = [];
    run.forEach((fn) => fn());
  };
  const runTimers = () => {
    const run = [...timers.values()];
    timers.clear();
    run.forEach((fn) => fn());
  };
  const start = () => {
    map.moving = true;
    map.fire('movestart');
  };
  const end = () => {
    map.moving = false;
    map.fire('moveend');
  };
  return { watch, frame, runTimers, start, end, changes, count, timers };
}

describe('watchMotionDetail', () => {
  it('never thins on a renderer whose frames are fast', () => {
    const h = harness(5000);
    h.start();
    for (let i = 0; i < 10; i++) h.frame(20);
    h.end();
    h.runTimers();
    expect(h.watch.slow).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('thins after a slow frame while moving, draws everything again once the map has settled', () => {
    const h = harness(5000);
    h.start();
    expect(h.changes).toEqual([]);
    h.frame(2400);
    expect(h.watch.slow).toBe(true);
    expect(h.watch.thinned).toBe(true);
    expect(h.changes).toEqual([true]);
    h.frame(300);
    h.end();
    expect(h.watch.thinned).toBe(true); // not before the map has stayed still
    h.runTimers();
    expect(h.watch.thinned).toBe(false);
    expect(h.changes).toEqual([true, false]);
    // Remembered: the next gesture is thinned from its first frame.
    h.start();
    expect(h.changes).toEqual([true, false, true]);
  });

  it('keeps the lines thinned across moves that follow each other within the settling time', () => {
    const h = harness(5000);
    h.start();
    h.frame(2400);
    h.end();
    h.start(); // a second wheel step before the settling timer ran
    expect(h.timers.size).toBe(0);
    h.end();
    h.runTimers();
    expect(h.changes).toEqual([true, false]);
  });

  it('does not thin a slow renderer with no more lines than the budget', () => {
    const h = harness(100);
    h.start();
    h.frame(2400);
    expect(h.watch.slow).toBe(true);
    expect(h.changes).toEqual([]);
    h.end();
    h.count.lines = 101; // more lines shown (a filter lifted): the next move thins them
    h.start();
    expect(h.changes).toEqual([true]);
  });

  it('does not measure frames drawn while the map is still', () => {
    const h = harness(5000);
    h.frame(2400); // e.g. the first frame with the thematic layers
    expect(h.watch.slow).toBe(false);
  });

  it('stops listening when stopped', () => {
    const h = harness(5000);
    h.watch.stop();
    h.start();
    h.frame(2400);
    expect(h.changes).toEqual([]);
  });
});

describe('the thematic lines while moving', () => {
  let cat: Catalogue;
  beforeAll(() => {
    cat = readCatalogue();
  });
  const ctx = (over: Partial<LayerContext> = {}): LayerContext => ({ catalogue: cat, filters: NO_FILTERS, lang: 'zh', emphasis: NO_EMPHASIS, lens: PLAN_LENS, scale: 1, zoom: 5, ...over });
  const layer = (layers: Layer[], id: string) => layers.find((l) => l.id === id);
  // No icons: their atlas is drawn on a canvas (no DOM here).
  const draw = () => ({ ...mergedDraw(THEMES, cacheFor(cat), NO_FILTERS, PLAN_LENS), icons: [] });

  it('are a sample layer, shown instead of the lines and their casings, with the same data still and moving', () => {
    const d = draw();
    expect(d.lines.length).toBeGreaterThan(20);
    const still = makeLayers('themes', d, ctx({ motion: { thinned: false, budget: 20 } }));
    const moving = makeLayers('themes', d, ctx({ motion: { thinned: true, budget: 20 } }));
    expect(still.map((l) => l.id)).toEqual(moving.map((l) => l.id));
    const visible = (ls: Layer[], id: string) => layer(ls, id)?.props.visible;
    expect([visible(still, 'themes-line'), visible(still, 'themes-line-casing'), visible(still, 'themes-line-moving')]).toEqual([true, true, false]);
    expect([visible(moving, 'themes-line'), visible(moving, 'themes-line-casing'), visible(moving, 'themes-line-moving')]).toEqual([false, false, true]);
    const sample = layer(moving, 'themes-line-moving')!.props.data as unknown[];
    expect(sample).toHaveLength(20);
    // Kept ready while still: showing it costs no new buffers.
    expect(layer(still, 'themes-line-moving')!.props.data).toBe(sample);
  });

  it('are not there with no more lines than the budget, nor without a motion context (exports)', () => {
    const d = draw();
    for (const c of [ctx({ motion: { thinned: true, budget: d.lines.length } }), ctx()]) {
      const layers = makeLayers('themes', d, c);
      expect(layer(layers, 'themes-line-moving')).toBeUndefined();
      expect(layer(layers, 'themes-line')!.props.visible).toBe(true);
      expect(layer(layers, 'themes-line-casing')!.props.visible).toBe(true);
    }
  });
});

/**
 * applyThemeLines sends the lines to MapLibre's worker only when they change, and dims through
 * feature state: a click changes states, not data. A fake map records what it was asked.
 */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { applyThemeLines, forgetThemeLines, type ThemeLines } from '../../src/map/themes/line-layers.ts';
import { THEME_LINES } from '../../src/map/themes/line-style.ts';
import { MapController } from '../../src/map/controller.ts';

function fakeMap(withSource = true) {
  const calls: string[] = [];
  const source = { setData: (d: ThemeLines['data']) => void calls.push(`data ${d.features.length}`) };
  const map = {
    getSource: (id: string) => (withSource && id === THEME_LINES.source ? source : undefined),
    removeFeatureState: (t: { source: string }) => void calls.push(`clear ${t.source}`),
    setFeatureState: (t: { source: string; id: number }, s: { dim: boolean }) => void calls.push(`dim ${t.id} ${s.dim}`),
  };
  return { map: map as unknown as MapLibreMap, calls };
}

const data = (n: number): ThemeLines['data'] => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', id: i, properties: { project: `p${i}`, color: 'rgb(0, 0, 0)', alpha: 1, width: 2, offset: 0 }, geometry: { type: 'LineString', coordinates: [[110, 40], [111, 41]] } })),
});

describe('applyThemeLines', () => {
  it('sets data once, then only feature states while the emphasis changes', () => {
    const { map, calls } = fakeMap();
    const d = data(3);
    applyThemeLines(map, { data: d, dimmed: [] });
    expect(calls.splice(0)).toEqual(['data 3', `clear ${THEME_LINES.source}`]);
    applyThemeLines(map, { data: d, dimmed: [] });
    expect(calls.splice(0)).toEqual([]);
    applyThemeLines(map, { data: d, dimmed: [0, 2] });
    expect(calls.splice(0)).toEqual(['dim 0 true', 'dim 2 true']);
    applyThemeLines(map, { data: d, dimmed: [1] });
    expect(calls.splice(0)).toEqual([`clear ${THEME_LINES.source}`, 'dim 1 true']);
    applyThemeLines(map, { data: d, dimmed: [] });
    expect(calls.splice(0)).toEqual([`clear ${THEME_LINES.source}`]);
  });

  it('sends new lines and sets their states afresh (ids are indexes of the new lines)', () => {
    const { map, calls } = fakeMap();
    applyThemeLines(map, { data: data(3), dimmed: [1] });
    calls.splice(0);
    applyThemeLines(map, { data: data(2), dimmed: [1] });
    expect(calls).toEqual(['data 2', `clear ${THEME_LINES.source}`, 'dim 1 true']);
  });

  it('sends the same lines again once told the style was replaced under them', () => {
    const { map, calls } = fakeMap();
    const lines = { data: data(2), dimmed: [] };
    applyThemeLines(map, lines);
    calls.splice(0);
    forgetThemeLines(map);
    applyThemeLines(map, lines);
    expect(calls).toEqual(['data 2', `clear ${THEME_LINES.source}`]);
  });

  it('says so when the style has no source for the lines', () => {
    const { map } = fakeMap(false);
    expect(() => applyThemeLines(map, { data: data(1), dimmed: [] })).toThrow(/theme-lines/);
  });
});

describe("the live map's style as exports take it", () => {
  const style = (lines: number) => ({ version: 8, sources: { [THEME_LINES.source]: { type: 'geojson', data: data(lines) }, other: { type: 'geojson', data: data(1) } }, layers: [] });

  it('is taken with the live lines (a scene replaces them: export-vector.test.ts) and waits only for a style still loading', () => {
    let loading = false;
    const map = { getStyle: () => { if (loading) throw new Error('Style is not done loading'); return style(3); } } as unknown as MapLibreMap;
    const c = new MapController(map, { heldLoad: false, early: false });
    expect(c.styleSnapshot()).toBeNull();
    c.ready = true;
    const snap = c.styleSnapshot()!;
    expect((snap.sources[THEME_LINES.source] as unknown as { data: ThemeLines['data'] }).data.features).toHaveLength(3);
    expect((snap.sources.other as unknown as { data: ThemeLines['data'] }).data.features).toHaveLength(1);
    loading = true;
    expect(c.styleSnapshot()).toBeNull();
  });
});

/**
 * Corridor analysis as part of the state: the link's `corridor` parameter, the reducer, and the
 * derived view, which gives the live map and an export of one state the same buffer (and the export
 * a legend row for it). The buffer's extent is checked at points whose distance to the line is worked
 * out by hand.
 */
import { corridorBufferOf } from '../../src/domain/corridor-buffer.ts';
import type { Layer } from '@deck.gl/core';
import { booleanPointInPolygon, destination, point } from '@turf/turf';
import type { Polygon, MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import { atlasReducer, initialAtlasState } from '../../src/domain/atlas-state.ts';
import { loadCorridorBuffer, wantsCorridor } from '../../src/domain/atlas-view.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { decodeUrlState, encodeSearch, EMPTY_STATE, type AppState } from '../../src/domain/url-state.ts';
import { buildScene, withCorridorBuffer } from '../../src/export/scene.ts';
import type { GeoData } from '../../src/map/geodata.ts';
import { geoOf } from './support/geo-stub.ts';
import type { DeckDrawing } from '../../src/map/load-deck.ts';
import { LAYER_IDS, layerContext, viewOf, type LayerContext } from '../../src/map/themes/index.ts';

const UHV = 'power-xilinguole-shandong-uhv';
let cat: Catalogue;
let geo: GeoData;
beforeAll(() => {
  cat = readCatalogue();
  geo = geoOf(cat);
});

describe('the link', () => {
  it('carries the distance, within 1–500 km', () => {
    expect(decodeUrlState('?project=power-xilinguole-shandong-uhv&corridor=30', '').state.corridor).toBe(30);
    expect(decodeUrlState('?corridor=2.5', '').state.corridor).toBe(2.5);
    expect(decodeUrlState('', '').state.corridor).toBeNull();
    for (const [v, reason] of [
      ['0', 'out_of_range'],
      ['600', 'out_of_range'],
      ['abc', 'malformed'],
      ['30km', 'malformed'],
    ] as const) {
      const d = decodeUrlState(`?corridor=${v}`, '');
      expect(d.state.corridor, v).toBeNull();
      expect(d.problems, v).toEqual([{ param: 'corridor', value: v, reason }]);
    }
    const state: AppState = { ...EMPTY_STATE, selection: { kind: 'project', id: UHV }, corridor: 30 };
    expect(encodeSearch(state)).toBe(`?project=${UHV}&corridor=30`);
    expect(decodeUrlState(encodeSearch(state), '').state.corridor).toBe(30);
    expect(encodeSearch({ ...state, corridor: null })).toBe(`?project=${UHV}`);
  });

  it('goes through the reducer', () => {
    const { state } = initialAtlasState(decodeUrlState('?corridor=30', ''), LAYER_IDS, 'zh');
    expect(state.corridor).toBe(30);
    const reduce = atlasReducer(LAYER_IDS);
    expect(reduce(state, { type: 'corridor', km: 30 })).toBe(state);
    expect(reduce(state, { type: 'corridor', km: null }).corridor).toBeNull();
    // Back / forward to a link without it turns it off; a saved view that does not say keeps it.
    expect(reduce(state, { type: 'apply', state: { corridor: null } }).corridor).toBeNull();
    expect(reduce(state, { type: 'apply', state: { lang: 'en' } }).corridor).toBe(30);
  });
});

describe('the view', () => {
  const stateOf = (over: Partial<AppState>): AppState => ({ ...EMPTY_STATE, lang: 'zh', ...over });

  it('draws a buffer for a line project or a region, none for a point or without a distance', () => {
    expect(viewOf(stateOf({ selection: { kind: 'project', id: UHV } }), cat, corridorBufferOf).corridor).toBeNull();
    const point = cat.allProjects().find((p) => p.geometry.type === 'Point')!;
    expect(viewOf(stateOf({ selection: { kind: 'project', id: point.properties.id }, corridor: 30 }), cat, corridorBufferOf).corridor).toBeNull();
    expect(viewOf(stateOf({ corridor: 30 }), cat, corridorBufferOf).corridor).toBeNull();
    const region = viewOf(stateOf({ selection: { kind: 'region', code: '152531' }, corridor: 20 }), cat, corridorBufferOf).corridor!;
    expect(region.target).toEqual({ kind: 'region', code: '152531' });
    // 多伦县's own outline lies inside its 20 km buffer.
    const ring = (cat.regions.get('152531')!.geometry as Polygon).coordinates?.[0] ?? (cat.regions.get('152531')!.geometry as MultiPolygon).coordinates[0]![0]!;
    for (const p of ring.filter((_, i) => i % 25 === 0)) expect(booleanPointInPolygon(p, region.buffer)).toBe(true);
  });

  it('draws no corridor until the buffer’s code has loaded, then the same one; a state without a corridor does not load it', async () => {
    const state = stateOf({ selection: { kind: 'project', id: UHV }, corridor: 30 });
    expect(wantsCorridor(state)).toBe(true);
    expect(wantsCorridor(stateOf({ selection: { kind: 'project', id: UHV } }))).toBe(false);
    expect(viewOf(state, cat, null).corridor).toBeNull();
    const loaded = await loadCorridorBuffer();
    expect(viewOf(state, cat, loaded).corridor!.buffer).toBe(viewOf(state, cat, corridorBufferOf).corridor!.buffer);
    const env = { corridorBuffer: null };
    expect(await withCorridorBuffer(env, [{ state: stateOf({}), bounds: [[110, 35], [120, 44]] }])).toBe(env);
  });

  it('the buffer reaches 30 km from the line and no further', () => {
    const c = viewOf(stateOf({ selection: { kind: 'project', id: UHV }, corridor: 30 }), cat, corridorBufferOf).corridor!;
    expect(c.km).toBe(30);
    const start = (cat.project(UHV)!.geometry as { coordinates: number[][] }).coordinates[0]!;
    // The line runs from its start about 4° east of due south (0.508° of longitude against 5.52° of
    // latitude at about 39° N), so a point d km due east of the start lies d·cos 4° ≈ 0.998 d from
    // the line; due west, the nearest point of the line is the start itself, d km away.
    const at = (km: number, bearing: number) => booleanPointInPolygon(destination(point(start), km, bearing, { units: 'kilometers' }), c.buffer);
    expect(at(0, 0)).toBe(true);
    expect(at(28, 90)).toBe(true);
    expect(at(32, 90)).toBe(false);
    expect(at(28, -90)).toBe(true);
    expect(at(32, -90)).toBe(false);
    // The same buffer object for the same state (memoised): the map does not recompute it on every render.
    expect(viewOf(stateOf({ selection: { kind: 'project', id: UHV }, corridor: 30 }), cat, corridorBufferOf).corridor!.buffer).toBe(c.buffer);
  });

  it('the map and an export of the state draw the same buffer; the export’s legend names it', async () => {
    const state = stateOf({ selection: { kind: 'project', id: UHV }, corridor: 30 });
    const view = viewOf(state, cat, corridorBufferOf);
    const onMap = layerContext(view, cat, 6);
    const t = ((key: string, opts?: Record<string, unknown>) => (key === 'corridor.legend' ? `within ${String(opts?.km)} km` : opts && 'defaultValue' in opts ? '' : key)) as never;
    const env = { catalogue: cat, geo, baseStyle: { version: 8 as const, sources: {}, layers: [] }, fontStacks: { regular: ['a'], semibold: ['b'] }, t, date: new Date(2026, 11, 7) };
    // Without the buffer's code an export refuses, rather than leave the corridor out.
    expect(() => buildScene({ state, bounds: [[110, 35], [120, 44]] }, env)).toThrow(/withCorridorBuffer/);
    const scene = buildScene({ state, bounds: [[110, 35], [120, 44]] }, await withCorridorBuffer(env, [{ state, bounds: [[110, 35], [120, 44]] }]));
    let drawn: LayerContext | null = null;
    scene.layers({ buildThemeLayers: (ctx: LayerContext) => ((drawn = ctx), [] as Layer[]), buildUserLayers: () => [] as Layer[] } as unknown as DeckDrawing, 6);
    expect(drawn!.corridor!.buffer).toBe(onMap.corridor!.buffer);
    const last = scene.content.legend.at(-1)!;
    expect(last.rows.map((r) => r.label)).toEqual(['within 30 km']);
    expect(last.rows[0]!.symbol).toMatchObject({ kind: 'area', dashed: true });
  });
});

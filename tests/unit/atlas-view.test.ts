/**
 * One derivation of what a state draws: the live map (App → viewOf → layerContext/legendOf) and an
 * export of the same state (buildScene) get the same layers, emphasis and legend rows. Also the
 * state's reducer and the link validation that feed it.
 */
import { corridorBufferOf } from '../../src/domain/corridor-buffer.ts';
import type { Layer } from '@deck.gl/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import { appStateOf, atlasReducer, initialAtlasState } from '../../src/domain/atlas-state.ts';
import { choroplethRegions, validChoropleth, validLayers } from '../../src/domain/atlas-view.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { EMPTY_STATE, type AppState, type UrlProblem } from '../../src/domain/url-state.ts';
import { buildScene } from '../../src/export/scene.ts';
import { THEMATIC_BEFORE_ID } from '../../src/map/basemap/style.ts';
import type { GeoData } from '../../src/map/geodata.ts';
import { geoOf } from './support/geo-stub.ts';
import type { DeckDrawing } from '../../src/map/load-deck.ts';
import { DEFAULT_VISIBLE, LAYER_IDS, layerContext, legendOf, viewOf, type LayerContext } from '../../src/map/themes/index.ts';

let cat: Catalogue;
let geo: GeoData;
beforeAll(() => {
  cat = readCatalogue();
  geo = geoOf(cat);
});

const t = ((key: string, opts?: Record<string, unknown>) => (opts && 'defaultValue' in opts ? '' : key)) as never;

/** What an export of `state` hands deck.gl, and its legend. */
function exported(state: AppState, zoom: number) {
  const scene = buildScene(
    { state, bounds: [[105, 38], [115, 44]] },
    { catalogue: cat, geo, baseStyle: { version: 8, sources: {}, layers: [] }, fontStacks: { regular: ['a'], semibold: ['b'] }, t, date: new Date(2026, 11, 7) },
  );
  let drawn: { ctx: LayerContext; ids: string[] } | null = null;
  const deck = {
    buildThemeLayers: (ctx: LayerContext, ids: Iterable<string>) => {
      drawn = { ctx, ids: [...ids] };
      return [] as Layer[];
    },
    buildUserLayers: () => [] as Layer[],
  } as unknown as DeckDrawing;
  scene.layers(deck, zoom);
  return { drawn: drawn!, legend: scene.content.legend };
}

const STATES: [string, AppState][] = [
  ['nothing selected', { ...EMPTY_STATE, lang: 'zh' }],
  ['a region, filtered to railways and highways', { ...EMPTY_STATE, lang: 'en', selection: { kind: 'region', code: '150200' }, region: '150200', filters: { ...NO_FILTERS, themes: ['railway', 'highway'] } }],
  ['a project, three layers on', { ...EMPTY_STATE, lang: 'zh', selection: { kind: 'project', id: 'rail-baotou-yinchuan-hsr' }, layers: ['power', 'railways', 'highways'] }],
  ['a measure, with the choropleth of railways', { ...EMPTY_STATE, lang: 'en', selection: { kind: 'measure', id: 'c4.s1.i1' }, choropleth: 'railways' }],
  ['a region that nothing touches after the filters', { ...EMPTY_STATE, lang: 'zh', selection: { kind: 'region', code: '150200' }, region: '150200', filters: { ...NO_FILTERS, chapters: [9] } }],
];

describe('the map and an export of one state', () => {
  for (const [name, state] of STATES)
    it(`draw the same layers, emphasis and legend: ${name}`, () => {
      const view = viewOf(state, cat, corridorBufferOf);
      const onMap = layerContext(view, cat, 6, { beforeId: THEMATIC_BEFORE_ID });
      const { drawn, legend } = exported(state, 6);
      expect(drawn.ids).toEqual([...view.layers]);
      expect(drawn.ctx.emphasis).toEqual(onMap.emphasis);
      expect(drawn.ctx.filters).toEqual(onMap.filters);
      expect(drawn.ctx.lang).toBe(onMap.lang);
      expect(drawn.ctx.beforeId).toBe(onMap.beforeId);
      const mapLegend = legendOf(view, cat).map((l) => ({ heading: l.label[view.lang], rows: l.entries.map((e) => ({ symbol: e.symbol, label: e.label[view.lang] })) }));
      expect(legend.slice(0, mapLegend.length)).toEqual(mapLegend);
      // The choropleth's classes follow the themes' rows, in the export as on the map's legend.
      expect(legend.length - mapLegend.length).toBe(view.choropleth ? [view.choropleth.leagues, view.choropleth.counties].filter((c) => c.classes.length).length : 0);
    });

  it('tell states apart (the comparison above can fail)', () => {
    const a = exported(STATES[1]![1], 6);
    const b = exported(STATES[2]![1], 6);
    expect(a.drawn.ctx.emphasis).not.toEqual(b.drawn.ctx.emphasis);
    expect(a.drawn.ids).not.toEqual(b.drawn.ids);
  });
});

describe('what a state draws', () => {
  it('dims everything for a selection that emphasises nothing', () => {
    const view = viewOf(STATES[4]![1], cat, corridorBufferOf);
    expect(view.emphasis).toEqual({ kind: 'selection', projects: new Set(), places: new Set(), highlight: null });
  });

  it('shades Inner Mongolia’s 12 leagues and its banners and counties', () => {
    const shaded = choroplethRegions(cat.data.regions.features);
    expect(shaded.leagues).toHaveLength(12);
    expect(shaded.counties.length).toBeGreaterThan(100);
    expect(shaded.counties.every((c) => c.startsWith('15'))).toBe(true);
  });
});

describe('link validation and the state reducer', () => {
  it('keeps known layers in the atlas’s order and reports unknown ones', () => {
    const problems: UrlProblem[] = [];
    expect(validLayers(['power', 'nope', 'railways'], LAYER_IDS, problems)).toEqual(['railways', 'power']);
    expect(problems).toEqual([{ param: 'layers', value: 'nope', reason: 'unknown' }]);
    expect(validLayers(null, LAYER_IDS)).toEqual([...DEFAULT_VISIBLE]);
    expect(validChoropleth('all', LAYER_IDS)).toBe('all');
    expect(validChoropleth('bogus', LAYER_IDS, problems)).toBeNull();
    expect(problems.at(-1)).toEqual({ param: 'choro', value: 'bogus', reason: 'unknown' });
  });

  it('applies actions, keeping the state when nothing changes', () => {
    const { state, problems } = initialAtlasState({ state: { ...EMPTY_STATE, layers: ['railways', 'x'] }, problems: [] }, LAYER_IDS, 'zh');
    expect(problems).toHaveLength(1);
    expect(state.layers).toEqual(['railways']);
    const reduce = atlasReducer(LAYER_IDS);
    const selected = reduce(state, { type: 'select', selection: { kind: 'region', code: '150200' } });
    expect(selected.selection).toEqual({ kind: 'region', code: '150200' });
    expect(reduce(selected, { type: 'select', selection: { kind: 'region', code: '150200' } })).toBe(selected);
    const applied = reduce(selected, { type: 'apply', state: { layers: ['highways', 'zz'], lang: 'en' } });
    expect(applied).toMatchObject({ selection: { kind: 'region', code: '150200' }, layers: ['highways'], lang: 'en' });
    expect(appStateOf(applied).region).toBe('150200');
  });

  it('keeps an embed an embed: the page opened as one, whatever state is applied to it', () => {
    const reduce = atlasReducer(LAYER_IDS);
    const embed = initialAtlasState({ state: { ...EMPTY_STATE, embed: true }, problems: [] }, LAYER_IDS, 'zh').state;
    expect(embed.embed).toBe(true);
    expect(reduce(embed, { type: 'apply', state: { ...EMPTY_STATE, embed: false } }).embed).toBe(true);
    expect(appStateOf(embed).embed).toBe(true);
    const full = initialAtlasState({ state: EMPTY_STATE, problems: [] }, LAYER_IDS, 'zh').state;
    expect(reduce(full, { type: 'apply', state: { embed: true } }).embed).toBe(false);
  });
});

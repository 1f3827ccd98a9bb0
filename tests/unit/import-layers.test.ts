/**
 * The user's imported layers beyond parsing: ids, colours, saved-view references, bounding boxes,
 * touches with regions (the region panel's "Your layers"), the saved-views file's `imported` field,
 * text decoding, and the map definition (legend rows = what is drawn).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFile, importUserLayer } from '../../src/domain/import.ts';

const textOf = (bytes: Uint8Array) => {
  const r = decodeFile(bytes);
  return r.ok ? r.text : null;
};
import { importedTouching } from '../../src/domain/imported-touches.ts';
import { RegionIndex } from '../../src/domain/regions.ts';
import type { RegionCollection, RegionFeature, RegionLevel } from '../../src/domain/types.ts';
import {
  isUserLayer,
  kindCounts,
  layerBbox,
  newUserLayer,
  newUserLayerId,
  nextColour,
  parseRefs,
  restoreRefs,
  USER_LAYER_ID,
  visibleRefs,
  type UserLayer,
} from '../../src/domain/user-layers.ts';
import { makeView, parseFile, serialise, type SavedView } from '../../src/export/saved-views.ts';
import { buildUserLayers, userDeckLayers } from '../../src/map/imported-deck-layers.ts';
import { pickUserFeature, USER_PALETTE, userLayerDef, userLegendGroups } from '../../src/map/imported-layers.ts';

function layerOf(text: string, file: string, id: string, existing: UserLayer[] = []): UserLayer {
  const r = importUserLayer(text, file, text.length, id);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return newUserLayer(r.layer, id, existing, USER_PALETTE.length, new Date('2026-11-20T10:00:00Z'));
}
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });

describe('import messages', () => {
  it('says what is wrong with JSON that is not GeoJSON, and with a file type it cannot read', () => {
    const obj = importUserLayer(JSON.stringify({ hello: 1 }), 'x.json');
    expect(!obj.ok && obj.problems).toEqual([{ code: 'jsonNoType', at: [], params: {} }]);
    const list = importUserLayer('[1, 2]', 'x.json');
    expect(!list.ok && list.problems).toEqual([{ code: 'jsonIsList', at: [], params: {} }]);
    const kml = importUserLayer('<kml/>', 'places.kml');
    expect(!kml.ok && kml.problems).toEqual([{ code: 'fileType', at: [], params: { ext: '".kml"' } }]);
  });

  it('names the row of a CSV latitude out of range', () => {
    const r = importUserLayer('name,lon,lat\nok,110,40\nnorth,110,95\n', 'x.csv');
    expect(!r.ok && r.problems).toEqual([{ code: 'outOfRange', at: [{ kind: 'row', n: 3, name: 'north' }], params: { lon: 110, lat: 95 } }]);
  });

  it('keeps a description as plain text and uses the given layer id for feature ids', () => {
    const r = importUserLayer(fc([feature({ type: 'Point', coordinates: [110, 40] }, { name: 'a', description: '<b>bold</b>' })]), 'x.geojson', 10, 'u-abcdef');
    expect(r.ok && r.layer.features[0]).toMatchObject({ id: 'u-abcdef-0', name: 'a', description: '<b>bold</b>' });
  });

  it('reads UTF-8 (with BOM) and, failing that, GB18030 as Excel writes Chinese CSV', () => {
    expect(textOf(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('名称,经度', 'utf8')]))).toBe('名称,经度');
    // 名称 in GBK.
    expect(textOf(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]))).toBe('名称');
  });
});

describe('user layers', () => {
  it('ids are u- and random characters; colours go to the first unused, then the least used', () => {
    const id = newUserLayerId();
    expect(id).toMatch(USER_LAYER_ID);
    expect(newUserLayerId()).not.toBe(id);
    expect(nextColour([], 3)).toBe(0);
    expect(nextColour([{ colour: 0 }, { colour: 2 }], 3)).toBe(1);
    expect(nextColour([{ colour: 0 }, { colour: 1 }, { colour: 2 }, { colour: 0 }], 3)).toBe(1);
  });

  it('a saved view records the layers that are on and restores exactly those, naming the missing', () => {
    const a = layerOf(fc([feature({ type: 'Point', coordinates: [110, 40] })]), 'a.geojson', 'u-aaaaaa');
    const b = layerOf(fc([feature({ type: 'Point', coordinates: [111, 41] })]), 'b.geojson', 'u-bbbbbb', [a]);
    expect(b.colour).toBe(1);
    const refs = visibleRefs([a, b], new Set(['u-bbbbbb']));
    expect(refs).toEqual([{ id: 'u-bbbbbb', name: 'b' }]);
    expect(restoreRefs(refs, [a, b])).toEqual({ visible: ['u-bbbbbb'], missing: [] });
    expect(restoreRefs([...refs, { id: 'u-gone00', name: 'gone' }], [a])).toEqual({ visible: [], missing: [{ id: 'u-bbbbbb', name: 'b' }, { id: 'u-gone00', name: 'gone' }] });
    expect(parseRefs([{ id: 'u-aaaaaa', name: 'a' }])).toEqual([{ id: 'u-aaaaaa', name: 'a' }]);
    expect(parseRefs([{ id: '<script>', name: 'a' }])).toBeNull();
    expect(parseRefs('u-aaaaaa')).toBeNull();
  });

  it('bounding box and kinds of a mixed layer; stored records are checked', () => {
    const l = layerOf(
      fc([
        feature({ type: 'Point', coordinates: [110, 40] }),
        feature({ type: 'MultiLineString', coordinates: [[[108, 39], [109, 41]]] }),
        feature({ type: 'Polygon', coordinates: [[[111, 42], [112, 42], [112, 43], [111, 42]]] }),
      ]),
      'mixed.geojson',
      'u-mixed0',
    );
    expect(layerBbox(l)).toEqual([108, 39, 112, 43]);
    expect(kindCounts(l)).toEqual({ points: 1, lines: 1, areas: 1 });
    expect(isUserLayer(JSON.parse(JSON.stringify(l)))).toBe(true);
    expect(isUserLayer({ ...l, id: 'x' })).toBe(false);
    expect(isUserLayer({ ...l, features: [{}] })).toBe(false);
  });
});

// The toy hierarchy of touches.test.ts: province P (0..2 × 0..1), prefectures A (0..1) and B (1..2), counties A1, A2.
function box(code: string, level: RegionLevel, parent: string | null, x0: number, x1: number, y0 = 0, y1 = 1): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, level, parent, name_zh: code, name_en: code },
    geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
  };
}
const toy = new RegionIndex([
  box('100000', 'province', null, 0, 2),
  box('100100', 'prefecture', '100000', 0, 1),
  box('100200', 'prefecture', '100000', 1, 2),
  box('100101', 'county', '100100', 0, 0.5),
  box('100102', 'county', '100100', 0.5, 1),
]);

describe('imported features in a region', () => {
  const layer = layerOf(
    fc([
      feature({ type: 'Point', coordinates: [0.25, 0.5] }, { name: 'in A1' }),
      feature({ type: 'LineString', coordinates: [[0.1, 0.5], [1.9, 0.5]] }, { name: 'across' }),
      feature({ type: 'Polygon', coordinates: [[[-0.1, -0.1], [0.6, -0.1], [0.6, 1.1], [-0.1, 1.1], [-0.1, -0.1]]] }, { name: 'over A1' }),
      feature({ type: 'MultiPoint', coordinates: [[1.5, 0.5], [5, 5]] }, { name: 'in B' }),
      feature({ type: 'Point', coordinates: [50, 50] }, { name: 'far away' }),
    ]),
    'toy.geojson',
    'u-toy000',
  );

  it('lists what lies in, crosses (with km), covers or overlaps the region', () => {
    const a1 = importedTouching('100101', [layer], toy);
    expect(a1.map((t) => [t.feature.name, t.touch.spatial])).toEqual([
      ['in A1', 'contains'],
      ['across', 'crosses'],
      ['over A1', 'covers'],
    ]);
    const km = a1.find((t) => t.feature.name === 'across')!.touch.km!;
    expect(km).toBeGreaterThan(40); // 0.4° of longitude at the equator ≈ 44 km
    expect(km).toBeLessThan(48);
    const a = importedTouching('100100', [layer], toy);
    expect(a.map((t) => [t.feature.name, t.touch.spatial])).toEqual([
      ['in A1', 'contains'],
      ['across', 'crosses'],
      ['over A1', 'overlaps'],
    ]);
    expect(importedTouching('100200', [layer], toy).map((t) => t.feature.name)).toEqual(['across', 'in B']);
    expect(importedTouching('999999', [layer], toy)).toEqual([]);
  });

  it('finds a point near 包头 in 包头市 and its county on the real boundaries', () => {
    const regions = new RegionIndex((JSON.parse(readFileSync('public/geo/regions.geojson', 'utf8')) as RegionCollection).features);
    const l = layerOf('name,lon,lat\n包头站,109.84,40.66\n', 'stations.csv', 'u-real00');
    expect(importedTouching('150200', [l], regions).map((t) => t.feature.name)).toEqual(['包头站']);
    expect(importedTouching('150000', [l], regions).map((t) => t.touch.spatial)).toEqual(['contains']);
    expect(importedTouching('150100', [l], regions)).toEqual([]);
  });
});

describe('imported areas, lines and points on the real boundaries', () => {
  const regions = new RegionIndex((JSON.parse(readFileSync('public/geo/regions.geojson', 'utf8')) as RegionCollection).features);
  const square = (name: string, x0: number, y0: number, x1: number, y1: number) =>
    feature({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }, { name });
  const layer = layerOf(
    fc([
      square('in 固阳', 110.0, 41.0, 110.2, 41.2), // wholly in 固阳县, so in 包头市 and 内蒙古
      square('across', 109.0, 41.6, 109.8, 41.9), // 乌拉特中旗 (巴彦淖尔) and 达茂旗 (包头)
      square('over 白云鄂博', 109.8, 41.6, 110.1, 41.97), // all of 白云鄂博矿区, inside 达茂旗
      feature({ type: 'LineString', coordinates: [[110.0, 41.0], [110.2, 41.2]] }, { name: 'line in 固阳' }),
      feature({ type: 'Point', coordinates: [110.1, 41.1] }, { name: 'point in 固阳' }),
    ]),
    'areas.geojson',
    'u-areas0',
  );
  const relations = (code: string) => Object.fromEntries(importedTouching(code, [layer], regions).map((t) => [t.feature.name, t.touch.spatial]));

  it('a square inside 包头 lies in it (and in its county and province), it does not overlap them', () => {
    for (const code of ['150000', '150200', '150222']) expect(relations(code)['in 固阳'], code).toBe('contains');
  });

  it('a square across the 包头–巴彦淖尔 border overlaps both leagues and lies in 内蒙古', () => {
    expect(relations('150200')['across']).toBe('overlaps');
    expect(relations('150800')['across']).toBe('overlaps');
    expect(relations('150000')['across']).toBe('contains');
  });

  it('a square around a whole county covers the county, overlaps the banner around it and lies in 包头', () => {
    expect(relations('150206')['over 白云鄂博']).toBe('covers');
    expect(relations('150223')['over 白云鄂博']).toBe('overlaps');
    expect(relations('150200')['over 白云鄂博']).toBe('contains');
  });

  it('a point lies in its regions; so does a line inside them, with its whole length', () => {
    expect(relations('150200')['point in 固阳']).toBe('contains');
    const line = importedTouching('150200', [layer], regions).find((t) => t.feature.name === 'line in 固阳')!.touch;
    expect(line.spatial).toBe('contains');
    expect(line.km).toBeGreaterThan(27);
    expect(line.km).toBeLessThan(29); // ≈ 27.8 km from (110.0, 41.0) to (110.2, 41.2)
    expect(relations('150800')).toEqual({ across: 'overlaps' });
  });
});

describe('map definition of an imported layer', () => {
  const a = layerOf(
    fc([feature({ type: 'Point', coordinates: [110, 40] }, { name: 'p' }), feature({ type: 'LineString', coordinates: [[100, 30], [120, 30]] }, { name: 'l' })]),
    'a.geojson',
    'u-aaaaaa',
  );
  const b = layerOf(fc([feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })]), 'b.geojson', 'u-bbbbbb', [a]);

  it('legend rows are exactly the kinds drawn, in the layer colour', () => {
    const def = userLayerDef(a);
    expect(def.legend.map((r) => [r.kind, r.count])).toEqual([
      ['lines', 1],
      ['points', 1],
    ]);
    expect(userDeckLayers(def, { scale: 1 }).map((l) => l.id)).toEqual(['user-u-aaaaaa-line', 'user-u-aaaaaa-point']);
    for (const r of def.legend) expect(r.symbol.kind === 'area' ? r.symbol.fill : r.symbol.color).toEqual(USER_PALETTE[0]);
    expect(userLayerDef(b).legend.map((r) => r.kind)).toEqual(['areas']);
    expect(userLayerDef(b).colour).toEqual(USER_PALETTE[1]);
  });

  it('draws only visible layers, areas under lines under points; the export legend matches', () => {
    const ids = buildUserLayers([a, b], new Set(['u-aaaaaa', 'u-bbbbbb']), { scale: 1 }).map((l) => l.id);
    expect(ids).toEqual(['user-u-bbbbbb-area-fill', 'user-u-bbbbbb-area-line', 'user-u-aaaaaa-line', 'user-u-aaaaaa-point']);
    expect(buildUserLayers([a, b], new Set(['u-bbbbbb']), { scale: 1 }).map((l) => l.id)).toEqual(['user-u-bbbbbb-area-fill', 'user-u-bbbbbb-area-line']);
    expect(userLegendGroups([a, b], new Set(['u-aaaaaa']), 'zh')).toEqual([{ heading: 'a', rows: [expect.objectContaining({ label: '线 (1)' }), expect.objectContaining({ label: '点 (1)' })] }]);
  });

  it('picks the point under the pointer, then the line, only in visible layers', () => {
    // A projector of 10 px per degree.
    const project = ([x, y]: [number, number]) => ({ x: x * 10, y: -y * 10 });
    expect(pickUserFeature([a], new Set(['u-aaaaaa']), project, 1101, -400)?.feature.name).toBe('p');
    expect(pickUserFeature([a], new Set(['u-aaaaaa']), project, 1050, -301)?.feature.name).toBe('l');
    expect(pickUserFeature([a], new Set(['u-aaaaaa']), project, 1050, -320)).toBeNull();
    expect(pickUserFeature([a], new Set(), project, 1101, -400)).toBeNull();
  });
});

describe('saved views with imported layers', () => {
  const state = { region: null, lang: null, view: { zoom: 5, lat: 41, lng: 111, bearing: 0, pitch: 0 }, selection: null, layers: null, filters: { chapters: [], themes: [], stages: [] }, choropleth: null, mode: 'plan' as const, date: null, paragraph: null };
  const bounds: SavedView['bounds'] = [
    [100, 35],
    [120, 45],
  ];

  it('writes version 2 with the imported layers that were on, and reads them back', () => {
    const v = { ...makeView('mine', state, bounds), imported: [{ id: 'u-aaaaaa', name: 'a' }] };
    const text = serialise([v]);
    expect(JSON.parse(text).version).toBe(2);
    const r = parseFile(text);
    expect(r.ok && r.views[0]!.imported).toEqual([{ id: 'u-aaaaaa', name: 'a' }]);
  });

  it('still reads version 1 files (no imported layers: they are left as they are)', () => {
    const v = makeView('old', state, bounds);
    const old = JSON.stringify({ format: 'plan-atlas-views', version: 1, views: [v] });
    const r = parseFile(old);
    expect(r.ok).toBe(true);
    expect(r.ok && 'imported' in r.views[0]!).toBe(false);
  });

  it('refuses a damaged imported list, saying which view', () => {
    const v = { ...makeView('bad', state, bounds), imported: [{ id: '"><img src=x>', name: 'a' }] };
    const r = parseFile(serialise([v]));
    expect(!r.ok && r.problems).toEqual([{ code: 'imported', view: 1, params: {} }]);
  });
});

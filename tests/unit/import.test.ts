import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importUserLayer, parseCsvRows } from '../../src/domain/import.ts';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (lon: number, lat: number, props: Record<string, unknown> = {}) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('GeoJSON import', () => {
  it('accepts a valid FeatureCollection and names features from their properties', () => {
    const r = importUserLayer(fc([pt(109.84, 40.66, { name: '包头站' }), { type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [[109, 40], [110, 41]] } }]), 'my stations.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.name).toBe('my stations');
    expect(r.layer.features.map((f) => f.name)).toEqual(['包头站', '#2']);
    expect(r.layer.features[0]!.id).toBe('user-my-stations-0');
  });

  it('accepts a bare geometry and a single Feature', () => {
    expect(importUserLayer(JSON.stringify({ type: 'Point', coordinates: [110, 40] }), 'a.json').ok).toBe(true);
    expect(importUserLayer(JSON.stringify(pt(110, 40)), 'a.json').ok).toBe(true);
  });

  it('refuses what is not GeoJSON, saying why', () => {
    const notJson = importUserLayer('hello', 'x.geojson');
    expect(notJson).toMatchObject({ ok: false });
    expect(!notJson.ok && notJson.problems[0]).toEqual({ code: 'notJson', at: [], params: { line: 1, column: 1, what: 'InvalidSymbol', near: 'hello' } });
    const wrongType = importUserLayer(JSON.stringify({ type: 'Topology', objects: {} }), 'x.json');
    expect(!wrongType.ok && wrongType.problems[0]).toEqual({ code: 'unknownType', at: [], params: { type: '"Topology"' } });
    const noFeatures = importUserLayer(JSON.stringify({ type: 'FeatureCollection' }), 'x.json');
    expect(!noFeatures.ok && noFeatures.problems[0]).toEqual({ code: 'noFeaturesArray', at: [], params: {} });
  });

  it('names the feature and the problem for bad geometry, and imports nothing', () => {
    const r = importUserLayer(
      fc([
        pt(110, 40),
        pt(40, 110, { name: 'swapped' }),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['1', 2] } },
      ]),
      'x.geojson',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'outOfRangeSwapped', at: [{ kind: 'feature', n: 2, name: 'swapped' }], params: { lon: 40, lat: 110 } },
      { code: 'ringNotClosed', at: [{ kind: 'feature', n: 3 }, { kind: 'ring', n: 1 }], params: {} },
      { code: 'geometryType', at: [{ kind: 'feature', n: 4 }], params: { type: '"GeometryCollection"', supported: expect.stringContaining('MultiPolygon') } },
      { code: 'lineTooShort', at: [{ kind: 'feature', n: 5 }], params: {} },
      { code: 'positionNotNumbers', at: [{ kind: 'feature', n: 6 }], params: { found: '["1",2]' } },
    ]);
  });

  it('locates a problem down to the polygon, ring and position of a multi-geometry', () => {
    const bad = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 0], [1, 100], [0, 0]]], []] };
    const r = importUserLayer(fc([pt(110, 40), { type: 'Feature', properties: { name: '片区' }, geometry: bad }]), 'x.geojson');
    expect(!r.ok && r.problems).toEqual([
      {
        code: 'outOfRangeSwapped',
        at: [{ kind: 'feature', n: 2, name: '片区' }, { kind: 'polygon', n: 2 }, { kind: 'ring', n: 1 }, { kind: 'position', n: 3 }],
        params: { lon: 1, lat: 100 },
      },
    ]);
  });

  it('enforces the size and count limits', () => {
    const big = importUserLayer('{}', 'x.geojson', IMPORT_LIMITS.maxBytes + 1);
    expect(!big.ok && big.problems[0]).toEqual({ code: 'tooLarge', at: [], params: { mb: '10.0', max: 10 } });
    const many = importUserLayer(fc(Array.from({ length: IMPORT_LIMITS.maxFeatures + 1 }, () => pt(110, 40))), 'x.json');
    expect(!many.ok && many.problems[0]).toEqual({ code: 'tooManyFeatures', at: [], params: { total: 20001, max: 20000 } });
  });

  it('lists at most 20 problems and counts the rest', () => {
    const r = importUserLayer(fc(Array.from({ length: 30 }, () => pt(500, 40))), 'x.json');
    expect(!r.ok && r.problems.length).toBe(21);
    expect(!r.ok && r.problems[20]).toEqual({ code: 'more', at: [], params: { count: 10 } });
  });

  it('keeps names and properties as plain text, whatever they contain', () => {
    const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)', '"><svg onload=alert(1)>'];
    const r = importUserLayer(fc(payloads.map((p) => pt(110, 40, { name: p, nested: { html: p } }))), 'x.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.features.map((f) => f.name)).toEqual(payloads);
    expect(typeof r.layer.features[0]!.properties.nested).toBe('string');
  });
});

describe('CSV import', () => {
  it('reads quoted fields, BOM, CRLF and Chinese column names', () => {
    expect(parseCsvRows('\uFEFFa,b\r\n"x, ""y""",2\r\n')).toEqual([['a', 'b'], ['x, "y"', '2']]);
    const r = importUserLayer('名称,经度,纬度\n包头站,109.84,40.66\n"满洲里, 口岸",117.7,49.6\n', 'stations.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.format).toBe('csv');
    expect(r.layer.features.map((f) => [f.name, f.geometry])).toEqual([
      ['包头站', { type: 'Point', coordinates: [109.84, 40.66] }],
      ['满洲里, 口岸', { type: 'Point', coordinates: [117.7, 49.6] }],
    ]);
  });

  it('detects ; and tab separators', () => {
    expect(importUserLayer('name;lon;lat\na;110;40\n', 'x.csv').ok).toBe(true);
    expect(importUserLayer('name\tlng\tlatitude\na\t110\t40\n', 'x.csv').ok).toBe(true);
  });

  it('names the row and the problem', () => {
    const r = importUserLayer('name,lon,lat\nok,110,40\nbad,abc,40\nfar,200,40\n', 'x.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { code: 'csvNotNumbers', at: [{ kind: 'row', n: 3, name: 'bad' }], params: { lon: '"abc"', lat: '"40"' } },
      { code: 'outOfRange', at: [{ kind: 'row', n: 4, name: 'far' }], params: { lon: 200, lat: 40 } },
    ]);
  });

  it('asks for the coordinate columns it cannot find', () => {
    const r = importUserLayer('name,x1,y1\na,1,2\n', 'x.csv');
    expect(!r.ok && r.problems[0]).toEqual({ code: 'csvNoCoordinates', at: [], params: { columns: 'name, x1, y1' } });
  });
});

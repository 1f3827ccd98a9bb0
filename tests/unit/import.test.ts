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
    expect(!notJson.ok && notJson.problems[0]).toMatch(/not valid JSON/);
    const wrongType = importUserLayer(JSON.stringify({ type: 'Topology', objects: {} }), 'x.json');
    expect(!wrongType.ok && wrongType.problems[0]).toMatch(/not GeoJSON: type "Topology"/);
    const noFeatures = importUserLayer(JSON.stringify({ type: 'FeatureCollection' }), 'x.json');
    expect(!noFeatures.ok && noFeatures.problems[0]).toMatch(/needs a "features" array/);
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
      expect.stringMatching(/^feature 2 \(swapped\): coordinates \[40, 110\] are out of range .*swapped\?/),
      expect.stringMatching(/^feature 3, ring 1: a polygon ring must end where it starts/),
      expect.stringMatching(/^feature 4: geometry type "GeometryCollection" is not supported/),
      expect.stringMatching(/^feature 5: a line needs at least 2 positions/),
      expect.stringMatching(/^feature 6: a position must be \[longitude, latitude\] numbers/),
    ]);
  });

  it('enforces the size and count limits', () => {
    const big = importUserLayer('{}', 'x.geojson', IMPORT_LIMITS.maxBytes + 1);
    expect(!big.ok && big.problems[0]).toMatch(/at most 10 MB/);
    const many = importUserLayer(fc(Array.from({ length: IMPORT_LIMITS.maxFeatures + 1 }, () => pt(110, 40))), 'x.json');
    expect(!many.ok && many.problems[0]).toMatch(/at most 20000 can be imported/);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const r = importUserLayer(fc(Array.from({ length: 30 }, () => pt(500, 40))), 'x.json');
    expect(!r.ok && r.problems.length).toBe(21);
    expect(!r.ok && r.problems[20]).toBe('… and 10 more problems');
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
      expect.stringMatching(/^row 3 \(bad\): longitude "abc" and latitude "40" must be decimal numbers/),
      expect.stringMatching(/^row 4 \(far\): coordinates \[200, 40\] are out of range/),
    ]);
  });

  it('asks for the coordinate columns it cannot find', () => {
    const r = importUserLayer('name,x1,y1\na,1,2\n', 'x.csv');
    expect(!r.ok && r.problems[0]).toMatch(/needs longitude and latitude columns.*its columns are: name, x1, y1/);
  });
});

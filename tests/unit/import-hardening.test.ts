/**
 * Hostile and awkward files, as the second round of hardening found them: deep nesting refused at
 * once with a reason (no stack overflow, no 18 s), quoted values bounded, polygons that are valid
 * arrays but not valid shapes imported with a warning naming the feature, UTF-16 and GBK text
 * decoded and binary refused; and the worker's job (parse-jobs.ts) run as the worker runs it, with
 * its progress.
 */
import { describe, expect, it } from 'vitest';
import { decodeFile, importUserLayer, preview, ringCrossesItself, tooDeepAt } from '../../src/domain/import.ts';
import { runJob, type JobStage } from '../../src/ui/import/parse-jobs.ts';
import { makeView, serialise } from '../../src/export/saved-views.ts';
import { EMPTY_STATE } from '../../src/domain/url-state.ts';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const poly = (rings: number[][][], name = '片区') => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: rings } });
const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
};

describe('deep nesting', () => {
  it('{"a": followed by 100,000 [ is refused at once (it took 18 s and overflowed the stack), saying how deep and where', () => {
    const { value, ms } = timed(() => importUserLayer(`{"a":${'['.repeat(100_000)}`, 'deep.geojson'));
    expect(ms).toBeLessThan(1500);
    expect(value).toEqual({ ok: false, problems: [{ code: 'tooDeep', at: [], params: { depth: 100_001, max: 64, line: 1, column: 69 } }] });
  });

  it('coordinates nested 100,000 deep in a well-formed file are refused as fast', () => {
    const coords = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${coords}}}]}`;
    const { value, ms } = timed(() => importUserLayer(text, 'deep.geojson'));
    expect(ms).toBeLessThan(1500);
    expect(value.ok).toBe(false);
    expect(!value.ok && value.problems[0]!.code).toBe('tooDeep');
  });

  it('brackets inside strings do not count', () => {
    expect(tooDeepAt(JSON.stringify({ name: '['.repeat(1000) }))).toBeNull();
    expect(tooDeepAt('"\\"[[["', 1)).toBeNull();
    expect(tooDeepAt('[[1]]', 1)).toEqual({ depth: 2, line: 1, column: 2 });
  });

  it('a deep (but allowed) property value and a deep wrong position are quoted briefly, never thrown', () => {
    const nested = JSON.parse(`${'['.repeat(60)}"x"${']'.repeat(60)}`);
    const r = importUserLayer(fc([{ type: 'Feature', properties: { name: 'a', deep: nested }, geometry: { type: 'Point', coordinates: nested } }]), 'x.geojson');
    expect(r.ok).toBe(false);
    const found = !r.ok ? String(r.problems[0]!.params.found) : '';
    expect(found.length).toBeLessThanOrEqual(40);
    expect(found.startsWith('[[[[')).toBe(true);
  });
});

describe('preview', () => {
  it('is short whatever the value, and JSON-like', () => {
    expect(preview(['1', 2])).toBe('["1",2]');
    expect(preview({ a: [1, { b: null }] })).toBe('{"a":[1,{"b":null}]}');
    expect(preview('x'.repeat(1000)).length).toBe(40);
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    const { value, ms } = timed(() => preview(huge));
    expect(value.length).toBeLessThanOrEqual(40);
    expect(ms).toBeLessThan(500);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(preview(deep)).toBe(`${'['.repeat(39)}…`);
  });
});

describe('polygon shapes', () => {
  const square = [[110, 40], [111, 40], [111, 41], [110, 41], [110, 40]];
  it('a valid polygon with a hole inside: no warning', () => {
    const hole = [[110.2, 40.2], [110.2, 40.8], [110.8, 40.8], [110.8, 40.2], [110.2, 40.2]];
    const r = importUserLayer(fc([poly([square, hole])]), 'ok.geojson');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('a bow tie is imported with a warning naming the feature and its ring', () => {
    const bowTie = [[110, 40], [111, 41], [111, 40], [110, 41], [110, 40]];
    const r = importUserLayer(fc([poly(square.length ? [square] : []), poly([bowTie], '蝴蝶结')]), 'x.geojson');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings).toEqual([{ code: 'ringSelfIntersects', at: [{ kind: 'feature', n: 2, name: '蝴蝶结' }, { kind: 'ring', n: 1 }], params: {} }]);
  });

  it('a hole outside its ring is flagged', () => {
    const outside = [[112, 40], [112, 41], [113, 41], [113, 40], [112, 40]];
    const r = importUserLayer(fc([poly([square, outside], '外洞')]), 'x.geojson');
    expect(r.ok && r.warnings).toEqual([{ code: 'holeOutside', at: [{ kind: 'feature', n: 1, name: '外洞' }, { kind: 'ring', n: 2 }], params: {} }]);
  });

  it('a whole-world polygon is flagged with its span', () => {
    const world = [[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]];
    const r = importUserLayer(fc([poly([world], '全球')]), 'x.geojson');
    expect(r.ok && r.warnings).toEqual([{ code: 'polygonHuge', at: [{ kind: 'feature', n: 1, name: '全球' }], params: { lon: 360, lat: 180 } }]);
  });

  it('in a MultiPolygon, the warning names the polygon too', () => {
    const bowTie = [[110, 40], [111, 41], [111, 40], [110, 41], [110, 40]];
    const f = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square], [bowTie]] } };
    const r = importUserLayer(fc([f]), 'x.geojson');
    expect(r.ok && r.warnings.map((w) => w.at)).toEqual([[{ kind: 'feature', n: 1 }, { kind: 'polygon', n: 2 }, { kind: 'ring', n: 1 }]]);
  });

  it('the self-crossing test is near-linear: a ring of 200,000 vertices is checked in seconds (a pairwise test would take minutes), crossed or not', () => {
    const n = 200_000;
    const circle = Array.from({ length: n }, (_, i) => [110 + Math.cos((2 * Math.PI * i) / n), 40 + Math.sin((2 * Math.PI * i) / n)]);
    circle.push(circle[0]!);
    const a = timed(() => ringCrossesItself(circle));
    expect(a.value).toBe(false);
    expect(a.ms).toBeLessThan(5000);
    // Swap two far-apart vertices: the ring now crosses itself.
    const crossed = circle.map((p) => [...p]);
    [crossed[10], crossed[n / 2]] = [crossed[n / 2]!, crossed[10]!];
    expect(ringCrossesItself(crossed)).toBe(true);
  });
});

describe('text encodings', () => {
  const csv = '名称,经度,纬度\n包头站,109.84,40.66\n';
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const utf16be = (s: string) => {
    const b = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
    return new Uint8Array(b);
  };
  const importBytes = (bytes: Uint8Array, name = 'x.csv') => {
    const d = decodeFile(bytes);
    if (!d.ok) return d;
    return { ...importUserLayer(d.text, name), encoding: d.encoding };
  };

  it('UTF-16 LE and BE with a byte-order mark (Excel\'s "Unicode text"), and LE without one', () => {
    for (const [bytes, enc] of [
      [new Uint8Array([0xff, 0xfe, ...utf16le(csv)]), 'utf-16le'],
      [new Uint8Array([0xfe, 0xff, ...utf16be(csv)]), 'utf-16be'],
      [utf16le(csv), 'utf-16le'],
    ] as const) {
      const r = importBytes(bytes);
      expect(r).toMatchObject({ ok: true, encoding: enc });
      expect('layer' in r && r.layer.features[0]!.name).toBe('包头站');
    }
  });

  it('GBK (what Excel writes on Chinese Windows) is read as GB18030', () => {
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, 0xb0, 0xfc, 0xcd, 0xb7, 0xd5, 0xbe, ...Buffer.from(',109.84,40.66\n')]);
    const r = importBytes(gbk);
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect('layer' in r && r.layer.features[0]!.name).toBe('包头站');
  });

  it('binary bytes are refused as not text, not shown as garbled column names', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(decodeFile(png)).toEqual({ ok: false, problem: { code: 'encoding', at: [], params: {} } });
  });
});

describe('the worker\'s job', () => {
  it('imports a layer from bytes, reporting its stages', () => {
    const stages: JobStage[] = [];
    const bytes = new TextEncoder().encode(fc([{ type: 'Feature', properties: { name: 'p' }, geometry: { type: 'Point', coordinates: [110, 40] } }])).buffer;
    const r = runJob({ kind: 'layer', bytes, fileName: 'p.geojson', size: bytes.byteLength, layerId: 'u-test' }, (s) => stages.push(s));
    expect(r.kind === 'layer' && r.result.ok).toBe(true);
    expect(new Set(stages)).toEqual(new Set(['decode', 'parse', 'check']));
  });

  it('checks a views file against what the atlas knows', () => {
    const v = makeView('v', { ...EMPTY_STATE, selection: { kind: 'region', code: '150200' }, view: { zoom: 5, lat: 41, lng: 110, bearing: 0, pitch: 0 } }, [[100, 35], [120, 45]]);
    const bytes = new TextEncoder().encode(serialise([v])).buffer;
    const known = runJob({ kind: 'views', bytes: bytes.slice(0), known: { regions: ['150200'] } }, () => undefined);
    expect(known.kind === 'views' && known.result.ok).toBe(true);
    const unknown = runJob({ kind: 'views', bytes: bytes.slice(0), known: { regions: ['150100'] } }, () => undefined);
    expect(unknown.kind === 'views' && !unknown.result.ok && unknown.result.problems).toEqual([{ code: 'unknownRegion', view: 1, params: { id: '150200' } }]);
  });
});

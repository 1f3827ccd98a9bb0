/** Export: saved views (validation, edits, storage) and the data download (GeoJSON, CSV). */
import { describe, expect, it } from 'vitest';
import { readCatalogue, readDetails } from '../../src/cli/load.ts';
import { csvField, projectsCsv, projectsGeoJson, CSV_COLUMNS } from '../../src/export/data.ts';
import {
  deleteView,
  loadViews,
  makeView,
  MAX_VIEWS,
  mergeViews,
  moveView,
  parseFile,
  renameView,
  serialise,
  STORAGE_KEY,
  storeViews,
  viewState,
  type KeyValueStore,
} from '../../src/export/saved-views.ts';
import { selectionProjects } from '../../src/export/scene.ts';
import { EMPTY_STATE, type AppState } from '../../src/domain/url-state.ts';

const BOUNDS: [[number, number], [number, number]] = [
  [105, 38],
  [115, 43],
];
const state = (over: Partial<AppState> = {}): AppState => ({
  ...EMPTY_STATE,
  filters: { chapters: [], themes: [], stages: [] },
  view: { zoom: 6.2, lat: 40.9, lng: 109.84, bearing: 0, pitch: 0 },
  ...over,
});

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('saved views', () => {
  const a = makeView('包头', state({ selection: { kind: 'region', code: '150200' }, region: '150200', lang: 'zh' }), BOUNDS);
  const b = makeView('Railways', state({ layers: ['railways'], filters: { chapters: [4], themes: [], stages: ['build'] }, lang: 'en' }), BOUNDS);
  const c = makeView('HSR', state({ selection: { kind: 'project', id: 'rail-baotou-yinchuan-hsr' } }), BOUNDS);

  it('a view carries the atlas link and reads back the same state', () => {
    const s = viewState(b);
    expect(s.layers).toEqual(['railways']);
    expect(s.filters.chapters).toEqual([4]);
    expect(s.filters.stages).toEqual(['build']);
    expect(s.lang).toBe('en');
    expect(s.view?.zoom).toBeCloseTo(6.2);
    expect(viewState(a).selection).toEqual({ kind: 'region', code: '150200' });
  });

  it('rename, reorder, delete', () => {
    let v = [a, b, c];
    v = renameView(v, b.id, '  铁路  ');
    expect(v[1]!.name).toBe('铁路');
    expect(renameView(v, b.id, '   ')).toBe(v);
    v = moveView(v, c.id, -2);
    expect(v.map((x) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(moveView(v, c.id, -1)).toBe(v);
    v = deleteView(v, a.id);
    expect(v.map((x) => x.id)).toEqual([c.id, b.id]);
  });

  it('round-trips through the JSON file and localStorage', () => {
    const text = serialise([a, b, c]);
    const r = parseFile(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.views.map((v) => v.name)).toEqual(['包头', 'Railways', 'HSR']);
    const store = memoryStore();
    storeViews(store, [a, b]);
    expect(loadViews(store)).toEqual({ views: [a, b], damaged: false });
  });

  it('refuses a bad file whole, saying why', () => {
    expect(parseFile('not json')).toMatchObject({ ok: false });
    expect(parseFile('[]')).toMatchObject({ ok: false });
    const bad = JSON.parse(serialise([a, b]));
    bad.views[1].link = '?region=15x200&layers=railways#map=99/1/1';
    bad.views[0].bounds = [[1, 2], [0, 1]];
    const r = parseFile(JSON.stringify(bad), { knownLayer: (id) => id === 'railways' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ code: 'bounds', view: 1, params: {} });
      expect(r.problems).toContainEqual({ code: 'linkParam', view: 2, params: { param: 'region', value: '15x200', reason: 'malformed' } });
      expect(r.problems).toContainEqual({ code: 'linkParam', view: 2, params: { param: 'map', value: '99/1/1', reason: 'out_of_range' } });
    }
    const unknown = JSON.parse(serialise([c]));
    const r2 = parseFile(JSON.stringify(unknown), { knownProject: () => false });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems[0]).toEqual({ code: 'unknownProject', view: 1, params: { id: 'rail-baotou-yinchuan-hsr' } });
    const wrongFormat = parseFile(JSON.stringify({ format: 'x', version: 2, views: [] }));
    expect(wrongFormat.ok).toBe(false);
  });

  it('importing never replaces a view: the same one is skipped, a different one with the same id is kept beside it', () => {
    // b was renamed after the file was exported; the file still has the old b, and c.
    const renamed = { ...b, name: 'B2' };
    let n = 0;
    const { views, report } = mergeViews([a, renamed], [b, c], () => `new-${++n}`);
    expect(views.map((v) => v.name)).toEqual(['包头', 'B2', 'Railways', 'HSR']);
    expect(views[1]).toBe(renamed);
    expect(views[2]!.id).toBe('new-1');
    expect(views[2]!.link).toBe(b.link);
    expect(report).toEqual({ added: 1, keptBoth: [{ name: 'Railways', as: 'Railways' }], unchanged: 0, notAdded: 0 });
    // The same file again: nothing new, nothing replaced.
    const again = mergeViews(views, [b, c], () => `new-${++n}`);
    expect(again.report).toEqual({ added: 0, keptBoth: [], unchanged: 2, notAdded: 0 });
    expect(again.views).toEqual(views);
  });

  it('a view with the same id and name but another link keeps both, the imported one renamed', () => {
    const moved = { ...a, link: `${a.link.split('#')[0]}#map=5/40/110` };
    const { views, report } = mergeViews([a], [moved], () => 'fresh');
    expect(views.map((v) => [v.id, v.name])).toEqual([
      [a.id, '包头'],
      ['fresh', '包头 (2)'],
    ]);
    expect(report.keptBoth).toEqual([{ name: '包头', as: '包头 (2)' }]);
    expect(mergeViews(views, [moved], () => 'other').report.unchanged).toBe(1);
  });

  it('views past the limit are counted as not added, never dropped silently', () => {
    const many = Array.from({ length: MAX_VIEWS }, (_, i) => ({ ...a, id: `v${i}`, name: `v${i}` }));
    const { views, report } = mergeViews(many, [c]);
    expect(views).toHaveLength(MAX_VIEWS);
    expect(report).toEqual({ added: 0, keptBoth: [], unchanged: 0, notAdded: 1 });
  });

  it('a hostile file is refused with a reason, never a thrown error: deep nesting, a cut file, not an object', () => {
    const deep = `{"a":${'['.repeat(100_000)}`;
    const t0 = performance.now();
    const r = parseFile(deep);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r).toEqual({ ok: false, problems: [{ code: 'tooDeep', params: { depth: 100_001, max: 64, line: 1, column: 69 } }] });
    expect(parseFile('{"format": "plan-atlas-views", "views": [')).toEqual({ ok: false, problems: [{ code: 'notJsonEnd', params: {} }] });
    expect(parseFile('{"format": x}')).toMatchObject({ ok: false, problems: [{ code: 'notJson', params: { line: 1, column: 12, what: 'InvalidSymbol' } }] });
    expect(parseFile('"views"')).toEqual({ ok: false, problems: [{ code: 'notObject', params: {} }] });
  });

  it('a damaged store is kept aside, not lost', () => {
    const store = memoryStore();
    store.setItem(STORAGE_KEY, '{broken');
    expect(loadViews(store)).toEqual({ views: [], damaged: true });
    expect(store.data.get(`${STORAGE_KEY}:damaged`)).toBe('{broken');
  });
});

describe('data download', () => {
  const cat = readCatalogue();
  const details = readDetails();
  const baotou = selectionProjects(state({ selection: { kind: 'region', code: '150200' }, region: '150200' }), cat);

  it("lists the selection's projects, including 包头至银川高铁", () => {
    expect(baotou.length).toBeGreaterThan(10);
    expect(baotou.some((p) => p.properties.name_zh.includes('包头至银川'))).toBe(true);
    const filtered = selectionProjects(state({ selection: { kind: 'region', code: '150200' }, filters: { chapters: [], themes: ['railway'], stages: [] } }), cat);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((p) => p.properties.theme === 'railway')).toBe(true);
  });

  it('CSV: UTF-8 BOM, CRLF, a header and one quoted-when-needed row per project', () => {
    const csv = projectsCsv(cat, details, baotou);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(baotou.length + 1);
    expect(csv).toContain('包头');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(['c4.s1.i1', 'c8'])).toBe('"c4.s1.i1; c8"');
  });

  it('neutralises text a spreadsheet would run as a formula (OWASP CSV injection), and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvField('+1+1')).toBe(`"'+1+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField(['=cmd|x', 'b'])).toBe(`"'=cmd|x; b"`);
    // Numbers stay numbers, negative ones too; text with = inside is not a formula.
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField("Xi'an")).toBe("Xi'an");
  });

  it('GeoJSON: a FeatureCollection of the projects with their layer and leagues', () => {
    const fc = JSON.parse(projectsGeoJson(cat, details, baotou, { title: 'x', link: '?region=150200', date: new Date(0) }));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(baotou.length);
    const f = fc.features[0];
    expect(f.geometry.type).toMatch(/Point|LineString|Polygon|MultiPolygon/);
    expect(f.properties.layer).toBeTruthy();
    expect(f.properties.leagues_zh).toContain('包头市');
    expect(f.properties.pinyin).toBeUndefined();
  });

  it("GeoJSON and CSV carry each project's note and the GeoJSON its alignment's sources, from details.json", () => {
    const noted = baotou.filter((p) => details.byProject[p.properties.id]?.note);
    const aligned = cat.allProjects().filter((p) => details.byProject[p.properties.id]?.alignment_sources?.length).slice(0, 3);
    expect(noted.length).toBeGreaterThan(0);
    expect(aligned.length).toBe(3);
    const fc = JSON.parse(projectsGeoJson(cat, details, [...noted, ...aligned], { title: 'x', link: '', date: new Date(0) }));
    const rows = readCsv(projectsCsv(cat, details, noted));
    noted.forEach((p, i) => {
      expect(fc.features[i].properties.note).toBe(details.byProject[p.properties.id]!.note);
      expect(rows[i]!.note).toBe(details.byProject[p.properties.id]!.note);
    });
    aligned.forEach((p, i) => expect(fc.features[noted.length + i].properties.alignment_sources).toEqual(details.byProject[p.properties.id]!.alignment_sources));
    // The status's own evidence stays out of the properties: its first source is the source_url column.
    expect(fc.features.every((f: { properties: Record<string, unknown> }) => !('status_sources' in f.properties) && !('sources' in f.properties))).toBe(true);
  });

  /** A minimal CSV reader (RFC 4180 quotes) to check the file the way a spreadsheet reads it. */
  function readCsv(text: string): Record<string, string>[] {
    const records: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const body = text.replace(/^\uFEFF/, '');
    const endField = () => {
      row.push(field);
      field = '';
    };
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (quoted && ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (quoted) field += ch;
      else if (ch === ',') endField();
      else if (ch === '\r' && body[i + 1] === '\n') {
        endField();
        records.push(row);
        row = [];
        i++;
      } else field += ch;
    }
    const [header, ...rest] = records;
    return rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  }

  it('CSV and GeoJSON carry the present status, its dates, confidence and first source', () => {
    const ids = ['rail-beijing-huhehaote-hsr', 'rail-baotou-yinchuan-hsr', 'ind-graphite-base-baotou'];
    const projects = ids.map((id) => cat.project(id)!);
    const rows = readCsv(projectsCsv(cat, details, projects));
    for (const c of ['status', 'started', 'opened', 'as_of', 'confidence', 'source_url']) expect(CSV_COLUMNS).toContain(c);
    const fc = JSON.parse(projectsGeoJson(cat, details, projects, { title: 'x', link: '', date: new Date(0) }));
    ids.forEach((id, i) => {
      const e = cat.statuses.entry(id);
      const sources = details.byProject[id]?.status?.sources;
      const row = rows[i]!;
      const props = fc.features[i].properties;
      expect(row.id).toBe(id);
      expect(row.status).toBe(cat.status(id));
      expect(props.status).toBe(cat.status(id));
      expect(row.started).toBe(e?.started ?? '');
      expect(row.opened).toBe(e?.opened ?? '');
      expect(row.as_of).toBe(e?.as_of ?? '');
      expect(row.confidence).toBe(e?.confidence ?? '');
      expect(row.source_url).toBe(sources?.[0]?.url ?? '');
      expect(props.source_url).toBe(sources?.[0]?.url ?? null);
      expect(props.source_url == null).toBe(e == null);
      expect(props.opened).toBe(e?.opened ?? null);
    });
    // 京呼 is researched and open since 2019-12-30; the graphite base was not researched: unknown, nothing else.
    expect(rows[0]).toMatchObject({ status: 'in_operation', opened: '2019-12-30' });
    expect(rows[0]!.source_url).toMatch(/^https?:\/\//);
    expect(rows[2]).toMatchObject({ status: 'unknown', started: '', opened: '', as_of: '', confidence: '', source_url: '' });
    expect(fc.metadata.status_note).toMatch(/not the plan/);
  });
});

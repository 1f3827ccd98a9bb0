/**
 * Alignments (data/alignments/*.yaml) on small hand-made fixtures: each `along` kind resolves to the
 * line it names, the schema refuses what is ambiguous, and the compiler measures km and touches on
 * the aligned line instead of the straight segments through the project's places.
 */
import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { Position } from 'geojson';
import { AlignmentResolver, OSM_RAILWAYS, type VendorCollection } from '../../data/alignment.ts';
import { buildCatalogue } from '../../data/build.ts';
import type { CatalogueSources } from '../../data/load.ts';
import { Alignment, type Place, type Project } from '../../data/schema.ts';
import type { RegionFeature, RegionLevel } from '../../src/domain/types.ts';

const place = (id: string, zh: string, lon: number, lat: number, region = '100101'): Place => ({
  id,
  name: { zh, en: id, aliases: [] },
  kind: 'city',
  lon,
  lat,
  region,
  precision: 'exact',
  source: 'fixture',
});
const places = new Map(
  [place('lake', '湖城', 0, 45.01), place('hill', '山城', 2, 45.01), place('west', '西城', 0, 41.02), place('mid', '中城', 0.98, 40.99), place('north', '北城', 1.5, 41.98), place('east', '东城', 3, 41.01)].map((p) => [p.id, p]),
);

// Railways: a main line with a detour to the north (甲线: west → mid → north bend → east), and a
// direct cut-off (乙线) from mid to east, shorter than 甲线's bend.
const railways: VendorCollection = {
  type: 'FeatureCollection',
  source: { citation: 'OpenStreetMap (ODbL) via fixture/railways' },
  features: [
    {
      type: 'Feature',
      properties: { name: '甲线', commits: 'aaaaaaa', highspeed: false },
      geometry: { type: 'LineString', coordinates: [[0, 41], [1, 41], [1.5, 42], [2, 41], [3, 41]] },
    },
    { type: 'Feature', properties: { name: '乙线', commits: 'bbbbbbb', highspeed: true }, geometry: { type: 'LineString', coordinates: [[1, 41], [2, 41]] } },
    // Two pieces 1.2 km apart (OSM leaves the stretch between them unnamed), far from the rest.
    {
      type: 'Feature',
      properties: { name: '丙线', commits: 'ccccccc', highspeed: false },
      geometry: { type: 'MultiLineString', coordinates: [[[0, 45], [1, 45]], [[1.0152, 45], [2, 45]]] },
    },
  ],
};
const pipes: VendorCollection = {
  type: 'FeatureCollection',
  source: { repository: 'fixture/pipes', commit: '0123456789abcdef' },
  features: [
    { type: 'Feature', properties: { id: 'P2' }, geometry: { type: 'LineString', coordinates: [[2, 40], [1, 40]] } },
    { type: 'Feature', properties: { id: 'P1' }, geometry: { type: 'LineString', coordinates: [[0, 40], [1, 40]] } },
    { type: 'Feature', properties: { id: 'P3' }, geometry: { type: 'LineString', coordinates: [[5, 40], [6, 40]] } },
  ],
};
const vendor = new Map([
  [OSM_RAILWAYS, railways],
  ['geo/vendor/pipes/routes.geojson', pipes],
]);
const resolver = new AlignmentResolver(vendor, places);
const source = { title: 'A page', publisher: 'Somebody', url: 'https://example.org/a', published: '2019-12-30', read: '2026-12-07' };
const entry = (along: unknown, method = 'surveyed', more: object = {}) => Alignment.parse({ project: 'p', method, along, note: 'fixture', ...more });
const km = (c: Position[]) => c.slice(1).reduce((s, p, i) => s + distance(c[i]!, p), 0);

describe('alignment kinds', () => {
  it('osm_rail: the section of a named line between the points nearest two places', () => {
    const r = resolver.resolve(entry({ osm_rail: { lines: ['甲线'], from: 'west', to: 'mid' } }));
    expect(r.precision).toBe('surveyed');
    expect(r.geometry.coordinates.length).toBe(2);
    expect(r.geometry.coordinates[0]).toEqual([0, 41]);
    expect(r.geometry.coordinates[1]![0]).toBeCloseTo(0.98, 6);
    expect(r.geometry.coordinates[1]![1]).toBeCloseTo(41, 6);
    expect(r.source).toBe('OpenStreetMap (ODbL) via fixture/railways @aaaaaaa: 甲线 西城–中城');
  });

  it('osm_rail: the whole line without from / to, along its own bend', () => {
    const r = resolver.resolve(entry({ osm_rail: { lines: ['甲线'] } }));
    expect(r.geometry.coordinates).toContainEqual([1.5, 42]);
    expect(km(r.geometry.coordinates)).toBeCloseTo(km([[0, 41], [1, 41], [1.5, 42], [2, 41], [3, 41]]), 3);
  });

  it('osm_rail: an unknown line name fails and suggests the names it has', () => {
    expect(() => resolver.resolve(entry({ osm_rail: { lines: ['甲线路'], from: 'west', to: 'mid' } }))).toThrow(/no line 甲线路 .*lines starting 甲线: 甲线\)/);
  });

  it('osm_rail: pieces of a line joined across a gap only where bridge_km allows', () => {
    const along = { lines: ['丙线'], from: 'lake', to: 'hill' };
    expect(() => resolver.resolve(entry({ osm_rail: along }))).toThrow(/no path from 湖城 \(lake\) to 山城 \(hill\) on 丙线: .* 1\.2 km apart/);
    expect(() => resolver.resolve(entry({ osm_rail: { ...along, bridge_km: 1 } }))).toThrow(/no path/);
    const r = resolver.resolve(entry({ osm_rail: { ...along, bridge_km: 1.5 } }));
    expect(r.geometry.coordinates).toEqual([
      [0, 45],
      [1, 45],
      [1.0152, 45],
      [2, 45],
    ]);
    expect(r.source).toBe("OpenStreetMap (ODbL) via fixture/railways @ccccccc: 丙线 湖城–山城 (gaps in OSM's names up to 1.5 km joined)");
  });

  it('rail_route: the shortest path on the network, through the places in order', () => {
    const direct = resolver.resolve(entry({ rail_route: { via: ['west', 'east'] } }, 'routed'));
    expect(direct.precision).toBe('routed');
    expect(direct.geometry.coordinates).not.toContainEqual([1.5, 42]);
    expect(direct.source).toBe('OpenStreetMap (ODbL) via fixture/railways @aaaaaaa,bbbbbbb: shortest path 西城–东城 along 甲线、乙线');
    const viaNorth = resolver.resolve(entry({ rail_route: { via: ['west', 'north', 'east'] } }, 'routed'));
    expect(viaNorth.geometry.coordinates).toContainEqual([1.5, 42]);
  });

  it('vendored: features by id, chained in order, each turned to follow on', () => {
    const r = resolver.resolve(entry({ vendored: { file: 'geo/vendor/pipes/routes.geojson', ids: ['P1', 'P2'] } }));
    expect(r.geometry.coordinates).toEqual([
      [0, 40],
      [1, 40],
      [2, 40],
    ]);
    expect(r.source).toBe('fixture/pipes @0123456: P1, P2');
    expect(() => resolver.resolve(entry({ vendored: { file: 'geo/vendor/pipes/routes.geojson', ids: ['P1', 'P3'] } }))).toThrow(/P1 and P3 are 340\.\d km apart \(more than 1 km\)/);
    expect(() => resolver.resolve(entry({ vendored: { file: 'geo/vendor/pipes/routes.geojson', ids: ['P9'] } }))).toThrow(/no feature with id P9/);
  });

  it('sites: straight segments between real sites', () => {
    const r = resolver.resolve(
      entry(
        {
          sites: [
            { name: { zh: '甲站', en: 'Site A' }, lon: 110, lat: 43, source: 0 },
            { name: { zh: '乙站', en: 'Site B' }, lon: 111, lat: 42, source: 0 },
          ],
        },
        'surveyed',
        { sources: [source] },
      ),
    );
    expect(r.geometry.coordinates).toEqual([
      [110, 43],
      [111, 42],
    ]);
    expect(r.source).toBe('sites 甲站–乙站 (Somebody)');
    expect(r.sources).toEqual([source]);
  });
});

describe('alignment schema', () => {
  const check = (x: unknown) => Alignment.safeParse(x);
  it('takes exactly one kind of along', () => {
    expect(check({ project: 'p', method: 'surveyed', note: 'n', along: {} }).success).toBe(false);
    expect(check({ project: 'p', method: 'surveyed', note: 'n', along: { osm_rail: { lines: ['甲线'] }, rail_route: { via: ['a', 'b'] } } }).success).toBe(false);
    expect(check({ project: 'p', method: 'surveyed', note: 'n', along: { osm_rail: { lines: ['甲线'] } } }).success).toBe(true);
  });
  it('wants both ends of a section or neither', () => {
    expect(check({ project: 'p', method: 'surveyed', note: 'n', along: { osm_rail: { lines: ['甲线'], from: 'west' } } }).success).toBe(false);
  });
  it('calls a path chosen on the network routed, and wants a reason', () => {
    expect(check({ project: 'p', method: 'surveyed', note: 'n', along: { rail_route: { via: ['a', 'b'] } } }).success).toBe(false);
    expect(check({ project: 'p', method: 'routed', along: { rail_route: { via: ['a', 'b'] } } }).success).toBe(false);
    expect(check({ project: 'p', method: 'routed', sources: [source], along: { rail_route: { via: ['a', 'b'] } } }).success).toBe(true);
  });
  it('wants every site’s source to exist', () => {
    const sites = [
      { name: { zh: '甲', en: 'A' }, lon: 1, lat: 1, source: 0 },
      { name: { zh: '乙', en: 'B' }, lon: 2, lat: 2, source: 1 },
    ];
    expect(check({ project: 'p', method: 'surveyed', sources: [source], along: { sites } }).success).toBe(false);
    expect(check({ project: 'p', method: 'surveyed', sources: [source, source], along: { sites } }).success).toBe(true);
  });
});

describe('compiled with an alignment', () => {
  // Two counties side by side under one province: x 0–1.25 and 1.25–3; a third, north of them
  // (y 41.5–42.5 between x 1.25 and 1.75), holds 甲线's bend.
  function box(code: string, level: RegionLevel, parent: string | null, x0: number, x1: number, y0: number, y1: number): RegionFeature {
    return {
      type: 'Feature',
      properties: { code, level, parent, name_zh: code, name_en: code },
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
    };
  }
  const regions = {
    type: 'FeatureCollection' as const,
    features: [
      box('100000', 'province', null, -1, 4, 40, 43),
      box('100101', 'county', '100000', -1, 1.25, 40, 41.5),
      box('100102', 'county', '100000', 1.25, 4, 40, 41.5),
      box('100103', 'county', '100000', 1.25, 1.75, 41.5, 42.5),
    ],
  };
  const project = (id: string): Project => ({
    id,
    name: { zh: id, en: id },
    theme: 'railway',
    stage: { verb: '建成', normalized: 'complete' },
    measures: ['c4'],
    named: [],
    geometry: { type: 'line', via: ['west', 'east'] },
    precision: 'schematic',
    phrase: '建成',
  });
  const sources = (alignments: CatalogueSources['alignments']): CatalogueSources => ({
    measures: [{ file: 'm', value: { id: 'c4', level: 'chapter', chapter: 4, heading_zh: '四', printed: true, title_en: 'Four', summary_zh: '四', summary_en: 'Four' } }],
    places: [...places.values()].map((value) => ({ file: 'p', value })),
    groups: [],
    statuses: [],
    projects: [{ file: 'x', value: project('rail-a') }, { file: 'x', value: project('rail-b') }],
    alignments,
    vendor,
  });

  it('draws, measures and touches along the real line; the unaligned one stays schematic', () => {
    const out = buildCatalogue(sources([{ file: 'data/alignments/railway.yaml', value: { ...entry({ osm_rail: { lines: ['甲线'] } }), project: 'rail-a' } }]), regions, new Set());
    const a = out.projects.features.find((f) => f.id === 'rail-a')!;
    const b = out.projects.features.find((f) => f.id === 'rail-b')!;
    expect(a.properties.precision).toBe('surveyed');
    expect(a.properties.geometry_source).toMatch(/^OpenStreetMap \(ODbL\) via fixture\/railways @aaaaaaa: 甲线$/);
    expect(b.properties.precision).toBe('schematic');
    expect(b.properties.geometry_source).toBeUndefined();
    // km along the bend, not the straight 3° line.
    expect(a.properties.km).toBe(Math.round(km([[0, 41], [1, 41], [1.5, 42], [2, 41], [3, 41]])));
    expect(b.properties.km).toBe(Math.round(km([[0, 41.02], [3, 41.01]])));
    // Only the aligned line reaches the northern county.
    const touches = (code: string) => (out.touches.byRegion[code] ?? []).map((t) => t.project);
    expect(touches('100103')).toEqual(['rail-a']);
    expect(out.touches.byRegion['100103']![0]!.km).toBeGreaterThan(50);
  });

  it('names the file, project and field of an alignment that cannot resolve', () => {
    const bad = { ...entry({ osm_rail: { lines: ['甲线'], from: 'west', to: 'nowhere' } }), project: 'rail-a' };
    expect(() => buildCatalogue(sources([{ file: 'data/alignments/railway.yaml', value: bad }]), regions, new Set())).toThrow(
      /data\/alignments\/railway\.yaml: alignment rail-a: field along\.osm_rail\.to: unknown place nowhere/,
    );
    const orphan = { ...entry({ osm_rail: { lines: ['甲线'] } }), project: 'rail-z' };
    expect(() => buildCatalogue(sources([{ file: 'data/alignments/railway.yaml', value: orphan }]), regions, new Set())).toThrow(/alignment rail-z: field project: unknown project rail-z/);
  });
});

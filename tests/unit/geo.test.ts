/**
 * The geography pipeline (geo/) and its output public/geo/*.geojson.
 *
 * The decoder is checked on hand-made samples and against echarts' own decoder; the output
 * files (built by `npm run geo`) are checked for the regions, codes, names, nesting,
 * winding, rounding and size the app relies on.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeCollection, decodeRing, type EncodedCollection } from '../../geo/echarts-decode.ts';
import { cleanRing, findCrossings, simplifyShared } from '../../geo/topology.ts';
import { dissolveExact, signedArea } from '../../geo/dissolve.ts';
import { pinyinWithSuffix } from '../../geo/names-en.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GEO = join(ROOT, 'public', 'geo');
const REGIONS = join(GEO, 'regions.geojson');
const COUNTRIES = join(GEO, 'countries.geojson');
const LABELS = join(GEO, 'labels.geojson');

interface RegionProps {
  code: string;
  level: 'province' | 'prefecture' | 'county';
  name_zh: string;
  name_en: string;
  parent: string | null;
}
type Region = Feature<Polygon | MultiPolygon, RegionProps>;
type Country = Feature<Polygon | MultiPolygon, { iso3: string; name_zh: string; name_en: string }>;

const need = (f: string) => {
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run geo\` first`);
  return JSON.parse(readFileSync(f, 'utf8')) as unknown;
};

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Inner Mongolia's 103 county-level divisions (GB/T 2260, 2023), by league. */
const IM_COUNTIES: Record<string, string[]> = {
  '150100': ['150102', '150103', '150104', '150105', '150121', '150122', '150123', '150124', '150125'],
  '150200': ['150202', '150203', '150204', '150205', '150206', '150207', '150221', '150222', '150223'],
  '150300': ['150302', '150303', '150304'],
  '150400': ['150402', '150403', '150404', '150421', '150422', '150423', '150424', '150425', '150426', '150428', '150429', '150430'],
  '150500': ['150502', '150521', '150522', '150523', '150524', '150525', '150526', '150581'],
  '150600': ['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627'],
  '150700': ['150702', '150703', '150721', '150722', '150723', '150724', '150725', '150726', '150727', '150781', '150782', '150783', '150784', '150785'],
  '150800': ['150802', '150821', '150822', '150823', '150824', '150825', '150826'],
  '150900': ['150902', '150921', '150922', '150923', '150924', '150925', '150926', '150927', '150928', '150929', '150981'],
  '152200': ['152201', '152202', '152221', '152222', '152223', '152224'],
  '152500': ['152501', '152502', '152522', '152523', '152524', '152525', '152526', '152527', '152528', '152529', '152530', '152531'],
  '152900': ['152921', '152922', '152923'],
};

const LEAGUES: [string, string, string][] = [
  ['150100', '呼和浩特市', 'Hohhot'],
  ['150200', '包头市', 'Baotou'],
  ['150300', '乌海市', 'Wuhai'],
  ['150400', '赤峰市', 'Chifeng'],
  ['150500', '通辽市', 'Tongliao'],
  ['150600', '鄂尔多斯市', 'Ordos'],
  ['150700', '呼伦贝尔市', 'Hulunbuir'],
  ['150800', '巴彦淖尔市', 'Bayannur'],
  ['150900', '乌兰察布市', 'Ulanqab'],
  ['152200', '兴安盟', 'Hinggan League'],
  ['152500', '锡林郭勒盟', 'Xilingol League'],
  ['152900', '阿拉善盟', 'Alxa League'],
];

describe('echarts decoder', () => {
  it('decodes a hand-made ring: zigzag deltas from the offset, divided by 1024', () => {
    // "@@" = no move; "BA" = x +1, y -1; "D@" = x +2; "AB" = x -1, y +1 (units of 1/1024°).
    const ring = decodeRing('@@BAD@AB', [100 * 1024, 40 * 1024]);
    expect(ring).toEqual([
      [100, 40],
      [100 + 1 / 1024, 40 - 1 / 1024],
      [100 + 3 / 1024, 40 - 1 / 1024],
      [100 + 2 / 1024, 40],
    ]);
  });

  it('decodes a hand-made encoded collection (Polygon and MultiPolygon, own scale)', () => {
    const json: EncodedCollection = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      UTF8Scale: 10,
      features: [
        { type: 'Feature', id: '1', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: ['@@B@@BA@'], encodeOffsets: [[10, 20]] } },
        {
          type: 'Feature',
          properties: { name: 'b' },
          geometry: { type: 'MultiPolygon', coordinates: [['@@CA'], ['@@@D']], encodeOffsets: [[[0, 0]], [[-10, 5]]] },
        },
      ],
    };
    const fc = decodeCollection(json);
    expect(fc.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[1, 2], [1.1, 2], [1.1, 2.1], [1, 2.1]]] });
    expect(fc.features[1]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0], [-0.2, -0.1]]], [[[-1, 0.5], [-1, 0.7]]]] });
    expect(fc.features[0]!.id).toBe('1');
  });

  it("matches echarts' own decoder on china.json and neimenggu.json", () => {
    const require = createRequire(import.meta.url);
    const parse = require('echarts/lib/coord/geo/parseGeoJson') as (json: unknown) => { name: string; geometries: { exterior: number[][]; interiors: number[][][] }[] }[];
    for (const file of ['china.json', 'province/neimenggu.json']) {
      const raw = readFileSync(join(ROOT, 'node_modules', 'echarts', 'map', 'json', file), 'utf8');
      const ours = decodeCollection(JSON.parse(raw) as EncodedCollection);
      const theirs = parse(JSON.parse(raw));
      expect(ours.features.length).toBe(theirs.length);
      ours.features.forEach((f, i) => {
        const t = theirs[i]!;
        expect(String(f.properties?.name)).toBe(t.name);
        const polys = polygonsOf(f.geometry);
        expect(polys.map((p) => p[0])).toEqual(t.geometries.map((g) => g.exterior));
        expect(polys.map((p) => p.slice(1))).toEqual(t.geometries.map((g) => g.interiors));
      });
    }
  });
});

describe('geometry helpers', () => {
  it('cleanRing drops duplicates and spikes and closes the ring', () => {
    expect(cleanRing([[0, 0], [1, 0], [1, 0], [2, 0], [1, 0], [1, 1], [0, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(cleanRing([[0, 0], [1, 0], [0, 0]])).toBeNull();
  });

  it('dissolveExact merges two squares sharing an edge into one outline', () => {
    const a: Position[][][] = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]];
    const b: Position[][][] = [[[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]];
    const { geom } = dissolveExact([a, b], 0);
    expect(geom.length).toBe(1);
    expect(geom[0]!.length).toBe(1);
    expect(signedArea(geom[0]![0]!)).toBeCloseTo(2, 12);
    expect(geom[0]![0]!.length).toBe(7); // 6 distinct vertices: the shared edge is gone
  });

  it('simplifyShared simplifies a shared border once, identically for both sides', () => {
    // Two polygons sharing a wiggly border x ≈ 1; wiggles of 0.001 vanish at tolerance 0.01.
    const border: Position[] = [];
    for (let i = 0; i <= 20; i++) border.push([1 + (i % 2) * 0.001, i / 20]);
    const left: Position[] = [[0, 0], ...border, [0, 1], [0, 0]];
    const right: Position[] = [[2, 0], [2, 1], ...border.slice().reverse(), [2, 0]];
    const { geoms, stats } = simplifyShared([
      { geom: [[left]], tolerance: 0.01 },
      { geom: [[right]], tolerance: 0.01 },
    ]);
    const l = geoms[0]![0]![0]!.map((p) => p.join());
    const r = geoms[1]![0]![0]!.map((p) => p.join());
    const shared = [...new Set(l.filter((k) => r.includes(k)))];
    expect(shared.sort()).toEqual(['1,0', '1,1']);
    expect(stats.sharedArcs).toBe(1);
    expect(stats.newCrossings).toBe(0);
  });

  it('findCrossings sees a proper crossing but not a touch at a common end', () => {
    expect(findCrossings([[[0, 0], [1, 1]], [[0, 1], [1, 0]]])).toEqual([[0, 1]]);
    expect(findCrossings([[[0, 0], [1, 1]], [[1, 1], [2, 0]]])).toEqual([]);
  });

  it('Pinyin fallback for names without a conventional English form', () => {
    expect(pinyinWithSuffix('昆都仑区')).toBe('Kundulun District');
    expect(pinyinWithSuffix('固阳县')).toBe('Guyang County');
    expect(pinyinWithSuffix('丰镇市')).toBe('Fengzhen City');
  });
});

describe('public/geo/regions.geojson', () => {
  const fc = need(REGIONS) as FeatureCollection<Polygon | MultiPolygon, RegionProps>;
  const regions = fc.features as Region[];
  const byCode = new Map(regions.map((r) => [r.properties.code, r]));
  const level = (l: RegionProps['level']) => regions.filter((r) => r.properties.level === l);
  const leagues = level('prefecture').filter((r) => r.properties.parent === '150000');
  const counties = level('county');

  it('every feature has the agreed properties', () => {
    expect(fc.type).toBe('FeatureCollection');
    for (const r of regions) {
      const p = r.properties;
      expect(Object.keys(p).sort()).toEqual(['code', 'level', 'name_en', 'name_zh', 'parent']);
      expect(p.code).toMatch(/^\d{6}$/);
      expect(['province', 'prefecture', 'county']).toContain(p.level);
      expect(p.name_zh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(p.name_en).toMatch(/^[A-Z][A-Za-zü' -]+$/);
      if (p.level === 'province') expect(p.parent).toBeNull();
      else expect(p.parent).toMatch(/^\d{6}$/);
      expect(['Polygon', 'MultiPolygon']).toContain(r.geometry.type);
    }
  });

  it('codes are unique', () => {
    const codes = regions.map((r) => r.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has all 34 provincial-level divisions, Beijing and Tianjin as provinces only', () => {
    const provinces = level('province').map((r) => r.properties.code).sort();
    expect(provinces.length).toBe(34);
    for (const c of ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '370000', '610000', '620000', '640000', '650000', '710000', '810000', '820000'])
      expect(provinces).toContain(c);
    expect(byCode.get('150000')!.properties).toMatchObject({ name_zh: '内蒙古自治区', name_en: 'Inner Mongolia' });
    expect(regions.filter((r) => r.properties.parent === '110000' || r.properties.parent === '120000')).toEqual([]);
  });

  it('has the prefectures of Hebei (11), Shanxi (11), Liaoning (14), Shandong (16, Laiwu merged into Jinan)', () => {
    const of = (p: string) => level('prefecture').filter((r) => r.properties.parent === p).map((r) => r.properties.code);
    expect(of('130000').length).toBe(11);
    expect(of('140000').length).toBe(11);
    expect(of('210000').length).toBe(14);
    expect(of('370000').length).toBe(16);
    expect(byCode.has('371200')).toBe(false);
    for (const [code, zh, en] of [
      ['130700', '张家口市', 'Zhangjiakou'],
      ['130800', '承德市', 'Chengde'],
      ['130200', '唐山市', 'Tangshan'],
      ['140200', '大同市', 'Datong'],
      ['211300', '朝阳市', 'Chaoyang'],
      ['210700', '锦州市', 'Jinzhou'],
      ['210800', '营口市', 'Yingkou'],
      ['370100', '济南市', 'Jinan'],
    ]) expect(byCode.get(code!)?.properties).toMatchObject({ level: 'prefecture', name_zh: zh, name_en: en });
    // Every prefecture's parent is a province, and only those five provinces have prefectures.
    expect(new Set(level('prefecture').map((r) => r.properties.parent))).toEqual(new Set(['130000', '140000', '150000', '210000', '370000']));
  });

  it("has Inner Mongolia's 12 leagues/cities with their codes and names", () => {
    expect(leagues.map((l) => [l.properties.code, l.properties.name_zh, l.properties.name_en]).sort()).toEqual(LEAGUES);
  });

  it("has Inner Mongolia's 103 county-level divisions with current codes (none missing in the source)", () => {
    expect(counties.length).toBe(103);
    const got: Record<string, string[]> = {};
    for (const c of counties) (got[c.properties.parent!] ??= []).push(c.properties.code);
    for (const k of Object.keys(got)) got[k]!.sort();
    expect(got).toEqual(IM_COUNTIES);
  });

  it('every county belongs to an existing league', () => {
    const leagueCodes = new Set(leagues.map((l) => l.properties.code));
    for (const c of counties) expect(leagueCodes.has(c.properties.parent!), `${c.properties.code} → ${c.properties.parent}`).toBe(true);
  });

  it('names: Baotou has 昆都仑区 150203; banners use their usual romanisation', () => {
    expect(byCode.get('150203')?.properties).toEqual({ code: '150203', level: 'county', name_zh: '昆都仑区', name_en: 'Kundulun District', parent: '150200' });
    const expectEn: [string, string, string][] = [
      ['150121', '土默特左旗', 'Tumed Left Banner'],
      ['150223', '达尔罕茂明安联合旗', 'Darhan Muminggan United Banner'],
      ['150623', '鄂托克前旗', 'Otog Front Banner'],
      ['152221', '科尔沁右翼前旗', 'Horqin Right Front Banner'],
      ['150421', '阿鲁科尔沁旗', 'Ar Horqin Banner'],
      ['152526', '西乌珠穆沁旗', 'West Ujimqin Banner'],
      ['152524', '苏尼特右旗', 'Sonid Right Banner'],
      ['152529', '正镶白旗', 'Plain and Bordered White Banner'],
      ['150603', '康巴什区', 'Kangbashi District'],
      ['152501', '二连浩特市', 'Erenhot City'],
      ['150781', '满洲里市', 'Manzhouli City'],
    ];
    for (const [code, zh, en] of expectEn) expect(byCode.get(code)?.properties).toMatchObject({ name_zh: zh, name_en: en });
    // Every banner (旗) has a banner name in English.
    for (const c of counties.filter((c) => c.properties.name_zh.endsWith('旗'))) expect(c.properties.name_en).toMatch(/Banner$/);
  });

  it("every county's interior point lies inside its league", () => {
    for (const c of counties) {
      const p = pointOnFeature(c);
      const league = byCode.get(c.properties.parent!)!;
      expect(booleanPointInPolygon(p, league), `${c.properties.code} ${c.properties.name_zh}`).toBe(true);
      for (const other of leagues)
        if (other !== league) expect(booleanPointInPolygon(p, other, { ignoreBoundary: true }), `${c.properties.code} in ${other.properties.code}`).toBe(false);
    }
  });

  it('league and county borders coincide: every county vertex lies in or on its league', () => {
    for (const c of counties) {
      const league = byCode.get(c.properties.parent!)!;
      const outside = polygonsOf(c.geometry)
        .flat(2)
        .filter((v) => !booleanPointInPolygon(v, league));
      expect(outside, `${c.properties.code} ${c.properties.name_zh}`).toEqual([]);
    }
  });

  it('every league lies inside Inner Mongolia (all vertices in or on the province)', () => {
    const im = byCode.get('150000')!;
    for (const l of leagues) {
      expect(booleanPointInPolygon(pointOnFeature(l), im)).toBe(true);
      const outside = polygonsOf(l.geometry)
        .flat(2)
        .filter((v) => !booleanPointInPolygon(v, im));
      expect(outside, l.properties.code).toEqual([]);
    }
  });

  it('prefectures of the other four provinces lie inside their province', () => {
    for (const p of level('prefecture').filter((r) => r.properties.parent !== '150000')) {
      expect(booleanPointInPolygon(pointOnFeature(p), byCode.get(p.properties.parent!)!), p.properties.code).toBe(true);
    }
  });

  it('provinces do not overlap in the focus area (interior points of prefectures are in one province only)', () => {
    const provinces = level('province');
    for (const p of [...leagues, ...level('prefecture')]) {
      const pt = pointOnFeature(p);
      const hits = provinces.filter((q) => booleanPointInPolygon(pt, q, { ignoreBoundary: true })).map((q) => q.properties.code);
      expect(hits, p.properties.code).toEqual([p.properties.parent]);
    }
  });
});

describe('geometry hygiene of public/geo', () => {
  const files = [REGIONS, COUNTRIES];

  it('rings are closed, have ≥ 4 positions, and follow RFC 7946 winding (exterior CCW, holes CW)', () => {
    for (const f of files) {
      const fc = need(f) as FeatureCollection<Polygon | MultiPolygon>;
      for (const feat of fc.features) {
        for (const poly of polygonsOf(feat.geometry)) {
          poly.forEach((ring, i) => {
            expect(ring.length).toBeGreaterThanOrEqual(4);
            expect(ring[0]).toEqual(ring[ring.length - 1]);
            const a = signedArea(ring);
            if (i === 0) expect(a, `${JSON.stringify(feat.properties)} exterior`).toBeGreaterThan(0);
            else expect(a, `${JSON.stringify(feat.properties)} hole`).toBeLessThan(0);
          });
        }
      }
    }
  });

  it('coordinates are rounded to at most 5 decimals', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text.match(/\d\.\d{6,}/g) ?? []).toEqual([]);
    }
  });

  it("what the app reads of public/geo (the outlines' topology and the names) is at most 0.7 MB", () => {
    // regions.geojson, countries.geojson and borders.json are for the compiler, geo/'s checks and the bench's GeoJSON baseline.
    let total = 0;
    for (const name of ['regions.topo.json', 'labels.geojson']) total += statSync(join(GEO, name)).size;
    expect(total).toBeLessThanOrEqual(0.7 * 1024 * 1024);
  });
});

describe('public/geo/countries.geojson', () => {
  const fc = need(COUNTRIES) as FeatureCollection<Polygon | MultiPolygon>;
  const countries = fc.features as Country[];

  it('has Mongolia and Russia, no China, and names in both languages', () => {
    const iso = countries.map((c) => c.properties.iso3);
    expect(iso).toContain('MNG');
    expect(iso).toContain('RUS');
    expect(iso).not.toContain('CHN');
    expect(iso).not.toContain('TWN');
    expect(new Set(iso).size).toBe(iso.length);
    const mng = countries.find((c) => c.properties.iso3 === 'MNG')!;
    expect(mng.properties).toEqual({ iso3: 'MNG', name_zh: '蒙古国', name_en: 'Mongolia' });
    for (const c of countries) {
      expect(c.properties.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.properties.name_zh).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });

  it('Russia is clipped to the view area', () => {
    const rus = countries.find((c) => c.properties.iso3 === 'RUS')!;
    const pts = polygonsOf(rus.geometry).flat(2);
    expect(Math.max(...pts.map((p) => p[0]!))).toBeLessThanOrEqual(150);
    expect(Math.min(...pts.map((p) => p[0]!))).toBeGreaterThanOrEqual(60);
    expect(Math.max(...pts.map((p) => p[1]!))).toBeLessThanOrEqual(65);
  });

  it('Ulaanbaatar is in Mongolia and Chita in Russia (sanity of the geometry)', () => {
    const get = (iso: string) => countries.find((c) => c.properties.iso3 === iso)!;
    expect(booleanPointInPolygon([106.92, 47.92], get('MNG'))).toBe(true);
    expect(booleanPointInPolygon([113.5, 52.03], get('RUS'))).toBe(true);
    expect(booleanPointInPolygon([111.67, 40.82], get('MNG'))).toBe(false); // Hohhot
  });
});

describe('public/geo/labels.geojson', () => {
  const labels = (need(LABELS) as FeatureCollection<Point, { id: string; kind: string; name_zh: string; name_en: string; rank: number }>).features;
  const regions = (need(REGIONS) as FeatureCollection<Polygon | MultiPolygon, RegionProps>).features;
  const countries = (need(COUNTRIES) as FeatureCollection<Polygon | MultiPolygon, { iso3: string; name_zh: string; name_en: string }>).features;

  it('names every region and country once, with its names, and the two seas', () => {
    const ids = labels.map((l) => l.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...regions.map((r) => r.properties.code), ...countries.map((c) => c.properties.iso3), 'bohai', 'yellow'].sort());
    const byId = new Map(labels.map((l) => [l.properties.id, l.properties]));
    for (const r of regions) expect(byId.get(r.properties.code), r.properties.code).toMatchObject({ name_zh: r.properties.name_zh, name_en: r.properties.name_en });
    expect(byId.get('150000')?.rank, "Inner Mongolia's own name wins").toBe(Math.min(...labels.filter((l) => l.properties.kind !== 'sea').map((l) => l.properties.rank)));
    expect(byId.get('150200')?.kind).toBe('league');
    expect(byId.get('130100')?.kind).toBe('prefecture');
  });

  it('puts every name inside its own region or country', () => {
    const shapes = new Map<string, Feature<Polygon | MultiPolygon>>([...regions.map((r) => [r.properties.code, r] as const), ...countries.map((c) => [c.properties.iso3, c] as const)]);
    const outside = labels.filter((l) => l.properties.kind !== 'sea' && !booleanPointInPolygon(l.geometry, shapes.get(l.properties.id)!)).map((l) => l.properties.id);
    expect(outside).toEqual([]);
  });
});

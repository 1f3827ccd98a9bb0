/**
 * Corridor analysis (src/domain/corridor.ts): small regions whose answers are worked out by hand
 * (a line along a parallel through two 1° squares, one of them split into two counties, and a
 * province 1.5° to the north), the reverse query, the buffer, and one real case checked against
 * turf's buffer, an independent method.
 */
import { corridorBuffer } from '../../src/domain/corridor-buffer.ts';
import { area, booleanIntersects, booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { LineString } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { densifyMercator, lineCorridor, linesNearRegion, parseCorridorKm, polygonLineKm } from '../../src/domain/corridor.ts';
import { RegionIndex } from '../../src/domain/regions.ts';
import type { RegionFeature, RegionLevel } from '../../src/domain/types.ts';

/** km of one degree of a great circle on turf's sphere (R = 6371.0088 km): 2πR / 360. */
const DEG_KM = (2 * Math.PI * 6371.0088) / 360; // 111.195

function square(code: string, level: RegionLevel, parent: string | null, [w, s, e, n]: [number, number, number, number]): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, level, parent, name_zh: code, name_en: code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

// Province 910000 = league 910100 ([0,1]×[0,1], counties 910101 west half and 910102 east half)
// + league 910200 ([1,2]×[0,1], no counties); province 920000 ([0,1]×[2,3]) has no prefectures.
const FIXTURE = [
  square('910000', 'province', null, [0, 0, 2, 1]),
  square('910100', 'prefecture', '910000', [0, 0, 1, 1]),
  square('910101', 'county', '910100', [0, 0, 0.5, 1]),
  square('910102', 'county', '910100', [0.5, 0, 1, 1]),
  square('910200', 'prefecture', '910000', [1, 0, 2, 1]),
  square('920000', 'province', null, [0, 2, 1, 3]),
];
const regions = new RegionIndex(FIXTURE);
/** Along the parallel 0.5° N from 0.5° W to 2.5° E: through both leagues. */
const across: LineString = {
  type: 'LineString',
  coordinates: [
    [-0.5, 0.5],
    [2.5, 0.5],
  ],
};
/** Along the meridian 0.25° E, ending 0.2° south of the province. */
const south: LineString = {
  type: 'LineString',
  coordinates: [
    [0.25, -1],
    [0.25, -0.2],
  ],
};
// One degree of longitude along 0.5° N: DEG_KM · cos(0.5°) = 111.191 km (the chord differs by < 1 m).
const LON_DEG_KM = DEG_KM * Math.cos((0.5 * Math.PI) / 180);

describe('hand-checked squares', () => {
  it('a line through two leagues: both at 0 km, the km inside each, counties under their league', () => {
    const c = lineCorridor(across, regions, 50);
    expect(c.lineKm).toBeCloseTo(3 * LON_DEG_KM, 0);
    expect(c.leagues.map((l) => l.code).sort()).toEqual(['910100', '910200']);
    for (const l of c.leagues) {
      expect(l.distanceKm).toBe(0);
      expect(l.province).toBe('910000');
      // Sampled every 0.5 km: off by less than half a step at each border.
      expect(Math.abs(l.kmInside - LON_DEG_KM)).toBeLessThan(0.5);
    }
    const l1 = c.leagues.find((l) => l.code === '910100')!;
    expect(l1.counties.map((x) => x.code).sort()).toEqual(['910101', '910102']);
    for (const county of l1.counties) expect(Math.abs(county.kmInside - LON_DEG_KM / 2)).toBeLessThan(0.5);
    expect(c.leagues.find((l) => l.code === '910200')!.counties).toEqual([]);
  });

  it('a province 1.5° north: 166.8 km away, in at 200 km, out at 50 km', () => {
    expect(polygonLineKm(FIXTURE[5]!.geometry, across)).toBeCloseTo(1.5 * DEG_KM, 1);
    const wide = lineCorridor(across, regions, 200);
    const q = wide.leagues.find((l) => l.code === '920000')!;
    expect(q).toMatchObject({ distanceKm: 166.8, kmInside: 0, province: null, counties: [] });
    // Nearest first.
    expect(wide.leagues.map((l) => l.code).at(-1)).toBe('920000');
    expect(lineCorridor(across, regions, 166).leagues.map((l) => l.code)).not.toContain('920000');
    expect(lineCorridor(across, regions, 167).leagues.map((l) => l.code)).toContain('920000');
  });

  it('a line ending south of the counties: 0.2° to the west county, to the corners of the others', () => {
    // West county: straight north of the line's end, 0.2° of latitude.
    expect(polygonLineKm(FIXTURE[2]!.geometry, south)).toBeCloseTo(0.2 * DEG_KM, 1); // 22.24
    // East county: its corner (0.5, 0) from the end (0.25, −0.2): 0.25° east, 0.2° north.
    const east = Math.hypot(0.25 * DEG_KM, 0.2 * DEG_KM); // 35.60
    expect(polygonLineKm(FIXTURE[3]!.geometry, south)).toBeCloseTo(east, 1);
    // League 2: its corner (1, 0): 0.75° east, 0.2° north.
    expect(polygonLineKm(FIXTURE[4]!.geometry, south)).toBeCloseTo(Math.hypot(0.75 * DEG_KM, 0.2 * DEG_KM), 1); // 86.31
    const c = lineCorridor(south, regions, 30);
    expect(c.leagues.map((l) => l.code)).toEqual(['910100']);
    expect(c.leagues[0]!.counties.map((x) => [x.code, x.distanceKm, x.kmInside])).toEqual([['910101', 22.2, 0]]);
    expect(lineCorridor(south, regions, 40).leagues[0]!.counties.map((x) => x.code)).toEqual(['910101', '910102']);
  });

  it('the reverse: lines near a county, with distance and km inside', () => {
    const lines = [
      { id: 'across', geometry: across },
      { id: 'south', geometry: south },
    ];
    const near = linesNearRegion(FIXTURE[3]!, lines, regions, 50);
    expect(near.map((n) => n.id)).toEqual(['across', 'south']);
    expect(near[0]!.distanceKm).toBe(0);
    expect(Math.abs(near[0]!.kmInside - LON_DEG_KM / 2)).toBeLessThan(0.5);
    expect(near[1]).toEqual({ id: 'south', distanceKm: 35.6, kmInside: 0 });
    expect(linesNearRegion(FIXTURE[3]!, lines, regions, 30).map((n) => n.id)).toEqual(['across']);
    expect(linesNearRegion(FIXTURE[5]!, lines, regions, 100)).toEqual([]);
    // km inside from a known source (the catalogue's touches) when given.
    expect(linesNearRegion(FIXTURE[3]!, lines, regions, 50, (id) => (id === 'across' ? 55 : undefined))[0]!.kmInside).toBe(55);
  });

  it('the buffer: 50 km either side and round the ends', () => {
    const b = corridorBuffer(across, 50)!;
    const inside = (lon: number, lat: number) => booleanPointInPolygon(point([lon, lat]), b);
    expect(inside(1, 0.5 + 45 / DEG_KM)).toBe(true);
    expect(inside(1, 0.5 + 55 / DEG_KM)).toBe(false);
    expect(inside(1, 0.5 - 45 / DEG_KM)).toBe(true);
    expect(inside(2.5 + 45 / LON_DEG_KM, 0.5)).toBe(true);
    expect(inside(2.5 + 55 / LON_DEG_KM, 0.5)).toBe(false);
    // A 100 km wide band along the line plus two half discs; the ends, 16 steps a quarter circle,
    // are 64-gons inside the discs (0.16% less than a disc).
    const expected = 2 * 50 * 3 * LON_DEG_KM + Math.PI * 50 * 50;
    expect(area(b) / 1e6).toBeGreaterThan(expected * 0.995);
    expect(area(b) / 1e6).toBeLessThan(expected * 1.001);
  });

  it('validates the distance the user types', () => {
    expect(parseCorridorKm('50')).toBe(50);
    expect(parseCorridorKm(' 2.5 ')).toBe(2.5);
    expect(parseCorridorKm('500')).toBe(500);
    expect(parseCorridorKm('1')).toBe(1);
    for (const bad of ['0', '0.5', '501', '', 'abc', '-5', 'Infinity']) expect(parseCorridorKm(bad)).toBeNull();
  });
});

describe('the drawn line, not the great circle', () => {
  it('densifies along the Mercator segment: a long diagonal bows away from the great circle', () => {
    const diag: LineString = {
      type: 'LineString',
      coordinates: [
        [116.07021, 43.93889],
        [126.99722, 36.66833],
      ],
    };
    const pts = densifyMercator(diag)[0]!;
    expect(pts.length).toBeGreaterThan(200);
    // Every point lies on the straight Mercator segment: y linear in x.
    const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const [a, b] = diag.coordinates as [number[], number[]];
    for (const p of pts) {
      const t = (p[0]! - a[0]!) / (b[0]! - a[0]!);
      expect(y(p[1]!)).toBeCloseTo(y(a[1]!) + t * (y(b[1]!) - y(a[1]!)), 9);
    }
  });
});

describe('a real case: 锡林郭勒盟至山东特高压外送电通道 at 30 km', () => {
  let cat: Catalogue;
  beforeAll(() => {
    cat = readCatalogue();
  });

  it('lists the regions turf’s buffer meets, and starts where the catalogue draws the line', () => {
    const project = cat.project('power-xilinguole-shandong-uhv')!;
    const line = project.geometry as LineString;
    // The regions the drawn line runs through (not those the plan only names, such as 锡林浩特市).
    const touches = new Map(
      cat
        .regionsTouchedBy(project.properties.id)
        .filter((r) => r.touch.spatial === 'crosses')
        .map((r) => [r.region.code, r.touch.km ?? 0]),
    );
    const c = lineCorridor(line, cat.regions, 30, touches);
    const counties = c.leagues.flatMap((l) => l.counties);
    const name = (code: string) => cat.region(code)!.name_zh;

    // The catalogue draws it from the 锡盟 1000 kV substation in 多伦县 (大河口乡) to 济南, so 多伦县 is in it, at 0 km.
    const start = line.coordinates[0]!;
    expect(cat.regions.regionsAt(start)[0]).toBe('152531');
    expect(counties.find((x) => x.code === '152531')).toMatchObject({ distanceKm: 0 });

    // Every county and league the line crosses is there at 0 km with the touches' km.
    for (const [code, km] of touches) {
      const level = cat.regions.level(code);
      if (level === 'province' && cat.regions.children(code).length) continue;
      const hit = level === 'county' ? counties.find((x) => x.code === code) : c.leagues.find((l) => l.code === code);
      expect(hit, name(code)).toMatchObject({ distanceKm: 0, kmInside: km });
    }

    // Against an independent method: a region is listed exactly when turf's buffer meets it (allowing
    // half a km either way at the edge, where the two methods may round differently).
    const buffer = corridorBuffer(line, 30)!;
    const listed = new Map([...c.leagues, ...counties].map((r) => [r.code, r.distanceKm]));
    let checked = 0;
    for (const f of cat.regions.all()) {
      const { code, level } = f.properties;
      if (level === 'province' && cat.regions.children(code).length) continue;
      const d = polygonLineKm(f.geometry, line);
      if (Math.abs(d - 30) < 0.5) continue;
      expect(listed.has(code), `${name(code)} ${d.toFixed(1)} km`).toBe(booleanIntersects(buffer, f));
      checked++;
    }
    expect(checked).toBeGreaterThan(150);

    // What the geometry gives. The line runs south-south-east out of 多伦县 into Hebei and never
    // comes back, so for the banners north and west of its start the nearest point of the line is
    // the start itself: their distance is turf's point-to-polygon distance from it (an independent
    // method). 正蓝旗 16.3 km is in; 克什克腾旗 (40 km) and 太仆寺旗 (55 km) are not.
    for (const code of ['152530', '150425']) {
      const fromStart = pointToPolygonDistance(point(start), cat.regions.get(code)!, { units: 'kilometers' });
      expect(polygonLineKm(cat.regions.get(code)!.geometry, line), name(code)).toBeCloseTo(fromStart, 1);
    }
    expect(pointToPolygonDistance(point(start), cat.regions.get('152530')!, { units: 'kilometers' })).toBeLessThan(30);
    expect(pointToPolygonDistance(point(start), cat.regions.get('150425')!, { units: 'kilometers' })).toBeGreaterThan(30);
    expect(polygonLineKm(cat.regions.get('152527')!.geometry, line)).toBeGreaterThan(35);
    expect(counties.map((x) => name(x.code)).sort()).toEqual(['多伦县', '正蓝旗'].sort());
    // The leagues and cities along it, and the two it passes within 30 km of (张家口, 衡水); 赤峰 is beyond.
    expect(c.leagues.map((l) => name(l.code))).toEqual(expect.arrayContaining(['锡林郭勒盟', '北京市', '天津市', '承德市', '廊坊市', '沧州市', '德州市', '济南市', '张家口市', '衡水市']));
    expect(c.leagues.map((l) => name(l.code))).not.toContain('赤峰市');
  });

  it('lines near 锡林浩特 within 50 km include those crossing it, with the touches’ km', () => {
    const lines = cat
      .allProjects()
      .filter((p) => p.geometry.type === 'LineString')
      .map((p) => ({ id: p.properties.id, geometry: p.geometry as LineString }));
    const region = cat.regions.get('152502')!;
    const near = linesNearRegion(region, lines, cat.regions, 50);
    const crossing = cat.projectsTouching('152502').filter((t) => t.project.geometry.type === 'LineString' && t.touch.km != null);
    expect(crossing.length).toBeGreaterThan(3);
    for (const t of crossing) {
      const n = near.find((x) => x.id === t.project.properties.id)!;
      expect(n.distanceKm).toBe(0);
      // Measured here along the line, the same way the compiler measured the touches.
      expect(Math.abs(n.kmInside - t.touch.km!)).toBeLessThanOrEqual(0.1);
    }
    for (const n of near.filter((x) => x.distanceKm > 0)) expect(n.kmInside).toBe(0);
  });
});

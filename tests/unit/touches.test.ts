import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { RegionIndex, shortRegionName } from '../../src/domain/regions.ts';
import { lineKmByRegion, mergeTouches, namedClosure, spatialTouches, unionTouches } from '../../src/domain/touches.ts';
import type { RegionFeature, RegionLevel } from '../../src/domain/types.ts';

// A toy hierarchy: province P (0..2 × 0..1) with prefectures A (0..1) and B (1..2); A has counties A1 (0..0.5) and A2 (0.5..1).
function box(code: string, level: RegionLevel, parent: string | null, x0: number, x1: number, y0 = 0, y1 = 1): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, level, parent, name_zh: code, name_en: code },
    geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
  };
}
const regions = new RegionIndex([
  box('100000', 'province', null, 0, 2),
  box('100100', 'prefecture', '100000', 0, 1),
  box('100200', 'prefecture', '100000', 1, 2),
  box('100101', 'county', '100100', 0, 0.5),
  box('100102', 'county', '100100', 0.5, 1),
]);

describe('region hierarchy', () => {
  it('knows ancestors, descendants and what lies at a point', () => {
    expect(regions.ancestors('100101')).toEqual(['100100', '100000']);
    expect(regions.descendants('100100').sort()).toEqual(['100101', '100102']);
    expect(regions.regionsAt([0.25, 0.5]).sort()).toEqual(['100000', '100100', '100101']);
    expect(regions.regionsAt([5, 5])).toEqual([]);
  });
  it('drops administrative suffixes for short names', () => {
    expect(shortRegionName('包头市')).toBe('包头');
    expect(shortRegionName('锡林郭勒盟')).toBe('锡林郭勒');
    expect(shortRegionName('达尔罕茂明安联合旗')).toBe('达尔罕茂明安');
    expect(shortRegionName('市')).toBe('市');
  });
});

describe('line touches', () => {
  it('splits a line’s length between the regions it crosses', () => {
    const line = { type: 'LineString' as const, coordinates: [[0.1, 0.5], [1.9, 0.5]] };
    const km = lineKmByRegion(line, regions);
    const total = distance([0.1, 0.5], [1.9, 0.5], { units: 'kilometers' });
    expect(km.get('100000')).toBeCloseTo(total, 0);
    expect(km.get('100100')! + km.get('100200')!).toBeCloseTo(total, 0);
    // 0.1→1.0 is half of 0.1→1.9: A gets 0.9/1.8 of the length
    expect(km.get('100100')! / total).toBeCloseTo(0.5, 2);
    expect(km.get('100101')! / total).toBeCloseTo(0.4 / 1.8, 2);
  });
  it('a line wholly inside regions lies in them, with its whole length; never a region it misses', () => {
    const t = spatialTouches({ type: 'LineString', coordinates: [[1.2, 0.2], [1.8, 0.8]] }, regions);
    expect(t.map((x) => x.region).sort()).toEqual(['100000', '100200']);
    const total = distance([1.2, 0.2], [1.8, 0.8], { units: 'kilometers' });
    for (const x of t) {
      expect(x.spatial, x.region).toBe('contains');
      expect(x.km!).toBeCloseTo(total, 0);
    }
  });
  it('a line leaving a region crosses it, with the km inside', () => {
    const t = spatialTouches({ type: 'LineString', coordinates: [[0.6, 0.5], [1.6, 0.5]] }, regions);
    const by = new Map(t.map((x) => [x.region, x]));
    expect(by.get('100000')!.spatial).toBe('contains');
    expect(by.get('100100')!.spatial).toBe('crosses');
    expect(by.get('100200')!.spatial).toBe('crosses');
    expect(by.get('100100')!.km! + by.get('100200')!.km!).toBeCloseTo(by.get('100000')!.km!, 0);
  });
  it('merges the parts of multi-geometries (imported layers)', () => {
    const mp = spatialTouches({ type: 'MultiPoint', coordinates: [[0.2, 0.5], [1.5, 0.5]] }, regions);
    expect(mp.map((x) => x.region).sort()).toEqual(['100000', '100100', '100101', '100200']);
    const ml = spatialTouches({ type: 'MultiLineString', coordinates: [[[1.1, 0.5], [1.5, 0.5]], [[1.5, 0.6], [1.9, 0.6]]] }, regions);
    const b = ml.find((x) => x.region === '100200')!;
    expect(b.km).toBeCloseTo(distance([1.1, 0.5], [1.5, 0.5]) + distance([1.5, 0.6], [1.9, 0.6]), 0);
    // Both parts inside B: B contains the whole; A holds neither part.
    expect(b.spatial).toBe('contains');
    expect(ml.some((x) => x.region === '100100')).toBe(false);
    const split = spatialTouches({ type: 'MultiLineString', coordinates: [[[1.1, 0.5], [1.5, 0.5]], [[0.2, 0.6], [0.6, 0.6]]] }, regions);
    expect(split.find((x) => x.region === '100200')!.spatial).toBe('crosses');
    expect(split.find((x) => x.region === '100000')!.spatial).toBe('contains');
  });

  it('puts a point in every region that contains it', () => {
    const t = spatialTouches({ type: 'Point', coordinates: [0.7, 0.3] }, regions);
    expect(t.map((x) => x.region).sort()).toEqual(['100000', '100100', '100102']);
  });
});

describe('area touches', () => {
  it('covers the union’s regions, their descendants, and a parent whose children are all covered', () => {
    const t = unionTouches(['100101', '100102'], regions);
    const byRegion = Object.fromEntries(t.map((x) => [x.region, x.spatial]));
    expect(byRegion).toEqual({ '100101': 'covers', '100102': 'covers', '100100': 'covers', '100000': 'overlaps' });
  });
  it('overlaps the parent of a partly covered region', () => {
    const t = unionTouches(['100101'], regions);
    expect(Object.fromEntries(t.map((x) => [x.region, x.spatial]))).toEqual({ '100101': 'covers', '100100': 'overlaps', '100000': 'overlaps' });
  });
  it('measures an authored polygon against regions, ignoring border slivers', () => {
    const t = spatialTouches({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }, regions);
    const byRegion = Object.fromEntries(t.map((x) => [x.region, x.spatial]));
    expect(byRegion['100100']).toBe('covers');
    expect(byRegion['100000']).toBe('contains'); // all of it lies in P, which it covers only half of
    expect(byRegion['100200']).toBeUndefined();
  });
  it('says a small polygon lies in the regions around it, and overlaps the ones it straddles', () => {
    const inA1 = spatialTouches({ type: 'Polygon', coordinates: [[[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.2], [0.1, 0.1]]] }, regions);
    // 1/100 of A1 and 1/200 of P: measured against the region alone, too small a share to count.
    expect(Object.fromEntries(inA1.map((x) => [x.region, x.spatial]))).toEqual({ '100000': 'contains', '100100': 'contains', '100101': 'contains' });
    const across = spatialTouches({ type: 'Polygon', coordinates: [[[0.9, 0.1], [1.1, 0.1], [1.1, 0.2], [0.9, 0.2], [0.9, 0.1]]] }, regions);
    expect(Object.fromEntries(across.map((x) => [x.region, x.spatial]))).toEqual({ '100000': 'contains', '100100': 'overlaps', '100200': 'overlaps', '100102': 'overlaps' });
  });
});

describe('named touches', () => {
  it('naming a county names its prefecture and province, and merges with spatial touches', () => {
    const named = namedClosure(['100102', 'nope'], regions);
    expect([...named].sort()).toEqual(['100000', '100100', '100102']);
    const merged = mergeTouches('p1', named, [{ region: '100200', spatial: 'crosses', km: 12 }, { region: '100100', spatial: 'crosses', km: 3 }]);
    expect(merged.get('100200')).toEqual({ project: 'p1', named: false, spatial: 'crosses', km: 12 });
    expect(merged.get('100100')).toEqual({ project: 'p1', named: true, spatial: 'crosses', km: 3 });
    expect(merged.get('100102')).toEqual({ project: 'p1', named: true });
  });
});

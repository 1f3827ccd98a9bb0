/**
 * The measure tool's arithmetic (src/domain/measure.ts), against values worked out by hand on turf's
 * sphere (R = 6371.0088 km, for distances and areas alike).
 */
import { describe, expect, it } from 'vitest';
import { measureArea, measureDrawData, measurePath, roundKm, roundKm2 } from '../../src/domain/measure.ts';

const R = 6371.0088;
const DEG = Math.PI / 180;

describe('path length', () => {
  it('one degree along the equator and along a meridian: 2πR/360 = 111.195 km', () => {
    expect(measurePath([[0, 0], [1, 0]]).totalKm).toBeCloseTo(R * DEG, 3);
    expect(measurePath([[110, 40], [110, 41]]).totalKm).toBeCloseTo(R * DEG, 3);
  });

  it('sums its legs; no legs for fewer than two points', () => {
    const m = measurePath([[0, 0], [1, 0], [1, 1], [0, 1]]);
    expect(m.legsKm).toHaveLength(3);
    expect(m.legsKm[0]).toBeCloseTo(R * DEG, 3);
    expect(m.legsKm[1]).toBeCloseTo(R * DEG, 3);
    // Along 1° N between two points one degree apart: the great circle's chord, by the haversine
    // by hand: 2R·asin(cos 1° · sin 0.5°) = 111.178 km.
    expect(m.legsKm[2]).toBeCloseTo(2 * R * Math.asin(Math.cos(DEG) * Math.sin(0.5 * DEG)), 3);
    expect(m.totalKm).toBeCloseTo(m.legsKm.reduce((s, k) => s + k, 0), 9);
    expect(measurePath([[0, 0]])).toEqual({ legsKm: [], totalKm: 0 });
    expect(measurePath([])).toEqual({ legsKm: [], totalKm: 0 });
  });
});

describe('area', () => {
  it('a 1° square on the equator: R²·Δλ·(sin φ₂ − sin φ₁) = 12,364 km²', () => {
    const a = measureArea([[0, 0], [1, 0], [1, 1], [0, 1]])!;
    const expected = R ** 2 * DEG * Math.sin(DEG);
    expect(expected).toBeCloseTo(12363.7, 0);
    expect(a.km2 / expected).toBeGreaterThan(0.999);
    expect(a.km2 / expected).toBeLessThan(1.001);
    expect(a.perimeterKm).toBeCloseTo(measurePath([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]).totalKm, 9);
    expect(a.selfIntersecting).toBe(false);
  });

  it('a square 10° further north is smaller by the ratio of the sines', () => {
    const a0 = measureArea([[0, 0], [1, 0], [1, 1], [0, 1]])!.km2;
    const a40 = measureArea([[110, 40], [111, 40], [111, 41], [110, 41]])!.km2;
    expect(a40 / a0).toBeCloseTo((Math.sin(41 * DEG) - Math.sin(40 * DEG)) / Math.sin(DEG), 3);
  });

  it('closes the ring itself, needs three distinct points, and flags crossing edges', () => {
    const open = measureArea([[0, 0], [1, 0], [1, 1]])!;
    const closed = measureArea([[0, 0], [1, 0], [1, 1], [0, 0]])!;
    expect(open.km2).toBeCloseTo(closed.km2, 6);
    expect(measureArea([[0, 0], [1, 0]])).toBeNull();
    expect(measureArea([[0, 0], [1, 0], [0, 0], [1, 0]])).toBeNull();
    expect(measureArea([[0, 0], [1, 1], [1, 0], [0, 1]])!.selfIntersecting).toBe(true);
  });
});

describe('draw data and rounding', () => {
  it('draws long legs along the great circle they are measured on, and each point with its running km', () => {
    const pts = [[110, 40], [120, 40]];
    const fc = measureDrawData(pts, 'distance');
    const path = fc.features.find((f) => f.properties.kind === 'path')!;
    const coords = (path.geometry as { coordinates: number[][] }).coordinates;
    expect(coords.length).toBeGreaterThan(10);
    // A great circle between two points on 40° N, 10° apart, bulges north of the parallel to its
    // vertex halfway: tan φ = tan 40° / cos 5°, φ = 40.108°.
    const top = Math.atan(Math.tan(40 * DEG) / Math.cos(5 * DEG)) / DEG;
    expect(top).toBeCloseTo(40.108, 3);
    expect(Math.max(...coords.map((c) => c[1]!))).toBeCloseTo(top, 2);
    const vertices = fc.features.filter((f) => f.properties.kind === 'vertex');
    expect(vertices.map((v) => v.properties.km)).toEqual([0, measurePath(pts).totalKm]);
    const area = measureDrawData([[0, 0], [1, 0], [1, 1]], 'area');
    expect(area.features[0]!.properties.kind).toBe('area');
    expect(measureDrawData([[0, 0], [1, 0]], 'area').features[0]!.properties.kind).toBe('path');
    expect(measureDrawData([], 'distance').features).toEqual([]);
  });

  it('rounds as shown', () => {
    expect(roundKm(1234.56)).toBe(1235);
    expect(roundKm(12.345)).toBe(12.3);
    expect(roundKm(1.2345)).toBe(1.23);
    expect(roundKm2(12391.4)).toBe(12391);
    expect(roundKm2(3.14159)).toBe(3.1);
  });
});

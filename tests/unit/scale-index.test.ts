/**
 * The spatial index behind the compiler's touches (issue 6): the R-tree + edge-banded
 * point-in-polygon must give exactly what the brute-force turf lookups gave, on the real map and
 * on the real catalogue, and the union used for areas must dissolve like turf's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../data/build.ts';
import { loadCatalogueSources } from '../../data/load.ts';
import { rng } from '../../bench/synth.ts';
import { repoRoot } from '../../src/cli/load.ts';
import { orientSign, PolygonPointIndex } from '../../src/domain/polygon-index.ts';
import { RegionIndex } from '../../src/domain/regions.ts';
import { spatialTouches } from '../../src/domain/touches.ts';
import type { ProjectGeometry, RegionCollection, RegionFeature } from '../../src/domain/types.ts';

const regionsFc = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
const features = regionsFc.features;
const index = new RegionIndex(features);

/** The lookups as they were before the index: every leaf in input order, turf's point-in-polygon. */
class BruteRegions extends RegionIndex {
  private readonly boxesCache: number[][] = [];
  private readonly leaves: { f: RegionFeature; b: number[] }[];
  constructor(fs: readonly RegionFeature[]) {
    super(fs);
    this.leaves = fs.filter((f) => this.children(f.properties.code).length === 0).map((f) => ({ f, b: turfBbox(f) }));
  }
  override chainAt(pos: Position): readonly string[] {
    const [x, y] = pos as [number, number];
    const f = this.leaves.find(({ f, b }) => x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]! && booleanPointInPolygon(pos, f))?.f;
    return f ? [f.properties.code, ...this.ancestors(f.properties.code)] : [];
  }
  override regionsAt(pos: Position): string[] {
    return [...this.chainAt(pos)];
  }
  override regionsNearBox(box: [number, number, number, number]): RegionFeature[] {
    return features.filter((f, i) => {
      const b = (this.boxesCache[i] ??= turfBbox(f));
      return b[0]! <= box[2] && b[2]! >= box[0] && b[1]! <= box[3] && b[3]! >= box[1];
    });
  }
}
const brute = new BruteRegions(features);

describe('orientSign', () => {
  it('is exact where the float determinant rounds to zero', () => {
    // (1 + 2^-52)(1 - 2^-53) − 1·1 = 2^-53 − 2^-105 > 0, but the float product rounds to exactly 1.
    expect((1 + 2 ** -52) * (1 - 2 ** -53) - 1).toBe(0);
    expect(orientSign(1, 1 + 2 ** -52, 1 - 2 ** -53, 1)).toBe(1);
    expect(orientSign(1, 1 - 2 ** -53, 1 + 2 ** -52, 1)).toBe(1);
    expect(orientSign(1 - 2 ** -53, 1, 1, 1 + 2 ** -52)).toBe(-1);
    expect(orientSign(0.1, 0.3, 0.2, 0.6)).toBe(Math.sign(0.3 * 0.2 - 0.1 * 0.6) || 0);
    expect(orientSign(3, 6, 1, 2)).toBe(0);
    expect(orientSign(2 ** -1070, 2 ** -1071, 6, 3)).toBe(0);
    // Subnormal products: 2^-1074·(1 + 2^-52) rounds to 2^-1074.
    expect(orientSign(2 ** -1074, 2 ** -1074, 1, 1 + 2 ** -52)).toBe(-1);
  });
});

describe('PolygonPointIndex', () => {
  it('agrees with turf booleanPointInPolygon inside, outside and on the boundary of every region', () => {
    const rand = rng(7);
    let checked = 0;
    for (const f of features) {
      const idx = new PolygonPointIndex(f.geometry);
      const [x0, y0, x1, y1] = turfBbox(f);
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const ring = polys[0]![0]!;
      const probes: Position[] = [];
      for (let i = 0; i < 30; i++) probes.push([x0 + (x1 - x0) * rand(), y0 + (y1 - y0) * rand()]);
      // Vertices, edge midpoints and points level with a vertex: where banding and hao's edge cases bite.
      for (let i = 0; i + 1 < ring.length; i += Math.max(1, Math.floor(ring.length / 40))) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        probes.push(a, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], [x0 + (x1 - x0) * rand(), a[1]!], [a[0]! + 1e-9, a[1]!], [a[0]! - 1e-9, a[1]!]);
      }
      probes.push([x0, y0], [x1, y1], [x0 - 1, y0], [(x0 + x1) / 2, y1 + 1]);
      for (const p of probes) {
        expect(idx.contains(p[0]!, p[1]!), `${f.properties.code} at ${p.join(',')}`).toBe(booleanPointInPolygon(p, f));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('RegionIndex (R-tree of boxes)', () => {
  it('answers point lookups exactly as the brute-force scan of leaves', () => {
    const rand = rng(11);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      // Most of the mapped extent, denser over Inner Mongolia and its neighbours.
      const p: Position = i % 2 ? [97 + 29 * rand(), 37 + 17 * rand()] : [73 + 62 * rand(), 18 + 36 * rand()];
      const got = index.regionsAt(p);
      expect(got, p.join(',')).toEqual(brute.regionsAt(p));
      if (got.length) found++;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('finds the same regions near a box as a scan of all boxes, in input order', () => {
    const rand = rng(13);
    for (let i = 0; i < 300; i++) {
      const x = 73 + 62 * rand();
      const y = 18 + 36 * rand();
      const box: [number, number, number, number] = [x, y, x + 6 * rand(), y + 4 * rand()];
      expect(index.regionsNearBox(box).map((f) => f.properties.code)).toEqual(brute.regionsNearBox(box).map((f) => f.properties.code));
    }
  });

  it('gives the real catalogue the same point and line touches as brute force', () => {
    const src = loadCatalogueSources(join(repoRoot, 'data'));
    const places = new Map(src.places.map(({ value: p }) => [p.id, [p.lon, p.lat] as Position]));
    let lines = 0;
    for (const { value: project } of src.projects) {
      const g = project.geometry;
      let geom: ProjectGeometry;
      if (g.type === 'point') geom = { type: 'Point', coordinates: places.get(g.at)! };
      else if (g.type === 'line') geom = { type: 'LineString', coordinates: g.via.map((id) => places.get(id)!) };
      else continue;
      if (g.type === 'line') lines++;
      expect(spatialTouches(geom, index), project.id).toEqual(spatialTouches(geom, brute));
    }
    expect(lines).toBeGreaterThan(20);
  });
});

describe('dissolve (area unions)', () => {
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  it('merges neighbouring counties into one outline of the same area', () => {
    // 包头市's counties: one polygon whose area is the sum of theirs (they do not overlap).
    const kids = index.children('150200').map((c) => byCode.get(c)!);
    const merged = dissolve(kids.map((k) => k.geometry))!;
    const sum = kids.reduce((n, k) => n + area(k), 0);
    expect(merged.type === 'Polygon' || merged.coordinates.length <= 2).toBe(true);
    expect(Math.abs(area(merged) - sum) / sum).toBeLessThan(1e-6);
  });
  it('keeps apart regions that do not meet, and is empty for nothing', () => {
    const merged = dissolve([byCode.get('150700')!.geometry, byCode.get('152900')!.geometry])!; // 呼伦贝尔, 阿拉善
    expect(merged.type).toBe('MultiPolygon');
    expect(dissolve([])).toBeNull();
  });
});

/**
 * The compiled catalogue's aligned lines against their sources: every line called surveyed stays
 * within 1 km of the geometry it says it comes from (the named OSM lines, the vendored features or
 * the sites), all along its length, and carries that source's citation.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { OSM_RAILWAYS } from '../../data/alignment.ts';
import { loadCatalogueSources, type CatalogueSources } from '../../data/load.ts';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { interpolateMercator } from '../../src/domain/touches.ts';

const TOLERANCE_KM = 1;

let sources: CatalogueSources;
let cat: Catalogue;
beforeAll(() => {
  sources = loadCatalogueSources(join(repoRoot, 'data'));
  cat = readCatalogue();
});

/** Points every ~0.5 km along a line, as the map draws it. */
function along(c: Position[]): Position[] {
  const out: Position[] = [c[0]!];
  for (let i = 1; i < c.length; i++) {
    const n = Math.max(1, Math.ceil(distance(c[i - 1]!, c[i]!) / 0.5));
    for (let s = 1; s <= n; s++) out.push(interpolateMercator(c[i - 1]!, c[i]!, s / n));
  }
  return out;
}

/** Distance (km) from p to the nearest of the polylines, with a box test first. */
function nearestKm(p: Position, lines: Position[][]): number {
  let best = Infinity;
  const pad = 0.05;
  for (const c of lines)
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1]!;
      const b = c[i]!;
      if (p[0]! < Math.min(a[0]!, b[0]!) - pad || p[0]! > Math.max(a[0]!, b[0]!) + pad) continue;
      if (p[1]! < Math.min(a[1]!, b[1]!) - pad || p[1]! > Math.max(a[1]!, b[1]!) + pad) continue;
      // The foot on ab in a local plane, then the geodesic distance to it.
      const k = Math.cos((p[1]! * Math.PI) / 180);
      const dx = (b[0]! - a[0]!) * k;
      const dy = b[1]! - a[1]!;
      const len2 = dx * dx + dy * dy;
      const t = len2 ? Math.max(0, Math.min(1, (((p[0]! - a[0]!) * k) * dx + (p[1]! - a[1]!) * dy) / len2)) : 0;
      best = Math.min(best, distance(p, [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t]));
    }
  return best;
}

function sourceLines(project: string): { lines: Position[][]; cites: string } {
  const a = sources.alignments.find((x) => x.value.project === project)!.value;
  const parts = (g: Geometry): Position[][] => (g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);
  if (a.along.osm_rail) {
    const fc = sources.vendor.get(OSM_RAILWAYS)!;
    const names = a.along.osm_rail.lines;
    return { lines: fc.features.filter((f) => names.includes(String(f.properties?.name))).flatMap((f) => parts(f.geometry!)), cites: names.join('、') };
  }
  if (a.along.vendored) {
    const fc = sources.vendor.get(a.along.vendored.file)!;
    const ids = a.along.vendored.ids;
    return { lines: fc.features.filter((f) => ids.includes(String(f.properties?.id ?? f.id))).flatMap((f) => parts(f.geometry!)), cites: ids[0]! };
  }
  if (a.along.sites) return { lines: a.along.sites.map((s) => [[s.lon, s.lat], [s.lon, s.lat]]), cites: a.along.sites[0]!.name.zh };
  throw new Error(`${project}: a surveyed line must come from a named source, not a route on the network`);
}

describe('aligned lines', () => {
  it('has aligned railway lines, each compiled with its alignment', () => {
    const railway = sources.alignments.filter((a) => a.file.endsWith('railway.yaml'));
    expect(railway.length).toBeGreaterThanOrEqual(10);
    for (const { value: a } of sources.alignments) {
      const p = cat.project(a.project)!.properties;
      expect(p.precision, a.project).toBe(a.method);
      expect(p.geometry_source, a.project).toBeTruthy();
    }
  });

  it(`every surveyed line stays within ${TOLERANCE_KM} km of its source geometry`, () => {
    const surveyed = cat.allProjects().filter((p) => p.properties.precision === 'surveyed' && p.geometry.type === 'LineString');
    expect(surveyed.length).toBeGreaterThanOrEqual(10);
    const far: string[] = [];
    for (const f of surveyed) {
      const { lines, cites } = sourceLines(f.properties.id);
      expect(lines.length, f.properties.id).toBeGreaterThan(0);
      expect(f.properties.geometry_source, f.properties.id).toContain(cites);
      let worst = { km: 0, at: [0, 0] as Position };
      for (const p of along(f.geometry.coordinates as Position[])) {
        const km = nearestKm(p, lines);
        if (km > worst.km) worst = { km, at: p };
      }
      if (worst.km > TOLERANCE_KM) far.push(`${f.properties.id}: ${worst.km.toFixed(2)} km off at ${worst.at.map((v) => v.toFixed(4)).join(',')}`);
    }
    expect(far).toEqual([]);
  });

  it('measures km along the real line, not the straight segments', () => {
    const jitong = cat.project('rail-jitong-electrification-capacity')!;
    expect(jitong.properties.precision).toBe('surveyed');
    // 集通线 is 923 km since its rebuilding (北方新报, 2024-11-22); the straight segments via its places were 828 km.
    expect(jitong.properties.km).toBeGreaterThan(880);
    expect(jitong.properties.km).toBeLessThan(960);
    // Its km per banner add up to its length.
    const inCounties = cat.regionsTouchedBy('rail-jitong-electrification-capacity').filter((r) => r.region.level === 'county');
    const sum = inCounties.reduce((s, r) => s + (r.touch.km ?? 0), 0);
    expect(Math.abs(sum - jitong.properties.km!)).toBeLessThan(5);
  });
});

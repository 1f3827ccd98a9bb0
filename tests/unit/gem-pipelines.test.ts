/**
 * The vendored GEM pipeline extract (geo/vendor/gem-pipelines/routes.geojson) against its source:
 * the committed fixture source-sample.json holds GEM's coordinates as read and the table rows that
 * name each route, so this runs on a fresh clone. Where GEM_ROUTES_GIT names a git dir of
 * GlobalEnergyMonitor/GOIT-GGIT-pipeline-routes (the search tool's fetch), the fixture is checked
 * against the source files too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineString, point, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { MATCH_KM, ROUTES, farthestKm, parseCsv, parseRoute, type GemRouteProps } from '../../geo/vendor/gem-pipelines/extract.ts';

const DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'geo', 'vendor', 'gem-pipelines');
const extract = JSON.parse(readFileSync(join(DIR, 'routes.geojson'), 'utf8')) as FeatureCollection<LineString, GemRouteProps> & {
  source: { routes: { commit: string; files: string[] }; table: { commit: string } };
};
const fixture = JSON.parse(readFileSync(join(DIR, 'source-sample.json'), 'utf8')) as {
  source: typeof extract.source;
  routes: Record<string, Position[]>;
  rows: Record<string, { project: string; unit: string; status: string; url: string; route: Position[][] }>;
};

const km = (p: Position, line: Position[]) => pointToLineDistance(point(p), lineString(line), { units: 'kilometers' });

describe('GEM pipeline extract', () => {
  it('names its source, at the same commits as the fixture', () => {
    expect(extract.source.routes.commit).toBe(ROUTES.commit);
    expect(fixture.source).toEqual(extract.source);
    expect(extract.features.length).toBeGreaterThan(0);
  });

  it('has unique ids of the form GEM ProjectID[.part], one fixture route each', () => {
    const ids = extract.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of extract.features) {
      const { id, gem_id, part } = f.properties;
      expect(gem_id).toMatch(/^P\d{4}$/);
      expect(id).toBe(part === null ? gem_id : `${gem_id}.${part}`);
      expect(extract.source.routes.files).toContain(`${ROUTES.dir}/${gem_id}.geojson`);
      expect(fixture.routes[id], id).toBeDefined();
    }
    expect(Object.keys(fixture.routes).sort()).toEqual([...ids].sort());
  });

  it('stays within 1 km of the source geometry, both ways', () => {
    for (const f of extract.features) {
      const mine = f.geometry.coordinates;
      const theirs = fixture.routes[f.properties.id]!;
      // every vendored vertex near the source line, and a sample of source vertices (every third,
      // and both ends) near the vendored line
      for (const p of mine) expect(km(p, theirs), f.properties.id).toBeLessThan(1);
      const sample = theirs.filter((_, i) => i % 3 === 0 || i === theirs.length - 1);
      for (const p of sample) expect(km(p, mine), f.properties.id).toBeLessThan(1);
    }
  });

  it('follows the GEM table row whose name and status it carries', () => {
    for (const f of extract.features) {
      const { id, name, unit, status, gem_url, match_km } = f.properties;
      const row = fixture.rows[`${name} | ${unit ?? ''}`];
      expect(row, id).toBeDefined();
      expect(row!.status).toBe(status);
      expect(row!.url).toBe(gem_url);
      const there = farthestKm(f.geometry.coordinates, row!.route);
      expect(there, id).toBeLessThanOrEqual(MATCH_KM);
      expect(there, id).toBeLessThanOrEqual(match_km + 0.1);
    }
  });

  it('parses GEM’s CSV and route column', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n1,2,3')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['1', '2', '3'],
    ]);
    expect(parseRoute('40.0,110.0:41.0,111.0;40.0,110.0:39.5,109.5')).toEqual([
      [[110, 40], [111, 41]],
      [[110, 40], [109.5, 39.5]],
    ]);
  });

  const gitDir = process.env.GEM_ROUTES_GIT;
  it.skipIf(!gitDir || !existsSync(gitDir))('the fixture is the source files (needs GEM_ROUTES_GIT)', () => {
    for (const f of extract.features) {
      const file = `${ROUTES.dir}/${f.properties.gem_id}.geojson`;
      const fc = JSON.parse(execFileSync('git', ['--git-dir', gitDir!, 'show', `${ROUTES.commit}:${file}`], { encoding: 'utf8' })) as FeatureCollection<
        LineString | MultiLineString
      >;
      const lines = fc.features.flatMap((x: Feature<LineString | MultiLineString>) =>
        x.geometry.type === 'LineString' ? [x.geometry.coordinates] : x.geometry.coordinates,
      );
      const source = lines[f.properties.part ?? 0]!.map((c) => [c[0], c[1]]);
      expect(fixture.routes[f.properties.id]).toEqual(source);
    }
  });
});

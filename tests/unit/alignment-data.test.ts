/**
 * The authored alignments of the power, pipeline and highway themes (data/alignments/<theme>.yaml):
 * their shape (a copy of the format's schema, until the resolver that compiles them owns one), that
 * each names an existing project of that theme, and that what it draws along exists: the vendored
 * features by id, chained end to end, or sites with a cited source.
 *
 * The check that each line reaches Inner Mongolia needs public/geo/regions.geojson (`npm run geo`)
 * and is skipped without it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const THEMES = ['power', 'pipeline', 'highway'] as const;

const Date_ = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const Source = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url(),
  published: z.union([Date_, z.literal('unknown')]),
  read: Date_,
});
const Site = z.strictObject({
  name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  lon: z.number().min(73).max(136),
  lat: z.number().min(18).max(54),
  source: z.number().int().min(0),
});
const Along = z.union([
  z.strictObject({ sites: z.array(Site).min(2) }),
  z.strictObject({ vendored: z.strictObject({ file: z.string().regex(/^geo\/vendor\/[^/]+\/[^/]+\.geojson$/), ids: z.array(z.string()).min(1) }) }),
]);
const Alignment = z.strictObject({
  project: z.string(),
  method: z.enum(['surveyed', 'routed', 'schematic']),
  along: Along,
  sources: z.array(Source).min(1),
  note: z.string().min(1),
});
type Alignment = z.infer<typeof Alignment>;

const projects = new Map<string, { theme: string }>();
for (const f of readdirSync(join(ROOT, 'data', 'projects')).filter((f) => f.endsWith('.yaml')))
  for (const p of (parse(readFileSync(join(ROOT, 'data', 'projects', f), 'utf8')) ?? []) as { id: string; theme: string }[])
    projects.set(p.id, p);

const files = THEMES.map((theme) => ({ theme, path: join(ROOT, 'data', 'alignments', `${theme}.yaml`) })).filter((f) => existsSync(f.path));
const alignments = files.map(({ theme, path }) => ({ theme, entries: z.array(Alignment).parse(parse(readFileSync(path, 'utf8'))) }));

const REGIONS = join(ROOT, 'public', 'geo', 'regions.geojson');
const regions = existsSync(REGIONS)
  ? (JSON.parse(readFileSync(REGIONS, 'utf8')).features as Feature<Polygon | MultiPolygon, { code: string }>[])
  : null;
const innerMongolia = regions?.find((f) => f.properties.code === '150000');

/** Where the line touches Inner Mongolia: its first site (the sending end), or any vendored vertex. */
function inInnerMongolia(a: Alignment, im: Feature<Polygon | MultiPolygon>): boolean {
  if ('sites' in a.along) return booleanPointInPolygon(point([a.along.sites[0]!.lon, a.along.sites[0]!.lat]), im);
  const fc = vendored(a.along.vendored.file);
  return a.along.vendored.ids.some((id) => fc.get(id)!.geometry.coordinates.some((p: Position) => booleanPointInPolygon(point(p), im)));
}

const cache = new Map<string, Map<string, Feature<LineString, { id: string; context?: boolean }>>>();
function vendored(file: string) {
  if (!cache.has(file)) {
    const fc = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as FeatureCollection<LineString, { id: string; context?: boolean }>;
    cache.set(file, new Map(fc.features.map((f) => [f.properties.id, f])));
  }
  return cache.get(file)!;
}

describe('alignment files', () => {
  it('exist for power and pipeline, and parse', () => {
    expect(files.map((f) => f.theme)).toEqual(expect.arrayContaining(['power', 'pipeline']));
    for (const a of alignments) expect(a.entries.length, a.theme).toBeGreaterThan(0);
  });

  it('name existing projects of their theme, once each', () => {
    for (const { theme, entries } of alignments) {
      const ids = entries.map((e) => e.project);
      expect(new Set(ids).size, theme).toBe(ids.length);
      for (const id of ids) {
        expect(projects.get(id), `${theme}: ${id}`).toBeDefined();
        expect(projects.get(id)!.theme, id).toBe(theme);
      }
    }
  });

  it('draw vendored features that exist, belong to the plan, and join end to end', () => {
    for (const { entries } of alignments)
      for (const e of entries) {
        if (!('vendored' in e.along)) continue;
        expect(e.method, e.project).toBe('surveyed');
        const { file, ids } = e.along.vendored;
        expect(existsSync(join(ROOT, file)), file).toBe(true);
        const fc = vendored(file);
        for (const id of ids) {
          expect(fc.get(id), `${e.project}: ${id}`).toBeDefined();
          expect(fc.get(id)!.properties.context ?? false, `${e.project}: ${id} is context`).toBe(false);
        }
        for (let i = 1; i < ids.length; i++) {
          const a = fc.get(ids[i - 1]!)!.geometry.coordinates;
          const b = fc.get(ids[i]!)!.geometry.coordinates;
          const gap = Math.min(...[a[0]!, a.at(-1)!].flatMap((p) => [b[0]!, b.at(-1)!].map((q) => distance(p, q))));
          expect(gap, `${e.project}: ${ids[i - 1]} → ${ids[i]}`).toBeLessThan(1);
        }
      }
  });

  it('place every site by a source of its entry', () => {
    for (const { entries } of alignments)
      for (const e of entries) {
        if (!('sites' in e.along)) continue;
        expect(e.method, e.project).toBe('schematic');
        for (const s of e.along.sites) expect(s.source, `${e.project}: ${s.name.zh}`).toBeLessThan(e.sources.length);
        // the coordinate is a town's or city's point: the entry cites where it comes from
        expect(e.sources.some((s) => /GeoNames|gazetteer/.test(s.title + s.publisher)), e.project).toBe(true);
        const [a, b] = e.along.sites;
        expect(distance(point([a!.lon, a!.lat]), point([b!.lon, b!.lat])), e.project).toBeGreaterThan(50);
      }
  });

  it.skipIf(!innerMongolia)('reach Inner Mongolia: the sending end of a power line, the route of a pipeline (needs public/geo)', () => {
    for (const { entries } of alignments) for (const e of entries) expect(inInnerMongolia(e, innerMongolia!), e.project).toBe(true);
  });
});

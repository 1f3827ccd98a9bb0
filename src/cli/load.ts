/** Reads the compiled catalogue from public/ on disk (for the CLI and the tests), as the app does. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue, type CatalogueData } from '../domain/catalogue.ts';
import type { DetailsFile } from '../domain/types.ts';
import { regionsOf, withAreaOutlines, type RegionTopology, type StoredProjectCollection } from '../domain/region-topology.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const COMPILED_FILES = {
  topology: 'public/geo/regions.topo.json',
  measures: 'public/data/measures.json',
  places: 'public/data/places.geojson',
  projects: 'public/data/projects.geojson',
  touches: 'public/data/touches.json',
  status: 'public/data/status.json',
} as const;

export function readCatalogue(root = repoRoot): Catalogue {
  const file = {} as Record<keyof typeof COMPILED_FILES, unknown>;
  for (const [key, rel] of Object.entries(COMPILED_FILES)) {
    const path = join(root, rel);
    if (!existsSync(path)) throw new Error(`${rel} is missing: run \`npm run prepare-data\` first`);
    file[key as keyof typeof COMPILED_FILES] = JSON.parse(readFileSync(path, 'utf8'));
  }
  const topology = file.topology as RegionTopology;
  const data: CatalogueData = {
    regions: regionsOf(topology),
    measures: file.measures as CatalogueData['measures'],
    places: file.places as CatalogueData['places'],
    projects: withAreaOutlines(file.projects as StoredProjectCollection, topology),
    touches: file.touches as CatalogueData['touches'],
    status: file.status as CatalogueData['status'],
  };
  return new Catalogue(data);
}

/** The projects' notes and sources (public/data/details.json), which the app loads after its first view. */
export function readDetails(root = repoRoot): DetailsFile {
  const rel = 'public/data/details.json';
  const path = join(root, rel);
  if (!existsSync(path)) throw new Error(`${rel} is missing: run \`npm run prepare-data\` first`);
  return JSON.parse(readFileSync(path, 'utf8')) as DetailsFile;
}

/**
 * Reads the authored YAML files and validates each entry, so that an error names the file,
 * the entry's id and the field.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { OSM_RAILWAYS, type VendorCollection } from './alignment.ts';
import { Alignment, Measure, Place, Project, ProjectStatus, RegionGroup } from './schema.ts';

/** Vendored extracts (geo/vendor/…) belong to the code, wherever the data directory is. */
const CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export class CatalogueError extends Error {}

export interface Sourced<T> {
  value: T;
  file: string;
}

export interface CatalogueSources {
  measures: Sourced<Measure>[];
  places: Sourced<Place>[];
  groups: Sourced<RegionGroup>[];
  projects: Sourced<Project>[];
  /** Present status research (data/status/*.yaml), one entry per project at most. */
  statuses: Sourced<ProjectStatus>[];
  /** Where projects' lines really run (data/alignments/*.yaml). */
  alignments: Sourced<Alignment>[];
  /** The vendored extracts the alignments read, by their path from the repository's root. */
  vendor: Map<string, VendorCollection>;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function parseList<S extends z.ZodType>(schema: S, path: string, base: string, problems: string[]): Sourced<z.infer<S>>[] {
  const file = relative(base, path) || path;
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return [];
  }
  if (doc == null) return [];
  if (!Array.isArray(doc)) {
    problems.push(`${file}: expected a YAML list of entries at the top level`);
    return [];
  }
  const out: Sourced<z.infer<S>>[] = [];
  doc.forEach((entry, index) => {
    // Status entries are named by the project they describe.
    const key = entry && typeof entry === 'object' ? ('id' in entry ? 'id' : 'project' in entry ? 'project' : null) : null;
    const id = key ? String((entry as Record<string, unknown>)[key]) : `#${index + 1}`;
    const result = schema.safeParse(entry);
    if (result.success) out.push({ value: result.data, file });
    else
      for (const issue of result.error.issues)
        problems.push(`${file}: ${id}: field ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
  });
  return out;
}

export function loadCatalogueSources(dataDir: string): CatalogueSources {
  const base = join(dataDir, '..');
  const problems: string[] = [];
  const measuresPath = join(dataDir, 'measures.yaml');
  const sources: CatalogueSources = {
    measures: existsSync(measuresPath) ? parseList(Measure, measuresPath, base, problems) : [],
    places: yamlFiles(join(dataDir, 'places')).flatMap((f) => parseList(Place, f, base, problems)),
    groups: yamlFiles(join(dataDir, 'groups')).flatMap((f) => parseList(RegionGroup, f, base, problems)),
    projects: yamlFiles(join(dataDir, 'projects')).flatMap((f) => parseList(Project, f, base, problems)),
    statuses: yamlFiles(join(dataDir, 'status')).flatMap((f) => parseList(ProjectStatus, f, base, problems)),
    alignments: yamlFiles(join(dataDir, 'alignments')).flatMap((f) => parseList(Alignment, f, base, problems)),
    vendor: new Map(),
  };
  // Read each vendored extract the alignments need, once.
  const needed = new Set<string>();
  for (const { value: a } of sources.alignments) {
    if (a.along.osm_rail || a.along.rail_route) needed.add(OSM_RAILWAYS);
    if (a.along.vendored) needed.add(a.along.vendored.file);
  }
  for (const file of [...needed].sort()) {
    const path = join(CODE_ROOT, file);
    if (!existsSync(path)) {
      problems.push(`${file}: missing (an alignment reads it)`);
      continue;
    }
    try {
      const fc = JSON.parse(readFileSync(path, 'utf8')) as VendorCollection;
      if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) problems.push(`${file}: not a GeoJSON FeatureCollection`);
      else sources.vendor.set(file, fc);
    } catch (err) {
      problems.push(`${file}: not valid JSON: ${(err as Error).message}`);
    }
  }
  if (problems.length) throw new CatalogueError(problems.join('\n'));
  return sources;
}

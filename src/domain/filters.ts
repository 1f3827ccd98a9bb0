/**
 * Filters by chapter, theme and stage, applied together to the map, the lists, the counts and
 * the choropleth. An empty set means "no filter on this facet".
 */
import { STAGES, THEMES } from './vocabulary.ts';
import type { ProjectFeature, Stage, Theme } from './types.ts';

export interface Filters {
  chapters: number[];
  themes: Theme[];
  stages: Stage[];
}

export const NO_FILTERS: Filters = { chapters: [], themes: [], stages: [] };

/** The catalogue's themes and stages (data/vocabulary.ts: the lists the schema uses, without zod). */
export const ALL_THEMES: readonly Theme[] = THEMES;
export const ALL_STAGES: readonly Stage[] = STAGES;
export const ALL_CHAPTERS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function isFiltering(f: Filters): boolean {
  return f.chapters.length > 0 || f.themes.length > 0 || f.stages.length > 0;
}

export function projectPasses(p: ProjectFeature, f: Filters): boolean {
  const props = p.properties;
  if (f.themes.length && !f.themes.includes(props.theme)) return false;
  if (f.stages.length && !f.stages.includes(props.stage)) return false;
  if (f.chapters.length && !props.measures.some((m) => f.chapters.includes(Number(m.slice(1).split('.')[0])))) return false;
  return true;
}

export function filterProjects(projects: readonly ProjectFeature[], f: Filters): ProjectFeature[] {
  return isFiltering(f) ? projects.filter((p) => projectPasses(p, f)) : [...projects];
}

/** Adds or removes one value of a facet, keeping the facet in canonical order. */
export function toggleFilter<K extends keyof Filters>(f: Filters, facet: K, value: Filters[K][number]): Filters {
  const cur = f[facet] as Array<Filters[K][number]>;
  const has = cur.includes(value);
  const order = (facet === 'chapters' ? ALL_CHAPTERS : facet === 'themes' ? ALL_THEMES : ALL_STAGES) as readonly unknown[];
  const next = has ? cur.filter((v) => v !== value) : [...cur, value].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ...f, [facet]: next };
}

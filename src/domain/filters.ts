/**
 * Filters by chapter, theme and stage, applied together to the map, the lists, the counts and
 * the choropleth. An empty set means "no filter on this facet".
 */
import type { ProjectFeature, Stage, Theme } from './types.ts';

export interface Filters {
  chapters: number[];
  themes: Theme[];
  stages: Stage[];
}

export const NO_FILTERS: Filters = { chapters: [], themes: [], stages: [] };

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

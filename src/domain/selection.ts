/**
 * What a selection means for the map and the panel: which projects and places to emphasise, how a
 * project touches a region in words, and a region's projects sorted for reading. Pure.
 */
import type { Catalogue, ProjectTouch } from './catalogue.ts';
import { projectPasses, type Filters } from './filters.ts';
import type { ProjectFeature, Touch } from './types.ts';
import type { Selection } from './url-state.ts';

export interface Emphasis {
  projects: Set<string>;
  places: Set<string>;
}

const EMPTY: Emphasis = { projects: new Set(), places: new Set() };

/** Projects (after filters) and places a selection emphasises on the map; empty = nothing dimmed. */
export function emphasisOf(cat: Catalogue, sel: Selection | null, filters: Filters): Emphasis {
  if (!sel) return EMPTY;
  if (sel.kind === 'region') {
    const projects = new Set(cat.projectsTouching(sel.code, (p) => projectPasses(p, filters)).map((t) => t.project.properties.id));
    return { projects: projects.size ? projects : new Set(['__none__']), places: new Set() };
  }
  if (sel.kind === 'project') return cat.project(sel.id) ? { projects: new Set([sel.id]), places: new Set() } : EMPTY;
  const list = cat.projectsOfMeasure(sel.id).filter((p) => projectPasses(p, filters));
  const places = new Set<string>();
  for (const p of list) for (const id of p.properties.places) places.add(id);
  return { projects: list.length ? new Set(list.map((p) => p.properties.id)) : new Set(['__none__']), places };
}

/** How a project touches a region, in one word: the plan names it, or the geometry crosses, covers, overlaps or contains. */
export type Relation = 'named' | 'crosses' | 'covers' | 'overlaps' | 'lies_in';

/** The relations of one touch, the plan's own naming first. */
export function relationsOf(t: Touch): Relation[] {
  const out: Relation[] = [];
  if (t.named) out.push('named');
  if (t.spatial === 'contains') out.push('lies_in');
  else if (t.spatial) out.push(t.spatial);
  return out;
}

/** A region's projects after filters, and how many there are without the filters. */
export function regionProjects(cat: Catalogue, code: string, filters: Filters): { items: ProjectTouch[]; total: number } {
  const all = cat.projectsTouching(code);
  return { items: all.filter((t) => projectPasses(t.project, filters)), total: all.length };
}

/** Projects at the same gazetteer place as this point project (other than itself). */
export function projectsAtSamePlace(cat: Catalogue, p: ProjectFeature): ProjectFeature[] {
  if (p.properties.geometry_spec !== 'point') return [];
  const at = p.properties.places[0];
  if (!at) return [];
  return cat.allProjects().filter((q) => q !== p && q.properties.geometry_spec === 'point' && q.properties.places[0] === at);
}

/** Bounding box [w, s, e, n] of a project's geometry. */
export function projectBbox(p: ProjectFeature): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else if (Array.isArray(c)) for (const d of c) visit(d);
  };
  visit(p.geometry.coordinates);
  return b;
}

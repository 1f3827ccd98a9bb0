/**
 * What a selection means for the map and the panel: which projects and places to emphasise, how a
 * project touches a region in words, and a region's projects sorted for reading. Pure.
 */
import type { Catalogue, ProjectTouch } from './catalogue.ts';
import { projectPasses, type Filters } from './filters.ts';
import type { ProjectFeature, Touch } from './types.ts';
import type { Selection } from './url-state.ts';

/**
 * What a selection does to the map: nothing (no selection: nothing dimmed), or emphasise some
 * projects and places and dim the rest. A selection may emphasise nothing (a region no project
 * touches after the filters): then everything is dimmed.
 */
export type Emphasis =
  | { kind: 'none' }
  | { kind: 'selection'; projects: ReadonlySet<string>; places: ReadonlySet<string>; highlight: string | null };

export const NO_EMPHASIS: Emphasis = { kind: 'none' };

/** Projects (after filters) and places a selection emphasises on the map. */
export function emphasisOf(cat: Catalogue, sel: Selection | null, filters: Filters): Emphasis {
  if (!sel) return NO_EMPHASIS;
  if (sel.kind === 'region') {
    const projects = new Set(cat.projectsTouching(sel.code, (p) => projectPasses(p, filters)).map((t) => t.project.properties.id));
    return { kind: 'selection', projects, places: new Set(), highlight: null };
  }
  if (sel.kind === 'project') return cat.project(sel.id) ? { kind: 'selection', projects: new Set([sel.id]), places: new Set(), highlight: sel.id } : NO_EMPHASIS;
  const list = cat.projectsOfMeasure(sel.id).filter((p) => projectPasses(p, filters));
  const places = new Set<string>();
  for (const p of list) for (const id of p.properties.places) places.add(id);
  return { kind: 'selection', projects: new Set(list.map((p) => p.properties.id)), places, highlight: null };
}

/** Whether the emphasis dims what it does not name. */
export const dims = (e: Emphasis): boolean => e.kind === 'selection';

/** Whether a project is drawn at full strength (always, when nothing is selected). */
export const isEmphasised = (e: Emphasis, id: string): boolean => e.kind === 'none' || e.projects.has(id);

/** Whether one of the ids is emphasised by a selection (false when nothing is selected). */
export const selects = (e: Emphasis, ids: readonly string[]): boolean => e.kind === 'selection' && ids.some((id) => e.projects.has(id));

/** The projects a selection emphasises (empty without one). */
export const emphasisedProjects = (e: Emphasis): ReadonlySet<string> => (e.kind === 'selection' ? e.projects : EMPTY_SET);
/** The places a selection emphasises (empty without one). */
export const emphasisedPlaces = (e: Emphasis): ReadonlySet<string> => (e.kind === 'selection' ? e.places : EMPTY_SET);
const EMPTY_SET: ReadonlySet<string> = new Set();

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

/**
 * How the map styles projects: by the plan's own stage (plan mode), or by their present status
 * (now mode), at the latest known date or at a timeline date. Pure: the themes draw what this says.
 */
import type { Catalogue } from './catalogue.ts';
import { stageClass, type StageClass } from './stages.ts';
import { displayClass, type DisplayClass } from './status.ts';
import type { PartialDate, ProjectFeature } from './types.ts';
import type { AtlasMode } from './url-state.ts';

export type Lens = { mode: 'plan' } | { mode: 'now'; date: PartialDate | null };

export const PLAN_LENS: Lens = { mode: 'plan' };

export function lensOf(mode: AtlasMode, date: string | null): Lens {
  return mode === 'now' ? { mode: 'now', date: (date as PartialDate | null) ?? null } : PLAN_LENS;
}

/** A key that changes exactly when the lens does (memo keys). */
export function lensKey(lens: Lens): string {
  return lens.mode === 'plan' ? 'plan' : `now@${lens.date ?? ''}`;
}

/** What a project is drawn as: its stage class in plan mode, its status class in now mode. */
export type ProjectClass = { kind: 'stage'; cls: StageClass } | { kind: 'status'; cls: DisplayClass };

export function projectClass(p: ProjectFeature, lens: Lens, cat: Catalogue): ProjectClass {
  if (lens.mode === 'plan') return { kind: 'stage', cls: stageClass(p.properties.stage) };
  const id = p.properties.id;
  const status = lens.date ? cat.statuses.statusAt(id, lens.date as PartialDate).status : cat.statuses.statusOf(id);
  return { kind: 'status', cls: displayClass(status) };
}

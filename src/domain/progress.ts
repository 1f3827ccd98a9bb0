/**
 * Progress of a group of projects (a region's, a measure's, a league's on a progress slide): how
 * many are in operation, under construction, not started, unknown … now or at a timeline date.
 * Pure. The statuses come from StatusIndex (status.ts); unknown stays unknown, never "not started".
 *
 * - `statusReader(index, date)`: a project's status now (date null) or at the timeline's date.
 * - `tallyOf(statuses)` → Tally: counts by the map's display classes (DISPLAY_CLASSES).
 * - `measureTallies(projects, statusOf)`: a tally per measure of the outline, each project counted
 *   once under every measure it carries out and under their parents.
 * - `PROGRESS_GROUPS`, `progressGroupOf(status)`: the groups a region's list filters by.
 * - `statusDateText(date, lang)`: "the end of 2018" / "2018年底", the date a status holds at.
 */
import { displayClass, DISPLAY_CLASSES, type DisplayClass, type StatusIndex, type TimelineStatus } from './status.ts';
import type { PartialDate } from './types.ts';
import type { Lang } from './url-state.ts';

export type StatusOf = (projectId: string) => TimelineStatus;

/** A project's status now (date null: its current status) or at a timeline date. */
export function statusReader(index: StatusIndex, date: PartialDate | string | null): StatusOf {
  if (!date) return (id) => index.statusOf(id);
  return (id) => index.statusAt(id, date as PartialDate).status;
}

export interface Tally {
  total: number;
  byClass: Record<DisplayClass, number>;
}

export function emptyTally(): Tally {
  return { total: 0, byClass: Object.fromEntries(DISPLAY_CLASSES.map((c) => [c, 0])) as Record<DisplayClass, number> };
}

export function addTo(tally: Tally, status: TimelineStatus): void {
  tally.byClass[displayClass(status)]++;
  tally.total++;
}

/** Counts by display class: in operation, partly, under construction, planned (not started), cancelled, unknown. */
export function tallyOf(statuses: Iterable<TimelineStatus>): Tally {
  const t = emptyTally();
  for (const s of statuses) addTo(t, s);
  return t;
}

/** The measure ids a project counts under: each measure it carries out and all their parents. */
export function measureAncestry(measures: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const mid of measures) {
    const parts = mid.split('.');
    for (let i = 1; i <= parts.length; i++) seen.add(parts.slice(0, i).join('.'));
  }
  return seen;
}

/** A tally per measure id (chapters, sections, items), each project counted once per measure. */
export function measureTallies(projects: Iterable<{ id: string; measures: readonly string[] }>, statusOf: StatusOf): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const p of projects) {
    const status = statusOf(p.id);
    for (const id of measureAncestry(p.measures)) {
      let t = out.get(id);
      if (!t) out.set(id, (t = emptyTally()));
      addTo(t, status);
    }
  }
  return out;
}

/**
 * What a list of projects can be filtered to. `planned` gathers what has not started (not started,
 * preparatory, or at a past date not yet started or open); `unknown` is its own group.
 */
export const PROGRESS_GROUPS = DISPLAY_CLASSES;
export type ProgressGroup = DisplayClass;
export const progressGroupOf = (s: TimelineStatus): ProgressGroup => displayClass(s);

/** The date a status holds at, in words: '2018' → "the end of 2018" / "2018年底", '2018-06' → "the end of June 2018", a day as is. */
export function statusDateText(date: PartialDate | string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  if (d) return lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
  if (m) return lang === 'zh' ? `${y}年${Number(m)}月底` : `the end of ${MONTHS[Number(m) - 1]} ${y}`;
  return lang === 'zh' ? `${y}年底` : `the end of ${y}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

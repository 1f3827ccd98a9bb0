/**
 * Present status of the plan's projects: what has happened since the plan, from sourced research
 * (data/status/*.yaml → public/data/status.json), kept apart from the plan's own words. Pure logic
 * shared by the map (now-mode), the timeline, the panels, the exports and the CLI.
 *
 * API
 * - Dates: `PartialDate` is 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'. `isPartialDate(s)` (a real calendar
 *   date), `dateStart(d)` / `dateEnd(d)` (first / last day of its period, as 'YYYY-MM-DD', which
 *   compare as strings).
 * - `new StatusIndex(file?)`: the compiled file in memory (`catalogue.statuses` carries one).
 *   `statusOf(id)` → Status ('unknown' for a project nobody researched); `entry(id)` → the
 *   ProjectStatus or undefined; `researched(id)`; `statusAt(id, date)`; `progressOf(ids, date?)`;
 *   `entries()`; `asOf` (the data's "now", the newest as_of).
 * - `statusAt(entry, date)` → StatusAt: what the entry's dates prove at a timeline date (rule below).
 * - `progressOf(statuses)` → Progress: counts by status.
 * - `displayClass(status)` → DisplayClass, the map's six classes (`DISPLAY_CLASSES`).
 * - `PLAN_YEAR`, `planTimeline(measures, asOf)` → { start, end, targets, now, years }.
 * - `STATUS_COLUMNS`, `statusColumns(entry)`: the status columns of CSV / GeoJSON downloads.
 * - `statusCoverage(projects, index, themes)`: how many projects per theme have a sourced status.
 * - `today()`: the date the code runs, 'YYYY-MM-DD' (the schema's "as_of not in the future").
 *
 * The timeline rule (statusAt). A date D stands for the end of its period ('2019' = by 2019-12-31,
 * '2019-12' = by 2019-12-31). A milestone (started, opened, a section opened) counts as reached by D
 * only when its whole period has passed: dateEnd(milestone) ≤ dateEnd(D). So an opening dated '2019'
 * counts from '2019' or '2019-12' on, not at '2019-06'; one dated '2019-12-30' counts from '2019-12'
 * on. It counts as not yet reached when its period begins after D; in between, it may or may not have
 * happened. A milestone without a date follows from the current status: a project now in operation
 * opened at some unknown date (maybe reached); a project now under construction, preparatory, not
 * started or cancelled has not opened; one now preparatory or not started has not started; nothing
 * opens before it starts, so a start after D rules out an undated opening (of the project, or of a
 * section: a section does not start before its project).
 * Then, for D before as_of:
 *   opened reached                     → in_operation
 *   else some section's opening reached → partly_in_operation (`sections` lists them)
 *   else started reached (the project's or a section's) → under_construction
 *   else no opening reached or possible → not_yet (not open at D, not known to be started)
 *   else                                 → unknown (the dates cannot tell)
 * So an entry without dates is `unknown` before as_of when it may have opened meanwhile (now in
 * operation, or unknown), and `not_yet` when its status says it has not started (preparatory).
 * `atLeast` is true when the project may have been further along than `status` (a later milestone
 * has no date, or its date's period spans D's end): the status is what the dates prove, never more.
 * From as_of on (dateEnd(D) ≥ dateEnd(as_of)) the answer is the entry's current status, basis
 * 'as_of'; beyond as_of that is the latest we know, not a forecast. A project with no entry is
 * `unknown` at every date, basis 'none'.
 */
import type { DetailsFile, Measure, PartialDate, ProjectStatus, Status, StatusEvidence, StatusFile, Theme } from './types.ts';
import { STATUSES } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Dates

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' naming a real calendar day / month / year. */
export function isPartialDate(s: unknown): s is PartialDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] == null) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] == null) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

function parts(d: PartialDate): [number, number | undefined, number | undefined] {
  const m = DATE_RE.exec(d);
  if (!m || !isPartialDate(d)) throw new Error(`not a date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': ${JSON.stringify(d)}`);
  return [Number(m[1]), m[2] != null ? Number(m[2]) : undefined, m[3] != null ? Number(m[3]) : undefined];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the date's period: '2019' → '2019-01-01'. */
export function dateStart(d: PartialDate): string {
  const [y, m, day] = parts(d);
  return `${y}-${pad(m ?? 1)}-${pad(day ?? 1)}`;
}

/** The last day of the date's period: '2019' → '2019-12-31', '2020-02' → '2020-02-29'. */
export function dateEnd(d: PartialDate): string {
  const [y, m, day] = parts(d);
  const month = m ?? 12;
  return `${y}-${pad(month)}-${pad(day ?? daysInMonth(y, month))}`;
}

/** Today as 'YYYY-MM-DD' (UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Status at a timeline date

/** A status at a date of the timeline: a Status, or `not_yet` (not started or open at that date). */
export type TimelineStatus = Status | 'not_yet';

export const TIMELINE_STATUSES = [...STATUSES, 'not_yet'] as const satisfies readonly TimelineStatus[];

export interface StatusAt {
  status: TimelineStatus;
  /** Indices of the entry's sections in operation at the date (proven by their dates, or, from as_of on, those now in operation). */
  sections: number[];
  /** The project may have been further along than `status` (see the rule at the top of this file). */
  atLeast: boolean;
  /** 'dates': worked out from the entry's dates; 'as_of': the entry's current status; 'none': no entry. */
  basis: 'dates' | 'as_of' | 'none';
}

type Reach = 'yes' | 'no' | 'maybe';

/** Statuses that mean "open" (for a section: at least partly). */
const OPEN: ReadonlySet<Status> = new Set(['in_operation', 'partly_in_operation']);
/** Current statuses that mean "has not started". */
const NOT_STARTED: ReadonlySet<Status> = new Set(['preparatory', 'not_started']);

function reach(date: PartialDate | undefined, ifMissing: Reach, at: string): Reach {
  if (date == null) return ifMissing;
  if (dateEnd(date) <= at) return 'yes';
  if (dateStart(date) > at) return 'no';
  return 'maybe';
}

/** Without an opening date: open now (or unknown) → it opened at some date we do not know. */
const openedIfMissing = (s: Status, whole: boolean): Reach =>
  s === 'unknown' || s === 'in_operation' || (!whole && s === 'partly_in_operation') ? 'maybe' : 'no';
const startedIfMissing = (s: Status): Reach => (NOT_STARTED.has(s) ? 'no' : 'maybe');

/** What was true of the project at a timeline date ('YYYY' or 'YYYY-MM'; a full date works too). */
export function statusAt(entry: ProjectStatus | undefined, date: PartialDate): StatusAt {
  const at = dateEnd(date);
  if (!entry) return { status: 'unknown', sections: [], atLeast: false, basis: 'none' };
  const sections = entry.sections ?? [];
  if (at >= dateEnd(entry.as_of)) {
    return {
      status: entry.status,
      sections: sections.flatMap((s, i) => (OPEN.has(s.status) ? [i] : [])),
      atLeast: false,
      basis: 'as_of',
    };
  }
  const started = reach(entry.started, startedIfMissing(entry.status), at);
  // Nothing opens before it starts: a start after D rules out an undated opening.
  const opened = started === 'no' && !entry.opened ? 'no' : reach(entry.opened, openedIfMissing(entry.status, true), at);
  if (opened === 'yes')
    return { status: 'in_operation', sections: sections.flatMap((s, i) => (OPEN.has(s.status) ? [i] : [])), atLeast: false, basis: 'dates' };

  // A section does not start before the project it belongs to.
  const secStarted = sections.map((s) => reach(s.started, started === 'no' ? 'no' : startedIfMissing(s.status), at));
  const secOpened = sections.map((s, i) =>
    secStarted[i] === 'no' && !s.opened ? 'no' : reach(s.opened, openedIfMissing(s.status, false), at),
  );
  const open = secOpened.flatMap((r, i) => (r === 'yes' ? [i] : []));
  const furtherMayBeOpen = opened === 'maybe' || secOpened.some((r) => r === 'maybe');
  if (open.length) return { status: 'partly_in_operation', sections: open, atLeast: furtherMayBeOpen, basis: 'dates' };

  if (started === 'yes' || secStarted.includes('yes'))
    return { status: 'under_construction', sections: [], atLeast: furtherMayBeOpen, basis: 'dates' };
  if (!furtherMayBeOpen)
    return { status: 'not_yet', sections: [], atLeast: started === 'maybe' || secStarted.includes('maybe'), basis: 'dates' };
  return { status: 'unknown', sections: [], atLeast: false, basis: 'dates' };
}

// ---------------------------------------------------------------------------------------------
// Counting

export interface Progress {
  /** Projects counted. */
  total: number;
  /** Of those, projects with a status entry (researched, even if the answer was unknown). */
  researched: number;
  byStatus: Record<TimelineStatus, number>;
}

function emptyCounts(): Record<TimelineStatus, number> {
  return Object.fromEntries(TIMELINE_STATUSES.map((s) => [s, 0])) as Record<TimelineStatus, number>;
}

/** Counts by status, e.g. "N of M projects touching this region are in operation". */
export function progressOf(statuses: Iterable<TimelineStatus>, researched = 0): Progress {
  const byStatus = emptyCounts();
  let total = 0;
  for (const s of statuses) {
    byStatus[s]++;
    total++;
  }
  return { total, researched, byStatus };
}

// ---------------------------------------------------------------------------------------------
// The index

/** The compiled status file in memory. Every project id has a status: `unknown` without an entry. */
export class StatusIndex {
  private readonly byProject: Map<string, ProjectStatus>;
  /** The data's "now": the newest as_of of all entries (undefined without any entry). */
  readonly asOf: PartialDate | undefined;

  constructor(file?: StatusFile) {
    this.byProject = new Map(Object.entries(file?.byProject ?? {}));
    this.asOf = file?.as_of_max ?? undefined;
  }

  /** The project's present status; `unknown` when nobody researched it. */
  statusOf(projectId: string): Status {
    return this.byProject.get(projectId)?.status ?? 'unknown';
  }

  /** The researched entry (status, dates, sections, sources, note), or undefined. */
  entry(projectId: string): ProjectStatus | undefined {
    return this.byProject.get(projectId);
  }

  /** Whether the project has an entry (a researched `unknown` says which queries were tried). */
  researched(projectId: string): boolean {
    return this.byProject.has(projectId);
  }

  /** The project's status at a timeline date (see statusAt). */
  statusAt(projectId: string, date: PartialDate): StatusAt {
    return statusAt(this.byProject.get(projectId), date);
  }

  /** Counts by status of these projects, now or at a timeline date. */
  progressOf(projectIds: Iterable<string>, date?: PartialDate): Progress {
    const ids = [...projectIds];
    const statuses = ids.map((id) => (date ? this.statusAt(id, date).status : this.statusOf(id)));
    return progressOf(statuses, ids.filter((id) => this.byProject.has(id)).length);
  }

  entries(): ProjectStatus[] {
    return [...this.byProject.values()];
  }
}

// ---------------------------------------------------------------------------------------------
// Display

/** The map's classes of status. */
export const DISPLAY_CLASSES = ['operating', 'partial', 'building', 'planned', 'cancelled', 'unknown'] as const;
export type DisplayClass = (typeof DISPLAY_CLASSES)[number];

const DISPLAY: Record<TimelineStatus, DisplayClass> = {
  in_operation: 'operating',
  partly_in_operation: 'partial',
  under_construction: 'building',
  preparatory: 'planned',
  not_started: 'planned',
  // At a past date, a project not yet started or open is still only the plan's.
  not_yet: 'planned',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

export function displayClass(status: TimelineStatus): DisplayClass {
  return DISPLAY[status];
}

// ---------------------------------------------------------------------------------------------
// The plan's timeline

/**
 * The plan's year, where the timeline starts. The project takes the plan as of 2016 (README); its
 * text cites the party plenum of October 2016 (十八届六中全会), so it is not earlier, and its first
 * target year, 2020, closes the 十三五 period that began in 2016. The text carries no issue date.
 */
export const PLAN_YEAR = 2016;

export interface PlanTimeline {
  /** First year of the timeline: the plan's. */
  start: number;
  /** Last year: the plan's last target year (2030), or the data's now if later. */
  end: number;
  /** The plan's target years (chapter 2's targets: 2020, 2025, 2030). */
  targets: number[];
  /** The data's now (newest as_of), if any. */
  now: PartialDate | undefined;
  /** Every year from start to end. */
  years: number[];
}

export function planTimeline(measures: readonly Measure[], asOf?: PartialDate): PlanTimeline {
  const targets = [...new Set(measures.flatMap((m) => (m.targets ?? []).map((t) => t.year)))].sort((a, b) => a - b);
  const nowYear = asOf ? Number(dateStart(asOf).slice(0, 4)) : PLAN_YEAR;
  const end = Math.max(PLAN_YEAR, nowYear, ...targets);
  return { start: PLAN_YEAR, end, targets, now: asOf, years: Array.from({ length: end - PLAN_YEAR + 1 }, (_, i) => PLAN_YEAR + i) };
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The status columns of the data downloads and the CLI's CSV. */
export const STATUS_COLUMNS = ['status', 'started', 'opened', 'as_of', 'confidence', 'source_url'] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

/** A project's status columns (the source URL from its evidence); a project without an entry is `unknown` with the rest empty. */
export function statusColumns(entry: ProjectStatus | undefined, evidence: StatusEvidence | undefined): Record<StatusColumn, string | null> {
  return {
    status: entry?.status ?? 'unknown',
    started: entry?.started ?? null,
    opened: entry?.opened ?? null,
    as_of: entry?.as_of ?? null,
    confidence: entry?.confidence ?? null,
    source_url: (entry && evidence?.sources[0]?.url) ?? null,
  };
}

export interface CoverageRow {
  theme: Theme;
  /** Projects of the theme in the catalogue. */
  projects: number;
  /** Projects with a status entry. */
  researched: number;
  /** Projects with a status other than unknown, backed by at least one source. */
  sourced: number;
  byStatus: Record<Status, number>;
}

/** Per theme (themes with at least one entry, in the order given), how far the research reaches. */
export function statusCoverage(projects: readonly { id: string; theme: Theme }[], index: StatusIndex, details: DetailsFile, themes: readonly Theme[]): CoverageRow[] {
  return themes.flatMap((theme) => {
    const ofTheme = projects.filter((p) => p.theme === theme);
    const entries = ofTheme.map((p) => index.entry(p.id)).filter((e): e is ProjectStatus => e != null);
    if (!entries.length) return [];
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const p of ofTheme) byStatus[index.statusOf(p.id)]++;
    return [
      {
        theme,
        projects: ofTheme.length,
        researched: entries.length,
        sourced: entries.filter((e) => e.status !== 'unknown' && (details.byProject[e.project]?.status?.sources.length ?? 0) > 0).length,
        byStatus,
      },
    ];
  });
}

/**
 * The project table's logic: its columns, one row per project with the texts it shows, sorting
 * (Chinese text in pinyin order through Intl.Collator('zh'), stages firmest first, measures in plan
 * order, missing values last either way), filtering (free text over the names, pinyin and id, and
 * one value per facet) and the facets' options. Pure: the labels that need the UI's strings or the
 * map's layers come in through TableLabels.
 */
import { compareMeasureIds, type Catalogue } from './catalogue.ts';
import { STAGE_ORDER } from './stages.ts';
import type { ProjectFeature, RegionProps, Stage } from './types.ts';
import type { Lang } from './url-state.ts';
import { GEOMETRY_PRECISIONS, STATUSES } from './vocabulary.ts';

export const TABLE_COLUMNS = ['name', 'layer', 'measure', 'stage', 'status', 'regions', 'km', 'precision'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Columns that cannot be hidden: the name says which project a row is. */
export const FIXED_COLUMNS: readonly TableColumn[] = ['name'];

/** Columns with a select filter, and the row field each filters on. */
export const FACETS = ['layer', 'stage', 'status'] as const;
export type Facet = (typeof FACETS)[number];

/** A project's present status, as a status source (e.g. src/domain/status.ts) answers it. */
export interface ProjectStatusInfo {
  status: string;
  /** When it opened or went into operation, as the source gives it (a year or a date). */
  opened?: string | undefined;
}
export type StatusOf = (id: string) => ProjectStatusInfo | undefined;

/** The labels the domain cannot make itself (UI strings, the map's layers), in the table's language. */
export interface TableLabels {
  /** The layer that draws the project (src/map/themes) and its name. */
  layer(p: ProjectFeature): { id: string; label: string };
  /** A measure's heading (item, section or chapter), without its number. */
  measure(id: string): string;
  stage(stage: Stage): string;
  precision(precision: string): string;
  status(status: string): string;
}

export interface TableRow {
  id: string;
  name: string;
  /** Lower-case text the filter box searches: both names, pinyin, initials, aliases, id. */
  search: string;
  layer: string;
  layerLabel: string;
  measures: string[];
  measureLabel: string;
  stage: Stage;
  stageVerb: string;
  stageLabel: string;
  status: string | null;
  statusLabel: string;
  opened: string | null;
  /** Codes of the leagues and cities touched (prefecture level; a province without prefectures stands for itself). */
  regionCodes: string[];
  regions: string[];
  km: number | null;
  precision: string;
  precisionLabel: string;
}

export type SortDir = 'asc' | 'desc';
export interface TableSort {
  column: TableColumn;
  dir: SortDir;
}
export const DEFAULT_SORT: TableSort = { column: 'measure', dir: 'asc' };

export interface TableFilter {
  text: string;
  layer: string | null;
  stage: Stage | null;
  status: string | null;
}
export const NO_TABLE_FILTER: TableFilter = { text: '', layer: null, stage: null, status: null };

/** c4.s2.i1 → 4.2.1: the measure's place in the plan, short. */
export function measureCode(id: string): string {
  return (id.match(/\d+/g) ?? []).join('.');
}

export { compareMeasureIds };

/**
 * The leagues and cities a project touches: prefecture-level regions, and provinces that have no
 * prefectures in the data (Beijing, Tianjin), ordered by code.
 */
export function leaguesTouched(cat: Catalogue, id: string): RegionProps[] {
  return cat
    .regionsTouchedBy(id)
    .map((r) => r.region)
    .filter((r) => r.level === 'prefecture' || (r.level === 'province' && cat.regions.children(r.code).length === 0))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const collators = new Map<Lang, Intl.Collator>();
/** Chinese in pinyin order ('zh'), numbers by value (9 before 10), quotation marks ignored (“倒A”型 under d). */
export function collatorFor(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'zh' ? 'zh' : 'en', { numeric: true, sensitivity: 'base', ignorePunctuation: true })));
  return c;
}

export function buildRows(cat: Catalogue, projects: readonly ProjectFeature[], lang: Lang, labels: TableLabels, statusOf?: StatusOf): TableRow[] {
  const sep = lang === 'zh' ? '、' : ', ';
  return projects.map((p) => {
    const pr = p.properties;
    const layer = labels.layer(p);
    const measures = [...pr.measures].sort(compareMeasureIds);
    const status = statusOf?.(pr.id);
    const leagues = leaguesTouched(cat, pr.id);
    return {
      id: pr.id,
      name: lang === 'zh' ? pr.name_zh : pr.name_en,
      search: [pr.name_zh, pr.name_en, pr.pinyin, pr.initials, pr.id].join('\u0001').toLowerCase(),
      layer: layer.id,
      layerLabel: layer.label,
      measures,
      measureLabel: measures.map((m) => `${measureCode(m)} ${labels.measure(m)}`).join(sep),
      stage: pr.stage,
      stageVerb: pr.stage_verb,
      stageLabel: labels.stage(pr.stage),
      status: status?.status ?? null,
      statusLabel: status ? labels.status(status.status) : '',
      opened: status?.opened ?? null,
      regionCodes: leagues.map((r) => r.code),
      regions: leagues.map((r) => (lang === 'zh' ? r.name_zh : r.name_en)),
      km: pr.km ?? null,
      precision: pr.precision,
      precisionLabel: labels.precision(pr.precision),
    };
  });
}

/** The text a cell shows (and the CSV / XLSX writes, except km, which stays a number there). */
export function cellText(row: TableRow, column: TableColumn, lang: Lang): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'layer':
      return row.layerLabel;
    case 'measure':
      return row.measureLabel;
    case 'stage':
      if (lang === 'zh') return row.stageVerb === row.stageLabel ? row.stageVerb : `${row.stageVerb}（${row.stageLabel}）`;
      return `${row.stageVerb} · ${row.stageLabel}`;
    case 'status':
      if (!row.status) return '';
      return row.opened ? `${row.statusLabel} (${row.opened})` : row.statusLabel;
    case 'regions':
      return row.regions.join(lang === 'zh' ? '、' : ', ');
    case 'km':
      return row.km == null ? '' : String(Math.round(row.km));
    case 'precision':
      return row.precisionLabel;
  }
}

/** A cell's value for a spreadsheet: km as a number, everything else as its text; null when empty. */
export function cellValue(row: TableRow, column: TableColumn, lang: Lang): string | number | null {
  if (column === 'km') return row.km == null ? null : Math.round(row.km);
  const text = cellText(row, column, lang);
  return text === '' ? null : text;
}

const rank = (order: readonly string[], v: string) => {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
};

/**
 * Compares two rows on one column, ascending; `undefined` means one of them has no value there
 * (the caller puts it last whatever the direction).
 */
function compareOn(a: TableRow, b: TableRow, column: TableColumn, coll: Intl.Collator): number | undefined {
  switch (column) {
    case 'name':
      return coll.compare(a.name, b.name);
    case 'layer':
      return coll.compare(a.layerLabel, b.layerLabel);
    case 'measure':
      return compareMeasureIds(a.measures[0] ?? '', b.measures[0] ?? '') || coll.compare(a.measureLabel, b.measureLabel);
    case 'stage':
      return rank(STAGE_ORDER, a.stage) - rank(STAGE_ORDER, b.stage) || coll.compare(a.stageVerb, b.stageVerb);
    case 'status':
      if (a.status == null || b.status == null) return undefined;
      return rank(STATUSES, a.status) - rank(STATUSES, b.status) || coll.compare(a.status, b.status) || coll.compare(a.opened ?? '', b.opened ?? '');
    case 'regions':
      if (a.regions.length === 0 || b.regions.length === 0) return undefined;
      return coll.compare(a.regions.join(','), b.regions.join(','));
    case 'km':
      if (a.km == null || b.km == null) return undefined;
      return a.km - b.km;
    case 'precision':
      return rank(GEOMETRY_PRECISIONS, a.precision) - rank(GEOMETRY_PRECISIONS, b.precision) || coll.compare(a.precision, b.precision);
  }
}

function hasValue(row: TableRow, column: TableColumn): boolean {
  if (column === 'status') return row.status != null;
  if (column === 'km') return row.km != null;
  if (column === 'regions') return row.regions.length > 0;
  return true;
}

/** Sorted copy: by the column, missing values last in both directions, then by name and id (stable, total). */
export function sortRows(rows: readonly TableRow[], sort: TableSort, lang: Lang): TableRow[] {
  const coll = collatorFor(lang);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ha = hasValue(a, sort.column);
    const hb = hasValue(b, sort.column);
    if (ha !== hb) return ha ? -1 : 1;
    const d = ha ? (compareOn(a, b, sort.column, coll) ?? 0) : 0;
    if (d !== 0) return sign * d;
    return coll.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** Words of the filter box, each of which must occur in a row's names, pinyin, initials or id. */
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/\s+/u).filter(Boolean);
}

export function rowPasses(row: TableRow, filter: TableFilter, ws: readonly string[] = words(filter.text)): boolean {
  if (filter.layer != null && row.layer !== filter.layer) return false;
  if (filter.stage != null && row.stage !== filter.stage) return false;
  if (filter.status != null && row.status !== filter.status) return false;
  return ws.every((w) => row.search.includes(w));
}

export function filterRows(rows: readonly TableRow[], filter: TableFilter): TableRow[] {
  const ws = words(filter.text);
  return rows.filter((r) => rowPasses(r, filter, ws));
}

export function isTableFiltering(f: TableFilter): boolean {
  return words(f.text).length > 0 || f.layer != null || f.stage != null || f.status != null;
}

/** What the table shows: the rows that pass the filter, sorted. */
export function tableModel(rows: readonly TableRow[], filter: TableFilter, sort: TableSort, lang: Lang): TableRow[] {
  return sortRows(filterRows(rows, filter), sort, lang);
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/**
 * The values a facet's select offers: those present in the rows, each with how many rows have it,
 * in the facet's own order (stages firmest first, statuses from in operation to unknown, layers by name).
 */
export function facetOptions(rows: readonly TableRow[], facet: Facet, lang: Lang): FacetOption[] {
  const byValue = new Map<string, FacetOption>();
  for (const r of rows) {
    const value = facet === 'layer' ? r.layer : facet === 'stage' ? r.stage : r.status;
    if (value == null) continue;
    const label = facet === 'layer' ? r.layerLabel : facet === 'stage' ? r.stageLabel : r.statusLabel;
    const o = byValue.get(value) ?? { value, label, count: 0 };
    o.count++;
    byValue.set(value, o);
  }
  const coll = collatorFor(lang);
  const order = facet === 'stage' ? STAGE_ORDER : facet === 'status' ? STATUSES : null;
  return [...byValue.values()].sort((a, b) => (order ? rank(order, a.value) - rank(order, b.value) : 0) || coll.compare(a.label, b.label));
}

/** Clicking a header: the same column flips its direction; another starts ascending (km: longest first). */
export function nextSort(current: TableSort, column: TableColumn): TableSort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { column, dir: column === 'km' ? 'desc' : 'asc' };
}

/** The columns to offer: status only when there is a status source. */
export function availableColumns(hasStatus: boolean): TableColumn[] {
  return TABLE_COLUMNS.filter((c) => c !== 'status' || hasStatus);
}

/** Shown columns in table order, the fixed ones always included. */
export function shownColumns(available: readonly TableColumn[], hidden: ReadonlySet<TableColumn>): TableColumn[] {
  return available.filter((c) => FIXED_COLUMNS.includes(c) || !hidden.has(c));
}

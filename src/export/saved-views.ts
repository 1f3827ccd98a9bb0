/**
 * Saved views: named atlas states (selection, layers, filters, choropleth, language and view), kept
 * in the browser's localStorage and exported / imported as a JSON file. A view is stored as the
 * atlas's own link (`?…#map=…`, src/domain/url-state.ts) plus the bounds that were on screen, so a
 * saved view means exactly what a shared link means.
 *
 * Imports are checked whole before anything is kept: a bad file is refused with the reasons and
 * the saved views stay as they were. Pure, except `browserStore` (localStorage).
 */
import { IMPORT_LIMITS, jsonErrorAt, tooDeepAt } from '../domain/import.ts';
import { decodeLink, encodeUrlState, type AppState } from '../domain/url-state.ts';
import { parseRefs, type UserLayerRef } from '../domain/user-layers.ts';
import type { Bounds } from './scene.ts';

export interface SavedView {
  id: string;
  name: string;
  /** The atlas link of the state (query and hash). */
  link: string;
  /** What was on screen (the map area beside the panel): the frame exports and presentations show. */
  bounds: Bounds;
  savedAt: string;
  /**
   * The user's imported layers that were on (version 2). Absent in version 1 files: opening such a
   * view leaves the imported layers as they are. Imported layers are not in the link: they live in
   * this browser only.
   */
  imported?: UserLayerRef[];
}

export interface SavedViewsFile {
  format: 'plan-atlas-views';
  /** 2 added `imported` to views; files of version 1 are still read. */
  version: 1 | 2;
  exportedAt?: string;
  views: SavedView[];
}

export const FILE_FORMAT = 'plan-atlas-views';
export const STORAGE_KEY = 'plan-atlas:saved-views';
export const MAX_VIEWS = 200;
export const MAX_NAME = 120;

export function newId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function makeView(name: string, state: AppState, bounds: Bounds, now = new Date()): SavedView {
  return { id: newId(), name: name.trim().slice(0, MAX_NAME), link: encodeUrlState(state), bounds, savedAt: now.toISOString() };
}

/** The state a saved view carries (its link decoded). */
export function viewState(v: SavedView): AppState {
  return decodeLink(v.link).state;
}

export interface ValidationContext {
  /** Whether an id is known to the atlas (layers, regions, projects, measures); absent = not checked. */
  knownLayer?: (id: string) => boolean;
  knownRegion?: (code: string) => boolean;
  knownProject?: (id: string) => boolean;
  knownMeasure?: (id: string) => boolean;
}

/** What is wrong with a views file; each has a text under `export.views.problem.` in src/i18n/{zh,en}.json. */
export const VIEW_PROBLEM_CODES = [
  'tooLarge', // mb, max (refused before reading)
  'encoding', // the bytes are not text
  'notJson', // line, column, what (import.jsonError.*), near
  'notJsonEnd',
  'tooDeep', // depth, max, line, column
  'notObject',
  'format', // found
  'version', // found
  'viewsNotList',
  'tooManyViews', // count, max
  'viewNotObject',
  'nameMissing',
  'nameTooLong', // max
  'linkMissing',
  'linkParam', // param (notice.params.*), value, reason (notice.reasons.*)
  'noMapView',
  'unknownRegion', // id
  'unknownProject', // id
  'unknownMeasure', // id
  'unknownLayer', // id
  'unknownChoropleth', // id
  'bounds',
  'imported',
] as const;
export type ViewProblemCode = (typeof VIEW_PROBLEM_CODES)[number];

export interface ViewProblem {
  code: ViewProblemCode;
  /** 1-based number of the view in the file; absent for the file as a whole. */
  view?: number;
  params: Record<string, string | number>;
}

export type ImportResult = { ok: true; views: SavedView[] } | { ok: false; problems: ViewProblem[] };

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function checkBounds(b: unknown): b is Bounds {
  if (!Array.isArray(b) || b.length !== 2) return false;
  const [sw, ne] = b as unknown[];
  if (!Array.isArray(sw) || !Array.isArray(ne) || sw.length !== 2 || ne.length !== 2) return false;
  const [w, s] = sw as unknown[];
  const [e, n] = ne as unknown[];
  if (!isNum(w) || !isNum(s) || !isNum(e) || !isNum(n)) return false;
  return w >= -180 && e <= 180 && s >= -85.1 && n <= 85.1 && w < e && s < n;
}

/** A value quoted in a problem: short, whatever it is. */
function quote(x: unknown): string {
  if (typeof x === 'string') return x.length > 40 ? `${x.slice(0, 39)}…` : x;
  if (x === undefined || x === null) return String(x);
  return typeof x === 'object' ? (Array.isArray(x) ? '[…]' : '{…}') : String(x);
}

/**
 * Checks a parsed file. Problems are codes with values (src/ui/export/view-problem-text.ts words
 * them in the UI's language); nothing is accepted unless everything is valid.
 */
export function validateFile(data: unknown, ctx: ValidationContext = {}): ImportResult {
  const problems: ViewProblem[] = [];
  const add = (code: ViewProblemCode, view?: number, params: ViewProblem['params'] = {}) => problems.push({ code, ...(view ? { view } : {}), params });
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problems: [{ code: 'notObject', params: {} }] };
  const f = data as Record<string, unknown>;
  if (f.format !== FILE_FORMAT) add('format', undefined, { found: quote(f.format ?? null) });
  if (f.version !== 1 && f.version !== 2) add('version', undefined, { found: quote(f.version ?? null) });
  if (!Array.isArray(f.views)) {
    add('viewsNotList');
    return { ok: false, problems };
  }
  if (f.views.length > MAX_VIEWS) add('tooManyViews', undefined, { count: f.views.length, max: MAX_VIEWS });
  const views: SavedView[] = [];
  const ids = new Set<string>();
  f.views.forEach((raw, i) => {
    const at = i + 1;
    if (!raw || typeof raw !== 'object') {
      add('viewNotObject', at);
      return;
    }
    const v = raw as Record<string, unknown>;
    const name = typeof v.name === 'string' ? v.name.trim() : '';
    if (!name) add('nameMissing', at);
    else if (name.length > MAX_NAME) add('nameTooLong', at, { max: MAX_NAME });
    if (typeof v.link !== 'string' || v.link.length > 2000) {
      add('linkMissing', at);
      return;
    }
    const decoded = decodeLink(v.link);
    for (const p of decoded.problems) add('linkParam', at, { param: p.param, value: p.value, reason: p.reason });
    const st = decoded.state;
    if (!st.view) add('noMapView', at);
    const sel = st.selection;
    if (sel?.kind === 'region' && ctx.knownRegion && !ctx.knownRegion(sel.code)) add('unknownRegion', at, { id: sel.code });
    if (sel?.kind === 'project' && ctx.knownProject && !ctx.knownProject(sel.id)) add('unknownProject', at, { id: sel.id });
    if (sel?.kind === 'measure' && ctx.knownMeasure && !ctx.knownMeasure(sel.id)) add('unknownMeasure', at, { id: sel.id });
    for (const l of st.layers ?? []) if (ctx.knownLayer && !ctx.knownLayer(l)) add('unknownLayer', at, { id: l });
    if (st.choropleth && st.choropleth !== 'all' && ctx.knownLayer && !ctx.knownLayer(st.choropleth)) add('unknownChoropleth', at, { id: st.choropleth });
    if (!checkBounds(v.bounds)) add('bounds', at);
    let id = typeof v.id === 'string' && /^[\w-]{1,64}$/.test(v.id) ? v.id : newId();
    if (ids.has(id)) id = newId();
    ids.add(id);
    const savedAt = typeof v.savedAt === 'string' && !Number.isNaN(Date.parse(v.savedAt)) ? v.savedAt : new Date().toISOString();
    const imported = v.imported === undefined ? undefined : parseRefs(v.imported);
    if (imported === null) add('imported', at);
    views.push({ id, name, link: v.link, bounds: v.bounds as Bounds, savedAt, ...(imported ? { imported } : {}) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, views };
}

/** Parses and checks the text of a file; never throws, whatever the text. */
export function parseFile(text: string, ctx: ValidationContext = {}): ImportResult {
  const src = text.replace(/^\uFEFF/, '');
  // Nesting is checked first and without recursion: a deep file would exhaust the stack below.
  const deep = tooDeepAt(src);
  if (deep) return { ok: false, problems: [{ code: 'tooDeep', params: { ...deep, max: IMPORT_LIMITS.maxDepth } }] };
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch {
    const at = jsonErrorAt(src);
    return { ok: false, problems: [at ? { code: 'notJson', params: at } : { code: 'notJsonEnd', params: {} }] };
  }
  return validateFile(data, ctx);
}

export function serialise(views: SavedView[], now = new Date()): string {
  const file: SavedViewsFile = { format: FILE_FORMAT, version: 2, exportedAt: now.toISOString(), views };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What importing views did: nothing already saved is replaced or dropped silently. */
export interface MergeReport {
  /** New views, appended. */
  added: number;
  /**
   * Views whose id is already here but whose content differs (e.g. renamed since the file was
   * exported): both are kept, the imported one under a new id and, if its name is taken, a new name.
   */
  keptBoth: { name: string; as: string }[];
  /** Views already here exactly as in the file (same id and content): not added twice. */
  unchanged: number;
  /** Views not added because the list is full (MAX_VIEWS). */
  notAdded: number;
}

/** Whether `have` is `incoming` as an earlier import kept it (its name perhaps made free: "name (2)"). */
function sameContent(have: SavedView, incoming: SavedView): boolean {
  const base = have.name.replace(/ \(\d+\)$/, '');
  // A long name lost its end to make room for the suffix (freeName).
  const suffixed = base !== have.name && (base === incoming.name || (base.length >= MAX_NAME - 8 && incoming.name.startsWith(base)));
  return (
    (have.name === incoming.name || suffixed) &&
    have.link === incoming.link &&
    JSON.stringify(have.bounds) === JSON.stringify(incoming.bounds) &&
    JSON.stringify(have.imported ?? null) === JSON.stringify(incoming.imported ?? null)
  );
}

/** `name`, or `name (2)`, `name (3)` … whichever is not taken. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Imported views appended after the existing ones, which are never replaced: a view identical to one
 * already here is skipped, one that shares an id but differs is kept beside it (new id, and a free
 * name if its own is taken); views past MAX_VIEWS are counted, not dropped silently.
 */
export function mergeViews(existing: SavedView[], incoming: SavedView[], makeId: () => string = newId): { views: SavedView[]; report: MergeReport } {
  const out = [...existing];
  const byId = new Map(existing.map((v) => [v.id, v]));
  const names = new Set(existing.map((v) => v.name));
  const report: MergeReport = { added: 0, keptBoth: [], unchanged: 0, notAdded: 0 };
  for (const v of incoming) {
    const have = byId.get(v.id);
    // Already here, under its id or (kept beside another) under a new one: importing twice adds nothing.
    if ((have && sameContent(have, v)) || (have && out.some((o) => sameContent(o, v)))) {
      report.unchanged++;
      continue;
    }
    if (out.length >= MAX_VIEWS) {
      report.notAdded++;
      continue;
    }
    let add = v;
    if (have) {
      let id = makeId();
      while (byId.has(id)) id = makeId();
      add = { ...v, id, name: freeName(v.name, names) };
      report.keptBoth.push({ name: v.name, as: add.name });
    } else {
      add = { ...v, name: freeName(v.name, names) };
      report.added++;
    }
    out.push(add);
    byId.set(add.id, add);
    names.add(add.name);
  }
  return { views: out, report };
}

export function moveView(views: SavedView[], id: string, delta: number): SavedView[] {
  const i = views.findIndex((v) => v.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= views.length) return views;
  const out = [...views];
  const [v] = out.splice(i, 1);
  out.splice(j, 0, v!);
  return out;
}

export function renameView(views: SavedView[], id: string, name: string): SavedView[] {
  const n = name.trim().slice(0, MAX_NAME);
  if (!n) return views;
  return views.map((v) => (v.id === id ? { ...v, name: n } : v));
}

export function deleteView(views: SavedView[], id: string): SavedView[] {
  return views.filter((v) => v.id !== id);
}

// ---------------------------------------------------------------------------------------------
// Storage

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Why the browser's storage failed: full, refused altogether (disabled, private mode), or else. */
export type StorageProblemKind = 'quota' | 'unavailable' | 'other';
export interface StorageProblem {
  kind: StorageProblemKind;
  /** The browser's own words, for the curious. */
  message: string;
}

/** Classifies an error thrown by localStorage (names differ between browsers: Firefox says NS_ERROR_DOM_QUOTA_REACHED). */
export function storageProblem(e: unknown): StorageProblem {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  const code = e && typeof e === 'object' && 'code' in e ? Number((e as { code: unknown }).code) : NaN;
  const message = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as { message: unknown }).message) : String(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return { kind: 'quota', message };
  if (name === 'SecurityError' || name === 'InvalidAccessError') return { kind: 'unavailable', message };
  return { kind: 'other', message };
}

export interface LoadedViews {
  views: SavedView[];
  /** The stored list could not be read; it was kept aside under `…:damaged` (unless `backupFailed`). */
  damaged: boolean;
  /** Keeping the damaged list aside failed too (it is still under the main key until the next write). */
  backupFailed?: boolean;
  /** The store could not be read at all. */
  readError?: StorageProblem;
}

/**
 * Reads the saved views. Never throws: a damaged entry is kept aside (`…:damaged`) and an empty list
 * returned; a store that cannot be read gives an empty list and the reason.
 */
export function loadViews(store: KeyValueStore): LoadedViews {
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch (e) {
    return { views: [], damaged: false, readError: storageProblem(e) };
  }
  if (!raw) return { views: [], damaged: false };
  const r = parseFile(raw);
  if (r.ok) return { views: r.views, damaged: false };
  try {
    store.setItem(`${STORAGE_KEY}:damaged`, raw);
  } catch {
    return { views: [], damaged: true, backupFailed: true };
  }
  return { views: [], damaged: true };
}

/** Writes the saved views. Returns null when stored, or why the browser refused (never throws). */
export function storeViews(store: KeyValueStore | null, views: SavedView[]): StorageProblem | null {
  if (!store) return { kind: 'unavailable', message: 'localStorage is not available' };
  try {
    store.setItem(STORAGE_KEY, serialise(views));
    return null;
  } catch (e) {
    return storageProblem(e);
  }
}

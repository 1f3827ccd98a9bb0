/**
 * Saved views: named atlas states (selection, layers, filters, choropleth, language and view), kept
 * in the browser's localStorage and exported / imported as a JSON file. A view is stored as the
 * atlas's own link (`?…#map=…`, src/domain/url-state.ts) plus the bounds that were on screen, so a
 * saved view means exactly what a shared link means.
 *
 * Imports are checked whole before anything is kept: a bad file is refused with the reasons and
 * the saved views stay as they were. Pure, except `browserStore` (localStorage).
 */
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

export type ImportResult = { ok: true; views: SavedView[] } | { ok: false; errors: string[] };

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

/**
 * Checks a parsed file. Errors are short English-and-code strings (`view 3: …`) that the dialog shows
 * under a translated heading; nothing is accepted unless everything is valid.
 */
export function validateFile(data: unknown, ctx: ValidationContext = {}): ImportResult {
  const errors: string[] = [];
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, errors: ['not a Plan Atlas views file (expected a JSON object)'] };
  const f = data as Record<string, unknown>;
  if (f.format !== FILE_FORMAT) errors.push(`format: expected "${FILE_FORMAT}", found ${JSON.stringify(f.format ?? null)}`);
  if (f.version !== 1 && f.version !== 2) errors.push(`version: expected 1 or 2, found ${JSON.stringify(f.version ?? null)}`);
  if (!Array.isArray(f.views)) {
    errors.push('views: expected a list');
    return { ok: false, errors };
  }
  if (f.views.length > MAX_VIEWS) errors.push(`views: ${f.views.length} views, at most ${MAX_VIEWS}`);
  const views: SavedView[] = [];
  const ids = new Set<string>();
  f.views.forEach((raw, i) => {
    const at = `view ${i + 1}`;
    if (!raw || typeof raw !== 'object') {
      errors.push(`${at}: not an object`);
      return;
    }
    const v = raw as Record<string, unknown>;
    const name = typeof v.name === 'string' ? v.name.trim() : '';
    if (!name) errors.push(`${at}: name missing`);
    else if (name.length > MAX_NAME) errors.push(`${at}: name longer than ${MAX_NAME} characters`);
    if (typeof v.link !== 'string' || v.link.length > 2000) {
      errors.push(`${at}: link missing`);
      return;
    }
    const decoded = decodeLink(v.link);
    for (const p of decoded.problems) errors.push(`${at}: ${p.param} "${p.value}" ${p.reason}`);
    const st = decoded.state;
    if (!st.view) errors.push(`${at}: link has no map view (#map=zoom/lat/lng)`);
    const sel = st.selection;
    if (sel?.kind === 'region' && ctx.knownRegion && !ctx.knownRegion(sel.code)) errors.push(`${at}: unknown region ${sel.code}`);
    if (sel?.kind === 'project' && ctx.knownProject && !ctx.knownProject(sel.id)) errors.push(`${at}: unknown project ${sel.id}`);
    if (sel?.kind === 'measure' && ctx.knownMeasure && !ctx.knownMeasure(sel.id)) errors.push(`${at}: unknown measure ${sel.id}`);
    for (const l of st.layers ?? []) if (ctx.knownLayer && !ctx.knownLayer(l)) errors.push(`${at}: unknown layer ${l}`);
    if (st.choropleth && st.choropleth !== 'all' && ctx.knownLayer && !ctx.knownLayer(st.choropleth)) errors.push(`${at}: unknown choropleth ${st.choropleth}`);
    if (!checkBounds(v.bounds)) errors.push(`${at}: bounds must be [[west, south], [east, north]] in degrees`);
    let id = typeof v.id === 'string' && /^[\w-]{1,64}$/.test(v.id) ? v.id : newId();
    if (ids.has(id)) id = newId();
    ids.add(id);
    const savedAt = typeof v.savedAt === 'string' && !Number.isNaN(Date.parse(v.savedAt)) ? v.savedAt : new Date().toISOString();
    const imported = v.imported === undefined ? undefined : parseRefs(v.imported);
    if (imported === null) errors.push(`${at}: imported must be a list of {id, name} of imported layers`);
    views.push({ id, name, link: v.link, bounds: v.bounds as Bounds, savedAt, ...(imported ? { imported } : {}) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, views };
}

/** Parses and checks the text of a file. */
export function parseFile(text: string, ctx: ValidationContext = {}): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  return validateFile(data, ctx);
}

export function serialise(views: SavedView[], now = new Date()): string {
  const file: SavedViewsFile = { format: FILE_FORMAT, version: 2, exportedAt: now.toISOString(), views };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Imported views appended after the existing ones; a view whose id is already there replaces it in
 * place (importing the same file twice does not duplicate).
 */
export function mergeViews(existing: SavedView[], incoming: SavedView[]): SavedView[] {
  const byId = new Map(incoming.map((v) => [v.id, v]));
  const out = existing.map((v) => byId.get(v.id) ?? v);
  const have = new Set(existing.map((v) => v.id));
  for (const v of incoming) if (!have.has(v.id)) out.push(v);
  return out.slice(0, MAX_VIEWS);
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

/**
 * What a link carries: the map view, the selection (a region, a project or a measure), the visible
 * layers, the filters, the choropleth and the language.
 *
 *   ?project=rail-baotou-yinchuan-hsr&layers=railways,highways&ch=4&stage=build,study&choro=all&lang=en#map=6.2/40.9/109.84
 *
 * - The view lives in the hash in MapLibre's own format (`hash: 'map'` → `#map=zoom/lat/lng[/bearing[/pitch]]`),
 *   so MapLibre keeps it current while the user pans; this module only reads and validates it.
 * - Everything else lives in the query string:
 *   - `region` (GB/T 2260 code or ISO 3166 alpha-3), `project` (project id) or `measure` (c4.s1.i1):
 *     the selection, at most one;
 *   - `layers`: the visible thematic layers, comma-separated; absent = the default (all);
 *     `layers=none` = none;
 *   - `ch`, `theme`, `stage`: the filters (chapter numbers, catalogue themes, normalised stages);
 *   - `choro`: the choropleth, `all` or a layer id; absent = off;
 *   - `lang`: zh or en;
 *   - `mode`: `now` styles projects by their present status (absent = the plan's own stages);
 *     `date` (YYYY or YYYY-MM, 2016–2030) shows the status at that date on the timeline;
 *   - `para`: the plan-text paragraph the reader shows (c4.s1.i1.p2);
 *   - `corridor`: corridor analysis at this distance in km (1–500) around the selected line or region;
 *   - `embed`: `1` shows the map alone, read-only, for an iframe (absent or `0` = the full atlas).
 *
 * Pure functions: no React, no DOM. Decoding never throws: it returns what is valid and a list of
 * problems (unknown language, malformed code, malformed view …) for the UI to show as a notice.
 * Whether a well-formed id exists (a region, a project, a layer) is the caller's check
 * (`unknownProblem`). Parameters this module does not know are kept untouched when encoding.
 */
import { ALL_CHAPTERS, ALL_STAGES, ALL_THEMES, NO_FILTERS, type Filters } from './filters.ts';
import type { Stage, Theme } from './types.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export type Selection = { kind: 'region'; code: string } | { kind: 'project'; id: string } | { kind: 'measure'; id: string };

export interface UrlState {
  /** GB/T 2260 code (6 digits) or ISO 3166 alpha-3 country code of the selected region; null otherwise. */
  region: string | null;
  /** null when the link does not say (the app then picks its default). */
  lang: Lang | null;
  /** null when the link carries no usable view (the app then frames its default box). */
  view: MapView | null;
}

/** The whole shareable state of the atlas (what links and saved views carry). */
export interface AppState extends UrlState {
  /** The selection; when it is a region, `region` holds the same code. */
  selection: Selection | null;
  /** Visible thematic layer ids in the atlas's order; null = the default (all layers). */
  layers: string[] | null;
  filters: Filters;
  /** Choropleth: 'all' (every project) or a layer id (that layer's projects); null = off. */
  choropleth: string | null;
  /** What projects are styled by: the plan's stage, or their present status. */
  mode: AtlasMode;
  /** With mode `now`: the timeline's date (YYYY or YYYY-MM); null = the latest known status. */
  date: string | null;
  /** The paragraph of the plan's text the reader shows; null = none. */
  paragraph: string | null;
  /** Corridor analysis: the distance in km around the selected line project or region; null or absent = off. */
  corridor?: number | null;
  /**
   * The page is an embed (`embed=1`): the map and its legend alone, read-only. A property of the
   * page rather than of the view (a saved view never turns the atlas into an embed); absent = false.
   */
  embed?: boolean;
}

export type AtlasMode = 'plan' | 'now';
/** Corridor analysis distances, km (src/domain/corridor.ts has the same range). */
export const CORRIDOR_RANGE = [1, 500] as const;
/** The timeline's range: the plan's first year to its last target year. */
export const DATE_RANGE = [2016, 2030] as const;

export type UrlParam = 'region' | 'project' | 'measure' | 'lang' | 'map' | 'layers' | 'ch' | 'theme' | 'stage' | 'choro' | 'mode' | 'date' | 'para' | 'corridor' | 'embed';
export type ProblemReason =
  /** The value does not have the expected shape. */
  | 'malformed'
  /** The value has the right shape but lies outside the allowed range. */
  | 'out_of_range'
  /** The parameter is given more than once; the first value counts. */
  | 'repeated'
  /** Well formed but not known to the atlas (checked by the caller against its data). */
  | 'unknown'
  /** A second selection (e.g. region and project); the first one counts. */
  | 'conflict';

export interface UrlProblem {
  param: UrlParam;
  /** The offending raw value (truncated to 80 characters). */
  value: string;
  reason: ProblemReason;
}

export interface Decoded {
  state: AppState;
  problems: UrlProblem[];
}

export const EMPTY_STATE: AppState = { region: null, lang: null, view: null, selection: null, layers: null, filters: NO_FILTERS, choropleth: null, mode: 'plan', date: null, paragraph: null, corridor: null, embed: false };

const REGION_RE = /^(\d{6}|[A-Z]{3})$/;
const PROJECT_RE = /^[a-z][a-z0-9-]{0,79}$/;
const MEASURE_RE = /^c\d(\.s\d(\.i\d{1,2})?)?$/;
const LAYER_RE = /^[a-z][a-z_]{0,39}$/;
const PARAGRAPH_RE = /^c\d(\.s\d{1,2}(\.i\d{1,2})?)?\.p\d{1,3}$/;
const DATE_RE = /^(\d{4})(-(0[1-9]|1[0-2]))?$/;
const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** MapLibre's default zoom range. */
export const ZOOM_RANGE = [0, 22] as const;
/** MapLibre's pitch range (maxPitch up to 85 in MapLibre 6). */
export const PITCH_RANGE = [0, 85] as const;

const OWNED = new Set<string>(['region', 'project', 'measure', 'lang', 'layers', 'ch', 'theme', 'stage', 'choro', 'mode', 'date', 'para', 'corridor', 'embed']);

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Splits `a=1&b=2` into ordered pairs without URLSearchParams' silent repair of bad escapes. */
function pairs(query: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    out.push([key, value]);
  }
  return out;
}

function stripPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

/** Reads the MapLibre view out of a `map=zoom/lat/lng[/bearing[/pitch]]` value. */
export function decodeView(raw: string): { view: MapView | null; problem: ProblemReason | null } {
  const parts = raw.split('/');
  if (parts.length < 3 || parts.length > 5 || parts.some((p) => !NUMBER_RE.test(p.trim()))) {
    return { view: null, problem: 'malformed' };
  }
  const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map((p) => Number(p.trim())) as [number, number, number, number?, number?];
  if (![zoom, lat, lng, bearing, pitch].every(Number.isFinite)) return { view: null, problem: 'malformed' };
  const ok =
    zoom >= ZOOM_RANGE[0] &&
    zoom <= ZOOM_RANGE[1] &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180 &&
    bearing >= -180 &&
    bearing <= 180 &&
    pitch >= PITCH_RANGE[0] &&
    pitch <= PITCH_RANGE[1];
  if (!ok) return { view: null, problem: 'out_of_range' };
  return { view: { zoom, lat, lng, bearing, pitch }, problem: null };
}

/** A comma-separated list: the values that pass `ok` (deduplicated, in `order` when given), and the rest. */
function list<T extends string | number>(raw: string, parse: (s: string) => T | null, order?: readonly T[]): { values: T[]; bad: string[] } {
  const values: T[] = [];
  const bad: string[] = [];
  for (const part of raw.split(',')) {
    const s = part.trim();
    if (s === '') continue;
    const v = parse(s);
    if (v == null) bad.push(s);
    else if (!values.includes(v)) values.push(v);
  }
  if (order) values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { values, bad };
}

/**
 * Decodes `location.search` and `location.hash` (with or without their leading `?` / `#`).
 * Never throws.
 */
export function decodeUrlState(search: string, hash: string): Decoded {
  const state: AppState = { ...EMPTY_STATE, filters: { chapters: [], themes: [], stages: [] } };
  const problems: UrlProblem[] = [];
  const seen = new Set<string>();
  const problem = (param: UrlParam, value: string, reason: ProblemReason) => problems.push({ param, value: clip(value), reason });

  for (const [key, value] of pairs(stripPrefix(String(search ?? ''), '?'))) {
    if (!OWNED.has(key)) continue;
    const param = key as UrlParam;
    if (seen.has(key)) {
      problem(param, value, 'repeated');
      continue;
    }
    seen.add(key);
    const v = value.trim();
    switch (param) {
      case 'region':
      case 'project':
      case 'measure': {
        if (v === '') break;
        let sel: Selection | null = null;
        if (param === 'region') {
          const code = v.toUpperCase();
          if (REGION_RE.test(code)) sel = { kind: 'region', code };
        } else if (param === 'project') {
          if (PROJECT_RE.test(v)) sel = { kind: 'project', id: v };
        } else if (MEASURE_RE.test(v)) sel = { kind: 'measure', id: v };
        if (!sel) problem(param, value, 'malformed');
        else if (state.selection) problem(param, value, 'conflict');
        else {
          state.selection = sel;
          if (sel.kind === 'region') state.region = sel.code;
        }
        break;
      }
      case 'lang': {
        const lang = v.toLowerCase();
        if (lang === '') break;
        if ((LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
        else problem('lang', value, 'malformed');
        break;
      }
      case 'layers': {
        if (v.toLowerCase() === 'none') {
          state.layers = [];
          break;
        }
        // `none` means "no layers" only on its own; inside a list it is not a layer (and would
        // re-encode as `layers=none`, found by the property test).
        const { values, bad } = list(v, (s) => (LAYER_RE.test(s) && s.toLowerCase() !== 'none' ? s : null));
        for (const b of bad) problem('layers', b, 'malformed');
        if (values.length) state.layers = values;
        else if (v === '') state.layers = [];
        break;
      }
      case 'ch': {
        const { values, bad } = list(v, (s) => (/^\d$/.test(s) && ALL_CHAPTERS.includes(Number(s)) ? Number(s) : null), ALL_CHAPTERS);
        for (const b of bad) problem('ch', b, /^\d+$/.test(b) ? 'out_of_range' : 'malformed');
        state.filters.chapters = values;
        break;
      }
      case 'theme': {
        const { values, bad } = list(v, (s) => ((ALL_THEMES as readonly string[]).includes(s) ? (s as Theme) : null), ALL_THEMES);
        for (const b of bad) problem('theme', b, 'unknown');
        state.filters.themes = values;
        break;
      }
      case 'stage': {
        const { values, bad } = list(v, (s) => ((ALL_STAGES as readonly string[]).includes(s) ? (s as Stage) : null), ALL_STAGES);
        for (const b of bad) problem('stage', b, 'unknown');
        state.filters.stages = values;
        break;
      }
      case 'choro': {
        if (v === '') break;
        if (v === 'all' || LAYER_RE.test(v)) state.choropleth = v;
        else problem('choro', value, 'malformed');
        break;
      }
      case 'mode': {
        if (v === '' || v === 'plan') break;
        if (v === 'now') state.mode = 'now';
        else problem('mode', value, 'malformed');
        break;
      }
      case 'date': {
        if (v === '') break;
        const m = DATE_RE.exec(v);
        if (!m) problem('date', value, 'malformed');
        else if (Number(m[1]) < DATE_RANGE[0] || Number(m[1]) > DATE_RANGE[1]) problem('date', value, 'out_of_range');
        else state.date = v;
        break;
      }
      case 'para': {
        if (v === '') break;
        if (PARAGRAPH_RE.test(v)) state.paragraph = v;
        else problem('para', value, 'malformed');
        break;
      }
      case 'corridor': {
        if (v === '') break;
        const km = NUMBER_RE.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(km)) problem('corridor', value, 'malformed');
        else if (km < CORRIDOR_RANGE[0] || km > CORRIDOR_RANGE[1]) problem('corridor', value, 'out_of_range');
        else state.corridor = km;
        break;
      }
      case 'embed': {
        if (v === '' || v === '0') break;
        if (v === '1') state.embed = true;
        else problem('embed', value, 'malformed');
        break;
      }
      case 'map':
        break;
    }
  }
  // A timeline date is a view of the present status.
  if (state.date) state.mode = 'now';

  for (const [key, value] of pairs(stripPrefix(String(hash ?? ''), '#'))) {
    if (key !== 'map') continue;
    if (seen.has('map')) {
      problem('map', value, 'repeated');
      continue;
    }
    seen.add('map');
    const { view, problem: reason } = decodeView(value);
    if (view) state.view = view;
    else if (reason) problem('map', value, reason);
  }

  return { state, problems };
}

/** The query parameters of a state, in a stable order. `defaultLayers`: the layer list that needs no parameter. */
function stateParams(state: Partial<AppState>, defaultLayers?: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const sel: Selection | null = state.selection ?? (state.region ? { kind: 'region', code: state.region } : null);
  if (sel) out.push(sel.kind === 'region' ? ['region', sel.code] : sel.kind === 'project' ? ['project', sel.id] : ['measure', sel.id]);
  if (state.layers) {
    const same = defaultLayers && state.layers.length === defaultLayers.length && state.layers.every((l, i) => l === defaultLayers[i]);
    if (!same) out.push(['layers', state.layers.length ? state.layers.join(',') : 'none']);
  }
  const f = state.filters;
  if (f?.chapters.length) out.push(['ch', f.chapters.join(',')]);
  if (f?.themes.length) out.push(['theme', f.themes.join(',')]);
  if (f?.stages.length) out.push(['stage', f.stages.join(',')]);
  if (state.choropleth) out.push(['choro', state.choropleth]);
  if (state.mode === 'now' || state.date) out.push(['mode', 'now']);
  if (state.date) out.push(['date', state.date]);
  if (state.paragraph) out.push(['para', state.paragraph]);
  if (state.corridor != null) out.push(['corridor', String(state.corridor)]);
  if (state.lang) out.push(['lang', state.lang]);
  if (state.embed) out.push(['embed', '1']);
  return out;
}

/** A lone UTF-16 surrogate (encodeURIComponent throws on one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Never throws: a lone surrogate in a kept foreign parameter becomes U+FFFD (found by the property test). */
const encodePart = (s: string) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')).replace(/%2C/g, ',');

/**
 * Writes the state's parameters into a query string, keeping every parameter of `previous` that
 * this module does not own. Returns the string with its leading `?`, or '' when nothing is left.
 */
export function encodeSearch(state: Partial<AppState>, previous = '', defaultLayers?: readonly string[]): string {
  const kept = pairs(stripPrefix(previous, '?')).filter(([k]) => !OWNED.has(k));
  const out = [...stateParams(state, defaultLayers), ...kept];
  if (out.length === 0) return '';
  return `?${out.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')}`;
}

/**
 * The same link as an embed (`embed=1`) or as the full atlas (no `embed`): every other part of
 * it (origin, path, the other parameters, the view in the hash) unchanged. For the Views dialog's
 * iframe snippet and the embed's link to the full atlas.
 */
export function linkWithEmbed(link: string, embed: boolean): string {
  const s = String(link ?? '');
  const hashAt = s.indexOf('#');
  const beforeHash = hashAt < 0 ? s : s.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : s.slice(hashAt);
  const q = beforeHash.indexOf('?');
  const base = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const params = pairs(q < 0 ? '' : beforeHash.slice(q + 1)).filter(([k]) => k !== 'embed');
  if (embed) params.push(['embed', '1']);
  const search = params.length ? `?${params.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')}` : '';
  return `${base}${search}${hash}`;
}

/** MapLibre's hash value for a view (the part after `map=`): zoom/lat/lng[/bearing[/pitch]]. */
export function encodeView(view: MapView): string {
  const zoom = Math.round(view.zoom * 100) / 100;
  // MapLibre's precision rule, for a Web Mercator world of 512 px: enough digits for half a pixel.
  const precision = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const m = 10 ** precision;
  let s = `${zoom}/${Math.round(view.lat * m) / m}/${Math.round(view.lng * m) / m}`;
  // Decide on the rounded values: a bearing or pitch that rounds to 0 is left out, so encoding what
  // was decoded gives the same link (found by tests/unit/url-state.property.test.ts).
  const bearing = Math.round(view.bearing * 10) / 10 || 0;
  const pitch = Math.round(view.pitch) || 0;
  if (bearing || pitch) s += `/${bearing}`;
  if (pitch) s += `/${pitch}`;
  return s;
}

/** Builds a full relative link (`?…#map=…`) for a state, keeping unrelated query parameters. */
export function encodeUrlState(state: Partial<AppState>, previousSearch = '', defaultLayers?: readonly string[]): string {
  const search = encodeSearch(state, previousSearch, defaultLayers);
  const hash = state.view ? `#map=${encodeView(state.view)}` : '';
  return `${search}${hash}`;
}

/** The state a link opens (the same as decodeUrlState on its parts). */
export function decodeLink(link: string): Decoded {
  const s = String(link ?? '');
  const hashAt = s.indexOf('#');
  const beforeHash = hashAt < 0 ? s : s.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : s.slice(hashAt + 1);
  const q = beforeHash.indexOf('?');
  return decodeUrlState(q < 0 ? '' : beforeHash.slice(q + 1), hash);
}

/** Whether two states select the same thing (for history: a new selection pushes, the rest replaces). */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  return a.kind === 'region' ? a.code === (b as typeof a).code : a.id === (b as { id: string }).id;
}

/** Marks a well-formed value the atlas does not know (the caller checks it against its data). */
export function unknownProblem(param: UrlParam, value: string): UrlProblem {
  return { param, value: clip(value), reason: 'unknown' };
}

/** Marks a well-formed region code the atlas does not know (the caller checks it against its data). */
export function unknownRegionProblem(code: string): UrlProblem {
  return unknownProblem('region', code);
}

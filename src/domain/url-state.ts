/**
 * What a link carries: the map view, the selected region and the language.
 *
 *   ?region=150200&lang=en#map=6.2/40.9/109.84
 *
 * - The view lives in the hash in MapLibre's own format (`hash: 'map'` → `#map=zoom/lat/lng[/bearing[/pitch]]`),
 *   so MapLibre keeps it current while the user pans; this module only reads and validates it.
 * - The selection (`region`) and the language (`lang`) live in the query string.
 *
 * Pure functions: no React, no DOM. Decoding never throws: it returns what is valid and a list of
 * problems (unknown language, malformed code, malformed view …) for the UI to show as a notice.
 * Parameters this module does not know are kept untouched when encoding, so later issues (layers,
 * filters) can add their own.
 */

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export interface UrlState {
  /** GB/T 2260 code (6 digits) or ISO 3166 alpha-3 country code; null when nothing is selected. */
  region: string | null;
  /** null when the link does not say (the app then picks its default). */
  lang: Lang | null;
  /** null when the link carries no usable view (the app then frames its default box). */
  view: MapView | null;
}

export type UrlParam = 'region' | 'lang' | 'map';
export type ProblemReason =
  /** The value does not have the expected shape. */
  | 'malformed'
  /** The value has the right shape but lies outside the allowed range. */
  | 'out_of_range'
  /** The parameter is given more than once; the first value counts. */
  | 'repeated'
  /** Well formed but not known to the atlas (checked by the caller against its data). */
  | 'unknown';

export interface UrlProblem {
  param: UrlParam;
  /** The offending raw value (truncated to 80 characters). */
  value: string;
  reason: ProblemReason;
}

export interface Decoded {
  state: UrlState;
  problems: UrlProblem[];
}

export const EMPTY_STATE: UrlState = { region: null, lang: null, view: null };

const REGION_RE = /^(\d{6}|[A-Z]{3})$/;
const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** MapLibre's default zoom range. */
export const ZOOM_RANGE = [0, 22] as const;
/** MapLibre's pitch range (maxPitch up to 85 in MapLibre 6). */
export const PITCH_RANGE = [0, 85] as const;

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

/**
 * Decodes `location.search` and `location.hash` (with or without their leading `?` / `#`).
 * Never throws.
 */
export function decodeUrlState(search: string, hash: string): Decoded {
  const state: UrlState = { ...EMPTY_STATE };
  const problems: UrlProblem[] = [];
  const seen = new Set<string>();

  for (const [key, value] of pairs(stripPrefix(String(search ?? ''), '?'))) {
    if (key !== 'region' && key !== 'lang') continue;
    if (seen.has(key)) {
      problems.push({ param: key, value: clip(value), reason: 'repeated' });
      continue;
    }
    seen.add(key);
    const v = value.trim();
    if (key === 'region') {
      if (v === '') continue;
      const code = v.toUpperCase();
      if (REGION_RE.test(code)) state.region = code;
      else problems.push({ param: 'region', value: clip(value), reason: 'malformed' });
    } else {
      const lang = v.toLowerCase();
      if (lang === '') continue;
      if ((LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
      else problems.push({ param: 'lang', value: clip(value), reason: 'malformed' });
    }
  }

  for (const [key, value] of pairs(stripPrefix(String(hash ?? ''), '#'))) {
    if (key !== 'map') continue;
    if (seen.has('map')) {
      problems.push({ param: 'map', value: clip(value), reason: 'repeated' });
      continue;
    }
    seen.add('map');
    const { view, problem } = decodeView(value);
    if (view) state.view = view;
    else if (problem) problems.push({ param: 'map', value: clip(value), reason: problem });
  }

  return { state, problems };
}

/**
 * Writes `region` and `lang` into a query string, keeping every other parameter of `previous`
 * in place. Returns the string with its leading `?`, or '' when nothing is left.
 */
export function encodeSearch(state: Pick<UrlState, 'region' | 'lang'>, previous = ''): string {
  const kept = pairs(stripPrefix(previous, '?')).filter(([k]) => k !== 'region' && k !== 'lang');
  const out: Array<[string, string]> = [];
  if (state.region) out.push(['region', state.region]);
  if (state.lang) out.push(['lang', state.lang]);
  out.push(...kept);
  if (out.length === 0) return '';
  return `?${out.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** MapLibre's hash value for a view (the part after `map=`): zoom/lat/lng[/bearing[/pitch]]. */
export function encodeView(view: MapView): string {
  const zoom = Math.round(view.zoom * 100) / 100;
  // MapLibre's precision rule, for a Web Mercator world of 512 px: enough digits for half a pixel.
  const precision = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const m = 10 ** precision;
  let s = `${zoom}/${Math.round(view.lat * m) / m}/${Math.round(view.lng * m) / m}`;
  if (view.bearing || view.pitch) s += `/${Math.round(view.bearing * 10) / 10}`;
  if (view.pitch) s += `/${Math.round(view.pitch)}`;
  return s;
}

/** Builds a full relative link (`?…#map=…`) for a state, keeping unrelated query parameters. */
export function encodeUrlState(state: UrlState, previousSearch = ''): string {
  const search = encodeSearch(state, previousSearch);
  const hash = state.view ? `#map=${encodeView(state.view)}` : '';
  return `${search}${hash}`;
}

/** Marks a well-formed region code the atlas does not know (the caller checks it against its data). */
export function unknownRegionProblem(code: string): UrlProblem {
  return { param: 'region', value: clip(code), reason: 'unknown' };
}

/**
 * Users' own layers: a GeoJSON file, or a CSV with longitude/latitude columns, checked before it
 * reaches the map. Every problem names the feature or row it is in; nothing is half-imported.
 * Pure: text in, features or problems out (names stay plain strings: the UI renders them as text).
 * Problems are codes with parameters, not sentences: src/ui/import/problem-text.ts words them in
 * the UI's language.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';

export const IMPORT_LIMITS = {
  /** Larger files are refused before parsing. */
  maxBytes: 10 * 1024 * 1024,
  maxFeatures: 20_000,
  /** Problems listed before "… and N more". */
  maxProblems: 20,
} as const;

const SUPPORTED = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
type Supported = (typeof SUPPORTED)[number];

export interface ImportedFeature {
  /** Stable within the layer: `<layer>-<index>`. */
  id: string;
  /** A display name from the feature's name-like property, or "#n". Plain text. */
  name: string;
  /** A description from the feature's description-like property, if any. Plain text. */
  description?: string;
  geometry: Extract<Geometry, { type: Supported }>;
  properties: Record<string, string | number | boolean | null>;
}

export interface ImportedLayer {
  name: string;
  format: 'geojson' | 'csv';
  features: ImportedFeature[];
}

/** One step of where a problem is: the feature or row (with its name, if it has one), then the part of its geometry. */
export interface ProblemPlace {
  kind: 'feature' | 'row' | 'point' | 'line' | 'polygon' | 'ring' | 'position';
  /** 1-based; a row counts the header as row 1, as a spreadsheet shows it. */
  n: number;
  name?: string;
}

/** What is wrong; each has a text under `import.problem.` in src/i18n/{zh,en}.json (values in comments). */
export const IMPORT_PROBLEM_CODES = [
  'tooLarge', // params: mb, max
  'fileType', // ext
  'unreadable', // message (the file could not be read: set by the UI)
  'notJson', // line, column, what (a JSON_ERROR_KINDS name), near (the text there)
  'notJsonEnd', // (the text ends before the JSON does)
  'notObject',
  'jsonIsList',
  'jsonNoType',
  'unknownType', // type
  'noFeaturesArray',
  'noFeatures',
  'tooManyFeatures', // total, max
  'notFeature',
  'noGeometry',
  'geometryType', // type, supported
  'positionNotNumbers', // found
  'outOfRange', // lon, lat
  'outOfRangeSwapped', // lon, lat (looks like latitude and longitude swapped)
  'lineTooShort',
  'ringTooShort',
  'ringNotClosed',
  'noPoints', // a MultiPoint without positions
  'noLines', // a MultiLineString without lines
  'noRings', // a polygon without rings
  'noPolygons', // a MultiPolygon without polygons
  'csvNoRows',
  'csvNoCoordinates', // columns
  'csvTooManyRows', // total, max
  'csvNotNumbers', // lon, lat
  'more', // count: problems not listed
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ImportProblemCode;
  /** Where, outermost first; empty for the file as a whole. */
  at: ProblemPlace[];
  params: Record<string, string | number>;
}

export function problem(code: ImportProblemCode, at: ProblemPlace[] = [], params: ImportProblem['params'] = {}): ImportProblem {
  return { code, at, params };
}

export type ImportResult = { ok: true; layer: ImportedLayer; warnings: string[] } | { ok: false; problems: ImportProblem[] };

const NAME_KEYS = ['name_zh', 'name', '名称', '名字', 'title', 'label', 'name_en', 'id'];
const DESCRIPTION_KEYS = ['description', 'desc', '描述', '说明', '备注', 'note', 'notes'];
const LON_KEYS = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_KEYS = ['lat', 'latitude', 'y', '纬度'];

class Problems {
  readonly list: ImportProblem[] = [];
  private more = 0;
  add(code: ImportProblemCode, at: ProblemPlace[] = [], params: ImportProblem['params'] = {}) {
    if (this.list.length < IMPORT_LIMITS.maxProblems) this.list.push(problem(code, at, params));
    else this.more++;
  }
  get any() {
    return this.list.length > 0;
  }
  done(): ImportProblem[] {
    return this.more ? [...this.list, problem('more', [], { count: this.more })] : this.list;
  }
}

type Where = ProblemPlace[];
const step = (where: Where, kind: ProblemPlace['kind'], index: number): Where => [...where, { kind, n: index + 1 }];

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function checkPosition(p: unknown, where: Where, problems: Problems): boolean {
  if (!isPosition(p)) {
    problems.add('positionNotNumbers', where, { found: JSON.stringify(p)?.slice(0, 40) ?? String(p) });
    return false;
  }
  if (p[0]! < -180 || p[0]! > 180 || p[1]! < -90 || p[1]! > 90) {
    const swapped = Math.abs(p[0]!) <= 90 && Math.abs(p[1]!) > 90;
    problems.add(swapped ? 'outOfRangeSwapped' : 'outOfRange', where, { lon: p[0]!, lat: p[1]! });
    return false;
  }
  return true;
}

function checkLine(coords: unknown, where: Where, problems: Problems): boolean {
  if (!Array.isArray(coords) || coords.length < 2) {
    problems.add('lineTooShort', where);
    return false;
  }
  return coords.every((p, i) => checkPosition(p, step(where, 'position', i), problems));
}

function checkRing(coords: unknown, where: Where, problems: Problems): boolean {
  if (!Array.isArray(coords) || coords.length < 4) {
    problems.add('ringTooShort', where);
    return false;
  }
  if (!coords.every((p, i) => checkPosition(p, step(where, 'position', i), problems))) return false;
  const a = coords[0] as Position;
  const b = coords[coords.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) {
    problems.add('ringNotClosed', where);
    return false;
  }
  return true;
}

function checkGeometry(g: unknown, where: Where, problems: Problems): g is ImportedFeature['geometry'] {
  if (!g || typeof g !== 'object') {
    problems.add('noGeometry', where);
    return false;
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(SUPPORTED as readonly string[]).includes(type)) {
    problems.add('geometryType', where, { type: JSON.stringify(type) ?? String(type), supported: SUPPORTED.join(', ') });
    return false;
  }
  const arr = (x: unknown): x is unknown[] => Array.isArray(x) && x.length > 0;
  switch (type as Supported) {
    case 'Point':
      return checkPosition(coordinates, where, problems);
    case 'MultiPoint':
      if (!arr(coordinates)) return (problems.add('noPoints', where), false);
      return coordinates.every((p, i) => checkPosition(p, step(where, 'point', i), problems));
    case 'LineString':
      return checkLine(coordinates, where, problems);
    case 'MultiLineString':
      if (!arr(coordinates)) return (problems.add('noLines', where), false);
      return coordinates.every((l, i) => checkLine(l, step(where, 'line', i), problems));
    case 'Polygon':
      if (!arr(coordinates)) return (problems.add('noRings', where), false);
      return coordinates.every((r, i) => checkRing(r, step(where, 'ring', i), problems));
    case 'MultiPolygon':
      if (!arr(coordinates)) return (problems.add('noPolygons', where), false);
      return coordinates.every((poly, j) =>
        arr(poly) ? poly.every((r, i) => checkRing(r, step(step(where, 'polygon', j), 'ring', i), problems)) : (problems.add('noRings', step(where, 'polygon', j)), false),
      );
  }
}

/** Keep scalar properties only, as they are: no HTML is ever interpreted, values are shown as text. */
function plainProperties(props: GeoJsonProperties): ImportedFeature['properties'] {
  const out: ImportedFeature['properties'] = {};
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = JSON.stringify(v);
  }
  return out;
}

function displayName(props: ImportedFeature['properties'], index: number): string {
  for (const key of NAME_KEYS) {
    const hit = Object.keys(props).find((k) => k.toLowerCase() === key);
    const v = hit != null ? props[hit] : undefined;
    if (v != null && String(v).trim()) return String(v).trim().slice(0, 200);
  }
  return `#${index + 1}`;
}

function descriptionOf(props: ImportedFeature['properties']): string | undefined {
  for (const key of DESCRIPTION_KEYS) {
    const hit = Object.keys(props).find((k) => k.toLowerCase() === key);
    const v = hit != null ? props[hit] : undefined;
    if (v != null && String(v).trim()) return String(v).trim().slice(0, 1000);
  }
  return undefined;
}

/** A feature with its display name and description (both plain text). */
function feature(id: string, props: ImportedFeature['properties'], index: number, geometry: ImportedFeature['geometry']): ImportedFeature {
  const description = descriptionOf(props);
  return { id, name: displayName(props, index), ...(description ? { description } : {}), geometry, properties: props };
}

/** A feature or row as a problem names it: its number, and its name when it has one. */
function placeOf(kind: 'feature' | 'row', props: ImportedFeature['properties'], index: number): ProblemPlace {
  const name = displayName(props, index);
  // Rows count the header as row 1.
  const n = kind === 'row' ? index + 2 : index + 1;
  return name !== `#${index + 1}` ? { kind, n, name } : { kind, n };
}

/** Kinds of JSON syntax error, as jsonc-parser names them (texts under `import.jsonError.`). */
export const JSON_ERROR_KINDS = ['InvalidSymbol', 'InvalidNumberFormat', 'PropertyNameExpected', 'ValueExpected', 'ColonExpected', 'CommaExpected', 'CloseBraceExpected', 'CloseBracketExpected', 'EndOfFileExpected', 'InvalidCommentToken', 'UnexpectedEndOfComment', 'UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter'] as const;

/**
 * Where and why a text is not JSON: line, column, what was expected and the text there. The
 * browser's JSON.parse message is English and worded differently by each engine, so the place is
 * found with jsonc-parser in strict JSON mode. Null when the text just ends too early.
 */
export function jsonErrorAt(text: string): { line: number; column: number; what: (typeof JSON_ERROR_KINDS)[number]; near: string } | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first || first.offset >= text.trimEnd().length) return null;
  const what = printParseErrorCode(first.error) as (typeof JSON_ERROR_KINDS)[number];
  const pos = first.offset;
  // A string or number still open on the last line: the text was cut there.
  if (what.startsWith('UnexpectedEndOf') && !text.slice(pos).trimEnd().includes('\n')) return null;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const near = text.slice(Math.max(0, pos - 12), pos + 16).replace(/\s+/g, ' ').trim();
  return { line, column, what, near };
}

function parseGeoJson(text: string, layerId: string, problems: Problems): ImportedFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Not the engine's message (English, worded differently by each browser): where and why, found again.
    const at = jsonErrorAt(text);
    if (at) problems.add('notJson', [], at);
    else problems.add('notJsonEnd');
    return [];
  }
  if (!doc || typeof doc !== 'object') {
    problems.add('notObject');
    return [];
  }
  const type = (doc as { type?: unknown }).type;
  let features: unknown[];
  if (type === 'FeatureCollection') {
    const fs = (doc as { features?: unknown }).features;
    if (!Array.isArray(fs)) {
      problems.add('noFeaturesArray');
      return [];
    }
    features = fs;
  } else if (type === 'Feature') features = [doc];
  else if (typeof type === 'string' && (SUPPORTED as readonly string[]).includes(type)) features = [{ type: 'Feature', geometry: doc, properties: {} }];
  else if (Array.isArray(doc) || type === undefined) {
    problems.add(Array.isArray(doc) ? 'jsonIsList' : 'jsonNoType');
    return [];
  } else {
    problems.add('unknownType', [], { type: JSON.stringify(type) ?? String(type) });
    return [];
  }
  if (features.length === 0) problems.add('noFeatures');
  if (features.length > IMPORT_LIMITS.maxFeatures) {
    problems.add('tooManyFeatures', [], { total: features.length, max: IMPORT_LIMITS.maxFeatures });
    return [];
  }
  const out: ImportedFeature[] = [];
  features.forEach((f, i) => {
    const props = plainProperties((f as Feature | null)?.properties ?? null);
    const where = [placeOf('feature', props, i)];
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
      problems.add('notFeature', where);
      return;
    }
    const g = (f as Feature).geometry;
    if (checkGeometry(g, where, problems)) out.push(feature(`${layerId}-${i}`, props, i, g));
  });
  return out;
}

/** RFC 4180-style CSV: quoted fields, doubled quotes, CRLF; separator , ; or tab (whichever the header uses). */
export function parseCsvRows(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const header = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = [',', ';', '\t'].sort((a, b) => header.split(b).length - header.split(a).length)[0]!;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function parseCsv(text: string, layerId: string, problems: Problems): ImportedFeature[] {
  const rows = parseCsvRows(text);
  if (rows.length < 2) {
    problems.add('csvNoRows');
    return [];
  }
  const header = rows[0]!.map((h) => h.trim());
  const find = (keys: string[]) => header.findIndex((h) => keys.includes(h.toLowerCase()));
  const lonCol = find(LON_KEYS);
  const latCol = find(LAT_KEYS);
  if (lonCol < 0 || latCol < 0) {
    problems.add('csvNoCoordinates', [], { columns: header.join(', ') });
    return [];
  }
  if (rows.length - 1 > IMPORT_LIMITS.maxFeatures) {
    problems.add('csvTooManyRows', [], { total: rows.length - 1, max: IMPORT_LIMITS.maxFeatures });
    return [];
  }
  const out: ImportedFeature[] = [];
  rows.slice(1).forEach((r, i) => {
    const props: ImportedFeature['properties'] = {};
    header.forEach((h, c) => {
      if (c !== lonCol && c !== latCol) props[h || `column ${c + 1}`] = r[c] ?? '';
    });
    const where = [placeOf('row', props, i)];
    const lonText = (r[lonCol] ?? '').trim();
    const latText = (r[latCol] ?? '').trim();
    const num = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
    if (!num.test(lonText) || !num.test(latText)) {
      problems.add('csvNotNumbers', where, { lon: JSON.stringify(lonText), lat: JSON.stringify(latText) });
      return;
    }
    const pos: Position = [Number(lonText), Number(latText)];
    if (checkPosition(pos, where, problems))
      out.push(feature(`${layerId}-${i}`, props, i, { type: 'Point', coordinates: pos }));
  });
  return out;
}

/** A file larger than this is refused before it is read (the caller knows the size up front). */
export function sizeProblem(byteLength: number): ImportProblem | null {
  return byteLength > IMPORT_LIMITS.maxBytes ? problem('tooLarge', [], { mb: (byteLength / 1048576).toFixed(1), max: IMPORT_LIMITS.maxBytes / 1048576 }) : null;
}

/** File name endings read as GeoJSON (.geojson, .json) or CSV (.csv); anything else is refused by name. */
const KNOWN_EXTENSION = /\.(geojson|json|csv)$/i;

/**
 * Parse and check a user's file. `byteLength` is the file's size (checked before reading where the
 * caller can); the name decides the format (.csv, else GeoJSON). `layerId` prefixes the feature
 * ids (default: from the file name).
 */
export function importUserLayer(text: string, fileName: string, byteLength = text.length, layerId?: string): ImportResult {
  const problems = new Problems();
  const tooBig = sizeProblem(byteLength);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const base = fileName.replace(/^.*[\\/]/, '');
  // A file without an ending (e.g. dragged from some apps) is tried as GeoJSON.
  if (/\.[^.]{1,8}$/.test(base) && !KNOWN_EXTENSION.test(base))
    return { ok: false, problems: [problem('fileType', [], { ext: JSON.stringify(base.slice(base.lastIndexOf('.'))) })] };
  const name = base.replace(/\.(geo)?json$|\.csv$/i, '') || 'layer';
  layerId ??= `user-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'layer'}`;
  const isCsv = /\.csv$/i.test(base);
  const features = isCsv ? parseCsv(text, layerId, problems) : parseGeoJson(text, layerId, problems);
  if (problems.any) return { ok: false, problems: problems.done() };
  return { ok: true, layer: { name, format: isCsv ? 'csv' : 'geojson', features }, warnings: [] };
}

/**
 * A file's bytes as text: UTF-8 (with or without BOM) when they are valid UTF-8, else GB18030 —
 * the encoding Excel and WPS use for CSV on Chinese systems, a superset of GBK.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

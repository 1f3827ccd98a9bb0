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
  /**
   * Arrays and objects nested deeper than this are refused before parsing: GeoJSON needs 6 levels
   * (a MultiPolygon's coordinates in a feature in a collection), properties a few more; a deeper
   * file is not GeoJSON, and checking it recursively would exhaust the stack.
   */
  maxDepth: 64,
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
  'encoding', // (bytes that are neither UTF-8, UTF-16 nor GB18030/GBK text)
  'tooDeep', // depth, max, line, column
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
  // Warnings: the feature is imported, but is probably not what the file meant.
  'ringSelfIntersects', // a ring crosses itself (a "bow tie")
  'holeOutside', // a hole (inner ring) lies outside its polygon's outer ring
  'polygonHuge', // lon, lat: spans so much of the globe it is likely inverted or a whole-world frame
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

/** On success, `warnings` name features kept as they are that are probably not what the file meant. */
export type ImportResult = { ok: true; layer: ImportedLayer; warnings: ImportProblem[] } | { ok: false; problems: ImportProblem[] };

/** How far a check has come, for a progress bar: what it is doing and the share done (0–1). */
export type ImportProgress = (stage: 'parse' | 'check', fraction: number) => void;

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

/**
 * A short text of any value, as a problem quotes it: JSON-like, at most `max` characters, built
 * without recursion (a value nested 100,000 deep costs no more than its first characters).
 */
export function preview(value: unknown, max = 40): string {
  type Task = { lit: string } | { val: unknown };
  let out = '';
  const stack: Task[] = [{ val: value }];
  while (stack.length && out.length <= max) {
    const task = stack.pop()!;
    if ('lit' in task) {
      out += task.lit;
      continue;
    }
    const v = task.val;
    // Only as many members as could still show: the text is cut at `max` characters anyway.
    if (Array.isArray(v)) {
      const items = v.slice(0, max);
      const todo: Task[] = [{ lit: '[' }];
      items.forEach((x, i) => todo.push(...(i ? [{ lit: ',' }] : []), { val: x }));
      todo.push({ lit: v.length > items.length ? ',…]' : ']' });
      for (let i = todo.length - 1; i >= 0; i--) stack.push(todo[i]!);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v).slice(0, max);
      const todo: Task[] = [{ lit: '{' }];
      entries.forEach(([k, x], i) => todo.push({ lit: `${i ? ',' : ''}${JSON.stringify(k.slice(0, max))}:` }, { val: x }));
      todo.push({ lit: '}' });
      for (let i = todo.length - 1; i >= 0; i--) stack.push(todo[i]!);
    } else if (typeof v === 'string') out += JSON.stringify(v.slice(0, max + 1));
    else out += typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v) : String(typeof v);
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, found by scanning it (no parse, no
 * recursion), and where it first goes deeper than `max`; null when it never does.
 */
export function tooDeepAt(text: string, max: number = IMPORT_LIMITS.maxDepth): { depth: number; line: number; column: number } | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  let at: { line: number; column: number } | null = null;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      else if (c === 10) (line++, (lineStart = i + 1));
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > max && !at) at = { line, column: i - lineStart + 1 };
    } else if (c === 93 || c === 125) depth--;
    else if (c === 10) (line++, (lineStart = i + 1));
  }
  return at ? { depth: deepest, ...at } : null;
}

type Where = ProblemPlace[];
const step = (where: Where, kind: ProblemPlace['kind'], index: number): Where => [...where, { kind, n: index + 1 }];

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function checkPosition(p: unknown, where: Where, problems: Problems): boolean {
  if (!isPosition(p)) {
    problems.add('positionNotNumbers', where, { found: preview(p) });
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
    problems.add('geometryType', where, { type: preview(type), supported: SUPPORTED.join(', ') });
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

// ---------------------------------------------------------------------------------------------
// Polygons that are valid GeoJSON arrays but probably not what the file meant: imported, with a
// warning that names the feature (the map fills them by its own rules, which may surprise).

/** Which side of a–b the point c lies on (−1, 0, 1). */
function o(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
}

/** Whether c, collinear with a–b, lies within the segment's box. */
function on(a: Position, b: Position, c: Position): boolean {
  return Math.min(a[0]!, b[0]!) <= c[0]! && c[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= c[1]! && c[1]! <= Math.max(a[1]!, b[1]!);
}

/** Whether segments p1–p2 and q1–q2 meet (touching counts). */
function segmentsMeet(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = o(q1, q2, p1);
  const d2 = o(q1, q2, p2);
  const d3 = o(p1, p2, q1);
  const d4 = o(p1, p2, q2);
  if (d1 !== d2 && d3 !== d4 && d1 && d2 && d3 && d4) return true;
  return (d1 === 0 && on(q1, q2, p1)) || (d2 === 0 && on(q1, q2, p2)) || (d3 === 0 && on(p1, p2, q1)) || (d4 === 0 && on(p1, p2, q2));
}

/**
 * Whether a closed ring crosses or touches itself (a "bow tie"). Segments are bucketed on a grid of
 * about their own length, so a ring of n vertices costs about n, not n²; the few segments much
 * longer than a cell are tested against every other one. A ring so odd that this would cost more
 * than ~50 million tests is not judged (no warning rather than a frozen import).
 */
export function ringCrossesItself(ring: Position[]): boolean {
  const n = ring.length - 1; // segments; the last position repeats the first
  if (n < 4) return false;
  const [west, south, east, north] = bboxOfRing(ring);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(ring[i + 1]![0]! - ring[i]![0]!) + Math.abs(ring[i + 1]![1]! - ring[i]![1]!);
  const size = Math.max((2 * total) / n, Math.max(east - west, north - south) / (16 * Math.sqrt(n)), 1e-12);
  const cols = Math.floor((east - west) / size) + 1;
  const cells = new Map<number, number[]>();
  const long: number[] = [];
  const adjacent = (i: number, j: number) => Math.abs(i - j) === 1 || (Math.min(i, j) === 0 && Math.max(i, j) === n - 1);
  const meets = (i: number, j: number) => !adjacent(i, j) && segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!);
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const x0 = Math.floor((Math.min(a[0]!, b[0]!) - west) / size);
    const x1 = Math.floor((Math.max(a[0]!, b[0]!) - west) / size);
    const y0 = Math.floor((Math.min(a[1]!, b[1]!) - south) / size);
    const y1 = Math.floor((Math.max(a[1]!, b[1]!) - south) / size);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 64) {
      long.push(i);
      continue;
    }
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const key = cy * cols + cx;
        const list = cells.get(key);
        if (list) {
          for (const j of list) if (meets(i, j)) return true;
          list.push(i);
        } else cells.set(key, [i]);
      }
  }
  if (long.length * n > 5e7) return false;
  for (const i of long) for (let j = 0; j < n; j++) if (j !== i && meets(i, j)) return true;
  return false;
}

function bboxOfRing(ring: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of ring) {
    if (p[0]! < w) w = p[0]!;
    if (p[0]! > e) e = p[0]!;
    if (p[1]! < s) s = p[1]!;
    if (p[1]! > n) n = p[1]!;
  }
  return [w, s, e, n];
}

/** Even–odd test: whether p lies strictly inside the ring (on its edge counts as not outside). */
function insideOrOn(ring: Position[], p: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (segmentsMeet(a, b, p, p)) return true;
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside;
}

/** Vertices of a hole checked against its outer ring (spread along the hole). */
const HOLE_SAMPLES = 16;

function checkPolygonShape(rings: Position[][], where: Where, warnings: Problems): void {
  const outer = rings[0]!;
  rings.forEach((r, i) => {
    if (ringCrossesItself(r)) warnings.add('ringSelfIntersects', step(where, 'ring', i));
  });
  for (let i = 1; i < rings.length; i++) {
    const hole = rings[i]!;
    const stride = Math.max(1, Math.floor((hole.length - 1) / HOLE_SAMPLES));
    for (let k = 0; k < hole.length - 1; k += stride)
      if (!insideOrOn(outer, hole[k]!)) {
        warnings.add('holeOutside', step(where, 'ring', i));
        break;
      }
  }
  const [w, s, e, n] = bboxOfRing(outer);
  if (e - w >= 180 || n - s >= 90) warnings.add('polygonHuge', where, { lon: Math.round(e - w), lat: Math.round(n - s) });
}

function checkShape(g: ImportedFeature['geometry'], where: Where, warnings: Problems): void {
  if (g.type === 'Polygon') checkPolygonShape(g.coordinates, where, warnings);
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly, j) => checkPolygonShape(poly, step(where, 'polygon', j), warnings));
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

function parseGeoJson(text: string, layerId: string, problems: Problems, warnings: Problems, progress?: ImportProgress): ImportedFeature[] {
  // First, and without recursion: the JSON parser and the checks below would run out of stack.
  const deep = tooDeepAt(text);
  if (deep) {
    problems.add('tooDeep', [], { ...deep, max: IMPORT_LIMITS.maxDepth });
    return [];
  }
  progress?.('parse', 0);
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
    problems.add('unknownType', [], { type: preview(type) });
    return [];
  }
  if (features.length === 0) problems.add('noFeatures');
  if (features.length > IMPORT_LIMITS.maxFeatures) {
    problems.add('tooManyFeatures', [], { total: features.length, max: IMPORT_LIMITS.maxFeatures });
    return [];
  }
  const out: ImportedFeature[] = [];
  const every = Math.max(1, Math.ceil(features.length / 100));
  features.forEach((f, i) => {
    if (i % every === 0) progress?.('check', i / features.length);
    const props = plainProperties((f as Feature | null)?.properties ?? null);
    const where = [placeOf('feature', props, i)];
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
      problems.add('notFeature', where);
      return;
    }
    const g = (f as Feature).geometry;
    if (checkGeometry(g, where, problems)) {
      checkShape(g, where, warnings);
      out.push(feature(`${layerId}-${i}`, props, i, g));
    }
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

function parseCsv(text: string, layerId: string, problems: Problems, progress?: ImportProgress): ImportedFeature[] {
  progress?.('parse', 0);
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
  const every = Math.max(1, Math.ceil(rows.length / 100));
  rows.slice(1).forEach((r, i) => {
    if (i % every === 0) progress?.('check', i / rows.length);
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
export function importUserLayer(text: string, fileName: string, byteLength = text.length, layerId?: string, progress?: ImportProgress): ImportResult {
  const problems = new Problems();
  const warnings = new Problems();
  const tooBig = sizeProblem(byteLength);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const base = fileName.replace(/^.*[\\/]/, '');
  // A file without an ending (e.g. dragged from some apps) is tried as GeoJSON.
  if (/\.[^.]{1,8}$/.test(base) && !KNOWN_EXTENSION.test(base))
    return { ok: false, problems: [problem('fileType', [], { ext: JSON.stringify(base.slice(base.lastIndexOf('.'))) })] };
  const name = base.replace(/\.(geo)?json$|\.csv$/i, '') || 'layer';
  layerId ??= `user-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'layer'}`;
  const isCsv = /\.csv$/i.test(base);
  const features = isCsv ? parseCsv(text, layerId, problems, progress) : parseGeoJson(text, layerId, problems, warnings, progress);
  if (problems.any) return { ok: false, problems: problems.done() };
  return { ok: true, layer: { name, format: isCsv ? 'csv' : 'geojson', features }, warnings: warnings.done() };
}

/** The text encodings a file is read in (`decodeFile`). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Whether bytes look like UTF-16 without a byte-order mark: most ASCII characters have a zero byte on one side. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, CR, LF and form feed: text files have none, binary files many. */
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/**
 * A file's bytes as text: UTF-8 (with or without BOM); UTF-16 with a BOM, or without one when its
 * zero bytes say so (Excel's "Unicode text"); else GB18030 — the encoding Excel and WPS use for CSV
 * on Chinese systems, a superset of GBK. Bytes that are none of these (or binary) are refused with a
 * problem that says so, rather than shown as garbled column names.
 */
export function decodeFile(bytes: Uint8Array): { ok: true; text: string; encoding: TextEncodingName } | { ok: false; problem: ImportProblem } {
  const strict = (encoding: TextEncodingName, from = 0): string | null => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  const refuse = { ok: false as const, problem: problem('encoding') };
  let encoding: TextEncodingName;
  let text: string | null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (text = strict(encoding, 2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (text = strict(encoding, 2));
  else {
    const u16 = utf16Guess(bytes);
    if (u16) (encoding = u16), (text = strict(u16));
    else {
      encoding = 'utf-8';
      text = strict('utf-8');
      if (text == null) (encoding = 'gb18030'), (text = strict('gb18030'));
    }
  }
  if (text == null || BINARY.test(text.slice(0, 65536))) return refuse;
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

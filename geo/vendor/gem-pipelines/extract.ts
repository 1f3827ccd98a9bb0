/**
 * Makes routes.geojson and source-sample.json in this folder: the pipeline routes of Global Energy
 * Monitor (GEM; Global Gas Infrastructure Tracker, CC BY 4.0) that match the plan's pipelines, plus
 * three context pipelines, from two GEM repositories read as git objects at pinned commits:
 *
 * - ROUTES: GitHub GlobalEnergyMonitor/GOIT-GGIT-pipeline-routes, `data/individual-routes/
 *   gas-pipelines/<ProjectID>.geojson` (one file per GEM project, named by its id; most carry no name).
 * - TABLE: GitHub GlobalEnergyMonitor/asia-gas-tracker-greeninfo-map, `static/data/data.csv` (GEM's
 *   Asia Gas Tracker map data, May 2024: project, unit, status, a `route` column of lat,lng pairs,
 *   the gem.wiki page; UTF-16). It has no project ids: a route is named by the table row whose route
 *   it follows (see `match_km`), which the script measures and checks.
 *
 *   npx tsx geo/vendor/gem-pipelines/extract.ts <git dir of GOIT-GGIT-pipeline-routes> \
 *     <git dir of asia-gas-tracker-greeninfo-map>
 *
 * (the search tool's `fetch github:<owner>/<name>` gives each directory). GEM's routes are traces of
 * 9–63 vertices; they are kept vertex for vertex, rounded to 5 decimals (about 1 m), not simplified.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineString, multiLineString, point, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const ROUTES = {
  repository: 'GlobalEnergyMonitor/GOIT-GGIT-pipeline-routes',
  commit: '6bfab45c1759ae3b4d6fd9f1a1171ebbf0002086',
  dir: 'data/individual-routes/gas-pipelines',
};
export const TABLE = {
  repository: 'GlobalEnergyMonitor/asia-gas-tracker-greeninfo-map',
  commit: '19e6e6da62b210d9a65685d62b45f4ea21fc49bf',
  path: 'static/data/data.csv',
};

/** A route part may depart this far (km) from the table route that names it. */
export const MATCH_KM = 6;

interface Selected {
  /** GEM ProjectID: the route file's name. */
  gem: string;
  /** Index of the part in a MultiLineString route; absent for a LineString. */
  part?: number;
  /** The table row whose route this part follows. */
  project: string;
  unit: string;
  /** Whether the row's route is this part alone (unit rows), so the match is checked both ways. */
  both: boolean;
  name_zh?: string;
  /** Context only: not a route of the plan's projects. */
  context?: boolean;
}

const OAC = 'Ordos-Anping-Cangzhou Gas Pipeline';
const OAC_ZH = '鄂尔多斯—安平—沧州输气管道';
const SELECTED: Selected[] = [
  { gem: 'P5036', project: 'Shaan-Jing Gas Pipeline 4', unit: '', both: true, name_zh: '陕京四线' },
  { gem: 'P5010', part: 0, project: OAC, unit: '', both: false, name_zh: OAC_ZH },
  { gem: 'P5010', part: 1, project: OAC, unit: 'Anping-Puyang Branch', both: true, name_zh: OAC_ZH },
  { gem: 'P5010', part: 2, project: OAC, unit: 'Anping-Baoding Branch', both: true, name_zh: OAC_ZH },
  { gem: 'P5010', part: 3, project: OAC, unit: 'Duguitala-Shenmu Branch', both: true, name_zh: OAC_ZH },
  { gem: 'P5010', part: 4, project: OAC, unit: 'Jungger-Shenmu Branch', both: true, name_zh: OAC_ZH },
  { gem: 'P5010', part: 5, project: OAC, unit: 'Huaxing-Shenmu Branch', both: true, name_zh: OAC_ZH },
  {
    gem: 'P4923',
    part: 0,
    project: 'CNOOC Coal Gasification Transmission Pipeline',
    unit: '',
    both: false,
    name_zh: '蒙西煤制天然气外输管道',
  },
  { gem: 'P4997', project: 'Liaoning Gas Pipeline Network', unit: 'Jianping-Chifeng Gas Pipeline', both: true, name_zh: '建平—赤峰天然气管道' },
  { gem: 'P5033', project: 'Shaan-Jing Gas Pipeline 1', unit: '', both: true, name_zh: '陕京一线', context: true },
  { gem: 'P5034', project: 'Shaan-Jing Gas Pipeline 2', unit: '', both: true, name_zh: '陕京二线', context: true },
  { gem: 'P5035', project: 'Shaan-Jing Gas Pipeline 3', unit: '', both: true, name_zh: '陕京三线', context: true },
];

export interface GemRouteProps {
  /** GEM ProjectID, with `.part` where GEM's route has several parts. */
  id: string;
  gem_id: string;
  part: number | null;
  name: string;
  unit: string | null;
  name_zh: string | null;
  /** GEM's status in the table (operating, construction_plus, proposed_plus …). */
  status: string;
  gem_url: string;
  /** Farthest vertex of this part from the table row's route (and of the row's from it, where checked both ways). */
  match_km: number;
  context: boolean;
}

export interface TableRow {
  project: string;
  unit: string;
  status: string;
  url: string;
  /** The `route` column as lines of [lon, lat]. */
  route: Position[][];
}

function git(dir: string, ...args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 28 });
}

/** RFC 4180 fields: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

/** GEM's `route` column: lines separated by `;`, points by `:`, each point `lat,lng`. */
export function parseRoute(route: string): Position[][] {
  return route
    .split(';')
    .map((line) =>
      line
        .split(':')
        .filter((p) => p.includes(','))
        .map((p) => {
          const [lat, lng] = p.split(',').map(Number);
          return [lng!, lat!];
        }),
    )
    .filter((l) => l.length > 1);
}

function readTable(dir: string): TableRow[] {
  const raw = git(dir, 'show', `${TABLE.commit}:${TABLE.path}`);
  const text = new TextDecoder('utf-16le').decode(raw).replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((r) => r.length === header!.length && r[col('type')] === 'gas_pipeline')
    .map((r) => ({
      project: r[col('project')]!,
      unit: r[col('unit')]!,
      status: r[col('status')]!,
      url: r[col('url')]!,
      route: parseRoute(r[col('route')]!),
    }));
}

/** Farthest vertex of `from` from the polyline(s) `to`, in km. */
export function farthestKm(from: Position[], to: Position[][]): number {
  const line = to.length === 1 ? lineString(to[0]!) : multiLineString(to);
  let max = 0;
  for (const p of from) {
    const d = to.length === 1
      ? pointToLineDistance(point(p), line as Feature<LineString>, { units: 'kilometers' })
      : Math.min(...to.map((l) => pointToLineDistance(point(p), lineString(l), { units: 'kilometers' })));
    max = Math.max(max, d);
  }
  return max;
}

function routeLines(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  throw new Error(`unexpected geometry ${g.type}`);
}

const round = (c: Position): Position => [Math.round(c[0]! * 1e5) / 1e5, Math.round(c[1]! * 1e5) / 1e5];

function main() {
  const [routesDir, tableDir] = process.argv.slice(2);
  if (!routesDir || !tableDir) throw new Error('usage: extract.ts <routes git dir> <table git dir>');
  const table = readTable(tableDir);
  const features: Feature<LineString, GemRouteProps>[] = [];
  const sample: Record<string, Position[]> = {};
  const rows: Record<string, TableRow> = {};
  for (const s of SELECTED) {
    const file = `${ROUTES.dir}/${s.gem}.geojson`;
    const fc = JSON.parse(git(routesDir, 'show', `${ROUTES.commit}:${file}`).toString('utf8')) as FeatureCollection;
    const lines = fc.features.flatMap((f) => (f.geometry ? routeLines(f.geometry) : []));
    if (s.part === undefined && lines.length !== 1) throw new Error(`${s.gem}: ${lines.length} parts, expected one`);
    const coords = lines[s.part ?? 0]!.map((c) => [c[0]!, c[1]!]);
    const row = table.find((r) => r.project === s.project && r.unit === s.unit);
    if (!row) throw new Error(`${s.gem}: no table row ${s.project} / ${s.unit}`);
    const there = farthestKm(coords, row.route);
    const back = s.both ? farthestKm(row.route.flat(), [coords]) : 0;
    const matchKm = Math.max(there, back);
    if (matchKm > MATCH_KM) throw new Error(`${s.gem}.${s.part}: ${matchKm.toFixed(1)} km from ${s.project} / ${s.unit}`);
    const id = s.part === undefined ? s.gem : `${s.gem}.${s.part}`;
    features.push({
      type: 'Feature',
      properties: {
        id,
        gem_id: s.gem,
        part: s.part ?? null,
        name: s.project,
        unit: s.unit || null,
        name_zh: s.name_zh ?? null,
        status: row.status,
        gem_url: row.url,
        match_km: Math.round(matchKm * 10) / 10,
        context: s.context ?? false,
      },
      geometry: { type: 'LineString', coordinates: coords.map(round) },
    });
    sample[id] = coords;
    rows[`${s.project} | ${s.unit}`] = row;
    console.log(`${id.padEnd(8)} ${String(coords.length).padStart(3)} vertices  ${matchKm.toFixed(1).padStart(4)} km  ${s.project}${s.unit ? ' / ' + s.unit : ''}  (${row.status})`);
  }
  const source = {
    data: 'Global Energy Monitor, Global Gas Infrastructure Tracker, CC BY 4.0',
    routes: { ...ROUTES, files: [...new Set(SELECTED.map((s) => `${ROUTES.dir}/${s.gem}.geojson`))] },
    table: TABLE,
  };
  const out = path.join(HERE, 'routes.geojson');
  fs.writeFileSync(
    out,
    `{"type":"FeatureCollection","source":${JSON.stringify(source)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`,
  );
  // The test fixture: GEM's coordinates as read (unrounded) and the table rows that name them, so a
  // fresh clone can check the extract against its source without the fetched repositories.
  fs.writeFileSync(path.join(HERE, 'source-sample.json'), `${JSON.stringify({ source, routes: sample, rows }, null, 1)}\n`);
  console.log(`${features.length} features, ${fs.statSync(out).size} bytes → ${path.relative(process.cwd(), out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

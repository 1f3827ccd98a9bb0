/**
 * Runs each build step whose outputs are missing or older than its inputs, so that
 * `npm start`, `npm run build` and `npm test` work on a fresh clone with no extra command.
 * Order matters: geography → catalogue → fonts (fonts subset the characters the data uses).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Step {
  name: string;
  /** Files or folders (searched recursively) whose change calls for a rebuild. */
  inputs: string[];
  outputs: string[];
  command: string[];
}

const STEPS: Step[] = [
  {
    name: 'geography',
    inputs: ['geo', 'src/domain/vocabulary.ts', 'src/domain/region-topology.ts', 'package-lock.json', 'data/places'],
    outputs: ['public/geo/regions.geojson', 'public/geo/countries.geojson', 'public/geo/labels.geojson', 'public/geo/borders.json', 'public/geo/regions.topo.json', 'public/tiles/tiles.json'],
    command: ['npx', 'tsx', 'geo/build.ts'],
  },
  {
    name: 'catalogue',
    inputs: ['data', 'src/domain', 'public/geo/regions.geojson', 'public/geo/regions.topo.json', 'geo/vendor'],
    outputs: ['public/data/measures.json', 'public/data/places.geojson', 'public/data/projects.geojson', 'public/data/touches.json', 'public/data/search-keys.json', 'public/data/plan-text.json', 'public/data/status.json', 'public/data/details.json'],
    command: ['npx', 'tsx', 'data/compile.ts'],
  },
  {
    name: 'fonts',
    inputs: ['scripts/fonts.ts', 'src/i18n', 'src/styles/font-manifest.ts', 'public/geo', 'public/data', 'public/tiles/tiles.json', 'geo/vendor', 'geo/railways.ts'],
    outputs: ['public/fonts/manifest.json'],
    command: ['npx', 'tsx', 'scripts/fonts.ts'],
  },
  {
    name: 'icons',
    inputs: ['scripts/icons.ts'],
    outputs: ['public/icons/icon-192.png', 'public/icons/icon-512.png', 'public/icons/icon-maskable-512.png'],
    command: ['npx', 'tsx', 'scripts/icons.ts'],
  },
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function oldestOutput(outputs: string[]): number {
  let oldest = Infinity;
  for (const out of outputs) oldest = Math.min(oldest, existsSync(out) ? statSync(out).mtimeMs : 0);
  return oldest;
}

/**
 * Runs the steps that are out of date (from the repository's root). The export command line calls
 * it in its own process: a child `tsx` process only to check dates cost it a second or more.
 */
export function ensureBuilt(force = false, root = process.cwd()): void {
  for (const step of STEPS) {
    const at = (p: string) => join(root, p);
    if (!existsSync(at(step.command[2]!))) continue; // step not written yet
    const inputTime = Math.max(...step.inputs.map((p) => newestMtime(at(p))));
    if (!force && oldestOutput(step.outputs.map(at)) >= inputTime) continue;
    console.error(`[prepare] ${step.name}: ${step.command.join(' ')}`);
    execFileSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit', cwd: root });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) ensureBuilt(process.argv.includes('--force'));

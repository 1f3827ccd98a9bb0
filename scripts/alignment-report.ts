/**
 * What the alignments change: for the longest aligned lines, km and the regions they cross with
 * straight segments through their places (before) and along their real line (after).
 *
 *   npx tsx scripts/alignment-report.ts [--before DIR] [--top 10]
 *
 * "After" is the compiled catalogue in public/data. "Before" is a compiled catalogue from before the
 * alignments (`--before` a copy of another build's public/data), or, without `--before`, the same
 * sources compiled with no alignment. Regions are the finest the atlas has: Inner Mongolia's banners
 * and counties, elsewhere prefectures. Prints a Markdown table (DATA.md, "Alignments").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from '../data/build.ts';
import { loadCatalogueSources } from '../data/load.ts';
import type { ProjectCollection, RegionCollection, TouchesFile } from '../src/domain/types.ts';
import { INNER_MONGOLIA } from '../src/domain/vocabulary.ts';

const ROOT = join(import.meta.dirname, '..');
const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

const regions = read<RegionCollection>(join(ROOT, 'public/geo/regions.geojson'));
const byCode = new Map(regions.features.map((f) => [f.properties.code, f.properties]));
const inIM = (code: string) => code.startsWith('15');
/** The finest regions: banners/counties in Inner Mongolia, prefectures elsewhere. */
const finest = (code: string) => {
  const r = byCode.get(code);
  return !!r && (inIM(code) ? r.level === 'county' : r.level === 'prefecture');
};

interface Compiled {
  projects: ProjectCollection;
  touches: TouchesFile;
}

function compiled(dir?: string): Compiled {
  if (dir) return { projects: read(join(dir, 'projects.geojson')), touches: read(join(dir, 'touches.json')) };
  const src = loadCatalogueSources(join(ROOT, 'data'));
  const countries = read<{ features: { properties: { iso3: string } }[] }>(join(ROOT, 'public/geo/countries.geojson'));
  const out = buildCatalogue({ ...src, alignments: [] }, regions, new Set(countries.features.map((f) => f.properties.iso3)));
  return { projects: out.projects, touches: out.touches };
}

/** Project → finest region → km, for the regions its geometry crosses or lies in. */
function crossed(c: Compiled): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [code, list] of Object.entries(c.touches.byRegion)) {
    if (!finest(code)) continue;
    for (const t of list) if (t.spatial) (out.get(t.project) ?? out.set(t.project, new Map()).get(t.project)!).set(code, t.km ?? 0);
  }
  return out;
}

const before = compiled(arg('--before'));
const after = compiled(join(ROOT, 'public/data'));
const top = Number(arg('--top') ?? 10);
const kmBefore = new Map(before.projects.features.map((f) => [f.properties.id, f.properties.km]));
const cb = crossed(before);
const ca = crossed(after);
const name = (code: string) => `${byCode.get(code)!.name_zh}${inIM(code) ? '' : ` (${byCode.get(byCode.get(code)!.parent!)?.name_zh ?? ''})`}`;
const list = (codes: string[]) => (codes.length ? codes.map(name).join('、') : '—');

const aligned = after.projects.features
  .filter((f) => f.properties.geometry_source && f.geometry.type === 'LineString')
  .sort((a, b) => (b.properties.km ?? 0) - (a.properties.km ?? 0))
  .slice(0, top);

console.log('| project | precision | km before → after | regions added | regions dropped |');
console.log('| --- | --- | --- | --- | --- |');
for (const f of aligned) {
  const id = f.properties.id;
  const was = cb.get(id) ?? new Map<string, number>();
  const now = ca.get(id) ?? new Map<string, number>();
  const added = [...now.keys()].filter((c) => !was.has(c)).sort();
  const dropped = [...was.keys()].filter((c) => !now.has(c)).sort();
  console.log(`| ${f.properties.name_zh} (\`${id}\`) | ${f.properties.precision} | ${kmBefore.get(id) ?? '?'} → ${f.properties.km} | ${list(added)} | ${list(dropped)} |`);
}
const imKm = (c: Compiled, id: string) => c.touches.byRegion[INNER_MONGOLIA]?.find((t) => t.project === id)?.km;
console.log(`\nkm inside Inner Mongolia, before → after: ${aligned.map((f) => `${f.properties.name_zh} ${imKm(before, f.properties.id) ?? 0} → ${imKm(after, f.properties.id) ?? 0}`).join('; ')}`);

/**
 * Synthetic catalogues at N× the real one, for the scale benchmarks: the real outline, gazetteer
 * and projects, plus (N-1) copies of every project with synthetic places inside Inner Mongolia's
 * counties (points), lines between real places, and areas of random county sets — the same mix of
 * geometry the real catalogue has. Deterministic (seeded), written as YAML the real compiler reads.
 *
 *   npx tsx bench/synth.ts --scale 10 --out .tmp/synth-10x     → .tmp/synth-10x/data/…
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { stringify } from 'yaml';
import { loadCatalogueSources } from '../data/load.ts';
import type { Place, Project } from '../data/schema.ts';
import { repoRoot } from '../src/cli/load.ts';
import type { RegionCollection, RegionFeature } from '../src/domain/types.ts';

/** mulberry32: small, fast, seeded (also used by tests/unit/scale-index.test.ts, so failures reproduce). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPointIn(region: RegionFeature, rand: () => number): [number, number] {
  const [x0, y0, x1, y1] = turfBbox(region);
  for (let i = 0; i < 1000; i++) {
    const p: [number, number] = [x0 + (x1 - x0) * rand(), y0 + (y1 - y0) * rand()];
    if (booleanPointInPolygon(p, region)) return [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
  }
  throw new Error(`no point found in ${region.properties.code}`);
}

export function writeSyntheticCatalogue(scale: number, outDir: string, seed = 42): { places: number; projects: number } {
  const rand = rng(seed);
  const src = loadCatalogueSources(join(repoRoot, 'data'));
  const regions = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
  const counties = regions.features.filter((f) => f.properties.level === 'county' && f.properties.code.startsWith('15'));
  const realPlaces = src.places.map((p) => p.value);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const dataDir = join(outDir, 'data');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'projects'), { recursive: true });
  cpSync(join(repoRoot, 'data/measures.yaml'), join(dataDir, 'measures.yaml'));
  cpSync(join(repoRoot, 'data/places'), join(dataDir, 'places'), { recursive: true });
  cpSync(join(repoRoot, 'data/groups'), join(dataDir, 'groups'), { recursive: true });
  cpSync(join(repoRoot, 'data/projects'), join(dataDir, 'projects'), { recursive: true });
  // The real projects keep their real alignments and statuses; the copies are schematic and unresearched.
  cpSync(join(repoRoot, 'data/alignments'), join(dataDir, 'alignments'), { recursive: true });
  cpSync(join(repoRoot, 'data/status'), join(dataDir, 'status'), { recursive: true });

  const places: Place[] = [];
  const projects: Project[] = [];
  for (let copy = 1; copy < scale; copy++) {
    for (const { value: p } of src.projects) {
      const id = `synth${copy}-${p.id}`;
      let geometry: Project['geometry'];
      if (p.geometry.type === 'point') {
        const county = pick(counties);
        const [lon, lat] = randomPointIn(county, rand);
        const placeId = `synth${copy}-place-${places.length}`;
        places.push({
          id: placeId,
          name: { zh: `合成地点${places.length}`, en: `Synthetic place ${places.length}`, aliases: [] },
          kind: 'other',
          lon,
          lat,
          region: county.properties.code,
          precision: 'approximate',
          source: 'synthetic (bench/synth.ts)',
        });
        geometry = { type: 'point', at: placeId };
      } else if (p.geometry.type === 'line') {
        const via = Array.from({ length: p.geometry.via.length }, () => pick(realPlaces).id);
        if (via.every((v) => v === via[0])) via.push(realPlaces[0]!.id === via[0] ? realPlaces[1]!.id : realPlaces[0]!.id);
        geometry = { type: 'line', via };
      } else {
        const n = p.geometry.type === 'area' ? Math.max(1, Math.min(8, p.geometry.regions.length)) : 1;
        geometry = { type: 'area', regions: Array.from({ length: n }, () => pick(counties).properties.code) };
      }
      projects.push({ ...p, id, name: { zh: `${p.name.zh}(合成${copy})`, en: `${p.name.en} (synthetic ${copy})` }, named: [], geometry });
    }
  }
  // No anchors/aliases for repeated objects: resolving thousands of aliases makes parsing quadratic.
  writeFileSync(join(dataDir, 'places', 'zz-synthetic.yaml'), stringify(places, { aliasDuplicateObjects: false }));
  writeFileSync(join(dataDir, 'projects', 'zz-synthetic.yaml'), stringify(projects, { aliasDuplicateObjects: false }));
  return { places: realPlaces.length + places.length, projects: src.projects.length + projects.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (flag: string, fallback: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
  };
  const scale = Number(arg('--scale', '10'));
  const out = resolve(arg('--out', join(repoRoot, `.tmp/synth-${scale}x`)));
  const counts = writeSyntheticCatalogue(scale, out);
  console.log(`[synth] ${scale}×: ${counts.projects} projects, ${counts.places} places → ${out}/data`);
}

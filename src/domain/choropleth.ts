/**
 * The choropleth: regions shaded by how many of the plan's projects touch them (after the filters,
 * all projects or one layer's), in a few classes. Pure: the map turns classes into colours.
 */
import type { Catalogue } from './catalogue.ts';
import type { ProjectFeature } from './types.ts';

export interface ChoroplethClass {
  /** Inclusive bounds. */
  min: number;
  max: number;
}

export interface Choropleth {
  /** Region code → number of projects touching it. */
  counts: Map<string, number>;
  /** Classes of the non-zero counts, ascending; regions with 0 are unshaded. */
  classes: ChoroplethClass[];
}

/** Number of projects touching each region that pass `keep`. */
export function touchCounts(cat: Catalogue, codes: readonly string[], keep: (p: ProjectFeature) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const code of codes) out.set(code, cat.projectsTouching(code, keep).length);
  return out;
}

/**
 * Up to `k` classes of the positive values with breaks at quantiles (robust to one region with many
 * projects), rounded to whole numbers, never empty and never overlapping.
 */
export function quantileClasses(values: Iterable<number>, k = 5): ChoroplethClass[] {
  const v = [...values].filter((x) => x > 0).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const uppers: number[] = [];
  for (let i = 1; i <= k; i++) {
    const q = v[Math.min(v.length - 1, Math.ceil((i / k) * v.length) - 1)]!;
    if (!uppers.includes(q)) uppers.push(q);
  }
  const out: ChoroplethClass[] = [];
  let min = v[0]!;
  for (const max of uppers) {
    if (max < min) continue;
    out.push({ min, max });
    min = max + 1;
  }
  return out;
}

/** The class index of a count (−1 for 0 or below the first class). */
export function classOf(count: number, classes: readonly ChoroplethClass[]): number {
  if (count <= 0) return -1;
  for (let i = 0; i < classes.length; i++) if (count <= classes[i]!.max) return i;
  return classes.length - 1;
}

export function choropleth(cat: Catalogue, codes: readonly string[], keep: (p: ProjectFeature) => boolean, k = 5): Choropleth {
  const counts = touchCounts(cat, codes, keep);
  return { counts, classes: quantileClasses(counts.values(), k) };
}

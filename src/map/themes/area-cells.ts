/**
 * Area tints split into leaf-region cells: where region-made areas overlap, each leaf region is
 * tinted once with the strongest tint over it (as `min` blending would draw them): MapLibre draws
 * each cell once (area-layers.ts), not every area over it.
 */
import type { Catalogue } from '../../domain/catalogue.ts';
import { tint, type FillD } from './draw-data.ts';
import type { XY } from './prepare.ts';

/** One part of a leaf region covered by region-made areas, and the areas over it. */
export interface CellD {
  code: string;
  polygon: XY[][];
  fills: FillD[];
}

// These memos are keyed by the catalogue or by the arrays they derive from (kept alive by the
// catalogue's ThemeCache), so each goes with what it derives from.
const partsCache = new WeakMap<Catalogue, Map<string, XY[][][]>>();
/** A region's polygons as drawn (one entry per part), memoised per catalogue. */
function regionParts(cat: Catalogue, code: string): XY[][][] {
  let byCode = partsCache.get(cat);
  if (!byCode) partsCache.set(cat, (byCode = new Map()));
  let parts = byCode.get(code);
  if (!parts) {
    const g = cat.regions.get(code)?.geometry;
    parts = (g ? (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) : []) as XY[][][];
    byCode.set(code, parts);
  }
  return parts;
}

const cellsCache = new WeakMap<readonly FillD[], { cells: CellD[]; rest: FillD[] }>();
/**
 * The fills split into leaf-region cells (each with the fills over it; an area drawn in several
 * parts counts once) and the fills that are not unions of regions. Memoised per fills array.
 */
export function areaCells(fills: readonly FillD[], cat: Catalogue): { cells: CellD[]; rest: FillD[] } {
  const hit = cellsCache.get(fills);
  if (hit) return hit;
  const over = new Map<string, FillD[]>();
  const rest: FillD[] = [];
  const seen = new Set<string>();
  for (const f of fills) {
    const cells = f.cells?.filter((c) => cat.regions.has(c));
    if (!cells?.length) {
      rest.push(f);
      continue;
    }
    // Hatched themes put a fill and a hatch of one project in `fills` once; parts share an id.
    const key = `${f.id}|${f.color.join(',')}|${f.alpha}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of cells) {
      const l = over.get(c);
      if (l) l.push(f);
      else over.set(c, [f]);
    }
  }
  const cells: CellD[] = [];
  for (const [code, list] of [...over].sort(([a], [b]) => a.localeCompare(b))) for (const polygon of regionParts(cat, code)) cells.push({ code, polygon, fills: list });
  const out = { cells, rest };
  cellsCache.set(fills, out);
  return out;
}

/** The strongest tint of `fills` (channel by channel the least, as `min` blending would draw them). */
export function strongestTint(fills: readonly FillD[], alphaOf: (d: FillD) => number): [number, number, number, number] {
  const out: [number, number, number, number] = [255, 255, 255, 255];
  for (const f of fills) {
    const t = tint(f.color, alphaOf(f));
    if (t[0] < out[0]) out[0] = t[0];
    if (t[1] < out[1]) out[1] = t[1];
    if (t[2] < out[2]) out[2] = t[2];
  }
  return out;
}


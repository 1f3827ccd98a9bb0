/**
 * The region hierarchy (province → prefecture → county) with a small spatial lookup.
 * Pure: built from public/geo/regions.geojson in the app, the CLI and the compiler.
 */
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { RegionFeature, RegionLevel } from './types.ts';

type BBox = [number, number, number, number];

/** Administrative suffixes dropped to match short names (包头市 → 包头, 锡林郭勒盟 → 锡林郭勒). */
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治旗', '自治县', '联合旗', '省', '市', '盟', '旗', '县', '区'];

export function shortRegionName(name: string): string {
  for (const s of SUFFIXES) if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

const GRID = 0.5; // degrees
const cellKey = (gx: number, gy: number) => (gx + 1000) * 4000 + (gy + 1000);

export class RegionIndex {
  readonly byCode = new Map<string, RegionFeature>();
  private readonly childCodes = new Map<string, string[]>();
  private readonly boxes: { code: string; box: BBox; feature: RegionFeature }[] = [];
  /** Leaves of the hierarchy (regions with no children) on a coarse grid, for point lookups. */
  private readonly grid = new Map<number, { box: BBox; feature: RegionFeature }[]>();

  constructor(features: readonly RegionFeature[]) {
    for (const f of features) {
      this.byCode.set(f.properties.code, f);
      this.boxes.push({ code: f.properties.code, box: turfBbox(f) as BBox, feature: f });
    }
    for (const f of features) {
      const parent = f.properties.parent;
      if (parent == null) continue;
      const list = this.childCodes.get(parent) ?? [];
      list.push(f.properties.code);
      this.childCodes.set(parent, list);
    }
    for (const b of this.boxes) {
      if (this.childCodes.has(b.code)) continue;
      for (let gx = Math.floor(b.box[0] / GRID); gx <= Math.floor(b.box[2] / GRID); gx++)
        for (let gy = Math.floor(b.box[1] / GRID); gy <= Math.floor(b.box[3] / GRID); gy++) {
          const key = cellKey(gx, gy);
          const cell = this.grid.get(key) ?? [];
          cell.push(b);
          this.grid.set(key, cell);
        }
    }
  }

  get(code: string): RegionFeature | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  children(code: string): string[] {
    return this.childCodes.get(code) ?? [];
  }

  /** Parent, grandparent … (nearest first). */
  ancestors(code: string): string[] {
    const out: string[] = [];
    let cur = this.byCode.get(code)?.properties.parent ?? null;
    while (cur != null && !out.includes(cur)) {
      out.push(cur);
      cur = this.byCode.get(cur)?.properties.parent ?? null;
    }
    return out;
  }

  descendants(code: string): string[] {
    const out: string[] = [];
    const stack = [...this.children(code)];
    while (stack.length) {
      const c = stack.pop()!;
      out.push(c);
      stack.push(...this.children(c));
    }
    return out;
  }

  level(code: string): RegionLevel | undefined {
    return this.byCode.get(code)?.properties.level;
  }

  /**
   * The regions at a point: the deepest region whose polygon contains it, and its ancestors.
   * Answering from the leaf keeps levels consistent where generalised outlines of different
   * sources do not nest exactly, and tests only small polygons.
   */
  regionsAt(pos: Position): string[] {
    const [x, y] = pos as [number, number];
    for (const { box, feature } of this.grid.get(cellKey(Math.floor(x / GRID), Math.floor(y / GRID))) ?? []) {
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      if (booleanPointInPolygon(pos, feature)) return [feature.properties.code, ...this.ancestors(feature.properties.code)];
    }
    return [];
  }

  /** Regions whose bounding box meets the given box. */
  regionsNearBox(box: BBox): RegionFeature[] {
    return this.boxes.filter((b) => b.box[0] <= box[2] && b.box[2] >= box[0] && b.box[1] <= box[3] && b.box[3] >= box[1]).map((b) => b.feature);
  }

  all(): RegionFeature[] {
    return this.boxes.map((b) => b.feature);
  }
}

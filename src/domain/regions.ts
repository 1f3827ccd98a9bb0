/**
 * The region hierarchy (province → prefecture → county) with a spatial index.
 * Pure: built from the regions' outlines (public/geo/regions.topo.json in the app and the CLI,
 * public/geo/regions.geojson in the compiler).
 */
import { bbox as turfBbox, geojsonRbush } from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import { PolygonPointIndex } from './polygon-index.ts';
import type { RegionFeature, RegionLevel } from './types.ts';

type BBox = [number, number, number, number];

/** Administrative suffixes dropped to match short names (包头市 → 包头, 锡林郭勒盟 → 锡林郭勒). */
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治旗', '自治县', '联合旗', '省', '市', '盟', '旗', '县', '区'];

export function shortRegionName(name: string): string {
  for (const s of SUFFIXES) if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

/** Grid cell (degrees) of the point-lookup memo. */
const CELL = 0.25;

const NOWHERE: readonly string[] = [];

/** What the R-tree holds: a region's bounding box and its position in the input. */
type BoxEntry = Feature<Point, { order: number }>;

/** An R-tree (turf's geojson-rbush) of boxes; answers in input order, so "first match" keeps its meaning. */
class BoxTree {
  private readonly tree = geojsonRbush<Point, { order: number }>();

  constructor(boxes: ReadonlyArray<{ order: number; box: BBox }>) {
    // Proxies carry a precomputed bbox, so the tree neither computes one nor touches the region features.
    const entries: BoxEntry[] = boxes.map(({ order, box }) => ({
      type: 'Feature',
      bbox: box,
      properties: { order },
      geometry: { type: 'Point', coordinates: [box[0], box[1]] },
    }));
    this.tree.load(entries);
  }

  /** Input positions of the boxes that meet the given (closed) box, ascending. */
  search(box: BBox): number[] {
    return this.tree
      .search(box)
      .features.map((f) => f.properties.order)
      .sort((a, b) => a - b);
  }
}

export class RegionIndex {
  readonly byCode = new Map<string, RegionFeature>();
  private readonly childCodes = new Map<string, string[]>();
  private readonly boxes: { code: string; box: BBox; feature: RegionFeature }[] = [];
  /** Every region's box, for box queries. */
  private readonly allTree: BoxTree;
  /** Leaves of the hierarchy (regions with no children), for point lookups. */
  private readonly leafTree: BoxTree;
  /**
   * Leaf candidates per small grid cell, found through the R-tree on first use: consecutive samples
   * of a line fall in the same cell, and a memo is much cheaper per point than a tree search.
   */
  private readonly cellLeaves = new Map<number, number[]>();
  /** Edge indexes of leaves, built on first use (the app rarely asks for points). */
  private readonly pointIndexes = new Map<number, PolygonPointIndex>();
  /** A leaf and its ancestors, the answer of regionsAt. */
  private readonly leafChains = new Map<string, string[]>();

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
    const ordered = this.boxes.map((b, order) => ({ order, box: b.box }));
    this.allTree = new BoxTree(ordered);
    this.leafTree = new BoxTree(ordered.filter(({ order }) => !this.childCodes.has(this.boxes[order]!.code)));
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

  /**
   * The leaves (regions with no children) that make up the union of `codes`, sorted and without
   * repeats: a league becomes its banners and counties, a prefecture without counties stays itself.
   * Children tile their parent exactly in regions.geojson, so the leaves cover the same ground.
   */
  leafCells(codes: readonly string[]): string[] {
    const out = new Set<string>();
    const stack = [...codes];
    while (stack.length) {
      const c = stack.pop()!;
      const kids = this.childCodes.get(c);
      if (kids) stack.push(...kids);
      else if (this.byCode.has(c)) out.add(c);
    }
    return [...out].sort();
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
    return this.chainAt(pos).slice();
  }

  /** regionsAt without the copy, for hot loops that only read it (line sampling). */
  chainAt(pos: Position): readonly string[] {
    const [x, y] = pos as [number, number];
    const gx = Math.floor(x / CELL);
    const gy = Math.floor(y / CELL);
    const key = (gx + 10_000) * 20_000 + (gy + 10_000);
    let candidates = this.cellLeaves.get(key);
    if (!candidates) this.cellLeaves.set(key, (candidates = this.leafTree.search([gx * CELL, gy * CELL, (gx + 1) * CELL, (gy + 1) * CELL])));
    for (const order of candidates) {
      const { box, feature } = this.boxes[order]!;
      if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
      let index = this.pointIndexes.get(order);
      if (!index) this.pointIndexes.set(order, (index = new PolygonPointIndex(feature.geometry)));
      if (index.contains(x, y)) {
        const code = feature.properties.code;
        let chain = this.leafChains.get(code);
        if (!chain) this.leafChains.set(code, (chain = [code, ...this.ancestors(code)]));
        return chain;
      }
    }
    return NOWHERE;
  }

  /** Regions whose bounding box meets the given box, in input order. */
  regionsNearBox(box: BBox): RegionFeature[] {
    return this.allTree.search(box).map((order) => this.boxes[order]!.feature);
  }

  all(): RegionFeature[] {
    return this.boxes.map((b) => b.feature);
  }
}

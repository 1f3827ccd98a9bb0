/**
 * Culling of deck.gl layers by view. deck.gl draws each of its layers whole in every frame, while
 * MapLibre draws only the tiles in view; under software WebGL every vertex costs, so a large layer
 * (the area tints: ~29 k vertices, ~85 k indices) is split into spatial chunks, each its own layer
 * with the extent of its data, and the overlay's `layerFilter` (`layerInView`) skips the chunks
 * outside the view. A layer whose data has no recorded extent is always drawn.
 */
import type { FilterContext } from '@deck.gl/core';

/** [west, south, east, north] in degrees. */
export type Extent = [number, number, number, number];

const extents = new WeakMap<object, Extent>();

/** Records the extent of a layer's data array (kept by the array, so clones of the layer share it). */
export function withExtent<T extends object>(data: T, extent: Extent): T {
  extents.set(data, extent);
  return data;
}

export function extentOf(data: unknown): Extent | undefined {
  return data && typeof data === 'object' ? extents.get(data) : undefined;
}

export function extentsOverlap(a: Extent, b: Extent): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

// One viewport object serves all layers of a frame (deck.gl's MapLibre overlay keeps it per render).
const viewBounds = new WeakMap<object, Extent>();

/** deck.gl `layerFilter`: false for a layer whose data lies wholly outside the viewport. */
export function layerInView({ layer, viewport }: Pick<FilterContext, 'layer' | 'viewport'>): boolean {
  const extent = extentOf(layer.props.data);
  if (!extent) return true;
  let view = viewBounds.get(viewport);
  if (!view) {
    const v = viewport as unknown as { getBounds?: () => number[] };
    if (typeof v.getBounds !== 'function') return true;
    const b = v.getBounds();
    // A corner past the horizon (a steep pitch) has no position: then cull nothing.
    view = b.slice(0, 4).every(Number.isFinite) ? [b[0]!, b[1]!, b[2]!, b[3]!] : [-Infinity, -Infinity, Infinity, Infinity];
    viewBounds.set(viewport, view);
  }
  return extentsOverlap(extent, view);
}

function union(a: Extent, b: Extent): Extent {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/**
 * Items split into spatial chunks of at most `maxWeight` (a single heavier item is a chunk of its
 * own): halved at the median of their centres along the wider spread, recursively (a k-d split), so
 * neighbours share a chunk and a chunk's extent stays small. Each chunk carries its extent
 * (`extentOf`). Order within a chunk follows the input.
 */
export function chunkByExtent<T>(items: readonly T[], extentOfItem: (item: T) => Extent, weightOf: (item: T) => number, maxWeight: number): T[][] {
  const entries = items.map((item, index) => {
    const e = extentOfItem(item);
    return { item, index, e, cx: (e[0] + e[2]) / 2, cy: (e[1] + e[3]) / 2, w: weightOf(item) };
  });
  const out: T[][] = [];
  const split = (group: typeof entries) => {
    const weight = group.reduce((s, x) => s + x.w, 0);
    if (group.length <= 1 || weight <= maxWeight) {
      if (!group.length) return;
      group.sort((a, b) => a.index - b.index);
      out.push(withExtent(group.map((x) => x.item), group.map((x) => x.e).reduce(union)));
      return;
    }
    const xs = group.map((x) => x.cx);
    const ys = group.map((x) => x.cy);
    const alongX = Math.max(...xs) - Math.min(...xs) >= Math.max(...ys) - Math.min(...ys);
    group.sort((a, b) => (alongX ? a.cx - b.cx : a.cy - b.cy) || a.index - b.index);
    // Split by weight, not count, so heavy items do not pile into one half.
    let acc = 0;
    let cut = 0;
    while (cut < group.length - 1 && acc + group[cut]!.w <= weight / 2) acc += group[cut++]!.w;
    cut = Math.min(Math.max(cut, 1), group.length - 1);
    split(group.slice(0, cut));
    split(group.slice(cut));
  };
  split(entries);
  return out;
}

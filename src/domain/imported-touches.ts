/**
 * The user's imported features in the region panel: which of them touch a region and how
 * (lies in / crosses with km / covers / overlaps), computed with the same spatialTouches the
 * catalogue compiler uses for the plan's projects. Lazy and cached: a region's answer only looks at
 * features whose box meets the region's box, and each feature's touches are worked out once.
 * Pure: no React.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { ImportedFeature } from './import.ts';
import type { RegionIndex } from './regions.ts';
import { spatialTouches, type SpatialTouch } from './touches.ts';
import type { RegionFeature } from './types.ts';
import { bboxOf, positionsOf, type BBox, type UserLayer } from './user-layers.ts';

export interface ImportedTouch {
  layer: UserLayer;
  feature: ImportedFeature;
  touch: SpatialTouch;
}

const touchCache = new WeakMap<ImportedFeature, SpatialTouch[]>();
const boxCache = new WeakMap<ImportedFeature, BBox | null>();
const regionBoxCache = new WeakMap<RegionFeature, BBox>();

function featureBox(f: ImportedFeature): BBox | null {
  let b = boxCache.get(f);
  if (b === undefined) boxCache.set(f, (b = bboxOf(positionsOf(f.geometry))));
  return b;
}

/** Every region a feature touches (cached per feature object). */
export function featureTouches(f: ImportedFeature, regions: RegionIndex): SpatialTouch[] {
  let t = touchCache.get(f);
  if (!t) touchCache.set(f, (t = spatialTouches(f.geometry, regions)));
  return t;
}

/** The features of the given layers that touch region `code`, layer by layer, in file order. */
export function importedTouching(code: string, layers: readonly UserLayer[], regions: RegionIndex): ImportedTouch[] {
  const region = regions.get(code);
  if (!region) return [];
  let rb = regionBoxCache.get(region);
  if (!rb) regionBoxCache.set(region, (rb = turfBbox(region) as BBox));
  const out: ImportedTouch[] = [];
  for (const layer of layers)
    for (const feature of layer.features) {
      const fb = featureBox(feature);
      if (!fb || fb[0] > rb[2] || fb[2] < rb[0] || fb[1] > rb[3] || fb[3] < rb[1]) continue;
      const touch = featureTouches(feature, regions).find((t) => t.region === code);
      if (touch) out.push({ layer, feature, touch });
    }
  return out;
}

/**
 * Which region-made areas leave their outline to the regions' topology in projects.geojson. The
 * compiler dissolves an area's regions with polygon-clipping (data/build.ts); where its leaf cells,
 * merged along their shared borders (src/domain/region-topology.ts), cover the same ground (area
 * within 1 part in a million), the file carries the cells alone and every reader merges them. An
 * area whose cells come from sources that do not share borders exactly (京津冀: two provinces of
 * the coarse source beside leagues of the fine one) keeps its dissolved outline.
 */
import { area } from '@turf/turf';
import type { ProjectCollection } from '../src/domain/types.ts';
import { outlineOfCells, type RegionTopology, type StoredProjectCollection } from '../src/domain/region-topology.ts';

export const SAME_AREA = 1e-6;

export function storedProjects(projects: ProjectCollection, topo: RegionTopology): { file: StoredProjectCollection; merged: string[]; kept: string[] } {
  const merged: string[] = [];
  const kept: string[] = [];
  const features = projects.features.map((f) => {
    const cells = f.properties.cells;
    if (!cells?.length || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return f;
    const outline = outlineOfCells(topo, cells);
    const a = area(f.geometry);
    if (outline && Math.abs(area(outline) - a) <= SAME_AREA * a) {
      merged.push(f.properties.id);
      return { ...f, geometry: null };
    }
    kept.push(f.properties.id);
    return f;
  });
  return { file: { type: 'FeatureCollection', features }, merged, kept };
}

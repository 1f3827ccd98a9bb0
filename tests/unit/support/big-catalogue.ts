/**
 * The catalogue `times` times over (ids `<id>~<k>`, names with ` <k>` added, each copy touching the
 * same regions): a stand-in for a larger catalogue in tests and the harness page.
 */
import { Catalogue } from '../../../src/domain/catalogue.ts';
import type { ProjectFeature, Touch } from '../../../src/domain/types.ts';

export function enlargedCatalogue(cat: Catalogue, times: number): Catalogue {
  const copyId = (id: string, k: number) => (k === 0 ? id : `${id}~${k}`);
  const features: ProjectFeature[] = [];
  for (let k = 0; k < times; k++)
    for (const p of cat.data.projects.features)
      features.push({
        ...p,
        id: copyId(p.properties.id, k),
        properties: { ...p.properties, id: copyId(p.properties.id, k), name_zh: k ? `${p.properties.name_zh} ${k}` : p.properties.name_zh, name_en: k ? `${p.properties.name_en} ${k}` : p.properties.name_en },
      });
  const byRegion: Record<string, Touch[]> = {};
  for (const [code, list] of Object.entries(cat.data.touches.byRegion)) {
    byRegion[code] = [];
    for (let k = 0; k < times; k++) for (const t of list) byRegion[code].push({ ...t, project: copyId(t.project, k) });
  }
  return new Catalogue({ ...cat.data, projects: { type: 'FeatureCollection', features }, touches: { version: 1, byRegion } });
}

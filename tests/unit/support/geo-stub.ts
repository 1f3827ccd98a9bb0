/** The map's geography (GeoData) as the derivations need it, built from the catalogue's regions: no countries, no labels. */
import { bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Catalogue } from '../../../src/domain/catalogue.ts';
import type { GeoData, RegionInfo } from '../../../src/map/geodata.ts';

export function geoOf(cat: Catalogue): GeoData {
  const byCode = new Map<string, RegionInfo>();
  const shapes = new Map<string, Polygon | MultiPolygon>();
  for (const f of cat.data.regions.features) {
    const p = f.properties;
    shapes.set(p.code, f.geometry);
    byCode.set(p.code, { code: p.code, level: p.level, name_zh: p.name_zh, name_en: p.name_en, parent: p.parent, bbox: bbox(f) } as RegionInfo);
  }
  return { regions: cat.data.regions, countries: { type: 'FeatureCollection', features: [] }, labels: { type: 'FeatureCollection', features: [] }, byCode, shapes } as unknown as GeoData;
}

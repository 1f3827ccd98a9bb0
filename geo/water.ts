/**
 * The basemap's rivers and lakes (tile layers `rivers` and `lakes`), from the vendored extracts:
 * Natural Earth 1:10m (geo/vendor/natural-earth, public domain) and, for lakes Natural Earth lacks,
 * labelled points at a published coordinate (geo/vendor/wikipedia). Read from the repository, never
 * the network. A named lake gets a name point at its pole of inaccessibility, so its name is written
 * once rather than once per tile its outline spans. The named rivers go a second time into their
 * own layer (`riverNames`, not drawn), which the tiles cut smoother, for their names to follow:
 * Natural Earth's courses bend too often for a name to fit along them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { labelAnchor } from './label-points.ts';
import { tileProps } from './tiles.ts';
import type { WaterProps } from './vendor/natural-earth/extract.ts';

export interface WaterLayers {
  rivers: FeatureCollection<LineString | MultiLineString>;
  /** The named rivers, for their names. */
  riverNames: FeatureCollection<LineString | MultiLineString>;
  lakes: FeatureCollection<Polygon | MultiPolygon | Point>;
  counts: { rivers: number; lakes: number; lakeNames: number; addedPoints: number };
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The properties the style reads (Natural Earth's own name stays in the extract). */
const props = (p: WaterProps) => tileProps({ name_zh: p.name_zh, name_en: p.name_en, kind: p.kind, rank: p.rank, min_zoom: p.min_zoom });

export function loadWater(vendorDir: string): WaterLayers {
  const rivers = read<FeatureCollection<LineString | MultiLineString, WaterProps>>(path.join(vendorDir, 'natural-earth', 'rivers.geojson'));
  const lakes = read<FeatureCollection<Polygon | MultiPolygon, WaterProps>>(path.join(vendorDir, 'natural-earth', 'lakes.geojson'));
  const added = read<FeatureCollection<Point, WaterProps>>(path.join(vendorDir, 'wikipedia', 'lakes.geojson'));
  const lakeFeatures: Feature<Polygon | MultiPolygon | Point>[] = lakes.features.map((f) => ({ type: 'Feature', properties: props(f.properties), geometry: f.geometry }));
  let lakeNames = 0;
  for (const f of lakes.features) {
    if (!f.properties.name_zh && !f.properties.name_en) continue;
    lakeNames++;
    lakeFeatures.push({ type: 'Feature', properties: { ...props(f.properties), kind: 'label' }, geometry: { type: 'Point', coordinates: labelAnchor(f.geometry, 1).map((x) => Math.round(x * 1e4) / 1e4) } });
  }
  for (const f of added.features) lakeFeatures.push({ type: 'Feature', properties: props(f.properties), geometry: f.geometry });
  const riverFeatures: Feature<LineString | MultiLineString>[] = rivers.features.map((f) => ({ type: 'Feature', properties: props(f.properties), geometry: f.geometry }));
  return {
    rivers: { type: 'FeatureCollection', features: riverFeatures },
    riverNames: { type: 'FeatureCollection', features: riverFeatures.filter((f) => f.properties!.kind === 'river' && (f.properties!.name_zh || f.properties!.name_en)) },
    lakes: { type: 'FeatureCollection', features: lakeFeatures },
    counts: { rivers: rivers.features.length, lakes: lakes.features.length, lakeNames, addedPoints: added.features.length },
  };
}

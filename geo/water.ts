/**
 * The basemap's rivers and lakes (tile layers `rivers` and `lakes`), from the vendored extracts:
 * Natural Earth 1:10m (geo/vendor/natural-earth, public domain) and, for lakes Natural Earth lacks,
 * labelled points at a published coordinate (geo/vendor/wikipedia). Read from the repository, never
 * the network. A named lake gets a name point at its pole of inaccessibility, so its name is written
 * once rather than once per tile its outline spans. A named river gets a smoothed copy of its course
 * (`kind` `name_line`, not drawn) that its name follows: Natural Earth's courses bend too often for
 * a name to fit along them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { simplify } from '@turf/turf';
import { labelAnchor } from './label-points.ts';
import { tileProps } from './tiles.ts';
import type { WaterProps } from './vendor/natural-earth/extract.ts';

export interface WaterLayers {
  rivers: FeatureCollection<LineString | MultiLineString>;
  lakes: FeatureCollection<Polygon | MultiPolygon | Point>;
  counts: { rivers: number; lakes: number; lakeNames: number; addedPoints: number };
}

/** Douglas-Peucker tolerance of the name lines (≈ 2 km: a few px at the zooms rivers are named). */
const NAME_LINE_TOLERANCE = 0.02;

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
  for (const f of rivers.features) {
    if (f.properties.kind !== 'river' || (!f.properties.name_zh && !f.properties.name_en)) continue;
    const smooth = simplify(f, { tolerance: NAME_LINE_TOLERANCE, highQuality: true, mutate: false });
    riverFeatures.push({ type: 'Feature', properties: { ...props(f.properties), kind: 'name_line' }, geometry: smooth.geometry });
  }
  return {
    rivers: { type: 'FeatureCollection', features: riverFeatures },
    lakes: { type: 'FeatureCollection', features: lakeFeatures },
    counts: { rivers: rivers.features.length, lakes: lakes.features.length, lakeNames, addedPoints: added.features.length },
  };
}

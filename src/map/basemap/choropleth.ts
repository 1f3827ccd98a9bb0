/**
 * The choropleth: Inner Mongolia's leagues (below the county zoom) or banners and counties (from it),
 * shaded by how many projects touch them.
 *
 * It has a source of its own, empty until the choropleth is shown, holding only the shaded regions
 * with their colour as a property. Showing or changing it re-tiles those few polygons alone: a
 * data-driven colour on the basemap's `regions` source would make MapLibre lay out every tile of
 * that source again (all its fills and borders) on each change.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FillLayerSpecification, LayerSpecification } from 'maplibre-gl';
import type { RegionCollection } from '../../domain/types.ts';
import { COUNTY_ZOOM } from '../../domain/vocabulary.ts';
import { SOURCE } from './sources.ts';

export const CHOROPLETH_LAYERS = ['choropleth-leagues', 'choropleth-counties'] as const;

export interface ChoroplethProps {
  code: string;
  level: 'prefecture' | 'county';
  /** CSS colour of the region's class. */
  fill: string;
}
export type ChoroplethCollection = FeatureCollection<Polygon | MultiPolygon, ChoroplethProps>;

export const EMPTY_CHOROPLETH: ChoroplethCollection = { type: 'FeatureCollection', features: [] };

export function choroplethLayers(): LayerSpecification[] {
  const paint: FillLayerSpecification['paint'] = { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.82 };
  return [
    { id: CHOROPLETH_LAYERS[0], type: 'fill', source: SOURCE.choropleth, filter: ['==', ['get', 'level'], 'prefecture'], maxzoom: COUNTY_ZOOM, paint },
    { id: CHOROPLETH_LAYERS[1], type: 'fill', source: SOURCE.choropleth, filter: ['==', ['get', 'level'], 'county'], minzoom: COUNTY_ZOOM, paint },
  ];
}

/** The shaded regions: those of `colours` (code → colour) that are prefectures or counties. */
export function choroplethData(regions: RegionCollection, colours: ReadonlyMap<string, string>): ChoroplethCollection {
  const features: Array<Feature<Polygon | MultiPolygon, ChoroplethProps>> = [];
  if (colours.size === 0) return EMPTY_CHOROPLETH;
  for (const f of regions.features) {
    const fill = colours.get(f.properties.code);
    const level = f.properties.level;
    if (!fill || (level !== 'prefecture' && level !== 'county')) continue;
    features.push({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties.code, level, fill } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The basemap's sources. Regions and countries are GeoJSON read once by the app from its own origin
 * (see src/map/geodata.ts) and handed to MapLibre as data; label anchors are computed from them.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import type { CountryCollection, RegionCollection } from '../geodata.ts';

export const SOURCE = {
  regions: 'regions',
  countries: 'countries',
  labels: 'labels',
  /** The hovered and the selected region or country (src/map/basemap/interaction.ts). */
  highlight: 'highlight',
  /** The shaded regions of the choropleth, empty while it is off (src/map/basemap/choropleth.ts). */
  choropleth: 'choropleth',
} as const;

export interface LabelProps {
  /** Region code, ISO alpha-3 or sea id. */
  id: string;
  kind: 'country' | 'province' | 'league' | 'prefecture' | 'county' | 'sea';
  name_zh: string;
  name_en: string;
  /** Lower draws first and wins collisions. */
  rank: number;
}
export type LabelCollection = FeatureCollection<Point, LabelProps>;

export function basemapSources(regions: RegionCollection, countries: CountryCollection, labels: LabelCollection): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE.countries]: { type: 'geojson', data: countries, tolerance: 0.5 },
    // Borders of neighbours are shared: keep the tolerance low so they match at every zoom.
    [SOURCE.regions]: { type: 'geojson', data: regions, tolerance: 0.3 },
    [SOURCE.labels]: { type: 'geojson', data: labels },
    // Small sources that change: changing them re-tiles their own few features, never `regions`.
    [SOURCE.highlight]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
    [SOURCE.choropleth]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
  };
}

/**
 * The basemap's sources. Regions, countries and the names' anchors are GeoJSON files of the app's
 * own origin (public/geo, built by geo/), read by MapLibre's worker from their URLs, as a bare map
 * would: the map starts as soon as the page does, while the main thread reads the same regions for
 * the panels (src/map/geodata.ts) in parallel.
 */
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import type { LabelCollection, LabelProps } from '../../domain/types.ts';

export type { LabelCollection, LabelProps };

export const SOURCE = {
  regions: 'regions',
  countries: 'countries',
  labels: 'labels',
  /** The hovered and the selected region or country (src/map/basemap/interaction.ts). */
  highlight: 'highlight',
  /** The shaded regions of the choropleth, empty while it is off (src/map/basemap/choropleth.ts). */
  choropleth: 'choropleth',
} as const;

/** Absolute URLs of the basemap's files. */
export interface BasemapFiles {
  regions: string;
  countries: string;
  labels: string;
}

export function basemapSources(files: BasemapFiles): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE.countries]: { type: 'geojson', data: files.countries, tolerance: 0.5 },
    // Borders of neighbours are shared: keep the tolerance low so they match at every zoom.
    [SOURCE.regions]: { type: 'geojson', data: files.regions, tolerance: 0.3 },
    [SOURCE.labels]: { type: 'geojson', data: files.labels },
    // Small sources that change: changing them re-tiles their own few features, never `regions`.
    [SOURCE.highlight]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
    [SOURCE.choropleth]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
  };
}

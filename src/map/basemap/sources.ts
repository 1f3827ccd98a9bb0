/**
 * The basemap's sources. Regions, countries and the names' anchors (all built by geo/) are read once
 * by the app from its own origin (src/map/geodata.ts) and handed to MapLibre as data: the panels need
 * the regions too, and letting MapLibre's worker fetch them by URL as well downloaded them twice for
 * no faster a first frame (bench/README.md, "load").
 */
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import type { BorderCollection, LabelCollection, LabelProps } from '../../domain/types.ts';
import type { CountryCollection, RegionCollection } from '../geodata.ts';

export type { LabelCollection, LabelProps };

export const SOURCE = {
  regions: 'regions',
  countries: 'countries',
  labels: 'labels',
  /** The border lines, each once, by the level it separates (./borders.ts). */
  borders: 'borders',
  /** The hovered and the selected region or country (src/map/basemap/interaction.ts). */
  highlight: 'highlight',
  /** The shaded regions of the choropleth, empty while it is off (src/map/basemap/choropleth.ts). */
  choropleth: 'choropleth',
} as const;

/** What the basemap draws: public/geo's three files, and the borders derived from them. */
export interface BasemapData {
  regions: RegionCollection;
  countries: CountryCollection;
  labels: LabelCollection;
  /** The border lines, each once (derived from the regions and countries: ./borders.ts). */
  borders: BorderCollection;
}

/** The provinces of the regions (the whole collection when it holds nothing else). */
function provincesOf(regions: RegionCollection): RegionCollection {
  const features = regions.features.filter((f) => f.properties.level === 'province');
  return features.length === regions.features.length ? regions : { type: 'FeatureCollection', features };
}

export function basemapSources(data: BasemapData): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE.countries]: { type: 'geojson', data: data.countries, tolerance: 0.5 },
    // Borders of neighbours are shared: keep the tolerance low so they match at every zoom.
    // Only the provinces' land fills read the regions; the pointer's region comes from the
    // geography itself (./interaction.ts), so the map's worker tiles the provinces alone.
    [SOURCE.regions]: { type: 'geojson', data: provincesOf(data.regions), tolerance: 0.3 },
    [SOURCE.labels]: { type: 'geojson', data: data.labels },
    // The same tolerance as the regions: the lines stay on the edges of the fills.
    [SOURCE.borders]: { type: 'geojson', data: data.borders, tolerance: 0.3 },
    // Small sources that change: changing them re-tiles their own few features, never `regions`.
    [SOURCE.highlight]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
    [SOURCE.choropleth]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
  };
}

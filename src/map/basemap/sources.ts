/**
 * The basemap's sources. The lands of the countries and provinces and the border lines are vector
 * tiles cut at build time (geo/tiles.ts → public/tiles/), read by MapLibre's worker from the app's
 * own origin: as GeoJSON handed over by the page they were copied on the main thread and tiled in
 * the worker before the first frame (~0.2 s of the load; bench/README.md, "load"). The names'
 * anchors (small, and their text follows the language) stay GeoJSON, read once by the app with the
 * regions the panels need (src/map/geodata.ts).
 */
import type { GeoJSONSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { LabelCollection, LabelProps } from '../../domain/types.ts';
import { TILE_LAYER, TILE_MAXZOOM } from '../../domain/vocabulary.ts';

export type { LabelCollection, LabelProps };

export const SOURCE = {
  /** The vector tiles: layers `countries`, `provinces`, `borders`, `railways`, `rivers`, `river-names`, `lakes`, `towns` (TILE_LAYER). */
  basemap: 'basemap',
  labels: 'labels',
  /** The hovered and the selected region or country (src/map/basemap/interaction.ts). */
  highlight: 'highlight',
  /** The shaded regions of the choropleth, empty while it is off (src/map/basemap/choropleth.ts). */
  choropleth: 'choropleth',
} as const;

/** A layer's source and source layer in the basemap's tiles. */
export function tileLayer(name: keyof typeof TILE_LAYER): { source: string; 'source-layer': string } {
  return { source: SOURCE.basemap, 'source-layer': TILE_LAYER[name] };
}

/** What the basemap draws besides its tiles. */
export interface BasemapData {
  labels: LabelCollection;
  /** The tiles' URL template (`…/tiles/{z}/{x}/{y}.pbf`, absolute: MapLibre's worker fetches it). */
  tiles: string;
}

export function basemapSources(data: BasemapData): Record<string, GeoJSONSourceSpecification | VectorSourceSpecification> {
  return {
    [SOURCE.basemap]: { type: 'vector', tiles: [data.tiles], minzoom: 0, maxzoom: TILE_MAXZOOM },
    [SOURCE.labels]: { type: 'geojson', data: data.labels },
    // Small sources that change: changing them re-tiles their own few features, never the basemap's.
    [SOURCE.highlight]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
    [SOURCE.choropleth]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.3 },
  };
}

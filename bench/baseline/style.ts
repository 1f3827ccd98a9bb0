/**
 * The baseline's map style: the same two GeoJSON files as the app (by URL, same origin), one fill and
 * one line layer each. Shared by the baseline page and the export peer page, so both draw the same.
 */
import type { StyleSpecification } from 'maplibre-gl';

export function baselineStyle(): StyleSpecification {
  const url = (path: string) => new URL(path, document.baseURI).href;
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: url('geo/countries.geojson') },
      regions: { type: 'geojson', data: url('geo/regions.geojson') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d5e3ea' } },
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#e9e7e1' } },
      { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#a29d91' } },
      { id: 'regions-fill', type: 'fill', source: 'regions', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'regions-line', type: 'line', source: 'regions', paint: { 'line-color': '#a69c89' } },
    ],
  };
}

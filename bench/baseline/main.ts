/**
 * Benchmark baseline: the least a map of the same data can do. MapLibre alone (same version, same
 * worker set-up), the same two GeoJSON files loaded by URL from the same origin, one fill and one
 * line layer each, the same first frame (same bounds and padding as the app). No labels, no UI, no
 * deck.gl, no fonts. It records when the map first goes idle.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

declare global {
  interface Window {
    __baseline?: { map: MapLibreMap; idleAt: number | null };
  }
}

setWorkerUrl(workerUrl);
const url = (path: string) => new URL(path, document.baseURI).href;

const map = new MapLibreMap({
  container: 'map',
  style: {
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
  },
  bounds: [97, 35, 127, 53.5],
  fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 60, right: 410 } },
  attributionControl: false,
});
window.__baseline = { map, idleAt: null };
map.once('idle', () => {
  window.__baseline!.idleAt = performance.now();
});

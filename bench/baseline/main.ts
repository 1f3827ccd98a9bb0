/**
 * Benchmark baseline: the least a map of the same data can do. MapLibre alone (same version, same
 * worker set-up), the same two GeoJSON files loaded by URL from the same origin, one fill and one
 * line layer each, the same first frame (same bounds and padding as the app). No labels, no UI, no
 * deck.gl, no fonts. It records when the map first goes idle.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baselineStyle } from './style.ts';

declare global {
  interface Window {
    __baseline?: { map: MapLibreMap; idleAt: number | null };
  }
}

setWorkerUrl(workerUrl);

const map = new MapLibreMap({
  container: 'map',
  style: baselineStyle(),
  bounds: [97, 35, 127, 53.5],
  fitBoundsOptions: { padding: { top: 40, bottom: 40, left: 60, right: 410 } },
  attributionControl: false,
});
window.__baseline = { map, idleAt: null };
map.once('idle', () => {
  window.__baseline!.idleAt = performance.now();
});

/**
 * Benchmark peer: what a user of MapLibre would reach for to export a map, @watergis/maplibre-gl-export
 * (a devDependency used only by the benchmark). The baseline page (bench/baseline/: MapLibre alone,
 * the same two GeoJSON files, the same basemap layers) plus the plugin's MaplibreExportControl, which
 * the benchmark opens, sets and clicks as a user would (bench/export.ts measurePeerExports).
 *
 * The page map is the project's MapLibre (6.x); the plugin renders its export with the MapLibre it
 * depends on (5.x, installed under its own node_modules), as it does for anyone who installs it.
 * `hash: 'map'` reads the same `#map=zoom/lat/lng` as the app, so both export the same view.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baselineStyle } from '../baseline/style.ts';
import { MaplibreExportControl } from '@watergis/maplibre-gl-export';
import '@watergis/maplibre-gl-export/dist/maplibre-gl-export.css';

declare global {
  interface Window {
    __peer?: { map: MapLibreMap; idleAt: number | null };
  }
}

setWorkerUrl(workerUrl);

const map = new MapLibreMap({
  container: 'map',
  style: baselineStyle(),
  hash: 'map',
  center: [111.5, 41.3],
  zoom: 5.6,
  attributionControl: false,
});
// The plugin's defaults except the ones a user would set for this job: no crosshair or printable
// area overlay (they only draw on screen), a file name.
// The plugin's typings name mapbox-gl's Map too (not installed); at run time it takes MapLibre's.
map.addControl(new MaplibreExportControl({ Crosshair: false, PrintableArea: false, Local: 'en', Filename: 'peer' }) as never, 'top-right');
window.__peer = { map, idleAt: null };
map.once('idle', () => {
  window.__peer!.idleAt = performance.now();
});

/**
 * Benchmark baseline: the least a map of the same data can do. MapLibre alone (same version, same
 * worker set-up), the atlas's data from the same origin, no names, no UI, no deck.gl, no fonts, and
 * the app's first frame: the same bounds, padding (the side panel's inset at the viewport's width),
 * zoom limits and pan bounds. `?source=tiles` (the floor: the app's vector tiles), `pmtiles` (the
 * same tiles in one archive) or `geojson` (the default: the GeoJSON files; bench/baseline/style.ts).
 * It records when the map first goes idle.
 */
import { Map as MapLibreMap, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { HOME_BOUNDS, MAP_BOUNDS } from '../../src/domain/vocabulary.ts';
import { panelInset } from '../../src/map/panel-inset.ts';
import { baselineStyle, type BaselineKind } from './style.ts';

declare global {
  interface Window {
    __baseline?: { map: MapLibreMap; idleAt: number | null; kind: BaselineKind };
  }
}

setWorkerUrl(workerUrl);

async function start(): Promise<void> {
  const asked = new URLSearchParams(location.search).get('source');
  const kind: BaselineKind = asked === 'tiles' || asked === 'pmtiles' ? asked : 'geojson';
  if (kind === 'pmtiles') {
    // Only this variant loads the reader: the other pages' code stays MapLibre alone.
    const { Protocol } = await import('pmtiles');
    addProtocol('pmtiles', new Protocol().tile);
  }
  const inset = panelInset();
  const map = new MapLibreMap({
    container: 'map',
    style: baselineStyle(kind),
    bounds: HOME_BOUNDS,
    fitBoundsOptions: { padding: { top: 40, bottom: 40 + inset.bottom, left: 60, right: 30 + inset.right } },
    minZoom: 2.5,
    maxZoom: 11,
    maxBounds: MAP_BOUNDS,
    attributionControl: false,
  });
  window.__baseline = { map, idleAt: null, kind };
  map.once('idle', () => {
    window.__baseline!.idleAt = performance.now();
  });
}

void start();

/**
 * The measure tool on the live map: a GeoJSON source with the measured path or area and the clicked
 * points (src/domain/measure.ts's measureDrawData), drawn by MapLibre on top of everything, and
 * never exported (a measurement is the user's scratch work, not part of the plan's map).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

const SOURCE = 'measure';
const INK = '#2f2a21';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function ensureLayers(map: MapLibreMap): GeoJSONSource | undefined {
  if (!map.isStyleLoaded() && !map.getStyle()) return undefined;
  if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
  if (!map.getLayer('measure-area')) {
    map.addLayer({ id: 'measure-area', type: 'fill', source: SOURCE, filter: ['==', ['get', 'kind'], 'area'], paint: { 'fill-color': INK, 'fill-opacity': 0.12 } });
    map.addLayer({
      id: 'measure-line',
      type: 'line',
      source: SOURCE,
      filter: ['in', ['get', 'kind'], ['literal', ['path', 'area']]],
      paint: { 'line-color': INK, 'line-width': 2, 'line-dasharray': [3, 1.5] },
    });
    map.addLayer({
      id: 'measure-vertex',
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'vertex'],
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': INK, 'circle-stroke-width': 2 },
    });
  }
  return map.getSource<GeoJSONSource>(SOURCE);
}

/** Shows a measurement (null removes it). Safe to call before the style has loaded: it waits. */
export function showMeasure(map: MapLibreMap, data: FeatureCollection | null): void {
  const apply = () => {
    if (!data) {
      for (const id of ['measure-vertex', 'measure-line', 'measure-area']) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
      return;
    }
    ensureLayers(map)?.setData(data);
  };
  if (map.isStyleLoaded()) apply();
  else map.once('idle', apply);
}

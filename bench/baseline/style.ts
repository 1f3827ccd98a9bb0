/**
 * The baseline pages' map styles: the least a map of the atlas's data can do.
 *
 * - `tiles` (the floor): the app's own vector tiles (public/tiles, the same URL template and zoom
 *   range as src/map/basemap/sources.ts), each tile layer drawn once as what it holds (a fill for
 *   its polygons, a line for its lines, a circle for its points), no names. Written over TILE_LAYER,
 *   so a layer added to the tiles (rivers, towns …) is drawn here too and the floor stays the same data.
 * - `pmtiles`: the same tiles read from one PMTiles archive (geo/pmtiles.ts), to compare the two ways
 *   of serving them.
 * - `geojson`: the two GeoJSON files (`regions`, `countries`) by URL, one fill and one line layer each:
 *   the baseline before the basemap became tiles, kept as a second row. The export peer page draws it.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { TILE_LAYER, TILE_MAXZOOM } from '../../src/domain/vocabulary.ts';

export type BaselineKind = 'geojson' | 'tiles' | 'pmtiles';

const SEA: LayerSpecification = { id: 'sea', type: 'background', paint: { 'background-color': '#d5e3ea' } };

const isType = (...types: string[]): ExpressionSpecification => ['match', ['geometry-type'], types, true, false];

/** An absolute URL under the page (MapLibre's worker fetches it). */
const url = (path: string) => new URL(path, document.baseURI).href;

export function baselineStyle(kind: BaselineKind = 'geojson'): StyleSpecification {
  if (kind === 'geojson') {
    return {
      version: 8,
      sources: {
        countries: { type: 'geojson', data: url('geo/countries.geojson') },
        regions: { type: 'geojson', data: url('geo/regions.geojson') },
      },
      layers: [
        SEA,
        { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#e9e7e1' } },
        { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#a29d91' } },
        { id: 'regions-fill', type: 'fill', source: 'regions', paint: { 'fill-color': '#f4f1ea' } },
        { id: 'regions-line', type: 'line', source: 'regions', paint: { 'line-color': '#a69c89' } },
      ],
    };
  }
  // The braces are added after URL resolution, which would escape them.
  const tiles = kind === 'tiles' ? `${url('tiles/')}{z}/{x}/{y}.pbf` : `pmtiles://${url('tiles.pmtiles')}/{z}/{x}/{y}`;
  const layers: LayerSpecification[] = [SEA];
  for (const name of Object.values(TILE_LAYER)) {
    const src = { source: 'basemap', 'source-layer': name };
    layers.push(
      { id: `${name}-fill`, type: 'fill', ...src, filter: isType('Polygon', 'MultiPolygon'), paint: { 'fill-color': '#efece5', 'fill-antialias': false } },
      { id: `${name}-line`, type: 'line', ...src, filter: isType('LineString', 'MultiLineString'), paint: { 'line-color': '#a69c89' } },
      { id: `${name}-point`, type: 'circle', ...src, filter: isType('Point', 'MultiPoint'), paint: { 'circle-radius': 2, 'circle-color': '#6b6256' } },
    );
  }
  return { version: 8, sources: { basemap: { type: 'vector', tiles: [tiles], minzoom: 0, maxzoom: TILE_MAXZOOM } }, layers };
}

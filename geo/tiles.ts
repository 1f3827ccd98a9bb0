/**
 * The basemap's vector tiles (`public/tiles/{z}/{x}/{y}.pbf`, Mapbox Vector Tile 2.1): the lands of
 * the neighbouring countries, China's provinces, the border lines (each drawn once, by the level
 * it separates: ./border-lines.ts), OpenStreetMap's railway lines (./railways.ts) and further layers
 * the build hands in (rivers, lakes, towns: ./water.ts, ./towns.ts), cut at build time with geojson-vt — the tiler MapLibre itself
 * runs in its worker for GeoJSON sources — and encoded with vt-pbf.
 *
 * Why tiles: GeoJSON sources are copied on the page's main thread and tiled in MapLibre's worker
 * before the first frame; tiles cut here leave the worker only the few tiles in view to decode
 * (measurements in bench/README.md, "load").
 *
 * The tiles match what the GeoJSON sources drew: the same tolerances (MapLibre's GeoJSON
 * `tolerance` is in 512-px tile pixels; here in tile units, so ×16 at extent 8192), tiles down to
 * zoom 8 (the map, zoom ≤ 11, draws z8 tiles over-zoomed; a tile unit is then ~19 m, under half a
 * pixel at zoom 11), and few properties: `code` and `kind`, which the layers read, and `level`.
 */
import fs from 'node:fs';
import path from 'node:path';
import geojsonvt, { type Tile } from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BorderRuns, CountryProps, RegionProps } from '../src/domain/types.ts';
import { MAP_BOUNDS, RAILWAY_DETAIL_ZOOM, RAILWAY_MAIN_KM, TILE_LAYER, TILE_MAXZOOM } from '../src/domain/vocabulary.ts';
import { bordersOf } from './border-lines.ts';
import { railwayTileFeatures, type OsmRailways } from './railways.ts';

/** Tile extent (units across a tile): MapLibre's own for GeoJSON sources. */
const EXTENT = 8192;
/** Units per pixel of a 512-px tile. */
const UNITS_PER_PX = EXTENT / 512;
/** Features reach this far past a tile's edge (16 px), so strokes and joins are not cut there. */
const BUFFER = 16 * UNITS_PER_PX;
/** No tile is cut outside the bounds the map may be panned to. */
const [[WEST, SOUTH], [EAST, NORTH]] = MAP_BOUNDS;

export interface TileSet {
  /** `z/x/y` → encoded tile. */
  tiles: Map<string, Uint8Array>;
  bytes: number;
  /** Every name the tiles' labels can show (scripts/fonts.ts subsets the fonts to them). */
  names: string[];
}

function lonToX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** The tiles cut at zoom `z`: every one over the map's bounds (empty ones included). */
export function tileRange(z: number): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: lonToX(WEST, z), x1: lonToX(EAST, z), y0: latToY(NORTH, z), y1: latToY(SOUTH, z) };
}

/** Only the properties the basemap's layers read: smaller tiles. */
function keep<P extends object>(fc: FeatureCollection<Polygon | MultiPolygon, P>, pick: (p: P) => Record<string, string>, only?: (p: P) => boolean): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => !only || only(f.properties)).map((f): Feature => ({ type: 'Feature', properties: pick(f.properties), geometry: f.geometry })),
  };
}

function mainLinesUnnamed(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => f.properties!.km >= RAILWAY_MAIN_KM)
      .map((f) => ({ ...f, properties: { highspeed: f.properties!.highspeed, km: f.properties!.km } })),
  };
}

/**
 * A further layer of the tiles: its name (TILE_LAYER), features (properties as the style reads
 * them), tolerance in px and, optionally, the zoom from which the style draws a feature: a tile of
 * zoom z (drawn from z to z + 1) holds only the features drawn before z + 1.
 */
export type ExtraLayer = [name: string, data: FeatureCollection, tolerancePx: number, drawnFrom?: (properties: Record<string, unknown>) => number];

/** Drops null and undefined properties (an MVT value cannot be null). */
export function tileProps(p: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string | number | boolean>;
}

/** Cuts the layers into tiles from zoom 0 to TILE_MAXZOOM within the map's bounds: lands, borders, railways, and any `extra` layers. */
export function basemapTiles(
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProps>,
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>,
  runs: BorderRuns,
  railways: OsmRailways,
  extra: ExtraLayer[] = [],
): TileSet {
  const borders = bordersOf(runs, regions.features, countries.features);
  const index = (data: FeatureCollection, tolerancePx: number) =>
    geojsonvt(data, { maxZoom: TILE_MAXZOOM, indexMaxZoom: 0, tolerance: tolerancePx * UNITS_PER_PX, extent: EXTENT, buffer: BUFFER });
  // The same simplification as MapLibre's GeoJSON `tolerance`, in tile units. A layer may be cut
  // from different data by zoom: [name, index, first zoom, last zoom].
  const rail = railwayTileFeatures(railways);
  const layers: Array<[string, ReturnType<typeof geojsonvt>, number?, number?]> = [
    [TILE_LAYER.countries, index(keep(countries, () => ({})), 0.5)],
    [TILE_LAYER.provinces, index(keep(regions, (p) => ({ code: p.code, level: p.level }), (p) => p.level === 'province'), 0.3)],
    [TILE_LAYER.borders, index(borders as FeatureCollection, 0.3)],
    // Already simplified at ~200 m (under half a pixel to zoom 7); 0.5 px thins the low zooms, which
    // hold only the main lines and no names (the style draws no more there).
    [TILE_LAYER.railways, index(mainLinesUnnamed(rail), 0.5), 0, RAILWAY_DETAIL_ZOOM - 1],
    [TILE_LAYER.railways, index(rail, 0.5), RAILWAY_DETAIL_ZOOM],
  ];
  // An extra layer with `drawnFrom` gets one index per distinct set of features (a few zooms share one).
  const extraAt: Array<(z: number) => ReturnType<typeof geojsonvt> | null> = extra.map(([, data, tol, drawnFrom]) => {
    if (!drawnFrom) {
      const idx = index(data, tol);
      return () => idx;
    }
    const cache = new Map<number, ReturnType<typeof geojsonvt> | null>();
    return (z) => {
      const features = data.features.filter((f) => drawnFrom(f.properties ?? {}) < z + 1);
      if (!cache.has(features.length)) cache.set(features.length, features.length ? index({ type: 'FeatureCollection', features }, tol) : null);
      return cache.get(features.length)!;
    };
  });
  const tiles = new Map<string, Uint8Array>();
  let bytes = 0;
  for (let z = 0; z <= TILE_MAXZOOM; z++) {
    const { x0, x1, y0, y1 } = tileRange(z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const parts: Record<string, Tile> = {};
        for (const [name, idx, z0 = 0, z1 = TILE_MAXZOOM] of layers) {
          if (z < z0 || z > z1) continue;
          const t = idx.getTile(z, x, y);
          if (t && t.features.length) parts[name] = t;
        }
        extra.forEach(([name], i) => {
          const t = extraAt[i]!(z)?.getTile(z, x, y);
          if (t && t.features.length) parts[name] = t;
        });
        // Open sea too gets its (empty) tile: a missing one would be a 404 for MapLibre and the console.
        const pbf = Object.keys(parts).length ? fromGeojsonVt(parts, { version: 2, extent: EXTENT }) : new Uint8Array(0);
        tiles.set(`${z}/${x}/${y}`, pbf);
        bytes += pbf.length;
      }
    }
  }
  const names = new Set<string>();
  for (const [, data] of extra) for (const f of data.features) for (const k of ['name_zh', 'name_en']) if (typeof f.properties?.[k] === 'string') names.add(f.properties[k]);
  return { tiles, bytes, names: [...names].sort() };
}

/** Writes the tiles under `dir` (emptied first) and `dir/tiles.json` (what was written). */
export function writeBasemapTiles(dir: string, set: TileSet): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [key, pbf] of set.tiles) {
    const file = path.join(dir, `${key}.pbf`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pbf);
  }
  const meta = { maxzoom: TILE_MAXZOOM, extent: EXTENT, layers: Object.values(TILE_LAYER), tiles: set.tiles.size, bytes: set.bytes, names: set.names };
  fs.writeFileSync(path.join(dir, 'tiles.json'), JSON.stringify(meta, null, 1) + '\n');
}

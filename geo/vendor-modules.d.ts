// Types for the two tile-cutting packages geo/tiles.ts uses (neither ships its own).
declare module 'geojson-vt' {
  import type { GeoJSON } from 'geojson';
  export interface TileFeature {
    type: 1 | 2 | 3;
    geometry: unknown;
    tags: Record<string, unknown> | null;
  }
  export interface Tile {
    features: TileFeature[];
  }
  export interface Options {
    maxZoom?: number;
    indexMaxZoom?: number;
    indexMaxPoints?: number;
    tolerance?: number;
    extent?: number;
    buffer?: number;
  }
  export interface Index {
    getTile(z: number, x: number, y: number): Tile | null;
  }
  export default function geojsonvt(data: GeoJSON, options?: Options): Index;
}
declare module 'vt-pbf' {
  import type { Tile } from 'geojson-vt';
  export function fromGeojsonVt(layers: Record<string, Tile>, options?: { version?: number; extent?: number }): Uint8Array;
}

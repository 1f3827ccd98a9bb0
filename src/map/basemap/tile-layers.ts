/**
 * The basemap's vector tiles (written by geo/tiles.ts to public/tiles/, read by the `basemap`
 * source): their layers and deepest zoom, shared by the pipeline that cuts them and the style.
 */
export const TILE_LAYER = {
  /** Neighbouring countries' land. */
  countries: 'countries',
  /** China's provinces (`code`, `level`). */
  provinces: 'provinces',
  /** Border lines, each once, by the level they separate (`kind`). */
  borders: 'borders',
} as const;

/** Tiles are cut down to this zoom; the map draws them over-zoomed beyond it. */
export const TILE_MAXZOOM = 8;

/**
 * The basemap's tiles as the service worker (src/sw.ts) keeps them: those to zoom
 * TILE_PRECACHE_MAXZOOM are precached with the app (442 files, the first views of every zoom the
 * atlas opens at); the deeper ones (over 5,500 files of zoom 7 and 8) are listed here as runs of rows
 * per column, cached when first drawn and fetched in the background after the first load. Pure.
 */

/** Zoom levels 0 … this are precached; the rest are cached on first view and in the background. */
export const TILE_PRECACHE_MAXZOOM = 6;

/** zoom → column → runs of rows [first, last] (inclusive). */
export type TileRuns = Record<number, Record<number, [number, number][]>>;

/** The paths (`z/x/y.pbf`, relative to the tiles folder) the runs list, in order. */
export function* tilePaths(runs: TileRuns): Generator<string> {
  for (const [z, cols] of Object.entries(runs))
    for (const [x, list] of Object.entries(cols)) for (const [a, b] of list) for (let y = a; y <= b; y++) yield `${z}/${x}/${y}.pbf`;
}

export function tileCount(runs: TileRuns): number {
  let n = 0;
  for (const cols of Object.values(runs)) for (const list of Object.values(cols)) for (const [a, b] of list) n += b - a + 1;
  return n;
}

/** A tile's zoom from its URL (…/tiles/z/x/y.pbf), or null when the URL is not a tile's. */
export function tileZoom(pathname: string): number | null {
  const m = /\/tiles\/(\d+)\/\d+\/\d+\.pbf$/.exec(pathname);
  return m ? Number(m[1]) : null;
}

/** Compile-time constants defined in vite.config.ts. */

/** The files present in public/data/ when the app was built (or the dev server started). */
declare const __ATLAS_DATA_FILES__: string[];

/** The basemap's PMTiles archive (a file name under the site's root) in a build with `ATLAS_TILES=pmtiles`, else null. */
declare const __ATLAS_PMTILES__: string | null;

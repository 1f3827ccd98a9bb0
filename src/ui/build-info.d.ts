/** Compile-time constants defined in vite.config.ts. */

/** The files present in public/data/ when the app was built (or the dev server started). */
declare const __ATLAS_DATA_FILES__: string[];

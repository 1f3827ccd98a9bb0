/**
 * The basemap's border lines cut from the outlines: the code is in src/domain/border-lines.ts, so
 * the vector exports (src/export/vector-map.ts) cut the same lines as geo/tiles.ts does.
 */
export { bordersOf, ringsOf } from '../src/domain/border-lines.ts';

/** Region codes the basemap treats specially. */

export const INNER_MONGOLIA = '150000';

/** The six other members of the Bohai Rim cooperation region in the plan. */
export const BOHAI_PROVINCES = ['110000', '120000', '130000', '140000', '210000', '370000'] as const;

/** Zoom from which Inner Mongolia's banners, counties and districts are drawn and hoverable. */
export const COUNTY_ZOOM = 6.5;

/** The first view: Inner Mongolia and the Bohai Rim (west, south, east, north). */
export const HOME_BOUNDS: [number, number, number, number] = [97, 35, 127, 53.5];

/** How far the map may be panned ([west, south], [east, north]); the basemap's tiles cover exactly this (geo/tiles.ts). */
export const MAP_BOUNDS: [[number, number], [number, number]] = [
  [55, 5],
  [160, 65],
];

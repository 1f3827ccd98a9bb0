/**
 * The project's shared vocabulary: closed lists and constants that the catalogue (data/), the
 * geography pipeline (geo/) and the app (src/) all use. It imports nothing, so every layer can
 * import it without pulling in another layer's code.
 */

export const THEMES = [
  'railway',
  'highway',
  'airport',
  'power',
  'pipeline',
  'water',
  'information',
  'ecology',
  'environment',
  'industry',
  'agriculture',
  'logistics',
  'commerce_tourism',
  'culture',
  'opening',
  'cooperation',
  'public_service',
  'science',
] as const;
export type Theme = (typeof THEMES)[number];

/** Normalised stage; the plan's own verb is kept verbatim beside it. */
export const STAGES = ['complete', 'start', 'accelerate', 'build', 'advance', 'support', 'study', 'seek', 'preliminary'] as const;
export type Stage = (typeof STAGES)[number];

/** Present status of a project (data/status/*.yaml), from "nothing known" to "in operation". */
export const STATUSES = [
  'in_operation',
  'partly_in_operation',
  'under_construction',
  'preparatory',
  'not_started',
  'cancelled',
  'unknown',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * How a project's drawn geometry was made: a real site (exact), a real alignment from a named
 * source (surveyed), a path along the real network between the places the plan names (routed),
 * straight segments between those places (schematic), or a region standing for a vaguer extent
 * (regional).
 */
export const GEOMETRY_PRECISIONS = ['exact', 'surveyed', 'routed', 'schematic', 'regional'] as const;
export type GeometryPrecision = (typeof GEOMETRY_PRECISIONS)[number];

/** Inner Mongolia's GB/T 2260 code. */
export const INNER_MONGOLIA = '150000';

/** The six other members of the Bohai Rim cooperation region in the plan. */
export const BOHAI_PROVINCES = ['110000', '120000', '130000', '140000', '210000', '370000'] as const;

/** Zoom from which Inner Mongolia's banners, counties and districts are drawn and hoverable. */
export const COUNTY_ZOOM = 6.5;

/** The first view: Inner Mongolia and the Bohai Rim (west, south, east, north). */
export const HOME_BOUNDS: [number, number, number, number] = [97, 35, 127, 53.5];

/** How far the map may be panned ([west, south], [east, north]); the basemap's tiles cover exactly this. */
export const MAP_BOUNDS: [[number, number], [number, number]] = [
  [55, 5],
  [160, 65],
];

/**
 * The basemap's vector tiles (cut by geo/tiles.ts into public/tiles/, read by the map's `basemap`
 * source): their layers and deepest zoom.
 */
export const TILE_LAYER = {
  /** Neighbouring countries' land. */
  countries: 'countries',
  /** China's provinces (`code`, `level`). */
  provinces: 'provinces',
  /** Border lines, each once, by the level they separate (`kind`). */
  borders: 'borders',
  /** OpenStreetMap's named railway lines (`highspeed`, `km`; `name_zh`, `name_en` on main lines). */
  railways: 'railways',
  /** Rivers (Natural Earth 1:10m): `name_zh`, `name_en`, `kind`, `rank`, `min_zoom`. */
  rivers: 'rivers',
  /** The named rivers' courses again, cut smoother (a few px) for their names to follow: not drawn. */
  riverNames: 'river-names',
  /** Lakes (Natural Earth 1:10m) and their name points (`kind` `label`, or `lake_point` where no outline exists). */
  lakes: 'lakes',
  /** Cities, league and county seats, towns the plan names: `name_zh`, `name_en`, `kind`, `rank`. */
  towns: 'towns',
} as const;

/** The OpenStreetMap railways extract (geo/vendor/osm-railways), from the repository's root. */
export const OSM_RAILWAYS = 'geo/vendor/osm-railways/railways.geojson';

/**
 * Railway lines at least this long (km) are the basemap's main lines, drawn at every zoom; the rest
 * are cut into the tiles and drawn from RAILWAY_DETAIL_ZOOM.
 */
export const RAILWAY_MAIN_KM = 100;
export const RAILWAY_DETAIL_ZOOM = 6;

/** Tiles are cut down to this zoom; the map draws them over-zoomed beyond it. */
export const TILE_MAXZOOM = 8;

/**
 * The zoom from which the basemap draws a town of each kind (geo/towns.ts). The tiles leave a town
 * out of the zooms that do not draw it.
 */
export const TOWN_MINZOOM = { capital: 5, league_seat: 5, city: 5, county_seat: 6, town: 6 } as const;

/**
 * Rivers and lakes are drawn from Natural Earth's `min_zoom` less this (its zooms are for a 256-px
 * web map; ours are 512-px tiles, one zoom closer); the tiles leave out those not drawn yet.
 */
export const WATER_ZOOM_LEAD = 1;
/** Rivers and lakes are named from this zoom on. */
export const WATER_LABEL_MINZOOM = 5;

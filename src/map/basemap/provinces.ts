/**
 * China's provinces: the land of China, tinted by their part in the plan (Inner Mongolia strongest,
 * the six other Bohai Rim members lighter, every other province paper-white), and their borders.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BOHAI_PROVINCES, INNER_MONGOLIA } from '../../domain/vocabulary.ts';
import { isBorder } from './filters.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

/** A province's land colour (its code), as `provinces-fill` draws it (the same rule as the expression below). */
export function provinceLand(code: string): string {
  if (code === INNER_MONGOLIA) return PALETTE.innerMongolia;
  return (BOHAI_PROVINCES as readonly string[]).includes(code) ? PALETTE.bohaiProvince : PALETTE.otherProvince;
}

const provinceColour: ExpressionSpecification = [
  'match',
  ['get', 'code'],
  INNER_MONGOLIA,
  PALETTE.innerMongolia,
  [...BOHAI_PROVINCES],
  PALETTE.bohaiProvince,
  PALETTE.otherProvince,
];

// No antialiased outline on the land fills: every edge of a province or country has a border line
// drawn over it, and the outline pass draws all those edges once more in each frame (about 4% of a
// pan frame under software WebGL).
export function provinceFillLayers(): LayerSpecification[] {
  return [
    {
      id: 'provinces-fill',
      type: 'fill',
      ...tileLayer('provinces'),
      paint: { 'fill-color': provinceColour, 'fill-antialias': false },
    },
  ];
}

// Thin borders use miter joins (MapLibre's default): at 1–2 px they look the same as round joins,
// and round joins add a fan of triangles at every vertex, which software WebGL pays for in every
// frame. (A pale casing under the province border was dropped for the same reason: at these widths
// it was barely visible and cost about a seventh of a frame; see bench/README.md.)
export function provinceBorderLayers(): LayerSpecification[] {
  return [
    {
      id: 'provinces-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('province'),
      paint: {
        'line-color': PALETTE.provinceBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.4],
      },
    },
    {
      id: 'inner-mongolia-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('inner-mongolia'),
      paint: {
        'line-color': PALETTE.innerMongoliaBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.4, 6, 2.2, 9, 3],
      },
    },
  ];
}

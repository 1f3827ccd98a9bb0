/**
 * China's provinces: the land of China, tinted by their part in the plan (Inner Mongolia strongest,
 * the six other Bohai Rim members lighter, every other province paper-white), and their borders.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BOHAI_PROVINCES, INNER_MONGOLIA } from './codes.ts';
import { isInnerMongolia, isProvince } from './filters.ts';
import { PALETTE } from './palette.ts';
import { SOURCE } from './sources.ts';

const provinceColour: ExpressionSpecification = [
  'match',
  ['get', 'code'],
  INNER_MONGOLIA,
  PALETTE.innerMongolia,
  [...BOHAI_PROVINCES],
  PALETTE.bohaiProvince,
  PALETTE.otherProvince,
];

export function provinceFillLayers(): LayerSpecification[] {
  return [
    {
      id: 'provinces-fill',
      type: 'fill',
      source: SOURCE.regions,
      filter: isProvince,
      paint: { 'fill-color': provinceColour, 'fill-antialias': true },
    },
  ];
}

export function provinceBorderLayers(): LayerSpecification[] {
  return [
    {
      // A pale casing under the border lifts it off both neighbours' tints.
      id: 'provinces-border-casing',
      type: 'line',
      source: SOURCE.regions,
      filter: isProvince,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.provinceBorderCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.6, 8, 4],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'provinces-border',
      type: 'line',
      source: SOURCE.regions,
      filter: isProvince,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.provinceBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.4],
      },
    },
    {
      id: 'inner-mongolia-border',
      type: 'line',
      source: SOURCE.regions,
      filter: isInnerMongolia,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.innerMongoliaBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.4, 6, 2.2, 9, 3],
      },
    },
  ];
}

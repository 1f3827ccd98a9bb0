/**
 * Inner Mongolia's banners, counties and districts: fine dotted lines from a closer zoom, between
 * banners of one league (a league's edge is drawn as the league border).
 */
import type { LayerSpecification } from 'maplibre-gl';
import { COUNTY_ZOOM } from '../../domain/vocabulary.ts';
import { isBorder } from './filters.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

export function countyBorderLayers(): LayerSpecification[] {
  return [
    {
      id: 'counties-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('county'),
      minzoom: COUNTY_ZOOM - 0.5,
      paint: {
        'line-color': PALETTE.countyBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 10, 1.4],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], COUNTY_ZOOM - 0.5, 0, COUNTY_ZOOM, 1],
        'line-dasharray': [3, 2],
      },
    },
  ];
}

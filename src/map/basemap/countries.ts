/** Neighbouring countries: muted land with a plain grey border (context only). */
import type { LayerSpecification } from 'maplibre-gl';
import { isBorder } from './filters.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

export function countryFillLayers(): LayerSpecification[] {
  return [
    {
      id: 'countries-fill',
      type: 'fill',
      ...tileLayer('countries'),
      paint: { 'fill-color': PALETTE.foreignLand, 'fill-antialias': false },
    },
  ];
}

export function countryBorderLayers(): LayerSpecification[] {
  return [
    {
      id: 'countries-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('country'),
      paint: {
        'line-color': PALETTE.foreignBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 7, 1.2],
      },
    },
  ];
}

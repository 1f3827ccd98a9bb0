/**
 * Prefecture-level boundaries: Inner Mongolia's 12 leagues and cities (clear, drawn at every zoom)
 * and the prefectures of Hebei, Shanxi, Liaoning and Shandong (light, from a middle zoom).
 */
import type { LayerSpecification } from 'maplibre-gl';
import { isBorder } from './filters.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

export function prefectureBorderLayers(): LayerSpecification[] {
  return [
    {
      id: 'prefectures-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('prefecture'),
      minzoom: 4,
      paint: {
        'line-color': PALETTE.prefectureBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 8, 1],
        // Each border is drawn once (geo/borders.ts); 0.75 is the weight the two overlapping
        // half-opaque outlines of neighbouring prefectures gave before.
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.75, 5.5, 1],
      },
    },
    {
      id: 'leagues-border',
      type: 'line',
      ...tileLayer('borders'),
      filter: isBorder('league'),
      paint: {
        'line-color': PALETTE.leagueBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.7, 6, 1.3, 9, 2],
        'line-dasharray': [5, 1.5],
      },
    },
  ];
}

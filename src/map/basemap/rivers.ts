/**
 * Rivers (Natural Earth 1:10m, the tiles' `rivers` layer): thin, quiet blue lines under the borders
 * and under the plan's thematic lines, wider for the great rivers; their names along the line in the
 * current language, along the course as the `riverNames` layer has it (cut smoother). The tiles hold a river from Natural Earth's `min_zoom` less WATER_ZOOM_LEAD
 * (geo/water.ts), so the style needs no zoom filter of its own.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { WATER_LABEL_MINZOOM } from '../../domain/vocabulary.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

/** Natural Earth scalerank ≤ 3: the Yellow River, the Amur, the Ergun, the Hailar … */
const GREAT: ExpressionSpecification = ['<=', ['get', 'rank'], 3];

export function riverLayers(): LayerSpecification[] {
  return [
    {
      id: 'rivers',
      type: 'line',
      ...tileLayer('rivers'),
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': PALETTE.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, ['case', GREAT, 1, 0.6], 6, ['case', GREAT, 1.8, 1.1], 9, ['case', GREAT, 2.8, 1.8]],
      },
    },
  ];
}

export function riverLabelLayer(lang: Lang, font: string[]): LayerSpecification {
  return {
    id: 'labels-river',
    type: 'symbol',
    // The named courses cut smoother (geo/water.ts): the drawn course bends too often for a name.
    ...tileLayer('riverNames'),
    minzoom: WATER_LABEL_MINZOOM,
    layout: {
      'text-field': ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
      'text-font': font,
      'symbol-placement': 'line',
      'symbol-spacing': 300,
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, ['case', GREAT, 11, 10], 9, ['case', GREAT, 14, 12.5]],
      'text-letter-spacing': lang === 'zh' ? 0.25 : 0.04,
      'text-max-angle': 60,
      'text-padding': 4,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
  };
}

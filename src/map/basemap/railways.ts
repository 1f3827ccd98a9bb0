/**
 * OpenStreetMap's railway lines (the tiles' `railways` layer, geo/railways.ts): thin grey lines under
 * the plan's thematic lines, high-speed lines darker and wider with a white dash in them (the
 * classic railway symbol), main lines named along the line from zoom 6. Short and connecting lines
 * join in from zoom 6, where the network stops being a grey haze.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { RAILWAY_DETAIL_ZOOM, RAILWAY_MAIN_KM } from '../../domain/vocabulary.ts';
import type { FontStacks } from './labels.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

/** Main lines are drawn from the first view; the rest (which the tiles hold only from there) from DETAIL_ZOOM. */
const MAIN_KM = RAILWAY_MAIN_KM;
const DETAIL_ZOOM = RAILWAY_DETAIL_ZOOM;

const isHighSpeed: ExpressionSpecification = ['==', ['get', 'highspeed'], true];

/** The lines, drawn over the borders and under the plan's thematic (deck.gl) layers. */
export function railwayLineLayers(): LayerSpecification[] {
  const width = (conventional: [number, number, number], highSpeed: [number, number, number]): ExpressionSpecification => [
    'interpolate',
    ['linear'],
    ['zoom'],
    4,
    ['case', isHighSpeed, highSpeed[0], conventional[0]],
    7,
    ['case', isHighSpeed, highSpeed[1], conventional[1]],
    10,
    ['case', isHighSpeed, highSpeed[2], conventional[2]],
  ];
  const line = (id: string, filter: ExpressionSpecification, minzoom?: number): LayerSpecification => ({
    id,
    type: 'line',
    ...tileLayer('railways'),
    filter,
    ...(minzoom != null ? { minzoom } : {}),
    paint: {
      'line-color': ['case', isHighSpeed, PALETTE.railwayHighSpeed, PALETTE.railway],
      'line-width': width([0.6, 1.1, 1.8], [1.1, 2, 3.2]),
    },
  });
  return [
    line('railways-minor', ['<', ['get', 'km'], MAIN_KM], DETAIL_ZOOM),
    line('railways-main', ['>=', ['get', 'km'], MAIN_KM]),
    {
      // A white dash inside high-speed lines, once they are wide enough to hold it.
      id: 'railways-highspeed-dash',
      type: 'line',
      ...tileLayer('railways'),
      filter: isHighSpeed,
      minzoom: DETAIL_ZOOM,
      paint: {
        'line-color': PALETTE.railwayDash,
        'line-width': ['interpolate', ['linear'], ['zoom'], DETAIL_ZOOM, 0.5, 10, 1.2],
        'line-dasharray': [4, 4],
      },
    },
  ];
}

/**
 * The main lines' names, the first and weakest of the label layers (./labels.ts): under the plan's
 * thematic lines, and giving way to every place and region name.
 */
export function railwayNameLayer(lang: Lang, fonts: FontStacks): LayerSpecification {
  return {
    id: 'labels-railway',
    type: 'symbol',
    ...tileLayer('railways'),
    filter: ['has', 'name_zh'],
    minzoom: DETAIL_ZOOM,
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 400,
      'text-field': ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
      'text-font': fonts.regular,
      'text-size': ['interpolate', ['linear'], ['zoom'], DETAIL_ZOOM, 9.5, 10, 12],
      'text-letter-spacing': lang === 'zh' ? 0.15 : 0.02,
      'text-max-angle': 30,
      'text-padding': 8,
    },
    paint: {
      'text-color': PALETTE.railwayLabel,
      'text-halo-color': PALETTE.halo,
      'text-halo-width': 1.2,
    },
  };
}

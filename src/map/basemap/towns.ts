/**
 * Towns (the tiles' `towns` layer, geo/towns.ts): small dots with their names in the current
 * language — capitals, league seats and cities from zoom 5, county seats and the towns the plan
 * names from 6 (TOWN_MINZOOM; the tiles hold each kind from its zoom on). The dots lie under
 * the plan's thematic layers; the names are labels, above them, and give way to region names of
 * higher rank. A county seat carries its county's name (that county's own label gives way to it).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { TOWN_MINZOOM } from '../../domain/vocabulary.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

const MAJOR: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', ['capital', 'league_seat', 'city']]];
const FIRST = Math.min(...Object.values(TOWN_MINZOOM));

export function townLayers(): LayerSpecification[] {
  return [
    {
      id: 'towns-dot',
      type: 'circle',
      ...tileLayer('towns'),
      minzoom: FIRST,
      paint: {
        'circle-color': ['case', MAJOR, PALETTE.town, '#ffffff'],
        'circle-stroke-color': ['case', MAJOR, '#ffffff', PALETTE.town],
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 1.2],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, ['case', MAJOR, 2.6, 1.8], 9, ['case', MAJOR, 4.5, 3.2]],
        'circle-pitch-alignment': 'map',
      },
    },
  ];
}

export function townLabelLayer(lang: Lang, fonts: { regular: string[]; semibold: string[] }): LayerSpecification {
  return {
    id: 'labels-town',
    type: 'symbol',
    ...tileLayer('towns'),
    minzoom: FIRST,
    layout: {
      'text-field': ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
      'text-font': ['case', MAJOR, ['literal', fonts.semibold], ['literal', fonts.regular]],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, ['case', MAJOR, 11, 10], 9, ['case', MAJOR, 14, 12]],
      'text-max-width': lang === 'zh' ? 10 : 8,
      // Beside the dot, on whichever side is free.
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.55,
      'text-justify': 'auto',
      'text-padding': 2,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': PALETTE.townLabel, 'text-halo-color': PALETTE.townHalo, 'text-halo-width': 1.4, 'text-halo-blur': 0.3 },
  };
}

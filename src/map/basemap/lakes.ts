/**
 * Lakes (Natural Earth 1:10m, the tiles' `lakes` layer): a pale water fill with a thin edge, drawn
 * over the rivers' courses through them and under the borders; a lake Natural Earth lacks is a small
 * water dot at its published coordinate (`kind` `lake_point`, geo/vendor/wikipedia). Names come from
 * one point per lake (`kind` `label`), so a lake spanning tiles is named once.
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { WATER_LABEL_MINZOOM } from '../../domain/vocabulary.ts';
import { PALETTE } from './palette.ts';
import { tileLayer } from './sources.ts';

const POLYGON: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];

export function lakeLayers(): LayerSpecification[] {
  return [
    { id: 'lakes-fill', type: 'fill', ...tileLayer('lakes'), filter: POLYGON, paint: { 'fill-color': PALETTE.lake, 'fill-antialias': false } },
    {
      id: 'lakes-edge',
      type: 'line',
      ...tileLayer('lakes'),
      filter: POLYGON,
      paint: { 'line-color': PALETTE.lakeEdge, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1] },
    },
    {
      id: 'lakes-point',
      type: 'circle',
      ...tileLayer('lakes'),
      filter: ['==', ['get', 'kind'], 'lake_point'],
      paint: { 'circle-color': PALETTE.lake, 'circle-stroke-color': PALETTE.lakeEdge, 'circle-stroke-width': 1, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3, 9, 5] },
    },
  ];
}

export function lakeLabelLayer(lang: Lang, font: string[]): LayerSpecification {
  return {
    id: 'labels-lake',
    type: 'symbol',
    ...tileLayer('lakes'),
    minzoom: WATER_LABEL_MINZOOM,
    filter: ['in', ['get', 'kind'], ['literal', ['label', 'lake_point']]],
    layout: {
      'text-field': ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
      'text-font': font,
      'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10, 9, 12.5],
      'text-max-width': lang === 'zh' ? 8 : 7,
      'text-padding': 3,
      // A lake point's name sits beside its dot; an outline's name on it.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': ['case', ['==', ['get', 'kind'], 'lake_point'], 0.8, 0],
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
  };
}

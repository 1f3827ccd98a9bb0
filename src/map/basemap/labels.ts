/**
 * Labels, from the computed `labels` point source (one anchor per region, see ../label-points.ts).
 * Hierarchy, strongest first: Inner Mongolia, countries, provinces, leagues, prefectures, counties,
 * seas, railway lines (./railways.ts). MapLibre's collision detection drops what does not fit; `symbol-sort-key` (the `rank`
 * property) decides who wins.
 */
import type { ExpressionSpecification, LayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { COUNTY_ZOOM, INNER_MONGOLIA } from '../../domain/vocabulary.ts';
import { lakeLabelLayer } from './lakes.ts';
import { PALETTE } from './palette.ts';
import { railwayNameLayer } from './railways.ts';
import { riverLabelLayer } from './rivers.ts';
import { SOURCE } from './sources.ts';
import { townLabelLayer } from './towns.ts';

export interface FontStacks {
  regular: string[];
  semibold: string[];
}

export const LABEL_LAYERS = ['labels-railway', 'labels-sea', 'labels-lake', 'labels-river', 'labels-county', 'labels-town', 'labels-prefecture', 'labels-league', 'labels-province', 'labels-country'] as const;

/** The text of a label in a language. English names are longer: they get a little less size. */
export function labelText(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
}

function layer(
  id: Exclude<(typeof LABEL_LAYERS)[number], 'labels-railway' | 'labels-lake' | 'labels-river' | 'labels-town'>,
  kind: string,
  lang: Lang,
  layout: SymbolLayerSpecification['layout'],
  paint: SymbolLayerSpecification['paint'],
  zooms: { minzoom?: number; maxzoom?: number } = {},
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCE.labels,
    filter: ['==', ['get', 'kind'], kind],
    ...zooms,
    layout: {
      'text-field': labelText(lang),
      'symbol-sort-key': ['get', 'rank'],
      'text-max-width': lang === 'zh' ? 12 : 8,
      'text-padding': 3,
      'text-letter-spacing': lang === 'zh' ? 0.08 : 0.02,
      ...layout,
    },
    paint: {
      'text-halo-color': PALETTE.halo,
      'text-halo-width': 1.4,
      'text-halo-blur': 0.4,
      ...paint,
    },
  };
}

/** Small regions' names may move just off their anchor rather than vanish in a collision. */
const shiftable: SymbolLayerSpecification['layout'] = {
  'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
  'text-radial-offset': 0.5,
  'text-justify': 'auto',
};

/** A county whose seat the towns layer names is named there, not at its centre (src/map/basemap/towns.ts). */
function withoutSeated(l: LayerSpecification): LayerSpecification {
  return { ...l, filter: ['all', ['==', ['get', 'kind'], 'county'], ['!=', ['get', 'seat'], true]] } as LayerSpecification;
}

// Order: later layers draw above and win collisions: water names give way to everything, town
// names to region names above the counties'.
export function labelLayers(lang: Lang, fonts: FontStacks): LayerSpecification[] {
  const isIM: ExpressionSpecification = ['==', ['get', 'id'], INNER_MONGOLIA];
  return [
    railwayNameLayer(lang, fonts),
    layer(
      'labels-sea',
      'sea',
      lang,
      { 'text-font': fonts.regular, 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 8, 16], 'text-letter-spacing': 0.3 },
      { 'text-color': PALETTE.seaLabel, 'text-halo-width': 0 },
      { minzoom: 4 },
    ),
    lakeLabelLayer(lang, fonts.regular),
    riverLabelLayer(lang, fonts.regular),
    withoutSeated(layer(
      'labels-county',
      'county',
      lang,
      { 'text-font': fonts.regular, 'text-size': ['interpolate', ['linear'], ['zoom'], COUNTY_ZOOM, 10.5, 9, 13], ...shiftable },
      { 'text-color': PALETTE.labelCounty, 'text-opacity': ['interpolate', ['linear'], ['zoom'], COUNTY_ZOOM, 0, COUNTY_ZOOM + 0.3, 1] },
      { minzoom: COUNTY_ZOOM },
    )),
    townLabelLayer(lang, fonts),
    layer(
      'labels-prefecture',
      'prefecture',
      lang,
      { 'text-font': fonts.regular, 'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10.5, 8, 13], ...shiftable },
      { 'text-color': PALETTE.labelPrefecture },
      { minzoom: 5 },
    ),
    layer(
      'labels-league',
      'league',
      lang,
      {
        'text-font': fonts.semibold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3.5, 10.5, 6, 13, 9, 16],
        'text-max-width': lang === 'zh' ? 12 : 7,
        ...shiftable,
      },
      { 'text-color': PALETTE.labelLeague, 'text-halo-width': 1.6 },
      { minzoom: 3.5 },
    ),
    layer(
      'labels-province',
      'province',
      lang,
      {
        'text-font': fonts.semibold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, ['case', isIM, 14, 11], 6, ['case', isIM, 20, 14]],
        'text-letter-spacing': ['case', isIM, lang === 'zh' ? 0.5 : 0.15, lang === 'zh' ? 0.2 : 0.05],
        'text-transform': 'none',
        // Inner Mongolia's name sits on its leagues' labels at middle zooms: let it go first.
        'text-allow-overlap': false,
        'text-optional': false,
      },
      {
        'text-color': ['case', isIM, PALETTE.labelDark, ['in', ['get', 'id'], ['literal', ['110000', '120000', '130000', '140000', '210000', '370000']]], PALETTE.labelProvince, PALETTE.labelOtherProvince],
        'text-opacity': ['interpolate', ['linear'], ['zoom'], 6.5, 1, 7.5, ['case', isIM, 0.7, 0]],
      },
      { maxzoom: 8.5 },
    ),
    layer(
      'labels-country',
      'country',
      lang,
      {
        'text-font': fonts.semibold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 3, 12, 7, 17],
        'text-letter-spacing': lang === 'zh' ? 0.6 : 0.25,
        'text-transform': lang === 'zh' ? 'none' : 'uppercase',
      },
      { 'text-color': PALETTE.foreignLabel },
    ),
  ];
}

/**
 * Assembles the offline basemap style: no tiles, no sprite, no glyph server. Text is drawn from the
 * atlas's own subset fonts through the style root property `font-faces` (MapLibre GL JS 6).
 */
import type { FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { choroplethLayers } from './choropleth.ts';
import { countryBorderLayers, countryFillLayers } from './countries.ts';
import { countyBorderLayers } from './counties.ts';
import { highlightLayers } from './interaction.ts';
import { labelLayers, type FontStacks } from './labels.ts';
import { lakeLayers } from './lakes.ts';
import { prefectureBorderLayers } from './prefectures.ts';
import { provinceBorderLayers, provinceFillLayers } from './provinces.ts';
import { railwayLineLayers } from './railways.ts';
import { riverLayers } from './rivers.ts';
import { seaLayers } from './sea.ts';
import { basemapSources, type BasemapData } from './sources.ts';
import { townLayers } from './towns.ts';

export interface BasemapInput {
  data: BasemapData;
  lang: Lang;
  fontFaces: FontFacesSpecification;
  fonts: FontStacks;
}

/**
 * Layer id before which thematic (deck.gl) layers are inserted: above the borders and the railways'
 * lines and names, under every other label.
 */
export const THEMATIC_BEFORE_ID = 'labels-sea';

export function basemapStyle(input: BasemapInput): StyleSpecification {
  return {
    version: 8,
    name: 'Plan Atlas basemap',
    // No animated paint changes: under software WebGL each frame of a transition costs a few
    // hundred milliseconds, and the atlas changes paint only to show something at once.
    transition: { duration: 0, delay: 0 },
    'font-faces': input.fontFaces,
    sources: basemapSources(input.data),
    layers: [
      ...seaLayers(),
      ...countryFillLayers(),
      ...provinceFillLayers(),
      ...choroplethLayers(),
      ...highlightLayers().filter((l) => l.type === 'fill'),
      // Water under every border and under the plan's layers.
      ...riverLayers(),
      ...lakeLayers(),
      ...countyBorderLayers(),
      ...prefectureBorderLayers(),
      ...provinceBorderLayers(),
      ...countryBorderLayers(),
      ...railwayLineLayers(),
      ...highlightLayers().filter((l) => l.type === 'line'),
      // Town dots under the plan's layers (inserted before the first label layer); their names are labels.
      ...townLayers(),
      ...labelLayers(input.lang, input.fonts),
    ],
  };
}

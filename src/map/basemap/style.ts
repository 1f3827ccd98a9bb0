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
import { THEME_AREAS, themeAreaLayers, themeAreaSource } from '../themes/area-style.ts';
import { THEME_LINES, themeLineLayers, themeLineSource } from '../themes/line-style.ts';
import { themeLabelLayers, themeSymbolLayers, themeSymbolSources } from '../themes/symbol-style.ts';

export interface BasemapInput {
  data: BasemapData;
  lang: Lang;
  fontFaces: FontFacesSpecification;
  fonts: FontStacks;
}

/**
 * Layer id before which the thematic layers are drawn: above the borders and the railways' lines and
 * names, under every other label. The plan's lines and symbols are MapLibre layers just under it
 * (themes/line-style.ts, symbol-style.ts), the area tints over the land (area-style.ts), the
 * symbols' labels over everything; deck.gl's layers (the selection's halo, the corridor, imported
 * layers) are inserted under the lines and before it.
 */
export const THEMATIC_BEFORE_ID = 'labels-sea';

export function basemapStyle(input: BasemapInput): StyleSpecification {
  const labels = labelLayers(input.lang, input.fonts);
  const thematicAt = labels.findIndex((l) => l.id === THEMATIC_BEFORE_ID);
  if (thematicAt < 0) throw new Error(`no label layer ${THEMATIC_BEFORE_ID} to draw the themes under`);
  return {
    version: 8,
    name: 'Plan Atlas basemap',
    // No animated paint changes: under software WebGL each frame of a transition costs a few
    // hundred milliseconds, and the atlas changes paint only to show something at once.
    transition: { duration: 0, delay: 0 },
    'font-faces': input.fontFaces,
    sources: { ...basemapSources(input.data), [THEME_AREAS.source]: themeAreaSource(), [THEME_LINES.source]: themeLineSource(), ...themeSymbolSources() },
    layers: [
      ...seaLayers(),
      ...countryFillLayers(),
      ...provinceFillLayers(),
      // The plan's area tints: ground, under the choropleth, the water, the borders and every line.
      ...themeAreaLayers(),
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
      ...labels.slice(0, thematicAt),
      ...themeLineLayers(),
      ...themeSymbolLayers(),
      ...labels.slice(thematicAt),
      ...themeLabelLayers(input.fonts),
    ],
  };
}

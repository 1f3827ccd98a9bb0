/**
 * The contract of a thematic layer. One module per theme (railways.ts, power.ts, …) exports one
 * ThemeLayerDef: its deck.gl layers, its legend symbol, its toggle and its export symbol all come
 * from this one definition, so map, legend, layer panel and exported files cannot disagree.
 */
import type { Layer } from '@deck.gl/core';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { Filters } from '../../domain/filters.ts';
import type { ProjectFeature, PlaceFeature } from '../../domain/types.ts';

export type LayerGroupId = 'transport' | 'energy' | 'ecology' | 'industry_services' | 'opening' | 'regions';

export type RGB = [number, number, number];

/**
 * How a layer looks, abstractly enough to draw it on the map (deck.gl), in the legend (SVG),
 * on a canvas (PNG/PDF export) and in PPTX.
 */
export type LegendSymbol =
  | { kind: 'line'; color: RGB; width: number; dashed: boolean; casing?: RGB }
  | { kind: 'point'; color: RGB; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'anchor'; size: number; stroke?: RGB }
  | { kind: 'area'; fill: RGB; fillOpacity: number; stroke: RGB; dashed: boolean; hatch?: boolean };

/** Everything a theme needs to build its layers for one frame or one export. */
export interface LayerContext {
  catalogue: Catalogue;
  filters: Filters;
  lang: 'zh' | 'en';
  /** Project ids to emphasise (selection); empty = none. Others are dimmed when non-empty. */
  emphasis: ReadonlySet<string>;
  /** Highlighted project (clicked), drawn on top. */
  highlight: string | null;
  /** Multiplies pixel sizes (line widths, point sizes, text) for exports at other scales; 1 on screen. */
  scale: number;
  /** Current zoom, for label visibility. */
  zoom: number;
}

export interface LegendEntry {
  /** Sub-entries, e.g. solid vs dashed by stage, or schematic vs exact. */
  symbol: LegendSymbol;
  label: { zh: string; en: string };
}

export interface ThemeLayerDef {
  id: string;
  group: LayerGroupId;
  label: { zh: string; en: string };
  /** The catalogue features this layer draws (before filters). */
  select(cat: Catalogue): (ProjectFeature | PlaceFeature)[];
  /** The legend: one or more symbol rows, exactly what the layer draws. */
  legend(ctx: LayerContext): LegendEntry[];
  /** deck.gl layers, ids prefixed with this def's id. */
  layers(ctx: LayerContext): Layer[];
}

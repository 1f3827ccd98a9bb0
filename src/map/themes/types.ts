/**
 * The contract of a thematic layer. One module per theme (railways.ts, power.ts, …) exports one
 * ThemeLayerDef: what it draws (its draw data, which deck-layers.ts turns into deck.gl layers), its
 * legend symbol, its toggle and its export symbol all come from this one definition, so map,
 * legend, layer panel and exported files cannot disagree.
 */
import type { Catalogue } from '../../domain/catalogue.ts';
import type { Filters } from '../../domain/filters.ts';
import type { ProjectFeature, PlaceFeature } from '../../domain/types.ts';
import type { MotionDetail } from '../motion-detail.ts';

export type LayerGroupId = 'transport' | 'energy' | 'ecology' | 'industry_services' | 'opening' | 'regions';

export type RGB = [number, number, number];

/**
 * How a layer looks, abstractly enough to draw it on the map (deck.gl), in the legend (SVG),
 * on a canvas (PNG/PDF export) and in PPTX.
 */
export type LegendSymbol =
  | {
      kind: 'line';
      color: RGB;
      width: number;
      /** true for any broken line (dashed or dotted); `dashArray` says exactly how. */
      dashed: boolean;
      casing?: RGB;
      /** [dash, gap] in pixels at width `width` (absent: solid). Dotted lines have short dashes and round caps. */
      dashArray?: [number, number];
      /** 0..1, default 1. */
      opacity?: number;
    }
  | {
      kind: 'point';
      color: RGB;
      shape: PointShape;
      size: number;
      stroke?: RGB;
      /** Drawn as an outline with a white inside (a schematic location: the city stands for the site). */
      hollow?: boolean;
      /** 0..1, default 1. */
      opacity?: number;
    }
  | {
      kind: 'area';
      fill: RGB;
      fillOpacity: number;
      stroke: RGB;
      dashed: boolean;
      hatch?: boolean;
      /** Outline [dash, gap] in pixels (when dashed). */
      dashArray?: [number, number];
      /** Outline width in pixels (default 1.5). */
      strokeWidth?: number;
    };

export type PointShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'anchor';

/** Everything a theme needs to build its layers for one frame or one export. */
export interface LayerContext {
  catalogue: Catalogue;
  filters: Filters;
  lang: 'zh' | 'en';
  /** Project ids to emphasise (selection); empty = none. Others are dimmed when non-empty. */
  emphasis: ReadonlySet<string>;
  /** Highlighted project (clicked), drawn on top. */
  highlight: string | null;
  /** Gazetteer place ids to emphasise as well (e.g. the places of a selected measure's projects). */
  emphasisPlaces?: ReadonlySet<string>;
  /** Multiplies pixel sizes (line widths, point sizes, text) for exports at other scales; 1 on screen. */
  scale: number;
  /** Current zoom, for label visibility. */
  zoom: number;
  /** Whether to draw text labels (default true). */
  labels?: boolean;
  /** Font family for deck.gl text (default "Atlas Sans", which the app loads before drawing). */
  fontFamily?: string;
  /**
   * Interleaved with MapLibre: the basemap layer id the thematic layers are drawn under (labels of
   * the thematic layers stay on top). Unset: deck.gl's own order, on top of the basemap.
   */
  beforeId?: string;
  /**
   * Only for the legend: the extent shown ([[west, south], [east, north]]). An export's frame is a
   * fixed rectangle, so its legend lists only what falls inside it. Unset: the whole catalogue.
   */
  extent?: [[number, number], [number, number]];
  /** The live map only: fewer lines while it moves on a slow renderer (../motion-detail.ts). */
  motion?: MotionDetail;
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
}

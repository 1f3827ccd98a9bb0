/**
 * The contract of a thematic layer. Each file of ./layers/ defines one theme with defineTheme():
 * which projects it draws, its style, and from these its legend rows, its picking and its export
 * symbol, so map, legend, layer panel and exported files read one definition.
 */
import type { CorridorView } from '../../domain/atlas-view.ts';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { Filters } from '../../domain/filters.ts';
import type { Lens } from '../../domain/lens.ts';
import type { Emphasis } from '../../domain/selection.ts';
import type { PlaceKind, ProjectFeature } from '../../domain/types.ts';

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

/** Everything the themes need to draw one frame or one export (built by layerContext() in ./index.ts). */
export interface LayerContext {
  catalogue: Catalogue;
  filters: Filters;
  lang: 'zh' | 'en';
  /** What the selection emphasises (the rest is dimmed) and the project it highlights. */
  emphasis: Emphasis;
  /** Styled by the plan's stage or by present status. */
  lens: Lens;
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
  /** Corridor analysis: the area within a distance of the selection, drawn quietly under everything thematic. */
  corridor?: CorridorView | null;
}

export interface LegendEntry {
  /** Sub-entries, e.g. solid vs dashed by stage, or schematic vs exact. */
  symbol: LegendSymbol;
  label: { zh: string; en: string };
}

export interface ThemeStyle {
  /** Lines, points and area outlines. */
  color: RGB;
  /** Area fill (default: color). */
  fill?: RGB;
  /** Area fill opacity (default 0.15). */
  fillOpacity?: number;
  /** Line width in px (default 3). */
  lineWidth?: number;
  /** Wide translucent band (development corridors) instead of a line. */
  corridor?: boolean;
  /** Areas hatched as well as tinted (keeps overlapping zones apart). */
  hatch?: boolean;
  shape: PointShape;
  /** Point size in px (default 15). */
  pointSize?: number;
  /** Sideways offset of lines, in line widths, so corridors shared by two themes show both. */
  lineOffset?: number;
}

/** What a theme's file writes. */
export interface ThemeSpec {
  id: string;
  /** Position in the layer panel and legend; also which theme claims a project first (lower wins). */
  order: number;
  group: LayerGroupId;
  label: { zh: string; en: string };
  style: ThemeStyle;
  /** Whether this theme draws the project (the first theme in order that claims it does). */
  draws(p: ProjectFeature, cat: Catalogue): boolean;
  /**
   * A place layer: every gazetteer place of this kind is drawn as its own symbol, and the point
   * projects of this theme standing at such a place are drawn inside it.
   */
  placeKind?: PlaceKind;
}

/** Filters as the themes key their memoised data. */
export function filtersKey(f: Filters): string {
  return `${f.chapters.join(',')}|${f.themes.join(',')}|${f.stages.join(',')}`;
}

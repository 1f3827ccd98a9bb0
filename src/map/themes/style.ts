/**
 * Shared visual vocabulary of the thematic layers: colour-blind-safe colours (Okabe–Ito and Paul
 * Tol's palettes), how each stage class breaks a line, and the point shapes as SVG
 * paths in a unit box (one definition for the map's icons, the legend and exports).
 */
import TEXT from '../../i18n/themes.json';
import type { StageClass } from '../../domain/stages.ts';
import type { DisplayClass } from '../../domain/status.ts';
import type { PointShape, RGB } from './types.ts';

/** Okabe & Ito (2008), safe for the common colour-vision deficiencies. */
export const OKABE_ITO = {
  black: [26, 26, 26],
  orange: [230, 159, 0],
  skyBlue: [86, 180, 233],
  green: [0, 158, 115],
  yellow: [240, 228, 66],
  blue: [0, 114, 178],
  vermillion: [213, 94, 0],
  purple: [204, 121, 167],
} as const satisfies Record<string, RGB>;

/** Paul Tol's muted qualitative palette (also colour-blind safe). */
export const TOL_MUTED = {
  indigo: [51, 34, 136],
  cyan: [136, 204, 238],
  teal: [68, 170, 153],
  green: [17, 119, 51],
  olive: [153, 153, 51],
  sand: [221, 204, 119],
  rose: [204, 102, 119],
  wine: [136, 34, 85],
  purple: [170, 68, 153],
} as const satisfies Record<string, RGB>;

/** [dash, gap] in pixels for a line of the given width; null = solid. */
export function stageDash(cls: StageClass, width: number): [number, number] | null {
  if (cls === 'firm') return null;
  if (cls === 'push') return [Math.max(1, width * 0.35), width * 1.9];
  return [width * 3.2, width * 2];
}

export const STAGE_CLASS_LABEL: Record<StageClass, { zh: string; en: string }> = TEXT.stageClasses;


/**
 * Point shapes as SVG path data in a box from -1 to 1 (y down), filled with the non-zero rule.
 * The map's icon atlas (Path2D), the legend (SVG) and exports draw the same paths.
 */
export const SHAPE_PATHS: Record<PointShape, string> = {
  circle: 'M -0.8 0 A 0.8 0.8 0 1 0 0.8 0 A 0.8 0.8 0 1 0 -0.8 0 Z',
  square: 'M -0.7 -0.7 L 0.7 -0.7 L 0.7 0.7 L -0.7 0.7 Z',
  triangle: 'M 0 -0.88 L 0.86 0.7 L -0.86 0.7 Z',
  diamond: 'M 0 -0.92 L 0.78 0 L 0 0.92 L -0.78 0 Z',
  star: 'M 0 -0.95 L 0.22 -0.31 L 0.9 -0.29 L 0.36 0.12 L 0.56 0.77 L 0 0.38 L -0.56 0.77 L -0.36 0.12 L -0.9 -0.29 L -0.22 -0.31 Z',
  // An anchor: ring, shank, stock and curved arms (one outline, the ring's hole wound the other way).
  anchor:
    'M 0 -0.98 A 0.22 0.22 0 1 1 0 -0.54 A 0.22 0.22 0 1 1 0 -0.98 Z ' +
    'M 0 -0.87 A 0.11 0.11 0 1 0 0 -0.65 A 0.11 0.11 0 1 0 0 -0.87 Z ' +
    'M -0.1 -0.56 L 0.1 -0.56 L 0.1 -0.42 L 0.46 -0.42 L 0.46 -0.26 L 0.1 -0.26 L 0.1 0.72 ' +
    'Q 0.52 0.66 0.66 0.28 L 0.5 0.22 L 0.86 0.06 L 0.9 0.48 L 0.8 0.34 Q 0.62 0.92 0 0.96 ' +
    'Q -0.62 0.92 -0.8 0.34 L -0.9 0.48 L -0.86 0.06 L -0.5 0.22 L -0.66 0.28 Q -0.52 0.66 -0.1 0.72 ' +
    'L -0.1 -0.26 L -0.46 -0.26 L -0.46 -0.42 L -0.1 -0.42 Z',
};

export const rgbCss = (c: RGB, a = 1): string => (a >= 1 ? `rgb(${c[0]}, ${c[1]}, ${c[2]})` : `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${a})`);

/** A darker shade for outlines of light fills. */
export function darker(c: RGB, f = 0.7): RGB {
  return [Math.round(c[0] * f), Math.round(c[1] * f), Math.round(c[2] * f)];
}

/** Projects whose present status no source gives: grey, whatever their theme. */
export const UNKNOWN_GREY: RGB = [150, 150, 150];

/**
 * How a project looks in now mode, by its status class: in operation solid; partly in operation
 * long dashes; under construction dashed (points hollow); not started pale; cancelled and unknown
 * grey (cancelled pale and dashed).
 */
export interface StatusStyle {
  dash: (width: number) => [number, number] | null;
  /** Multiplies the theme's opacity. */
  alpha: number;
  grey: boolean;
  /** Points drawn as an outline. */
  hollow: boolean;
}
export const STATUS_STYLE: Record<DisplayClass, StatusStyle> = {
  operating: { dash: () => null, alpha: 1, grey: false, hollow: false },
  partial: { dash: (w) => [w * 6, w * 1.6], alpha: 1, grey: false, hollow: false },
  building: { dash: (w) => [w * 2.2, w * 1.8], alpha: 0.95, grey: false, hollow: true },
  planned: { dash: () => null, alpha: 0.32, grey: false, hollow: false },
  cancelled: { dash: (w) => [w * 2.2, w * 1.8], alpha: 0.45, grey: true, hollow: false },
  unknown: { dash: () => null, alpha: 0.75, grey: true, hollow: false },
};

export const STATUS_CLASS_LABEL: Record<DisplayClass, { zh: string; en: string }> = TEXT.statusClasses;

/** Corridor analysis's buffer: a quiet blue fill (alpha of 255) and a thin dashed edge, on the map and in exports. */
export const CORRIDOR_STYLE = { rgb: [31, 111, 178] as RGB, fillAlpha: 36, edgeAlpha: 170 } as const;

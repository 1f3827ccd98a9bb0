/**
 * The point symbols' icons, drawn in the page from SHAPE_PATHS and handed to MapLibre as images when
 * its style first asks for one (symbol-layers.ts provideThemeIcons; no request leaves the page).
 */
import { rgbCss, SHAPE_PATHS } from './style.ts';
import { ICON_PIXEL_RATIO } from './symbol-style.ts';
import type { PointShape, RGB } from './types.ts';

/** Device pixels per icon image (ICON_PIXEL_RATIO per CSS pixel, for crisp edges). */
const CELL = 64;
const PAD = 4;

export interface IconSpec {
  shape: PointShape;
  color: RGB;
  hollow: boolean;
}

export function iconKey(s: IconSpec): string {
  return `${s.shape}-${s.color.join('.')}-${s.hollow ? 'h' : 'f'}`;
}

const SHAPES: readonly PointShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'anchor'];

/** The icon a key names (iconKey's inverse), or null for a key that names none. */
export function iconSpecOf(key: string): IconSpec | null {
  const m = /^([a-z]+)-(\d{1,3})\.(\d{1,3})\.(\d{1,3})-([hf])$/.exec(key);
  if (!m || !SHAPES.includes(m[1] as PointShape)) return null;
  const color = [m[2], m[3], m[4]].map(Number) as RGB;
  return color.every((c) => c <= 255) ? { shape: m[1] as PointShape, color, hollow: m[5] === 'h' } : null;
}

/** Draws one shape into a 2D context, centred at (cx, cy) with half-size r. */
export function drawShape(ctx: CanvasRenderingContext2D, s: IconSpec, cx: number, cy: number, r: number): void {
  const path = new Path2D();
  path.addPath(new Path2D(SHAPE_PATHS[s.shape]), new DOMMatrix([r, 0, 0, r, cx, cy]));
  ctx.lineJoin = 'round';
  if (s.hollow) {
    ctx.fillStyle = '#ffffff';
    ctx.fill(path);
    ctx.lineWidth = r * 0.3;
    ctx.strokeStyle = rgbCss(s.color);
    ctx.stroke(path);
  } else {
    // A white rim keeps symbols apart from each other and from the lines under them.
    ctx.lineWidth = r * 0.28;
    ctx.strokeStyle = 'rgba(255,255,255,0.95)';
    ctx.stroke(path);
    ctx.fillStyle = rgbCss(s.color);
    ctx.fill(path);
  }
}

/**
 * One icon as an image for MapLibre (`map.addImage(key, image, { pixelRatio: ICON_PIXEL_RATIO })`):
 * CELL device pixels square. Null for a key that names no icon.
 */
export function iconImage(key: string): ImageData | null {
  const spec = iconSpecOf(key);
  if (!spec) return null;
  const canvas = document.createElement('canvas');
  canvas.width = CELL;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d')!;
  drawShape(ctx, spec, CELL / 2, CELL / 2, CELL / 2 - PAD - 2);
  return ctx.getImageData(0, 0, CELL, CELL);
}

/** An icon image's side in CSS pixels at MapLibre's `icon-size` 1. */
export const ICON_CSS_SIZE = CELL / ICON_PIXEL_RATIO;

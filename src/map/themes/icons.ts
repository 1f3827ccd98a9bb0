/**
 * The icon atlas of the point symbols, drawn once on a canvas from SHAPE_PATHS and handed to
 * deck.gl as a data URL (no request leaves the page). Every icon a theme can use is registered
 * when the theme module loads, so the atlas is complete before the first frame.
 */
import type { IconLayerProps } from '@deck.gl/layers';

type IconMapping = Exclude<IconLayerProps['iconMapping'], string | undefined>;
import { rgbCss, SHAPE_PATHS } from './style.ts';
import type { PointShape, RGB } from './types.ts';

/** Pixels per icon cell (drawn at 2× the largest on-screen size for crisp edges). */
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

const registry = new Map<string, IconSpec>();

export function registerIcon(s: IconSpec): string {
  const key = iconKey(s);
  if (!registry.has(key)) {
    registry.set(key, s);
    atlas = null;
  }
  return key;
}

/**
 * `url` is the atlas canvas itself (deck.gl turns an image source into a texture directly): a data
 * URL would be fetched, and the page's Content-Security-Policy (connect-src 'self') forbids that.
 */
let atlas: { url: string; mapping: IconMapping } | null = null;

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

/** The atlas (built on first use, in the browser). */
export function iconAtlas(): { url: string; mapping: IconMapping } {
  if (atlas) return atlas;
  const specs = [...registry.entries()];
  const cols = Math.max(1, Math.ceil(Math.sqrt(specs.length)));
  const rows = Math.max(1, Math.ceil(specs.length / cols));
  const canvas = document.createElement('canvas');
  canvas.width = cols * CELL;
  canvas.height = rows * CELL;
  const ctx = canvas.getContext('2d')!;
  const mapping: IconMapping = {};
  specs.forEach(([key, spec], i) => {
    const x = (i % cols) * CELL;
    const y = Math.floor(i / cols) * CELL;
    drawShape(ctx, spec, x + CELL / 2, y + CELL / 2, CELL / 2 - PAD - 2);
    mapping[key] = { x, y, width: CELL, height: CELL, mask: false, anchorX: CELL / 2, anchorY: CELL / 2 };
  });
  atlas = { url: canvas as unknown as string, mapping };
  return atlas;
}

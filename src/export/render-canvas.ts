/**
 * PNG renderer: draws a composition on a 2D canvas at output size (design px × scale), with the
 * map image in its frame. Also the text measure the layout uses in the browser.
 */
import { canvasFont } from './fonts.ts';
import { mapFramePx } from './frame.ts';
import type { Composition, Element } from './layout.ts';
import { drawLegendSymbol } from './symbols.ts';
import type { Surface } from './surface.ts';
import { baselineOffset, type Measure } from './text.ts';

export { mapFramePx };

/** Text measure with the export fonts (measured at 100 px and scaled: canvas metrics are linear). */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  return (text, style) => {
    const key = `${style.weight}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = canvasFont(100, style.weight);
      w = ctx.measureText(text).width / 100;
      cache.set(key, w);
    }
    return w * style.size;
  };
}

export function drawText(ctx: Surface, e: Extract<Element, { type: 'text' }>): void {
  ctx.save();
  ctx.font = canvasFont(e.style.size, e.style.weight);
  ctx.fillStyle = e.style.color;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = e.align === 'right' ? 'right' : 'left';
  const x = e.align === 'right' ? e.x + e.w : e.x;
  const b = baselineOffset(e.style);
  e.lines.forEach((line, i) => ctx.fillText(line, x, e.y + i * e.style.lineHeight + b));
  ctx.restore();
}

/** Draws the page; `mapImage` (the map with its furniture) fills the map frame. */
export function drawComposition(ctx: CanvasRenderingContext2D, comp: Composition, mapImage: CanvasImageSource | null): void {
  const s = comp.size.scale;
  ctx.save();
  ctx.setTransform(s, 0, 0, s, 0, 0);
  for (const e of comp.elements) {
    if (e.type === 'rect') {
      if (e.fill) {
        ctx.fillStyle = e.fill;
        ctx.fillRect(e.x, e.y, e.w, e.h);
      }
      if (e.stroke) {
        ctx.strokeStyle = e.stroke;
        ctx.lineWidth = e.strokeWidth ?? 1;
        ctx.strokeRect(e.x, e.y, e.w, e.h);
      }
    } else if (e.type === 'text') drawText(ctx, e);
    else if (e.type === 'symbol') drawLegendSymbol(ctx, e.symbol, e.x, e.y, e.w, e.h);
    else if (e.type === 'map' && mapImage) {
      const f = mapFramePx(comp);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(mapImage, f.x, f.y, f.w, f.h);
      ctx.restore();
    } else if (e.type === 'map') {
      ctx.fillStyle = '#d5e3ea';
      ctx.fillRect(e.x, e.y, e.w, e.h);
    }
  }
  ctx.restore();
}

export function canvasToBlob(canvas: HTMLCanvasElement, type = 'image/png', quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the image'))), type, quality));
}

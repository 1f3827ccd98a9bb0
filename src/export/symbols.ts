/**
 * Draws a legend symbol (src/map/themes/types.ts LegendSymbol) on a 2D canvas: the same
 * definitions the map's deck.gl layers and the on-screen legend use; point shapes through the map's
 * own icon painter (themes/icons.ts drawShape). PNG draws them in place; PDF and PPTX embed them as
 * small images cut from the same drawing, and the vector formats record it as paths (surface.ts), so
 * no format has a second definition of a symbol.
 */
import { drawShape } from '../map/themes/icons.ts';
import { rgbCss } from '../map/themes/style.ts';
import type { LegendSymbol } from '../map/themes/types.ts';
import { isVectorSurface, type Surface } from './surface.ts';

/**
 * Draws `symbol` centred in the box (x, y, w, h), in the context's current units (design px; the
 * caller's transform scales to output px).
 */
export function drawLegendSymbol(ctx: Surface, symbol: LegendSymbol, x: number, y: number, w: number, h: number): void {
  ctx.save();
  const cx = x + w / 2;
  const cy = y + h / 2;
  if (symbol.kind === 'line') {
    const width = Math.min(symbol.width, h * 0.7);
    const f = width / symbol.width;
    ctx.lineCap = symbol.dashArray && symbol.dashArray[0] < symbol.width ? 'round' : 'butt';
    const x0 = x + 1.5;
    const x1 = x + w - 1.5;
    if (symbol.casing) {
      ctx.strokeStyle = rgbCss(symbol.casing, 0.9);
      ctx.lineWidth = width + 2.5 * f;
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(x0, cy);
      ctx.lineTo(x1, cy);
      ctx.stroke();
    }
    ctx.globalAlpha = symbol.opacity ?? 1;
    ctx.strokeStyle = rgbCss(symbol.color);
    ctx.lineWidth = width;
    ctx.setLineDash(symbol.dashArray ? [symbol.dashArray[0] * f, symbol.dashArray[1] * f] : []);
    ctx.beginPath();
    ctx.moveTo(x0, cy);
    ctx.lineTo(x1, cy);
    ctx.stroke();
  } else if (symbol.kind === 'point') {
    const size = Math.min(symbol.size, h * 1.15, w);
    ctx.globalAlpha = symbol.opacity ?? 1;
    const spec = { shape: symbol.shape, color: symbol.color, hollow: symbol.hollow ?? false };
    if (isVectorSurface(ctx)) ctx.shape(spec, cx, cy, size / 2);
    else drawShape(ctx as CanvasRenderingContext2D, spec, cx, cy, size / 2);
  } else {
    const rx = x + 1;
    const ry = y + 1;
    const rw = w - 2;
    const rh = h - 2;
    ctx.fillStyle = rgbCss(symbol.fill, symbol.fillOpacity);
    ctx.fillRect(rx, ry, rw, rh);
    if (symbol.hatch) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(rx, ry, rw, rh);
      ctx.clip();
      ctx.strokeStyle = rgbCss(symbol.stroke, 0.55);
      ctx.lineWidth = 0.8;
      for (let d = -rh; d < rw + rh; d += 4) {
        ctx.beginPath();
        ctx.moveTo(rx + d, ry + rh);
        ctx.lineTo(rx + d + rh, ry);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = rgbCss(symbol.stroke);
    ctx.lineWidth = symbol.strokeWidth ?? 1.5;
    const dash = symbol.dashed ? (symbol.dashArray ?? [4, 3]) : [];
    ctx.setLineDash(dash.map((v) => v * 0.6));
    ctx.strokeRect(rx + 0.5, ry + 0.5, rw - 1, rh - 1);
  }
  ctx.restore();
}

/** A symbol as a PNG data URL at `pxPerUnit` pixels per design px (for PDF and PPTX). */
export function symbolImage(symbol: LegendSymbol, w: number, h: number, pxPerUnit: number): string {
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(w * pxPerUnit));
  c.height = Math.max(1, Math.round(h * pxPerUnit));
  const ctx = c.getContext('2d')!;
  ctx.scale(c.width / w, c.height / h);
  drawLegendSymbol(ctx, symbol, 0, 0, w, h);
  return c.toDataURL('image/png');
}

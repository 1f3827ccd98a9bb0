/**
 * Map furniture drawn onto the exported map image: a scale bar, a north arrow and a locator inset
 * (Inner Mongolia among its neighbours in northern China, with the exported view's rectangle).
 * Sizes are in design px; the caller's context is scaled to output px. Drawn on a `Surface` (a 2D
 * canvas for PNG and the raster PDF, a VectorSurface for SVG and the vector PDF).
 *
 * The inset shows northern China only (lon 86–134°E, lat 30–54.5°N): it is a locator, not a map of
 * China, so it does not pretend to show the whole country (the boundary data have no South China
 * Sea islands).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { FONT_STACK } from './fonts.ts';
import type { Surface } from './surface.ts';
import { INNER_MONGOLIA } from '../domain/vocabulary.ts';

export interface FurnitureLabels {
  north: string;
  /** Unit after the largest tick, e.g. "km" or "公里". */
  km: string;
  /** "at 44° N" for small-scale maps, where Mercator's scale varies across the frame. */
  scaleAt: (lat: number) => string;
  insetTitle: string;
}

export interface InsetData {
  /** Chinese provinces (level province). */
  provinces: Feature<Polygon | MultiPolygon, { code: string }>[];
  /** Neighbouring countries. */
  countries: Feature<Polygon | MultiPolygon, { iso3: string }>[];
}

const INK = '#2f2a21';
const PANEL = 'rgba(251, 249, 244, 0.92)';
const PANEL_EDGE = '#b9ae98';

export const INSET_EXTENT: [number, number, number, number] = [86, 30, 134, 54.5];

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A round length (1, 2 or 5 × 10ⁿ km) no longer than `maxKm`. */
export function niceKm(maxKm: number): number {
  const p = 10 ** Math.floor(Math.log10(maxKm));
  for (const m of [5, 2, 1]) if (m * p <= maxKm) return m * p;
  return p;
}

function roundRect(ctx: Surface, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/**
 * Scale bar in the bottom-left corner of a map frame of `w`×`h` design px.
 * `metresPerUnit`: metres per design px at `lat`; `latSpan`: the frame's span of latitude.
 */
export function drawScaleBar(ctx: Surface, w: number, h: number, metresPerUnit: number, lat: number, latSpan: number, labels: FurnitureLabels): void {
  const maxLen = Math.min(w * 0.22, 220);
  const km = niceKm((maxLen * metresPerUnit) / 1000);
  const len = (km * 1000) / metresPerUnit;
  const pad = 12;
  const fs = 10.5;
  const showLat = latSpan > 3;
  const boxW = len + 2 * pad + 34;
  const boxH = showLat ? 44 : 34;
  const x0 = 14;
  const y0 = h - 14 - boxH;
  ctx.save();
  roundRect(ctx, x0, y0, boxW, boxH, 4);
  ctx.fillStyle = PANEL;
  ctx.fill();
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = PANEL_EDGE;
  ctx.stroke();
  const bx = x0 + pad;
  const by = y0 + 20;
  const seg = len / 2;
  for (let i = 0; i < 2; i++) {
    ctx.fillStyle = i % 2 ? '#ffffff' : INK;
    ctx.fillRect(bx + i * seg, by, seg, 5);
  }
  ctx.strokeStyle = INK;
  ctx.lineWidth = 0.9;
  ctx.strokeRect(bx, by, len, 5);
  ctx.fillStyle = INK;
  ctx.font = `400 ${fs}px ${FONT_STACK}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  const ticks = [0, km / 2, km];
  ticks.forEach((t, i) => {
    const tx = bx + (len * i) / 2;
    ctx.fillText(String(Number.isInteger(t) ? t : t.toFixed(1)), tx, by - 4);
  });
  ctx.textAlign = 'left';
  ctx.fillText(labels.km, bx + len + 7, by + 5.5);
  if (showLat) {
    ctx.font = `400 ${fs - 1.5}px ${FONT_STACK}`;
    ctx.fillStyle = '#5d5547';
    ctx.fillText(labels.scaleAt(lat), bx, by + 18);
  }
  ctx.restore();
}

/** North arrow in the bottom-right corner (the export map is never rotated: north is up). */
export function drawNorthArrow(ctx: Surface, w: number, h: number, labels: FurnitureLabels): void {
  const size = 30;
  const cx = w - 14 - size / 2;
  const top = h - 14 - (size + 22);
  ctx.save();
  roundRect(ctx, cx - size / 2 - 4, top, size + 8, size + 22, 4);
  ctx.fillStyle = PANEL;
  ctx.fill();
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = PANEL_EDGE;
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = `600 12px ${FONT_STACK}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(labels.north, cx, top + 16);
  const ay = top + 21;
  const ah = size - 2;
  ctx.beginPath();
  ctx.moveTo(cx, ay);
  ctx.lineTo(cx + 8, ay + ah);
  ctx.lineTo(cx, ay + ah - 7);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = INK;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(cx, ay);
  ctx.lineTo(cx - 8, ay + ah);
  ctx.lineTo(cx, ay + ah - 7);
  ctx.closePath();
  ctx.fillStyle = INK;
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function tracePolygon(ctx: Surface, g: Polygon | MultiPolygon, px: (lon: number, lat: number) => [number, number]) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys)
    for (const ring of poly) {
      ring.forEach((p, i) => {
        const [x, y] = px(p[0]!, p[1]!);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
}

const BOHAI = new Set(['110000', '120000', '130000', '140000', '210000', '370000']);

/**
 * Locator inset in the top-left corner: northern China and its neighbours, Inner Mongolia
 * emphasised, the view's rectangle in red. Returns its box (design px).
 */
export function drawInset(
  ctx: Surface,
  frameW: number,
  frameH: number,
  data: InsetData,
  view: [[number, number], [number, number]],
  labels: FurnitureLabels,
): { x: number; y: number; w: number; h: number } {
  const [w0, s0, e0, n0] = INSET_EXTENT;
  const aspect = ((e0 - w0) * Math.PI) / 180 / (mercY(n0) - mercY(s0));
  const iw = Math.round(Math.min(Math.max(frameW * 0.2, 130), 230));
  const ih = Math.round(iw / aspect);
  if (ih > frameH * 0.45) return { x: 0, y: 0, w: 0, h: 0 };
  const x = 14;
  const y = 14;
  const px = (lon: number, lat: number): [number, number] => [x + ((lon - w0) / (e0 - w0)) * iw, y + ((mercY(n0) - mercY(lat)) / (mercY(n0) - mercY(s0))) * ih];
  ctx.save();
  // Panel and sea.
  ctx.fillStyle = '#d5e3ea';
  ctx.fillRect(x, y, iw, ih);
  ctx.beginPath();
  ctx.rect(x, y, iw, ih);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const f of data.countries) tracePolygon(ctx, f.geometry, px);
  ctx.fillStyle = '#e9e7e1';
  ctx.fill('evenodd');
  ctx.lineWidth = 0.4;
  ctx.strokeStyle = '#a29d91';
  ctx.stroke();
  for (const f of data.provinces) {
    ctx.beginPath();
    tracePolygon(ctx, f.geometry, px);
    const code = f.properties.code;
    ctx.fillStyle = code === INNER_MONGOLIA ? '#c9a868' : BOHAI.has(code) ? '#f3e6cc' : '#f4f1ea';
    ctx.fill('evenodd');
    ctx.lineWidth = code === INNER_MONGOLIA ? 0.8 : 0.35;
    ctx.strokeStyle = code === INNER_MONGOLIA ? '#6b5428' : '#a69c89';
    ctx.stroke();
  }
  // The view's rectangle (clipped to the inset when the view is larger).
  const [[vw, vs], [ve, vn]] = view;
  const [ax, ay] = px(Math.max(vw, w0 - 5), Math.min(vn, 85));
  const [bx, by] = px(Math.min(ve, e0 + 5), Math.max(vs, -85));
  const rw = Math.max(bx - ax, 3);
  const rh = Math.max(by - ay, 3);
  ctx.fillStyle = 'rgba(163, 54, 26, 0.12)';
  ctx.fillRect(ax, ay, rw, rh);
  ctx.lineWidth = 1.6;
  ctx.strokeStyle = '#a3361a';
  ctx.strokeRect(ax, ay, rw, rh);
  ctx.restore();
  ctx.save();
  ctx.lineWidth = 0.9;
  ctx.strokeStyle = PANEL_EDGE;
  ctx.strokeRect(x, y, iw, ih);
  // Caption under the inset.
  ctx.font = `400 9px ${FONT_STACK}`;
  const tw = ctx.measureText(labels.insetTitle).width;
  ctx.fillStyle = PANEL;
  ctx.fillRect(x, y + ih, Math.min(iw, tw + 8), 13);
  ctx.fillStyle = '#5d5547';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(labels.insetTitle, x + 4, y + ih + 10);
  ctx.restore();
  return { x, y, w: iw, h: ih + 13 };
}

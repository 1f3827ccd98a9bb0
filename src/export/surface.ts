/**
 * A drawing surface for the export's page furniture and legend symbols, and the vector display
 * list the SVG and vector-PDF exports are written from.
 *
 * `Surface` is the part of the 2D canvas API that furniture.ts, symbols.ts and render-canvas.ts
 * use: a CanvasRenderingContext2D is one (PNG, raster PDF), and `VectorSurface` is another, which
 * records the same calls as paths and text (in the page's design px) instead of pixels. So the
 * scale bar, north arrow, inset, legend symbols and page texts have one drawing code for every
 * format. The map itself is built as display-list nodes directly (vector-map.ts).
 *
 * Pure: no DOM. Colours are CSS strings in (#rgb, #rrggbb, rgb(), rgba()), RGBA out.
 */
import { SHAPE_PATHS } from '../map/themes/style.ts';
import type { PointShape, RGB } from '../map/themes/types.ts';
import type { Measure } from './text.ts';

/** The 2D canvas calls the export's drawing code makes (a CanvasRenderingContext2D is one). */
export interface Surface {
  save(): void;
  restore(): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  roundRect(x: number, y: number, w: number, h: number, radius: number): void;
  fill(rule?: CanvasFillRule): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  clip(rule?: CanvasFillRule): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  setLineDash(segments: number[]): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
}

// ---------------------------------------------------------------------------------------------
// The display list

/** A colour: channels 0–255, alpha 0–1. */
export interface Paint {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Absolute path commands in design px. */
export type Seg = ['M', number, number] | ['L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];

export interface VPath {
  type: 'path';
  d: Seg[];
  fill?: Paint;
  fillRule?: 'nonzero' | 'evenodd';
  stroke?: Paint;
  strokeWidth?: number;
  dash?: number[];
  cap?: CanvasLineCap;
  join?: CanvasLineJoin;
}

export interface VText {
  type: 'text';
  /** Start of the baseline (anchor 'start'), its middle or its end. */
  x: number;
  y: number;
  text: string;
  /** Font size in design px. */
  size: number;
  weight: 400 | 600;
  fill: Paint;
  anchor: 'start' | 'middle' | 'end';
  /** Extra space after each character, in design px. */
  letterSpacing?: number;
  /** A halo drawn under the glyphs (a stroke of the text outline, `width` each side). */
  halo?: { paint: Paint; width: number };
  /** Turned by this many degrees (clockwise on the page) about (x, y): names along a line. */
  rotate?: number;
}

export interface VGroup {
  type: 'group';
  /** A unique id (SVG id, and a key). */
  id?: string;
  /** A layer's name as editors show it (Inkscape layer, PDF optional content group). */
  label?: string;
  /** Shown as a layer (SVG: Inkscape layer; PDF: an optional content group named `label`). */
  layer?: boolean;
  /** Which optional content group of the PDF the content belongs to (a theme's lines and labels share one). */
  ocg?: string;
  clip?: Seg[];
  /** How the group's shapes combine with what is under them (area tints: the darker wins, as the map's `min` blending). */
  blend?: 'darken';
  /** Opacity applied to each shape of the group. */
  opacity?: number;
  children: VNode[];
}

export type VNode = VPath | VText | VGroup;

export function group(children: VNode[], props: Omit<VGroup, 'type' | 'children'> = {}): VGroup {
  return { type: 'group', ...props, children };
}

// ---------------------------------------------------------------------------------------------
// Colours

const NAMED: Record<string, Paint> = { white: { r: 255, g: 255, b: 255, a: 1 }, black: { r: 0, g: 0, b: 0, a: 1 }, transparent: { r: 0, g: 0, b: 0, a: 0 } };

/** A CSS colour (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), a few names) as RGBA; black when unknown. */
export function parseColour(css: string): Paint {
  const s = css.trim().toLowerCase();
  if (NAMED[s]) return { ...NAMED[s]! };
  if (s.startsWith('#')) {
    const h = s.slice(1);
    const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(s);
  if (m) {
    const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0] ?? 0, g: parts[1] ?? 0, b: parts[2] ?? 0, a: parts[3] ?? 1 };
  }
  return { r: 0, g: 0, b: 0, a: 1 };
}

export function rgbPaint(c: RGB | readonly number[], a = 1): Paint {
  return { r: c[0]!, g: c[1]!, b: c[2]!, a };
}

export function withAlpha(p: Paint, k: number): Paint {
  return { ...p, a: p.a * k };
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

/** Rounds to 2 decimals (a hundredth of a design px is far below any output resolution). */
export const r2 = (v: number): number => Math.round(v * 100) / 100;

/** A rectangle as a closed path. */
export function rectPath(x: number, y: number, w: number, h: number): Seg[] {
  return [['M', x, y], ['L', x + w, y], ['L', x + w, y + h], ['L', x, y + h], ['Z']];
}

/**
 * An SVG arc (endpoint form) as cubic Béziers of at most 90° each (SVG 1.1, appendix F.6.5).
 */
function arcToCubics(x0: number, y0: number, rx: number, ry: number, rot: number, large: boolean, sweep: boolean, x: number, y: number): Seg[] {
  if (rx === 0 || ry === 0) return [['L', x, y]];
  const phi = (rot * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x0 - x) / 2;
  const dy = (y0 - y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const co = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cx1 = (co * rx * y1) / ry;
  const cy1 = (-co * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (x0 + x) / 2;
  const cy = sin * cx1 + cos * cy1 + (y0 + y) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const t1 = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let dt = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && dt > 0) dt -= 2 * Math.PI;
  if (sweep && dt < 0) dt += 2 * Math.PI;
  const n = Math.max(1, Math.ceil(Math.abs(dt) / (Math.PI / 2) - 1e-9));
  const step = dt / n;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number): [number, number] => [cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin, cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos];
  const deriv = (t: number): [number, number] => [-rx * Math.sin(t) * cos - ry * Math.cos(t) * sin, -rx * Math.sin(t) * sin + ry * Math.cos(t) * cos];
  const out: Seg[] = [];
  for (let i = 0; i < n; i++) {
    const a = t1 + i * step;
    const b = a + step;
    const [ax, ay] = point(a);
    const [bx, by] = i === n - 1 ? [x, y] : point(b);
    const [dax, day] = deriv(a);
    const [dbx, dby] = deriv(b);
    out.push(['C', ax + k * dax, ay + k * day, bx - k * dbx, by - k * dby, bx, by]);
  }
  return out;
}

/**
 * SVG path data of the forms SHAPE_PATHS uses (absolute M, L, Q, A, Z, numbers separated by
 * spaces) as absolute lines and cubics.
 */
export function parseShapePath(data: string): Seg[] {
  const tokens = data.trim().split(/[\s,]+/);
  const out: Seg[] = [];
  let i = 0;
  let cur: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const num = () => Number(tokens[i++]);
  let cmd = '';
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i]!)) cmd = tokens[i++]!;
    if (cmd === 'M') {
      cur = start = [num(), num()];
      out.push(['M', ...cur]);
      cmd = 'L';
    } else if (cmd === 'L') {
      cur = [num(), num()];
      out.push(['L', ...cur]);
    } else if (cmd === 'Q') {
      const q: [number, number] = [num(), num()];
      const p: [number, number] = [num(), num()];
      out.push(['C', cur[0] + (2 / 3) * (q[0] - cur[0]), cur[1] + (2 / 3) * (q[1] - cur[1]), p[0] + (2 / 3) * (q[0] - p[0]), p[1] + (2 / 3) * (q[1] - p[1]), p[0], p[1]]);
      cur = p;
    } else if (cmd === 'A') {
      const [rx, ry, rot, large, sweep, x, y] = [num(), num(), num(), num(), num(), num(), num()];
      out.push(...arcToCubics(cur[0], cur[1], rx, ry, rot, large === 1, sweep === 1, x, y));
      cur = [x, y];
    } else if (cmd === 'Z' || cmd === 'z') {
      out.push(['Z']);
      cur = start;
      cmd = '';
    } else throw new Error(`unsupported path command "${cmd}" in "${data}"`);
  }
  return out;
}

const shapeCache = new Map<PointShape, Seg[]>();
/** A point shape (SHAPE_PATHS, the map's icons) centred at (cx, cy) with half-size r. */
export function shapePath(shape: PointShape, cx: number, cy: number, r: number): Seg[] {
  let unit = shapeCache.get(shape);
  if (!unit) shapeCache.set(shape, (unit = parseShapePath(SHAPE_PATHS[shape])));
  return unit.map((s): Seg => {
    if (s[0] === 'M' || s[0] === 'L') return [s[0], cx + s[1] * r, cy + s[2] * r];
    if (s[0] === 'C') return ['C', cx + s[1] * r, cy + s[2] * r, cx + s[3] * r, cy + s[4] * r, cx + s[5] * r, cy + s[6] * r];
    return ['Z'];
  });
}

/**
 * A point symbol as the map's icon painter draws it (src/map/themes/icons.ts drawShape): a filled
 * shape with a white rim, or a hollow one (white inside, coloured outline).
 */
export function shapeNodes(spec: { shape: PointShape; color: RGB; hollow: boolean }, cx: number, cy: number, r: number, alpha = 1): VPath[] {
  const d = shapePath(spec.shape, cx, cy, r);
  if (spec.hollow) return [{ type: 'path', d, fill: { r: 255, g: 255, b: 255, a: alpha }, stroke: rgbPaint(spec.color, alpha), strokeWidth: r * 0.3, join: 'round' }];
  return [
    { type: 'path', d, stroke: { r: 255, g: 255, b: 255, a: 0.95 * alpha }, strokeWidth: r * 0.28, join: 'round' },
    { type: 'path', d, fill: rgbPaint(spec.color, alpha) },
  ];
}

// ---------------------------------------------------------------------------------------------
// The recording surface

interface State {
  m: [number, number, number, number, number, number];
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  dash: number[];
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  /** Groups open when this state was saved (clips opened after it close on restore). */
  depth: number;
}

/** Parses a canvas font string ("600 12px …") into size and weight. */
export function parseFont(font: string): { size: number; weight: 400 | 600 } {
  const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 10);
  const w = /^\s*(\d{3}|bold|normal)\b/.exec(font)?.[1];
  const weight = w === 'bold' || (w && /^\d+$/.test(w) && Number(w) >= 550) ? 600 : 400;
  return { size, weight };
}

/**
 * Records canvas calls as display-list nodes (design px). Supports what the export's drawing code
 * uses: paths of lines and rectangles, fills (nonzero / even-odd), strokes, dashes, clips, text
 * with the alignments left / center / right and the baselines alphabetic / middle / top, and
 * transforms of scale and translation.
 */
export class VectorSurface implements Surface {
  readonly root: VGroup = group([]);
  private stack: VGroup[] = [this.root];
  private states: State[] = [];
  private path: Seg[] = [];
  private st: State = {
    m: [1, 0, 0, 1, 0, 0],
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    dash: [],
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    depth: 1,
  };

  /**
   * `minStep`: points of a path closer than this (design px, after the transform) to the one before
   * are dropped, so full-resolution outlines drawn small (the locator inset) stay small files.
   */
  constructor(
    private readonly measure: Measure,
    private readonly minStep = 0.15,
  ) {}

  // Properties (strings only: no gradients or patterns are drawn by the export).
  get fillStyle(): string {
    return this.st.fillStyle;
  }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) {
    if (typeof v === 'string') this.st.fillStyle = v;
  }
  get strokeStyle(): string {
    return this.st.strokeStyle;
  }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) {
    if (typeof v === 'string') this.st.strokeStyle = v;
  }
  get lineWidth(): number {
    return this.st.lineWidth;
  }
  set lineWidth(v: number) {
    this.st.lineWidth = v;
  }
  get lineCap(): CanvasLineCap {
    return this.st.lineCap;
  }
  set lineCap(v: CanvasLineCap) {
    this.st.lineCap = v;
  }
  get lineJoin(): CanvasLineJoin {
    return this.st.lineJoin;
  }
  set lineJoin(v: CanvasLineJoin) {
    this.st.lineJoin = v;
  }
  get font(): string {
    return this.st.font;
  }
  set font(v: string) {
    this.st.font = v;
  }
  get textAlign(): CanvasTextAlign {
    return this.st.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.st.textAlign = v;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.st.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.st.textBaseline = v;
  }
  get globalAlpha(): number {
    return this.st.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.st.globalAlpha = v;
  }

  /** Opens a named group (a layer when `layer`); closed by endGroup(). */
  beginGroup(props: Omit<VGroup, 'type' | 'children'>): void {
    const g = group([], props);
    this.top().children.push(g);
    this.stack.push(g);
  }
  endGroup(): void {
    if (this.stack.length > 1) this.stack.pop();
  }
  /** Adds finished nodes (in design px, untransformed) to the current group. */
  add(...nodes: VNode[]): void {
    this.top().children.push(...nodes);
  }

  private top(): VGroup {
    return this.stack[this.stack.length - 1]!;
  }
  private scaleOf(): number {
    const [a, b, c, d] = this.st.m;
    return Math.sqrt(Math.abs(a * d - b * c));
  }
  private tx(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.st.m;
    return [a * x + c * y + e, b * x + d * y + f];
  }

  save(): void {
    this.states.push({ ...this.st, m: [...this.st.m], dash: [...this.st.dash], depth: this.stack.length });
  }
  restore(): void {
    const s = this.states.pop();
    if (!s) return;
    while (this.stack.length > s.depth) this.stack.pop();
    this.st = s;
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.st.m = [a, b, c, d, e, f];
  }
  /** Multiplies the current transform (scale and translation, as the page's groups need). */
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const [A, B, C, D, E, F] = this.st.m;
    this.st.m = [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F];
  }
  setLineDash(segments: number[]): void {
    this.st.dash = [...segments];
  }

  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push(['M', ...this.tx(x, y)]);
  }
  lineTo(x: number, y: number): void {
    if (!this.path.length) return this.moveTo(x, y);
    const p = this.tx(x, y);
    const last = this.path[this.path.length - 1]!;
    if ((last[0] === 'M' || last[0] === 'L') && Math.hypot(p[0] - last[1], p[1] - last[2]) < this.minStep) return;
    this.path.push(['L', ...p]);
  }
  closePath(): void {
    if (this.path.length) this.path.push(['Z']);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  roundRect(x: number, y: number, w: number, h: number, radius: number): void {
    const r = Math.max(0, Math.min(radius, w / 2, h / 2));
    // Quarter circles as cubics (k = 0.5523).
    const k = r * 0.5523;
    const seg = (pts: number[]): Seg => ['C', ...(this.tx(pts[0]!, pts[1]!) as [number, number]), ...(this.tx(pts[2]!, pts[3]!) as [number, number]), ...(this.tx(pts[4]!, pts[5]!) as [number, number])];
    this.moveTo(x + r, y);
    this.lineTo(x + w - r, y);
    this.path.push(seg([x + w - r + k, y, x + w, y + r - k, x + w, y + r]));
    this.lineTo(x + w, y + h - r);
    this.path.push(seg([x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h]));
    this.lineTo(x + r, y + h);
    this.path.push(seg([x + r - k, y + h, x, y + h - r + k, x, y + h - r]));
    this.lineTo(x, y + r);
    this.path.push(seg([x, y + r - k, x + r - k, y, x + r, y]));
    this.closePath();
  }

  private fillPaint(): Paint {
    return withAlpha(parseColour(this.st.fillStyle), this.st.globalAlpha);
  }
  private strokeProps(): Pick<VPath, 'stroke' | 'strokeWidth' | 'dash' | 'cap' | 'join'> {
    const k = this.scaleOf();
    return {
      stroke: withAlpha(parseColour(this.st.strokeStyle), this.st.globalAlpha),
      strokeWidth: this.st.lineWidth * k,
      ...(this.st.dash.length ? { dash: this.st.dash.map((v) => v * k) } : {}),
      ...(this.st.lineCap !== 'butt' ? { cap: this.st.lineCap } : {}),
      ...(this.st.lineJoin !== 'miter' ? { join: this.st.lineJoin } : {}),
    };
  }

  fill(rule?: CanvasFillRule): void {
    if (!this.path.length) return;
    this.top().children.push({ type: 'path', d: [...this.path], fill: this.fillPaint(), ...(rule === 'evenodd' ? { fillRule: 'evenodd' as const } : {}) });
  }
  stroke(): void {
    if (!this.path.length) return;
    this.top().children.push({ type: 'path', d: [...this.path], ...this.strokeProps() });
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  clip(rule?: CanvasFillRule): void {
    void rule;
    const g = group([], { clip: [...this.path] });
    this.top().children.push(g);
    this.stack.push(g);
  }

  /** A point symbol as the map's icons draw it (the canvas path goes through Path2D, which this surface has no use for). */
  shape(spec: { shape: PointShape; color: RGB; hollow: boolean }, cx: number, cy: number, r: number): void {
    const [x, y] = this.tx(cx, cy);
    this.top().children.push(...shapeNodes(spec, x, y, r * this.scaleOf(), this.st.globalAlpha));
  }

  measureText(text: string): { width: number } {
    return { width: this.measure(text, parseFont(this.st.font)) };
  }

  fillText(text: string, x: number, y: number): void {
    const { size, weight } = parseFont(this.st.font);
    const k = this.scaleOf();
    const b = this.st.textBaseline;
    // Baselines other than the alphabetic one, from the export fonts' ascent (0.88 em) and descent.
    const dy = b === 'middle' ? size * 0.38 : b === 'top' || b === 'hanging' ? size * 0.88 : b === 'bottom' || b === 'ideographic' ? -size * 0.12 : 0;
    const [px, py] = this.tx(x, y + dy);
    const a = this.st.textAlign;
    const anchor = a === 'center' ? 'middle' : a === 'right' || a === 'end' ? 'end' : 'start';
    this.top().children.push({ type: 'text', x: px, y: py, text, size: size * k, weight, fill: this.fillPaint(), anchor });
  }
}

/** Whether a surface records vectors (its point symbols are drawn as paths, not through Path2D). */
export function isVectorSurface(s: Surface): s is VectorSurface {
  return s instanceof VectorSurface;
}

/**
 * SVG writer of the vector exports: a page's display list (vector-page.ts) as one SVG file.
 *
 * - Layers are groups marked as Inkscape layers (`inkscape:groupmode="layer"`, `inkscape:label`),
 *   nested as the page is (basemap, the thematic layers' areas, lines, symbols and labels each with
 *   a sublayer per theme, names of places, imported layers, furniture, title, legend, sources).
 * - Text is `<text>` (selectable, searchable) in Noto Sans / Noto Sans SC: the app's own subset
 *   fonts (public/fonts, the faces the text needs) are embedded as WOFF2 in `@font-face` rules for
 *   browsers; desktop editors use the fonts installed under those names (README: limits).
 * - Halos are strokes painted under the fill (`paint-order: stroke`); area tints combine with
 *   `mix-blend-mode: darken`, as the map's `min` blending does.
 * Pure: no DOM.
 */
import type { Paint, Seg, VGroup, VNode, VPath, VText } from './surface.ts';
import { isCjk } from './text.ts';
import type { VectorPage } from './vector-page.ts';

/** An embedded font face: family, weight, the code points it covers and its WOFF2 bytes. */
export interface SvgFontFace {
  family: 'Noto Sans' | 'Noto Sans SC';
  weight: 400 | 600;
  unicodeRange: string[];
  woff2: Uint8Array;
}

const INKSCAPE = 'http://www.inkscape.org/namespaces/inkscape';

const num = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};
/** Path coordinates to a tenth of a design px (0.026 mm): outlines are simplified to 0.12 px anyway. */
const coord = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function hex(p: Paint): string {
  const h = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${h(p.r)}${h(p.g)}${h(p.b)}`;
}

export function pathData(d: readonly Seg[]): string {
  let out = '';
  let prev = '';
  for (const s of d) {
    const cmd = s[0];
    if (cmd === 'Z') {
      out += 'Z';
      prev = 'Z';
      continue;
    }
    const nums = s.slice(1).map((v) => coord(v as number));
    // Repeated line commands are implicit: "L1 2 3 4".
    out += (cmd === prev && cmd !== 'M' ? ' ' : cmd) + nums.join(' ');
    prev = cmd;
  }
  return out;
}

function pathEl(p: VPath, blend: boolean): string {
  const a: string[] = [`d="${pathData(p.d)}"`];
  if (p.fill) {
    a.push(`fill="${hex(p.fill)}"`);
    if (p.fill.a < 1) a.push(`fill-opacity="${num(p.fill.a)}"`);
    if (p.fillRule === 'evenodd') a.push('fill-rule="evenodd"');
  } else a.push('fill="none"');
  if (p.stroke) {
    a.push(`stroke="${hex(p.stroke)}"`, `stroke-width="${num(p.strokeWidth ?? 1)}"`);
    if (p.stroke.a < 1) a.push(`stroke-opacity="${num(p.stroke.a)}"`);
    if (p.dash?.length) a.push(`stroke-dasharray="${p.dash.map(num).join(' ')}"`);
    if (p.cap && p.cap !== 'butt') a.push(`stroke-linecap="${p.cap}"`);
    if (p.join && p.join !== 'miter') a.push(`stroke-linejoin="${p.join}"`);
  }
  if (blend) a.push('style="mix-blend-mode:darken"');
  return `<path ${a.join(' ')}/>`;
}

/**
 * The font families of a text: Chinese text names Noto Sans SC first, so editors without per-glyph
 * fallback find its glyphs; "Noto Sans CJK SC" is the same design as Linux distributions install it.
 */
export function fontFamily(text: string): string {
  return [...text].some(isCjk) ? "'Noto Sans SC','Noto Sans CJK SC','Noto Sans',sans-serif" : "'Noto Sans','Noto Sans SC','Noto Sans CJK SC',sans-serif";
}

function textEl(t: VText): string {
  const a: string[] = [`x="${num(t.x)}"`, `y="${num(t.y)}"`, `font-family="${fontFamily(t.text)}"`, `font-size="${num(t.size)}"`];
  if (t.weight !== 400) a.push(`font-weight="${t.weight}"`);
  a.push(`fill="${hex(t.fill)}"`);
  if (t.fill.a < 1) a.push(`fill-opacity="${num(t.fill.a)}"`);
  if (t.anchor !== 'start') a.push(`text-anchor="${t.anchor}"`);
  if (t.letterSpacing) a.push(`letter-spacing="${num(t.letterSpacing)}"`);
  if (t.halo) {
    a.push(`stroke="${hex(t.halo.paint)}"`, `stroke-width="${num(t.halo.width * 2)}"`, 'stroke-linejoin="round"', 'paint-order="stroke"');
    if (t.halo.paint.a < 1) a.push(`stroke-opacity="${num(t.halo.paint.a)}"`);
  }
  if (t.rotate) a.push(`transform="rotate(${num(t.rotate)} ${num(t.x)} ${num(t.y)})"`);
  return `<text ${a.join(' ')}>${escapeXml(t.text)}</text>`;
}

class SvgWriter {
  private clips: string[] = [];
  private ids = new Set<string>();

  private uniqueId(id: string): string {
    let out = id.replace(/[^A-Za-z0-9_.-]/g, '-');
    if (!/^[A-Za-z_]/.test(out)) out = `l-${out}`;
    let n = 2;
    const base = out;
    while (this.ids.has(out)) out = `${base}-${n++}`;
    this.ids.add(out);
    return out;
  }

  node(n: VNode, depth: number, blend: boolean): string {
    if (n.type === 'path') return pathEl(n, blend);
    if (n.type === 'text') return textEl(n);
    return this.group(n, depth, blend);
  }

  group(g: VGroup, depth: number, blend = false): string {
    const a: string[] = [];
    if (g.id || g.layer) a.push(`id="${this.uniqueId(g.id ?? 'layer')}"`);
    if (g.layer) a.push('inkscape:groupmode="layer"', `inkscape:label="${escapeXml(g.label ?? g.id ?? '')}"`);
    if (g.clip) {
      const id = this.uniqueId(`clip-${this.clips.length + 1}`);
      this.clips.push(`<clipPath id="${id}"><path d="${pathData(g.clip)}"/></clipPath>`);
      a.push(`clip-path="url(#${id})"`);
    }
    if (g.opacity != null && g.opacity < 1) a.push(`opacity="${num(g.opacity)}"`);
    const inner = g.children.map((c) => this.node(c, depth + 1, blend || g.blend === 'darken')).join('\n');
    return `<g${a.length ? ` ${a.join(' ')}` : ''}>\n${inner}\n</g>`;
  }

  defs(): string {
    return this.clips.join('\n');
  }
}

function base64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(s);
}

/** Every text of the page, for choosing the font faces to embed. */
export function pageText(root: VGroup): string {
  const out: string[] = [];
  const walk = (n: VNode) => {
    if (n.type === 'text') out.push(n.text);
    else if (n.type === 'group') n.children.forEach(walk);
  };
  walk(root);
  return out.join('');
}

function weightsUsed(root: VGroup): Set<number> {
  const w = new Set<number>();
  const walk = (n: VNode) => {
    if (n.type === 'text') w.add(n.weight);
    else if (n.type === 'group') n.children.forEach(walk);
  };
  walk(root);
  return w;
}

/** Whether a CSS unicode-range list ("U+4E00-4E03", "U+20") covers a code point. */
export function inRanges(ranges: readonly string[], cp: number): boolean {
  return ranges.some((r) => {
    const [a, b] = r.replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    const hi = b ? parseInt(b, 16) : lo;
    return cp >= lo && cp <= hi;
  });
}

/** The faces a page needs: of the weights it uses, those covering at least one of its characters. */
export function facesFor(faces: readonly SvgFontFace[], root: VGroup): SvgFontFace[] {
  const cps = [...new Set([...pageText(root)].map((c) => c.codePointAt(0)!))];
  const weights = weightsUsed(root);
  return faces.filter((f) => weights.has(f.weight) && cps.some((cp) => inRanges(f.unicodeRange, cp)));
}

export interface SvgMeta {
  title: string;
  /** The source note (credits and licences), also kept as the document's description. */
  description: string;
  lang: 'zh' | 'en';
  /** Physical size of print pages (millimetres); slides get their pixel size. */
  paperMm?: { width: number; height: number };
  pixels: { width: number; height: number };
}

/** The page as an SVG document. */
export function svgDocument(page: VectorPage, faces: readonly SvgFontFace[], meta: SvgMeta): string {
  const w = new SvgWriter();
  const body = w.group(page.root, 0);
  const used = facesFor(faces, page.root);
  const css = used
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${base64(f.woff2)}) format('woff2');unicode-range:${f.unicodeRange.join(',')}}`,
    )
    .join('\n');
  const size = meta.paperMm ? `width="${num(meta.paperMm.width)}mm" height="${num(meta.paperMm.height)}mm"` : `width="${meta.pixels.width}" height="${meta.pixels.height}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="${INKSCAPE}" version="1.1" ${size} viewBox="0 0 ${num(page.width)} ${num(page.height)}" xml:lang="${meta.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `<title>${escapeXml(meta.title)}</title>`,
    `<desc>${escapeXml(meta.description)}</desc>`,
    `<defs>${css ? `\n<style>\n${css}\n</style>` : ''}\n${w.defs()}\n</defs>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

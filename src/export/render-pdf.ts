/**
 * PDF renderer (jsPDF, loaded on demand). One page per composition, the page the design size in
 * points (1 design px = 0.75 pt: A4 and A3 pages have their paper size). Title, subtitle, legend,
 * project list and source note are real text in the embedded Noto fonts (subset by jsPDF, with a
 * ToUnicode map: selectable and searchable); the map is one lossless image at the output
 * resolution (RGB, deflated natively by the browser); legend symbols are small images drawn by the
 * same code as the map's legend.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { fontRuns, type ExportFonts } from './fonts.ts';
import type { Composition, Element } from './layout.ts';
import { mapFramePx } from './render-canvas.ts';
import { symbolImage } from './symbols.ts';
import { baselineOffset } from './text.ts';

const PT = 0.75;

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return s;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The canvas as deflated 8-bit RGB (alpha dropped: the map is opaque). */
export async function canvasRgbDeflated(canvas: HTMLCanvasElement): Promise<{ data: Uint8Array; width: number; height: number }> {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const { width, height } = canvas;
  const rgb = new Uint8Array(width * height * 3);
  // Row bands keep the RGBA copy small.
  const band = Math.max(1, Math.floor(4_000_000 / (width * 4)));
  for (let y = 0; y < height; y += band) {
    const h = Math.min(band, height - y);
    const rgba = ctx.getImageData(0, y, width, h).data;
    let o = y * width * 3;
    for (let i = 0; i < rgba.length; i += 4) {
      rgb[o++] = rgba[i]!;
      rgb[o++] = rgba[i + 1]!;
      rgb[o++] = rgba[i + 2]!;
    }
  }
  return { data: await deflate(rgb), width, height };
}

const FLATE_FORMAT = 'ATLASFLATE';
const pendingImages = new WeakMap<Uint8Array, { width: number; height: number }>();
let processorInstalled = false;

type JsPdfModule = typeof import('jspdf');

function installFlateProcessor(mod: JsPdfModule): void {
  if (processorInstalled) return;
  processorInstalled = true;
  // jsPDF looks up `process<FORMAT>` for an image format it does not know by its bytes.
  (mod.jsPDF.API as unknown as Record<string, unknown>)[`process${FLATE_FORMAT}`] = function (data: Uint8Array, index: number, alias: string) {
    const meta = pendingImages.get(data);
    if (!meta) throw new Error('unknown deflated image');
    return { data: binaryString(data), filter: 'FlateDecode', colorSpace: 'DeviceRGB', bitsPerComponent: 8, width: meta.width, height: meta.height, index, alias };
  };
}

export interface PdfPage {
  comp: Composition;
  /** The map image (output px, with furniture). */
  map: HTMLCanvasElement;
}

export class PdfWriter {
  private doc: JsPdf | null = null;
  private symbolAliases = new Map<string, string>();
  private imageCount = 0;

  private constructor(
    private readonly mod: JsPdfModule,
    private readonly fonts: ExportFonts,
    private readonly meta: { title: string; subject: string; lang: 'zh' | 'en' },
  ) {}

  static async create(fonts: ExportFonts, meta: { title: string; subject: string; lang: 'zh' | 'en' }): Promise<PdfWriter> {
    const mod = await import('jspdf');
    installFlateProcessor(mod);
    return new PdfWriter(mod, fonts, meta);
  }

  private setupFonts(doc: JsPdf): void {
    const faces: Array<[keyof ExportFonts['ttf'], string, string]> = [
      ['latin400', 'AtlasLatin', 'normal'],
      ['latin600', 'AtlasLatin', 'bold'],
      ['sc400', 'AtlasSC', 'normal'],
      ['sc600', 'AtlasSC', 'bold'],
    ];
    for (const [key, family, style] of faces) {
      const file = `${key}.ttf`;
      doc.addFileToVFS(file, binaryString(this.fonts.ttf[key]));
      doc.addFont(file, family, style, undefined, 'Identity-H');
    }
  }

  async addPage(page: PdfPage): Promise<void> {
    const { comp } = page;
    const w = comp.width * PT;
    const h = comp.height * PT;
    const orientation = w >= h ? 'landscape' : 'portrait';
    let doc = this.doc;
    if (!doc) {
      doc = new this.mod.jsPDF({ unit: 'pt', format: [w, h], orientation, compress: true, putOnlyUsedFonts: true });
      this.setupFonts(doc);
      doc.setProperties({ title: this.meta.title, subject: this.meta.subject, creator: 'Plan Atlas', keywords: '内蒙古 环渤海 规划 Inner Mongolia Bohai Rim plan' });
      doc.setLanguage(this.meta.lang === 'zh' ? 'zh-CN' : 'en-US');
      this.doc = doc;
    } else {
      doc.addPage([w, h], orientation);
    }
    const scale = comp.size.scale;
    for (const e of comp.elements) {
      if (e.type === 'rect') this.rect(doc, e);
      else if (e.type === 'text') this.text(doc, e);
      else if (e.type === 'symbol') {
        const key = JSON.stringify([e.symbol, e.w, e.h]);
        let alias = this.symbolAliases.get(key);
        const url = alias ? undefined : symbolImage(e.symbol, e.w, e.h, Math.max(4, scale * 1.5));
        if (!alias) {
          alias = `sym${this.symbolAliases.size}`;
          this.symbolAliases.set(key, alias);
        }
        doc.addImage(url ?? '', 'PNG', e.x * PT, e.y * PT, e.w * PT, e.h * PT, alias, 'FAST');
      } else if (e.type === 'map') {
        const f = mapFramePx(comp);
        // The map image at exactly the frame's output size.
        let src = page.map;
        if (src.width !== f.w || src.height !== f.h) {
          const c = document.createElement('canvas');
          c.width = f.w;
          c.height = f.h;
          c.getContext('2d')!.drawImage(src, 0, 0, f.w, f.h);
          src = c;
        }
        const img = await canvasRgbDeflated(src);
        pendingImages.set(img.data, { width: img.width, height: img.height });
        doc.addImage(img.data, FLATE_FORMAT, e.x * PT, e.y * PT, e.w * PT, e.h * PT, `map${this.imageCount++}`, 'NONE');
      }
    }
  }

  private rect(doc: JsPdf, e: Extract<Element, { type: 'rect' }>): void {
    if (e.fill) {
      doc.setFillColor(e.fill);
      doc.rect(e.x * PT, e.y * PT, e.w * PT, e.h * PT, 'F');
    }
    if (e.stroke) {
      doc.setDrawColor(e.stroke);
      doc.setLineWidth((e.strokeWidth ?? 1) * PT);
      doc.rect(e.x * PT, e.y * PT, e.w * PT, e.h * PT, 'S');
    }
  }

  private text(doc: JsPdf, e: Extract<Element, { type: 'text' }>): void {
    const style = e.style.weight === 600 ? 'bold' : 'normal';
    doc.setFontSize(e.style.size * PT);
    doc.setTextColor(e.style.color);
    const b = baselineOffset(e.style);
    e.lines.forEach((line, i) => {
      const runs = fontRuns(line, this.fonts);
      const widths = runs.map((r) => {
        doc.setFont(r.family === 'latin' ? 'AtlasLatin' : 'AtlasSC', style);
        return doc.getTextWidth(r.text);
      });
      const total = widths.reduce((a, c) => a + c, 0);
      let x = (e.align === 'right' ? e.x + e.w : e.x) * PT - (e.align === 'right' ? total : 0);
      const y = (e.y + i * e.style.lineHeight + b) * PT;
      runs.forEach((r, j) => {
        doc.setFont(r.family === 'latin' ? 'AtlasLatin' : 'AtlasSC', style);
        doc.text(r.text, x, y, { baseline: 'alphabetic' });
        x += widths[j]!;
      });
    });
  }

  output(): Blob {
    if (!this.doc) throw new Error('no pages');
    return this.doc.output('blob');
  }
}

/**
 * PPTX renderer (PptxGenJS, loaded on demand): 16:9 slides (13.33 × 7.5 in = the 1280 × 720
 * design space at 96 px per inch). The map is a picture; title, subtitle, legend labels, the
 * project list and the source note are native, editable text boxes; legend symbols are small
 * pictures drawn by the legend's own code; the complete project list goes in the speaker notes.
 *
 * Text is set in Microsoft YaHei (微软雅黑), the Chinese UI font every Windows PowerPoint and WPS
 * has; other systems substitute their own CJK sans (LibreOffice: Noto Sans CJK when installed).
 */
import type PptxGenJSType from 'pptxgenjs';
import type { Composition, Element } from './layout.ts';
import { symbolImage } from './symbols.ts';

const IN = 1 / 96;
export const PPTX_FONT = 'Microsoft YaHei';

export interface PptxSlide {
  comp: Composition;
  /** The map image as a PNG data URL. */
  mapPng: string;
  /** Speaker notes. */
  notes: string;
}

const hex = (c: string) => c.replace('#', '').toUpperCase();

export class PptxWriter {
  private constructor(
    private readonly pptx: PptxGenJSType,
    private readonly lang: 'zh' | 'en',
  ) {}

  static async create(meta: { title: string; subject: string; lang: 'zh' | 'en' }): Promise<PptxWriter> {
    const Pptx = (await import('pptxgenjs')).default;
    const pptx = new Pptx();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = meta.title;
    pptx.subject = meta.subject;
    pptx.author = 'Plan Atlas';
    pptx.company = 'Plan Atlas';
    pptx.theme = { headFontFace: PPTX_FONT, bodyFontFace: PPTX_FONT };
    return new PptxWriter(pptx, meta.lang);
  }

  addSlide(s: PptxSlide): void {
    const { comp } = s;
    // The design space is 1280 wide for 16:9: exactly LAYOUT_WIDE. Other aspects are fitted.
    const k = Math.min(1280 / comp.width, 720 / comp.height);
    const slide = this.pptx.addSlide();
    slide.background = { color: hex(comp.background) };
    const lang = this.lang === 'zh' ? 'zh-CN' : 'en-US';
    for (const e of comp.elements) {
      if (e.type === 'rect') {
        if (e.x === 0 && e.y === 0 && e.w === comp.width) continue; // the background
        slide.addShape(this.pptx.ShapeType.rect, {
          x: e.x * k * IN,
          y: e.y * k * IN,
          w: Math.max(e.w, 0.5) * k * IN,
          h: Math.max(e.h, 0.5) * k * IN,
          ...(e.fill ? { fill: { color: hex(e.fill) } } : { fill: { type: 'none' } as unknown as { color: string } }),
          line: e.stroke ? { color: hex(e.stroke), width: (e.strokeWidth ?? 1) * 0.75 } : { type: 'none' },
        } as PptxGenJSType.ShapeProps);
      } else if (e.type === 'symbol') {
        slide.addImage({ data: symbolImage(e.symbol, e.w, e.h, 4), x: e.x * k * IN, y: e.y * k * IN, w: e.w * k * IN, h: e.h * k * IN });
      } else if (e.type === 'map') {
        slide.addImage({ data: s.mapPng, x: e.x * k * IN, y: e.y * k * IN, w: e.w * k * IN, h: e.h * k * IN, altText: comp.elements.find((t) => t.type === 'text' && t.role === 'title') ? titleOf(comp) : 'map' });
      } else if (e.type === 'text') {
        this.text(slide, e, k, lang);
      }
    }
    if (s.notes) slide.addNotes(s.notes);
  }

  private text(slide: PptxGenJSType.Slide, e: Extract<Element, { type: 'text' }>, k: number, lang: string): void {
    // Wrapped text is given whole (PowerPoint re-flows it when edited); single lines as laid out.
    const flows = e.lines.length > 1 && e.text != null && e.role !== 'note';
    const body = flows ? e.text! : e.lines.join('\n');
    // A little taller than the lines, so PowerPoint's own line metrics never push text out of the box.
    const h = e.lines.length * e.style.lineHeight + e.style.size * 0.35;
    slide.addText(body, {
      x: e.x * k * IN,
      y: e.y * k * IN,
      w: (e.w + 2) * k * IN,
      h: h * k * IN,
      margin: 0,
      fontFace: PPTX_FONT,
      fontSize: Math.round(e.style.size * k * 0.75 * 10) / 10,
      bold: e.style.weight === 600,
      color: hex(e.style.color),
      valign: 'top',
      align: e.align === 'right' ? 'right' : 'left',
      lineSpacing: Math.round(e.style.lineHeight * k * 0.75 * 10) / 10,
      lang,
      fit: 'none',
      // List items and one-line labels were cut to fit by the layout: they must not wrap.
      wrap: flows,
      objectName: e.role,
    });
  }

  async output(): Promise<Blob> {
    return (await this.pptx.write({ outputType: 'blob', compression: true })) as Blob;
  }
}

function titleOf(comp: Composition): string {
  const t = comp.elements.find((e) => e.type === 'text' && e.role === 'title');
  return t && t.type === 'text' ? (t.text ?? t.lines.join(' ')) : 'map';
}

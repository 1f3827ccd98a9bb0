/**
 * Vector PDF writer (jsPDF, loaded on demand): each page's display list (vector-page.ts) as PDF
 * paths and text, the page the design size in points (1 design px = 0.75 pt, as render-pdf.ts).
 *
 * - Text is real text in the embedded Noto Sans / Noto Sans SC (the export fonts of fonts.ts,
 *   subset by jsPDF with a ToUnicode map: selectable and searchable). Halos are the same text
 *   stroked under the fill, marked as an empty /ActualText span so that copying and searching find
 *   each name once; a name spaced out or turned along a line is a span whose /ActualText is the
 *   name, so that it is found whole.
 * - Layers are optional content groups (PDF 1.5 /OCProperties): jsPDF has no API for them, so the
 *   groups, the page resources' /Properties and the catalogue's /OCProperties are written through
 *   jsPDF's output events, and each layer's content is marked `/OC /name BDC … EMC`. A theme's
 *   areas, lines, symbols and labels share one group, so a viewer's layer panel shows and hides it
 *   whole.
 * - Transparency and the area tints' darken blending are ExtGStates written the same way.
 * - Paths are written as raw operators (y flipped to PDF's upward axis), text through jsPDF.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { fontRuns, type ExportFonts } from './fonts.ts';
import type { Paint, Seg, VGroup, VNode, VPath, VText } from './surface.ts';
import type { VectorPage } from './vector-page.ts';

const PT = 0.75;

type JsPdfModule = typeof import('jspdf');

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return s;
}

const n = (v: number): string => {
  const s = (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
};
const c3 = (v: number) => (Math.round((v / 255) * 1000) / 1000).toString();

/** A PDF text string: UTF-16BE with a byte-order mark, as hex. */
export function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

interface Internal {
  write(...s: string[]): void;
  out(s: string): void;
  newObject(): number;
  events: { subscribe(event: string, fn: () => void): void };
  pageSize: { getHeight(): number };
}

export class VectorPdfWriter {
  private doc: JsPdf | null = null;
  private pageH = 0;
  /** ExtGStates: key ("ca|CA|blend") → name. */
  private gstates = new Map<string, string>();
  /** Optional content groups: key → { name (label), resource name, object number }. */
  private ocgs = new Map<string, { label: string; res: string; obj: number }>();

  private constructor(
    private readonly mod: JsPdfModule,
    private readonly fonts: ExportFonts,
    private readonly meta: { title: string; subject: string; lang: 'zh' | 'en'; keywords?: string },
  ) {}

  static async create(fonts: ExportFonts, meta: { title: string; subject: string; lang: 'zh' | 'en' }): Promise<VectorPdfWriter> {
    return new VectorPdfWriter(await import('jspdf'), fonts, meta);
  }

  private get internal(): Internal {
    return (this.doc as unknown as { internal: Internal }).internal;
  }

  private setup(doc: JsPdf): void {
    const faces: Array<[keyof ExportFonts['ttf'], string, string]> = [
      ['latin400', 'AtlasLatin', 'normal'],
      ['latin600', 'AtlasLatin', 'bold'],
      ['sc400', 'AtlasSC', 'normal'],
      ['sc600', 'AtlasSC', 'bold'],
    ];
    for (const [key, family, style] of faces) {
      doc.addFileToVFS(`${key}.ttf`, binaryString(this.fonts.ttf[key]));
      doc.addFont(`${key}.ttf`, family, style, undefined, 'Identity-H');
    }
    doc.setProperties({ title: this.meta.title, subject: this.meta.subject, creator: 'Plan Atlas', keywords: '内蒙古 环渤海 规划 Inner Mongolia Bohai Rim plan' });
    doc.setLanguage(this.meta.lang === 'zh' ? 'zh-CN' : 'en-US');
    // Optional content and blend modes are PDF 1.5 and 1.4 features (jsPDF says 1.3 by default).
    (doc as unknown as { __private__: { setPdfVersion(v: string): void } }).__private__.setPdfVersion('1.5');
    // jsPDF writes its /ExtGState dictionary (and the event that lets ours in) only when it has one of its own.
    doc.addGState('atlasNone', new this.mod.GState({ opacity: 1 }));
    const internal = (doc as unknown as { internal: Internal }).internal;
    const objects: Record<string, number> = {};
    internal.events.subscribe('putResources', () => {
      for (const [key, name] of this.gstates) {
        const [ca, CA, blend] = key.split('|');
        objects[name] = internal.newObject();
        internal.out(`<< /Type /ExtGState /ca ${ca} /CA ${CA}${blend ? ` /BM /${blend}` : ''} >>`);
        internal.out('endobj');
      }
      for (const g of this.ocgs.values()) {
        g.obj = internal.newObject();
        internal.out(`<< /Type /OCG /Name ${pdfTextString(g.label)} >>`);
        internal.out('endobj');
      }
    });
    internal.events.subscribe('putGStateDict', () => {
      for (const name of this.gstates.values()) internal.out(`/${name} ${objects[name]} 0 R`);
    });
    // The shared resource dictionary has no event of its own: /Properties follows /XObject, whose
    // closing bracket jsPDF writes after this event.
    internal.events.subscribe('putXobjectDict', () => {
      if (!this.ocgs.size) return;
      internal.out('>>');
      internal.out('/Properties <<');
      for (const g of this.ocgs.values()) internal.out(`/${g.res} ${g.obj} 0 R`);
    });
    internal.events.subscribe('putCatalog', () => {
      if (!this.ocgs.size) return;
      const refs = [...this.ocgs.values()].map((g) => `${g.obj} 0 R`).join(' ');
      internal.out(`/OCProperties << /OCGs [${refs}] /D << /Name ${pdfTextString(this.meta.title)} /Order [${refs}] /ON [${refs}] /OFF [] /BaseState /ON >> >>`);
    });
  }

  addPage(page: VectorPage): void {
    const w = page.width * PT;
    const h = page.height * PT;
    const orientation = w >= h ? 'landscape' : 'portrait';
    if (!this.doc) {
      this.doc = new this.mod.jsPDF({ unit: 'pt', format: [w, h], orientation, compress: true, putOnlyUsedFonts: true });
      this.setup(this.doc);
    } else this.doc.addPage([w, h], orientation);
    this.pageH = h;
    this.group(page.root, false);
  }

  private raw(s: string): void {
    this.internal.write(s);
  }

  private gs(fillA: number, strokeA: number, blend: '' | 'Darken'): string | null {
    if (fillA >= 1 && strokeA >= 1 && !blend) return null;
    const key = `${n(fillA)}|${n(strokeA)}|${blend}`;
    let name = this.gstates.get(key);
    if (!name) this.gstates.set(key, (name = `AG${this.gstates.size + 1}`));
    return name;
  }

  private ocg(key: string, label: string): string {
    let g = this.ocgs.get(key);
    if (!g) this.ocgs.set(key, (g = { label, res: `OC${this.ocgs.size + 1}`, obj: 0 }));
    return g.res;
  }

  private pathOps(d: readonly Seg[]): string {
    // A tenth of a point (0.035 mm): outlines are simplified to 0.12 design px (0.09 pt) anyway.
    const c = (v: number) => {
      const s = (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');
      return s === '-0' ? '0' : s;
    };
    const y = (v: number) => c(this.pageH - v * PT);
    const x = (v: number) => c(v * PT);
    const out: string[] = [];
    for (const s of d) {
      if (s[0] === 'M') out.push(`${x(s[1])} ${y(s[2])} m`);
      else if (s[0] === 'L') out.push(`${x(s[1])} ${y(s[2])} l`);
      else if (s[0] === 'C') out.push(`${x(s[1])} ${y(s[2])} ${x(s[3])} ${y(s[4])} ${x(s[5])} ${y(s[6])} c`);
      else out.push('h');
    }
    return out.join('\n');
  }

  private group(g: VGroup, blend: boolean): void {
    const marked = g.layer && g.ocg;
    if (marked) this.raw(`/OC /${this.ocg(g.ocg!, g.label ?? g.ocg!)} BDC`);
    if (g.clip) this.raw(`q\n${this.pathOps(g.clip)}\nW n`);
    for (const c of g.children) this.node(c, blend || g.blend === 'darken');
    if (g.clip) this.raw('Q');
    if (marked) this.raw('EMC');
  }

  private node(nd: VNode, blend: boolean): void {
    if (nd.type === 'group') this.group(nd, blend);
    else if (nd.type === 'path') this.path(nd, blend);
    else this.text(nd);
  }

  private colour(p: Paint, op: 'rg' | 'RG'): string {
    return `${c3(p.r)} ${c3(p.g)} ${c3(p.b)} ${op}`;
  }

  private path(p: VPath, blend: boolean): void {
    if (!p.fill && !p.stroke) return;
    const ops: string[] = ['q'];
    const g = this.gs(p.fill?.a ?? 1, p.stroke?.a ?? 1, blend ? 'Darken' : '');
    if (g) ops.push(`/${g} gs`);
    if (p.fill) ops.push(this.colour(p.fill, 'rg'));
    if (p.stroke) {
      ops.push(this.colour(p.stroke, 'RG'), `${n((p.strokeWidth ?? 1) * PT)} w`);
      if (p.dash?.length) ops.push(`[${p.dash.map((v) => n(v * PT)).join(' ')}] 0 d`);
      if (p.cap === 'round') ops.push('1 J');
      else if (p.cap === 'square') ops.push('2 J');
      if (p.join === 'round') ops.push('1 j');
      else if (p.join === 'bevel') ops.push('2 j');
    }
    ops.push(this.pathOps(p.d));
    const evenOdd = p.fillRule === 'evenodd' ? '*' : '';
    ops.push(p.fill && p.stroke ? `B${evenOdd}` : p.fill ? `f${evenOdd}` : 'S');
    ops.push('Q');
    this.raw(ops.join('\n'));
  }

  private text(t: VText): void {
    const doc = this.doc!;
    const style = t.weight === 600 ? 'bold' : 'normal';
    const size = t.size * PT;
    doc.setFontSize(size);
    const runs = fontRuns(t.text, this.fonts);
    const spacing = (t.letterSpacing ?? 0) * PT;
    const widths = runs.map((r) => {
      doc.setFont(r.family === 'latin' ? 'AtlasLatin' : 'AtlasSC', style);
      return doc.getTextWidth(r.text) + spacing * [...r.text].length;
    });
    const total = widths.reduce((a, b) => a + b, 0);
    const shift = t.anchor === 'middle' ? total / 2 : t.anchor === 'end' ? total : 0;
    // A turned name (along a line): the runs follow one another along its baseline. jsPDF turns
    // text counter-clockwise in PDF's upward space, i.e. clockwise angles on the page are negative.
    const rad = ((t.rotate ?? 0) * Math.PI) / 180;
    const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
    const draw = (mode: 'fill' | 'stroke') => {
      let u = -shift;
      runs.forEach((r, j) => {
        doc.setFont(r.family === 'latin' ? 'AtlasLatin' : 'AtlasSC', style);
        const x = t.x * PT + u * cos;
        const y = t.y * PT + u * sin;
        doc.text(r.text, x, y, {
          baseline: 'alphabetic',
          ...(spacing ? { charSpace: spacing } : {}),
          ...(mode === 'stroke' ? { renderingMode: 'stroke' } : {}),
          ...(rad ? { angle: -(t.rotate ?? 0) } : {}),
        });
        u += widths[j]!;
      });
    };
    if (t.halo) {
      // The halo: the text stroked under its fill, hidden from copying and search (empty ActualText).
      const g = this.gs(1, t.halo.paint.a, '');
      this.raw(`/Span << /ActualText () >> BDC\nq\n${g ? `/${g} gs\n` : ''}${this.colour(t.halo.paint, 'RG')}\n${n(t.halo.width * 2 * PT)} w\n1 j`);
      draw('stroke');
      this.raw('Q\nEMC');
    }
    const g = this.gs(t.fill.a, 1, '');
    // Spaced or turned glyphs read as single letters to text extraction (pdftotext, a viewer's
    // search): the span says what they spell.
    const spelled = spacing > 0 || !!rad;
    if (spelled) this.raw(`/Span << /ActualText ${pdfTextString(t.text)} >> BDC`);
    this.raw(`q${g ? `\n/${g} gs` : ''}`);
    doc.setTextColor(t.fill.r, t.fill.g, t.fill.b);
    draw('fill');
    this.raw('Q');
    if (spelled) this.raw('EMC');
  }

  output(): ArrayBuffer {
    if (!this.doc) throw new Error('no pages');
    return this.doc.output('arraybuffer');
  }
}

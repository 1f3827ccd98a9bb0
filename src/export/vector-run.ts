/**
 * SVG and vector PDF: the same layout (measured with the export fonts) and the map drawn as vectors
 * (vector-page.ts) instead of by the off-screen WebGL map. Loaded only when a vector format is
 * asked for: MapLibre's style-expression code and the tile decoder stay out of the app's start.
 */
import { missingChars, type ExportFonts } from './fonts.ts';
import { settledLayout } from './frame.ts';
import type { ResolvedSize } from './presets.ts';
import { canvasMeasure } from './render-canvas.ts';
import { facesFor, pageText, svgDocument, inRanges } from './render-svg.ts';
import { VectorPdfWriter } from './render-vector-pdf.ts';
import { exportResult, furnitureLabels, MIME, outputBoxes, type ExportRequest, type ExportResult, type ExportTimings } from './result.ts';
import type { Scene } from './scene.ts';
import { svgFontFaces, vectorMapData } from './vector-export.ts';
import type { VectorMapStats } from './vector-map.ts';
import { vectorPage } from './vector-page.ts';

export async function runVectorExport(req: ExportRequest, scenes: Scene[], size: ResolvedSize, fonts: ExportFonts, t0: number): Promise<ExportResult> {
  const measure = canvasMeasure();
  const warnings: string[] = [];
  const missing = [...new Set(scenes.flatMap((s) => missingChars(`${s.content.title}${s.content.subtitle}`, fonts)))];
  if (missing.length) warnings.push(`missing-glyphs:${missing.join('')}`);
  const data = await vectorMapData(req.env.catalogue, req.env.geo);
  const docTitle = req.docTitle ?? scenes[0]!.content.title;
  const lang = scenes[0]!.lang;
  const meta = { title: docTitle, subject: req.env.tFor(lang)('export.planTitle'), lang };
  const pdf = req.format === 'pdf-vector' ? await VectorPdfWriter.create(fonts, meta) : null;
  const faces = req.format === 'svg' ? await svgFontFaces() : [];
  const stats: VectorMapStats = { paths: 0, texts: 0, namesPlaced: 0, namesDropped: 0 };
  const pageTimes: ExportTimings['pages'] = [];
  let svg: string | null = null;
  let boxes: ExportResult['boxes'] | null = null;
  let encodeMs = 0;
  for (let i = 0; i < scenes.length; i++) {
    const p0 = performance.now();
    const scene = scenes[i]!;
    const comp = settledLayout(scene, size, measure);
    if (comp.legendOmitted) warnings.push(`legend-omitted:${i + 1}:${comp.legendOmitted}`);
    boxes ??= outputBoxes(comp);
    const page = await vectorPage(scene, comp, data, req.inset, furnitureLabels(req.env.tFor(scene.lang)), measure);
    for (const k of Object.keys(stats) as (keyof VectorMapStats)[]) stats[k] += page.stats[k];
    const mapMs = performance.now() - p0;
    const e0 = performance.now();
    if (pdf) pdf.addPage(page);
    else {
      svg = svgDocument(page, faces, { title: docTitle, description: scene.content.source, lang: scene.lang, ...(size.paperMm ? { paperMm: size.paperMm } : {}), pixels: { width: size.width, height: size.height } });
      // Characters none of the embedded faces has are drawn in the viewer's own fonts.
      const covered = facesFor(faces, page.root);
      const outside = [...new Set([...pageText(page.root)].filter((ch) => ch.trim() && !covered.some((f) => inRanges(f.unicodeRange, ch.codePointAt(0)!))))];
      if (outside.length) warnings.push(`svg-fonts-lack:${outside.join('')}`);
    }
    encodeMs += performance.now() - e0;
    pageTimes.push({ mapMs, totalMs: performance.now() - p0 });
    req.onProgress?.(i + 1, scenes.length);
  }
  const e1 = performance.now();
  const blob = pdf ? new Blob([pdf.output()], { type: MIME['pdf-vector'] }) : new Blob([svg!], { type: MIME.svg });
  encodeMs += performance.now() - e1;
  return exportResult(req, { blob, docTitle, size, pages: scenes.length, timings: { pages: pageTimes, encodeMs, totalMs: performance.now() - t0 }, warnings, boxes: boxes!, vector: stats });
}

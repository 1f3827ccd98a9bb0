/**
 * Runs an export: for each scene, lay the page out, render the map off screen at the output's pixel
 * size, draw the map furniture onto it, and write PNG, PDF or PPTX. Also the size check that runs
 * before (what the browser can hold) and the frame of the current view.
 */
import type { TFunction } from 'i18next';
import { canvasFont, loadExportFonts, missingChars, type ExportFonts } from './fonts.ts';
import { drawInset, drawNorthArrow, drawScaleBar, type InsetData } from './furniture.ts';
import { layout, type Composition } from './layout.ts';
import { CanvasLimitError, exportMap, type CanvasLimits } from './map-render.ts';
import { fitWithin, isSinglePage, isVectorFormat, pptxSize, resolveSize, CUSTOM_MAX, type ExportFormat, type ResolvedSize, type SizePreset } from './presets.ts';
import { exportResult, furnitureLabels, outputBoxes, type ExportRequest, type ExportResult } from './result.ts';
import { mapRenderSize, settledLayout } from './frame.ts';
import { canvasMeasure, canvasToBlob, drawComposition } from './render-canvas.ts';
import { PdfWriter } from './render-pdf.ts';
import { PptxWriter } from './render-pptx.ts';
import { buildScene, fitBounds, withCorridorBuffer, type Scene, type SceneEnv, type SceneSpec } from './scene.ts';

/** 2D canvas limits of Chromium (per side and area). */
const MAX_2D_SIDE = 32767;
const MAX_2D_AREA = 268_435_456;

/** Width margin for PPTX text (set in the viewer's font, not ours). */
const PPTX_SLACK = 1.12;

export class ExportTooLargeError extends Error {
  constructor(
    readonly preset: SizePreset,
    readonly largest: SizePreset,
    readonly limits: CanvasLimits,
  ) {
    super(`${preset.width}×${preset.height} px is larger than this browser can render (largest map canvas side ${limits.maxSide} px); the largest that works is ${largest.width}×${largest.height} px.`);
    this.name = 'ExportTooLargeError';
  }
}

/** The size an export of `format` uses for a chosen preset (PPTX is always 16:9). */
export function effectiveSize(format: ExportFormat, preset: SizePreset): SizePreset {
  return format === 'pptx' ? pptxSize(preset) : preset;
}

export { mapRenderSize };

/**
 * Checks a size against the browser's limits before exporting. Returns null when it fits, else the
 * largest size of the same aspect that does.
 */
export async function checkSize(format: ExportFormat, preset: SizePreset, style: SceneEnv['baseStyle'], content: Parameters<typeof layout>[1] | null): Promise<{ ok: true; limits: CanvasLimits } | { ok: false; limits: CanvasLimits; largest: SizePreset; reason: string }> {
  // The vector formats draw no WebGL map: any size the presets allow fits.
  if (isVectorFormat(format)) return { ok: true, limits: { maxSide: CUSTOM_MAX, maxTextureSize: CUSTOM_MAX, maxRenderbufferSize: CUSTOM_MAX, maxViewport: [CUSTOM_MAX, CUSTOM_MAX] } };
  const limits = await exportMap().limits(style);
  const size = effectiveSize(format, preset);
  const fits = (p: SizePreset) => {
    const r = resolveSize(p);
    if (p.width > MAX_2D_SIDE || p.height > MAX_2D_SIDE || p.width * p.height > MAX_2D_AREA) return false;
    if (!content) return p.width <= limits.maxSide && p.height <= limits.maxSide;
    const comp = layout(r, content, canvasMeasure());
    const m = mapRenderSize(comp);
    return Math.round(m.cssWidth * m.pixelRatio) <= limits.maxSide && Math.ceil(m.cssHeight * m.pixelRatio) <= limits.maxSide;
  };
  if (fits(size)) return { ok: true, limits };
  let lo = 0.05;
  let hi = 1;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (fits(fitWithin(size, size.width * mid, size.height * mid))) lo = mid;
    else hi = mid;
  }
  const largest = fitWithin(size, size.width * lo, size.height * lo);
  return { ok: false, limits, largest, reason: `${size.width}×${size.height}` };
}

interface RenderedPage {
  scene: Scene;
  comp: Composition;
  map: HTMLCanvasElement;
  mapMs: number;
}

/** Renders one scene: layout, off-screen map at the frame's pixel size, furniture. */
async function renderPage(scene: Scene, size: ResolvedSize, t: TFunction, inset: InsetData, format: ExportFormat): Promise<RenderedPage> {
  const base = canvasMeasure();
  // PowerPoint sets the text in its own font (Microsoft YaHei, or what the viewer substitutes), a
  // little wider than Noto: PPTX lines are broken and cut with some room to spare.
  const measure: typeof base = format === 'pptx' ? (text, style) => base(text, style) * PPTX_SLACK : base;
  const comp = settledLayout(scene, size, measure);
  const r = mapRenderSize(comp);
  const view = fitBounds(scene.bounds, r.cssWidth, r.cssHeight);
  const img = await exportMap().render({ style: scene.style, layers: scene.layers, styleThemes: scene.styleThemes, cssWidth: r.cssWidth, cssHeight: r.cssHeight, pixelRatio: r.pixelRatio, view: { center: view.center, zoom: view.zoom } });
  const canvas = document.createElement('canvas');
  canvas.width = r.frame.w;
  canvas.height = r.frame.h;
  const ctx = canvas.getContext('2d', { willReadFrequently: false })!;
  if (img.width === r.frame.w && img.height === r.frame.h) ctx.putImageData(img.pixels, 0, 0);
  else {
    // A pixel or two off (whole CSS px × ratio): scale into the frame.
    const tmp = document.createElement('canvas');
    tmp.width = img.width;
    tmp.height = img.height;
    tmp.getContext('2d')!.putImageData(img.pixels, 0, 0);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(tmp, 0, 0, r.frame.w, r.frame.h);
    tmp.width = tmp.height = 0;
  }
  // Furniture in design px.
  const k = r.frame.w / comp.map.w;
  ctx.setTransform(k, 0, 0, k, 0, 0);
  const labels = furnitureLabels(t);
  const metresPerDesignPx = img.metresPerCssPx * (r.cssWidth / comp.map.w);
  const latSpan = img.bounds[1][1] - img.bounds[0][1];
  drawScaleBar(ctx, comp.map.w, comp.map.h, metresPerDesignPx, img.center[1], latSpan, labels);
  drawNorthArrow(ctx, comp.map.w, comp.map.h, labels);
  drawInset(ctx, comp.map.w, comp.map.h, inset, img.bounds, labels);
  return { scene, comp, map: canvas, mapMs: img.ms };
}

/** Characters of the scenes' texts the export fonts lack (warned about, drawn as missing glyphs). */
export async function missingInTexts(texts: string[]): Promise<string[]> {
  const fonts = await loadExportFonts();
  return [...new Set(texts.flatMap((s) => missingChars(s, fonts)))];
}

export async function runExport(req: ExportRequest): Promise<ExportResult> {
  const t0 = performance.now();
  const fonts: ExportFonts = await loadExportFonts();
  await document.fonts.load(canvasFont(16, 400), '图例 Legend');
  await document.fonts.load(canvasFont(16, 600), '图例 Legend');
  const preset = effectiveSize(req.format, req.preset);
  const size = resolveSize(preset);
  const warnings: string[] = [];
  if (req.scenes.length === 0) throw new Error('nothing to export');
  if (isSinglePage(req.format) && req.scenes.length > 1) throw new Error(`${req.format.toUpperCase()} exports one page; use PDF or PPTX for several`);

  const env = await withCorridorBuffer(req.env, req.scenes);
  const scenes = req.scenes.map((spec) => buildScene(spec, { ...env, t: env.tFor(spec.state.lang ?? 'zh') }));
  if (isVectorFormat(req.format)) return (await import('./vector-run.ts')).runVectorExport(req, scenes, size, fonts, t0);
  const check = await checkSize(req.format, preset, scenes[0]!.style, scenes[0]!.content);
  if (!check.ok) throw new ExportTooLargeError(preset, check.largest, check.limits);
  const missing = [...new Set(scenes.flatMap((s) => missingChars(`${s.content.title}${s.content.subtitle}${(s.content.caption ?? []).join('')}`, fonts)))];
  if (missing.length) warnings.push(`missing-glyphs:${missing.join('')}`);

  const docTitle = req.docTitle ?? scenes[0]!.content.title;
  const lang = scenes[0]!.lang;
  const pageTimes: { mapMs: number; totalMs: number }[] = [];
  let pdf: PdfWriter | null = null;
  let pptx: PptxWriter | null = null;
  if (req.format === 'pdf') pdf = await PdfWriter.create(fonts, { title: docTitle, subject: req.env.tFor(lang)('export.planTitle'), lang });
  if (req.format === 'pptx') pptx = await PptxWriter.create({ title: docTitle, subject: req.env.tFor(lang)('export.planTitle'), lang });
  let pngBlob: Blob | null = null;
  let encodeMs = 0;
  let boxes: ExportResult['boxes'] | null = null;

  for (let i = 0; i < scenes.length; i++) {
    const p0 = performance.now();
    const scene = scenes[i]!;
    const t = req.env.tFor(scene.lang);
    let page: RenderedPage;
    try {
      page = await renderPage(scene, size, t, req.inset, req.format);
    } catch (e) {
      if (e instanceof CanvasLimitError) {
        const largest = fitWithin(preset, (preset.width * e.got.width) / e.asked.width, (preset.height * e.got.height) / e.asked.height);
        throw new ExportTooLargeError(preset, largest, e.limits);
      }
      throw e;
    }
    if (page.comp.legendOmitted) warnings.push(`legend-omitted:${i + 1}:${page.comp.legendOmitted}`);
    boxes ??= outputBoxes(page.comp);
    const e0 = performance.now();
    if (req.format === 'png') {
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const ctx = canvas.getContext('2d')!;
      drawComposition(ctx, page.comp, page.map);
      pngBlob = await canvasToBlob(canvas);
      canvas.width = canvas.height = 0;
    } else if (pdf) {
      await pdf.addPage({ comp: page.comp, map: page.map });
    } else if (pptx) {
      pptx.addSlide({ comp: page.comp, mapPng: page.map.toDataURL('image/png'), notes: scene.notes });
    }
    encodeMs += performance.now() - e0;
    page.map.width = page.map.height = 0;
    pageTimes.push({ mapMs: page.mapMs, totalMs: performance.now() - p0 });
    req.onProgress?.(i + 1, scenes.length);
  }

  exportMap().shrink();
  const e1 = performance.now();
  let blob: Blob;
  if (pngBlob) blob = pngBlob;
  else if (pdf) blob = pdf.output();
  else blob = await pptx!.output();
  encodeMs += performance.now() - e1;
  return exportResult(req, { blob, docTitle, size, pages: scenes.length, timings: { pages: pageTimes, encodeMs, totalMs: performance.now() - t0 }, warnings, boxes: boxes! });
}

export { download } from './download.ts';
export { exportFilename, type ExportRequest, type ExportResult, type ExportTimings } from './result.ts';

/**
 * A live preview of the composition: the same layout and the same off-screen map, drawn small
 * (`maxWidth` × `maxHeight` CSS px at the screen's pixel ratio) on `canvas`.
 */
export async function renderPreview(
  spec: SceneSpec,
  env: ExportRequest['env'],
  inset: InsetData,
  format: ExportFormat,
  preset: SizePreset,
  canvas: HTMLCanvasElement,
  maxWidth: number,
  maxHeight: number,
): Promise<{ scene: Scene; comp: Composition }> {
  await loadExportFonts();
  await document.fonts.load(canvasFont(16, 400), '图例 Legend');
  await document.fonts.load(canvasFont(16, 600), '图例 Legend');
  const full = resolveSize(effectiveSize(format, preset));
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const cssScale = Math.min(maxWidth / full.designWidth, maxHeight / full.designHeight);
  const s = cssScale * dpr;
  const size: ResolvedSize = { ...full, width: Math.round(full.designWidth * s), height: Math.round(full.designHeight * s), scale: s };
  const t = env.tFor(spec.state.lang ?? 'zh');
  const scene = buildScene(spec, { ...(await withCorridorBuffer(env, [spec])), t });
  const page = await renderPage(scene, size, t, inset, format);
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.style.width = `${Math.round(full.designWidth * cssScale)}px`;
  canvas.style.height = `${Math.round(full.designHeight * cssScale)}px`;
  const ctx = canvas.getContext('2d')!;
  drawComposition(ctx, page.comp, page.map);
  return { scene, comp: page.comp };
}

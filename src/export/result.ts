/**
 * What an export is asked for and what it gives back, shared by the raster run (export.ts) and the
 * vector run (vector-run.ts, loaded only for SVG and vector PDF): the request, the result, the file's
 * name and type, and the map furniture's words.
 */
import type { TFunction } from 'i18next';
import type { Lang } from '../domain/url-state.ts';
import type { FurnitureLabels, InsetData } from './furniture.ts';
import type { Box } from './layout.ts';
import { FORMAT_EXT, type ExportFormat, type ResolvedSize, type SizePreset } from './presets.ts';
import type { SceneEnv, SceneSpec } from './scene.ts';
import type { VectorMapStats } from './vector-map.ts';

export interface ExportRequest {
  format: ExportFormat;
  preset: SizePreset;
  scenes: SceneSpec[];
  env: Omit<SceneEnv, 't'> & { tFor: (lang: Lang) => TFunction };
  inset: InsetData;
  /** Document title (file name and metadata); default: the first page's title. */
  docTitle?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportTimings {
  /** Per page: map render (off-screen map), compose and encode, total. */
  pages: { mapMs: number; totalMs: number }[];
  encodeMs: number;
  totalMs: number;
}

export interface ExportResult {
  blob: Blob;
  filename: string;
  mime: string;
  width: number;
  height: number;
  pages: number;
  timings: ExportTimings;
  /** Legend rows or list items that did not fit, characters the fonts lack … (said, not hidden). */
  warnings: string[];
  /** Where the first page's map and legend are, in output px (for checks). */
  boxes: { map: Box; legend: Box };
  /** Vector formats: what the maps hold (paths, texts, names placed and left out), all pages. */
  vector?: VectorMapStats;
}

export const MIME: Record<ExportFormat, string> = {
  png: 'image/png',
  pdf: 'application/pdf',
  'pdf-vector': 'application/pdf',
  svg: 'image/svg+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function furnitureLabels(t: TFunction): FurnitureLabels {
  return {
    north: t('export.north'),
    km: t('export.km'),
    scaleAt: (lat) => t('export.scaleAt', { lat: Math.round(lat) }),
    insetTitle: t('export.insetTitle'),
  };
}

function safeName(s: string): string {
  return (
    s
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'plan-atlas'
  );
}

export function exportFilename(title: string, format: ExportFormat, size: { width: number; height: number }, pages: number): string {
  const suffix = pages > 1 ? `${pages}p` : `${size.width}x${size.height}`;
  return `${safeName(title)} ${suffix}.${FORMAT_EXT[format]}`;
}

/** Where the first page's map and legend are, from its layout (in layout units) to output px. */
export function outputBoxes(comp: { size: { scale: number }; map: Box; legend: Box }): ExportResult['boxes'] {
  const k = comp.size.scale;
  const px = (b: Box): Box => ({ x: Math.round(b.x * k), y: Math.round(b.y * k), w: Math.round(b.w * k), h: Math.round(b.h * k) });
  return { map: px(comp.map), legend: px(comp.legend) };
}

/** The result of a run: one shape for every format. */
export function exportResult(
  req: ExportRequest,
  run: { blob: Blob; docTitle: string; size: ResolvedSize; pages: number; timings: ExportTimings; warnings: string[]; boxes: ExportResult['boxes']; vector?: VectorMapStats },
): ExportResult {
  return {
    blob: run.blob,
    filename: exportFilename(run.docTitle, req.format, run.size, run.pages),
    mime: MIME[req.format],
    width: run.size.width,
    height: run.size.height,
    pages: run.pages,
    timings: run.timings,
    warnings: run.warnings,
    boxes: run.boxes,
    ...(run.vector ? { vector: run.vector } : {}),
  };
}

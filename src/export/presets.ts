/**
 * Output sizes: slide presets (16:9 and 4:3), print presets (A4 / A3, portrait or landscape, at 150
 * or 300 dpi) and custom sizes. Pure: no DOM.
 *
 * Every export is laid out in a *design space* measured in CSS pixels (1/96 inch): a slide is
 * 1280 px wide (13.33 in, PowerPoint's 16:9 slide), a print page has its paper size at 96 dpi. The
 * output is that design scaled by `scale = output width / design width`, so a 3840×2160 export is
 * the 1920×1080 one at twice the resolution — same composition, sharper — and a 300 dpi page has the
 * same physical type sizes as a 150 dpi one. PDF pages are the design size in points (1 px = 0.75 pt),
 * PPTX slides the design size in inches (px / 96).
 */

/** 'pdf' is the page with the map as an image; 'pdf-vector' and 'svg' draw the map as vectors (vector-map.ts). */
export type ExportFormat = 'png' | 'pdf' | 'pdf-vector' | 'svg' | 'pptx';
export const FORMATS: readonly ExportFormat[] = ['png', 'pdf', 'pdf-vector', 'svg', 'pptx'];

/** Formats whose map is drawn as vectors (no WebGL map, no canvas size limit). */
export function isVectorFormat(f: ExportFormat): f is 'pdf-vector' | 'svg' {
  return f === 'pdf-vector' || f === 'svg';
}

/** Formats of one page only. */
export function isSinglePage(f: ExportFormat): boolean {
  return f === 'png' || f === 'svg';
}

/** File name extension of a format. */
export const FORMAT_EXT: Record<ExportFormat, string> = { png: 'png', pdf: 'pdf', 'pdf-vector': 'pdf', svg: 'svg', pptx: 'pptx' };

export type PresetKind = 'slide' | 'print' | 'custom';

export interface SizePreset {
  id: string;
  kind: PresetKind;
  /** Output pixels. */
  width: number;
  height: number;
  /** Paper size in millimetres (print presets only). */
  paperMm?: { width: number; height: number };
  dpi?: number;
}

/** A size fully worked out: output pixels, design space and scale. */
export interface ResolvedSize {
  /** The preset id, or 'custom'. */
  id: string;
  kind: PresetKind;
  width: number;
  height: number;
  /** Design space in CSS px (the layout is computed here). */
  designWidth: number;
  designHeight: number;
  /** Output px per design px. */
  scale: number;
  paperMm?: { width: number; height: number };
  dpi?: number;
}

const MM_PER_INCH = 25.4;
const PAPER_MM = { A4: { width: 210, height: 297 }, A3: { width: 297, height: 420 } } as const;

/** Design width of a 16:9 slide: 13.333 in at 96 dpi, PowerPoint's widescreen slide. */
export const SLIDE_DESIGN_WIDTH = 1280;
/** The design area every slide or custom size gets (1280 × 720): sizes of other aspects keep it. */
const DESIGN_AREA = 1280 * 720;

function paperPreset(paper: keyof typeof PAPER_MM, orientation: 'portrait' | 'landscape', dpi: 150 | 300): SizePreset {
  const p = PAPER_MM[paper];
  const mm = orientation === 'portrait' ? p : { width: p.height, height: p.width };
  return {
    id: `${paper.toLowerCase()}-${orientation}-${dpi}`,
    kind: 'print',
    width: Math.round((mm.width / MM_PER_INCH) * dpi),
    height: Math.round((mm.height / MM_PER_INCH) * dpi),
    paperMm: mm,
    dpi,
  };
}

export const PRESETS: readonly SizePreset[] = [
  { id: 'slide-1920', kind: 'slide', width: 1920, height: 1080 },
  { id: 'slide-3840', kind: 'slide', width: 3840, height: 2160 },
  { id: 'slide-4x3', kind: 'slide', width: 1600, height: 1200 },
  ...(['A4', 'A3'] as const).flatMap((paper) =>
    (['landscape', 'portrait'] as const).flatMap((o) => ([150, 300] as const).map((dpi) => paperPreset(paper, o, dpi))),
  ),
];

export const DEFAULT_PRESET = 'slide-1920';

export function presetById(id: string): SizePreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Smallest and largest custom sizes accepted (the browser may allow less: see limits.ts). */
export const CUSTOM_MIN = 320;
export const CUSTOM_MAX = 16384;

export function resolveSize(preset: SizePreset): ResolvedSize {
  const { width, height } = preset;
  let designWidth: number;
  let designHeight: number;
  if (preset.kind === 'print' && preset.paperMm) {
    designWidth = (preset.paperMm.width / MM_PER_INCH) * 96;
    designHeight = (preset.paperMm.height / MM_PER_INCH) * 96;
  } else {
    // Same design area as a 1280×720 slide, whatever the aspect.
    designWidth = Math.sqrt(DESIGN_AREA * (width / height));
    designHeight = designWidth * (height / width);
  }
  return {
    id: preset.id,
    kind: preset.kind,
    width,
    height,
    designWidth,
    designHeight,
    scale: width / designWidth,
    ...(preset.paperMm ? { paperMm: preset.paperMm } : {}),
    ...(preset.dpi ? { dpi: preset.dpi } : {}),
  };
}

export function customPreset(width: number, height: number): SizePreset {
  return { id: 'custom', kind: 'custom', width: Math.round(width), height: Math.round(height) };
}

/** Parses "1920x1080" (also "1920×1080", "1920*1080"); null when malformed or out of range. */
export function parseSize(text: string): { width: number; height: number } | null {
  const m = /^\s*(\d{2,5})\s*[x×*X]\s*(\d{2,5})\s*$/.exec(text);
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < CUSTOM_MIN || height < CUSTOM_MIN || width > CUSTOM_MAX || height > CUSTOM_MAX) return null;
  return { width, height };
}

/**
 * A preset from a command-line or API size: a preset id ("a3-landscape-300") or WIDTHxHEIGHT, which
 * matches a preset of the same pixel size when there is one (so 1920x1080 is the slide preset).
 */
export function sizeFromSpec(spec: string): SizePreset | null {
  const byId = presetById(spec.trim().toLowerCase());
  if (byId) return byId;
  const wh = parseSize(spec);
  if (!wh) return null;
  return PRESETS.find((p) => p.width === wh.width && p.height === wh.height) ?? customPreset(wh.width, wh.height);
}

/** PPTX slides are 16:9: the size a PPTX export uses for a chosen preset (its width, 16:9). */
export function pptxSize(preset: SizePreset): SizePreset {
  const ratio = preset.width / preset.height;
  if (Math.abs(ratio - 16 / 9) < 0.01) return preset;
  const width = Math.max(preset.width, 1920);
  const height = Math.round((width * 9) / 16);
  return PRESETS.find((p) => p.width === width && p.height === height) ?? customPreset(width, height);
}

/** A size scaled down to fit `maxWidth` × `maxHeight` output pixels, keeping its aspect. */
export function fitWithin(preset: SizePreset, maxWidth: number, maxHeight: number): SizePreset {
  const f = Math.min(1, maxWidth / preset.width, maxHeight / preset.height);
  if (f >= 1) return preset;
  const out: SizePreset = { ...preset, id: preset.kind === 'custom' ? 'custom' : `${preset.id}-fit`, width: Math.floor(preset.width * f), height: Math.floor(preset.height * f) };
  if (preset.dpi) out.dpi = Math.floor(preset.dpi * f);
  return out;
}

/**
 * The map frame of a page, shared by the raster and the vector exports: where the frame is in
 * output px, the CSS size and zoom the map is drawn at (so labels and symbols have the on-screen
 * proportions, a little larger on slides), and the layout whose legend lists what the frame shows.
 * Pure: no DOM.
 */
import type { Composition } from './layout.ts';
import { layout } from './layout.ts';
import type { ResolvedSize } from './presets.ts';
import { fitBounds, viewExtent, type Bounds, type Scene } from './scene.ts';
import type { Measure } from './text.ts';

/** Map labels and symbols on slides are drawn this much larger than on screen (projected, seen from afar). */
export const SLIDE_MAP_TEXT = 1.15;

export interface FrameBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The map frame in output px (integer edges). */
export function mapFramePx(comp: Composition): FrameBox {
  const s = comp.size.scale;
  const x = Math.round(comp.map.x * s);
  const y = Math.round(comp.map.y * s);
  return { x, y, w: Math.round((comp.map.x + comp.map.w) * s) - x, h: Math.round((comp.map.y + comp.map.h) * s) - y };
}

/** How the map frame of a size is rendered: CSS size of the export map and its pixel ratio. */
export function mapRenderSize(comp: Composition): { frame: FrameBox; cssWidth: number; cssHeight: number; pixelRatio: number } {
  const f = mapFramePx(comp);
  const textScale = comp.size.kind === 'print' ? 1 : SLIDE_MAP_TEXT;
  const cssWidth = Math.max(50, Math.round(f.w / (comp.size.scale * textScale)));
  const pixelRatio = f.w / cssWidth;
  const cssHeight = Math.max(50, Math.round(f.h / pixelRatio));
  return { frame: f, cssWidth, cssHeight, pixelRatio };
}

function sameBox(a: FrameBox, b: FrameBox): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/**
 * The page's layout with the legend of what its frame shows: lay out, find the frame's extent, keep
 * the legend rows drawn inside it, lay out again. A portrait page sizes its map by the legend, so the
 * frame may move; after a few rounds without settling, the full legend (a superset) is used instead.
 */
export function settledLayout(scene: Pick<Scene, 'bounds' | 'content' | 'legendWithin'>, size: ResolvedSize, measure: Measure): Composition {
  let comp = layout(size, scene.content, measure);
  let settled = false;
  for (let round = 0; round < 3 && !settled; round++) {
    const rr = mapRenderSize(comp);
    const v = fitBounds(scene.bounds, rr.cssWidth, rr.cssHeight);
    const next = layout(size, { ...scene.content, legend: scene.legendWithin(viewExtent(v.center, v.zoom, rr.cssWidth, rr.cssHeight)) }, measure);
    settled = sameBox(next.map, comp.map);
    comp = next;
  }
  return settled ? comp : layout(size, scene.content, measure);
}

/** Metres per CSS px at a latitude and zoom (512-px world, WGS84 equator), as MapLibre computes it. */
export function metresPerCssPx(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The view a page's map shows, as the raster export's map draws it: the zoom and centre that fit
 * the scene's bounds in the frame's CSS size, and how CSS px of that map map to design px of the page.
 */
export interface MapFrameView {
  center: [number, number];
  zoom: number;
  cssWidth: number;
  cssHeight: number;
  /** Design px per CSS px of the map, across and down (the raster map image is fitted to the frame). */
  kx: number;
  ky: number;
  /** What the frame shows ([[w, s], [e, n]]). */
  bounds: Bounds;
  /** For the scale bar: metres per design px at the centre. */
  metresPerDesignPx: number;
}

export function mapFrameView(comp: Composition, bounds: Bounds): MapFrameView {
  const r = mapRenderSize(comp);
  const v = fitBounds(bounds, r.cssWidth, r.cssHeight);
  return {
    center: v.center,
    zoom: v.zoom,
    cssWidth: r.cssWidth,
    cssHeight: r.cssHeight,
    kx: comp.map.w / r.cssWidth,
    ky: comp.map.h / r.cssHeight,
    bounds: viewExtent(v.center, v.zoom, r.cssWidth, r.cssHeight),
    metresPerDesignPx: metresPerCssPx(v.center[1], v.zoom) * (r.cssWidth / comp.map.w),
  };
}

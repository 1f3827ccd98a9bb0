/**
 * Draw data: what a theme draws, with its style resolved, in arrays that stay the same (by
 * reference) as long as the catalogue and the filters do, so deck.gl keeps its buffers (polygon
 * tessellation above all) when only the selection changes. The selection acts through accessors
 * and update triggers (emphasisKey).
 */
import { lensKey, projectClass, type Lens } from '../../domain/lens.ts';
import { emphasisedPlaces, emphasisedProjects, selects, type Emphasis } from '../../domain/selection.ts';
import type { Filters } from '../../domain/filters.ts';
import { iconKey } from './icons.ts';
import { visible, type ThemeCache, type XY } from './prepare.ts';
import { stageDash, STATUS_STYLE, UNKNOWN_GREY } from './style.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import { filtersKey, type LayerContext, type RGB, type ThemeSpec } from './types.ts';

export { DIM } from './line-style.ts';
/** Areas stand back further when dimmed: their fills add up where zones overlap. */
export const DIM_AREA = 0.1;
/** Emphasised areas get a stronger tint. */
const EMPHASISED_AREA = 1.7;
/** Development corridors are wide translucent bands. */
export const CORRIDOR_OPACITY = 0.42;
/** A schematic line (straight through the places the plan names) is drawn this much thinner, with no casing, so a real alignment stands out from it. */
export const SCHEMATIC_WIDTH = 0.6;

/** Whether a line is drawn as a schematic one (its geometry is not a real or routed alignment). */
export function straightLine(p: ProjectFeature): boolean {
  return p.properties.precision === 'schematic';
}

/** A key that changes exactly when the emphasis does (for deck.gl's update triggers). */
const emphasisKeys = new WeakMap<Emphasis, string>();
export function emphasisKey(e: Emphasis): string {
  if (e.kind === 'none') return '';
  let k = emphasisKeys.get(e);
  if (k == null) {
    k = `on:${[...emphasisedProjects(e)].sort().join(',')}|${[...emphasisedPlaces(e)].sort().join(',')}|${e.highlight ?? ''}`;
    emphasisKeys.set(e, k);
  }
  return k;
}

/** The colour `c` at opacity `a` over white, opaque (for `min` blending). */
export const tint = (c: RGB, a: number): [number, number, number, number] => {
  const k = Math.max(0, Math.min(1, a));
  return [Math.round(255 - (255 - c[0]) * k), Math.round(255 - (255 - c[1]) * k), Math.round(255 - (255 - c[2]) * k), 255];
};

export const rgba = (c: RGB, a: number): [number, number, number, number] => [c[0], c[1], c[2], Math.round(Math.max(0, Math.min(1, a)) * 255)];

export interface FillD {
  id: string;
  polygon: XY[][];
  color: RGB;
  alpha: number;
  /** The leaf regions the area is made of (compiled `cells`), when it is a union of regions. */
  cells?: readonly string[];
}
export interface LineD {
  id: string;
  path: XY[];
  color: RGB;
  alpha: number;
  width: number;
  dash: [number, number] | null;
  offset: number;
  casing: boolean;
}
export interface IconD {
  /** Projects drawn by this symbol (a place symbol: the projects at the place). */
  ids: string[];
  placeId: string | null;
  position: XY;
  offset: [number, number];
  icon: string;
  size: number;
  alpha: number;
}
export interface LabelD {
  ids: string[];
  placeId: string | null;
  zh: string;
  en: string;
  position: XY;
  offset: [number, number];
  symbolSize: number;
  color: RGB;
  /** Shown from this zoom. */
  minZoom: number;
  /** A place of a place layer with no project: only once zoomed in further. */
  minor: boolean;
  /** Shown only while a selection emphasises it (long project names). */
  onlyEmphasised?: boolean;
}
export interface DrawData {
  fills: FillD[];
  hatches: FillD[];
  lines: LineD[];
  icons: IconD[];
  labels: LabelD[];
}

/** The draw data of one theme after the filters, styled through the lens (memoised in the catalogue's cache). */
export function themeDraw(spec: ThemeSpec, cache: ThemeCache, filters: Filters, lens: Lens): DrawData {
  return cache.memo('draw', `${spec.id}#${filtersKey(filters)}#${lensKey(lens)}`, () => {
    const v = visible(spec, cache, filters);
    const cat = cache.catalogue;
    const st = spec.style;
    const width = st.lineWidth ?? 3;
    const size = st.pointSize ?? 15;
    const fill = st.fill ?? st.color;
    const fillOpacity = st.fillOpacity ?? 0.15;
    const filled = iconKey({ shape: st.shape, color: st.color, hollow: false });
    const hollow = iconKey({ shape: st.shape, color: st.color, hollow: true });
    const grey = iconKey({ shape: st.shape, color: UNKNOWN_GREY, hollow: false });
    // In now mode a project's status decides its dash, strength and colour (style.ts STATUS_STYLE).
    const statusOf = (p: ProjectFeature) => {
      const c = projectClass(p, lens, cat);
      return c.kind === 'status' ? STATUS_STYLE[c.cls] : null;
    };
    const labelColor: RGB = [59, 52, 38];
    const out: DrawData = { fills: [], hatches: [], lines: [], icons: [], labels: [] };
    for (const d of v.areas) {
      const cells = d.project.properties.cells;
      const s = statusOf(d.project);
      const k = s?.alpha ?? 1;
      const f: FillD = { id: d.project.properties.id, polygon: d.polygon, color: s?.grey ? UNKNOWN_GREY : fill, alpha: (st.hatch ? 0.16 : fillOpacity) * k, ...(cells?.length ? { cells } : {}) };
      (st.hatch ? out.hatches : out.fills).push(f);
      if (st.hatch) out.fills.push({ ...f, alpha: fillOpacity * k });
    }
    for (const d of v.lines) {
      const s = statusOf(d.project);
      const straight = !st.corridor && straightLine(d.project);
      const w = straight ? width * SCHEMATIC_WIDTH : width;
      out.lines.push({
        id: d.project.properties.id,
        path: d.path,
        color: s?.grey ? UNKNOWN_GREY : st.color,
        alpha: (st.corridor ? CORRIDOR_OPACITY : 0.95) * (s?.alpha ?? 1),
        width: w,
        dash: st.corridor ? null : s ? s.dash(w) : stageDash(d.cls, w),
        // Offsets are in line widths: keep the full width's so a thin line stays where its thick one would be.
        offset: (st.lineOffset ?? 0) * (width / w),
        casing: !st.corridor && !straight,
      });
    }
    for (const d of v.places) {
      const ids = d.projects.map((p) => p.properties.id);
      out.icons.push({ ids, placeId: d.place.properties.id, position: d.position as XY, offset: d.offset, icon: filled, size: ids.length ? size : size * 0.7, alpha: ids.length ? 1 : 0.5 });
      const p = d.place.properties;
      out.labels.push({ ids, placeId: p.id, zh: p.name_zh, en: p.name_en, position: d.position as XY, offset: d.offset, symbolSize: ids.length ? size : size * 0.7, color: labelColor, minZoom: ids.length ? 5 : 6.5, minor: !ids.length });
    }
    for (const d of v.points) {
      const p = d.project.properties;
      const s = statusOf(d.project);
      const icon = s ? (s.grey ? grey : s.hollow ? hollow : filled) : d.hollow ? hollow : filled;
      out.icons.push({ ids: [p.id], placeId: null, position: d.position as XY, offset: d.offset, icon, size, alpha: s?.alpha ?? 1 });
      // Project names are long: shown only for what a selection emphasises (see makeLayers).
      out.labels.push({ ids: [p.id], placeId: null, zh: p.name_zh, en: p.name_en, position: d.position as XY, offset: d.offset, symbolSize: size, color: labelColor, minZoom: 0, minor: false, onlyEmphasised: true });
    }
    return out;
  });
}

/** The draw data of several themes in one set of arrays (in the given order), memoised. */
export function mergedDraw(specs: readonly ThemeSpec[], cache: ThemeCache, filters: Filters, lens: Lens): DrawData {
  return cache.memo('merged', `${specs.map((d) => d.id).join(',')}#${filtersKey(filters)}#${lensKey(lens)}`, () => {
    const parts = specs.map((d) => themeDraw(d, cache, filters, lens));
    return {
      fills: parts.flatMap((p) => p.fills),
      hatches: parts.flatMap((p) => p.hatches),
      lines: parts.flatMap((p) => p.lines),
      icons: parts.flatMap((p) => p.icons),
      labels: parts.flatMap((p) => p.labels),
    };
  });
}

/** An area's tint strength in a context: its own, stronger when emphasised, faint when others are. */
export function areaAlpha(ctx: Pick<LayerContext, 'emphasis'>): (d: FillD) => number {
  const e = ctx.emphasis;
  if (e.kind === 'none') return (d) => d.alpha;
  return (d) => (e.projects.has(d.id) ? Math.min(1, d.alpha * EMPHASISED_AREA) : d.alpha * DIM_AREA);
}

/**
 * Which labels a context shows: places of the place layers from zoom 5 (those without a project from
 * 6.5), other symbols from 7.5; while something is selected, only what it emphasises. The selected
 * project is labelled at any zoom, the projects of a region or a measure from 7.5; symbols spread
 * on a ring around a shared spot would get labels on top of each other, so only the selected one
 * of them is labelled.
 */
export function labelShownIn(ctx: Pick<LayerContext, 'emphasis' | 'zoom'>): (d: LabelD) => boolean {
  const e = ctx.emphasis;
  const on = e.kind === 'selection';
  const highlight = on ? e.highlight : null;
  const places = emphasisedPlaces(e);
  return (d) => {
    if (ctx.zoom < d.minZoom) return false;
    if (!on) return !d.onlyEmphasised;
    if (d.onlyEmphasised) return selects(e, d.ids) && (d.ids[0] === highlight || (ctx.zoom >= 7.5 && d.offset[0] === 0 && d.offset[1] === 0));
    return selects(e, d.ids) || (d.placeId != null && places.has(d.placeId));
  };
}

/** Whether a context dims a symbol: something is selected and the symbol is neither of it nor at a place of it. */
export function iconDimmedIn(ctx: Pick<LayerContext, 'emphasis'>): (d: IconD) => boolean {
  const e = ctx.emphasis;
  if (e.kind !== 'selection') return () => false;
  const places = emphasisedPlaces(e);
  return (d) => !(selects(e, d.ids) || (d.placeId != null && places.has(d.placeId)));
}

/**
 * The one factory behind every theme file (./layers/*.ts): from a theme's spec (which projects it
 * draws, its style) it derives its symbols, legend rows, picking and draw data, so map, legend,
 * layer panel and exports read the same definition. No deck.gl code here: the page loads deck.gl
 * after its first frame (../deck.ts).
 *
 * Encoding (see style.ts):
 * - lines: the theme's colour; solid, dotted or dashed by how firmly the plan commits (stage);
 * - points: the theme's shape and colour; filled at a real site (`exact`), hollow where a city's
 *   seat stands for something the plan places only in that city (`schematic`, `regional`);
 * - areas (`regional`): a soft tint in the theme's colour (hatched for ecological zones), no drawn
 *   edge; overlapping tints are drawn once per leaf region in the strongest of them (area-cells.ts);
 * - place layers (ports of entry, seaports, airports): every gazetteer place of that kind, full
 *   size when a project of the plan is at it, small and faint otherwise.
 */
import type { Filters } from '../../domain/filters.ts';
import type { Lens } from '../../domain/lens.ts';
import { stageClass, type StageClass } from '../../domain/stages.ts';
import type { PlaceFeature, ProjectFeature } from '../../domain/types.ts';
import { CORRIDOR_OPACITY, SCHEMATIC_WIDTH, themeDraw, type DrawData } from './draw-data.ts';
import { legendRows, withinExtent, type ThemeSymbols } from './legend.ts';
import { buildPickIndex, pickInTheme, type PickHit, type Projector, type Unprojector } from './picking.ts';
import { selected, visible, type ThemeCache } from './prepare.ts';
import { stageDash, STATUS_STYLE, UNKNOWN_GREY } from './style.ts';
import { filtersKey, type LayerContext, type LegendEntry, type LegendSymbol, type RGB, type ThemeSpec } from './types.ts';

export interface ThemeDef extends ThemeSpec {
  spec: ThemeSpec;
  symbols: ThemeSymbols;
  /** The legend symbol this layer draws for one of its projects (for lists, tooltips and exports). */
  symbolFor(p: ProjectFeature): LegendSymbol;
  /** The catalogue features this layer draws (before filters). */
  select(cache: ThemeCache): (ProjectFeature | PlaceFeature)[];
  /** The legend: one row per symbol variant it draws (within ctx.extent when set). */
  legend(cache: ThemeCache, ctx: Pick<LayerContext, 'filters' | 'extent' | 'lens'>): LegendEntry[];
  /** What it draws at a screen point (symbols and lines; a click inside an area selects the region under it). */
  pickAt(cache: ThemeCache, filters: Filters, scale: number, project: Projector, x: number, y: number, radius: number, unproject?: Unprojector): PickHit | null;
  /** Builds the grid pickAt looks things up in, ahead of the first click. */
  preparePicking(cache: ThemeCache, filters: Filters): void;
  /** What it draws after the filters, style resolved (memoised). */
  draw(cache: ThemeCache, filters: Filters, lens: Lens): DrawData;
}

export function defineTheme(spec: ThemeSpec): ThemeDef {
  const st = spec.style;
  const width = st.lineWidth ?? 3;
  const size = st.pointSize ?? 15;
  const fill = st.fill ?? st.color;
  const fillOpacity = st.fillOpacity ?? 0.15;

  const symbols: ThemeSymbols = {
    line(cls: StageClass) {
      const dash = st.corridor ? null : stageDash(cls, width);
      return { kind: 'line', color: st.color, width, dashed: dash != null, ...(dash ? { dashArray: dash } : {}), ...(st.corridor ? { opacity: CORRIDOR_OPACITY } : { casing: [255, 255, 255] as RGB }) };
    },
    point(variant) {
      if (variant === 'minor-place') return { kind: 'point', color: st.color, shape: st.shape, size: Math.round(size * 0.7), opacity: 0.5 };
      return { kind: 'point', color: st.color, shape: st.shape, size, ...(variant === 'hollow' ? { hollow: true } : {}) };
    },
    status(kind, cls) {
      const s = STATUS_STYLE[cls];
      const color = s.grey ? UNKNOWN_GREY : st.color;
      if (kind === 'line') {
        const dash = st.corridor ? null : s.dash(width);
        return { kind: 'line', color, width, dashed: dash != null, ...(dash ? { dashArray: dash } : {}), opacity: (st.corridor ? CORRIDOR_OPACITY : 0.95) * s.alpha, ...(st.corridor ? {} : { casing: [255, 255, 255] as RGB }) };
      }
      if (kind === 'point') return { kind: 'point', color, shape: st.shape, size, ...(s.hollow && !s.grey ? { hollow: true } : {}), ...(s.alpha < 1 ? { opacity: s.alpha } : {}) };
      const areaFill = s.grey ? UNKNOWN_GREY : fill;
      return { kind: 'area', fill: areaFill, fillOpacity: Math.max(fillOpacity * 1.5, 0.12) * s.alpha, stroke: areaFill, dashed: false, strokeWidth: 0.5, ...(st.hatch ? { hatch: true } : {}) };
    },
    geometry(kind) {
      const w = kind === 'straight' ? width * SCHEMATIC_WIDTH : width;
      return { kind: 'line', color: st.color, width: w, dashed: false, ...(kind === 'aligned' ? { casing: [255, 255, 255] as RGB } : {}) };
    },
    // Areas are a soft tint (hatched for ecological zones) with no drawn edge: the plan names a
    // region, not a boundary. The legend swatch gets a hairline of the same hue to stand out on white.
    area: { kind: 'area', fill, fillOpacity: st.hatch ? Math.max(fillOpacity, 0.12) : Math.max(fillOpacity * 1.5, 0.12), stroke: fill, dashed: false, strokeWidth: 0.5, ...(st.hatch ? { hatch: true } : {}) },
  };
  const pickIndex = (cache: ThemeCache, filters: Filters) => cache.memo('pick', `${spec.id}#${filtersKey(filters)}`, () => buildPickIndex(visible(spec, cache, filters)));

  return {
    ...spec,
    spec,
    symbols,
    symbolFor(p) {
      const g = p.geometry.type;
      if (g === 'LineString') return symbols.line(stageClass(p.properties.stage));
      if (g === 'Point') {
        // A place layer's own site stands for the project there, unless the plan only names the city.
        const placed = spec.placeKind != null && p.properties.precision !== 'schematic';
        return symbols.point(p.properties.precision === 'exact' || placed ? 'exact' : 'hollow');
      }
      return symbols.area;
    },
    select: (cache) => selected(spec, cache),
    legend(cache, ctx) {
      const all = visible(spec, cache, ctx.filters);
      return legendRows(st, symbols, ctx.extent ? withinExtent(all, ctx.extent, cache) : all, ctx.lens, cache.catalogue);
    },
    pickAt: (cache, filters, scale, project, x, y, radius, unproject) =>
      pickInTheme(visible(spec, cache, filters), () => pickIndex(cache, filters), { size, width }, scale, project, x, y, radius, unproject),
    preparePicking(cache, filters) {
      pickIndex(cache, filters);
    },
    draw: (cache, filters, lens) => themeDraw(spec, cache, filters, lens),
  };
}

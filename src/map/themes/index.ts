/**
 * The thematic layers: every file of ./layers/ defines one (see define-theme.ts), found here by
 * Vite's import.meta.glob and ordered by its `order`. What the map, the panels and the exports share
 * lives here: which layer draws a project, the legend of what is drawn, picking, counts, and the
 * LayerContext of an AtlasView. The deck.gl layers come from deck-layers.ts, loaded with deck.gl
 * after the basemap's first frame.
 */
import TEXT from '../../i18n/themes.json';
import { atlasView, type AtlasView, type CorridorBufferOf, type LayerRegistry } from '../../domain/atlas-view.ts';
import type { Catalogue } from '../../domain/catalogue.ts';
import { PLAN_LENS } from '../../domain/lens.ts';
import { projectPasses, type Filters } from '../../domain/filters.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import type { AppState } from '../../domain/url-state.ts';
import type { ThemeDef } from './define-theme.ts';
import { mergedDraw, type DrawData } from './draw-data.ts';
import type { PickHit, PickTarget, Projector, Unprojector } from './picking.ts';
import { ThemeCache } from './prepare.ts';
import { filtersKey, type LayerContext, type LayerGroupId, type LegendEntry, type LegendSymbol } from './types.ts';

export type { LayerContext, LayerGroupId, LegendEntry, LegendSymbol, PointShape, RGB, ThemeSpec, ThemeStyle } from './types.ts';
export type { ThemeDef } from './define-theme.ts';
export { CORRIDOR_STYLE, CORRIDOR_SYMBOL, SHAPE_PATHS, STAGE_CLASS_LABEL, rgbCss } from './style.ts';
export { pickTarget, pickTargetOf, type PickHit, type PickTarget, type Projector, type Unprojector } from './picking.ts';

const modules = import.meta.glob<{ default: ThemeDef }>('./layers/*.ts', { eager: true });

/** Listing order (layer panel, legend); areas are drawn under lines, lines under points, whatever the order. */
export const THEMES: readonly ThemeDef[] = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);

export const THEME_BY_ID: ReadonlyMap<string, ThemeDef> = new Map(THEMES.map((t) => [t.id, t]));

/** Groups of the layer panel, in order. 'regions' holds the choropleth (not a deck.gl theme). */
export const LAYER_GROUPS: readonly { id: LayerGroupId; label: { zh: string; en: string } }[] = (
  ['transport', 'energy', 'ecology', 'industry_services', 'opening', 'regions'] as const
).map((id) => ({ id, label: TEXT.groups[id] }));

/** All themes on. */
export const DEFAULT_VISIBLE: readonly string[] = THEMES.map((t) => t.id);

const caches = new WeakMap<Catalogue, ThemeCache>();
/** The one cache of everything the themes derive from a catalogue. */
export function cacheFor(cat: Catalogue): ThemeCache {
  let cache = caches.get(cat);
  if (!cache) caches.set(cat, (cache = new ThemeCache(cat, (p) => themeOf(p, cat))));
  return cache;
}

/** The theme that draws a project: the first, in order, whose `draws` claims it. */
export function themeOf(p: ProjectFeature, cat: Catalogue): ThemeDef | undefined {
  return THEMES.find((t) => t.draws(p, cat));
}

/** The id of the layer that draws a project ('' if none does; tests/unit/themes.test.ts forbids that). */
export function themeIdOf(p: ProjectFeature, cat: Catalogue): string {
  return themeOf(p, cat)?.id ?? '';
}

/** The layers as the domain's derivation of a state needs them (src/domain/atlas-view.ts). */
export function layerRegistry(cat: Catalogue): LayerRegistry {
  return cacheFor(cat).memo('registry', '', () => ({ ids: DEFAULT_VISIBLE, layerOf: (p: ProjectFeature) => themeIdOf(p, cat) }));
}

/** What a state draws, with these layers: the one derivation the live map and every export use. */
export function viewOf(state: AppState, cat: Catalogue, bufferOf: CorridorBufferOf | null): AtlasView {
  return atlasView(state, cat, layerRegistry(cat), bufferOf);
}

/** Layers as the link validation needs them before the catalogue has loaded (ids only). */
export const LAYER_IDS: LayerRegistry = { ids: DEFAULT_VISIBLE, layerOf: () => '' };

/** What the themes draw for a view, at a zoom: the one LayerContext the map and every export build. */
export function layerContext(view: AtlasView, cat: Catalogue, zoom: number, extra: Partial<Pick<LayerContext, 'scale' | 'beforeId' | 'labels' | 'fontFamily' | 'extent'>> = {}): LayerContext {
  return { catalogue: cat, filters: view.filters, lang: view.lang, emphasis: view.emphasis, lens: view.lens, corridor: view.corridor, scale: 1, zoom, ...extra };
}

function visibleSet(visibleIds: Iterable<string>): Set<string> {
  return visibleIds instanceof Set ? (visibleIds as Set<string>) : new Set(visibleIds);
}

export interface ThemeLegend {
  id: string;
  group: LayerGroupId;
  label: { zh: string; en: string };
  entries: LegendEntry[];
}

/** The legend of the visible themes that draw something (after filters): one block per theme, its rows. */
export function legendEntries(ctx: Pick<LayerContext, 'catalogue' | 'filters' | 'extent'> & Partial<Pick<LayerContext, 'lens'>>, visibleIds: Iterable<string>): ThemeLegend[] {
  const vis = visibleSet(visibleIds);
  const cache = cacheFor(ctx.catalogue);
  const out: ThemeLegend[] = [];
  for (const t of THEMES) {
    if (!vis.has(t.id)) continue;
    const entries = t.legend(cache, { ...ctx, lens: ctx.lens ?? PLAN_LENS });
    if (entries.length) out.push({ id: t.id, group: t.group, label: t.label, entries });
  }
  return out;
}

/** The legend of what a view draws (within an export frame's extent when given): the map's and every export's. */
export function legendOf(view: Pick<AtlasView, 'filters' | 'layers' | 'lens'>, cat: Catalogue, extent?: [[number, number], [number, number]]): ThemeLegend[] {
  return legendEntries({ catalogue: cat, filters: view.filters, lens: view.lens, ...(extent ? { extent } : {}) }, view.layers);
}

/** The theme (layer) that draws a project. */
export function themeOfProject(cat: Catalogue, projectId: string): ThemeDef | undefined {
  const p = cat.project(projectId);
  return p ? themeOf(p, cat) : undefined;
}

/**
 * What the visible layers draw at a screen point: the topmost symbol, else the nearest line
 * (areas are not picked). On the CPU, from the same data the layers draw.
 */
export function pickAt(
  ctx: Pick<LayerContext, 'catalogue' | 'filters' | 'scale'>,
  visibleIds: Iterable<string>,
  project: Projector,
  x: number,
  y: number,
  radius = 4,
  unproject?: Unprojector,
): PickTarget | null {
  const vis = visibleSet(visibleIds);
  const cache = cacheFor(ctx.catalogue);
  let best: PickHit | null = null;
  // Later themes are drawn on top within a tier.
  for (const t of THEMES) {
    if (!vis.has(t.id)) continue;
    const hit = t.pickAt(cache, ctx.filters, ctx.scale, project, x, y, radius, unproject);
    if (hit && (!best || hit.tier > best.tier || (hit.tier === best.tier && hit.distance <= best.distance))) best = hit;
  }
  return best ? (best as PickHit).target : null;
}

/** Builds the visible themes' pick grids ahead of the first click (the map calls it when idle). */
export function preparePicking(ctx: Pick<LayerContext, 'catalogue' | 'filters'>, visibleIds: Iterable<string>): void {
  const vis = visibleSet(visibleIds);
  const cache = cacheFor(ctx.catalogue);
  for (const t of THEMES) if (vis.has(t.id)) t.preparePicking(cache, ctx.filters);
}

/** What the visible themes draw, in THEMES order, in one set of arrays (memoised). */
export function visibleDraw(ctx: Pick<LayerContext, 'catalogue' | 'filters' | 'lens'>, visibleIds: Iterable<string>): DrawData {
  const vis = visibleSet(visibleIds);
  return mergedDraw(THEMES.filter((t) => vis.has(t.id)), cacheFor(ctx.catalogue), ctx.filters, ctx.lens);
}

/** The symbol the map draws for a project (for lists, tooltips and the panel). */
export function projectSymbol(cat: Catalogue, p: ProjectFeature): LegendSymbol | null {
  return themeOf(p, cat)?.symbolFor(p) ?? null;
}

/** Number of projects each theme draws after the filters (the layer panel's counts). */
export function projectCounts(cat: Catalogue, filters: Filters): Record<string, number> {
  return cacheFor(cat).memo('counts', filtersKey(filters), () => {
    const out: Record<string, number> = Object.fromEntries(THEMES.map((t) => [t.id, 0]));
    for (const p of cat.allProjects()) if (projectPasses(p, filters)) out[themeIdOf(p, cat)]!++;
    return out;
  });
}

/**
 * The thematic layers, in drawing and listing order, and what the map, the panels and the export
 * share: legendEntries (exactly the legend rows of what the layers draw), pickAt, the counts. The
 * deck.gl layers of the visible themes come from deck-layers.ts (buildThemeLayers), loaded with
 * deck.gl after the basemap's first frame.
 *
 * Stable API (the export imports it): THEMES, legendEntries(ctx, visibleIds). Everything else here
 * is additive.
 */
import TEXT from '../../i18n/themes.json';
import type { Catalogue } from '../../domain/catalogue.ts';
import { projectPasses } from '../../domain/filters.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import { THEME_IDS, themeIdOf, type ThemeId } from './assign.ts';
import { agriculture } from './agriculture.ts';
import { airports } from './airports.ts';
import { commerce } from './commerce.ts';
import { filtersKey, mergedDraw, pickTarget, pickTargetOf, type DrawData, type PickHit, type PickTarget, type Projector, type ThemeDef, type ThemeSpec, type Unprojector } from './common.ts';
import { cooperation } from './cooperation.ts';
import { ecology } from './ecology.ts';
import { environment } from './environment.ts';
import { highways } from './highways.ts';
import { industry } from './industry.ts';
import { information } from './information.ts';
import { logistics } from './logistics.ts';
import { opening } from './opening.ts';
import { pipelines } from './pipelines.ts';
import { portsOfEntry } from './ports-of-entry.ts';
import { power } from './power.ts';
import { publicService } from './public-service.ts';
import { railways } from './railways.ts';
import { seaports } from './seaports.ts';
import { water } from './water.ts';
import type { LayerContext, LayerGroupId, LegendEntry, LegendSymbol } from './types.ts';

export type { LayerContext, LayerGroupId, LegendEntry, LegendSymbol, PointShape, RGB, ThemeLayerDef } from './types.ts';
export { SHAPE_PATHS, STAGE_CLASS_LABEL, STAGE_ORDER, stageClass, rgbCss } from './style.ts';
export { pickTarget, pickTargetOf, type PickHit, type PickTarget, type Projector, type Unprojector, type ThemeDef, type ThemeSpec, THEME_IDS, themeIdOf, type ThemeId };

/** Listing order (layer panel, legend); areas are drawn under lines, lines under points, whatever the order. */
export const THEMES: readonly ThemeDef[] = [
  railways,
  highways,
  airports,
  seaports,
  portsOfEntry,
  logistics,
  power,
  pipelines,
  water,
  ecology,
  environment,
  industry,
  agriculture,
  information,
  commerce,
  publicService,
  opening,
  cooperation,
];

export const THEME_BY_ID: ReadonlyMap<string, ThemeDef> = new Map(THEMES.map((t) => [t.id, t]));

/** Groups of the layer panel, in order. 'regions' holds the choropleth (not a deck.gl theme). */
export const LAYER_GROUPS: readonly { id: LayerGroupId; label: { zh: string; en: string } }[] = (
  ['transport', 'energy', 'ecology', 'industry_services', 'opening', 'regions'] as const
).map((id) => ({ id, label: TEXT.groups[id] }));

/** All themes on. */
export const DEFAULT_VISIBLE: readonly string[] = THEMES.map((t) => t.id);

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
export function legendEntries(ctx: LayerContext, visibleIds: Iterable<string>): ThemeLegend[] {
  const vis = visibleSet(visibleIds);
  const out: ThemeLegend[] = [];
  for (const t of THEMES) {
    if (!vis.has(t.id)) continue;
    const entries = t.legend(ctx);
    if (entries.length) out.push({ id: t.id, group: t.group, label: t.label, entries });
  }
  return out;
}

/** The theme (layer) that draws a project. */
export function themeOfProject(cat: Catalogue, projectId: string): ThemeDef | undefined {
  const p = cat.project(projectId);
  return p ? THEME_BY_ID.get(themeIdOf(p, cat)) : undefined;
}

/**
 * What the visible layers draw at a screen point: the topmost symbol, else the nearest line
 * (areas are not picked). On the CPU, from the same data the layers draw: a few hundred projected
 * points per call, well under a millisecond.
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
  let best: PickHit | null = null;
  // Later themes are drawn on top within a tier.
  for (const t of THEMES) {
    if (!vis.has(t.id)) continue;
    const hit = t.pickAt(ctx, project, x, y, radius, unproject);
    if (hit && (!best || hit.tier > best.tier || (hit.tier === best.tier && hit.distance <= best.distance))) best = hit;
  }
  return best ? (best as PickHit).target : null;
}

/**
 * Builds the visible themes' pick grids ahead of the first click (a few ms at 10× scale): the map
 * calls it when the browser is idle after the themes are drawn.
 */
export function preparePicking(ctx: Pick<LayerContext, 'catalogue' | 'filters'>, visibleIds: Iterable<string>): void {
  const vis = visibleSet(visibleIds);
  for (const t of THEMES) if (vis.has(t.id)) t.preparePicking(ctx);
}

/** What the visible themes draw, in THEMES order, in one set of arrays (memoised). */
export function visibleDraw(ctx: Pick<LayerContext, 'catalogue' | 'filters'>, visibleIds: Iterable<string>): DrawData {
  const vis = visibleSet(visibleIds);
  return mergedDraw(THEMES.filter((t) => vis.has(t.id)), ctx.catalogue, ctx.filters);
}

/** The symbol the map draws for a project (for lists, tooltips and the panel). */
export function projectSymbol(cat: Catalogue, p: ProjectFeature): LegendSymbol | null {
  return THEME_BY_ID.get(themeIdOf(p, cat))?.symbolFor(p) ?? null;
}

/** Number of projects each theme draws after the filters (the layer panel's counts). */
const countCache = new WeakMap<Catalogue, Map<string, Record<string, number>>>();
export function projectCounts(cat: Catalogue, filters: LayerContext['filters']): Record<string, number> {
  let byKey = countCache.get(cat);
  if (!byKey) countCache.set(cat, (byKey = new Map()));
  const key = filtersKey(filters);
  const hit = byKey.get(key);
  if (hit) return hit;
  const out: Record<string, number> = Object.fromEntries(THEMES.map((t) => [t.id, 0]));
  for (const p of cat.allProjects()) if (projectPasses(p, filters)) out[themeIdOf(p, cat)]!++;
  byKey.set(key, out);
  return out;
}

export { THEME_IDS as ALL_THEME_IDS };

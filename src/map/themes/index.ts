/**
 * The thematic layers, in drawing and listing order, and the two functions the map and the export
 * share: buildThemeLayers (deck.gl layers of the visible themes, for a context) and legendEntries
 * (exactly the legend rows of what those layers draw).
 *
 * Stable API (the export imports it): THEMES, buildThemeLayers(ctx, visibleIds),
 * legendEntries(ctx, visibleIds). Everything else here is additive.
 */
import type { Layer } from '@deck.gl/core';
import TEXT from '../../i18n/themes.json';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { Catalogue } from '../../domain/catalogue.ts';
import { projectPasses } from '../../domain/filters.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import { THEME_IDS, themeIdOf, type ThemeId } from './assign.ts';
import { agriculture } from './agriculture.ts';
import { airports } from './airports.ts';
import { commerce } from './commerce.ts';
import { filtersKey, makeLayers, mergedDraw, textLayer, pickTarget, pickTargetOf, pointOffsets, setKey, type PickHit, type PickTarget, type Projector, type ThemeDef, type ThemeSpec, type Unprojector } from './common.ts';
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

/**
 * deck.gl layers of the visible themes: all themes' areas in one layer, their lines in one, their
 * symbols in one, their labels in one (a handful of layers however many themes are on: software
 * WebGL pays per layer and per vertex), drawn areas → line casings → lines → symbols → labels, with
 * the highlight of `ctx.highlight` over the areas and under the lines and symbols. Within a layer,
 * themes keep their THEMES order. Data arrays are memoised per catalogue, themes and filters, so a
 * new selection only re-evaluates colours.
 */
export function buildThemeLayers(ctx: LayerContext, visibleIds: Iterable<string>): Layer[] {
  const vis = visibleSet(visibleIds);
  const defs = THEMES.filter((t) => vis.has(t.id));
  const layers = makeLayers('themes', mergedDraw(defs, ctx.catalogue, ctx.filters), ctx);
  const hl = highlightLayers(ctx);
  const isArea = (l: Layer) => l.id.startsWith('themes-area-');
  const ordered = [...layers.filter(isArea), ...hl, ...layers.filter((l) => !isArea(l))];
  const before = ctx.beforeId;
  // Labels stay on top of the basemap's labels' layer order; the rest goes under them.
  return before ? ordered.map((l) => (l.id.endsWith('-label') ? l : l.clone({ beforeId: before } as never))) : ordered;
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

// ---------------------------------------------------------------------------------------------
// The highlighted project: a halo under its own symbol, whichever theme draws it.

const HALO: [number, number, number, number] = [255, 214, 10, 235];
const HALO_EDGE: [number, number, number, number] = [120, 60, 0, 255];

function highlightLayers(ctx: LayerContext): Layer[] {
  const out: Layer[] = [];
  const s = ctx.scale;
  const places = ctx.emphasisPlaces;
  if (places && places.size) {
    const data: Position[] = [];
    for (const id of places) {
      const f = ctx.catalogue.place(id);
      if (f) data.push(f.geometry.coordinates);
    }
    out.push(
      new ScatterplotLayer<Position>({
        id: 'highlight-places',
        data,
        getPosition: (d) => d as [number, number],
        getRadius: 6.5 * s,
        radiusUnits: 'pixels',
        stroked: true,
        filled: true,
        getFillColor: [255, 214, 10, 150],
        getLineColor: [200, 140, 0, 255],
        getLineWidth: 1.5 * s,
        lineWidthUnits: 'pixels',
        updateTriggers: { getRadius: s, getLineWidth: s, data: setKey(places) },
      }),
    );
  }
  const id = ctx.highlight;
  const p: ProjectFeature | undefined = id ? ctx.catalogue.project(id) : undefined;
  if (!p) return out;
  const g = p.geometry;
  if (g.type === 'LineString' && ctx.labels !== false) {
    // The line's name at the middle of its longest leg (straight in Web Mercator, as drawn).
    const c = g.coordinates as [number, number][];
    let best = 0;
    let len = -1;
    for (let i = 0; i + 1 < c.length; i++) {
      const d = Math.hypot(c[i + 1]![0] - c[i]![0], c[i + 1]![1] - c[i]![1]);
      if (d > len) {
        len = d;
        best = i;
      }
    }
    const a = c[best]!;
    const b = c[best + 1]!;
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const mid: [number, number] = [(a[0] + b[0]) / 2, (360 / Math.PI) * Math.atan(Math.exp((merc(a[1]) + merc(b[1])) / 2)) - 90];
    out.push(
      textLayer(
        'highlight-label',
        [{ ids: [p.properties.id], placeId: null, zh: p.properties.name_zh, en: p.properties.name_en, position: mid, offset: [0, 0], symbolSize: 8, color: [59, 52, 38], minZoom: 0, minor: false }],
        ctx,
      ),
    );
  }
  if (g.type === 'LineString') {
    out.push(
      new PathLayer<Position[]>({
        id: 'highlight-line',
        data: [g.coordinates],
        getPath: (d) => d as [number, number][],
        getColor: HALO,
        getWidth: 11 * s,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  } else if (g.type === 'Point') {
    const off = pointOffsets(ctx.catalogue).get(p.properties.id) ?? [0, 0];
    const absorbed = off[0] === 0 && off[1] === 0;
    out.push(
      new ScatterplotLayer<Position>({
        id: 'highlight-point',
        data: [g.coordinates],
        getPosition: (d) => d as [number, number],
        getRadius: 14 * s,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: HALO,
        getLineColor: HALO_EDGE,
        getLineWidth: 1.5 * s,
        lineWidthUnits: 'pixels',
        // The halo follows the symbol's offset on its ring (deck's scatterplot has no pixel offset: a
        // ring of the same size around the spot stands in when the symbol sits off-centre).
        ...(absorbed ? {} : { getRadius: (Math.hypot(off[0], off[1]) + 12) * s, getFillColor: [255, 214, 10, 70] }),
        updateTriggers: { getRadius: s, getLineWidth: s },
      }),
    );
  } else {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    out.push(
      new SolidPolygonLayer<Position[][]>({
        id: 'highlight-area-fill',
        data: polys,
        getPolygon: (d) => d as [number, number][][],
        getFillColor: [255, 214, 10, 60],
      }),
      new PathLayer<Position[]>({
        id: 'highlight-area-line',
        data: polys.map((poly) => poly[0]!),
        getPath: (d) => d as [number, number][],
        getColor: HALO_EDGE,
        getWidth: 2.5 * s,
        widthUnits: 'pixels',
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  }
  return out;
}

export { THEME_IDS as ALL_THEME_IDS };

/**
 * What a state of the atlas draws, derived once: the visible layers, the emphasis of the selection,
 * the choropleth's counts and the filters. The live map, the legend and every export read this one
 * derivation, so they cannot disagree. Pure: the map's layers are passed in as a registry.
 */
import type { Catalogue } from './catalogue.ts';
import { choropleth as computeChoropleth, type Choropleth } from './choropleth.ts';
import { CORRIDOR_KM } from './corridor.ts';
import type { corridorBufferOf } from './corridor-buffer.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { projectPasses, type Filters } from './filters.ts';
import { lensOf, type Lens } from './lens.ts';
import { emphasisOf, type Emphasis } from './selection.ts';
import type { ProjectFeature, RegionFeature } from './types.ts';
import { unknownProblem, type AppState, type Lang, type Selection, type UrlProblem } from './url-state.ts';
import { INNER_MONGOLIA } from './vocabulary.ts';

/** The thematic layers as the domain sees them: their ids in order, and which one draws a project. */
export interface LayerRegistry {
  ids: readonly string[];
  layerOf(p: ProjectFeature): string;
}

/** Layer ids checked against the registry, in its order; unknown ones become problems. null = all. */
export function validLayers(layers: readonly string[] | null, registry: LayerRegistry, problems: UrlProblem[] = []): string[] {
  if (!layers) return [...registry.ids];
  const known = new Set(registry.ids);
  for (const l of layers) if (!known.has(l)) problems.push(unknownProblem('layers', l));
  const on = new Set(layers);
  return registry.ids.filter((id) => on.has(id));
}

/** The choropleth's subject checked: 'all', a layer id, or null (off); an unknown one is a problem. */
export function validChoropleth(c: string | null, registry: LayerRegistry, problems: UrlProblem[] = []): string | null {
  if (c == null || c === 'all' || registry.ids.includes(c)) return c;
  problems.push(unknownProblem('choro', c));
  return null;
}

/** The regions the choropleth shades: Inner Mongolia's leagues, and its banners and counties. */
export interface ChoroplethRegions {
  leagues: string[];
  counties: string[];
}
const shadedCache = new WeakMap<readonly RegionFeature[], ChoroplethRegions>();
export function choroplethRegions(regions: readonly RegionFeature[]): ChoroplethRegions {
  let out = shadedCache.get(regions);
  if (!out) {
    out = { leagues: [], counties: [] };
    for (const f of regions) {
      const p = f.properties;
      if (p.level === 'prefecture' && p.parent === INNER_MONGOLIA) out.leagues.push(p.code);
      else if (p.level === 'county' && p.code.startsWith(INNER_MONGOLIA.slice(0, 2))) out.counties.push(p.code);
    }
    shadedCache.set(regions, out);
  }
  return out;
}

export interface ChoroplethView {
  /** 'all' or the layer whose projects are counted. */
  of: string;
  leagues: Choropleth;
  counties: Choropleth;
}

export interface AtlasView {
  lang: Lang;
  selection: Selection | null;
  filters: Filters;
  /** The visible thematic layers, in the registry's order. */
  layers: readonly string[];
  emphasis: Emphasis;
  choropleth: ChoroplethView | null;
  /** Styled by the plan's stages, or by present status (at the timeline's date). */
  lens: Lens;
  /** Corridor analysis: the area within `km` of the selected line project or region, drawn under the plan's lines. */
  corridor: CorridorView | null;
}

export interface CorridorView {
  km: number;
  /** What the distance is measured from. */
  target: { kind: 'project'; id: string } | { kind: 'region'; code: string };
  buffer: Feature<Polygon | MultiPolygon>;
}

/**
 * Regions with a corridor analysis: counties, leagues and cities, and provinces without prefectures
 * (Beijing, Tianjin). Not a whole province: its outline is too large to buffer while the user waits.
 */
export function corridorRegion(cat: Catalogue, code: string): boolean {
  const level = cat.regions.level(code);
  return level === 'county' || level === 'prefecture' || (level === 'province' && cat.regions.children(code).length === 0);
}

/** The corridor's buffer polygon per shape and distance (./corridor-buffer.ts), handed in once loaded. */
export type CorridorBufferOf = typeof corridorBufferOf;

/** Loads the buffer's module (turf's buffer): the app asks when a corridor is set, an export before it draws one. */
export function loadCorridorBuffer(): Promise<CorridorBufferOf> {
  return import('./corridor-buffer.ts').then((m) => m.corridorBufferOf);
}

/** Whether a state asks for a corridor (a distance in range), so its buffer's module must be loaded to draw it. */
export function wantsCorridor(state: Pick<AppState, 'corridor'>): boolean {
  return state.corridor != null && state.corridor >= CORRIDOR_KM.min && state.corridor <= CORRIDOR_KM.max;
}

/**
 * The corridor a state draws: with a distance set and a line project or a region selected (a point
 * or an area project has no corridor). The buffer is memoised per shape and distance; without
 * `bufferOf` (its module still loading) there is none to draw yet.
 */
export function corridorView(selection: Selection | null, km: number | null | undefined, cat: Catalogue, bufferOf: CorridorBufferOf | null): CorridorView | null {
  if (km == null || !selection || !wantsCorridor({ corridor: km }) || !bufferOf) return null;
  if (selection.kind === 'project') {
    const g = cat.project(selection.id)?.geometry;
    if (g?.type !== 'LineString') return null;
    const buffer = bufferOf(g, km);
    return buffer ? { km, target: { kind: 'project', id: selection.id }, buffer } : null;
  }
  if (selection.kind === 'region') {
    const r = cat.regions.get(selection.code);
    if (!r || !corridorRegion(cat, selection.code)) return null;
    const buffer = bufferOf(r.geometry, km);
    return buffer ? { km, target: { kind: 'region', code: selection.code }, buffer } : null;
  }
  return null;
}

/** Counts of projects touching each shaded region (after filters; one layer's or all). */
export function choroplethView(of: string | null, filters: Filters, cat: Catalogue, registry: LayerRegistry): ChoroplethView | null {
  if (!of) return null;
  const layer = of === 'all' ? null : of;
  const keep = (p: ProjectFeature) => projectPasses(p, filters) && (!layer || registry.layerOf(p) === layer);
  const shaded = choroplethRegions(cat.data.regions.features);
  return { of, leagues: computeChoropleth(cat, shaded.leagues, keep), counties: computeChoropleth(cat, shaded.counties, keep) };
}

/**
 * What `state` draws. The state's layers and choropleth are assumed valid (validLayers / validChoropleth).
 * A state that wants a corridor draws it only with `bufferOf` (loadCorridorBuffer).
 */
export function atlasView(state: AppState, cat: Catalogue, registry: LayerRegistry, bufferOf: CorridorBufferOf | null): AtlasView {
  return {
    lang: state.lang ?? 'zh',
    selection: state.selection,
    filters: state.filters,
    layers: validLayers(state.layers, registry),
    emphasis: emphasisOf(cat, state.selection, state.filters),
    choropleth: choroplethView(state.choropleth, state.filters, cat, registry),
    lens: lensOf(state.mode, state.date),
    corridor: corridorView(state.selection, state.corridor, cat, bufferOf),
  };
}

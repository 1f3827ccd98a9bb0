/**
 * Which pages an export has: the current view, the saved views (a deck), the 12 leagues (the atlas)
 * or the progress deck (the 12 leagues in now mode, at the timeline's date if one is set, each with
 * its projects counted by status).
 */
import type { AppState, Lang } from '../../domain/url-state.ts';
import { viewState, type SavedView } from '../../export/saved-views.ts';
import { paddedBounds, type SceneSpec } from '../../export/scene.ts';
import type { GeoData } from '../../map/geodata.ts';
import type { MapController } from '../../map/controller.ts';
import { currentState } from './env.ts';
import { INNER_MONGOLIA } from '../../domain/vocabulary.ts';

export type Scope = 'view' | 'views' | 'atlas' | 'progress';

/** Scopes with one page per league. */
export const LEAGUE_SCOPES: readonly Scope[] = ['atlas', 'progress'];

/** Inner Mongolia's 12 leagues and cities, by code. */
export function leagueCodes(geo: GeoData): string[] {
  return geo.regions.features
    .filter((f) => f.properties.level === 'prefecture' && f.properties.parent === INNER_MONGOLIA)
    .map((f) => f.properties.code)
    .sort();
}

/**
 * The pages of an export. `userVisible`: the imported layers that are on now (the current view and
 * the atlas draw them); a saved view draws the imported layers it recorded.
 */
export function scenesFor(
  scope: Scope,
  state: AppState,
  lang: Lang,
  geo: GeoData,
  views: SavedView[],
  text: { title?: string; subtitle?: string },
  userVisible: readonly string[] = [],
  map: MapController | null = null,
): SceneSpec[] {
  if (scope === 'view') {
    if (!map) return [];
    const bounds = map.visibleBounds();
    return [{ state: { ...currentState(state, map), lang }, bounds, userVisible, ...(text.title ? { title: text.title } : {}), ...(text.subtitle ? { subtitle: text.subtitle } : {}) }];
  }
  if (scope === 'views') return views.map((v) => ({ state: { ...viewState(v), lang }, bounds: v.bounds, title: v.name, userVisible: (v.imported ?? []).map((r) => r.id) }));
  const progress = scope === 'progress';
  return leagueCodes(geo).map((code) => {
    const info = geo.byCode.get(code)!;
    const now = progress ? { mode: 'now' as const, date: state.mode === 'now' ? state.date : null } : {};
    return { state: { ...state, ...now, selection: { kind: 'region', code }, region: code, lang, view: null }, bounds: paddedBounds(info.bbox, 0.05), userVisible, ...(progress ? { progress: true } : {}) };
  });
}

/** The i18n key of a multi-page export's document title (none for the current view). */
export function docTitleKey(scope: Scope): string | null {
  return scope === 'atlas' ? 'export.atlasTitle' : scope === 'views' ? 'export.deckTitle' : scope === 'progress' ? 'export.progressDeckTitle' : null;
}

/**
 * The app's shareable state and how it changes: a reducer, so every change (a click, a toggle, a
 * saved view, back/forward) goes through one function that validates what it takes.
 */
import { validChoropleth, validLayers, type LayerRegistry } from './atlas-view.ts';
import type { Filters } from './filters.ts';
import { sameSelection, type AppState, type AtlasMode, type Decoded, type Lang, type Selection, type UrlProblem } from './url-state.ts';

/** The state the app holds (the view is MapLibre's). `layers` is valid and in the registry's order. */
export interface AtlasState {
  selection: Selection | null;
  layers: string[];
  filters: Filters;
  choropleth: string | null;
  lang: Lang;
  mode: AtlasMode;
  /** The timeline's date (mode `now` only). */
  date: string | null;
  /** The plan-text paragraph the reader shows. */
  paragraph: string | null;
  /** Corridor analysis distance, km, around the selected line or region; null = off. */
  corridor: number | null;
  /** The page is an embed (read-only map and legend): set by the link the page opened with, and kept. */
  embed: boolean;
}

export type AtlasAction =
  | { type: 'select'; selection: Selection | null }
  | { type: 'layers'; layers: string[] }
  | { type: 'filters'; filters: Filters }
  | { type: 'choropleth'; choropleth: string | null }
  | { type: 'lang'; lang: Lang }
  /** Plan or now; leaving `now` clears the timeline's date. */
  | { type: 'mode'; mode: AtlasMode }
  /** A timeline date (puts the map in `now`), or null for the latest status. */
  | { type: 'date'; date: string | null }
  | { type: 'paragraph'; paragraph: string | null }
  /** Corridor analysis on at a distance (km), or off. */
  | { type: 'corridor'; km: number | null }
  /** A whole state at once (back/forward, a saved view): what it carries replaces what the app has. */
  | { type: 'apply'; state: Partial<AppState> };

/** The first state from a decoded link; unknown layers or choropleth become problems. */
export function initialAtlasState(decoded: Decoded, registry: LayerRegistry, defaultLang: Lang): { state: AtlasState; problems: UrlProblem[] } {
  const problems = [...decoded.problems];
  const s = decoded.state;
  return {
    state: {
      selection: s.selection,
      layers: validLayers(s.layers, registry, problems),
      filters: s.filters,
      choropleth: validChoropleth(s.choropleth, registry, problems),
      lang: s.lang ?? defaultLang,
      mode: s.mode,
      date: s.date,
      paragraph: s.paragraph,
      corridor: s.corridor ?? null,
      embed: s.embed === true,
    },
    problems,
  };
}

/** A reducer over AtlasState for the given layers; unchanged parts keep their identity. */
export function atlasReducer(registry: LayerRegistry) {
  return (state: AtlasState, action: AtlasAction): AtlasState => {
    switch (action.type) {
      case 'select':
        return sameSelection(state.selection, action.selection) ? state : { ...state, selection: action.selection };
      case 'layers':
        return { ...state, layers: validLayers(action.layers, registry) };
      case 'filters':
        return { ...state, filters: action.filters };
      case 'choropleth':
        return { ...state, choropleth: validChoropleth(action.choropleth, registry) };
      case 'lang':
        return state.lang === action.lang ? state : { ...state, lang: action.lang };
      case 'mode':
        return state.mode === action.mode ? state : { ...state, mode: action.mode, date: action.mode === 'plan' ? null : state.date };
      case 'date':
        return state.date === action.date && (action.date == null || state.mode === 'now') ? state : { ...state, date: action.date, mode: action.date ? 'now' : state.mode };
      case 'paragraph':
        return state.paragraph === action.paragraph ? state : { ...state, paragraph: action.paragraph };
      case 'corridor':
        return state.corridor === action.km ? state : { ...state, corridor: action.km };
      case 'apply': {
        const s = action.state;
        return {
          selection: 'selection' in s ? (s.selection ?? null) : state.selection,
          layers: 'layers' in s ? validLayers(s.layers ?? null, registry) : state.layers,
          filters: s.filters ?? state.filters,
          choropleth: 'choropleth' in s ? validChoropleth(s.choropleth ?? null, registry) : state.choropleth,
          lang: s.lang ?? state.lang,
          mode: s.mode ?? state.mode,
          date: 'date' in s ? (s.date ?? null) : state.date,
          paragraph: 'paragraph' in s ? (s.paragraph ?? null) : state.paragraph,
          corridor: 'corridor' in s ? (s.corridor ?? null) : state.corridor,
          // What the page is does not change with the state it shows (back/forward, a saved view).
          embed: state.embed,
        };
      }
    }
  };
}

/** The shareable AppState of an AtlasState (what links and saved views carry). */
export function appStateOf(s: AtlasState): AppState {
  return {
    selection: s.selection,
    region: s.selection?.kind === 'region' ? s.selection.code : null,
    layers: s.layers,
    filters: s.filters,
    choropleth: s.choropleth,
    lang: s.lang,
    mode: s.mode,
    date: s.date,
    paragraph: s.paragraph,
    corridor: s.corridor,
    embed: s.embed,
    view: null,
  };
}

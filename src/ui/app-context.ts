/**
 * The atlas's state for components mounted outside the panel (e.g. the export dialog): the
 * shareable state, the catalogue, the geography, and a setter that applies a state (a saved view).
 */
import { createContext, useContext } from 'react';
import type { Catalogue } from '../domain/catalogue.ts';
import type { AppState } from '../domain/url-state.ts';
import type { GeoData } from '../map/geodata.ts';

export interface AtlasContextValue {
  /** The current state; `view` is read from the live map when needed (window.__atlas.map). */
  state: AppState;
  catalogue: Catalogue | null;
  geo: GeoData | null;
  /** Applies a state (selection, layers, filters, choropleth, language; `fly` moves the map to its view). */
  apply: (state: Partial<AppState>, opts?: { fly?: boolean }) => void;
}

export const AtlasContext = createContext<AtlasContextValue | null>(null);

export function useAtlas(): AtlasContextValue {
  const v = useContext(AtlasContext);
  if (!v) throw new Error('useAtlas outside <AtlasContext.Provider>');
  return v;
}

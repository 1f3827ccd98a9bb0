/**
 * The atlas's state for components mounted outside the panel (e.g. the export dialog): the
 * shareable state, the catalogue, the geography, and a setter that applies a state (a saved view).
 */
import { createContext, useContext } from 'react';
import type { Catalogue } from '../domain/catalogue.ts';
import type { AppState } from '../domain/url-state.ts';
import type { MapController } from '../map/controller.ts';
import type { GeoData } from '../map/geodata.ts';
import type { FontManifest } from '../styles/font-manifest.ts';
import type { UserLayer } from '../domain/user-layers.ts';

export interface AtlasContextValue {
  /** The current state; `view` is read from the live map when needed (map.view()). */
  state: AppState;
  /** The live map's controller (null while there is none). */
  map: MapController | null;
  /** The atlas font's manifest (read once at the page's start). */
  fonts: FontManifest;
  catalogue: Catalogue | null;
  geo: GeoData | null;
  /** Applies a state (selection, layers, filters, choropleth, language; `fly` moves the map to its view). */
  apply: (state: Partial<AppState>, opts?: { fly?: boolean }) => void;
  /** False when there is no map (no WebGL, or it failed): exports and presentations need one. */
  mapShown?: boolean;
  /** False when the thematic layers' code did not load (App's banner): exports would lack them. */
  themesShown?: boolean;
  /** The imported layers and which of them are on (exports draw and list the ones that are on). */
  user?: { layers: readonly UserLayer[]; visible: ReadonlySet<string> };
}

export const AtlasContext = createContext<AtlasContextValue | null>(null);

export function useAtlas(): AtlasContextValue {
  const v = useContext(AtlasContext);
  if (!v) throw new Error('useAtlas outside <AtlasContext.Provider>');
  return v;
}

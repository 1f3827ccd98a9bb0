/**
 * Glue between the live atlas and the export: the current state and view, the frame the user sees
 * (the map's area beside the panel), the live style, the label font stacks, the inset geography.
 * The live map is read through its controller (src/map/controller.ts).
 */
import type { UserLayer } from '../../domain/user-layers.ts';
import i18next, { type TFunction } from 'i18next';
import type { StyleSpecification } from 'maplibre-gl';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { AppState, Lang } from '../../domain/url-state.ts';
import type { InsetData } from '../../export/furniture.ts';
import type { SceneEnv } from '../../export/scene.ts';
import type { MapController } from '../../map/controller.ts';
import type { GeoData } from '../../map/geodata.ts';
import type { FontManifest } from '../../styles/font-manifest.ts';
import { maplibreFontStacks } from '../../styles/fonts.ts';

export function tFor(lang: Lang): TFunction {
  return i18next.getFixedT(lang);
}

export function insetData(geo: GeoData): InsetData {
  return {
    provinces: geo.regions.features.filter((f) => f.properties.level === 'province') as InsetData['provinces'],
    countries: geo.countries.features as unknown as InsetData['countries'],
  };
}

export interface ExportEnv {
  catalogue: Catalogue;
  geo: GeoData;
  baseStyle: StyleSpecification;
  fontStacks: SceneEnv['fontStacks'];
  tFor: (lang: Lang) => TFunction;
  date: Date;
  userLayers: readonly UserLayer[];
  /** Loaded by the export when a scene wants a corridor (withCorridorBuffer). */
  corridorBuffer?: SceneEnv['corridorBuffer'];
}

/** What an export needs from the live atlas; fails with a clear message while the map is not ready. */
export function exportEnv(catalogue: Catalogue | null, geo: GeoData | null, map: MapController | null, fonts: FontManifest, userLayers: readonly UserLayer[] = []): ExportEnv {
  const baseStyle = map?.styleSnapshot() ?? null;
  if (!catalogue || !geo || !baseStyle) throw new Error('the map is not ready yet');
  return { catalogue, geo, baseStyle, fontStacks: maplibreFontStacks(fonts), tFor, date: new Date(), userLayers };
}

/** The current state with the live view. */
export function currentState(state: AppState, map: MapController | null): AppState {
  return { ...state, view: map?.view() ?? null };
}

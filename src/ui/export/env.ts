/**
 * Glue between the live atlas and the export: the current state and view, the frame the user sees
 * (the map area beside the panel), the live style, the label font stacks, the inset geography.
 */
import type { UserLayer } from '../../domain/user-layers.ts';
import i18next, { type TFunction } from 'i18next';
import type { StyleSpecification } from 'maplibre-gl';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { AppState, Lang } from '../../domain/url-state.ts';
import type { InsetData } from '../../export/furniture.ts';
import type { Bounds, SceneEnv } from '../../export/scene.ts';
import type { GeoData } from '../../map/geodata.ts';
import { loadFontManifest, maplibreFontStacks } from '../../styles/fonts.ts';

export function tFor(lang: Lang): TFunction {
  return i18next.getFixedT(lang);
}

/** The live map's view as an AppState view. */
export function liveView(): AppState['view'] {
  const map = window.__atlas?.map;
  if (!map) return null;
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/**
 * What the user sees: the part of the map not covered by the side panel (right, or at the bottom
 * on narrow screens), as geographic bounds.
 */
export function liveBounds(): Bounds | null {
  const map = window.__atlas?.map;
  if (!map) return null;
  const canvas = map.getCanvas().getBoundingClientRect();
  let right = canvas.width;
  let bottom = canvas.height;
  const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
  if (panel && panel.width > 0 && panel.height > 0) {
    const coversRight = panel.left > canvas.left + canvas.width * 0.4 && panel.height > canvas.height * 0.5;
    const coversBottom = panel.top > canvas.top + canvas.height * 0.3 && panel.width > canvas.width * 0.8;
    if (coversRight) right = Math.max(200, panel.left - canvas.left - 8);
    else if (coversBottom) bottom = Math.max(150, panel.top - canvas.top - 8);
  }
  const sw = map.unproject([0, bottom]);
  const ne = map.unproject([right, 0]);
  return [
    [Math.max(-180, sw.lng), Math.max(-85, sw.lat)],
    [Math.min(180, ne.lng), Math.min(85, ne.lat)],
  ];
}

export function liveStyle(): StyleSpecification | null {
  const map = window.__atlas?.map;
  // `ready` comes with the first quiet frame, after the load's hold is lifted (src/map/basemap/load-hold.ts):
  // before it, its sources may still be loading.
  if (!map || !window.__atlas?.ready || !map.isStyleLoaded()) return null;
  return map.getStyle();
}

let stacks: Promise<SceneEnv['fontStacks']> | null = null;
export function fontStacks(): Promise<SceneEnv['fontStacks']> {
  stacks ??= loadFontManifest().then(maplibreFontStacks);
  return stacks;
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
}

export async function exportEnv(catalogue: Catalogue | null, geo: GeoData | null, userLayers: readonly UserLayer[] = []): Promise<ExportEnv> {
  const baseStyle = liveStyle();
  if (!catalogue || !geo || !baseStyle) throw new Error('the map is not ready yet');
  return { catalogue, geo, baseStyle, fontStacks: await fontStacks(), tFor, date: new Date(), userLayers };
}

/** The current state with the live view. */
export function currentState(state: AppState): AppState {
  return { ...state, view: liveView() };
}

/**
 * The atlas's MapLibre map, created with the basemap style and its first frames held
 * (basemap/load-hold.ts). AtlasMap creates it in its effect; the page's start (main.tsx) may create
 * it earlier, as soon as the geography and the font manifest are in, and hand it over: the map's
 * worker then lays out the basemap while React renders the page, instead of after it.
 */
import { Map as MapLibreMap, addProtocol } from 'maplibre-gl';
import type { Lang, MapView } from '../domain/url-state.ts';
import type { FontManifest } from '../styles/font-manifest.ts';
import { maplibreFontFaces, maplibreFontStacks } from '../styles/fonts.ts';
import { HOME_BOUNDS, MAP_BOUNDS } from '../domain/vocabulary.ts';
import { holdFrames, type LoadHold } from './basemap/load-hold.ts';
import { basemapStyle } from './basemap/style.ts';
import { assetUrl } from '../styles/assets.ts';
import type { LabelCollection } from '../domain/types.ts';

export interface BasemapOptions {
  /** Where the basemap writes the regions' names (the rest of the basemap is in its tiles). */
  labels: LabelCollection;
  fonts: FontManifest;
  lang: Lang;
  initialView: MapView | null | undefined;
  panelInset: { right: number; bottom: number };
  /** The zoom buttons' labels, in the page's language. */
  zoomIn: string;
  zoomOut: string;
}

export interface Basemap {
  map: MapLibreMap;
  hold: LoadHold;
}

/**
 * The basemap tiles' URL template, absolute (MapLibre's worker fetches it); the braces are added
 * after URL resolution, which would escape them. A build with `ATLAS_TILES=pmtiles` (vite.config.ts)
 * has the tiles in one archive instead of a directory: they are read through the `pmtiles` package,
 * whose code is loaded with the first tile (and is not in the bundle of other builds).
 */
export function basemapTilesUrl(): string {
  const archive = typeof __ATLAS_PMTILES__ === 'string' ? __ATLAS_PMTILES__ : null;
  if (!archive) return `${assetUrl('tiles/')}{z}/{x}/{y}.pbf`;
  registerPmtiles();
  return `pmtiles://${assetUrl(archive)}/{z}/{x}/{y}`;
}

let pmtilesRegistered = false;
function registerPmtiles(): void {
  if (pmtilesRegistered) return;
  pmtilesRegistered = true;
  const protocol = import('pmtiles').then(({ Protocol }) => new Protocol());
  addProtocol('pmtiles', async (params, abort) => (await protocol).tile(params, abort));
}

/** Throws what MapLibre throws (no WebGL, a refused context). */
export function createBasemap(container: HTMLElement, o: BasemapOptions): Basemap {
  const stacks = maplibreFontStacks(o.fonts);
  const style = basemapStyle({ data: { labels: o.labels, tiles: basemapTilesUrl() }, lang: o.lang, fontFaces: maplibreFontFaces(o.fonts), fonts: stacks });
  const v = o.initialView;
  const map = new MapLibreMap({
    container,
    style,
    hash: 'map',
    ...(v
      ? { center: [v.lng, v.lat] as [number, number], zoom: v.zoom, bearing: v.bearing, pitch: v.pitch }
      : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: { top: 40, bottom: 40 + o.panelInset.bottom, left: 60, right: 30 + o.panelInset.right } } }),
    minZoom: 2.5,
    maxZoom: 11,
    maxBounds: MAP_BOUNDS,
    // No system font for Chinese: every glyph comes from the style's font-faces.
    localIdeographFontFamily: false,
    attributionControl: false,
    dragRotate: false,
    locale: { 'NavigationControl.ZoomIn': o.zoomIn, 'NavigationControl.ZoomOut': o.zoomOut },
    pitchWithRotate: false,
    // Labels appear at once: a fade repaints for 300 ms, a few hundred ms a frame under software WebGL.
    fadeDuration: 0,
    // The export renders its own map; this one may keep the default buffer.
  });
  // Nothing is drawn until every source has loaded (AtlasMap lifts the hold on 'load').
  return { map, hold: holdFrames(map) };
}

/** A map created before React rendered, waiting for AtlasMap (its container is not in the page's tree yet). */
export interface EarlyBasemap extends Basemap {
  container: HTMLElement;
}

let early: EarlyBasemap | null = null;

export function offerEarlyBasemap(b: EarlyBasemap): void {
  early = b;
}

/** The early map, once: a rebuilt map (after a lost context) is created by AtlasMap itself. */
export function takeEarlyBasemap(): EarlyBasemap | null {
  const b = early;
  early = null;
  return b;
}

/** The early map is not taken (the geography failed and the page shows why instead): let it go. */
export function dropEarlyBasemap(): void {
  const b = takeEarlyBasemap();
  b?.map.remove();
  b?.container.remove();
}

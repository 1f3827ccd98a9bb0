/**
 * The map controller: what the rest of the app may do with the live map, typed, without reaching
 * into MapLibre — read and set the view, fly to a box, the bounds the user sees (beside the panel),
 * a snapshot of the style for exports, the scene it draws now, and what a point on it selects.
 * AtlasMap creates one per MapLibre map and hands it up; React passes it down by context
 * (controller-context.ts), as placemark hands down its PMap.
 */
import type { FeatureCollection } from 'geojson';
import { showMeasure } from './measure-overlay.ts';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { AtlasView } from '../domain/atlas-view.ts';
import type { MapView } from '../domain/url-state.ts';
import { LEGEND_INSET, panelInset } from './panel-inset.ts';
import type { PickTarget } from './themes/index.ts';

export type Bounds = [[number, number], [number, number]];

/** Moments of the map's start, in ms from navigation start (read by the benchmark and the e2e tests). */
export interface MapMarks {
  /** The frames were held until the basemap's sources had loaded (basemap/load-hold.ts). */
  heldLoad: boolean;
  /** The map was created at the page's start, before React rendered (create-basemap.ts). */
  early: boolean;
  /** The first quiet frame of the basemap. */
  idleAt?: number;
  /** The thematic layers MapLibre draws were first set (the style's own: tints, lines, symbols, labels). */
  layersAt?: number;
  /** deck.gl's layers were first set (loaded after the atlas is drawn unless a state needs them sooner). */
  deckLayersAt?: number;
  /** The first quiet frame with the thematic layers drawn. */
  atlasIdleAt?: number;
}

/** What AtlasMap lends the controller: lookups that need its live state. */
export interface MapProbes {
  /** The thematic symbol or line at a canvas point (what a click there selects), or null. */
  pick(x: number, y: number): PickTarget | null;
  /** The region or country a click at a canvas point selects when no symbol is there, or null. */
  regionAt(x: number, y: number): string | null;
}

export class MapController {
  /** Set with the basemap's first quiet frame: from then on the style is complete. */
  ready = false;
  readonly marks: MapMarks;
  /** What the map draws now (null until the catalogue has loaded). */
  scene: AtlasView | null = null;
  probes: MapProbes | null = null;
  /**
   * A tool that takes the map's clicks instead of the selection (the measure tool), with the clicked
   * [longitude, latitude]; null: clicks select as usual.
   */
  clickTool: ((lngLat: [number, number]) => void) | null = null;
  /** deck.gl's overlay, mounted with the basemap's first quiet frame (null before it and after a lost context). */
  overlay: MapLibreOverlay | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    /** The MapLibre map. Only src/map and the hooks module use it directly. */
    readonly map: MapLibreMap,
    marks: Pick<MapMarks, 'heldLoad' | 'early'>,
  ) {
    this.marks = { ...marks };
  }

  /** Tells listeners (the hooks module) that ready, marks or the overlay changed. */
  changed(): void {
    for (const l of this.listeners) l();
  }
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls back each time the map comes to rest after a move (a link to the view follows it). */
  onMoveEnd(listener: () => void): () => void {
    this.map.on('moveend', listener);
    return () => void this.map.off('moveend', listener);
  }

  view(): MapView {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lng: c.lng, bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  /** Moves to a view at once; nothing happens when the map is already there. */
  jumpTo(v: Pick<MapView, 'zoom' | 'lat' | 'lng'> & Partial<MapView>): void {
    const c = this.map.getCenter();
    if (Math.abs(this.map.getZoom() - v.zoom) <= 1e-3 && Math.abs(c.lat - v.lat) <= 1e-4 && Math.abs(c.lng - v.lng) <= 1e-4) return;
    this.map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom, bearing: v.bearing ?? 0, pitch: v.pitch ?? 0 });
  }

  flyTo(v: Pick<MapView, 'zoom' | 'lat' | 'lng'> & Partial<MapView>, duration = 1200): void {
    this.map.flyTo({ center: [v.lng, v.lat], zoom: v.zoom, bearing: v.bearing ?? 0, pitch: v.pitch ?? 0, duration });
  }

  /** The padding that keeps a fitted view clear of the panel and the legend. */
  fitPadding(): { top: number; bottom: number; left: number; right: number } {
    const inset = panelInset();
    return { top: 60, bottom: 60 + inset.bottom, left: 40 + (inset.right > 0 ? LEGEND_INSET : 0), right: 60 + inset.right };
  }

  /** Brings a box into view: fits it, or flies to a point (never closer than maxZoom). */
  fitBox(bbox: [number, number, number, number], maxZoom: number): void {
    const [w, s, e, n] = bbox;
    const padding = this.fitPadding();
    if (w === e && s === n) {
      this.map.flyTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), Math.min(maxZoom, 7)), padding, duration: 800 });
      return;
    }
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding, maxZoom, duration: 800 },
    );
  }

  /** Frames bounds exactly (a presentation's slide), after the map has taken its new size. */
  frame(bounds: Bounds, opts: { padding: number; duration: number }): void {
    this.map.resize();
    this.map.fitBounds(bounds, { ...opts, essential: true });
  }

  /** Whether a box is already well in view (inside the part the panel leaves, and not a speck). */
  shows(bbox: [number, number, number, number]): boolean {
    const [w, s, e, n] = bbox;
    const [[vw, vs], [ve, vn]] = this.visibleBounds();
    const inView = w >= vw && e <= ve && s >= vs && n <= vn;
    const tiny = this.map.project([e, n]).x - this.map.project([w, s]).x < 40 && w !== e;
    return inView && !tiny;
  }

  /** What the user sees: the map's area not covered by the side panel, as geographic bounds. */
  visibleBounds(): Bounds {
    const canvas = this.map.getCanvas().getBoundingClientRect();
    const inset = panelInset();
    const right = inset.right > 0 ? Math.max(200, canvas.width - inset.right) : canvas.width;
    const bottom = inset.bottom > 0 ? Math.max(150, canvas.height - inset.bottom) : canvas.height;
    const sw = this.map.unproject([0, bottom]);
    const ne = this.map.unproject([right, 0]);
    return [
      [Math.max(-180, sw.lng), Math.max(-85, sw.lat)],
      [Math.min(180, ne.lng), Math.min(85, ne.lat)],
    ];
  }

  /** The live style (sources, fonts, colours, choropleth) for an export; null until it is complete. */
  styleSnapshot(): StyleSpecification | null {
    // `ready` comes with the first quiet frame, after the load's hold is lifted. Tiles or the lines'
    // data may load at any time after it; only a style still loading (getStyle throws) says not ready.
    if (!this.ready) return null;
    try {
      return this.map.getStyle();
    } catch {
      return null;
    }
  }

  /** The size of the map's canvas in CSS px. */
  size(): { width: number; height: number } {
    const r = this.map.getCanvas().getBoundingClientRect();
    return { width: r.width, height: r.height };
  }

  /** Hands the map's clicks to a tool (null: back to selecting); a double click then adds points rather than zooming. */
  setClickTool(tool: ((lngLat: [number, number]) => void) | null): void {
    this.clickTool = tool;
    if (tool) this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    if (!tool) this.map.getCanvas().style.cursor = '';
  }

  /** Draws a measurement over the map (null removes it); see measure-overlay.ts. */
  showMeasure(data: FeatureCollection | null): void {
    showMeasure(this.map, data);
  }
}

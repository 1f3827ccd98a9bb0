/**
 * The map: MapLibre with the offline basemap, an interleaved deck.gl overlay, hover and click.
 * React owns the props; the map is driven imperatively (filters, layout properties), never re-created.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, NavigationControl, ScaleControl, type MapMouseEvent } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Lang, MapView } from '../domain/url-state.ts';
import type { FontManifest } from '../styles/font-manifest.ts';
import { maplibreFontFaces, maplibreFontStacks } from '../styles/fonts.ts';
import { HOME_BOUNDS } from './basemap/codes.ts';
import { byCode, byIso3 } from './basemap/filters.ts';
import { HIGHLIGHT_LAYERS, HIT_LAYERS } from './basemap/interaction.ts';
import { LABEL_LAYERS, labelLayers } from './basemap/labels.ts';
import { basemapStyle } from './basemap/style.ts';
import type { GeoData, RegionInfo } from './geodata.ts';
import { mountOverlay } from './overlay.ts';

export interface AtlasHandle {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
}

declare global {
  interface Window {
    /** For tests and the console: the live map and overlay. */
    __atlas?: AtlasHandle & { ready: boolean; idleAt?: number };
  }
}

export interface AtlasMapProps {
  geo: GeoData;
  fonts: FontManifest;
  lang: Lang;
  selected: string | null;
  /** Set when the selection came from outside the map (panel, link): the map brings it into view. */
  focusRequest: { code: string; seq: number } | null;
  initialView: MapView | null;
  /** Right-hand space the side panel takes over the map, in CSS px. */
  panelInset: { right: number; bottom: number };
  onSelect: (code: string | null) => void;
  onHover: (info: RegionInfo | null) => void;
  onError: (message: string) => void;
}

function setRegionFilters(map: MapLibreMap, kind: 'hover' | 'selection', code: string | null, isCountry: boolean) {
  const regionLayers = [...HIGHLIGHT_LAYERS.regionFill, ...HIGHLIGHT_LAYERS.regionLine].filter((id) => id.startsWith(kind));
  const countryLayers = [...HIGHLIGHT_LAYERS.countryFill, ...HIGHLIGHT_LAYERS.countryLine].filter((id) => id.startsWith(kind));
  for (const id of regionLayers) map.setFilter(id, byCode(isCountry ? null : code));
  for (const id of countryLayers) map.setFilter(id, byIso3(isCountry ? code : null));
}

function featureCode(props: Record<string, unknown> | null | undefined): string | null {
  if (!props) return null;
  const code = props.code ?? props.iso3;
  return typeof code === 'string' ? code : null;
}

export function AtlasMap(props: AtlasMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);

  // Create the map once.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { geo, fonts, lang, initialView, panelInset } = latest.current;
    const stacks = maplibreFontStacks(fonts);
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: el,
        style: basemapStyle({ regions: geo.regions, countries: geo.countries, labels: geo.labels, lang, fontFaces: maplibreFontFaces(fonts), fonts: stacks }),
        hash: 'map',
        ...(initialView
          ? { center: [initialView.lng, initialView.lat] as [number, number], zoom: initialView.zoom, bearing: initialView.bearing, pitch: initialView.pitch }
          : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: { top: 40, bottom: 40 + panelInset.bottom, left: 60, right: 30 + panelInset.right } } }),
        minZoom: 2.5,
        maxZoom: 11,
        maxBounds: [
          [55, 5],
          [160, 65],
        ],
        // No system font for Chinese: every glyph comes from the style's font-faces.
        localIdeographFontFamily: false,
        attributionControl: false,
        dragRotate: false,
        locale: { 'NavigationControl.ZoomIn': t('map.zoomIn'), 'NavigationControl.ZoomOut': t('map.zoomOut') },
        pitchWithRotate: false,
      });
    } catch (e) {
      latest.current.onError(e instanceof Error ? e.message : String(e));
      return;
    }
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    const overlay = mountOverlay(map);
    window.__atlas = { map, overlay, ready: false };
    map.once('idle', () => {
      if (!window.__atlas) return;
      window.__atlas.ready = true;
      // Milliseconds from navigation start to the first quiet frame (read by bench/run.ts).
      window.__atlas.idleAt = performance.now();
    });
    map.on('error', (e) => {
      const message = e.error?.message ?? 'unknown error';
      console.warn('[map]', message);
    });

    let hoveredCode: string | null = null;
    let frame = 0;
    let lastMove: MapMouseEvent | null = null;
    const hitAt = (point: MapMouseEvent['point']) => {
      const layers = HIT_LAYERS.filter((id) => map.getLayer(id));
      const hits = map.queryRenderedFeatures(point, { layers });
      // queryRenderedFeatures lists top layers first; pick the most specific by HIT_LAYERS order.
      for (const id of HIT_LAYERS) {
        const f = hits.find((h) => h.layer.id === id);
        const code = featureCode(f?.properties);
        if (code) return code;
      }
      return null;
    };
    const onMove = () => {
      frame = 0;
      const e = lastMove;
      if (!e) return;
      const code = hitAt(e.point);
      const info = code ? (latest.current.geo.byCode.get(code) ?? null) : null;
      if (code !== hoveredCode) {
        hoveredCode = code;
        setRegionFilters(map, 'hover', code, info?.level === 'country');
        map.getCanvas().style.cursor = code ? 'pointer' : '';
        latest.current.onHover(info);
      }
      setTooltip(info ? { x: e.point.x, y: e.point.y, text: latest.current.lang === 'zh' ? info.name_zh : info.name_en } : null);
    };
    map.on('mousemove', (e) => {
      lastMove = e;
      if (!frame) frame = requestAnimationFrame(onMove);
    });
    map.on('mouseout', () => {
      lastMove = null;
      hoveredCode = null;
      setRegionFilters(map, 'hover', null, false);
      map.getCanvas().style.cursor = '';
      setTooltip(null);
      latest.current.onHover(null);
    });
    map.on('click', (e) => {
      latest.current.onSelect(hitAt(e.point));
    });

    return () => {
      if (frame) cancelAnimationFrame(frame);
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      delete window.__atlas;
    };
  }, []);

  // Selection outline.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const info = props.selected ? props.geo.byCode.get(props.selected) : undefined;
    const apply = () => setRegionFilters(map, 'selection', props.selected, info?.level === 'country');
    if (map.isStyleLoaded()) apply();
    else map.once('styledata', apply);
  }, [props.selected, props.geo]);

  // Bring a region chosen outside the map into view (when it is not already well in view).
  useEffect(() => {
    const map = mapRef.current;
    const req = props.focusRequest;
    if (!map || !req) return;
    const info = props.geo.byCode.get(req.code);
    if (!info) return;
    const [w, s, e, n] = info.bbox;
    const view = map.getBounds();
    const inView = view.contains([w, s]) && view.contains([e, n]);
    const tiny = map.project([e, n]).x - map.project([w, s]).x < 40;
    if (inView && !tiny) return;
    const { panelInset } = latest.current;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: { top: 60, bottom: 60 + panelInset.bottom, left: 80, right: 60 + panelInset.right }, maxZoom: info.level === 'county' ? 8.5 : 7, duration: 800 },
    );
  }, [props.focusRequest, props.geo]);

  // Language: swap the label text and typography.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const stacks = maplibreFontStacks(latest.current.fonts);
      for (const layer of labelLayers(props.lang, stacks)) {
        if (!map.getLayer(layer.id) || layer.type !== 'symbol') continue;
        for (const [key, value] of Object.entries(layer.layout ?? {})) {
          map.setLayoutProperty(layer.id, key as Parameters<MapLibreMap['setLayoutProperty']>[1], value);
        }
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('styledata', apply);
    setTooltip(null);
    // MapLibre reads its control labels once; relabel the zoom buttons in the new language.
    for (const [selector, key] of [
      ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
      ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
    ] as const) {
      const button = map.getContainer().querySelector<HTMLButtonElement>(selector);
      if (!button) continue;
      button.title = t(key);
      button.setAttribute('aria-label', t(key));
    }
  }, [props.lang, t]);

  return (
    <div className="atlas-map" role="region" aria-label={t('map.label')}>
      <div ref={container} className="atlas-map__canvas" data-label-layers={LABEL_LAYERS.join(' ')} />
      {tooltip && (
        <div className="atlas-map__tooltip" style={{ transform: `translate(${tooltip.x + 14}px, ${tooltip.y + 12}px)` }} aria-hidden="true">
          {tooltip.text}
        </div>
      )}
    </div>
  );
}

/**
 * The map: MapLibre with the offline basemap and the plan's area tints and lines, the thematic
 * symbols and labels of deck.gl interleaved in the same canvas, the choropleth, hover and click.
 * The map is usually created at the page's start and taken over here (create-basemap.ts).
 * React owns the props; the map is driven imperatively (filters, layout properties, overlay props),
 * re-created only after a lost WebGL context. Clicks go to the thematic symbol under the pointer first (a project, or a
 * place with its projects), then to the region.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationControl, ScaleControl, type GeoJSONSource, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { AtlasView } from '../domain/atlas-view.ts';
import type { Catalogue } from '../domain/catalogue.ts';
import type { Lang, MapView } from '../domain/url-state.ts';
import type { FontManifest } from '../styles/font-manifest.ts';
import { maplibreFontStacks } from '../styles/fonts.ts';
import { choroplethData } from './basemap/choropleth.ts';
import { highlightData, regionHitTest, type RegionHitTest } from './basemap/interaction.ts';
import { LABEL_LAYERS, labelLayers } from './basemap/labels.ts';
import { holdUntilTilesLoaded } from './basemap/load-hold.ts';
import { THEMATIC_BEFORE_ID } from './basemap/style.ts';
import { PALETTE } from './basemap/palette.ts';
import { SOURCE } from './basemap/sources.ts';
import { afterPaint } from './after-paint.ts';
import { deferEmptyGestureRepaints } from './click-repaint.ts';
import { forgetGpuDevice, watchContextLoss } from './context-loss.ts';
import { MapController } from './controller.ts';
import { createBasemap, takeEarlyBasemap, type Basemap } from './create-basemap.ts';
import type { GeoData, RegionInfo } from './geodata.ts';
import { loadDeck, type DeckDrawing } from './load-deck.ts';
import { panelInset } from './panel-inset.ts';
import { layerContext, pickAt, preparePicking, type PickTarget, type Projector } from './themes/index.ts';
import { applyStyleThemes, styleThemes } from './themes/style-themes.ts';
import { provideThemeIcons } from './themes/symbol-layers.ts';
import { deckDraws } from './themes/deck-needs.ts';
import { THEME_AREAS } from './themes/area-style.ts';
import { whenIdleAfterFrames } from './when-idle.ts';
import type { UserLayer } from '../domain/user-layers.ts';

/** A request to bring a box into view (selection from the panel, search, a link). */
export interface FocusRequest {
  bbox: [number, number, number, number];
  maxZoom: number;
  /** Fly even when the box is already in view (a project the user asked to zoom to). */
  force?: boolean;
  seq: number;
}

export interface ChoroplethPaint {
  /** Region code → fill colour (regions absent stay unshaded). */
  colours: Map<string, string>;
}

export interface HoverInfo {
  x: number;
  y: number;
  text: string;
  sub?: string;
}

export interface AtlasMapProps {
  geo: GeoData;
  fonts: FontManifest;
  lang: Lang;
  /** Region (or country) whose outline is drawn. */
  selectedRegion: string | null;
  focusRequest: FocusRequest | null;
  initialView: MapView | null;
  catalogue: Catalogue | null;
  /** What the state draws (src/domain/atlas-view.ts); null until the catalogue has loaded. */
  view: AtlasView | null;
  choropleth: ChoroplethPaint | null;
  /** The map's controller, once the map exists (null when it goes, e.g. before a rebuild). */
  onController: (controller: MapController | null) => void;
  onSelectRegion: (code: string | null) => void;
  onPick: (target: PickTarget) => void;
  /** Text for the tooltip of a thematic symbol. */
  describe: (target: PickTarget) => { text: string; sub?: string } | null;
  onHover: (info: RegionInfo | null) => void;
  onError: (message: string) => void;
  /** deck.gl's chunk did not load (why): the thematic layers are not drawn; the basemap and panels work. */
  onThemesUnavailable?: (message: string) => void;
  /** Imported layers (src/ui/import): drawn above the themes, those in `visible`. */
  userLayers?: { layers: readonly UserLayer[]; visible: ReadonlySet<string> };
  /** Imported layers: tooltip text of the feature at a canvas point (clicks still select the region). */
  describeAt?: (project: Projector, x: number, y: number) => { text: string; sub?: string } | null;
}

/** What each map's highlight source holds now: "selection|hover" codes. */
const highlightShown = new WeakMap<MapLibreMap, string>();

/**
 * Draws the selected and the hovered region or country (codes; null for none). Only a change is
 * sent: each setData makes MapLibre tile the source again and draw a frame.
 */
function setHighlight(map: MapLibreMap, geo: GeoData, selection: string | null, hover: string | null) {
  const key = `${selection ?? ''}|${hover ?? ''}`;
  if ((highlightShown.get(map) ?? '|') === key) return;
  const source = map.getSource<GeoJSONSource>(SOURCE.highlight);
  if (!source) return;
  highlightShown.set(map, key);
  source.setData(highlightData(selection, hover, geo.shapes));
}

/** How far from a tap (CSS px) a symbol or line is still what it meant. */
const TAP_RADIUS = 10;

/** Zooms at which the thematic layers change (labels appear); the overlay is rebuilt only when one is crossed. */
const LABEL_ZOOMS = [5, 6.5, 7.5];
function zoomStep(zoom: number): number {
  let z = 4;
  for (const t of LABEL_ZOOMS) if (zoom >= t) z = t;
  return z;
}

export function AtlasMap(props: AtlasMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const controllerRef = useRef<MapController | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  /** deck.gl's drawing code, once loaded (load-deck.ts). */
  const deckRef = useRef<DeckDrawing | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [tooltip, setTooltip] = useState<HoverInfo | null>(null);
  const [zoom, setZoom] = useState(() => zoomStep(props.initialView?.zoom ?? 4));
  const [styleReady, setStyleReady] = useState(false);
  // The map whose style's sources exist (before they have loaded): the themes' data can be set. The
  // map itself, not a flag: a rebuilt map's "not yet" and "set" may reach React in one batch.
  const [styledMap, setStyledMap] = useState<MapLibreMap | null>(null);
  /** Loads deck.gl's code and mounts its overlay (once per map); set by the map's effect. */
  const mountDeck = useRef<(() => void) | null>(null);
  /** Stamps the whole atlas drawn once everything it needs is set; set by the map's effect. */
  const checkAtlas = useRef<(() => void) | null>(null);
  // The basemap's first quiet frame: the thematic layers wait for it (see below).
  const [basemapShown, setBasemapShown] = useState(false);
  // WebGL context loss (context-loss.ts): `build` counts map rebuilds (the "reload map" button),
  // `overlayBuild` deck.gl overlays mounted on a restored context; `glLost` what the user is told.
  const [build, setBuild] = useState(0);
  const [overlayBuild, setOverlayBuild] = useState(0);
  const [glLost, setGlLost] = useState<'lost' | 'stuck' | null>(null);
  const contextLost = useRef(false);
  /** The view of the map being rebuilt, for the next one. */
  const resumeView = useRef<MapView | null>(null);
  /** The region or country outlined as selected and as hovered (codes), drawn by setHighlight. */
  const highlighted = useRef<{ selection: string | null; hover: string | null }>({ selection: null, hover: null });
  /** Whether the choropleth source of the current map holds shaded regions. */
  const choroplethShown = useRef(false);

  // Create the map (once, and again only when the user rebuilds it after a lost context).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { geo, fonts, lang } = latest.current;
    const initialView = resumeView.current ?? latest.current.initialView;
    contextLost.current = false;
    setGlLost(null);
    setStyleReady(false);
    setStyledMap(null);
    setBasemapShown(false);
    let basemap: Basemap;
    const early = takeEarlyBasemap();
    let earlyContainer: HTMLElement | null = null;
    if (early) {
      // Created by the page's start on a container of its own: it joins the page here.
      earlyContainer = early.container;
      earlyContainer.style.visibility = '';
      el.appendChild(earlyContainer);
      basemap = early;
      basemap.map.resize();
    } else {
      try {
        basemap = createBasemap(el, { labels: geo.labels, fonts, lang, initialView, panelInset: panelInset(), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
      } catch (e) {
        latest.current.onError(e instanceof Error ? e.message : String(e));
        return;
      }
    }
    const { map, hold } = basemap;
    mapRef.current = map;
    // A click's panel paints before the map redraws (see click-repaint.ts).
    const stopDeferringClickRepaints = deferEmptyGestureRepaints(map);
    const stopProvidingIcons = provideThemeIcons(map);
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    // deck.gl's code and overlay come in idle time once the whole atlas is drawn (or at once for a
    // state that needs them): the first view draws nothing with deck.gl, and set up at the map's
    // creation its device queried the WebGL context and its animation loop ran every frame.
    let overlay: MapLibreOverlay | null = null;
    let removed = false;
    let mounting = false;
    const mountThemes = () => {
      if (mounting || overlay) return;
      mounting = true;
      loadDeck().then(
        (deck) => {
          mounting = false; // a restored context mounts a new overlay
          if (removed || overlay || contextLost.current) return;
          deckRef.current = deck;
          overlay = deck.mountOverlay(map);
          overlayRef.current = overlay;
          controller.overlay = overlay;
          controller.changed();
          setOverlayBuild((n) => n + 1); // sets the thematic layers on it
        },
        // The basemap, the panels and the search keep working; the notice offers a reload (the
        // link holds the view and the state).
        (e: unknown) => {
          mounting = false;
          if (!removed) latest.current.onThemesUnavailable?.(e instanceof Error ? e.message : String(e));
        },
      );
    };
    const controller = new MapController(map, { heldLoad: hold.held, early: early !== null });
    controllerRef.current = controller;
    const stopWatchingContext = watchContextLoss(map, {
      onLost: () => {
        contextLost.current = true;
        overlay?.finalize(); // its GPU resources went with the context
        overlay = null;
        overlayRef.current = null;
        controller.overlay = null;
        // Before MapLibre sets up its painter again on restore, not after: luma's stale state
        // cache would otherwise swallow part of MapLibre's set-up (labels went missing).
        forgetGpuDevice(map);
        setGlLost('lost');
      },
      onRestored: () => {
        contextLost.current = false;
        mountThemes(); // and sets the thematic layers on the new overlay
        setGlLost(null);
      },
      onStuck: () => setGlLost('stuck'),
    });
    // The basemap appears whole, in one frame, when all its sources have loaded (./basemap/load-hold.ts);
    // nothing is drawn before. 'load' comes once every source has loaded: MapLibre fades no labels in
    // until its first idle, so the lifted frame is the finished one. The first quiet frame is the
    // first 'idle' after that drawn frame: MapLibre may also call the held frame that fired 'load'
    // idle (when nothing else changed), though it drew nothing. That frame's 'render' has passed, so
    // the next 'render' is the drawn frame's.
    const onLoad = () => {
      hold.lift();
      map.once('render', () => map.once('idle', onFirstQuietFrame));
    };
    // An early map (create-basemap.ts) could in principle have loaded before it joined the page.
    if (map.loaded()) onLoad();
    else map.once('load', onLoad);
    // What the pointer is over: an index of the regions' boxes, built just after the basemap's first
    // quiet frame (or by a pointer event before it), not in the load's critical path.
    let hitTest: RegionHitTest | null = null;
    const buildHitTest = () => regionHitTest(latest.current.geo.regions.features, latest.current.geo.countries.features);
    const onFirstQuietFrame = () => {
      // In a task of its own, after the first quiet frame has been stamped and shown.
      window.setTimeout(() => (hitTest ??= buildHitTest()), 0);
      controller.ready = true;
      controller.marks.idleAt = performance.now();
      controller.changed();
      if (deckNeeded()) mountThemes();
      stampAtlas();
      setBasemapShown(true);
    };
    const deckNeeded = () => {
      const { catalogue, view, userLayers } = latest.current;
      return !contextLost.current && catalogue != null && view != null && deckDraws(layerContext(view, catalogue, 5), view.layers, (userLayers?.visible.size ?? 0) > 0);
    };
    // The whole atlas is drawn at the first quiet frame after the style's themes and, when the state
    // needs them, deck.gl's layers are set. deck.gl's code is then loaded in idle time, ready for the
    // first selection.
    let atlasPending = false;
    const stampAtlas = () => {
      const m = controller.marks;
      if (m.atlasIdleAt != null || atlasPending || m.idleAt == null || m.layersAt == null) return;
      if (m.deckLayersAt == null && deckNeeded()) return;
      atlasPending = true;
      const done = (at: number) => {
        m.atlasIdleAt = at;
        controller.changed();
        whenIdleAfterFrames(1, mountThemes);
      };
      // Set before the first quiet frame, the themes were drawn in it: the held load waits for their sources.
      if (m.layersAt < m.idleAt && m.deckLayersAt == null) done(m.idleAt);
      else {
        map.once('idle', () => done(performance.now()));
        map.triggerRepaint();
      }
    };
    mountDeck.current = mountThemes;
    checkAtlas.current = stampAtlas;
    map.on('error', (e) => {
      const message = e.error?.message ?? 'unknown error';
      console.warn('[map]', message);
    });
    const onStyle = () => setStyleReady(true);
    if (map.isStyleLoaded()) onStyle();
    else map.once('load', onStyle);
    if (map.style && map.getSource(THEME_AREAS.source)) setStyledMap(map);
    else map.once('style.load', () => setStyledMap(map));
    map.on('zoomend', () => setZoom(zoomStep(map.getZoom())));

    highlighted.current.hover = null;
    choroplethShown.current = false;
    let frame = 0;
    let lastMove: MapMouseEvent | null = null;
    const regionAt = (point: { x: number; y: number }) => {
      const { lng, lat } = map.unproject([point.x, point.y]);
      hitTest ??= buildHitTest();
      return hitTest(lng, lat, map.getZoom());
    };
    const project = (ll: [number, number]) => map.project(ll);
    const unproject = (x: number, y: number): [number, number] => {
      const ll = map.unproject([x, y]);
      return [ll.lng, ll.lat];
    };
    const themeAt = (point: { x: number; y: number }, radius = 4): PickTarget | null => {
      const { catalogue, view } = latest.current;
      if (!catalogue || !view) return null;
      return pickAt({ catalogue, filters: view.filters, scale: 1 }, view.layers, project, point.x, point.y, radius, unproject);
    };
    controller.probes = { pick: (x, y) => themeAt({ x, y }), regionAt: (x, y) => regionAt({ x, y }) };
    latest.current.onController(controller);
    const onMove = () => {
      frame = 0;
      const e = lastMove;
      if (!e) return;
      if (controller.clickTool) {
        map.getCanvas().style.cursor = 'crosshair';
        setTooltip(null);
        return;
      }
      const target = themeAt(e.point);
      const extra = target ? null : (latest.current.describeAt?.(project, e.point.x, e.point.y) ?? null);
      const code = target ? null : regionAt(e.point);
      const info = code ? (latest.current.geo.byCode.get(code) ?? null) : null;
      if (code !== highlighted.current.hover) {
        highlighted.current.hover = code;
        setHighlight(map, latest.current.geo, highlighted.current.selection, code);
        latest.current.onHover(info);
      }
      map.getCanvas().style.cursor = target || extra || code ? 'pointer' : '';
      if (target) {
        const d = latest.current.describe(target);
        setTooltip(d ? { x: e.point.x, y: e.point.y, ...d } : null);
      } else if (extra) setTooltip({ x: e.point.x, y: e.point.y, ...extra });
      else setTooltip(info ? { x: e.point.x, y: e.point.y, text: latest.current.lang === 'zh' ? info.name_zh : info.name_en } : null);
    };
    map.on('mousemove', (e) => {
      lastMove = e;
      if (!frame) frame = requestAnimationFrame(onMove);
    });
    map.on('mouseout', () => {
      lastMove = null;
      if (highlighted.current.hover !== null) {
        highlighted.current.hover = null;
        setHighlight(map, latest.current.geo, highlighted.current.selection, null);
      }
      map.getCanvas().style.cursor = '';
      setTooltip(null);
      latest.current.onHover(null);
    });
    map.on('click', (e) => {
      // A tool that takes clicks (the measure tool) gets them instead of the selection.
      if (controller.clickTool) {
        controller.clickTool([e.lngLat.lng, e.lngLat.lat]);
        return;
      }
      // A fingertip covers more than a pointer's tip: a tap looks a little further for a symbol or line.
      const touch = (e.originalEvent as PointerEvent | undefined)?.pointerType === 'touch';
      const target = themeAt(e.point, touch ? TAP_RADIUS : 4);
      if (target) latest.current.onPick(target);
      else latest.current.onSelectRegion(regionAt(e.point));
    });

    return () => {
      if (frame) cancelAnimationFrame(frame);
      stopWatchingContext();
      stopDeferringClickRepaints();
      stopProvidingIcons();
      const c = map.getCenter();
      resumeView.current = { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
      removed = true;
      overlay?.finalize();
      map.remove();
      earlyContainer?.remove();
      mapRef.current = null;
      overlayRef.current = null;
      controllerRef.current = null;
      latest.current.onController(null);
    };
  }, [build]);

  // Thematic layers, rebuilt from the state. A click first shows its answer in the panel, and the map
  // (whose frame costs more, above all under software WebGL) follows in the frame after (afterPaint).
  const { catalogue, view, userLayers } = props;
  // deck.gl's layers (a selection's halo, the corridor, imported layers; deck.gl diffs them by id).
  // Declared before the style's themes: in one frame deck.gl's layers are set first, as deck.gl
  // places a new group of layers only while the style is loaded, which new source data ends.
  useEffect(() => {
    const map = mapRef.current;
    const controller = controllerRef.current;
    if (!map || !controller || !catalogue || !view || !basemapShown || contextLost.current) return;
    const overlay = overlayRef.current;
    const deck = deckRef.current;
    if (!overlay || !deck) {
      // deck.gl's code comes in idle time once the atlas is drawn; a state that needs it asks now.
      if (deckDraws(layerContext(view, catalogue, zoom), view.layers, (userLayers?.visible.size ?? 0) > 0)) mountDeck.current?.();
      return;
    }
    return afterPaint(() => {
      if (overlayRef.current !== overlay || contextLost.current) return;
      const ctx = layerContext(view, catalogue, zoom, { beforeId: THEMATIC_BEFORE_ID });
      const user = userLayers ? deck.buildUserLayers(userLayers.layers, userLayers.visible, { scale: 1, beforeId: THEMATIC_BEFORE_ID }) : [];
      overlay.setProps({ layers: [...deck.buildThemeLayers(ctx, view.layers), ...user] });
      controller.marks.deckLayersAt ??= performance.now();
      checkAtlas.current?.();
      controller.changed();
    });
  }, [catalogue, view, zoom, basemapShown, overlayBuild, userLayers]);

  // The style's own thematic layers: area tints, lines, symbols, labels (style-themes.ts). Set as soon
  // as the style's sources exist: before the basemap's first frame, the held load waits for them too,
  // and that frame shows the whole atlas.
  useEffect(() => {
    const map = mapRef.current;
    const controller = controllerRef.current;
    if (!map || map !== styledMap || !controller || !catalogue || !view || contextLost.current) return;
    controller.scene = view;
    const apply = () => {
      if (mapRef.current !== map || contextLost.current) return;
      applyStyleThemes(map, styleThemes(layerContext(view, catalogue, zoom), view.layers));
      controller.marks.layersAt ??= performance.now();
      checkAtlas.current?.();
      controller.changed();
    };
    if (!controller.ready) {
      apply();
      return;
    }
    return afterPaint(apply);
  }, [catalogue, view, zoom, styledMap]);

  // What a click on the map looks up among the thematic symbols and lines (their pick grids), built
  // when the browser is idle after the basemap's first quiet frame, not by the first click.
  useEffect(() => {
    if (!catalogue || !view || !basemapShown) return;
    return whenIdleAfterFrames(0, () => preparePicking({ catalogue, filters: view.filters }, view.layers));
  }, [catalogue, view?.filters, view?.layers, basemapShown]); // eslint-disable-line react-hooks/exhaustive-deps

  // Choropleth: its own small source (src/map/basemap/choropleth.ts), empty while it is off.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const colours = props.choropleth?.colours ?? new Map<string, string>();
    // The source starts empty: nothing to send while the choropleth stays off.
    if (colours.size === 0 && !choroplethShown.current) return;
    choroplethShown.current = colours.size > 0;
    map.getSource<GeoJSONSource>(SOURCE.choropleth)?.setData(choroplethData(latest.current.geo.regions, colours));
  }, [props.choropleth, styleReady, build]);

  // Selection outline.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const info = props.selectedRegion ? props.geo.byCode.get(props.selectedRegion) : undefined;
    const apply = () => {
      highlighted.current.selection = info ? props.selectedRegion : null;
      setHighlight(map, props.geo, highlighted.current.selection, highlighted.current.hover);
    };
    // Wait for the style's sources, not for `isStyleLoaded()`: that is also false while tiles load
    // (after a zoom), and the 'styledata' it waited for then never came, so the outline stayed on
    // the previous region.
    if (!map.getSource(SOURCE.highlight)) {
      map.once('load', apply);
      return () => void map.off('load', apply);
    }
    return afterPaint(apply);
  }, [props.selectedRegion, props.geo, build]);

  // Bring a box chosen outside the map into view (when it is not already well in view).
  useEffect(() => {
    const controller = controllerRef.current;
    const req = props.focusRequest;
    if (!controller || !req) return;
    if (!req.force && controller.shows(req.bbox)) return;
    controller.fitBox(req.bbox, req.maxZoom);
  }, [props.focusRequest]);

  // Language: swap the label text and typography.
  const labelsLang = useRef<Lang | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      // A new language on a drawn map: one frame once the names are laid out again, not one per tile.
      if (labelsLang.current != null && labelsLang.current !== props.lang) holdUntilTilesLoaded(map);
      labelsLang.current = props.lang;
      const stacks = maplibreFontStacks(latest.current.fonts);
      for (const layer of labelLayers(props.lang, stacks)) {
        if (!map.getLayer(layer.id) || layer.type !== 'symbol') continue;
        for (const [key, value] of Object.entries(layer.layout ?? {})) {
          map.setLayoutProperty(layer.id, key as Parameters<MapLibreMap['setLayoutProperty']>[1], value);
        }
      }
    };
    // As for the outline: the label layers exist once the style has loaded, tiles or not.
    if (map.getLayer(LABEL_LAYERS[0])) apply();
    else map.once('load', apply);
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
  }, [props.lang, t, build]);

  return (
    <div className="atlas-map" role="region" aria-label={t('map.label')}>
      {/* The sea's colour shows until the map's first frame (drawing is held until the basemap has loaded). */}
      <div ref={container} className="atlas-map__canvas" style={{ background: PALETTE.sea }} data-label-layers={LABEL_LAYERS.join(' ')} data-gl={glLost ?? 'ok'} />
      {!basemapShown && !glLost && (
        <div className="map-message map-message--loading" role="status" data-testid="map-drawing">
          <p>{t('map.loading')}</p>
        </div>
      )}
      {glLost === 'stuck' && (
        <div className="map-message map-message--alert" role="alert" data-testid="map-context-lost">
          <h2>{t('map.contextLost')}</h2>
          <p>{t('map.contextLostDetail')}</p>
          <button type="button" className="map-message__action" onClick={() => setBuild((n) => n + 1)} data-testid="map-reload">
            {t('map.reloadMap')}
          </button>
        </div>
      )}
      {tooltip && (
        <div className="atlas-map__tooltip" style={{ transform: `translate(${tooltip.x + 14}px, ${tooltip.y + 12}px)` }} aria-hidden="true" data-testid="map-tooltip">
          <span className="atlas-map__tooltip-main">{tooltip.text}</span>
          {tooltip.sub && <span className="atlas-map__tooltip-sub">{tooltip.sub}</span>}
        </div>
      )}
    </div>
  );
}

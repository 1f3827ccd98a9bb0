/**
 * The export map: a second MapLibre map with its own interleaved deck.gl overlay, hidden off screen,
 * that renders a view at the output's pixel size. Its container has the map frame's size in CSS px
 * and its pixel ratio is output px / CSS px, so the basemap, the labels and the deck.gl layers are
 * drawn at the target resolution (not an upscaled screenshot) with the same proportions as on
 * screen. The on-screen map is never touched: this map gets a copy of its style and layers built
 * from the same theme definitions.
 *
 * The map is kept alive between exports (a fresh one costs 10–14 s under SwiftShader at 3840×2160,
 * a reused one about 1.5 s). MapLibre silently lowers the pixel ratio when the canvas would exceed
 * `maxCanvasSize`, and WebGL may give a smaller drawing buffer than asked: both are checked after
 * every render, and `limits()` tells the dialog beforehand what the browser can hold.
 */
import type { Layer } from '@deck.gl/core';
import type { Deck } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { loadDeck, type DeckDrawing } from '../map/load-deck.ts';
import { applyStyleThemes, forgetStyleThemes, type StyleThemes } from '../map/themes/style-themes.ts';
import { provideThemeIcons } from '../map/themes/symbol-layers.ts';
import { Map as MapLibreMap, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';

/** SwiftShader's canvas limit; GPUs often allow 16384, but 8192 is safe everywhere. */
export const HARD_CANVAS_CAP = 8192;

export interface MapView {
  center: [number, number];
  zoom: number;
  bearing?: number;
}

export interface MapShot {
  style: StyleSpecification;
  /** deck.gl layers for the final zoom (labels depend on it), built with deck.gl's drawing code. */
  layers: (deck: DeckDrawing, zoom: number) => Layer[];
  /** The area tints and the plan's lines (MapLibre layers of the style) at the final zoom. */
  styleThemes: (zoom: number) => StyleThemes;
  /** Map frame in CSS px. */
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
  /** Fit these bounds ([[w, s], [e, n]]) … */
  bounds?: [[number, number], [number, number]];
  /** … or show this view. */
  view?: MapView;
  /** Padding in CSS px when fitting bounds. */
  padding?: number;
}

export interface MapImage {
  /** The rendered pixels, RGBA, top row first. */
  pixels: ImageData;
  width: number;
  height: number;
  zoom: number;
  center: [number, number];
  /** [[w, s], [e, n]] of what the frame shows. */
  bounds: [[number, number], [number, number]];
  /** Metres per CSS px at the centre latitude. */
  metresPerCssPx: number;
  ms: number;
}

export interface CanvasLimits {
  /** Largest canvas side the export map can render, in device px. */
  maxSide: number;
  maxTextureSize: number;
  maxRenderbufferSize: number;
  maxViewport: [number, number];
}

export class CanvasLimitError extends Error {
  constructor(
    readonly asked: { width: number; height: number },
    readonly got: { width: number; height: number },
    readonly limits: CanvasLimits,
  ) {
    super(`The browser rendered the map at ${got.width}×${got.height} px instead of ${asked.width}×${asked.height} px (largest canvas side ${limits.maxSide} px).`);
    this.name = 'CanvasLimitError';
  }
}

function deckOf(overlay: MapLibreOverlay): Deck | undefined {
  return (overlay as unknown as { _deck?: Deck })._deck;
}

type CanvasContextLike = { setDrawingBufferSize(w: number, h: number): void; drawingBufferWidth: number; drawingBufferHeight: number; cssWidth: number; cssHeight: number };

function canvasContextOf(overlay: MapLibreOverlay): CanvasContextLike | undefined {
  return (deckOf(overlay) as unknown as { device?: { canvasContext?: CanvasContextLike } } | undefined)?.device?.canvasContext;
}

/**
 * deck.gl's device (luma.gl) keeps its own idea of the drawing buffer's size and writes it back to
 * the canvas before it draws: after MapLibre resizes the shared canvas, tell it the new size, or it
 * shrinks the canvas back to the size it saw first.
 */
function syncDeckCanvas(map: MapLibreMap, overlay: MapLibreOverlay): void {
  const cc = canvasContextOf(overlay);
  const canvas = map.getCanvas();
  if (cc) cc.setDrawingBufferSize(canvas.width, canvas.height);
}

/** The drawing buffer as ImageData (WebGL's rows are bottom-up: flipped here). */
function readPixels(gl: WebGL2RenderingContext, width: number, height: number): ImageData {
  const buf = new Uint8ClampedArray(width * height * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, buf);
  const row = width * 4;
  const tmp = new Uint8ClampedArray(row);
  for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
    const a = top * row;
    const b = bottom * row;
    tmp.set(buf.subarray(a, a + row));
    buf.copyWithin(a, b, b + row);
    buf.set(tmp, b);
  }
  return new ImageData(buf, width, height);
}

/** True when a sample of the pixels has (almost) one colour or no opacity: a failed render. */
export function looksBlank(img: ImageData): boolean {
  const { data } = img;
  const n = img.width * img.height;
  const step = Math.max(1, Math.floor(n / 20000));
  const colours = new Set<number>();
  let opaque = 0;
  let seen = 0;
  for (let i = 0; i < n; i += step) {
    const o = i * 4;
    seen++;
    if (data[o + 3]! > 200) opaque++;
    if (colours.size < 16) colours.add((data[o]! << 16) | (data[o + 1]! << 8) | data[o + 2]!);
  }
  return colours.size < 4 || opaque < seen * 0.9;
}

function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function settle(map: MapLibreMap, overlay: MapLibreOverlay, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  await idle(map);
  // deck.gl loads some resources asynchronously (icon atlas, font atlas): wait until every layer
  // says it is loaded, then render one more quiet frame so the canvas holds them.
  for (;;) {
    const deck = deckOf(overlay);
    const layers = (deck as unknown as { layerManager?: { getLayers(): Layer[] } } | undefined)?.layerManager?.getLayers() ?? [];
    if (layers.every((l) => l.isLoaded)) break;
    if (performance.now() - start > timeoutMs) throw new Error('deck.gl layers did not finish loading');
    await new Promise((r) => setTimeout(r, 30));
  }
  await idle(map);
}

export class ExportMap {
  private map: MapLibreMap | null = null;
  private overlay: MapLibreOverlay | null = null;
  private container: HTMLDivElement | null = null;
  private styleKey: StyleSpecification | null = null;
  private firstLoad: Promise<void> = Promise.resolve();
  private queue: Promise<unknown> = Promise.resolve();
  private cachedLimits: CanvasLimits | null = null;

  /** Creates the hidden map (once). */
  private ensure(deck: DeckDrawing, style: StyleSpecification, cssWidth: number, cssHeight: number, pixelRatio: number): MapLibreMap {
    if (this.map) return this.map;
    const el = document.createElement('div');
    el.className = 'export-map';
    el.setAttribute('aria-hidden', 'true');
    // Off screen but laid out (MapLibre reads its size); not display:none.
    Object.assign(el.style, { position: 'fixed', left: '-20000px', top: '0px', width: `${cssWidth}px`, height: `${cssHeight}px`, pointerEvents: 'none' });
    document.body.appendChild(el);
    this.container = el;
    const map = new MapLibreMap({
      container: el,
      style,
      interactive: false,
      attributionControl: false,
      pixelRatio,
      maxCanvasSize: [HARD_CANVAS_CAP, HARD_CANVAS_CAP],
      fadeDuration: 0,
      localIdeographFontFamily: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
      minZoom: 0,
      maxZoom: 14,
      renderWorldCopies: false,
      center: [112, 44],
      zoom: 4,
    });
    map.on('error', (e) => console.warn('[export map]', e.error?.message ?? e));
    provideThemeIcons(map); // for as long as the map lives
    map.getCanvas().addEventListener('webglcontextlost', () => console.warn('[export map] WebGL context lost'));
    const overlay = deck.mountOverlay(map);
    this.map = map;
    this.overlay = overlay;
    this.styleKey = style;
    this.firstLoad = new Promise<void>((r) => map.once('load', () => r()));
    return map;
  }

  /** What this browser's WebGL can hold (from the export map's own context). */
  async limits(style: StyleSpecification): Promise<CanvasLimits> {
    if (this.cachedLimits) return this.cachedLimits;
    this.ensure(await loadDeck(), style, 400, 300, 1);
    const map = this.map!;
    await this.firstLoad;
    const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext | null;
    const maxTextureSize = gl ? (gl.getParameter(gl.MAX_TEXTURE_SIZE) as number) : 4096;
    const maxRenderbufferSize = gl ? (gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number) : 4096;
    const vp = gl ? (gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array) : new Int32Array([4096, 4096]);
    const maxViewport: [number, number] = [vp[0]!, vp[1]!];
    const maxSide = Math.min(HARD_CANVAS_CAP, maxTextureSize, maxRenderbufferSize, maxViewport[0], maxViewport[1]);
    this.cachedLimits = { maxSide, maxTextureSize, maxRenderbufferSize, maxViewport };
    return this.cachedLimits;
  }

  /** Renders one shot; calls are queued (one export map, one frame at a time). */
  render(shot: MapShot): Promise<MapImage> {
    const run = this.queue.then(() => this.renderNow(shot));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(shot: MapShot): Promise<MapImage> {
    const t0 = performance.now();
    const deck = await loadDeck();
    const map = this.ensure(deck, shot.style, shot.cssWidth, shot.cssHeight, shot.pixelRatio);
    const overlay = this.overlay!;
    const el = this.container!;
    el.style.width = `${shot.cssWidth}px`;
    el.style.height = `${shot.cssHeight}px`;
    if (map.getPixelRatio() !== shot.pixelRatio) map.setPixelRatio(shot.pixelRatio);
    map.resize();
    syncDeckCanvas(map, overlay);
    await this.firstLoad;
    if (this.styleKey !== shot.style) {
      // A diff when it can (labels' language, selection outline, choropleth), a full reload otherwise.
      map.setStyle(shot.style, { diff: true });
      forgetStyleThemes(map);
      this.styleKey = shot.style;
    }
    // A diff applies at once; a reload loads the new style first (no event covers both: poll).
    for (const start = performance.now(); !map.isStyleLoaded(); ) {
      if (performance.now() - start > 60_000) throw new Error('the export map did not load its style');
      await new Promise((r) => setTimeout(r, 40));
    }

    if (shot.bounds) {
      const cam = map.cameraForBounds(shot.bounds as LngLatBoundsLike, { padding: shot.padding ?? 0 });
      if (cam) map.jumpTo({ ...cam, bearing: 0, pitch: 0 });
    } else if (shot.view) {
      map.jumpTo({ center: shot.view.center, zoom: shot.view.zoom, bearing: shot.view.bearing ?? 0, pitch: 0 });
    }
    // deck.gl first: it places its layers only while the style is loaded, which new tint or line data ends.
    overlay.setProps({ layers: shot.layers(deck, map.getZoom()) });
    applyStyleThemes(map, shot.styleThemes(map.getZoom()));
    await settle(map, overlay);

    const canvas = map.getCanvas();
    const asked = { width: Math.round(shot.cssWidth * shot.pixelRatio), height: Math.round(shot.cssHeight * shot.pixelRatio) };
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    const got = { width: gl?.drawingBufferWidth ?? canvas.width, height: gl?.drawingBufferHeight ?? canvas.height };
    if (Math.abs(got.width - asked.width) > 1 || Math.abs(got.height - asked.height) > 1 || Math.abs(canvas.width - asked.width) > 1) {
      throw new CanvasLimitError(asked, got, await this.limits(shot.style));
    }
    // Read the pixels straight from WebGL: drawing the WebGL canvas into a 2D canvas goes through a
    // very slow path under SwiftShader (a minute for a 1920×1080 slide), readPixels takes milliseconds.
    const pixels = readPixels(gl!, got.width, got.height);
    if (looksBlank(pixels)) throw new Error('The map came out blank (the browser drew nothing). Nothing was written; try again, or a smaller size.');
    const b = map.getBounds();
    const center = map.getCenter();
    const zoom = map.getZoom();
    const metresPerCssPx = (40075016.686 * Math.cos((center.lat * Math.PI) / 180)) / (512 * 2 ** zoom);
    return {
      pixels,
      width: got.width,
      height: got.height,
      zoom,
      center: [center.lng, center.lat],
      bounds: [
        [b.getWest(), b.getSouth()],
        [b.getEast(), b.getNorth()],
      ],
      metresPerCssPx,
      ms: performance.now() - t0,
    };
  }

  /**
   * Frees the big drawing buffer after a large export (a 300 dpi A3 map holds ~60 MB): the map and
   * its compiled shaders stay, at a small size.
   */
  shrink(): void {
    const map = this.map;
    if (!map || !this.container || map.getCanvas().width <= 2048) return;
    this.queue = this.queue.then(() => {
      this.container!.style.width = '400px';
      this.container!.style.height = '300px';
      map.setPixelRatio(1);
      map.resize();
      syncDeckCanvas(map, this.overlay!);
    });
  }

  destroy(): void {
    this.overlay?.finalize();
    this.map?.remove();
    this.container?.remove();
    this.map = null;
    this.overlay = null;
    this.container = null;
    this.cachedLimits = null;
  }
}

let shared: ExportMap | null = null;
/** The one export map of the page (kept alive). */
export function exportMap(): ExportMap {
  shared ??= new ExportMap();
  return shared;
}

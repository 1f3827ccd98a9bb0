/**
 * The map of a page as vectors (SVG and vector-PDF exports): the same view the raster export's
 * map shows (frame.ts: the same framing, zoom and CSS-px proportions), drawn from the geometry
 * itself rather than from pixels, in named layers.
 *
 * - Basemap: every fill and line layer of the scene's MapLibre style (scene.ts sceneStyle: the live
 *   map's style with the selection outline and the choropleth set), evaluated at the page's zoom
 *   with MapLibre's own expression code (@maplibre/maplibre-gl-style-spec), on the geometry its
 *   sources are cut from: countries and provinces (public/geo), the border lines by kind
 *   (src/domain/border-lines.ts, as geo/tiles.ts cuts them), the highlight and choropleth sources'
 *   own data. So colours, widths, dashes and zoom ranges are the map's, read from one definition.
 * - Names of places (the style's symbol layers): MapLibre's collision placement is not
 *   reproduced; a simple deterministic rule stands in (placeLabels).
 * - Thematic layers: each visible theme's draw data (src/map/themes/draw-data.ts themeDraw), drawn
 *   as src/map/themes/deck-layers.ts draws it with deck.gl (colours, dimming of what the selection
 *   does not emphasise, casings, dashes, offsets, symbols, labels, the highlighted project's halo);
 *   tests/unit/export-vector.test.ts checks the two agree. Area tints combine by blend mode
 *   darken (the darker colour wins), which gives the colours the map's cells have: the strongest
 *   tint over each leaf region, no lighter than the land (src/map/themes/area-layers.ts).
 * - Imported layers as src/map/imported-deck-layers.ts draws them.
 *
 * Everything is clipped to the frame. Pure: no DOM.
 */
import { featureFilter, latest, normalizePropertyExpression, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Geometry, Position } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Catalogue } from '../domain/catalogue.ts';
import { emphasisedPlaces, selects } from '../domain/selection.ts';
import type { BorderCollection } from '../domain/types.ts';
import { TILE_LAYER } from '../domain/vocabulary.ts';
import { SOURCE } from '../map/basemap/sources.ts';
import type { GeoData } from '../map/geodata.ts';
import { userLayerDef } from '../map/imported-layers.ts';
import { areaAlpha, DIM, DIM_AREA, iconDimmedIn, labelShownIn, themeDraw, tint, type LabelD, type LineD } from '../map/themes/draw-data.ts';
import { CASING_ALPHA, CASING_EXTRA } from '../map/themes/line-style.ts';
import { iconKey } from '../map/themes/icons.ts';
import { cacheFor, layerContext, THEMES, type ThemeDef } from '../map/themes/index.ts';
import type { LayerContext, RGB } from '../map/themes/types.ts';
import { mapFrameView, type MapFrameView } from './frame.ts';
import type { Box, Composition } from './layout.ts';
import type { Scene } from './scene.ts';
import { group, rectPath, rgbPaint, shapeNodes, shapePath, type Paint, type Seg, type VGroup, type VNode, type VPath, type VText } from './surface.ts';
import { wrap, type Measure } from './text.ts';
import { clipLine, clipRing, FrameProjection, linesPath, offsetLine, ringsPath, simplify, type Pt, type Rect } from './vector-geom.ts';
import { tileFeatures, tileZoom, type TileData, type TileLinePiece, type TileLoader } from './vector-tiles.ts';

/** Geometry the vector map is drawn from (the live atlas has it loaded; tests read public/). */
export interface VectorMapData {
  catalogue: Catalogue;
  geo: GeoData;
  /** The basemap's border lines by kind (bordersOf(public/geo/borders.json, regions, countries)). */
  borders: BorderCollection;
  /** The basemap's vector tiles (public/tiles): the layers only they hold (rivers, lakes, railways, towns). */
  tiles: TileLoader;
}

export interface VectorMapStats {
  paths: number;
  texts: number;
  /** Names of places the collision rule kept and dropped. */
  namesPlaced: number;
  namesDropped: number;
}

export interface VectorMap {
  /** The map's layers, bottom first, clipped to the frame (design px of the page). */
  root: VGroup;
  view: MapFrameView;
  stats: VectorMapStats;
}

/** Points closer than this (design px) to the simplified outline are dropped: a thirtieth of a millimetre on paper. */
const TOLERANCE = 0.12;
/** Geometry is cut this far outside the frame (design px), so strokes and joins are not cut at its edge. */
const CLIP_MARGIN = 12;

type Lang = 'zh' | 'en';
const NAMES: Record<string, Record<Lang, string>> = {
  basemap: { zh: '底图', en: 'Basemap' },
  areas: { zh: '专题图层 · 区域', en: 'Layers · areas' },
  highlight: { zh: '选中项目', en: 'Selected project' },
  lines: { zh: '专题图层 · 线路', en: 'Layers · lines' },
  casings: { zh: '线路衬边', en: 'Line casings' },
  symbols: { zh: '专题图层 · 符号', en: 'Layers · symbols' },
  names: { zh: '地名', en: 'Place names' },
  labels: { zh: '专题图层 · 注记', en: 'Layers · labels' },
  user: { zh: '导入的图层', en: 'Imported layers' },
  rivers: { zh: '河流', en: 'Rivers' },
  lakes: { zh: '湖泊', en: 'Lakes' },
  railways: { zh: '铁路网', en: 'Railway network' },
  towns: { zh: '城镇', en: 'Towns' },
  'names-rivers': { zh: '河流名称', en: 'River names' },
  'names-lakes': { zh: '湖泊名称', en: 'Lake names' },
  'names-railways': { zh: '铁路名称', en: 'Railway names' },
  'names-towns': { zh: '城镇名称', en: 'Town names' },
  'names-regions': { zh: '政区与海域名称', en: 'Regions and seas' },
};

// ---------------------------------------------------------------------------------------------
// MapLibre style evaluation

const SPEC = latest as unknown as Record<string, Record<string, StylePropertySpecification>>;

interface Evaluable {
  evaluate(globals: { zoom: number }, feature?: { type: 1 | 2 | 3; properties: Record<string, unknown> }): unknown;
}
interface StyleFeature {
  geometry: Geometry;
  properties: Record<string, unknown>;
  /** A tile polygon's outline without the tiles' cut edges (vector-tiles.ts). */
  outline?: Position[][];
}

const exprCache = new WeakMap<object, Map<string, Evaluable | null>>();
const filterCache = new WeakMap<object, (zoom: number, f: StyleFeature) => boolean>();

function geomType(g: Geometry): 1 | 2 | 3 {
  return g.type === 'Point' || g.type === 'MultiPoint' ? 1 : g.type === 'LineString' || g.type === 'MultiLineString' ? 2 : 3;
}

/** A paint or layout property of a style layer, evaluated at `zoom` for a feature (its default when unset). */
function styleValue(layer: LayerSpecification, kind: 'paint' | 'layout', name: string, zoom: number, props: Record<string, unknown> = {}): unknown {
  let cache = exprCache.get(layer);
  if (!cache) exprCache.set(layer, (cache = new Map()));
  const key = `${kind}.${name}`;
  let expr = cache.get(key);
  if (expr === undefined) {
    const spec = SPEC[`${kind}_${layer.type}`]?.[name];
    const value = (layer as unknown as Record<string, Record<string, unknown> | undefined>)[kind]?.[name] ?? spec?.default;
    expr = spec && value !== undefined ? (normalizePropertyExpression(value as never, name, spec) as unknown as Evaluable) : null;
    cache.set(key, expr);
  }
  return expr ? expr.evaluate({ zoom }, { type: 1, properties: props }) : undefined;
}

function passes(layer: LayerSpecification, zoom: number, f: StyleFeature): boolean {
  let fn = filterCache.get(layer);
  if (!fn) {
    const filter = 'filter' in layer && layer.filter ? featureFilter(layer.filter, 'filter') : null;
    fn = (z, feat) => !filter || filter.filter({ zoom: z } as never, { type: geomType(feat.geometry), properties: feat.properties } as never);
    filterCache.set(layer, fn);
  }
  return fn(zoom, f);
}

/** A style colour (MapLibre's Color: channels 0–1, premultiplied by alpha) as a paint. */
function paintOf(v: unknown): Paint | null {
  if (!v || typeof v !== 'object' || !('a' in v)) return null;
  const c = v as { r: number; g: number; b: number; a: number };
  if (c.a <= 0) return { r: 0, g: 0, b: 0, a: 0 };
  return { r: Math.round((c.r / c.a) * 255), g: Math.round((c.g / c.a) * 255), b: Math.round((c.b / c.a) * 255), a: c.a };
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function shownAt(layer: LayerSpecification, zoom: number): boolean {
  if (layer.layout && (layer.layout as { visibility?: string }).visibility === 'none') return false;
  if (layer.minzoom != null && zoom < layer.minzoom) return false;
  if (layer.maxzoom != null && zoom >= layer.maxzoom) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The page's geometry

class Drawer {
  readonly clipRect: Rect;
  stats: VectorMapStats = { paths: 0, texts: 0, namesPlaced: 0, namesDropped: 0 };

  constructor(
    readonly proj: FrameProjection,
    readonly box: Box,
    readonly measure: Measure,
  ) {
    this.clipRect = { x0: box.x - CLIP_MARGIN, y0: box.y - CLIP_MARGIN, x1: box.x + box.w + CLIP_MARGIN, y1: box.y + box.h + CLIP_MARGIN };
  }

  ring(ring: readonly Position[]): Pt[] {
    const pts = ring.map((p) => this.proj.px(p[0]!, p[1]!));
    return clipRing(simplify(pts, TOLERANCE, true), this.clipRect);
  }
  /** A polygon's rings (or a multipolygon's), projected, simplified and clipped. */
  polygon(g: Geometry | Position[][] | Position[][][]): Pt[][] {
    const polys: Position[][][] = Array.isArray(g) ? (Array.isArray(g[0]?.[0]?.[0]) ? (g as Position[][][]) : [g as Position[][]]) : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const out: Pt[][] = [];
    for (const poly of polys) for (const ring of poly) {
      const r = this.ring(ring);
      if (r.length >= 3) out.push(r);
    }
    return out;
  }
  /** Lines projected, simplified, clipped (and moved sideways by `offset` design px before clipping). */
  lines(g: Geometry | Position[][], offset = 0): Pt[][] {
    const lines: Position[][] = Array.isArray(g) ? g : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    const out: Pt[][] = [];
    for (const line of lines) {
      let pts = simplify(
        line.map((p) => this.proj.px(p[0]!, p[1]!)),
        TOLERANCE,
      );
      if (offset) pts = offsetLine(pts, offset);
      out.push(...clipLine(pts, this.clipRect));
    }
    return out;
  }
  inFrame(p: Pt, margin = 40): boolean {
    return p[0] >= this.box.x - margin && p[0] <= this.box.x + this.box.w + margin && p[1] >= this.box.y - margin && p[1] <= this.box.y + this.box.h + margin;
  }
  /** Whether a text's line (as the writers set it) reaches into the frame. */
  textMeetsFrame(t: VText): boolean {
    const w = this.measure(t.text, { size: t.size, weight: t.weight });
    const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
    return x0 + w > this.box.x && x0 < this.box.x + this.box.w && t.y > this.box.y && t.y - t.size < this.box.y + this.box.h;
  }
  path(p: VPath): VPath | null {
    if (!p.d.length) return null;
    this.stats.paths++;
    return p;
  }
  text(t: VText): VText {
    this.stats.texts++;
    return t;
  }
}

// ---------------------------------------------------------------------------------------------
// Basemap

/** Source layers of the tiles that public/geo holds as GeoJSON (drawn from the full geometry, not the tiles). */
const GEOJSON_LAYERS = new Set<string>([TILE_LAYER.countries, TILE_LAYER.provinces, TILE_LAYER.borders]);

const sourceLayerOf = (layer: LayerSpecification): string | undefined => ('source-layer' in layer ? layer['source-layer'] : undefined);

function styleFeatures(style: StyleSpecification, layer: LayerSpecification, data: VectorMapData, tiles: TileData): StyleFeature[] {
  if (!('source' in layer) || !layer.source) return [];
  if (layer.source === SOURCE.labels) return data.geo.labels.features as unknown as StyleFeature[];
  const src = style.sources[layer.source];
  if (src?.type === 'vector' && layer.source === SOURCE.basemap) {
    const sl = sourceLayerOf(layer);
    if (sl === TILE_LAYER.countries) return data.geo.countries.features as unknown as StyleFeature[];
    if (sl === TILE_LAYER.provinces) return data.geo.regions.features.filter((f) => f.properties.level === 'province') as unknown as StyleFeature[];
    if (sl === TILE_LAYER.borders) return data.borders.features as unknown as StyleFeature[];
    return (sl && (tiles.features.get(sl) as StyleFeature[] | undefined)) || [];
  }
  if (src?.type === 'geojson' && src.data && typeof src.data === 'object') {
    const d = src.data as { type: string; features?: StyleFeature[] };
    return d.type === 'FeatureCollection' ? (d.features ?? []) : [d as unknown as StyleFeature];
  }
  return [];
}

function basemapLayer(style: StyleSpecification, layer: LayerSpecification, data: VectorMapData, tiles: TileData, dr: Drawer, zoom: number): VNode[] {
  const k = dr.proj.k;
  const out: VNode[] = [];
  if (layer.type === 'background') {
    const c = paintOf(styleValue(layer, 'paint', 'background-color', zoom));
    const o = num(styleValue(layer, 'paint', 'background-opacity', zoom), 1);
    const p = c && dr.path({ type: 'path', d: rectPath(dr.box.x, dr.box.y, dr.box.w, dr.box.h), fill: { ...c, a: c.a * o } });
    if (p) out.push(p);
    return out;
  }
  if (layer.type !== 'fill' && layer.type !== 'line' && layer.type !== 'circle') return out;
  // Features of one look share a path (a border layer is one path).
  const byLook = new Map<string, { look: Omit<VPath, 'type' | 'd'>; d: Seg[] }>();
  for (const f of styleFeatures(style, layer, data, tiles)) {
    if (!f.geometry || !passes(layer, zoom, f)) continue;
    const props = f.properties ?? {};
    let look: Omit<VPath, 'type' | 'd'>;
    let d: Seg[];
    if (layer.type === 'circle') {
      // A dot of `circle-radius` with its stroke outside it (MapLibre's circle: radius + stroke width in all).
      if (f.geometry.type !== 'Point') continue;
      const at = dr.proj.px(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      const r = num(styleValue(layer, 'paint', 'circle-radius', zoom, props), 5) * k;
      const c = paintOf(styleValue(layer, 'paint', 'circle-color', zoom, props));
      const o = num(styleValue(layer, 'paint', 'circle-opacity', zoom, props), 1);
      const sw = num(styleValue(layer, 'paint', 'circle-stroke-width', zoom, props), 0) * k;
      const sc = paintOf(styleValue(layer, 'paint', 'circle-stroke-color', zoom, props));
      const so = num(styleValue(layer, 'paint', 'circle-stroke-opacity', zoom, props), 1);
      const stroked = sw > 0 && sc && sc.a * so > 0;
      if (!dr.inFrame(at, r + sw) || ((!c || c.a * o <= 0) && !stroked)) continue;
      look = { ...(c && c.a * o > 0 ? { fill: { ...c, a: c.a * o } } : {}), ...(stroked ? { stroke: { ...sc, a: sc.a * so }, strokeWidth: sw } : {}) };
      d = shapePath('circle', at[0], at[1], (r + (stroked ? sw / 2 : 0)) / 0.8);
    } else if (layer.type === 'fill') {
      const c = paintOf(styleValue(layer, 'paint', 'fill-color', zoom, props));
      const o = num(styleValue(layer, 'paint', 'fill-opacity', zoom, props), 1);
      if (!c || c.a * o <= 0) continue;
      look = { fill: { ...c, a: c.a * o }, fillRule: 'evenodd' };
      d = ringsPath(dr.polygon(f.geometry));
    } else {
      const c = paintOf(styleValue(layer, 'paint', 'line-color', zoom, props));
      const o = num(styleValue(layer, 'paint', 'line-opacity', zoom, props), 1);
      const w = num(styleValue(layer, 'paint', 'line-width', zoom, props), 1);
      if (!c || c.a * o <= 0 || w <= 0) continue;
      const dash = styleValue(layer, 'paint', 'line-dasharray', zoom, props);
      const cap = String(styleValue(layer, 'layout', 'line-cap', zoom, props) ?? 'butt') as CanvasLineCap;
      const join = String(styleValue(layer, 'layout', 'line-join', zoom, props) ?? 'miter') as CanvasLineJoin;
      // MapLibre's dashes are in line widths.
      look = {
        stroke: { ...c, a: c.a * o },
        strokeWidth: w * k,
        ...(Array.isArray(dash) && dash.length ? { dash: (dash as number[]).map((v) => v * w * k) } : {}),
        ...(cap !== 'butt' ? { cap } : {}),
        ...(join !== 'miter' ? { join } : {}),
      };
      d = linesPath(dr.lines(f.outline ?? f.geometry));
    }
    if (!d.length) continue;
    const key = JSON.stringify(look);
    const entry = byLook.get(key);
    if (entry) entry.d.push(...d);
    else byLook.set(key, { look, d });
  }
  for (const { look, d } of byLook.values()) {
    const p = dr.path({ type: 'path', d, ...look });
    if (p) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names of places

/** What a basemap layer or a name belongs to (the SVG's sublayers, the PDF's optional content groups). */
type Family = 'rivers' | 'lakes' | 'railways' | 'towns' | 'regions';

const FAMILY: Record<string, Family> = {
  [TILE_LAYER.rivers]: 'rivers',
  [TILE_LAYER.riverNames]: 'rivers',
  [TILE_LAYER.lakes]: 'lakes',
  [TILE_LAYER.railways]: 'railways',
  [TILE_LAYER.towns]: 'towns',
};

const familyOf = (layer: LayerSpecification): Family | null => FAMILY[sourceLayerOf(layer) ?? ''] ?? null;

interface NameCandidate {
  family: Family;
  layerIndex: number;
  sortKey: number;
  index: number;
  at: Pt;
  lines: string[];
  size: number;
  weight: 400 | 600;
  fill: Paint;
  halo: { paint: Paint; width: number } | null;
  spacing: number;
  widths: number[];
  anchors: string[];
  radial: number;
  padding: number;
  /** A name along a line: centred on `at`, turned by `angle` (radians, clockwise), and the boxes it covers. */
  along?: { angle: number; boxes: Placed[]; corners: Pt[] };
}

interface Placed {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Placed, b: Placed) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

type TextLook = Pick<NameCandidate, 'lines' | 'size' | 'weight' | 'fill' | 'halo' | 'spacing' | 'widths' | 'padding'>;

/** A symbol layer's text for a feature, as its layout and paint say at `zoom` (null: nothing to show). */
function textLook(layer: LayerSpecification, zoom: number, props: Record<string, unknown>, k: number, measure: Measure, wrapLines: boolean): TextLook | null {
  const opacity = num(styleValue(layer, 'paint', 'text-opacity', zoom, props), 1);
  const colour = paintOf(styleValue(layer, 'paint', 'text-color', zoom, props));
  if (!colour || opacity * colour.a <= 0.01) return null;
  let text = String(styleValue(layer, 'layout', 'text-field', zoom, props) ?? '').trim();
  if (!text) return null;
  const transform = styleValue(layer, 'layout', 'text-transform', zoom, props);
  if (transform === 'uppercase') text = text.toUpperCase();
  else if (transform === 'lowercase') text = text.toLowerCase();
  const size = num(styleValue(layer, 'layout', 'text-size', zoom, props), 16) * k;
  const fonts = styleValue(layer, 'layout', 'text-font', zoom, props);
  const weight: 400 | 600 = Array.isArray(fonts) && fonts.some((n) => /semi|bold|medium|[5-9]00/i.test(String(n))) ? 600 : 400;
  const spacing = num(styleValue(layer, 'layout', 'text-letter-spacing', zoom, props), 0) * size;
  const maxWidth = num(styleValue(layer, 'layout', 'text-max-width', zoom, props), 10) * size;
  const st = { size, weight, color: '#000', lineHeight: size * 1.2 };
  const w = (s: string) => measure(s, st) + spacing * Math.max(0, [...s].length - 1);
  // Names along lines are never broken (MapLibre's line placement has no text-max-width).
  const lines = wrapLines ? wrap(text, maxWidth, st, (s) => w(s)) : [text];
  const haloColour = paintOf(styleValue(layer, 'paint', 'text-halo-color', zoom, props));
  const haloWidth = num(styleValue(layer, 'paint', 'text-halo-width', zoom, props), 0) * k;
  return {
    lines,
    size,
    weight,
    fill: { ...colour, a: colour.a * opacity },
    halo: haloColour && haloWidth > 0 ? { paint: { ...haloColour, a: haloColour.a * opacity }, width: haloWidth } : null,
    spacing,
    widths: lines.map(w),
    padding: num(styleValue(layer, 'layout', 'text-padding', zoom, props), 2) * k,
  };
}

/**
 * Where a name of width `w` may sit along a line's piece within one tile (page px), as MapLibre
 * chooses (symbol/get_anchors.ts): anchors every `spacing` (at least the name's width and a
 * quarter), from half of it where the line comes from the next tile, else from half the name and
 * two ems; the name must fit on the piece. MapLibre bends the name along the line; here it is one
 * straight text, so an anchor moves a little either way to the nearest stretch straight enough —
 * its turns add up to at most `text-max-angle` and the line strays from the text's axis by at most a
 * fifth of the text size — else it is left out.
 */
function lineAnchors(pts: Pt[], continued: boolean, w: number, spacing: number, size: number, maxAngle: number, near: (p: Pt) => boolean): { at: Pt; angle: number; d: number }[] {
  const cum = [0];
  for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1]! + Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]));
  const total = cum[cum.length - 1]!;
  if (total < w) return [];
  const pointAt = (s: number): [Pt, number] => {
    let i = 0;
    while (i < cum.length - 2 && cum[i + 1]! < s) i++;
    const seg = cum[i + 1]! - cum[i]! || 1;
    const t = (s - cum[i]!) / seg;
    return [[pts[i]![0] + t * (pts[i + 1]![0] - pts[i]![0]), pts[i]![1] + t * (pts[i + 1]![1] - pts[i]![1])], i];
  };
  if (spacing - w < spacing / 4) spacing = w + spacing / 4;
  const offset = continued ? spacing / 2 : (w / 2 + 2 * size) % spacing;
  let targets: number[] = [];
  for (let s = offset; s < total; s += spacing) if (s - w / 2 >= 0 && s + w / 2 <= total) targets.push(s);
  if (!targets.length && !continued) targets = [total / 2];
  const out: { at: Pt; angle: number; d: number }[] = [];
  for (const s of targets) {
    if (!near(pointAt(s)[0])) continue;
    for (let step = 0; step * size * 0.5 <= spacing / 4; step++) {
      const found = [1, -1].some((sign) => {
        if (step === 0 && sign < 0) return false;
        const mid = s + sign * step * size * 0.5;
        const s0 = mid - w / 2;
        const s1 = mid + w / 2;
        if (s0 < 0 || s1 > total) return false;
        const [p0, i0] = pointAt(s0);
        const [p1, i1] = pointAt(s1);
        const window = [p0, ...pts.slice(i0 + 1, i1 + 1), p1];
        const dx = p1[0] - p0[0];
        const dy = p1[1] - p0[1];
        const len = Math.hypot(dx, dy);
        if (len < w * 0.9) return false;
        let turn = 0;
        for (let j = 1; j + 1 < window.length; j++) {
          const a = Math.atan2(window[j]![1] - window[j - 1]![1], window[j]![0] - window[j - 1]![0]);
          const b = Math.atan2(window[j + 1]![1] - window[j]![1], window[j + 1]![0] - window[j]![0]);
          turn += Math.abs(Math.atan2(Math.sin(b - a), Math.cos(b - a)));
          const dev = Math.abs((window[j]![0] - p0[0]) * dy - (window[j]![1] - p0[1]) * dx) / len;
          if (dev > size * 0.2) return false;
        }
        if ((turn * 180) / Math.PI > maxAngle) return false;
        let angle = Math.atan2(dy, dx);
        // Upright, as MapLibre keeps line labels.
        if (angle > Math.PI / 2) angle -= Math.PI;
        else if (angle <= -Math.PI / 2) angle += Math.PI;
        out.push({ at: [(p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2], angle, d: s });
        return true;
      });
      if (found) break;
    }
  }
  return out;
}

/**
 * The names along lines of a `symbol-placement: line` layer: on each line's piece within a tile
 * (MapLibre places them tile by tile, so a name never straddles a tile's edge), at lineAnchors; a
 * name closer than half the spacing to the same name in its tile is dropped (MapLibre's
 * anchorIsTooClose). Each is one straight, turned text; its collision boxes a row of squares.
 */
function lineNames(layer: LayerSpecification, layerIndex: number, family: Family, pieces: readonly TileLinePiece[], dr: Drawer, zoom: number, measure: Measure): NameCandidate[] {
  const k = dr.proj.k;
  // Spacing is in the tile's px: it grows with the map between whole zooms.
  const tileScale = 2 ** (zoom - tileZoom(zoom));
  const out: NameCandidate[] = [];
  const seen = new Map<string, Pt[]>();
  pieces.forEach((piece, index) => {
    const props = piece.properties;
    const f: StyleFeature = { geometry: { type: 'LineString', coordinates: piece.coordinates }, properties: props };
    if (!passes(layer, zoom, f)) return;
    const look = textLook(layer, zoom, props, k, measure, false);
    if (!look) return;
    const w = look.widths[0]!;
    const spacing = num(styleValue(layer, 'layout', 'symbol-spacing', zoom, props), 250) * k * tileScale;
    const maxAngle = num(styleValue(layer, 'layout', 'text-max-angle', zoom, props), 45);
    const sortKey = num(styleValue(layer, 'layout', 'symbol-sort-key', zoom, props), 0);
    const pts = simplify(
      piece.coordinates.map((p) => dr.proj.px(p[0]!, p[1]!)),
      TOLERANCE,
    );
    const key = `${piece.tile}|${look.lines[0]}`;
    const others = seen.get(key) ?? [];
    seen.set(key, others);
    let n = 0;
    for (const { at, angle } of lineAnchors(pts, piece.continued, w, spacing, look.size, maxAngle, (p) => dr.inFrame(p, w))) {
      if (others.some((o) => Math.hypot(o[0] - at[0], o[1] - at[1]) < spacing / 2)) continue;
      others.push(at);
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      const cells = Math.max(1, Math.round(w / look.size));
      const half = look.size / 2 + look.padding;
      const boxes: Placed[] = Array.from({ length: cells }, (_, i) => {
        const t = -w / 2 + ((i + 0.5) * w) / cells;
        const cx = at[0] + t * cos;
        const cy = at[1] + t * sin;
        return { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half };
      });
      const hh = look.size * 0.6;
      const corners: Pt[] = [[-w / 2, -hh], [w / 2, -hh], [w / 2, hh], [-w / 2, hh]].map(([u, v]) => [at[0] + u! * cos - v! * sin, at[1] + u! * sin + v! * cos]);
      out.push({ family, layerIndex, sortKey, index: index * 1000 + n++, at, ...look, anchors: ['center'], radial: 0, along: { angle, boxes, corners } });
    }
  });
  return out;
}

/**
 * The style's names, placed by a simple deterministic rule in place of MapLibre's collision
 * detection: symbol layers from the top of the style down (MapLibre places the upper layers
 * first), within a layer by `symbol-sort-key` (the `rank` of public/geo/labels.geojson and of the
 * tiles' towns and water) then by order; a name at a point tries its anchors in the style's order
 * (`text-variable-anchor`, at `text-radial-offset`) and is kept at the first where its box, grown by
 * `text-padding`, lies wholly inside the frame and meets no name kept before; a name along a line
 * (`symbol-placement: line`: rivers, railways) is kept where its row of boxes (lineNames) lies
 * inside the frame and meets none. What is not kept is left out.
 */
function placeNames(style: StyleSpecification, data: VectorMapData, tiles: TileData, dr: Drawer, zoom: number, measure: Measure): Map<Family, VText[]> {
  const k = dr.proj.k;
  const candidates: NameCandidate[] = [];
  const frame: Placed = { x0: dr.box.x, y0: dr.box.y, x1: dr.box.x + dr.box.w, y1: dr.box.y + dr.box.h };
  style.layers.forEach((layer, layerIndex) => {
    if (layer.type !== 'symbol' || !shownAt(layer, zoom)) return;
    const family = familyOf(layer) ?? 'regions';
    const onLine = styleValue(layer, 'layout', 'symbol-placement', zoom) === 'line';
    if (onLine) {
      const sl = sourceLayerOf(layer);
      if (sl) candidates.push(...lineNames(layer, layerIndex, family, tiles.pieces.get(sl) ?? [], dr, zoom, measure));
      return;
    }
    styleFeatures(style, layer, data, tiles).forEach((f, index) => {
      if (!f.geometry || !passes(layer, zoom, f)) return;
      const props = f.properties ?? {};
      const sortKey = num(styleValue(layer, 'layout', 'symbol-sort-key', zoom, props), 0);
      if (f.geometry.type !== 'Point') return;
      const at = dr.proj.px(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      if (!dr.inFrame(at)) return;
      const look = textLook(layer, zoom, props, k, measure, true);
      if (!look) return;
      const variable = styleValue(layer, 'layout', 'text-variable-anchor', zoom, props);
      const anchor = String(styleValue(layer, 'layout', 'text-anchor', zoom, props) ?? 'center');
      candidates.push({
        family,
        layerIndex,
        sortKey,
        index: index * 1000,
        at,
        ...look,
        anchors: Array.isArray(variable) && variable.length ? variable.map(String) : [anchor],
        radial: Array.isArray(variable) && variable.length ? num(styleValue(layer, 'layout', 'text-radial-offset', zoom, props), 0) * look.size : 0,
      });
    });
  });
  candidates.sort((a, b) => b.layerIndex - a.layerIndex || a.sortKey - b.sortKey || a.index - b.index);
  const placed: Placed[] = [];
  const out = new Map<Family, VText[]>();
  const emit = (c: NameCandidate, t: Omit<VText, 'type' | 'size' | 'weight' | 'fill'>) => {
    const list = out.get(c.family) ?? [];
    out.set(c.family, list);
    list.push(dr.text({ type: 'text', size: c.size, weight: c.weight, fill: c.fill, ...(c.spacing ? { letterSpacing: c.spacing } : {}), ...(c.halo ? { halo: c.halo } : {}), ...t }));
  };
  const inside = (p: Pt) => p[0] >= frame.x0 && p[0] <= frame.x1 && p[1] >= frame.y0 && p[1] <= frame.y1;
  for (const c of candidates) {
    if (c.along) {
      const { angle, boxes, corners } = c.along;
      if (!corners.every(inside) || boxes.some((b) => placed.some((p) => overlaps(p, b)))) {
        dr.stats.namesDropped++;
        continue;
      }
      placed.push(...boxes);
      dr.stats.namesPlaced++;
      // The text's middle on the line: its baseline 0.38 em below the axis, moved by the letter spacing after the last character.
      const [u, v] = [c.spacing / 2, c.size * 0.38];
      emit(c, { x: c.at[0] + u * Math.cos(angle) - v * Math.sin(angle), y: c.at[1] + u * Math.sin(angle) + v * Math.cos(angle), text: c.lines[0]!, anchor: 'middle', ...(angle ? { rotate: (angle * 180) / Math.PI } : {}) });
      continue;
    }
    const lh = c.size * 1.2;
    const bw = Math.max(...c.widths);
    const bh = c.lines.length * lh;
    let kept: { x0: number; y0: number; justify: 'start' | 'middle' | 'end' } | null = null;
    for (const a of c.anchors) {
      const [px, py] = c.at;
      let x0 = px - bw / 2;
      let y0 = py - bh / 2;
      let justify: 'start' | 'middle' | 'end' = 'middle';
      if (a === 'top') y0 = py + c.radial;
      else if (a === 'bottom') y0 = py - c.radial - bh;
      else if (a === 'left') (x0 = px + c.radial), (justify = 'start');
      else if (a === 'right') (x0 = px - c.radial - bw), (justify = 'end');
      const box: Placed = { x0: x0 - c.padding, y0: y0 - c.padding, x1: x0 + bw + c.padding, y1: y0 + bh + c.padding };
      if (x0 < frame.x0 || y0 < frame.y0 || x0 + bw > frame.x1 || y0 + bh > frame.y1) continue;
      if (placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      kept = { x0, y0, justify };
      break;
    }
    if (!kept) {
      dr.stats.namesDropped++;
      continue;
    }
    dr.stats.namesPlaced++;
    c.lines.forEach((line, i) => {
      const x = kept.justify === 'start' ? kept.x0 : kept.justify === 'end' ? kept.x0 + bw : kept.x0 + bw / 2;
      // The baseline of a line box of 1.2 em (glyphs: ascent 0.88 em, descent 0.12 em, centred).
      const y = kept.y0 + i * lh + (lh - c.size) / 2 + c.size * 0.88;
      // Letter spacing is added after each character: a centred or right-aligned line moves by the last one.
      const shift = kept.justify === 'middle' ? c.spacing / 2 : kept.justify === 'end' ? c.spacing : 0;
      emit(c, { x: x + shift, y, text: line, anchor: kept.justify });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Thematic layers (as src/map/themes/deck-layers.ts draws them)

/** Halo of deck.gl's text layer: outline 2 atlas px of 32-px glyphs, i.e. 1/16 of the text size each side. */
const LABEL_HALO: Paint = { r: 253, g: 251, b: 246, a: 235 / 255 };
const LABEL_COLOUR_MINOR_ALPHA = 0.7;
/** Icons are drawn in 64-px atlas cells with a half-size of 26 px (icons.ts: CELL / 2 − PAD − 2). */
const ICON_HALF = 26 / 64;
const HALO_FILL: RGB = [255, 214, 10];
const HALO_EDGE: RGB = [120, 60, 0];

interface ThemeParts {
  theme: ThemeDef;
  areas: VNode[];
  casings: VNode[];
  lines: VNode[];
  symbols: VNode[];
  labels: VNode[];
}

/**
 * How the map draws a line (src/map/themes/line-style.ts) in a context (CSS px of the map): colour
 * and width, dashes, sideways offset, and the white casing under it.
 */
export function lineLook(l: LineD, ctx: Pick<LayerContext, 'emphasis'>): { stroke: Paint; width: number; dash: [number, number] | null; offset: number; casing: { stroke: Paint; width: number } | null } {
  const dim = ctx.emphasis.kind === 'selection' && !selects(ctx.emphasis, [l.id]);
  return {
    stroke: rgbPaint(l.color, dim ? l.alpha * DIM : l.alpha),
    width: l.width,
    dash: l.dash,
    offset: l.offset * l.width,
    casing: l.casing ? { stroke: { r: 255, g: 255, b: 255, a: dim ? CASING_ALPHA * DIM : CASING_ALPHA }, width: l.width + CASING_EXTRA } : null,
  };
}

/** The labels the map shows at a zoom for an emphasis (draw-data.ts labelShownIn, as symbol-layers.ts applies it). */
export function shownLabels(labels: readonly LabelD[], ctx: Pick<LayerContext, 'emphasis' | 'zoom'>): LabelD[] {
  return labels.filter(labelShownIn(ctx));
}

function labelText(dr: Drawer, d: LabelD, lang: Lang, at: Pt): VText {
  const k = dr.proj.k;
  const size = (d.minor ? 11 : 12) * k;
  // Anchored at its start, centred vertically on the symbol, beside it (getPixelOffset).
  return {
    type: 'text',
    x: at[0] + (d.offset[0] + d.symbolSize / 2 + 3) * k,
    y: at[1] + d.offset[1] * k + size * 0.38,
    text: lang === 'zh' ? d.zh : d.en,
    size,
    weight: 400,
    fill: rgbPaint(d.color, d.minor ? LABEL_COLOUR_MINOR_ALPHA : 1),
    anchor: 'start',
    halo: { paint: LABEL_HALO, width: size / 16 },
  };
}

function themeParts(theme: ThemeDef, scene: Scene, cat: Catalogue, dr: Drawer, zoom: number): ThemeParts {
  const view = scene.view;
  const ctx = layerContext(view, cat, zoom);
  const data = themeDraw(theme, cacheFor(cat), view.filters, view.lens);
  const k = dr.proj.k;
  const on = ctx.emphasis.kind === 'selection';
  const parts: ThemeParts = { theme, areas: [], casings: [], lines: [], symbols: [], labels: [] };
  const fillAlpha = areaAlpha(ctx);
  // Area tints (the hatched themes' tints are in `fills` too).
  for (const f of data.fills) {
    const t = tint(f.color, fillAlpha(f));
    const p = dr.path({ type: 'path', d: ringsPath(dr.polygon(f.polygon as Position[][])), fill: rgbPaint(t), fillRule: 'evenodd' });
    if (p) parts.areas.push(p);
  }
  // Hatching: 1-px lines 8 px apart at 45°, clipped to the area (FillStyleExtension's 'hatch').
  for (const f of data.hatches) {
    const rings = dr.polygon(f.polygon as Position[][]);
    if (!rings.length) continue;
    const alpha = on ? (selects(ctx.emphasis, [f.id]) ? f.alpha * 1.3 : f.alpha * DIM_AREA) : f.alpha;
    const xs = rings.flat().map((p) => p[0]);
    const ys = rings.flat().map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const gap = 8 * k;
    const d: Seg[] = [];
    for (let c = Math.floor((x0 + y0) / gap) * gap; c <= x1 + y1; c += gap) d.push(['M', c - y0, y0], ['L', c - y1, y1]);
    const p = dr.path({ type: 'path', d, stroke: rgbPaint(f.color, Math.min(1, alpha)), strokeWidth: 1 * k });
    if (p) parts.areas.push(group([p], { clip: ringsPath(rings) }));
  }
  for (const l of data.lines) {
    const look = lineLook(l, ctx);
    const lines = dr.lines([l.path as Position[]], look.offset * k);
    if (!lines.length) continue;
    const d = linesPath(lines);
    if (look.casing) {
      const c = dr.path({ type: 'path', d, stroke: look.casing.stroke, strokeWidth: look.casing.width * k, cap: 'round', join: 'round' });
      if (c) parts.casings.push(c);
    }
    const p = dr.path({
      type: 'path',
      d,
      stroke: look.stroke,
      strokeWidth: look.width * k,
      // Round caps and joints, the dashes' ends too (MapLibre's round caps reach into the gaps).
      cap: 'round',
      join: 'round',
      ...(look.dash ? { dash: look.dash.map((v) => v * k) } : {}),
    });
    if (p) parts.lines.push(p);
  }
  const hollowKey = iconKey({ shape: theme.style.shape, color: theme.style.color, hollow: true });
  const dimmedIcon = iconDimmedIn(ctx);
  for (const ic of data.icons) {
    const at = dr.proj.px(ic.position[0], ic.position[1]);
    if (!dr.inFrame(at)) continue;
    const alpha = dimmedIcon(ic) ? ic.alpha * DIM : ic.alpha;
    const cx = at[0] + ic.offset[0] * k;
    const cy = at[1] + ic.offset[1] * k;
    for (const n of shapeNodes({ shape: theme.style.shape, color: theme.style.color, hollow: ic.icon === hollowKey }, cx, cy, ic.size * ICON_HALF * k, alpha)) {
      const p = dr.path(n);
      if (p) parts.symbols.push(p);
    }
  }
  if (ctx.labels !== false)
    for (const d of shownLabels(data.labels, ctx)) {
      const at = dr.proj.px(d.position[0], d.position[1]);
      const t = labelText(dr, d, view.lang, at);
      // Labels wholly outside the frame would be hidden by its clip, yet still be text to find.
      if (dr.textMeetsFrame(t)) parts.labels.push(dr.text(t));
    }
  return parts;
}

/** The highlighted project's halo and the places a selection emphasises (deck-layers.ts highlightLayers). */
function highlightParts(scene: Scene, cat: Catalogue, dr: Drawer, zoom: number): { under: VNode[]; label: VNode[] } {
  const ctx = layerContext(scene.view, cat, zoom);
  const k = dr.proj.k;
  const under: VNode[] = [];
  const label: VNode[] = [];
  const circle = (at: Pt, r: number, fill: Paint, stroke: Paint | null, width: number) => {
    const d = shapePath('circle', at[0], at[1], r / 0.8);
    const p = dr.path({ type: 'path', d, fill, ...(stroke ? { stroke, strokeWidth: width } : {}) });
    if (p) under.push(p);
  };
  for (const id of emphasisedPlaces(ctx.emphasis)) {
    const f = cat.place(id);
    if (!f) continue;
    const at = dr.proj.px(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
    if (dr.inFrame(at)) circle(at, 6.5 * k, rgbPaint(HALO_FILL, 150 / 255), rgbPaint([200, 140, 0]), 1.5 * k);
  }
  const id = ctx.emphasis.kind === 'selection' ? ctx.emphasis.highlight : null;
  const p = id ? cat.project(id) : undefined;
  if (!p) return { under, label };
  const g = p.geometry;
  if (g.type === 'LineString') {
    const c = g.coordinates as [number, number][];
    const path = dr.path({ type: 'path', d: linesPath(dr.lines([c])), stroke: rgbPaint(HALO_FILL, 235 / 255), strokeWidth: 11 * k, cap: 'round', join: 'round' });
    if (path) under.push(path);
    // The line's name at the middle of its longest leg (straight on the page).
    let best = 0;
    let len = -1;
    for (let i = 0; i + 1 < c.length; i++) {
      const d = Math.hypot(c[i + 1]![0] - c[i]![0], c[i + 1]![1] - c[i]![1]);
      if (d > len) (len = d), (best = i);
    }
    const a = dr.proj.px(c[best]![0], c[best]![1]);
    const b = dr.proj.px(c[best + 1]![0], c[best + 1]![1]);
    const mid: Pt = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const d: LabelD = { ids: [p.properties.id], placeId: null, zh: p.properties.name_zh, en: p.properties.name_en, position: [0, 0], offset: [0, 0], symbolSize: 8, color: [59, 52, 38], minZoom: 0, minor: false };
    const t = labelText(dr, d, scene.view.lang, mid);
    if (ctx.labels !== false && dr.textMeetsFrame(t)) label.push(dr.text(t));
  } else if (g.type === 'Point') {
    const off = cacheFor(cat).pointOffsets().get(p.properties.id) ?? [0, 0];
    const at = dr.proj.px(g.coordinates[0]!, g.coordinates[1]!);
    const absorbed = off[0] === 0 && off[1] === 0;
    if (absorbed) circle(at, 14 * k, rgbPaint(HALO_FILL, 235 / 255), rgbPaint(HALO_EDGE), 1.5 * k);
    else circle(at, (Math.hypot(off[0], off[1]) + 12) * k, rgbPaint(HALO_FILL, 70 / 255), rgbPaint(HALO_EDGE), 1.5 * k);
  } else {
    const rings = dr.polygon(g);
    const fill = dr.path({ type: 'path', d: ringsPath(rings), fill: rgbPaint(HALO_FILL, 60 / 255), fillRule: 'evenodd' });
    if (fill) under.push(fill);
    const outer = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((poly) => poly[0]!);
    const line = dr.path({ type: 'path', d: linesPath(dr.lines(outer)), stroke: rgbPaint(HALO_EDGE), strokeWidth: 2.5 * k, join: 'round' });
    if (line) under.push(line);
  }
  return { under, label };
}

/** The imported layers as imported-deck-layers.ts draws them: areas, then lines, then points of every layer. */
function userParts(scene: Scene, dr: Drawer): VGroup[] {
  const k = dr.proj.k;
  return scene.userLayers.map((layer) => {
    const def = userLayerDef(layer);
    const { data, style, colour } = def;
    const nodes: VNode[] = [];
    for (const a of data.areas) {
      const rings = dr.polygon(a.polygon as Position[][]);
      const f = dr.path({ type: 'path', d: ringsPath(rings), fill: rgbPaint(colour, style.area.fillOpacity), fillRule: 'evenodd' });
      if (f) nodes.push(f);
      const l = dr.path({ type: 'path', d: linesPath(dr.lines(a.polygon as Position[][])), stroke: rgbPaint(style.area.stroke), strokeWidth: style.area.strokeWidth * k, join: 'round' });
      if (l) nodes.push(l);
    }
    for (const pth of data.paths) {
      const l = dr.path({ type: 'path', d: linesPath(dr.lines([pth.path])), stroke: rgbPaint(style.line.color), strokeWidth: style.line.width * k, cap: 'round', join: 'round' });
      if (l) nodes.push(l);
    }
    for (const pt of data.points) {
      const at = dr.proj.px(pt.position[0]!, pt.position[1]!);
      if (!dr.inFrame(at)) continue;
      const c = dr.path({ type: 'path', d: shapePath('circle', at[0], at[1], ((style.point.size / 2) * k) / 0.8), fill: rgbPaint(colour), stroke: rgbPaint(style.point.stroke), strokeWidth: 1.5 * k });
      if (c) nodes.push(c);
    }
    return group(nodes, { id: `user-${layer.id}`, label: def.name, layer: true, ocg: `user-${layer.id}` });
  });
}

// ---------------------------------------------------------------------------------------------

/** Builds the vector map of a page: the scene's view in the layout's map frame (reading the basemap's tiles it needs). */
export async function vectorMap(scene: Scene, comp: Composition, data: VectorMapData, measure: Measure): Promise<VectorMap> {
  const view = mapFrameView(comp, scene.bounds);
  const box = comp.map;
  const dr = new Drawer(new FrameProjection(view, box), box, measure);
  const zoom = view.zoom;
  const lang = scene.view.lang;
  const name = (key: string) => NAMES[key]![lang];
  const cat = data.catalogue;

  // The tile layers the style shows at this zoom, from the tiles MapLibre would draw them from.
  const tileLayers = new Set<string>();
  for (const layer of scene.style.layers) {
    const sl = sourceLayerOf(layer);
    if ('source' in layer && layer.source === SOURCE.basemap && sl && !GEOJSON_LAYERS.has(sl) && shownAt(layer, zoom)) tileLayers.add(sl);
  }
  const tiles = await tileFeatures(data.tiles, view.bounds, tileZoom(zoom), [...tileLayers]);

  // The style's layers in order, those of one family of the tiles (rivers, lakes, railways, towns) together.
  const basemap: VNode[] = [];
  let family = null as { id: Family; group: VGroup } | null;
  for (const layer of scene.style.layers) {
    if (layer.type === 'symbol' || !shownAt(layer, zoom)) continue;
    const nodes = basemapLayer(scene.style, layer, data, tiles, dr, zoom);
    if (!nodes.length) continue;
    const g = group(nodes, { id: `basemap-${layer.id}`, label: layer.id, layer: true });
    const f = familyOf(layer);
    if (!f) {
      family = null;
      basemap.push(g);
    } else if (family?.id === f) family.group.children.push(g);
    else {
      family = { id: f, group: group([g], { id: f, label: name(f), layer: true, ocg: f }) };
      basemap.push(family.group);
    }
  }
  const names = placeNames(scene.style, data, tiles, dr, zoom, measure);
  const nameGroup = (f: Family) => {
    const texts = names.get(f);
    return texts?.length ? [group(texts, { id: `names-${f}`, label: name(`names-${f}`), layer: true, ocg: `names-${f}` })] : [];
  };
  // The railways' names lie under the plan's layers, as on the map (the first label layer, under THEMATIC_BEFORE_ID).
  basemap.push(...nameGroup('railways'));

  const themes = THEMES.filter((t) => scene.view.layers.includes(t.id)).map((t) => themeParts(t, scene, cat, dr, zoom));
  const sub = (kind: keyof Omit<ThemeParts, 'theme'>, extra: Partial<VGroup> = {}) =>
    themes.filter((p) => p[kind].length).map((p) => group(p[kind], { id: `${kind}-${p.theme.id}`, label: p.theme.label[lang], layer: true, ocg: `theme-${p.theme.id}`, ...extra }));
  const hl = highlightParts(scene, cat, dr, zoom);
  const casings = themes.flatMap((p) => p.casings);
  const layers: VGroup[] = [
    group(basemap, { id: 'basemap', label: name('basemap'), layer: true, ocg: 'basemap' }),
    group(sub('areas', { blend: 'darken' }), { id: 'areas', label: name('areas'), layer: true }),
    group(hl.under, { id: 'highlight', label: name('highlight'), layer: true, ocg: 'highlight' }),
    group([...(casings.length ? [group(casings, { id: 'line-casings', label: name('casings'), layer: true })] : []), ...sub('lines')], { id: 'lines', label: name('lines'), layer: true }),
    group(sub('symbols'), { id: 'symbols', label: name('symbols'), layer: true }),
    group((['lakes', 'rivers', 'towns', 'regions'] as const).flatMap(nameGroup), { id: 'place-names', label: name('names'), layer: true, ocg: 'place-names' }),
    group([...(hl.label.length ? [group(hl.label, { id: 'labels-highlight', label: name('highlight'), layer: true, ocg: 'highlight' })] : []), ...sub('labels')], { id: 'labels', label: name('labels'), layer: true }),
    group(userParts(scene, dr), { id: 'imported', label: name('user'), layer: true }),
  ].filter((g) => g.children.length);
  const root = group(layers, { id: 'map', clip: rectPath(box.x, box.y, box.w, box.h) });
  return { root, view, stats: dr.stats };
}

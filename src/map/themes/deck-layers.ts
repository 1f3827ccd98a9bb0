/**
 * What deck.gl draws of the themes: a selection's halo and the highlighted line's name, the
 * corridor, and areas with an authored outline or a hatch (the plan has none); everything else is
 * the style's own layers (style-themes.ts). Only this module and the overlay (../overlay.ts) need
 * deck.gl's code, so the page loads it once the atlas is drawn (../deck.ts, deck-needs.ts).
 */
import type { Layer } from '@deck.gl/core';
import { FillStyleExtension, PathStyleExtension, type FillStyleExtensionProps, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import { emphasisedPlaces, selects } from '../../domain/selection.ts';
import { areaCells } from './area-cells.ts';
import { areaAlpha, DIM_AREA, emphasisKey, rgba, tint, type DrawData, type FillD, type LabelD } from './draw-data.ts';
import { CORRIDOR_STYLE } from './style.ts';
import { cacheFor, visibleDraw } from './index.ts';
import { THEME_LINES_BOTTOM_ID } from './line-style.ts';
import type { LayerContext } from './types.ts';

/**
 * deck.gl layers of the visible themes: all themes' hatches and authored-outline areas in one layer
 * each; their tints, lines, symbols and labels are MapLibre's (style-themes.ts). Interleaved
 * (`ctx.beforeId`), the corridor, the areas and the halo go under the plan's lines, the highlighted
 * line's name on top. Within a layer, themes keep their THEMES order. Data arrays
 * are memoised per catalogue, themes and filters, so a new selection only re-evaluates colours.
 */
export function buildThemeLayers(ctx: LayerContext, visibleIds: Iterable<string>): Layer[] {
  const layers = makeLayers('themes', visibleDraw(ctx, visibleIds), ctx);
  const isArea = (l: Layer) => l.id.startsWith('themes-area-');
  const under = [...corridorLayers(ctx), ...layers.filter(isArea), ...highlightLayers(ctx)];
  const over = layers.filter((l) => !isArea(l));
  const before = ctx.beforeId;
  if (!before) return [...under, ...over];
  const place = (l: Layer, beforeId: string) => (l.id.endsWith('-label') ? l : l.clone({ beforeId } as never));
  // An empty layer in each place keeps its group of layers in MapLibre's style for good: deck.gl adds
  // a new group only while the style is loaded, so a halo's group made on a click while tiles or
  // source data load would wait for the style's next change. (It also compiles the halo's shader
  // when the overlay is mounted, in idle time, not on the first click.)
  const keep = (id: string, beforeId?: string) => new ScatterplotLayer<Position>({ id, data: [], getPosition: (d: Position) => d as [number, number], ...(beforeId ? { beforeId } : {}) } as never);
  return [keep('group-under', THEME_LINES_BOTTOM_ID), ...under.map((l) => place(l, THEME_LINES_BOTTOM_ID)), keep('group-over', before), ...over.map((l) => place(l, before)), keep('group-top-label')];
}

// ---------------------------------------------------------------------------------------------
// Corridor analysis: the buffer as a quiet translucent fill with a thin dashed edge, under the
// plan's areas, lines and symbols, so it reads as ground rather than as one more project.

const CORRIDOR_FILL: [number, number, number, number] = [...CORRIDOR_STYLE.rgb, CORRIDOR_STYLE.fillAlpha];
const CORRIDOR_EDGE: [number, number, number, number] = [...CORRIDOR_STYLE.rgb, CORRIDOR_STYLE.edgeAlpha];

const corridorData = new WeakMap<object, { polygons: Position[][][]; rings: Position[][] }>();

function corridorLayers(ctx: LayerContext): Layer[] {
  const c = ctx.corridor;
  if (!c) return [];
  // The same arrays for the same buffer (memoised in the domain), so deck.gl keeps its buffers on a re-render.
  let d = corridorData.get(c.buffer);
  if (!d) {
    const g = c.buffer.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    corridorData.set(c.buffer, (d = { polygons, rings: polygons.flat() }));
  }
  const { polygons, rings } = d;
  const key = `${c.target.kind === 'project' ? c.target.id : c.target.code}:${c.km}`;
  return [
    new SolidPolygonLayer<Position[][]>({
      id: 'corridor-fill',
      data: polygons,
      getPolygon: (d) => d as never,
      getFillColor: CORRIDOR_FILL,
      updateTriggers: { getPolygon: key },
    }),
    new PathLayer<Position[], PathStyleExtensionProps<Position[]>>({
      id: 'corridor-edge',
      data: rings,
      getPath: (d) => d as never,
      getColor: CORRIDOR_EDGE,
      getWidth: 1.25 * ctx.scale,
      widthUnits: 'pixels',
      getDashArray: [5, 3],
      dashJustified: true,
      extensions: [new PathStyleExtension({ dash: true })],
      updateTriggers: { getPath: key, getWidth: ctx.scale },
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// The highlighted project: a halo under its own symbol, whichever theme draws it.

const HALO: [number, number, number, number] = [255, 214, 10, 235];
const HALO_EDGE: [number, number, number, number] = [120, 60, 0, 255];

function highlightLayers(ctx: LayerContext): Layer[] {
  const out: Layer[] = [];
  const s = ctx.scale;
  const places = emphasisedPlaces(ctx.emphasis);
  if (places.size) {
    const data: Position[] = [];
    for (const id of places) {
      const f = ctx.catalogue.place(id);
      if (f) data.push(f.geometry.coordinates);
    }
    out.push(
      new ScatterplotLayer<Position>({
        id: 'highlight-places',
        data,
        getPosition: (d) => d as [number, number],
        getRadius: 6.5 * s,
        radiusUnits: 'pixels',
        stroked: true,
        filled: true,
        getFillColor: [255, 214, 10, 150],
        getLineColor: [200, 140, 0, 255],
        getLineWidth: 1.5 * s,
        lineWidthUnits: 'pixels',
        updateTriggers: { getRadius: s, getLineWidth: s, data: emphasisKey(ctx.emphasis) },
      }),
    );
  }
  const id = ctx.emphasis.kind === 'selection' ? ctx.emphasis.highlight : null;
  const p: ProjectFeature | undefined = id ? ctx.catalogue.project(id) : undefined;
  if (!p) return out;
  const g = p.geometry;
  if (g.type === 'LineString' && ctx.labels !== false) {
    // The line's name at the middle of its longest leg (straight in Web Mercator, as drawn).
    const c = g.coordinates as [number, number][];
    let best = 0;
    let len = -1;
    for (let i = 0; i + 1 < c.length; i++) {
      const d = Math.hypot(c[i + 1]![0] - c[i]![0], c[i + 1]![1] - c[i]![1]);
      if (d > len) {
        len = d;
        best = i;
      }
    }
    const a = c[best]!;
    const b = c[best + 1]!;
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const mid: [number, number] = [(a[0] + b[0]) / 2, (360 / Math.PI) * Math.atan(Math.exp((merc(a[1]) + merc(b[1])) / 2)) - 90];
    out.push(
      textLayer(
        'highlight-label',
        [{ ids: [p.properties.id], placeId: null, zh: p.properties.name_zh, en: p.properties.name_en, position: mid, offset: [0, 0], symbolSize: 8, color: [59, 52, 38], minZoom: 0, minor: false }],
        ctx,
      ),
    );
  }
  if (g.type === 'LineString') {
    out.push(
      new PathLayer<Position[]>({
        id: 'highlight-line',
        data: [g.coordinates],
        getPath: (d) => d as [number, number][],
        getColor: HALO,
        getWidth: 11 * s,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  } else if (g.type === 'Point') {
    const off = cacheFor(ctx.catalogue).pointOffsets().get(p.properties.id) ?? [0, 0];
    const absorbed = off[0] === 0 && off[1] === 0;
    out.push(
      new ScatterplotLayer<Position>({
        id: 'highlight-point',
        data: [g.coordinates],
        getPosition: (d) => d as [number, number],
        getRadius: 14 * s,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: HALO,
        getLineColor: HALO_EDGE,
        getLineWidth: 1.5 * s,
        lineWidthUnits: 'pixels',
        // The halo follows the symbol's offset on its ring (deck's scatterplot has no pixel offset: a
        // ring of the same size around the spot stands in when the symbol sits off-centre).
        ...(absorbed ? {} : { getRadius: (Math.hypot(off[0], off[1]) + 12) * s, getFillColor: [255, 214, 10, 70] }),
        updateTriggers: { getRadius: s, getLineWidth: s },
      }),
    );
  } else {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    out.push(
      new SolidPolygonLayer<Position[][]>({
        id: 'highlight-area-fill',
        data: polys,
        getPolygon: (d) => d as [number, number][][],
        getFillColor: [255, 214, 10, 60],
      }),
      new PathLayer<Position[]>({
        id: 'highlight-area-line',
        data: polys.map((poly) => poly[0]!),
        getPath: (d) => d as [number, number][],
        getColor: HALO_EDGE,
        getWidth: 2.5 * s,
        widthUnits: 'pixels',
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Draw data to deck.gl layers.

const HATCH = { hatch: { type: 'hatch' as const, angle: 45, strokeWidth: 1, gap: 8 } };

function emphasised(ctx: LayerContext, ids: readonly string[]): boolean {
  return selects(ctx.emphasis, ids);
}

/**
 * deck.gl layers for draw data: areas with an authored outline and hatches (the tints of region-made
 * areas, the lines, the symbols and their labels are MapLibre's: style-themes.ts). Ids are
 * `${prefix}-area-fill-shapes`, `-area-hatch`.
 */
export function makeLayers(prefix: string, data: DrawData, ctx: LayerContext): Layer[] {
  const emph = emphasisKey(ctx.emphasis);
  const on = ctx.emphasis.kind === 'selection';
  const layers: Layer[] = [];

  // Areas that are unions of regions (all of the plan's) are MapLibre's tints (area-layers.ts); those
  // with an authored outline may overlap one another, so they are drawn here with the `min` operation:
  // each pixel takes the strongest tint over it, lightened towards white, however many overlap.
  const { rest } = areaCells(data.fills, ctx.catalogue);
  if (rest.length) {
    const fillAlpha = areaAlpha(ctx);
    layers.push(
      new SolidPolygonLayer<FillD>({
        id: `${prefix}-area-fill-shapes`,
        data: rest,
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => tint(d.color, fillAlpha(d)),
        pickable: false,
        parameters: { blend: true, blendColorOperation: 'min', blendAlphaOperation: 'max', depthWriteEnabled: false, depthCompare: 'always' },
        updateTriggers: { getFillColor: emph },
      }),
    );
  }
  if (data.hatches.length)
    layers.push(
      new SolidPolygonLayer<FillD, FillStyleExtensionProps<FillD>>({
        id: `${prefix}-area-hatch`,
        data: data.hatches,
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => rgba(d.color, on ? (emphasised(ctx, [d.id]) ? d.alpha * 1.3 : d.alpha * DIM_AREA) : d.alpha),
        pickable: false,
        extensions: [new FillStyleExtension({ pattern: true, proceduralPattern: true })],
        fillPatternMapping: HATCH,
        getFillPattern: () => 'hatch',
        fillPatternSizeUnits: 'pixels',
        fillPatternMask: true,
        updateTriggers: { getFillColor: emph },
      }),
    );

  return layers;
}

/**
 * Every character any label of the catalogue can show (both languages), so the text layer's font
 * atlas is drawn once rather than again whenever the labels shown change (a new selection).
 */
const charCache = new WeakMap<Catalogue, string[]>();
function labelCharacters(cat: Catalogue): string[] {
  let hit = charCache.get(cat);
  if (!hit) {
    const set = new Set<string>('0123456789 ·-–()（）');
    for (const p of cat.allProjects()) for (const ch of p.properties.name_zh + p.properties.name_en) set.add(ch);
    for (const f of cat.data.places.features) for (const ch of f.properties.name_zh + f.properties.name_en) set.add(ch);
    hit = [...set];
    charCache.set(cat, hit);
  }
  return hit;
}

function textLayer(id: string, data: LabelD[], ctx: LayerContext): Layer {
  const s = ctx.scale;
  const lang = ctx.lang;
  return new TextLayer<LabelD>({
    id,
    data,
    getText: (d) => (lang === 'zh' ? d.zh : d.en),
    getPosition: (d) => d.position,
    getPixelOffset: (d) => [d.offset[0] * s + (d.symbolSize / 2 + 3) * s, d.offset[1] * s],
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getSize: (d) => (d.minor ? 11 : 12) * s,
    sizeUnits: 'pixels',
    getColor: (d) => rgba(d.color, d.minor ? 0.7 : 1),
    characterSet: labelCharacters(ctx.catalogue),
    fontFamily: ctx.fontFamily ?? '"Atlas Sans", sans-serif',
    fontWeight: 400,
    // Glyphs drawn at 32 px as distance fields scale up cleanly to the exports' sizes; larger ones
    // only cost atlas time and texture (MapLibre's own glyphs are 24 px).
    fontSettings: { sdf: true, fontSize: 32, buffer: 4, radius: 8 },
    outlineWidth: 2, // in atlas pixels: the same halo as 3 at 48 px
    outlineColor: [253, 251, 246, 235],
    pickable: false,
    updateTriggers: { getText: lang, getPixelOffset: s, getSize: s },
  });
}

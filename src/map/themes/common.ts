/**
 * The one factory behind every theme module: from a theme's id, group, label and style it derives
 * the features it draws (its draw data, which deck-layers.ts turns into deck.gl layers), its picking
 * and its legend rows, so map, legend, layer panel and exports read the same definition and cannot
 * disagree. No deck.gl code here: the page loads deck.gl after its first frame (../deck.ts).
 *
 * Encoding (see style.ts):
 * - lines: the theme's colour; solid, dotted or dashed by how firmly the plan commits (stage);
 *   all lines in the catalogue are schematic (straight segments through the places the plan names)
 *   and say so in the legend;
 * - points: the theme's shape and colour; filled at a real site (`exact`), hollow where a city's
 *   seat stands for something the plan places only in that city (`schematic`, `regional`);
 * - areas (`regional`): a soft tint in the theme's colour (hatched for ecological zones), no drawn
 *   edge; overlapping tints are drawn once per leaf region in the strongest of them (areaCells);
 * - place layers (ports of entry, seaports, airports): every gazetteer place of that kind, full
 *   size when a project of the plan is at it, small and faint otherwise.
 */
import type { PickingInfo } from '@deck.gl/core';
import TEXT from '../../i18n/themes.json';
import type { Position } from 'geojson';
import { bbox as turfBbox, bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Catalogue } from '../../domain/catalogue.ts';
import { chunkByExtent, type Extent } from '../cull.ts';
import { projectPasses, type Filters } from '../../domain/filters.ts';
import type { PlaceFeature, ProjectFeature } from '../../domain/types.ts';
import { absorbedByPlace, PLACE_LAYER_KINDS, themeIdOf, type ThemeId } from './assign.ts';
import { iconKey, registerIcon } from './icons.ts';
import { darker, stageClass, stageDash, STAGE_CLASS_LABEL, STAGE_CLASSES, type StageClass } from './style.ts';
import type { LayerContext, LayerGroupId, LegendEntry, LegendSymbol, PointShape, RGB, ThemeLayerDef } from './types.ts';

export interface ThemeStyle {
  /** Lines, points and area outlines. */
  color: RGB;
  /** Area fill (default: color). */
  fill?: RGB;
  /** Area fill opacity (default 0.13). */
  fillOpacity?: number;
  /** Line width in px (default 3). */
  lineWidth?: number;
  /** Wide translucent band (development corridors) instead of a line. */
  corridor?: boolean;
  /** Areas hatched as well as tinted (keeps overlapping zones apart). */
  hatch?: boolean;
  shape: PointShape;
  /** Point size in px (default 15). */
  pointSize?: number;
  /** Sideways offset of lines, in line widths, so corridors shared by two themes show both. */
  lineOffset?: number;
}

export interface ThemeSpec {
  id: ThemeId;
  group: LayerGroupId;
  label: { zh: string; en: string };
  style: ThemeStyle;
}

/** What a picked deck.gl object stands for. */
export type PickTarget = { kind: 'project'; id: string } | { kind: 'place'; id: string; projects: string[] };

interface PointDatum {
  kind: 'point';
  project: ProjectFeature;
  position: Position;
  offset: [number, number];
  hollow: boolean;
}
type XY = [number, number];
interface LineDatum {
  kind: 'line';
  project: ProjectFeature;
  path: XY[];
  cls: StageClass;
}
interface AreaDatum {
  kind: 'area';
  project: ProjectFeature;
  polygon: XY[][];
}
interface RingDatum {
  kind: 'ring';
  project: ProjectFeature;
  path: XY[];
}
interface PlaceDatum {
  kind: 'place';
  place: PlaceFeature;
  position: Position;
  offset: [number, number];
  /** The projects at this place that this layer draws (after filters). */
  projects: ProjectFeature[];
}
type Datum = PointDatum | LineDatum | AreaDatum | RingDatum | PlaceDatum;

export function pickTarget(object: unknown): PickTarget | null {
  const d = object as Datum | null | undefined;
  if (!d || typeof d !== 'object' || !('kind' in d)) return null;
  if (d.kind === 'place') return { kind: 'place', id: d.place.properties.id, projects: d.projects.map((p) => p.properties.id) };
  if ('project' in d) return { kind: 'project', id: d.project.properties.id };
  return null;
}

export function pickTargetOf(info: PickingInfo | null | undefined): PickTarget | null {
  return info?.picked ? pickTarget(info.object) : null;
}

// ---------------------------------------------------------------------------------------------
// Per-catalogue preparation (memoised): features by geometry, offsets of points sharing a spot.

interface Prepared {
  projects: ProjectFeature[];
  points: PointDatum[];
  lines: LineDatum[];
  areas: AreaDatum[];
  rings: RingDatum[];
  places: { place: PlaceFeature; position: Position; offset: [number, number]; projects: ProjectFeature[] }[];
}

const posKey = (p: Position) => `${p[0]!.toFixed(4)},${p[1]!.toFixed(4)}`;

/**
 * Symbols that share a spot (several parks at one city seat) are spread on a small ring around it
 * instead of hiding each other; a place layer's own symbol keeps the centre. Computed over the whole
 * catalogue, so a symbol keeps its place whatever else is toggled.
 */
const offsetsCache = new WeakMap<Catalogue, Map<string, [number, number]>>();
export function pointOffsets(cat: Catalogue): Map<string, [number, number]> {
  const cached = offsetsCache.get(cat);
  if (cached) return cached;
  const groups = new Map<string, { key: string; centre: boolean }[]>();
  const add = (pos: Position, key: string, centre: boolean) => {
    const k = posKey(pos);
    const l = groups.get(k) ?? [];
    l.push({ key, centre });
    groups.set(k, l);
  };
  const placeKinds = new Set(Object.values(PLACE_LAYER_KINDS));
  for (const f of cat.data.places.features) if (placeKinds.has(f.properties.kind)) add(f.geometry.coordinates, `place:${f.properties.id}`, true);
  for (const p of cat.allProjects()) {
    if (p.geometry.type !== 'Point' || absorbedByPlace(p, cat)) continue;
    add(p.geometry.coordinates, p.properties.id, false);
  }
  const out = new Map<string, [number, number]>();
  for (const members of groups.values()) {
    const hasCentre = members.some((m) => m.centre);
    const ring = members.filter((m) => !m.centre).sort((a, b) => a.key.localeCompare(b.key));
    for (const m of members) if (m.centre) out.set(m.key, [0, 0]);
    if (!hasCentre && ring.length === 1) {
      out.set(ring[0]!.key, [0, 0]);
      continue;
    }
    const n = ring.length;
    const radius = n <= 6 ? 12 : 12 + (n - 6) * 1.6;
    ring.forEach((m, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      out.set(m.key, [Math.round(Math.cos(a) * radius * 10) / 10, Math.round(Math.sin(a) * radius * 10) / 10]);
    });
  }
  offsetsCache.set(cat, out);
  return out;
}

function outerRings(geom: ProjectFeature['geometry']): Position[][][] {
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  return [];
}

const preparedCache = new WeakMap<Catalogue, Map<string, Prepared>>();
function prepare(spec: ThemeSpec, cat: Catalogue): Prepared {
  let byTheme = preparedCache.get(cat);
  if (!byTheme) preparedCache.set(cat, (byTheme = new Map()));
  const hit = byTheme.get(spec.id);
  if (hit) return hit;
  const offsets = pointOffsets(cat);
  const projects = cat.allProjects().filter((p) => themeIdOf(p, cat) === spec.id);
  const out: Prepared = { projects, points: [], lines: [], areas: [], rings: [], places: [] };
  const placeKind = PLACE_LAYER_KINDS[spec.id];
  const absorbed = new Map<string, ProjectFeature[]>();
  for (const p of projects) {
    const g = p.geometry;
    if (placeKind && absorbedByPlace(p, cat)) {
      const at = p.properties.places[0]!;
      absorbed.set(at, [...(absorbed.get(at) ?? []), p]);
    } else if (g.type === 'Point') {
      out.points.push({ kind: 'point', project: p, position: g.coordinates, offset: offsets.get(p.properties.id) ?? [0, 0], hollow: p.properties.precision !== 'exact' });
    } else if (g.type === 'LineString') {
      out.lines.push({ kind: 'line', project: p, path: g.coordinates as XY[], cls: stageClass(p.properties.stage) });
    } else {
      for (const poly of outerRings(g)) {
        out.areas.push({ kind: 'area', project: p, polygon: poly as XY[][] });
        out.rings.push({ kind: 'ring', project: p, path: poly[0]! as XY[] });
      }
    }
  }
  if (placeKind) {
    for (const f of cat.data.places.features) {
      if (f.properties.kind !== placeKind) continue;
      const place = f as PlaceFeature;
      out.places.push({ place, position: place.geometry.coordinates, offset: offsets.get(`place:${place.properties.id}`) ?? [0, 0], projects: absorbed.get(place.properties.id) ?? [] });
    }
  }
  byTheme.set(spec.id, out);
  return out;
}

export function filtersKey(f: Filters): string {
  return `${f.chapters.join(',')}|${f.themes.join(',')}|${f.stages.join(',')}`;
}

interface Visible {
  points: PointDatum[];
  lines: LineDatum[];
  areas: AreaDatum[];
  rings: RingDatum[];
  places: PlaceDatum[];
  /** Projects drawn (after filters). */
  projects: ProjectFeature[];
}

const visibleCache = new WeakMap<Prepared, Map<string, Visible>>();
function visible(prep: Prepared, filters: Filters): Visible {
  let byKey = visibleCache.get(prep);
  if (!byKey) visibleCache.set(prep, (byKey = new Map()));
  const key = filtersKey(filters);
  const hit = byKey.get(key);
  if (hit) return hit;
  const pass = (p: ProjectFeature) => projectPasses(p, filters);
  const out: Visible = {
    points: prep.points.filter((d) => pass(d.project)),
    lines: prep.lines.filter((d) => pass(d.project)),
    areas: prep.areas.filter((d) => pass(d.project)),
    rings: prep.rings.filter((d) => pass(d.project)),
    places: prep.places.map((d) => ({ kind: 'place' as const, ...d, projects: d.projects.filter(pass) })),
    projects: prep.projects.filter(pass),
  };
  byKey.set(key, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Emphasis: when a selection emphasises some projects, the rest is dimmed.

export const DIM = 0.22;
/** Areas stand back further when dimmed: their fills add up where zones overlap. */
export const DIM_AREA = 0.1;
/** Emphasised areas get a stronger tint. */
const EMPHASISED_AREA = 1.7;
const keyCache = new WeakMap<ReadonlySet<string>, string>();
export function setKey(s: ReadonlySet<string>): string {
  let k = keyCache.get(s);
  if (k == null) {
    k = [...s].sort().join(',');
    keyCache.set(s, k);
  }
  return k;
}

function alphaOf(ctx: LayerContext, ids: string[], base = 1, dim = DIM, boost = 1): number {
  if (ctx.emphasis.size === 0) return base;
  return ids.some((id) => ctx.emphasis.has(id)) ? Math.min(1, base * boost) : base * dim;
}

/** The colour `c` at opacity `a` over white, opaque (for `min` blending). */
export const tint = (c: RGB, a: number): [number, number, number, number] => {
  const k = Math.max(0, Math.min(1, a));
  return [Math.round(255 - (255 - c[0]) * k), Math.round(255 - (255 - c[1]) * k), Math.round(255 - (255 - c[2]) * k), 255];
};

export const rgba = (c: RGB, a: number): [number, number, number, number] => [c[0], c[1], c[2], Math.round(Math.max(0, Math.min(1, a)) * 255)];

// ---------------------------------------------------------------------------------------------

export const LEGEND_TEXT = TEXT.legend;

/** A hit of pickAt: what is under the pointer, how far from it (px), and how high it is drawn. */
export interface PickHit {
  target: PickTarget;
  distance: number;
  /** Symbols (2) over lines (1). */
  tier: number;
}

/** Projects a longitude/latitude to screen pixels (the map's own projection). */
export type Projector = (lngLat: [number, number]) => { x: number; y: number };
/** Screen pixels back to longitude/latitude (lets picking look only near the pointer). */
export type Unprojector = (x: number, y: number) => [number, number];

export type ThemeDef = ThemeLayerDef & {
  spec: ThemeSpec;
  /** The legend symbol this layer draws for one of its projects (for lists and tooltips). */
  symbolFor(p: ProjectFeature): LegendSymbol;
  /**
   * What this layer draws at a screen point (symbols and lines; areas are not picked: a click
   * inside an area selects the region under it, whose list includes the area).
   */
  pickAt(ctx: Pick<LayerContext, 'catalogue' | 'filters' | 'scale'>, project: Projector, x: number, y: number, radius: number, unproject?: Unprojector): PickHit | null;
  /** Builds what pickAt looks things up in (its grid of symbols and segments), kept for pickAt. */
  preparePicking(ctx: Pick<LayerContext, 'catalogue' | 'filters'>): void;
  /** What it draws after the filters, style resolved (memoised; see makeLayers). */
  draw(cat: Catalogue, filters: Filters): DrawData;
};

/** A grid (in degrees) of what a theme can pick: symbols at their positions, lines by segment. */
type PickCandidate = { kind: 'place'; d: Visible['places'][number] } | { kind: 'point'; d: PointDatum } | { kind: 'segment'; d: LineDatum; i: number };
interface PickIndex {
  /** The largest symbol offset (px at scale 1): symbols sharing a spot are drawn apart. */
  maxOffset: number;
  query(w: number, s: number, e: number, n: number): Iterable<PickCandidate>;
}
const PICK_CELL = 0.5;
const pickIndexes = new WeakMap<Visible, PickIndex>();
function pickIndex(v: Visible): PickIndex {
  const cached = pickIndexes.get(v);
  if (cached) return cached;
  const cells = new Map<number, PickCandidate[]>();
  // Longitudes and latitudes of China fit well inside ±1000 cells: one integer key per cell.
  const key = (cx: number, cy: number) => cx * 4096 + cy;
  const cellOf = (deg: number) => Math.floor(deg / PICK_CELL);
  const add = (c: PickCandidate, w: number, s: number, e: number, n: number) => {
    for (let cx = cellOf(w); cx <= cellOf(e); cx++)
      for (let cy = cellOf(s); cy <= cellOf(n); cy++) {
        const k = key(cx, cy);
        const list = cells.get(k);
        if (list) list.push(c);
        else cells.set(k, [c]);
      }
  };
  let maxOffset = 0;
  for (const d of v.places) {
    add({ kind: 'place', d }, d.position[0]!, d.position[1]!, d.position[0]!, d.position[1]!);
    maxOffset = Math.max(maxOffset, Math.hypot(d.offset[0], d.offset[1]));
  }
  for (const d of v.points) {
    add({ kind: 'point', d }, d.position[0]!, d.position[1]!, d.position[0]!, d.position[1]!);
    maxOffset = Math.max(maxOffset, Math.hypot(d.offset[0], d.offset[1]));
  }
  for (const d of v.lines)
    for (let i = 1; i < d.path.length; i++) {
      const [ax, ay] = d.path[i - 1]!;
      const [bx, by] = d.path[i]!;
      add({ kind: 'segment', d, i }, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  const index: PickIndex = {
    maxOffset,
    *query(w, s, e, n) {
      const seen = new Set<PickCandidate>();
      for (let cx = cellOf(w); cx <= cellOf(e); cx++)
        for (let cy = cellOf(s); cy <= cellOf(n); cy++)
          for (const c of cells.get(key(cx, cy)) ?? []) {
            if (seen.has(c)) continue;
            seen.add(c);
            yield c;
          }
    },
  };
  pickIndexes.set(v, index);
  return index;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** What of `v` falls inside `extent` (points inside it; lines and areas that cross or touch it). */
function withinExtent(v: Visible, extent: [[number, number], [number, number]]): Visible {
  const [[w, s], [e, n]] = extent;
  const box = bboxPolygon([w, s, e, n]);
  const inside = (p: Position) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
  const meets = (f: ProjectFeature) => {
    const b = featureBbox(f);
    if (b[2]! < w || b[0]! > e || b[3]! < s || b[1]! > n) return false;
    return booleanIntersects(f, box);
  };
  return {
    ...v,
    points: v.points.filter((d) => inside(d.position)),
    places: v.places.filter((d) => inside(d.position)),
    lines: v.lines.filter((d) => meets(d.project)),
    areas: v.areas.filter((d) => meets(d.project)),
    rings: v.rings.filter((d) => meets(d.project)),
  };
}

const bboxCache = new WeakMap<ProjectFeature, number[]>();
function featureBbox(f: ProjectFeature): number[] {
  let b = bboxCache.get(f);
  if (!b) bboxCache.set(f, (b = turfBbox(f)));
  return b;
}

export function defineTheme(spec: ThemeSpec): ThemeDef {
  const st = spec.style;
  const width = st.lineWidth ?? 3;
  const size = st.pointSize ?? 15;
  const fill = st.fill ?? st.color;
  const fillOpacity = st.fillOpacity ?? 0.15;
  registerIcon({ shape: st.shape, color: st.color, hollow: false });
  registerIcon({ shape: st.shape, color: st.color, hollow: true });
  const lineOpacity = st.corridor ? CORRIDOR_OPACITY : 0.95;

  const lineSymbol = (cls: StageClass): LegendSymbol => {
    const dash = st.corridor ? null : stageDash(cls, width);
    return { kind: 'line', color: st.color, width, dashed: dash != null, ...(dash ? { dashArray: dash } : {}), ...(st.corridor ? { opacity: lineOpacity } : { casing: [255, 255, 255] as RGB }) };
  };

  // Areas are a soft tint (hatched for ecological zones) with no drawn edge: the plan names a
  // region, not a boundary. The legend swatch gets a hairline of the same hue to stand out on white.
  const areaSymbol: LegendSymbol = { kind: 'area', fill, fillOpacity: st.hatch ? Math.max(fillOpacity, 0.12) : Math.max(fillOpacity * 1.5, 0.12), stroke: fill, dashed: false, strokeWidth: 0.5, ...(st.hatch ? { hatch: true } : {}) };

  const def: ThemeDef = {
    id: spec.id,
    group: spec.group,
    label: spec.label,
    spec,

    symbolFor(p: ProjectFeature): LegendSymbol {
      const g = p.geometry.type;
      if (g === 'LineString') return lineSymbol(stageClass(p.properties.stage));
      if (g === 'Point') {
        const placed = PLACE_LAYER_KINDS[spec.id] != null && p.properties.precision !== 'schematic';
        return { kind: 'point', color: st.color, shape: st.shape, size, ...(p.properties.precision === 'exact' || placed ? {} : { hollow: true }) };
      }
      return areaSymbol;
    },

    select(cat: Catalogue) {
      const prep = prepare(spec, cat);
      return [...prep.projects, ...prep.places.map((p) => p.place)];
    },

    preparePicking(ctx) {
      pickIndex(visible(prepare(spec, ctx.catalogue), ctx.filters));
    },

    pickAt(ctx, project, x, y, radius, unproject) {
      const v = visible(prepare(spec, ctx.catalogue), ctx.filters);
      const s = ctx.scale;
      let best: PickHit | null = null;
      const consider = (hit: PickHit) => {
        if (!best || hit.tier > best.tier || (hit.tier === best.tier && hit.distance < best.distance)) best = hit;
      };
      const half = (width / 2) * s + radius;
      const place = (d: Visible['places'][number]) => {
        const p = project(d.position as [number, number]);
        const r = ((d.projects.length ? size : size * 0.7) / 2) * s + radius;
        const dist = Math.hypot(x - (p.x + d.offset[0] * s), y - (p.y + d.offset[1] * s));
        if (dist <= r) consider({ target: { kind: 'place', id: d.place.properties.id, projects: d.projects.map((q) => q.properties.id) }, distance: dist, tier: 2 });
      };
      const point = (d: PointDatum) => {
        const p = project(d.position as [number, number]);
        const dist = Math.hypot(x - (p.x + d.offset[0] * s), y - (p.y + d.offset[1] * s));
        if (dist <= (size / 2) * s + radius) consider({ target: { kind: 'project', id: d.project.properties.id }, distance: dist, tier: 2 });
      };
      const segment = (d: LineDatum, i: number) => {
        const a = project(d.path[i - 1]!);
        const b = project(d.path[i]!);
        if (x < Math.min(a.x, b.x) - half || x > Math.max(a.x, b.x) + half || y < Math.min(a.y, b.y) - half || y > Math.max(a.y, b.y) + half) return;
        const dist = segmentDistance(x, y, a.x, a.y, b.x, b.y);
        if (dist <= half) consider({ target: { kind: 'project', id: d.project.properties.id }, distance: dist, tier: 1 });
      };
      if (unproject) {
        // Only what lies near the pointer: the pointer's box (widened by the largest symbol and
        // offset) back in degrees, looked up in a grid of the theme's symbols and segments.
        const index = pickIndex(v);
        const reach = radius + (Math.max(size, width) / 2 + index.maxOffset) * s + 2;
        const [w, n] = unproject(x - reach, y - reach);
        const [e, so] = unproject(x + reach, y + reach);
        for (const c of index.query(Math.min(w, e), Math.min(so, n), Math.max(w, e), Math.max(so, n))) {
          if (c.kind === 'place') place(c.d);
          else if (c.kind === 'point') point(c.d);
          else segment(c.d, c.i);
        }
        return best;
      }
      for (const d of v.places) place(d);
      for (const d of v.points) point(d);
      for (const d of v.lines) for (let i = 1; i < d.path.length; i++) segment(d, i);
      return best;
    },

    legend(ctx: LayerContext): LegendEntry[] {
      const all = visible(prepare(spec, ctx.catalogue), ctx.filters);
      const v = ctx.extent ? withinExtent(all, ctx.extent) : all;
      const rows: LegendEntry[] = [];
      if (v.lines.length) {
        if (st.corridor) rows.push({ symbol: lineSymbol('firm'), label: LEGEND_TEXT.schematicLine });
        else
          for (const cls of STAGE_CLASSES)
            if (v.lines.some((l) => l.cls === cls)) rows.push({ symbol: lineSymbol(cls), label: STAGE_CLASS_LABEL[cls] });
      }
      if (v.places.length) {
        const withP = v.places.some((p) => p.projects.length > 0);
        const without = v.places.some((p) => p.projects.length === 0);
        if (withP) rows.push({ symbol: { kind: 'point', color: st.color, shape: st.shape, size }, label: LEGEND_TEXT.placeWithProject });
        if (without) rows.push({ symbol: { kind: 'point', color: st.color, shape: st.shape, size: Math.round(size * 0.7), opacity: 0.5 }, label: LEGEND_TEXT.placeOther });
      }
      if (v.points.some((p) => !p.hollow)) rows.push({ symbol: { kind: 'point', color: st.color, shape: st.shape, size }, label: LEGEND_TEXT.exactPoint });
      if (v.points.some((p) => p.hollow)) rows.push({ symbol: { kind: 'point', color: st.color, shape: st.shape, size, hollow: true }, label: LEGEND_TEXT.schematicPoint });
      if (v.areas.length) rows.push({ symbol: areaSymbol, label: LEGEND_TEXT.area });
      return rows;
    },

    draw(cat: Catalogue, filters: Filters): DrawData {
      return themeDraw(def, cat, filters);
    },
  };
  return def;
}

// ---------------------------------------------------------------------------------------------
// Draw data: what a theme draws, with its style resolved, in arrays that stay the same (by
// reference) as long as the catalogue and the filters do, so deck.gl keeps its buffers (polygon
// tessellation above all) when only the selection changes. The selection acts through accessors
// and update triggers.

export interface FillD {
  id: string;
  polygon: XY[][];
  color: RGB;
  alpha: number;
  /** The leaf regions the area is made of (compiled `cells`), when it is a union of regions. */
  cells?: readonly string[];
}
export interface LineD {
  id: string;
  path: XY[];
  color: RGB;
  alpha: number;
  width: number;
  dash: [number, number] | null;
  offset: number;
  casing: boolean;
}
export interface IconD {
  /** Projects drawn by this symbol (a place symbol: the projects at the place). */
  ids: string[];
  placeId: string | null;
  position: XY;
  offset: [number, number];
  icon: string;
  size: number;
  alpha: number;
}
export interface LabelD {
  ids: string[];
  placeId: string | null;
  zh: string;
  en: string;
  position: XY;
  offset: [number, number];
  symbolSize: number;
  color: RGB;
  /** Shown from this zoom. */
  minZoom: number;
  /** A place of a place layer with no project: only once zoomed in further. */
  minor: boolean;
  /** Shown only while a selection emphasises it (long project names). */
  onlyEmphasised?: boolean;
}
export interface DrawData {
  fills: FillD[];
  hatches: FillD[];
  lines: LineD[];
  icons: IconD[];
  labels: LabelD[];
}

const drawCache = new WeakMap<Visible, DrawData>();
function themeDraw(def: ThemeDef, cat: Catalogue, filters: Filters): DrawData {
  const v = visible(prepare(def.spec, cat), filters);
  const hit = drawCache.get(v);
  if (hit) return hit;
  const st = def.spec.style;
  const width = st.lineWidth ?? 3;
  const size = st.pointSize ?? 15;
  const fill = st.fill ?? st.color;
  const fillOpacity = st.fillOpacity ?? 0.15;
  const filled = iconKey({ shape: st.shape, color: st.color, hollow: false });
  const hollow = iconKey({ shape: st.shape, color: st.color, hollow: true });
  const labelColor: RGB = [59, 52, 38];
  const out: DrawData = { fills: [], hatches: [], lines: [], icons: [], labels: [] };
  for (const d of v.areas) {
    const cells = d.project.properties.cells;
    const f: FillD = { id: d.project.properties.id, polygon: d.polygon, color: fill, alpha: st.hatch ? 0.16 : fillOpacity, ...(cells?.length ? { cells } : {}) };
    (st.hatch ? out.hatches : out.fills).push(f);
    if (st.hatch) out.fills.push({ ...f, alpha: fillOpacity });
  }
  for (const d of v.lines)
    out.lines.push({
      id: d.project.properties.id,
      path: d.path,
      color: st.color,
      alpha: st.corridor ? CORRIDOR_OPACITY : 0.95,
      width,
      dash: st.corridor ? null : stageDash(d.cls, width),
      offset: st.lineOffset ?? 0,
      casing: !st.corridor,
    });
  for (const d of v.places) {
    const ids = d.projects.map((p) => p.properties.id);
    out.icons.push({ ids, placeId: d.place.properties.id, position: d.position as XY, offset: d.offset, icon: filled, size: ids.length ? size : size * 0.7, alpha: ids.length ? 1 : 0.5 });
    const p = d.place.properties;
    out.labels.push({ ids, placeId: p.id, zh: p.name_zh, en: p.name_en, position: d.position as XY, offset: d.offset, symbolSize: ids.length ? size : size * 0.7, color: labelColor, minZoom: ids.length ? 5 : 6.5, minor: !ids.length });
  }
  for (const d of v.points) {
    const p = d.project.properties;
    out.icons.push({ ids: [p.id], placeId: null, position: d.position as XY, offset: d.offset, icon: d.hollow ? hollow : filled, size, alpha: 1 });
    // Project names are long: shown only for what a selection emphasises (see makeLayers).
    out.labels.push({ ids: [p.id], placeId: null, zh: p.name_zh, en: p.name_en, position: d.position as XY, offset: d.offset, symbolSize: size, color: labelColor, minZoom: 0, minor: false, onlyEmphasised: true });
  }
  drawCache.set(v, out);
  return out;
}

const mergedCache = new WeakMap<Catalogue, Map<string, DrawData>>();
/** The draw data of several themes in one set of arrays (in the given order), memoised. */
export function mergedDraw(defs: readonly ThemeDef[], cat: Catalogue, filters: Filters): DrawData {
  let byKey = mergedCache.get(cat);
  if (!byKey) mergedCache.set(cat, (byKey = new Map()));
  const key = `${defs.map((d) => d.id).join(',')}#${filtersKey(filters)}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const parts = defs.map((d) => themeDraw(d, cat, filters));
  const out: DrawData = {
    fills: parts.flatMap((p) => p.fills),
    hatches: parts.flatMap((p) => p.hatches),
    lines: parts.flatMap((p) => p.lines),
    icons: parts.flatMap((p) => p.icons),
    labels: parts.flatMap((p) => p.labels),
  };
  if (byKey.size > 64) byKey.clear();
  byKey.set(key, out);
  return out;
}

/** An area's tint strength in a context: its own, stronger when emphasised, faint when others are. */
export function areaAlpha(ctx: Pick<LayerContext, 'emphasis'>): (d: FillD) => number {
  const on = ctx.emphasis.size > 0;
  return (d) => (on ? (ctx.emphasis.has(d.id) ? Math.min(1, d.alpha * EMPHASISED_AREA) : d.alpha * DIM_AREA) : d.alpha);
}

/** One part of a leaf region covered by region-made areas, and the areas over it. */
export interface CellD {
  code: string;
  polygon: XY[][];
  fills: FillD[];
}

const cellShapes = new WeakMap<Catalogue, Map<string, XY[][][]>>();
/** A region's polygons as drawn (one entry per part), memoised per catalogue. */
function regionParts(cat: Catalogue, code: string): XY[][][] {
  let byCode = cellShapes.get(cat);
  if (!byCode) cellShapes.set(cat, (byCode = new Map()));
  let parts = byCode.get(code);
  if (!parts) {
    const g = cat.regions.get(code)?.geometry;
    parts = (g ? (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) : []) as XY[][][];
    byCode.set(code, parts);
  }
  return parts;
}

const cellsCache = new WeakMap<readonly FillD[], { cells: CellD[]; rest: FillD[] }>();
/**
 * The fills split into leaf-region cells (each with the fills over it; an area drawn in several
 * parts counts once) and the fills that are not unions of regions. Memoised per fills array.
 */
export function areaCells(fills: readonly FillD[], cat: Catalogue): { cells: CellD[]; rest: FillD[] } {
  const hit = cellsCache.get(fills);
  if (hit) return hit;
  const over = new Map<string, FillD[]>();
  const rest: FillD[] = [];
  const seen = new Set<string>();
  for (const f of fills) {
    const cells = f.cells?.filter((c) => cat.regions.has(c));
    if (!cells?.length) {
      rest.push(f);
      continue;
    }
    // Hatched themes put a fill and a hatch of one project in `fills` once; parts share an id.
    const key = `${f.id}|${f.color.join(',')}|${f.alpha}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of cells) {
      const l = over.get(c);
      if (l) l.push(f);
      else over.set(c, [f]);
    }
  }
  const cells: CellD[] = [];
  for (const [code, list] of [...over].sort(([a], [b]) => a.localeCompare(b))) for (const polygon of regionParts(cat, code)) cells.push({ code, polygon, fills: list });
  const out = { cells, rest };
  cellsCache.set(fills, out);
  return out;
}

/**
 * Most vertices of one chunk of area cells. The tints have ~29 k vertices; at county zoom a view
 * holds a fifth to a half of them, and each chunk is one more (cheap) draw call.
 */
export const CELL_CHUNK_VERTICES = 2500;

const chunksCache = new WeakMap<readonly CellD[], CellD[][]>();
/** The cells in spatial chunks, each with its extent; memoised per cells array (stable shapes). */
export function cellChunks(cells: readonly CellD[]): CellD[][] {
  let chunks = chunksCache.get(cells);
  if (!chunks) {
    chunks = chunkByExtent(cells, (c) => turfBbox({ type: 'Polygon', coordinates: c.polygon }) as Extent, (c) => c.polygon.reduce((n, ring) => n + ring.length, 0), CELL_CHUNK_VERTICES);
    chunksCache.set(cells, chunks);
  }
  return chunks;
}

const chunkFillIds = new WeakMap<readonly CellD[], string[]>();
/**
 * What the colours of a chunk's cells depend on: whether anything is emphasised and which of the
 * chunk's own areas are (`areaAlpha`). Two selections with the same key colour the chunk alike.
 */
export function chunkEmphasisKey(chunk: readonly CellD[], emphasis: ReadonlySet<string>): string {
  if (emphasis.size === 0) return '';
  let ids = chunkFillIds.get(chunk);
  if (!ids) {
    ids = [...new Set(chunk.flatMap((c) => c.fills.map((f) => f.id)))].sort();
    chunkFillIds.set(chunk, ids);
  }
  return `on:${ids.filter((id) => emphasis.has(id)).join(',')}`;
}

/** The strongest tint of `fills` (channel by channel the least, as `min` blending would draw them). */
export function strongestTint(fills: readonly FillD[], alphaOf: (d: FillD) => number): [number, number, number, number] {
  const out: [number, number, number, number] = [255, 255, 255, 255];
  for (const f of fills) {
    const t = tint(f.color, alphaOf(f));
    if (t[0] < out[0]) out[0] = t[0];
    if (t[1] < out[1]) out[1] = t[1];
    if (t[2] < out[2]) out[2] = t[2];
  }
  return out;
}

const CORRIDOR_OPACITY = 0.42;

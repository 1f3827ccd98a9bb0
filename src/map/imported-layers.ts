/**
 * The user's imported layers on the map. One definition per layer (userLayerDef) gives what it
 * draws (its features by kind, in its style: imported-deck-layers.ts makes the deck.gl layers of
 * them), its legend rows and its toggle's symbol, from one style, so what the legend shows is
 * what is drawn — the same rule as the thematic layers (src/map/themes/types.ts).
 *
 * Each imported layer has its own colour from a palette kept apart from the themes' colours;
 * points are circles, lines solid, areas a tinted fill with a solid outline. Names are never drawn
 * on the map: they appear as text in the tooltip and the panels (React escapes them), never as HTML.
 * Picking is on the CPU like the themes' (no deck.gl picking pass under software WebGL).
 */
import type { Position } from 'geojson';
import type { ImportedFeature } from '../domain/import.ts';
import { kindCounts, type KindCounts, type UserLayer } from '../domain/user-layers.ts';
import { segmentDistance, type Projector } from './themes/picking.ts';
import type { LegendSymbol, RGB } from './themes/types.ts';

/** Saturated colours none of the themes uses (themes: Okabe–Ito and Tol's muted palette). */
export const USER_PALETTE: readonly RGB[] = [
  [214, 0, 130], // magenta
  [110, 40, 220], // violet
  [0, 150, 190], // cyan
  [110, 170, 0], // lime
  [150, 80, 20], // brown
  [200, 20, 40], // crimson
];

export type FeatureKind = keyof KindCounts;
export const KIND_LABEL: Record<FeatureKind, { zh: string; en: string }> = {
  points: { zh: '点', en: 'Points' },
  lines: { zh: '线', en: 'Lines' },
  areas: { zh: '面', en: 'Areas' },
};

export interface UserLegendRow {
  kind: FeatureKind;
  symbol: LegendSymbol;
  label: { zh: string; en: string };
  count: number;
}

export interface UserLayerDef {
  id: string;
  /** The layer's name as imported (plain text). */
  name: string;
  colour: RGB;
  count: number;
  /** One row per kind of feature the layer has, exactly what is drawn. */
  legend: UserLegendRow[];
  /** What is drawn: the features by kind, in `style`. */
  data: UserDrawData;
  style: UserLayerStyle;
  /** The feature drawn at a screen point (points before lines; areas are not picked), or null. */
  pickAt(project: Projector, x: number, y: number, radius: number): { feature: ImportedFeature; distance: number; tier: number } | null;
}

export interface UserLayerContext {
  /** Multiplies pixel sizes (exports at other scales); 1 on screen. */
  scale: number;
  /** Drawn under this basemap layer (the basemap's labels), as the themes are. */
  beforeId?: string;
}

export interface PointDatum {
  feature: ImportedFeature;
  position: Position;
}
export interface PathDatum {
  feature: ImportedFeature;
  path: Position[];
}
export interface AreaDatum {
  feature: ImportedFeature;
  polygon: Position[][];
}
export interface UserDrawData {
  points: PointDatum[];
  paths: PathDatum[];
  areas: AreaDatum[];
}
export type UserLayerStyle = ReturnType<typeof styleOf>;

/** The style of a layer of colour `c`: everything below (deck.gl and legend) reads it. */
function styleOf(c: RGB) {
  return {
    point: { kind: 'point', color: c, shape: 'circle', size: 11, stroke: [255, 255, 255] } as const satisfies LegendSymbol,
    line: { kind: 'line', color: c, width: 3, dashed: false } as const satisfies LegendSymbol,
    area: { kind: 'area', fill: c, fillOpacity: 0.22, stroke: c, dashed: false, strokeWidth: 2 } as const satisfies LegendSymbol,
  };
}

function flatten(layer: UserLayer): UserDrawData {
  const points: PointDatum[] = [];
  const paths: PathDatum[] = [];
  const areas: AreaDatum[] = [];
  for (const feature of layer.features) {
    const g = feature.geometry;
    if (g.type === 'Point') points.push({ feature, position: g.coordinates });
    else if (g.type === 'MultiPoint') for (const position of g.coordinates) points.push({ feature, position });
    else if (g.type === 'LineString') paths.push({ feature, path: g.coordinates });
    else if (g.type === 'MultiLineString') for (const path of g.coordinates) paths.push({ feature, path });
    else if (g.type === 'Polygon') areas.push({ feature, polygon: g.coordinates });
    else for (const polygon of g.coordinates) areas.push({ feature, polygon });
  }
  return { points, paths, areas };
}


const defs = new WeakMap<UserLayer, UserLayerDef>();

/** The one definition of an imported layer (memoised per layer object). */
export function userLayerDef(layer: UserLayer): UserLayerDef {
  const hit = defs.get(layer);
  if (hit) return hit;
  const colour = USER_PALETTE[layer.colour % USER_PALETTE.length]!;
  const style = styleOf(colour);
  const data = flatten(layer);
  const counts = kindCounts(layer);
  const legend: UserLegendRow[] = [];
  if (counts.areas) legend.push({ kind: 'areas', symbol: style.area, label: KIND_LABEL.areas, count: counts.areas });
  if (counts.lines) legend.push({ kind: 'lines', symbol: style.line, label: KIND_LABEL.lines, count: counts.lines });
  if (counts.points) legend.push({ kind: 'points', symbol: style.point, label: KIND_LABEL.points, count: counts.points });
  const def: UserLayerDef = {
    id: layer.id,
    name: layer.name,
    colour,
    count: layer.features.length,
    legend,
    data,
    style,
    pickAt(project, x, y, radius) {
      let best: { feature: ImportedFeature; distance: number; tier: number } | null = null;
      const reach = style.point.size / 2 + radius;
      for (const d of data.points) {
        const p = project(d.position as [number, number]);
        const dist = Math.hypot(p.x - x, p.y - y);
        if (dist <= reach && (!best || dist <= best.distance)) best = { feature: d.feature, distance: dist, tier: 2 };
      }
      if (best) return best;
      const lineReach = style.line.width / 2 + radius;
      for (const d of data.paths) {
        let prev = project(d.path[0] as [number, number]);
        for (let i = 1; i < d.path.length; i++) {
          const cur = project(d.path[i] as [number, number]);
          const dist = segmentDistance(x, y, prev.x, prev.y, cur.x, cur.y);
          if (dist <= lineReach && (!best || dist < best.distance)) best = { feature: d.feature, distance: dist, tier: 1 };
          prev = cur;
        }
      }
      return best;
    },
  };
  defs.set(layer, def);
  return def;
}

/** The imported feature at a screen point among the visible layers (later layers on top), or null. */
export function pickUserFeature(
  layers: readonly UserLayer[],
  visible: ReadonlySet<string>,
  project: Projector,
  x: number,
  y: number,
  radius = 4,
): { layer: UserLayer; feature: ImportedFeature } | null {
  let best: { layer: UserLayer; feature: ImportedFeature; distance: number; tier: number } | null = null;
  for (const layer of layers) {
    if (!visible.has(layer.id)) continue;
    const hit = userLayerDef(layer).pickAt(project, x, y, radius);
    if (hit && (!best || hit.tier > best.tier || (hit.tier === best.tier && hit.distance <= best.distance))) best = { layer, ...hit };
  }
  return best && { layer: best.layer, feature: best.feature };
}

/**
 * Legend groups of the visible imported layers, in the shape the export's legend takes
 * (src/export/layout.ts LegendGroup): heading = the layer's name, one row per kind it draws.
 */
export function userLegendGroups(layers: readonly UserLayer[], visible: ReadonlySet<string>, lang: 'zh' | 'en'): { heading: string; rows: { symbol: LegendSymbol; label: string }[] }[] {
  return layers
    .filter((l) => visible.has(l.id))
    .map((l) => userLayerDef(l))
    .map((d) => ({ heading: d.name, rows: d.legend.map((r) => ({ symbol: r.symbol, label: `${r.label[lang]} (${r.count})` })) }));
}

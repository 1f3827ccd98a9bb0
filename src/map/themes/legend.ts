/**
 * A theme's legend rows, from what it draws: one row per line style, point variant and area, and
 * only for what the visible part holds (within an export's frame when it has one).
 */
import { bbox as turfBbox, bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Position } from 'geojson';
import TEXT from '../../i18n/themes.json';
import type { Catalogue } from '../../domain/catalogue.ts';
import { projectClass, type Lens } from '../../domain/lens.ts';
import { STAGE_CLASSES, type StageClass } from '../../domain/stages.ts';
import { DISPLAY_CLASSES, type DisplayClass } from '../../domain/status.ts';
import type { ProjectFeature } from '../../domain/types.ts';
import { straightLine } from './draw-data.ts';
import type { ThemeCache, Visible } from './prepare.ts';
import { STAGE_CLASS_LABEL, STATUS_CLASS_LABEL } from './style.ts';
import type { LegendEntry, LegendSymbol, ThemeStyle } from './types.ts';

export const LEGEND_TEXT = TEXT.legend;

/** The symbols a theme draws, as the legend, lists and exports show them. */
export interface ThemeSymbols {
  line(cls: StageClass): LegendSymbol;
  point(variant: 'exact' | 'hollow' | 'place' | 'minor-place'): LegendSymbol;
  area: LegendSymbol;
  /** Now mode: a line, point or area of a project in this status class. */
  status(kind: 'line' | 'point' | 'area', cls: DisplayClass): LegendSymbol;
  /** A line along a real (surveyed or routed) alignment, or a schematic one: thinner, no casing. */
  geometry(kind: 'aligned' | 'straight'): LegendSymbol;
}

/** How the lines were drawn: real alignments and schematic ones look different, and the legend says so. */
function geometryRows(style: ThemeStyle, symbols: ThemeSymbols, v: Visible): LegendEntry[] {
  if (style.corridor || !v.lines.length) return [];
  const rows: LegendEntry[] = [];
  if (v.lines.some((l) => !straightLine(l.project))) rows.push({ symbol: symbols.geometry('aligned'), label: LEGEND_TEXT.alignedLine });
  if (v.lines.some((l) => straightLine(l.project))) rows.push({ symbol: symbols.geometry('straight'), label: LEGEND_TEXT.straightLine });
  return rows;
}

export function legendRows(style: ThemeStyle, symbols: ThemeSymbols, v: Visible, lens: Lens, cat: Catalogue): LegendEntry[] {
  if (lens.mode === 'now') return statusRows(style, symbols, v, lens, cat);
  const rows: LegendEntry[] = [];
  if (v.lines.length) {
    if (style.corridor) rows.push({ symbol: symbols.line('firm'), label: LEGEND_TEXT.schematicLine });
    else for (const cls of STAGE_CLASSES) if (v.lines.some((l) => l.cls === cls)) rows.push({ symbol: symbols.line(cls), label: STAGE_CLASS_LABEL[cls] });
  }
  rows.push(...geometryRows(style, symbols, v));
  if (v.places.some((p) => p.projects.length > 0)) rows.push({ symbol: symbols.point('place'), label: LEGEND_TEXT.placeWithProject });
  if (v.places.some((p) => p.projects.length === 0)) rows.push({ symbol: symbols.point('minor-place'), label: LEGEND_TEXT.placeOther });
  if (v.points.some((p) => !p.hollow)) rows.push({ symbol: symbols.point('exact'), label: LEGEND_TEXT.exactPoint });
  if (v.points.some((p) => p.hollow)) rows.push({ symbol: symbols.point('hollow'), label: LEGEND_TEXT.schematicPoint });
  if (v.areas.length) rows.push({ symbol: symbols.area, label: LEGEND_TEXT.area });
  return rows;
}

/** Now mode: one row per status class present, per kind of geometry, in the classes' order. */
function statusRows(style: ThemeStyle, symbols: ThemeSymbols, v: Visible, lens: Lens, cat: Catalogue): LegendEntry[] {
  const rows: LegendEntry[] = [];
  const classes = (items: readonly { project: ProjectFeature }[]) => {
    const present = new Set<DisplayClass>();
    for (const d of items) {
      const c = projectClass(d.project, lens, cat);
      if (c.kind === 'status') present.add(c.cls);
    }
    return DISPLAY_CLASSES.filter((c) => present.has(c));
  };
  for (const cls of classes(v.lines)) rows.push({ symbol: symbols.status('line', cls), label: STATUS_CLASS_LABEL[cls] });
  rows.push(...geometryRows(style, symbols, v));
  if (v.places.some((p) => p.projects.length > 0)) rows.push({ symbol: symbols.point('place'), label: LEGEND_TEXT.placeWithProject });
  if (v.places.some((p) => p.projects.length === 0)) rows.push({ symbol: symbols.point('minor-place'), label: LEGEND_TEXT.placeOther });
  for (const cls of classes(v.points)) rows.push({ symbol: symbols.status('point', cls), label: STATUS_CLASS_LABEL[cls] });
  for (const cls of classes(v.areas)) rows.push({ symbol: symbols.status('area', cls), label: STATUS_CLASS_LABEL[cls] });
  return rows;
}

/** What of `v` falls inside `extent` (points inside it; lines and areas that cross or touch it). */
export function withinExtent(v: Visible, extent: [[number, number], [number, number]], cache: ThemeCache): Visible {
  const [[w, s], [e, n]] = extent;
  const box = bboxPolygon([w, s, e, n]);
  const inside = (p: Position) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
  const meets = (f: ProjectFeature) => {
    const b = cache.memo('bbox', f.properties.id, () => turfBbox(f));
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

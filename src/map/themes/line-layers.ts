/**
 * The visible themes' lines as MapLibre draws them (line-style.ts): one feature per line in THEMES
 * order, and which of them a selection dims. The live map and the export map apply them with the
 * same call, so both draw what the state derives.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { selects } from '../../domain/selection.ts';
import type { LineD } from './draw-data.ts';
import { visibleDraw } from './index.ts';
import { CASING_EXTRA, THEME_LINES, type ThemeLineProps } from './line-style.ts';
import type { LayerContext } from './types.ts';

export interface ThemeLines {
  /** The same object while the lines and the scale are (a new one is sent to MapLibre's worker). */
  data: FeatureCollection<LineString, ThemeLineProps>;
  /** Feature ids (indexes) the emphasis dims; empty when nothing is selected. */
  dimmed: readonly number[];
}

/** A line's MapLibre feature: its look with nothing emphasised, widths and offsets in pixels at `scale`. */
export function themeLineFeature(d: LineD, index: number, scale: number): Feature<LineString, ThemeLineProps> {
  const props: ThemeLineProps = {
    project: d.id,
    color: `rgb(${d.color[0]}, ${d.color[1]}, ${d.color[2]})`,
    alpha: d.alpha,
    width: d.width * scale,
    // deck.gl's and the vector export's offsets are in line widths.
    offset: d.offset * d.width * scale,
    ...(d.dash ? { dash: [d.dash[0] / d.width, d.dash[1] / d.width] as [number, number] } : {}),
    ...(d.casing ? { casingWidth: (d.width + CASING_EXTRA) * scale } : {}),
  };
  return { type: 'Feature', id: index, properties: props, geometry: { type: 'LineString', coordinates: d.path } };
}

const dataCache = new WeakMap<readonly LineD[], { scale: number; data: ThemeLines['data'] }>();

function lineData(lines: readonly LineD[], scale: number): ThemeLines['data'] {
  const hit = dataCache.get(lines);
  if (hit?.scale === scale) return hit.data;
  const data: ThemeLines['data'] = { type: 'FeatureCollection', features: lines.map((d, i) => themeLineFeature(d, i, scale)) };
  dataCache.set(lines, { scale, data });
  return data;
}

/** The lines of the visible themes for a context: their features and those its emphasis dims. */
export function themeLines(ctx: LayerContext, visibleIds: Iterable<string>): ThemeLines {
  const lines = visibleDraw(ctx, visibleIds).lines;
  const e = ctx.emphasis;
  const dimmed: number[] = [];
  if (e.kind === 'selection') lines.forEach((d, i) => void (selects(e, [d.id]) || dimmed.push(i)));
  return { data: lineData(lines, ctx.scale), dimmed };
}

const applied = new WeakMap<GeoJSONSource, ThemeLines>();

/**
 * Sets a map's theme lines: new data only when the lines changed (the worker tiles them again), the
 * dimmed ones as feature state (no new tiles: a click's map frame stays cheap).
 */
export function applyThemeLines(map: MapLibreMap, lines: ThemeLines): void {
  const source = map.getSource<GeoJSONSource>(THEME_LINES.source);
  if (!source) throw new Error(`the map's style has no "${THEME_LINES.source}" source`);
  const before = applied.get(source);
  const newData = before?.data !== lines.data;
  if (newData) source.setData(lines.data);
  if (newData || !sameIds(before!.dimmed, lines.dimmed)) {
    if (newData || before!.dimmed.length) map.removeFeatureState({ source: THEME_LINES.source });
    for (const id of lines.dimmed) map.setFeatureState({ source: THEME_LINES.source, id }, { dim: true });
  }
  applied.set(source, lines);
}

/**
 * Forgets what a map was given: after a new style (even a diff, which empties the lines' source
 * to the style's own data), the next applyThemeLines sends the lines again.
 */
export function forgetThemeLines(map: MapLibreMap): void {
  const source = map.getSource<GeoJSONSource>(THEME_LINES.source);
  if (source) applied.delete(source);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

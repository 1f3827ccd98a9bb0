/**
 * The visible themes' symbols and labels as MapLibre draws them (symbol-style.ts): one feature per
 * symbol and per label in THEMES order, which symbols a selection dims and which labels a state
 * shows. The live map and the export map apply them with the same call, so both draw what the
 * state derives.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../../domain/url-state.ts';
import { iconDimmedIn, labelShownIn, rgba, type IconD, type LabelD } from './draw-data.ts';
import { ICON_CSS_SIZE, iconImage } from './icons.ts';
import { visibleDraw } from './index.ts';
import { ICON_PIXEL_RATIO, THEME_SYMBOLS, type ThemeLabelProps, type ThemeSymbolProps } from './symbol-style.ts';
import type { LayerContext } from './types.ts';

export interface ThemeSymbols {
  /** The same objects while the symbols (labels: and the language) and the scale are. */
  icons: FeatureCollection<Point, ThemeSymbolProps>;
  labels: FeatureCollection<Point, ThemeLabelProps>;
  /** Symbol ids (indexes) the emphasis dims. */
  dimmed: readonly number[];
  /** Label ids (indexes) the zoom and the emphasis show. */
  shown: readonly number[];
}

/** A symbol's MapLibre feature: deck.gl's pixel size and offset as `icon-size` and `icon-offset`. */
export function themeSymbolFeature(d: IconD, index: number, scale: number): Feature<Point, ThemeSymbolProps> {
  const size = (d.size * scale) / ICON_CSS_SIZE;
  return {
    type: 'Feature',
    id: index,
    properties: { icon: d.icon, size, ox: (d.offset[0] * scale) / size, oy: (d.offset[1] * scale) / size, alpha: d.alpha },
    geometry: { type: 'Point', coordinates: d.position },
  };
}

/** A label's size in pixels (place names without a project a step smaller). */
export const labelSize = (d: LabelD, scale: number) => (d.minor ? 11 : 12) * scale;
/** A label's colour: place names without a project lighter. */
export const labelColour = (d: LabelD) => rgba(d.color, d.minor ? 0.7 : 1);

/** A label's MapLibre feature: anchored at its start beside its symbol, centred on it vertically. */
export function themeLabelFeature(d: LabelD, index: number, lang: Lang, scale: number): Feature<Point, ThemeLabelProps> {
  const size = labelSize(d, scale);
  const c = labelColour(d);
  const dx = (d.offset[0] + d.symbolSize / 2 + 3) * scale;
  return {
    type: 'Feature',
    id: index,
    properties: { text: lang === 'zh' ? d.zh : d.en, size, ox: dx / size, oy: (d.offset[1] * scale) / size, color: `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${c[3] / 255})` },
    geometry: { type: 'Point', coordinates: d.position },
  };
}

const iconCache = new WeakMap<readonly IconD[], { scale: number; data: ThemeSymbols['icons'] }>();
const labelCache = new WeakMap<readonly LabelD[], { key: string; data: ThemeSymbols['labels'] }>();

/** The symbols and labels of the visible themes for a context: features, the dimmed symbols, the labels shown. */
export function themeSymbols(ctx: LayerContext, visibleIds: Iterable<string>): ThemeSymbols {
  const draw = visibleDraw(ctx, visibleIds);
  const s = ctx.scale;
  let ic = iconCache.get(draw.icons);
  if (ic?.scale !== s) iconCache.set(draw.icons, (ic = { scale: s, data: { type: 'FeatureCollection', features: draw.icons.map((d, i) => themeSymbolFeature(d, i, s)) } }));
  const key = `${ctx.lang}|${s}`;
  let lb = labelCache.get(draw.labels);
  if (lb?.key !== key) labelCache.set(draw.labels, (lb = { key, data: { type: 'FeatureCollection', features: draw.labels.map((d, i) => themeLabelFeature(d, i, ctx.lang, s)) } }));
  const dim = iconDimmedIn(ctx);
  const dimmed: number[] = [];
  draw.icons.forEach((d, i) => void (dim(d) && dimmed.push(i)));
  const shown: number[] = [];
  if (ctx.labels !== false) {
    const show = labelShownIn(ctx);
    draw.labels.forEach((d, i) => void (show(d) && shown.push(i)));
  }
  return { icons: ic.data, labels: lb.data, dimmed, shown };
}

const applied = new WeakMap<GeoJSONSource, ThemeSymbols>();

/**
 * Sets a map's symbols and labels: new data only when they changed (the worker lays them out
 * again), the dimmed symbols and the labels shown as feature state (a click's frame stays cheap).
 */
export function applyThemeSymbols(map: MapLibreMap, symbols: ThemeSymbols): void {
  const icons = map.getSource<GeoJSONSource>(THEME_SYMBOLS.source);
  const labels = map.getSource<GeoJSONSource>(THEME_SYMBOLS.labelSource);
  if (!icons || !labels) throw new Error(`the map's style has no "${icons ? THEME_SYMBOLS.labelSource : THEME_SYMBOLS.source}" source`);
  const before = applied.get(icons);
  const newIcons = before?.icons !== symbols.icons;
  const newLabels = before?.labels !== symbols.labels;
  if (newIcons) icons.setData(symbols.icons);
  if (newLabels) labels.setData(symbols.labels);
  setStates(map, THEME_SYMBOLS.source, 'dim', newIcons ? null : before!.dimmed, symbols.dimmed);
  setStates(map, THEME_SYMBOLS.labelSource, 'shown', newLabels ? null : before!.shown, symbols.shown);
  applied.set(icons, symbols);
}

/** Sets `key: true` on exactly the ids `now` (those of `was` only are cleared; `was` null: the source's data is new). */
function setStates(map: MapLibreMap, source: string, key: string, was: readonly number[] | null, now: readonly number[]): void {
  if (was && was.length === now.length && was.every((x, i) => x === now[i])) return;
  if (!was || was.length) map.removeFeatureState({ source });
  for (const id of now) map.setFeatureState({ source, id }, { [key]: true });
}

/** After a new style (even a diff, which empties their sources), the next applyThemeSymbols sends everything again. */
export function forgetThemeSymbols(map: MapLibreMap): void {
  const source = map.getSource<GeoJSONSource>(THEME_SYMBOLS.source);
  if (source) applied.delete(source);
}

/**
 * Gives a map the symbols' images as it asks for them (drawn in the page, no request leaves it).
 * Returns a function that stops.
 */
export function provideThemeIcons(map: MapLibreMap): () => void {
  map.setMissingStyleImageResolver((id) => {
    const image = iconImage(id);
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: ICON_PIXEL_RATIO });
  });
  return () => void map.setMissingStyleImageResolver(null);
}

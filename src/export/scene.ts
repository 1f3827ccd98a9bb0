/**
 * A scene: one exported page or slide worked out from an atlas state (what a link or a saved view
 * carries: selection, layers, filters, choropleth, language) and a frame (the bounds to show).
 *
 * - The basemap style is a copy of the live map's style (MapLibre's getStyle(): the same sources,
 *   fonts, colours and choropleth layers) with the hover cleared and the selection outline, the
 *   label language and the choropleth set for the scene's state, exactly as the map sets them.
 * - What the state draws is derived once by atlasView() (src/domain/atlas-view.ts), as for the
 *   live map; the thematic layers come from buildThemeLayers() with layerContext(view), and the
 *   legend from legendOf(view), the on-screen legend's source, so an export draws and explains
 *   exactly what the atlas shows.
 * - Texts (title, subtitle, project list, source note) are in the scene's language.
 */
import { userLegendGroups } from '../map/imported-layers.ts';
import type { DeckDrawing } from '../map/load-deck.ts';
import { layerBbox, type UserLayer } from '../domain/user-layers.ts';
import type { Layer } from '@deck.gl/core';
import type { TFunction } from 'i18next';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { loadCorridorBuffer, wantsCorridor, type AtlasView, type CorridorBufferOf } from '../domain/atlas-view.ts';
import type { Catalogue } from '../domain/catalogue.ts';
import { isFiltering, projectPasses, type Filters } from '../domain/filters.ts';
import { DISPLAY_CLASSES, displayClass as displayClassOf, type TimelineStatus } from '../domain/status.ts';
import { statusDateText, statusReader, tallyOf, type Tally } from '../domain/progress.ts';
import type { Lens } from '../domain/lens.ts';
import type { PartialDate, ProjectFeature } from '../domain/types.ts';
import { STATUS_CLASS_LABEL } from '../map/themes/style.ts';
import type { AppState, Lang, Selection } from '../domain/url-state.ts';
import { COUNTY_ZOOM } from '../domain/vocabulary.ts';
import { choroplethData } from '../map/basemap/choropleth.ts';
import { highlightData } from '../map/basemap/interaction.ts';
import { SOURCE } from '../map/basemap/sources.ts';
import { LABEL_LAYERS, labelLayers, type FontStacks } from '../map/basemap/labels.ts';
import { THEMATIC_BEFORE_ID } from '../map/basemap/style.ts';
import { choroplethColour, choroplethColours } from '../map/choropleth-style.ts';
import type { GeoData } from '../map/geodata.ts';
import { CORRIDOR_SYMBOL, DEFAULT_VISIBLE, layerContext, legendOf, viewOf, THEME_BY_ID, THEMES, themeIdOf } from '../map/themes/index.ts';
import { styleThemes, type StyleThemes } from '../map/themes/style-themes.ts';
import { THEME_AREAS, themeAreaSource } from '../map/themes/area-style.ts';
import { themeSymbolSources } from '../map/themes/symbol-style.ts';
import { THEME_LINES, themeLineSource } from '../map/themes/line-style.ts';
import type { RGB } from '../map/themes/types.ts';
import type { ExportContent, LegendGroup } from './layout.ts';
import { quoteCaption, quoteNotes, type ExportQuote } from './quote.ts';

export type Bounds = [[number, number], [number, number]];

/** What a scene shows: a state and the bounds to frame. */
export interface SceneSpec {
  state: AppState;
  bounds: Bounds;
  /** Ids of the imported layers to draw (of SceneEnv.userLayers); none when unset. */
  userVisible?: readonly string[];
  /**
   * A progress slide (the progress deck): the selected region's projects counted by present status
   * (or at the timeline's date) in the subtitle, and listed by status. The state is in now mode.
   */
  progress?: boolean;
  /** Title and subtitle typed by the user (default: from the selection). */
  title?: string;
  subtitle?: string;
  /** The plan's words for the selection, carried in the caption and the speaker notes (export/quote.ts). */
  quote?: ExportQuote | null;
}

export interface SceneEnv {
  catalogue: Catalogue;
  geo: GeoData;
  /** The live map's style (getStyle()). */
  baseStyle: StyleSpecification;
  fontStacks: FontStacks;
  /** i18next's t for the scene's language (getFixedT(lang)). */
  t: TFunction;
  date: Date;
  /** The user's imported layers (src/map/imported-layers.ts), drawn and listed above the themes. */
  userLayers?: readonly UserLayer[];
  /** The corridor's buffer code, for a state that wants a corridor (withCorridorBuffer). */
  corridorBuffer?: CorridorBufferOf | null;
}

/** The env with the corridor's buffer code loaded if one of the scenes wants a corridor. */
export async function withCorridorBuffer<E extends object>(env: E & Pick<SceneEnv, 'corridorBuffer'>, specs: readonly SceneSpec[]): Promise<E & Pick<SceneEnv, 'corridorBuffer'>> {
  if (env.corridorBuffer || !specs.some((s) => wantsCorridor(s.state))) return env;
  return { ...env, corridorBuffer: await loadCorridorBuffer() };
}

export interface Scene {
  lang: Lang;
  bounds: Bounds;
  style: StyleSpecification;
  /** What the state draws (the vector exports draw the themes' data from it: vector-map.ts). */
  view: AtlasView;
  /** The imported layers the scene draws. */
  userLayers: readonly UserLayer[];
  /** deck.gl layers for the final zoom (labels depend on it), built with deck.gl's drawing code (src/map/deck.ts). */
  layers: (deck: DeckDrawing, zoom: number) => Layer[];
  /** The area tints and the plan's lines for the final zoom, as the style's own layers draw them (src/map/themes/style-themes.ts). */
  styleThemes: (zoom: number) => StyleThemes;
  /** Page texts and legend (the legend of everything the state draws, wherever it is). */
  content: ExportContent;
  /** The legend of only what the state draws inside `extent` (the page's actual frame). */
  legendWithin(extent: Bounds): LegendGroup[];
  projects: ProjectFeature[];
  /** Speaker notes (PPTX): the full project list. */
  notes: string;
  defaultTitle: string;
  defaultSubtitle: string;
}

/** The live style adjusted for a state: hover off, selection outline, label language, choropleth. */
export function sceneStyle(base: StyleSpecification, view: AtlasView, lang: Lang, env: Pick<SceneEnv, 'geo' | 'fontStacks'>): StyleSpecification {
  const sel = view.selection?.kind === 'region' ? view.selection.code : null;
  const labels = new Map(labelLayers(lang, env.fontStacks).map((l) => [l.id, l]));
  const choro = view.choropleth;
  const colours = choroplethColours(choro ? [choro.leagues, choro.counties] : []);
  const layers = base.layers.map((l): LayerSpecification => {
    if ((LABEL_LAYERS as readonly string[]).includes(l.id)) {
      const fresh = labels.get(l.id);
      return fresh ? { ...fresh, ...('minzoom' in l ? { minzoom: l.minzoom } : {}), ...('maxzoom' in l ? { maxzoom: l.maxzoom } : {}) } : l;
    }
    return l;
  });
  // The selection outlined, nothing hovered; the choropleth's shaded regions (src/map/basemap/*.ts);
  // no tints or lines yet: the live map's are its state's, the export map gets the scene's (Scene.styleThemes).
  const sources = {
    ...base.sources,
    [THEME_AREAS.source]: themeAreaSource(),
    [THEME_LINES.source]: themeLineSource(),
    ...themeSymbolSources(),
    [SOURCE.highlight]: { ...base.sources[SOURCE.highlight], type: 'geojson', data: highlightData(sel, null, env.geo.shapes) },
    [SOURCE.choropleth]: { ...base.sources[SOURCE.choropleth], type: 'geojson', data: choroplethData(env.geo.regions, colours) },
  } as StyleSpecification['sources'];
  return { ...base, sources, layers };
}

function hexRgb(hex: string): RGB {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function tr(t: TFunction, keys: string[], fallback: string, opts: Record<string, unknown> = {}): string {
  for (const k of keys) {
    const v = t(k, { ...opts, defaultValue: '' });
    if (v) return v;
  }
  return fallback;
}

/** Legend groups: the visible themes' rows (legendEntries), then the choropleth's classes. */
export function sceneLegend(view: AtlasView, cat: Catalogue, t: TFunction, extent?: Bounds): LegendGroup[] {
  const lang = view.lang;
  const groups: LegendGroup[] = legendOf(view, cat, extent).map((l) => ({
    heading: l.label[lang],
    rows: l.entries.map((e) => ({ symbol: e.symbol, label: e.label[lang] })),
  }));
  const choro = view.choropleth;
  if (choro) {
    const what = choro.of === 'all' ? tr(t, ['choropleth.all'], lang === 'zh' ? '全部项目' : 'all projects') : (THEME_BY_ID.get(choro.of)?.label[lang] ?? choro.of);
    for (const [key, c] of [
      ['leagues', choro.leagues],
      ['counties', choro.counties],
    ] as const) {
      if (!c.classes.length) continue;
      const scope = tr(t, [`choropleth.${key}`], key);
      groups.push({
        heading: `${tr(t, ['choropleth.legendTitle'], what, { what })} · ${scope}`,
        rows: [
          ...c.classes.map((k, i, all) => {
            const fill = hexRgb(choroplethColour(i, all.length));
            return { symbol: { kind: 'area' as const, fill, fillOpacity: 0.82, stroke: fill, dashed: false, strokeWidth: 0.5 }, label: k.min === k.max ? `${k.min}` : `${k.min}–${k.max}` };
          }),
          { symbol: { kind: 'area' as const, fill: [255, 255, 255] as RGB, fillOpacity: 0, stroke: [170, 160, 140] as RGB, dashed: false, strokeWidth: 0.5 }, label: '0' },
        ],
      });
    }
  }
  // Corridor analysis: the buffer the map draws under the plan's layers.
  if (view.corridor) {
    const km = view.corridor.km.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
    groups.push({
      heading: tr(t, ['corridor.heading'], lang === 'zh' ? '走廊分析' : 'Corridor analysis'),
      rows: [{ symbol: CORRIDOR_SYMBOL, label: tr(t, ['corridor.legend'], `${km} km`, { km }) }],
    });
  }
  return groups;
}

/** The selection's projects (after the filters), in the atlas's layer order, then by name. */
export function selectionProjects(state: AppState, cat: Catalogue): ProjectFeature[] {
  const sel = state.selection;
  if (!sel) return [];
  let list: ProjectFeature[];
  if (sel.kind === 'region') list = cat.projectsTouching(sel.code, (p) => projectPasses(p, state.filters)).map((t) => t.project);
  else if (sel.kind === 'measure') list = cat.projectsOfMeasure(sel.id).filter((p) => projectPasses(p, state.filters));
  else {
    const p = cat.project(sel.id);
    list = p ? [p] : [];
  }
  const order = new Map(THEMES.map((th, i) => [th.id, i]));
  const themeIndex = (p: ProjectFeature) => order.get(themeIdOf(p, cat)) ?? 99;
  return [...list].sort((a, b) => themeIndex(a) - themeIndex(b) || a.properties.name_zh.localeCompare(b.properties.name_zh, 'zh'));
}

/** The name of what is selected, in the language. */
export function selectionName(sel: Selection | null, lang: Lang, cat: Catalogue, geo: GeoData): string | null {
  if (!sel) return null;
  if (sel.kind === 'region') {
    const r = geo.byCode.get(sel.code);
    return r ? (lang === 'zh' ? r.name_zh : r.name_en) : sel.code;
  }
  if (sel.kind === 'project') {
    const p = cat.project(sel.id);
    return p ? (lang === 'zh' ? p.properties.name_zh : p.properties.name_en) : sel.id;
  }
  const m = cat.measure(sel.id);
  if (!m) return sel.id;
  const path = cat.measurePath(sel.id);
  const chapter = path[0];
  const title = lang === 'zh' ? m.heading_zh : m.title_en;
  if (!chapter || chapter.id === m.id) return title;
  return lang === 'zh' ? `${chapter.heading_zh} · ${title}` : `${chapter.title_en}: ${title}`;
}

function stageLabel(t: TFunction, p: ProjectFeature, lang: Lang): string {
  const label = tr(t, [`stage.${p.properties.stage}`], p.properties.stage);
  if (lang === 'zh') return p.properties.stage_verb === label ? label : `${p.properties.stage_verb}（${label}）`;
  return label;
}

function filtersText(f: Filters, lang: Lang, cat: Catalogue, t: TFunction): string | null {
  if (!isFiltering(f)) return null;
  const parts: string[] = [];
  const sep = lang === 'zh' ? '、' : ', ';
  if (f.chapters.length)
    parts.push(
      f.chapters
        .map((n) => {
          const c = cat.measure(`c${n}`);
          return lang === 'zh' ? `第${'一二三四五六七八九'[n - 1] ?? n}章${c ? ` ${c.heading_zh}` : ''}` : `Ch. ${n}${c ? ` ${c.title_en}` : ''}`;
        })
        .join(sep),
    );
  if (f.themes.length) parts.push(f.themes.map((th) => tr(t, [`themes.${th}`, `theme.${th}`, `filters.themes.${th}`, `catalogueTheme.${th}`], th)).join(sep));
  if (f.stages.length) parts.push(f.stages.map((s) => tr(t, [`stage.${s}`], s)).join(sep));
  return `${t('export.filtered')}${parts.join(lang === 'zh' ? '；' : '; ')}`;
}

export function formatDate(d: Date, lang: Lang): string {
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return lang === 'zh' ? `${y}年${m}月${day}日` : `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function layerNames(view: AtlasView, lang: Lang): string | null {
  const vis = view.layers;
  if (vis.length === DEFAULT_VISIBLE.length) return null;
  if (vis.length === 0) return null;
  return vis.map((id) => THEME_BY_ID.get(id)?.label[lang] ?? id).join(lang === 'zh' ? '、' : ', ');
}

/** The date a now-mode scene's statuses hold at: the timeline's, else the data's newest as_of; null in plan mode. */
export function lensDate(lens: Lens, cat: Catalogue): PartialDate | null {
  if (lens.mode !== 'now') return null;
  return lens.date ?? cat.statuses.asOf ?? null;
}

/** The source line's sentence on statuses (now mode): "Status as of the end of 2018: …". */
export function statusSourceText(lens: Lens, cat: Catalogue, lang: Lang, t: TFunction): string | null {
  const date = lensDate(lens, cat);
  return date ? t('export.statusSource', { date: statusDateText(date, lang) }) : null;
}

/** "23 projects: 5 in operation · 3 under construction · 4 not started · 11 unknown" (partly and cancelled when present). */
export function tallyLine(tally: Tally, lang: Lang, t: TFunction): string {
  const always = new Set(['operating', 'building', 'planned', 'unknown']);
  const parts = DISPLAY_CLASSES.filter((c) => always.has(c) || tally.byClass[c] > 0).map((c) => {
    // "not started (incl. preparatory work)" is long for a subtitle: its first words.
    const label = STATUS_CLASS_LABEL[c][lang].replace(/\s*[（(].*$/, '');
    return lang === 'zh' ? `${label} ${tally.byClass[c]}` : `${tally.byClass[c]} ${label}`;
  });
  return `${t('export.progressTotal', { count: tally.total })}${lang === 'zh' ? '：' : ': '}${parts.join(' · ')}`;
}

export function buildScene(spec: SceneSpec, env: SceneEnv): Scene {
  const { state } = spec;
  const lang: Lang = state.lang ?? 'zh';
  const { catalogue: cat, geo, t } = env;
  // A corridor not drawn for want of its code would be a silent loss: the callers load it first (withCorridorBuffer).
  if (wantsCorridor(state) && !env.corridorBuffer) throw new Error('a corridor needs its buffer code: withCorridorBuffer(env, specs) first');
  const view = viewOf({ ...state, lang }, cat, env.corridorBuffer ?? null);
  const style = sceneStyle(env.baseStyle, view, lang, env);
  const userOn = new Set(spec.userVisible ?? []);
  const userLayers = (env.userLayers ?? []).filter((l) => userOn.has(l.id));
  const layers = (deck: DeckDrawing, zoom: number) => [...deck.buildThemeLayers(layerContext(view, cat, zoom, { beforeId: THEMATIC_BEFORE_ID }), view.layers), ...deck.buildUserLayers(userLayers, userOn, { scale: 1 })];
  const themes = (zoom: number) => styleThemes(layerContext(view, cat, zoom), view.layers);
  const name = selectionName(state.selection, lang, cat, geo);
  const planTitle = t('export.planTitle');
  // Now mode: statuses at the timeline's date (or the latest known); a progress slide lists by status.
  const statusDate = lensDate(view.lens, cat);
  const statusOf = statusDate ? statusReader(cat.statuses, view.lens.mode === 'now' ? view.lens.date : null) : null;
  let projects = selectionProjects(state, cat);
  const progress = spec.progress && statusOf ? tallyOf(projects.map((p) => statusOf(p.properties.id))) : null;
  if (progress && statusOf) {
    const rank = (s: TimelineStatus) => DISPLAY_CLASSES.indexOf(displayClassOf(s));
    projects = projects.map((p, i) => ({ p, i, r: rank(statusOf(p.properties.id)) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);
  }
  const defaultTitle = progress && name
    ? t('export.progressTitle', { name })
    : !state.selection
      ? planTitle
      : state.selection.kind === 'region'
        ? t('export.titleRegion', { name })
        : state.selection.kind === 'measure'
          ? t('export.titleMeasure', { name })
          : (name ?? planTitle);
  const subParts = progress ? [tallyLine(progress, lang, t)] : [state.selection ? planTitle : t('export.planSubtitle')];
  if (statusDate) subParts.push(t('export.nowSubtitle', { date: statusDateText(statusDate, lang) }));
  const ft = filtersText(state.filters, lang, cat, t);
  if (ft) subParts.push(ft);
  const ln = layerNames(view, lang);
  if (ln) subParts.push(`${t('export.layersShown')}${ln}`);
  // The export's date, unless the status date just said is the same day.
  if (!statusDate || statusDateText(statusDate, lang) !== formatDate(env.date, lang)) subParts.push(formatDate(env.date, lang));
  const defaultSubtitle = subParts.join(lang === 'zh' ? ' · ' : ' · ');

  // One line per project: its name and how the plan commits to it (the plan's own verb in Chinese),
  // or in now mode its status.
  const line = (p: ProjectFeature) =>
    statusOf
      ? lang === 'zh'
        ? `${p.properties.name_zh}（${t(`status.value.${statusOf(p.properties.id)}`)}）`
        : `${p.properties.name_en} (${t(`status.value.${statusOf(p.properties.id)}`)})`
      : lang === 'zh'
        ? `${p.properties.name_zh}（${p.properties.stage_verb}）`
        : `${p.properties.name_en} (${tr(t, [`stage.${p.properties.stage}`], p.properties.stage)})`;
  let notesLines = projects.map(line);
  let notesHeading: string | null = null;
  if (state.selection) notesHeading = t('export.projectsHeading', { count: projects.length });
  if (state.selection?.kind === 'project' && projects[0]) {
    // One project: its facts instead of a one-line list.
    const p = projects[0];
    const measures = p.properties.measures.map((m) => selectionName({ kind: 'measure', id: m }, lang, cat, geo) ?? m);
    const regions = cat
      .regionsTouchedBy(p.properties.id)
      .filter((r) => r.region.level === 'prefecture' && r.region.code.startsWith('15'))
      .map((r) => (lang === 'zh' ? r.region.name_zh : r.region.name_en));
    notesHeading = t('export.projectFacts');
    notesLines = [
      `${t('export.fact.stage')}${stageLabel(t, p, lang)}`,
      ...measures.map((m) => `${t('export.fact.measure')}${m}`),
      ...(regions.length ? [`${t('export.fact.regions')}${regions.join(lang === 'zh' ? '、' : ', ')}`] : []),
      `${t('export.fact.phrase')}${p.properties.phrase}`,
      `${t('export.fact.precision')}${tr(t, [`export.precision.${p.properties.precision}`], p.properties.precision)}`,
    ];
  }

  // Speaker notes: the complete list, by layer.
  const byTheme = new Map<string, ProjectFeature[]>();
  for (const p of projects) {
    const id = themeIdOf(p, cat);
    byTheme.set(id, [...(byTheme.get(id) ?? []), p]);
  }
  const notes = [
    spec.title ?? defaultTitle,
    spec.subtitle ?? defaultSubtitle,
    '',
    ...(spec.quote ? [...quoteNotes(spec.quote, lang, t), ''] : []),
    ...(projects.length ? [t('export.projectsHeading', { count: projects.length })] : []),
    ...[...byTheme.entries()].flatMap(([id, list]) => [
      `${THEME_BY_ID.get(id)?.label[lang] ?? id}`,
      ...list.map((p) => `  · ${line(p)}${lang === 'zh' ? '：' : ': '}${lang === 'zh' ? `“${p.properties.phrase}”` : p.properties.phrase}`),
    ]),
  ].join('\n');

  const content: ExportContent = {
    lang,
    title: spec.title?.trim() || defaultTitle,
    subtitle: spec.subtitle ?? defaultSubtitle,
    legendHeading: t('export.legend'),
    legendKey: t('export.legendKey'),
    legend: sceneLegend(view, cat, t),
    notesHeading,
    notes: notesLines,
    more: (n) => t('export.more', { count: n }),
    source: [statusSourceText(view.lens, cat, lang, t), t('export.source')].filter(Boolean).join(lang === 'zh' ? '' : ' '),
    ...(spec.quote ? { caption: quoteCaption(spec.quote, lang, t) } : {}),
  };
  // Imported layers come last in the legend, each under its own name (only those the frame shows).
  const userLegend = (extent?: Bounds) => userLegendGroups(extent ? userLayers.filter((l) => bboxMeets(layerBbox(l), extent)) : userLayers, userOn, lang);
  content.legend = [...content.legend, ...userLegend()];
  const legendWithin = (extent: Bounds) => [...sceneLegend(view, cat, t, extent), ...userLegend(extent)];
  return { lang, bounds: spec.bounds, style, view, userLayers, layers, styleThemes: themes, content, legendWithin, projects, notes, defaultTitle, defaultSubtitle };
}

// ---------------------------------------------------------------------------------------------
// Framing

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const invMercY = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/** The centre and zoom that fit `bounds` in a frame of `w`×`h` CSS px (MapLibre's 512 px tiles). */
export function fitBounds(bounds: Bounds, w: number, h: number, padding = 0): { center: [number, number]; zoom: number } {
  const [[west, south], [east, north]] = bounds;
  const dx = Math.max(1e-9, (east - west) / 360);
  const dy = Math.max(1e-9, (mercY(north) - mercY(south)) / (2 * Math.PI));
  const zoom = Math.min(Math.log2((w - 2 * padding) / (512 * dx)), Math.log2((h - 2 * padding) / (512 * dy)));
  return { center: [(west + east) / 2, invMercY((mercY(north) + mercY(south)) / 2)], zoom };
}

function bboxMeets(b: [number, number, number, number] | null, extent: Bounds): boolean {
  if (!b) return false;
  const [[w, s], [e, n]] = extent;
  return !(b[2] < w || b[0] > e || b[3] < s || b[1] > n);
}

/** The extent a frame of `w`×`h` CSS px shows around `center` at `zoom` (the inverse of fitBounds). */
export function viewExtent(center: [number, number], zoom: number, w: number, h: number): Bounds {
  const dx = (w / (512 * 2 ** zoom)) * 360;
  const dy = (h / (512 * 2 ** zoom)) * 2 * Math.PI;
  const cy = mercY(center[1]);
  return [
    [center[0] - dx / 2, invMercY(cy - dy / 2)],
    [center[0] + dx / 2, invMercY(cy + dy / 2)],
  ];
}

/** A region's bounds with a margin (a share of its size). */
export function paddedBounds(bbox: [number, number, number, number], margin = 0.06): Bounds {
  const [w, s, e, n] = bbox;
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [
    [w - dx, s - dy],
    [e + dx, n + dy],
  ];
}

export { COUNTY_ZOOM };

/**
 * Plan Atlas: a full-window map with a side panel. State worth sharing lives in the URL (see
 * src/domain/url-state.ts): the view in MapLibre's hash (`#map=zoom/lat/lng`); the selection
 * (region, project or measure), the visible layers, the filters, the choropleth and the language
 * in the query. A new selection pushes a history entry (back/forward step through selections);
 * everything else replaces the current one.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStateOf, atlasReducer, initialAtlasState } from './domain/atlas-state.ts';
import { loadCorridorBuffer, wantsCorridor, type CorridorBufferOf } from './domain/atlas-view.ts';
import type { Filters } from './domain/filters.ts';
import { projectBbox } from './domain/selection.ts';
import type { SearchHit } from './domain/search.ts';
import { decodeUrlState, encodeSearch, sameSelection, unknownProblem, type AppState, type AtlasMode, type Decoded, type Lang, type Selection, type UrlProblem } from './domain/url-state.ts';
import type { Hooks } from './hooks.ts';
import { applyDocumentLang, DEFAULT_LANG } from './i18n/index.ts';
import { afterPaint } from './map/after-paint.ts';
import { AtlasMap, type ChoroplethPaint, type FocusRequest } from './map/AtlasMap.tsx';
import { detailsSource, loadCatalogue, type CatalogueBundle } from './map/catalogue-data.ts';
import { DetailsContext } from './ui/details-context.ts';
import type { MapController } from './map/controller.ts';
import { MapControllerContext } from './map/controller-context.ts';
import type { GeoData, RegionInfo } from './map/geodata.ts';
import { choroplethColours } from './map/choropleth-style.ts';
import { DEFAULT_VISIBLE, LAYER_IDS, THEME_BY_ID, themeIdOf, viewOf, type PickTarget } from './map/themes/index.ts';
import { hasWebGL2 } from './map/webgl.ts';
import type { FontManifest } from './styles/font-manifest.ts';
import { AtlasContext } from './ui/app-context.ts';
import { ExportHookContext } from './ui/hooks-context.ts';
import { MapLegend } from './ui/MapLegend.tsx';
import { EmbedBar } from './ui/EmbedBar.tsx'; // embed
import { SidePanel, type PanelTab } from './ui/SidePanel.tsx';
import { stageText } from './ui/stage.ts';
import { Timeline } from './ui/Timeline.tsx';
import type { TextFocus } from './ui/reader/PlanTextTab.tsx';
import { planTimeline } from './domain/status.ts';
import { ExportControls } from './ui/export/ExportControls.tsx'; // export
import { ImportNotices } from './ui/import/ImportNotices.tsx'; // imported layers
import { MapDropZone } from './ui/import/MapDropZone.tsx'; // imported layers
import { UserLayersContext, useUserLayers } from './ui/import/use-user-layers.ts'; // imported layers
import { useUserMap } from './ui/import/use-user-map.ts'; // imported layers
import { CorridorSection } from './ui/analysis/CorridorSection.tsx'; // analysts
import { MeasureTool } from './ui/analysis/MeasureTool.tsx'; // analysts
import { useMeasure } from './ui/analysis/use-measure.ts'; // analysts
import { TableDrawer } from './ui/table/TableDrawer.tsx'; // analysts

export interface AppProps {
  initial: Decoded;
  fonts: FontManifest;
  /** The geography, already on its way (started before the fonts; see main.tsx). */
  geoData: Promise<GeoData>;
  /** Test and scripting hooks, only when the page asked for them (src/hooks.ts). */
  hooks?: Hooks | null;
}

export function App({ initial, fonts, geoData, hooks = null }: AppProps) {
  const { t, i18n } = useTranslation();
  const start = useMemo(() => initialAtlasState(initial, LAYER_IDS, DEFAULT_LANG), [initial]);
  const reducer = useMemo(() => atlasReducer(LAYER_IDS), []);
  const [atlas, dispatch] = useReducer(reducer, start.state);
  const { selection, layers, filters, choropleth, lang } = atlas;
  // `?embed=1`: the map and its legend alone, read-only, for an iframe (EmbedBar links to the full atlas).
  const embed = atlas.embed;
  const setSelection = useCallback((s: Selection | null) => dispatch({ type: 'select', selection: s }), []);
  const setLayers = useCallback((l: string[]) => dispatch({ type: 'layers', layers: l }), []);
  const setFilters = useCallback((f: Filters) => dispatch({ type: 'filters', filters: f }), []);
  const setChoropleth = useCallback((c: string | null) => dispatch({ type: 'choropleth', choropleth: c }), []);
  const setLang = useCallback((l: Lang) => dispatch({ type: 'lang', lang: l }), []);
  const setMode = useCallback((m: AtlasMode) => dispatch({ type: 'mode', mode: m }), []);
  const setDate = useCallback((d: string | null) => dispatch({ type: 'date', date: d }), []);
  const [controller, setController] = useState<MapController | null>(null);
  const setCorridor = useCallback((km: number | null) => dispatch({ type: 'corridor', km }), []);
  // Analysts' tools: the project table's drawer over the lower map, and the measure tool.
  const [tableOpen, setTableOpen] = useState(false);
  const measure = useMeasure(controller);
  const setParagraph = useCallback((p: string | null) => dispatch({ type: 'paragraph', paragraph: p }), []);
  // What the plan-text tab is asked to show; a link's paragraph opens the tab there.
  const [textFocus, setTextFocus] = useState<TextFocus | null>(() => (initial.state.paragraph ? { kind: 'paragraph', id: initial.state.paragraph } : null));
  const openText = useCallback((focus: TextFocus) => {
    setTextFocus(focus);
    if (focus.kind === 'paragraph') dispatch({ type: 'paragraph', paragraph: focus.id });
    setTab('text');
  }, []);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [hovered, setHovered] = useState<RegionInfo | null>(null);
  const [problems, setProblems] = useState<UrlProblem[]>(start.problems);
  const [geo, setGeo] = useState<GeoData | null>(null);
  const [bundle, setBundle] = useState<CatalogueBundle | null>(null);
  // What stopped the map: the geography failed to load (shown in the current language), or MapLibre refused to start (its own words).
  const [error, setError] = useState<{ kind: 'load' | 'map'; detail: string } | null>(null);
  // Why deck.gl's chunk (the thematic layers' drawing code) did not load, if it did not.
  const [themesFailed, setThemesFailed] = useState<string | null>(null);
  // The project catalogue failed to load (the panel says so).
  const [dataError, setDataError] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>(initial.state.paragraph ? 'text' : 'details');
  const webgl = useMemo(hasWebGL2, []);
  const catalogue = bundle?.catalogue ?? null;
  const focusSeq = useRef(0);

  const focusBox = useCallback((bbox: [number, number, number, number], maxZoom: number, force = false) => {
    focusSeq.current += 1;
    setFocusRequest({ bbox, maxZoom, force, seq: focusSeq.current });
  }, []);

  // The user's imported layers (src/ui/import): a new one is brought into view.
  const userLayers = useUserLayers({ onImported: (bbox) => focusBox(bbox, 9, true) });
  const userMap = useUserMap(userLayers);

  const focusSelection = useCallback(
    (sel: Selection | null, force = false) => {
      if (!sel || !geo) return;
      if (sel.kind === 'region') {
        const info = geo.byCode.get(sel.code);
        if (info) focusBox(info.bbox, info.level === 'county' ? 8.5 : 7, force);
      } else if (sel.kind === 'project' && catalogue) {
        const p = catalogue.project(sel.id);
        if (p) focusBox(projectBbox(p), p.geometry.type === 'Point' ? 7.5 : 7.5, force);
      }
    },
    [geo, catalogue, focusBox],
  );

  // Geography, then the catalogue (which indexes the regions).
  useEffect(() => {
    let live = true;
    const cat = loadCatalogue(geoData);
    geoData.then(
      (g) => {
        if (!live) return;
        setGeo(g);
      },
      (e: unknown) => live && setError({ kind: 'load', detail: e instanceof Error ? e.message : String(e) }),
    );
    cat.then(
      (b) => live && setBundle(b),
      (e: unknown) => {
        console.warn('[catalogue]', e);
        // Not a problem of the link: said in the panel as what it is.
        if (live) setDataError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Check the link's selection once the data that knows it has arrived.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !geo) return;
    const sel = initial.state.selection;
    if (sel?.kind === 'region') {
      checked.current = true;
      if (!geo.byCode.has(sel.code)) {
        setSelection(null);
        setProblems((p) => [...p, unknownProblem('region', sel.code)]);
      } else if (!initial.state.view) focusSelection(sel);
      return;
    }
    if (!catalogue) {
      if (!sel) checked.current = true;
      return;
    }
    checked.current = true;
    if (sel?.kind === 'project' && !catalogue.project(sel.id)) {
      setSelection(null);
      setProblems((p) => [...p, unknownProblem('project', sel.id)]);
    } else if (sel?.kind === 'measure' && !catalogue.measure(sel.id)) {
      setSelection(null);
      setProblems((p) => [...p, unknownProblem('measure', sel.id)]);
    } else if (sel && !initial.state.view) focusSelection(sel);
  }, [geo, catalogue, initial, focusSelection]);

  // Language: i18next, <html lang>, title.
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    applyDocumentLang(lang);
  }, [lang, i18n]);

  // State → query string. A new selection pushes a history entry; the rest replaces the current one.
  const written = useRef<Selection | null>(initial.state.selection);
  const writtenParagraph = useRef<string | null>(initial.state.paragraph);
  const dataKnown = geo != null && (selection == null || selection.kind === 'region' || catalogue != null);
  // Written after the browser has painted the change (a click's panel does not wait for it).
  useEffect(() => {
    if (!dataKnown) return; // keep the link as given until we know whether its selection exists
    return afterPaint(() => {
      const search = encodeSearch(
        { selection, layers, filters, choropleth, mode: atlas.mode, date: atlas.date, paragraph: atlas.paragraph, corridor: atlas.corridor, lang: lang === DEFAULT_LANG ? null : lang, embed },
        window.location.search,
        DEFAULT_VISIBLE,
      );
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      // A new selection or a new paragraph of the plan's text is a step back / forward returns to.
      // An embed's history is its host page's: a tap there must not add a step to the host's back button.
      if (!embed && (!sameSelection(written.current, selection) || writtenParagraph.current !== atlas.paragraph)) {
        written.current = selection;
        writtenParagraph.current = atlas.paragraph;
        window.history.pushState({ atlas: true }, '', url);
      } else if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', url);
      }
    });
  }, [selection, layers, filters, choropleth, lang, atlas.mode, atlas.date, atlas.paragraph, atlas.corridor, dataKnown, embed]);

  /** Sets the whole state at once (back/forward, saved views). */
  const applyAppState = useCallback(
    (s: Partial<AppState>, opts: { fly?: boolean } = {}) => {
      dispatch({ type: 'apply', state: s });
      if (opts.fly && s.view) controller?.flyTo(s.view);
    },
    [controller],
  );

  // The projects' notes and sources: fetched once the whole atlas is drawn, unless a panel or a download asks first.
  const details = useMemo(detailsSource, []);
  useEffect(() => {
    if (!controller) return;
    const fetchOnceDrawn = () => {
      if (controller.marks.atlasIdleAt != null) details.load().catch((e: unknown) => console.warn('[details]', e));
    };
    fetchOnceDrawn();
    return controller.onChange(fetchOnceDrawn);
  }, [controller, details]);

  // The map's controller: handed down by context, and to the hooks when the page asked for them.
  useEffect(() => {
    // Until the app's map is up, the hooks keep the page start's map (main.tsx).
    if (controller) hooks?.attachMap(controller);
  }, [hooks, controller]);

  // Back / forward: read the state back from the URL (MapLibre restores the view from the hash).
  useEffect(() => {
    const onPop = () => {
      const { state } = decodeUrlState(window.location.search, window.location.hash);
      written.current = state.selection;
      writtenParagraph.current = state.paragraph;
      applyAppState({ ...state, lang: state.lang ?? DEFAULT_LANG });
      // MapLibre follows the hash on `hashchange`, which a history step across pushState entries
      // that differ in more than the hash may not fire: bring the view along here too.
      if (state.view) controller?.jumpTo(state.view);
      if (state.paragraph) {
        setTextFocus({ kind: 'paragraph', id: state.paragraph });
        setTab('text');
      } else if (state.selection) setTab('details');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [applyAppState, controller]);

  const select = useCallback(
    (sel: Selection | null, opts: { focus?: boolean; force?: boolean; keepTab?: boolean } = {}) => {
      setSelection(sel);
      if (sel && !opts.keepTab) setTab('details');
      if (sel && opts.focus) focusSelection(sel, opts.force);
    },
    [focusSelection],
  );
  const clear = useCallback(() => setSelection(null), [setSelection]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setSelection(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setSelection]);

  /** The shareable state (what a link or a saved view carries; the view is MapLibre's). */
  const appState: AppState = useMemo(() => appStateOf(atlas), [atlas]);

  // The corridor's buffer code (turf's buffer), loaded the first time a state asks for a corridor.
  const [bufferOf, setBufferOf] = useState<CorridorBufferOf | null>(null);
  const corridorWanted = wantsCorridor(appState);
  useEffect(() => {
    if (!corridorWanted || bufferOf) return;
    let live = true;
    loadCorridorBuffer().then(
      (f) => live && setBufferOf(() => f),
      (e: unknown) => live && setThemesFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [corridorWanted, bufferOf]);

  // What the state draws, derived once (src/domain/atlas-view.ts): the map, the legend and the exports read it.
  const view = useMemo(() => (catalogue ? viewOf(appState, catalogue, bufferOf) : null), [appState, catalogue, bufferOf]);
  const timeline = useMemo(() => (catalogue ? planTimeline(catalogue.data.measures.measures, catalogue.statuses.asOf) : null), [catalogue]);
  const choroPaint = useMemo<ChoroplethPaint | null>(
    () => (view?.choropleth ? { colours: choroplethColours([view.choropleth.leagues, view.choropleth.counties]) } : null),
    [view?.choropleth],
  );

  const onPick = useCallback(
    (target: PickTarget) => {
      // An embed keeps the view its author chose: a tap selects (outlined, named in the bar) without moving the map.
      const focus = !embed;
      if (target.kind === 'project') select({ kind: 'project', id: target.id }, { focus });
      else if (target.projects.length) select({ kind: 'project', id: target.projects[0]! }, { focus });
      else {
        const region = catalogue?.place(target.id)?.properties.region;
        if (region && geo?.byCode.has(region)) select({ kind: 'region', code: region });
      }
    },
    [select, catalogue, geo, embed],
  );

  const describe = useCallback(
    (target: PickTarget) => {
      if (!catalogue) return null;
      if (target.kind === 'project') {
        const p = catalogue.project(target.id);
        if (!p) return null;
        const theme = THEME_BY_ID.get(themeIdOf(p, catalogue));
        return { text: lang === 'zh' ? p.properties.name_zh : p.properties.name_en, sub: `${theme ? theme.label[lang] + ' · ' : ''}${stageText(t, p.properties.stage_verb, p.properties.stage, lang)}` };
      }
      const place = catalogue.place(target.id);
      if (!place) return null;
      return {
        text: lang === 'zh' ? place.properties.name_zh : place.properties.name_en,
        sub: target.projects.length ? t('tooltip.projectsHere', { count: target.projects.length }) : t('tooltip.noProjectHere'),
      };
    },
    [catalogue, lang, t],
  );

  const onSearchHit = useCallback(
    (hit: SearchHit) => {
      if (hit.kind === 'region') select({ kind: 'region', code: hit.id }, { focus: true, force: true });
      else if (hit.kind === 'project') select({ kind: 'project', id: hit.id }, { focus: true, force: true });
      else if (catalogue && geo) {
        const place = catalogue.place(hit.id);
        const region = place?.properties.region;
        if (place && region && geo.byCode.has(region)) {
          setSelection({ kind: 'region', code: region });
          setTab('details');
          const [x, y] = place.geometry.coordinates as [number, number];
          const info = geo.byCode.get(region)!;
          focusBox(info.level === 'county' ? info.bbox : [x, y, x, y], 8, true);
        }
      }
    },
    [select, catalogue, geo, focusBox],
  );

  const regionCode = selection?.kind === 'region' ? selection.code : null;
  const regionInfo = regionCode && geo ? (geo.byCode.get(regionCode) ?? null) : null;

  let mapArea;
  if (!webgl) {
    mapArea = (
      <div className="map-message" role="alert" data-testid="no-webgl">
        <h2>{t('map.noWebgl')}</h2>
        <p>{t('map.noWebglDetail')}</p>
      </div>
    );
  } else if (error) {
    mapArea = (
      <div className="map-message" role="alert" data-testid="map-error">
        <p>{error.kind === 'load' ? t('map.loadError', { message: error.detail }) : error.detail}</p>
      </div>
    );
  } else if (!geo) {
    mapArea = (
      <div className="map-message map-message--loading" role="status">
        <p>{t('map.loading')}</p>
      </div>
    );
  } else {
    mapArea = (
      <>
        <AtlasMap
          geo={geo}
          fonts={fonts}
          lang={lang}
          selectedRegion={regionInfo ? regionCode : null}
          focusRequest={focusRequest}
          initialView={initial.state.view}
          catalogue={catalogue}
          view={view}
          choropleth={choroPaint}
          onController={setController}
          onSelectRegion={(code) => select(code ? { kind: 'region', code } : null)}
          onPick={onPick}
          describe={describe}
          onHover={setHovered}
          onError={(message) => setError({ kind: 'map', detail: message })}
          onThemesUnavailable={setThemesFailed}
          userLayers={userMap.drawn}
          describeAt={userMap.describeAt}
        />
        {/* The overlays over the map's foot: placed one by one on wide screens, stacked above the bottom sheet on phones (app.css). */}
        <div className="map-bottom">
          {/* No legend for layers that are not drawn. */}
          {catalogue && view && <MapLegend catalogue={catalogue} lang={lang} view={view} />}
          {/* An embed shows the state it was given: no timeline to change it. */}
          {catalogue && timeline && !embed && <Timeline mode={atlas.mode} date={atlas.date} timeline={timeline} onMode={setMode} onDate={setDate} />}
        </div>
      </>
    );
  }

  const userForExport = useMemo(() => ({ layers: userLayers.layers, visible: userLayers.visible }), [userLayers.layers, userLayers.visible]);
  // MapLibre failing to start is almost always its WebGL context: the user is told as for no WebGL.
  const noMapReason = !webgl || error?.kind === 'map' ? 'webgl' : error ? 'data' : null;
  const mapShown = noMapReason === null;
  const themesShown = themesFailed === null;
  const exportHook = useMemo(() => (hooks ? (api: Parameters<Hooks['provideExport']>[0]) => hooks.provideExport(api) : null), [hooks]);
  const atlasContext = useMemo(
    () => ({ state: appState, map: controller, fonts, catalogue, geo, apply: applyAppState, user: userForExport, mapShown, themesShown }),
    [appState, controller, fonts, catalogue, geo, applyAppState, userForExport, mapShown, themesShown],
  );

  return (
    <AtlasContext.Provider value={atlasContext}>
    <MapControllerContext.Provider value={controller}>
    <ExportHookContext.Provider value={exportHook}>
    <UserLayersContext.Provider value={userLayers}>
    <DetailsContext.Provider value={details}>
    <div className={embed ? 'app app--embed' : 'app'} data-lang={lang}>
      {!embed && (
        <a className="skip-link" href="#panel">
          {t('app.skipToPanel')}
        </a>
      )}
      <main className="map-area">
        {mapArea}
        {webgl && !embed && <MapDropZone />}
        {embed && <EmbedBar />}
        {/* Notes over the map's top left, stacked (app.css, .map-callouts). */}
        <div className="map-callouts">
          {/* The plan's layers are MapLibre's: without deck.gl's code only a selection's halo, the corridor, imported layers and the exports are missing; a reload keeps the state (it is in the link). */}
          {mapShown && themesFailed && (
            <div className="map-callout map-banner" role="alert" data-testid="map-themes-failed">
              <div>
                <p className="map-banner__heading">{t('map.themesFailed')}</p>
                <p>{t('map.themesFailedDetail', { message: themesFailed })}</p>
              </div>
              <button type="button" className="map-message__action" onClick={() => window.location.reload()} data-testid="map-themes-reload">
                {t('map.reloadPage')}
              </button>
            </div>
          )}
          <ImportNotices />
          {measure.state && (
            <div className="map-callout measure-callout" data-testid="measure-tool">
              <MeasureTool
                points={measure.state.points}
                mode={measure.state.mode}
                lang={lang}
                done={measure.state.done}
                onModeChange={measure.setMode}
                onUndo={measure.undo}
                onClear={measure.clear}
                onClose={measure.close}
                onFinish={measure.finish}
                onResume={measure.resume}
              />
            </div>
          )}
        </div>
        {tableOpen && catalogue && (
          <TableDrawer
            catalogue={catalogue}
            lang={lang}
            filters={filters}
            selection={selection}
            onSelectProject={(id) => select({ kind: 'project', id }, { focus: true, force: true })}
            onClose={() => setTableOpen(false)}
          />
        )}
      </main>
      {!embed && (
      <SidePanel
        lang={lang}
        onLang={setLang}
        problems={problems}
        onDismissProblems={() => setProblems([])}
        geo={geo}
        bundle={bundle}
        selection={selection}
        hovered={hovered}
        tab={tab}
        onTab={setTab}
        onSelect={select}
        onSearchHit={onSearchHit}
        onClear={clear}
        layers={layers}
        onLayers={setLayers}
        filters={filters}
        onFilters={setFilters}
        choropleth={choropleth}
        onChoropleth={setChoropleth}
        noMapReason={noMapReason}
        dataError={dataError}
        date={atlas.date}
        now={atlas.mode === 'now'}
        textFocus={textFocus}
        onOpenText={openText}
        onTextParagraph={setParagraph}
        tools={
          <>
            <button type="button" className="tool-button" aria-pressed={tableOpen} onClick={() => setTableOpen((o) => !o)} disabled={!catalogue} data-testid="open-table">
              {t('tools.table')}
            </button>
            <button
              type="button"
              className="tool-button"
              aria-pressed={measure.state != null}
              onClick={() => (measure.state ? measure.close() : measure.open())}
              disabled={!mapShown}
              data-testid="open-measure"
            >
              {t('tools.measure')}
            </button>
          </>
        }
        analysis={
          catalogue && (
            <CorridorSection
              catalogue={catalogue}
              lang={lang}
              selection={selection}
              km={atlas.corridor}
              onKm={setCorridor}
              onSelectRegion={(code) => select({ kind: 'region', code }, { focus: true })}
              onSelectProject={(id) => select({ kind: 'project', id }, { focus: true, force: true })}
            />
          )
        }
      />
      )}
      {/* Components outside the panel (the export dialog) read the state from AtlasContext (src/ui/app-context.ts). */}
      {!embed && <ExportControls />}{/* export */}
    </div>
    </DetailsContext.Provider>
    </UserLayersContext.Provider>
    </ExportHookContext.Provider>
    </MapControllerContext.Provider>
    </AtlasContext.Provider>
  );
}

/**
 * The side panel: title, language, search, link notices, and three tabs — the selection (a region,
 * a project or a measure), the layers (toggles, choropleth, filters) and the plan's outline. A
 * visually hidden live region tells screen readers what is selected.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../domain/search.ts';
import { emphasisedProjects, emphasisOf } from '../domain/selection.ts';
import type { Filters } from '../domain/filters.ts';
import type { Lang, Selection, UrlProblem } from '../domain/url-state.ts';
import type { CatalogueBundle } from '../map/catalogue-data.ts';
import type { GeoData, RegionInfo } from '../map/geodata.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { Legend } from './Legend.tsx';
import { MeasurePanel } from './MeasurePanel.tsx';
import { Notice } from './Notice.tsx';
import { OutlineTree } from './OutlineTree.tsx';
import { ProjectPanel } from './ProjectPanel.tsx';
import { RegionPanel } from './RegionPanel.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SheetHandle, useSheet } from './BottomSheet.tsx'; // phones
import type { TextFocus } from './reader/PlanTextTab.tsx';
import { OpenTextContext } from './reader/open-text.ts';

export type PanelTab = 'details' | 'layers' | 'outline' | 'text';
const TABS: PanelTab[] = ['details', 'layers', 'outline', 'text'];
// The plan's text and its reader load when the tab is first opened.
const PlanTextTab = lazy(() => import('./reader/PlanTextTab.tsx'));

export interface SidePanelProps {
  lang: Lang;
  onLang: (lang: Lang) => void;
  problems: UrlProblem[];
  onDismissProblems: () => void;
  geo: GeoData | null;
  bundle: CatalogueBundle | null;
  selection: Selection | null;
  hovered: RegionInfo | null;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  onSelect: (sel: Selection | null, opts?: { focus?: boolean; force?: boolean; keepTab?: boolean }) => void;
  onSearchHit: (hit: SearchHit) => void;
  onClear: () => void;
  layers: string[];
  onLayers: (layers: string[]) => void;
  filters: Filters;
  onFilters: (f: Filters) => void;
  choropleth: string | null;
  onChoropleth: (c: string | null) => void;
  /** Why there is no map to point at: no WebGL (or MapLibre could not start), or its data failed to load; null while there is one. */
  noMapReason: 'webgl' | 'data' | null;
  /** The project catalogue failed to load: what went wrong. */
  dataError?: string | null;
  /** The timeline's date (now mode), for the project's status at that date. */
  date: string | null;
  /** Now mode: lists show the projects' statuses. */
  now?: boolean;
  /** What the plan-text tab shows. */
  textFocus: TextFocus | null;
  /** Show a paragraph, or a project's or measure's words, in the plan-text tab. */
  onOpenText: (focus: TextFocus) => void;
  /** The reader chose a paragraph (goes into the link). */
  onTextParagraph: (id: string) => void;
  /** Extra controls in the header (e.g. the export button). */
  headerActions?: ReactNode;
  /** Tools under the search (the table and the measure tool). */
  tools?: ReactNode;
  /** Analysis of the selection under its details (corridor analysis). */
  analysis?: ReactNode;
}

export function SidePanel(props: SidePanelProps) {
  const { t } = useTranslation();
  const { lang, selection, hovered, geo, bundle, filters } = props;
  const catalogue = bundle?.catalogue ?? null;
  // A new selection starts at the top of the panel. Writing scrollTop forces a layout of the new
  // panel in the middle of the click, so it is written only when the body was scrolled (the scroll
  // offset is remembered from scroll events rather than read, which would force the layout too).
  const body = useRef<HTMLDivElement>(null);
  const bodyScrolled = useRef(false);
  const selKey = selection ? `${selection.kind}:${selection.kind === 'region' ? selection.code : selection.id}` : '';
  useEffect(() => {
    if (!body.current || props.tab !== 'details' || !bodyScrolled.current) return;
    body.current.scrollTop = 0;
    bodyScrolled.current = false;
  }, [selKey, props.tab]);
  // On phones the panel is a bottom sheet (BottomSheet.tsx); a new selection opens it half.
  const [sheet, setSheet] = useSheet(selKey);
  const regionInfo = selection?.kind === 'region' && geo ? (geo.byCode.get(selection.code) ?? null) : null;
  const parent = regionInfo?.parent && geo ? (geo.byCode.get(regionInfo.parent) ?? null) : null;

  // Stable callbacks, so the (memoised) panels below do not re-render while the pointer moves.
  const { onSelect } = props;
  const selectRegion = useCallback((code: string) => onSelect({ kind: 'region', code }, { focus: true }), [onSelect]);
  const selectProject = useCallback((id: string) => onSelect({ kind: 'project', id }, { focus: true, force: true }), [onSelect]);
  const selectMeasure = useCallback((id: string) => onSelect({ kind: 'measure', id }), [onSelect]);
  const { onOpenText } = props;
  const openMeasureText = useCallback((id: string) => onOpenText({ kind: 'measure', id }), [onOpenText]);
  const zoomToSelection = useCallback(() => onSelect(selection, { focus: true, force: true }), [onSelect, selection]);

  // What a screen reader hears when the selection changes.
  const spoken = useMemo(() => {
    if (!selection) return t('live.none');
    if (selection.kind === 'region') {
      if (!regionInfo) return '';
      const name = lang === 'zh' ? regionInfo.name_zh : regionInfo.name_en;
      return catalogue ? t('live.region', { name, count: emphasisedProjects(emphasisOf(catalogue, selection, filters)).size }) : name;
    }
    if (!catalogue) return '';
    if (selection.kind === 'project') {
      const p = catalogue.project(selection.id)?.properties;
      if (!p) return '';
      return t('live.project', { name: lang === 'zh' ? p.name_zh : p.name_en, verb: p.stage_verb, stage: t(`stage.${p.stage}`), count: catalogue.regionsTouchedBy(p.id).length });
    }
    const m = catalogue.measure(selection.id);
    if (!m) return '';
    const count = emphasisedProjects(emphasisOf(catalogue, selection, filters)).size;
    return t('live.measure', { name: lang === 'zh' ? m.heading_zh : m.title_en, count });
  }, [selection, regionInfo, catalogue, filters, lang, t]);

  let details: ReactNode;
  if (selection?.kind === 'region' && regionInfo) {
    details = (
      <RegionPanel
        info={regionInfo}
        parent={parent}
        catalogue={catalogue}
        filters={filters}
        lang={lang}
        now={props.now ?? false}
        date={props.date}
        onSelectRegion={selectRegion}
        onSelectProject={selectProject}
        onSelectMeasure={selectMeasure}
        onClear={props.onClear}
      />
    );
  } else if (selection?.kind === 'project' && catalogue?.project(selection.id)) {
    details = (
      <ProjectPanel
        id={selection.id}
        catalogue={catalogue}
        lang={lang}
        onSelectRegion={selectRegion}
        onSelectProject={selectProject}
        onSelectMeasure={selectMeasure}
        onZoom={zoomToSelection}
        onClear={props.onClear}
        date={props.date}
        onOpenText={() => props.onOpenText({ kind: 'project', id: selection.id })}
      />
    );
  } else if (selection?.kind === 'measure' && catalogue?.measure(selection.id)) {
    details = (
      <MeasurePanel
        id={selection.id}
        catalogue={catalogue}
        filters={filters}
        lang={lang}
        mapShown={props.noMapReason === null}
        onSelectMeasure={selectMeasure}
        onSelectProject={selectProject}
        onClear={props.onClear}
        onOpenText={openMeasureText}
      />
    );
  } else if (selection && !catalogue) {
    details = <p className="muted panel-section">{t('projects.loading')}</p>;
  } else {
    details = (
      <section className="panel-section hint" data-testid="panel-hint">
        {props.dataError && (
          <p className="data-error" role="alert" data-testid="data-error">
            {t('panel.dataError', { message: props.dataError })}
          </p>
        )}
        <p>{t(props.noMapReason === null ? 'panel.hint' : props.noMapReason === 'data' ? 'panel.hintNoData' : 'panel.hintNoMap')}</p>
        <p className="muted">{t('panel.hintKeys')}</p>
        {catalogue && <p className="muted">{t('panel.overview', { projects: catalogue.allProjects().length, measures: catalogue.allMeasures().length })}</p>}
      </section>
    );
  }

  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(props.tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    props.onTab(next);
    document.getElementById(`tab-${next}`)?.focus();
    e.preventDefault();
  };

  return (
    <aside className="side-panel" id="panel" aria-label={t('app.subtitle')} data-testid="side-panel" data-sheet={sheet}>
      <SheetHandle state={sheet} onState={setSheet} />
      <header className="side-panel__header">
        <div>
          <h1 className="title">{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="side-panel__actions">
          {props.headerActions}
          <LanguageSwitch lang={lang} onChange={props.onLang} />
        </div>
      </header>
      <div className="side-panel__search">
        <SearchBox index={bundle?.search ?? null} lang={lang} onPick={props.onSearchHit} />
      </div>
      {props.tools && <div className="side-panel__tools">{props.tools}</div>}
      <Notice problems={props.problems} onDismiss={props.onDismissProblems} />
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={props.tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={props.tab === id ? 0 : -1}
            className="tabs__tab"
            data-testid={`tab-${id}`}
            onClick={() => props.onTab(id)}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div className="side-panel__body" ref={body} onScroll={(e) => (bodyScrolled.current = e.currentTarget.scrollTop > 0)} id={`tabpanel-${props.tab}`} role="tabpanel" aria-labelledby={`tab-${props.tab}`}>
        {props.tab === 'details' && (
          <>
            <OpenTextContext.Provider value={onOpenText}>{details}</OpenTextContext.Provider>
            {props.analysis}
            <p className="hover-line" aria-live="off">
              {hovered ? t('panel.hover', { name: lang === 'zh' ? hovered.name_zh : hovered.name_en }) : '\u00a0'}
            </p>
          </>
        )}
        {props.tab === 'layers' && (
          <>
            <LayerPanel
              catalogue={catalogue}
              lang={lang}
              layers={props.layers}
              onLayers={props.onLayers}
              filters={filters}
              onFilters={props.onFilters}
              choropleth={props.choropleth}
              onChoropleth={props.onChoropleth}
            />
            <Legend />
          </>
        )}
        {props.tab === 'outline' &&
          (catalogue ? (
            <OutlineTree catalogue={catalogue} filters={filters} lang={lang} date={props.date} selected={selection?.kind === 'measure' ? selection.id : null} onSelect={selectMeasure} />
          ) : (
            <p className="muted panel-section">{t('projects.loading')}</p>
          ))}
        {props.tab === 'text' &&
          (catalogue ? (
            <Suspense fallback={<p className="muted panel-section">{t('projects.loading')}</p>}>
              <PlanTextTab
                catalogue={catalogue}
                lang={lang}
                selectedProjectId={selection?.kind === 'project' ? selection.id : null}
                focus={props.textFocus}
                onSelectProject={(id) => props.onSelect({ kind: 'project', id }, { focus: true, keepTab: true })}
                onSelectParagraph={props.onTextParagraph}
                onSelectRegion={(code) => props.onSelect({ kind: 'region', code }, { focus: true, keepTab: true })}
              />
            </Suspense>
          ) : (
            <p className="muted panel-section">{t('projects.loading')}</p>
          ))}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="live-summary">
        {spoken}
      </p>
      <footer className="side-panel__footer">
        <p>{t('sources.short')}</p>
      </footer>
    </aside>
  );
}

/**
 * A selected region: its card, a summary (how many projects touch it, by layer, as a small chart),
 * and every project touching it, grouped chapter → measure in plan order, each with its symbol,
 * its stage and how it touches the region (named in the plan, crosses with km inside, covers, lies in).
 */
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { isFiltering, type Filters } from '../domain/filters.ts';
import { capGroups, LIST_STEP, rowsToFill } from '../domain/list-cap.ts';
import { progressGroupOf, PROGRESS_GROUPS, statusDateText, statusReader, tallyOf, type ProgressGroup } from '../domain/progress.ts';
import { regionProjects } from '../domain/selection.ts';
import type { TimelineStatus } from '../domain/status.ts';
import type { Lang } from '../domain/url-state.ts';
import type { RegionInfo } from '../map/geodata.ts';
import { THEMES, themeIdOf } from '../map/themes/index.ts';
import { onArrowNav } from './arrow-nav.ts';
import { measureHeading, measureNumber } from './measure-label.ts';
import { ProjectRow } from './ProjectRow.tsx';
import { RegionCard } from './RegionCard.tsx';
import { StatusBar } from './StatusBar.tsx';
import { SummaryChart } from './SummaryChart.tsx';
import { STATUS_CLASS_LABEL } from '../map/themes/style.ts';
import { UserLayersInRegion } from './import/UserLayersInRegion.tsx';
import { RegionParagraphs } from './reader/RegionParagraphs.tsx';
import { whenIdleAfterFrames } from '../map/when-idle.ts';

export interface RegionPanelProps {
  info: RegionInfo;
  parent: RegionInfo | null;
  catalogue: Catalogue | null;
  filters: Filters;
  lang: Lang;
  /** Now mode: the list shows each project's status. */
  now: boolean;
  /** The timeline's date (now mode): progress and statuses at that date; null = the latest known. */
  date: string | null;
  onSelectRegion: (code: string) => void;
  onSelectProject: (id: string) => void;
  onSelectMeasure: (id: string) => void;
  onClear: () => void;
}

/** The bottom of what is visible of `el`: its nearest scrolling ancestor's bottom, within the window. */
function visibleBottom(el: HTMLElement): number {
  let bottom = window.innerHeight;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
      bottom = Math.min(bottom, p.getBoundingClientRect().bottom);
      break;
    }
  }
  return bottom;
}

export const RegionPanel = memo(function RegionPanel(props: RegionPanelProps) {
  const { t } = useTranslation();
  const { info, catalogue, filters, lang, date } = props;
  // The list's filter by status (reset when another region is selected).
  const [statusFilter, setStatusFilter] = useState<{ code: string; group: ProgressGroup } | null>(null);
  const group = statusFilter?.code === info.code ? statusFilter.group : null;
  const data = useMemo(() => {
    if (!catalogue) return null;
    const { items, total } = regionProjects(catalogue, info.code, filters);
    const byTheme = new Map<string, number>(THEMES.map((th) => [th.id, 0]));
    for (const it of items) {
      const id = themeIdOf(it.project, catalogue);
      byTheme.set(id, (byTheme.get(id) ?? 0) + 1);
    }
    const statusOf = statusReader(catalogue.statuses, date);
    const statuses = new Map<string, TimelineStatus>(items.map((it) => [it.project.properties.id, statusOf(it.project.properties.id)]));
    const tally = tallyOf(statuses.values());
    const shown = group ? items.filter((it) => progressGroupOf(statuses.get(it.project.properties.id)!) === group) : items;
    return { items, total, shown, statuses, tally, groups: catalogue.groupByMeasure(shown), byTheme: [...byTheme] };
  }, [catalogue, info.code, filters, date, group]);
  // At scale a region touches thousands of projects: render the first rows, the rest on request.
  const [more, setMore] = useState<{ code: string; limit: number } | null>(null);
  const limit = more?.code === info.code ? more.limit : LIST_STEP;
  const capped = useMemo(() => (data ? capGroups(data.groups, limit) : null), [data, limit]);
  // A click paints the card with the rows in view; the rest of the list (below the fold) follows
  // when the browser is idle after the click's frame and the map's frame that follows it (a
  // selection's emphasis), as an interruptible background render.
  const [settledCode, setSettledCode] = useState('');
  useEffect(() => {
    if (settledCode === info.code) return;
    const code = info.code;
    return whenIdleAfterFrames(2, () => startTransition(() => setSettledCode(code)));
  }, [info.code, settledCode]);
  const firstPaint = settledCode !== info.code;
  // The click's frame holds only the rows the panel shows: the list is committed empty, measured
  // (its top against the bottom of the visible panel; the card and chart above it are laid out, no
  // row is), and filled before the browser paints (a layout effect's update renders synchronously).
  const listRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ code: string; rows: number } | null>(null);
  const fitted = fit?.code === info.code ? fit.rows : 0;
  const rows = useMemo(() => (data && firstPaint ? capGroups(data.groups, Math.min(limit, fitted)) : capped), [data, firstPaint, limit, fitted, capped]);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!firstPaint || !list || fit?.code === info.code) return;
    setFit({ code: info.code, rows: rowsToFill(visibleBottom(list) - list.getBoundingClientRect().top) });
  }, [firstPaint, info.code, fit, data]);

  return (
    <>
      <RegionCard info={info} parent={props.parent} lang={lang} onSelect={props.onSelectRegion} onClear={props.onClear} />
      <UserLayersInRegion code={info.code} regions={catalogue?.regions ?? null} />
      <section className="panel-section" aria-labelledby="projects-heading" data-testid="region-projects">
        <h3 id="projects-heading">{t('projects.heading')}</h3>
        {!data ? (
          <p className="muted">{t('projects.loading')}</p>
        ) : data.items.length === 0 ? (
          <p className="muted" data-testid="region-no-projects">
            {isFiltering(filters) && data.total > 0 ? t('projects.noneFiltered', { total: data.total }) : t('projects.none')}
          </p>
        ) : (
          <>
            <p className="summary-line" data-testid="region-summary">
              {t('projects.count', { count: data.items.length })}
              {isFiltering(filters) && data.total !== data.items.length && <span className="muted"> {t('projects.ofTotal', { total: data.total })}</span>}
            </p>
            <SummaryChart counts={data.byTheme} lang={lang} label={t('projects.chartLabel')} />
            <div className="region-progress" data-testid="region-progress">
              <p className="region-progress__line" data-testid="region-status-line">
                {date && `${t('status.region.at', { date: statusDateText(date, lang) })} `}
                {t('status.timeline.region', { count: data.tally.byClass.operating, total: data.tally.total })}
                {data.tally.byClass.partial > 0 && t('status.region.partly', { count: data.tally.byClass.partial })}
              </p>
              <StatusBar tally={data.tally} lang={lang} testId="region-status-bar" />
              <label className="region-progress__filter">
                <span>{t('status.region.filter')}</span>
                <select
                  value={group ?? ''}
                  onChange={(e) => setStatusFilter(e.target.value ? { code: info.code, group: e.target.value as ProgressGroup } : null)}
                  data-testid="region-status-filter"
                >
                  <option value="">{t('status.region.all', { count: data.tally.total })}</option>
                  {PROGRESS_GROUPS.filter((g) => data.tally.byClass[g] > 0 || g === group).map((g) => (
                    <option key={g} value={g}>
                      {STATUS_CLASS_LABEL[g][lang]} ({data.tally.byClass[g]})
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div ref={listRef} className="grouped-list" onKeyDown={onArrowNav} data-testid="region-project-list" data-complete={firstPaint ? 'false' : 'true'}>
              {rows!.groups.map((g) => (
                <div key={g.chapter.id} className="chapter-group">
                  <h4 className="chapter-group__title">
                    <button type="button" className="link-button" onClick={() => props.onSelectMeasure(g.chapter.id)}>
                      {measureNumber(t, g.chapter)} {measureHeading(g.chapter, lang)}
                    </button>
                  </h4>
                  {g.measures.map((mg) => (
                    <div key={mg.measure.id} className="measure-group">
                      {mg.measure.id !== g.chapter.id && (
                        <h5 className="measure-group__title">
                          <button type="button" className="link-button" onClick={() => props.onSelectMeasure(mg.measure.id)}>
                            {catalogue!
                              .measurePath(mg.measure.id)
                              .slice(1)
                              .map((m) => `${measureNumber(t, m)} ${m.printed || m.level !== 'section' ? measureHeading(m, lang) : t('outline.unprintedShort')}`)
                              .join(' · ')}
                          </button>
                        </h5>
                      )}
                      <ul className="project-rows">
                        {mg.items.map((it) => (
                          <ProjectRow
                            key={it.project.properties.id}
                            catalogue={catalogue!}
                            project={it.project}
                            touch={it.touch}
                            lang={lang}
                            onSelect={props.onSelectProject}
                            t={t}
                            {...(props.now || group ? { status: data.statuses.get(it.project.properties.id)! } : {})}
                          />
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              ))}
            </div>
            {!firstPaint && capped!.hidden > 0 && (
              <button type="button" className="link-button" data-testid="region-show-more" onClick={() => setMore({ code: info.code, limit: limit + LIST_STEP * 4 })}>
                {t('projects.showMore', { count: Math.min(capped!.hidden, LIST_STEP * 4), hidden: capped!.hidden })}
              </button>
            )}
          </>
        )}
      </section>
      {/* The plan's words about this region: after its projects, which most readers come for. */}
      <RegionParagraphs code={info.code} catalogue={catalogue} lang={lang} />
    </>
  );
});

/**
 * A selected measure of the plan: where it stands in the outline, its heading as printed (or, for
 * the sections the plan leaves unheaded, our name for it, marked as such), our summary, chapter 2's
 * targets, its sub-measures, and the projects that carry it out (highlighted on the map with their
 * places).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { isFiltering, projectPasses, type Filters } from '../domain/filters.ts';
import type { Measure } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';
import { THEMES, themeIdOf } from '../map/themes/index.ts';
import { onArrowNav } from './arrow-nav.ts';
import { measureHeading, measureNumber, measureSummary } from './measure-label.ts';
import { ProjectRow } from './ProjectRow.tsx';

export interface MeasurePanelProps {
  id: string;
  catalogue: Catalogue;
  filters: Filters;
  lang: Lang;
  /** False when there is no map (no WebGL, or it failed): the panel then says nothing of what it draws. */
  mapShown: boolean;
  onSelectMeasure: (id: string) => void;
  onSelectProject: (id: string) => void;
  onClear: () => void;
  /** Opens the plan's text at a measure's heading. */
  onOpenText?: (id: string) => void;
}

export function Targets({ measure, lang }: { measure: Measure; lang: Lang }) {
  const { t } = useTranslation();
  if (!measure.targets?.length) return null;
  return (
    <div className="targets" data-testid="measure-targets">
      <h4>{t('outline.targets')}</h4>
      <ol>
        {measure.targets.map((tg) => (
          <li key={tg.year}>
            <strong>{tg.year}</strong> {lang === 'zh' ? tg.text_zh : tg.text_en}
          </li>
        ))}
      </ol>
    </div>
  );
}

export const MeasurePanel = memo(function MeasurePanel({ id, catalogue, filters, lang, mapShown, onSelectMeasure, onSelectProject, onClear, onOpenText }: MeasurePanelProps) {
  const { t } = useTranslation();
  const measure = catalogue.measure(id);
  const path = catalogue.measurePath(id);
  const data = useMemo(() => {
    const all = catalogue.projectsOfMeasure(id);
    const items = all.filter((p) => projectPasses(p, filters));
    const byTheme = THEMES.map((th) => ({ theme: th, items: items.filter((p) => themeIdOf(p, catalogue) === th.id) })).filter((g) => g.items.length);
    const children = catalogue.allMeasures().filter((m) => m.id.startsWith(id + '.') && m.id.split('.').length === id.split('.').length + 1);
    const withTargets = [measure, ...catalogue.allMeasures().filter((m) => m.id.startsWith(id + '.'))].filter((m): m is Measure => !!m?.targets?.length);
    const places = new Set<string>();
    for (const p of items) for (const pl of p.properties.places) places.add(pl);
    return { all, items, byTheme, children, withTargets, places: [...places].map((pid) => catalogue.place(pid)).filter((x) => x != null) };
  }, [catalogue, id, filters, measure]);
  if (!measure) return null;

  return (
    <>
      <section className="panel-section measure-card" aria-labelledby="measure-name" data-testid="measure-card" data-measure={id}>
        <div className="region-card__head">
          <p className="eyebrow">{t('outline.measureHeading')}</p>
          <button type="button" className="button-quiet" onClick={onClear} title={t('region.clearHint')}>
            {t('region.clear')} <kbd>Esc</kbd>
          </button>
        </div>
        {path.length > 1 && (
          <p className="breadcrumb">
            {path.slice(0, -1).map((pm, i) => (
              <span key={pm.id}>
                {i > 0 && <span aria-hidden="true"> › </span>}
                <button type="button" className="link-button" onClick={() => onSelectMeasure(pm.id)}>
                  {measureNumber(t, pm)} {pm.printed ? measureHeading(pm, lang) : t('outline.unprintedShort')}
                </button>
              </span>
            ))}
          </p>
        )}
        <h2 id="measure-name" className="region-card__name measure-card__name" data-testid="measure-name">
          <span className="measure-card__no">{measureNumber(t, measure)}</span> {measureHeading(measure, lang)}
        </h2>
        {lang === 'en' && <p className="region-card__alt" lang="zh-Hans">{measure.heading_zh}</p>}
        {!measure.printed && (
          <p className="unprinted-note" data-testid="measure-unprinted">
            {t('outline.unprintedNote')}
          </p>
        )}
        <p className="measure-card__summary">{measureSummary(measure, lang)}</p>
        {onOpenText && (
          <button type="button" className="link-button" onClick={() => onOpenText(id)} data-testid="measure-open-text">
            {t('reader.openMeasure')}
          </button>
        )}
        {data.withTargets.map((m) => (
          <Targets key={m.id} measure={m} lang={lang} />
        ))}
        {data.children.length > 0 && (
          <ul className="child-measures" onKeyDown={onArrowNav}>
            {data.children.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" data-nav-item onClick={() => onSelectMeasure(c.id)}>
                  {measureNumber(t, c)} {measureHeading(c, lang)}
                </button>
                {!c.printed && <span className="tag tag--muted">{t('outline.unprintedTag')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel-section" aria-labelledby="measure-projects-heading" data-testid="measure-projects">
        <h3 id="measure-projects-heading">{t('outline.projects')}</h3>
        {data.items.length === 0 ? (
          <p className="muted">{isFiltering(filters) && data.all.length ? t('projects.noneFiltered', { total: data.all.length }) : t('outline.noProjects')}</p>
        ) : (
          <>
            <p className="summary-line">
              {t('outline.projectCount', { count: data.items.length })}
              {data.places.length > 0 && <span className="muted" data-testid="measure-place-count"> {t(mapShown ? 'outline.placeCount' : 'outline.placeCountNoMap', { count: data.places.length })}</span>}
            </p>
            <div className="grouped-list" onKeyDown={onArrowNav} data-testid="measure-project-list">
              {data.byTheme.map((g) => (
                <div key={g.theme.id} className="measure-group">
                  <h5 className="measure-group__title">{g.theme.label[lang]}</h5>
                  <ul className="project-rows">
                    {g.items.map((p) => (
                      <ProjectRow key={p.properties.id} catalogue={catalogue} project={p} lang={lang} onSelect={onSelectProject} t={t} />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </>
        )}
      </section>
    </>
  );
});

/**
 * A selected project: what it is, the measure(s) of the plan it carries out (with our summary and
 * the plan's own phrase), its stage, how precisely the map can place it (and what the plan leaves
 * vague), and the regions it touches, each a link.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { projectsAtSamePlace } from '../domain/selection.ts';
import type { Lang } from '../domain/url-state.ts';
import { projectSymbol, themeOfProject } from '../map/themes/index.ts';
import { onArrowNav } from './arrow-nav.ts';
import { measureHeading, measureNumber, measureSummary } from './measure-label.ts';
import { RelationTags, StageBadge } from './ProjectRow.tsx';
import { SymbolIcon } from './SymbolIcon.tsx';
import { ProjectStatusSection } from './ProjectStatus.tsx';
import { useProjectDetails, type DetailsState } from './details-context.ts';
import { INNER_MONGOLIA } from '../domain/vocabulary.ts';

export interface ProjectPanelProps {
  id: string;
  catalogue: Catalogue;
  lang: Lang;
  onSelectRegion: (code: string) => void;
  onSelectProject: (id: string) => void;
  onSelectMeasure: (id: string) => void;
  onZoom: () => void;
  onClear: () => void;
  /** The timeline's date (now mode). */
  date: string | null;
  /** Opens the plan's text at this project's words. */
  onOpenText: () => void;
}

export const ProjectPanel = memo(function ProjectPanel({ id, catalogue, lang, date, ...on }: ProjectPanelProps) {
  const { t } = useTranslation();
  const project = catalogue.project(id);
  const regions = useMemo(() => catalogue.regionsTouchedBy(id), [catalogue, id]);
  const details = useProjectDetails(id);
  if (!project) return null;
  const more = details.kind === 'ready' ? details.details : undefined;
  const p = project.properties;
  const theme = themeOfProject(catalogue, id);
  const symbol = projectSymbol(catalogue, project);
  const here = projectsAtSamePlace(catalogue, project);
  const name = (r: { name_zh: string; name_en: string }) => (lang === 'zh' ? r.name_zh : r.name_en);
  const inIM = (code: string) => code.startsWith('15') && code !== INNER_MONGOLIA;
  const main = regions.filter((r) => r.region.level !== 'county');
  const counties = regions.filter((r) => r.region.level === 'county' && inIM(r.region.code));

  const regionLink = (r: (typeof regions)[number]) => (
    <li key={r.region.code}>
      <button type="button" className="link-button" data-nav-item onClick={() => on.onSelectRegion(r.region.code)}>
        {name(r.region)}
      </button>
      <RelationTags touch={r.touch} t={t} />
    </li>
  );

  return (
    <>
      <section className="panel-section project-card" aria-labelledby="project-name" data-testid="project-card" data-project={id}>
        <div className="region-card__head">
          <p className="eyebrow">{t('project.heading')}</p>
          <button type="button" className="button-quiet" onClick={on.onClear} title={t('region.clearHint')}>
            {t('region.clear')} <kbd>Esc</kbd>
          </button>
        </div>
        <h2 id="project-name" className="region-card__name project-card__name" lang={lang === 'zh' ? 'zh-Hans' : 'en'} data-testid="project-name">
          {lang === 'zh' ? p.name_zh : p.name_en}
        </h2>
        <p className="region-card__alt" lang={lang === 'zh' ? 'en' : 'zh-Hans'}>
          {lang === 'zh' ? p.name_en : p.name_zh}
        </p>
        <p className="project-card__theme">
          {symbol && <SymbolIcon symbol={symbol} />}
          <span>{theme?.label[lang]}</span>
          <StageBadge verb={p.stage_verb} stage={p.stage} t={t} />
        </p>
        <dl className="facts">
          <dt>{t('project.stage')}</dt>
          <dd data-testid="project-stage">{t('project.stageText', { verb: p.stage_verb, stage: t(`stage.${p.stage}`), meaning: t(`stageMeaning.${p.stage}`) })}</dd>
          <dt>{t('project.precision')}</dt>
          <dd data-testid="project-precision">
            <strong>{t(`precision.${p.precision}`)}</strong> — {t(`precisionMeaning.${p.precision}`)}
            {p.km != null && <span className="muted"> {t(p.precision === 'schematic' ? 'project.length' : 'project.lengthAligned', { km: Math.round(p.km) })}</span>}
          </dd>
          {p.geometry_source && (
            <>
              <dt>{t('project.geometrySource')}</dt>
              <dd data-testid="project-geometry-source">
                {p.geometry_source}
                {(more?.alignment_sources ?? []).map((s) => (
                  <span key={s.url} className="muted">
                    {' · '}
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                    </a>{' '}
                    ({s.publisher}, {s.published === 'unknown' ? '—' : s.published})
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
        {more?.note && (
          <p className="project-card__note" data-testid="project-note">
            <span className="eyebrow">{t('project.vague')}</span> {more.note}
          </p>
        )}
        <DetailsPending state={details} />
        <button type="button" className="button" onClick={on.onZoom} data-testid="project-zoom">
          {t('project.zoom')}
        </button>
      </section>

      <ProjectStatusSection id={id} catalogue={catalogue} lang={lang} date={date} evidence={more?.status} />

      <section className="panel-section" aria-labelledby="project-measures-heading" data-testid="project-measures">
        <h3 id="project-measures-heading">{t('project.measures')}</h3>
        <blockquote className="phrase" lang="zh-Hans" data-testid="project-phrase">
          「{p.phrase}」
        </blockquote>
        <button type="button" className="link-button" onClick={on.onOpenText} data-testid="project-open-text">
          {t('reader.openProject')}
        </button>
        {p.measures.map((mid) => {
          const path = catalogue.measurePath(mid);
          const m = path[path.length - 1];
          if (!m) return null;
          return (
            <div key={mid} className="project-measure">
              <p className="breadcrumb">
                {path.map((pm, i) => (
                  <span key={pm.id}>
                    {i > 0 && <span aria-hidden="true"> › </span>}
                    <button type="button" className="link-button" onClick={() => on.onSelectMeasure(pm.id)}>
                      {measureNumber(t, pm)} {pm.printed ? measureHeading(pm, lang) : t('outline.unprintedShort')}
                    </button>
                  </span>
                ))}
              </p>
              <p className="project-measure__summary">{measureSummary(m, lang)}</p>
            </div>
          );
        })}
      </section>

      <section className="panel-section" aria-labelledby="project-regions-heading" data-testid="project-regions">
        <h3 id="project-regions-heading">{t('project.regions', { count: regions.length })}</h3>
        <ul className="region-links" onKeyDown={onArrowNav}>
          {main.map(regionLink)}
        </ul>
        {counties.length > 0 && (
          <details className="county-links">
            <summary>{t('project.counties', { count: counties.length })}</summary>
            <ul className="region-links" onKeyDown={onArrowNav}>
              {counties.map(regionLink)}
            </ul>
          </details>
        )}
      </section>

      {here.length > 0 && (
        <section className="panel-section" aria-labelledby="project-here-heading">
          <h3 id="project-here-heading">{t('project.samePlace')}</h3>
          <ul className="region-links" onKeyDown={onArrowNav}>
            {here.map((q) => (
              <li key={q.properties.id}>
                <button type="button" className="link-button" data-nav-item onClick={() => on.onSelectProject(q.properties.id)}>
                  {lang === 'zh' ? q.properties.name_zh : q.properties.name_en}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
});

/** While the notes and sources are on their way, or when they could not be read: said, not left out silently. */
function DetailsPending({ state }: { state: DetailsState }) {
  const { t } = useTranslation();
  if (state.kind === 'ready') return null;
  return (
    <p className="muted" role="status" data-testid="project-details-pending" data-state={state.kind}>
      {state.kind === 'loading' ? t('details.loading') : t('details.failed', { message: state.message })}
    </p>
  );
}

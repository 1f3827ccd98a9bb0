/**
 * A project's present status in its panel: the status, when work started and when it opened, its
 * sections, and every source (title, publisher, dates, the URL as text so it reads offline too).
 * Research, not the plan's words: a project nobody could source says so.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { displayClass } from '../domain/status.ts';
import type { PartialDate, StatusEvidence } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';

export interface ProjectStatusProps {
  id: string;
  catalogue: Catalogue;
  lang: Lang;
  /** The timeline's date, when the map shows one: what the dates prove then. */
  date: string | null;
  /** The research's sources, note and disagreement (details.json), once they have arrived. */
  evidence: StatusEvidence | undefined;
}

export const ProjectStatusSection = memo(function ProjectStatusSection({ id, catalogue, lang, date, evidence }: ProjectStatusProps) {
  const { t } = useTranslation();
  const entry = catalogue.statuses.entry(id);
  const status = catalogue.statuses.statusOf(id);
  const at = date ? catalogue.statuses.statusAt(id, date as PartialDate) : null;
  return (
    <section className="panel-section project-status" aria-labelledby="project-status-heading" data-testid="project-status" data-status={status}>
      <h3 id="project-status-heading">{t('status.heading')}</h3>
      <p>
        <span className={`status-badge status-badge--${displayClass(status)}`} data-testid="project-status-value">
          {t(`status.value.${status}`)}
        </span>
        {entry && <span className="muted"> {t('status.asOf', { date: entry.as_of })}</span>}
      </p>
      {at && (
        <p data-testid="project-status-at" data-status={at.status}>
          {t('status.atDate', { date, status: t(`status.value.${at.status}`) })}
          {at.atLeast && <span className="muted"> {t('status.atLeast')}</span>}
        </p>
      )}
      {!entry && <p className="muted">{t('status.notResearched')}</p>}
      {entry && (
        <>
          <dl className="facts">
            {entry.started && (
              <>
                <dt>{t('status.started')}</dt>
                <dd data-testid="project-started">{entry.started}</dd>
              </>
            )}
            {entry.opened && (
              <>
                <dt>{t('status.opened')}</dt>
                <dd data-testid="project-opened">{entry.opened}</dd>
              </>
            )}
            <dt>{t('status.confidence')}</dt>
            <dd>{t(`status.confidenceValue.${entry.confidence}`)}</dd>
          </dl>
          {entry.sections && entry.sections.length > 0 && (
            <>
              <h4>{t('status.sections')}</h4>
              <ul className="status-sections" data-testid="project-sections">
                {entry.sections.map((s, i) => (
                  <li key={i}>
                    <span className={`status-dot status-badge--${displayClass(s.status)}`} aria-hidden="true" /> {lang === 'zh' ? s.name.zh : s.name.en}: {t(`status.value.${s.status}`)}
                    {s.opened && ` · ${t('status.openedOn', { date: s.opened })}`}
                    {!s.opened && s.started && ` · ${t('status.startedOn', { date: s.started })}`}
                    {s.sources.length > 0 && <span className="muted"> [{s.sources.map((n) => n + 1).join(', ')}]</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {evidence && (
            <p className="project-card__note" lang="en">
              {evidence.note}
            </p>
          )}
          {evidence?.disagreement && (
            <p className="project-card__note status-disagreement" data-testid="project-disagreement" lang="en">
              <span className="eyebrow">{t('status.disagreement')}</span> {evidence.disagreement}
            </p>
          )}
          {evidence && evidence.sources.length > 0 && (
            <>
              <h4>{t('status.sources')}</h4>
              <ol className="status-sources" data-testid="project-sources">
                {evidence.sources.map((s, i) => (
                  <li key={i}>
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                    </a>
                    <span className="muted">
                      {' '}
                      — {s.publisher}
                      {s.published ? `, ${s.published}` : ''}; {t('status.read', { date: s.read })}
                    </span>
                    <br />
                    <span className="status-url">{s.url}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
});

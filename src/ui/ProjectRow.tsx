/**
 * One project in a list: its map symbol, its name (a button that selects it), its stage (the
 * plan's verb and the normalised stage) and, in a region's list, how it touches the region.
 * A list has hundreds of rows: they take `t` from their panel instead of each subscribing to
 * i18next (two `useTranslation` hooks per row were a fifth of a league click's render time).
 */
import type { TFunction } from 'i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { relationsOf } from '../domain/selection.ts';
import type { ProjectFeature, Touch } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';
import { remembered } from '../i18n/remembered.ts';
import { projectSymbol } from '../map/themes/index.ts';
import { stageClass } from '../domain/stages.ts';
import { displayClass, type TimelineStatus } from '../domain/status.ts';
import { SymbolIcon } from './SymbolIcon.tsx';

export function StageBadge({ verb, stage, t }: { verb: string; stage: ProjectFeature['properties']['stage']; t: TFunction }) {
  const norm = remembered(t, `stage.${stage}`);
  return (
    <span className={`stage stage--${stageClass(stage)}`} title={remembered(t, 'stage.title', { verb, stage: norm })}>
      <span className="stage__verb" lang="zh-Hans">
        {verb}
      </span>
      <span className="stage__norm">{norm}</span>
    </span>
  );
}

export function RelationTags({ touch, t }: { touch: Touch; t: TFunction }) {
  return (
    <span className="relations">
      {relationsOf(touch).map((r) => (
        <span key={r} className={`tag${r === 'named' ? '' : ' tag--muted'}`} data-relation={r}>
          {(r === 'crosses' || r === 'lies_in') && touch.km != null ? remembered(t, r === 'crosses' ? 'relation.crossesKm' : 'relation.liesInKm', { km: touch.km < 10 ? touch.km.toFixed(1) : Math.round(touch.km) }) : remembered(t, `relation.${r}`)}
        </span>
      ))}
    </span>
  );
}

export interface ProjectRowProps {
  catalogue: Catalogue;
  project: ProjectFeature;
  lang: Lang;
  touch?: Touch;
  onSelect: (id: string) => void;
  t: TFunction;
  /** Now mode: the project's status (now or at the timeline's date), shown after its stage. */
  status?: TimelineStatus;
}

export function ProjectRow({ catalogue, project, lang, touch, onSelect, t, status }: ProjectRowProps) {
  const p = project.properties;
  const symbol = projectSymbol(catalogue, project);
  return (
    <li className="project-row" data-project={p.id}>
      <span className="project-row__symbol">{symbol && <SymbolIcon symbol={symbol} width={24} height={16} />}</span>
      <span className="project-row__main">
        <button type="button" className="link-button project-row__name" data-nav-item onClick={() => onSelect(p.id)} lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
          {lang === 'zh' ? p.name_zh : p.name_en}
        </button>
        <span className="project-row__meta">
          <StageBadge verb={p.stage_verb} stage={p.stage} t={t} />
          {status && (
            <span className={`status-badge status-badge--small status-badge--${displayClass(status)}`} data-status={status}>
              {remembered(t, `status.value.${status}`)}
            </span>
          )}
          {touch && <RelationTags touch={touch} t={t} />}
        </span>
      </span>
    </li>
  );
}

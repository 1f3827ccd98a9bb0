/**
 * The project table in a drawer over the lower part of the map, opened from the side panel: all
 * projects, those the current filters let through, or the selected region's, with the selection
 * shared both ways with the map. Esc inside the drawer closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../domain/catalogue.ts';
import { isFiltering, projectPasses, type Filters } from '../../domain/filters.ts';
import type { StatusOf } from '../../domain/project-table.ts';
import type { Lang, Selection } from '../../domain/url-state.ts';
import { ProjectTable } from './ProjectTable.tsx';

export type TableScope = 'all' | 'filtered' | 'region';

export interface TableDrawerProps {
  catalogue: Catalogue;
  lang: Lang;
  filters: Filters;
  selection: Selection | null;
  onSelectProject: (id: string) => void;
  onClose: () => void;
}

export function TableDrawer({ catalogue, lang, filters, selection, onSelectProject, onClose }: TableDrawerProps) {
  const { t } = useTranslation();
  const uid = useId();
  const region = selection?.kind === 'region' ? selection.code : null;
  const [scope, setScope] = useState<TableScope>(() => (region ? 'region' : isFiltering(filters) ? 'filtered' : 'all'));
  // A region's scope needs a selected region; without one the table falls back to all projects.
  const shownScope: TableScope = scope === 'region' && !region ? 'all' : scope;
  const projects = useMemo(() => {
    if (shownScope === 'filtered') return catalogue.allProjects().filter((p) => projectPasses(p, filters));
    if (shownScope === 'region' && region) return catalogue.projectsTouching(region).map((pt) => pt.project);
    return catalogue.allProjects();
  }, [catalogue, filters, shownScope, region]);
  const statusOf: StatusOf = useMemo(
    () => (id: string) => {
      const entry = catalogue.statuses.entry(id);
      return { status: catalogue.statuses.statusOf(id), opened: entry?.opened };
    },
    [catalogue],
  );
  const regionName = region ? catalogue.region(region) : undefined;
  const title = shownScope === 'region' && regionName ? `${t('table.fileTitle')} ${lang === 'zh' ? regionName.name_zh : regionName.name_en}` : undefined;

  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[role="grid"]')?.focus({ preventScroll: true });
  }, []);

  return (
    <aside
      ref={root}
      className="table-drawer"
      aria-labelledby={`${uid}-scope`}
      data-testid="table-drawer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="table-drawer__bar">
        <label id={`${uid}-scope`} className="table-drawer__scope">
          <span>{t('table.scope.label')}</span>
          <select value={shownScope} onChange={(e) => setScope(e.target.value as TableScope)} data-testid="table-scope">
            <option value="all">{t('table.scope.all')}</option>
            <option value="filtered">{t('table.scope.filtered')}</option>
            <option value="region" disabled={!region}>
              {regionName ? t('table.scope.regionOf', { name: lang === 'zh' ? regionName.name_zh : regionName.name_en }) : t('table.scope.region')}
            </option>
          </select>
        </label>
        <button type="button" className="button-quiet table-drawer__close" onClick={onClose} aria-label={t('table.close')} title={t('table.close')} data-testid="table-close">
          ×
        </button>
      </div>
      <div className="table-drawer__body">
        <ProjectTable
          catalogue={catalogue}
          projects={projects}
          lang={lang}
          selectedId={selection?.kind === 'project' ? selection.id : null}
          onSelectProject={onSelectProject}
          statusOf={statusOf}
          {...(title ? { title } : {})}
        />
      </div>
    </aside>
  );
}

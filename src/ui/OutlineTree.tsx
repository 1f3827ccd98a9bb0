/**
 * The plan's outline as a tree: 9 chapters, their sections and items (measures.json). Headings as
 * printed; where the plan prints none (the first section of most chapters), our name in italics,
 * marked. Each row shows how many projects carry it out (after filters); clicking selects the
 * measure (its projects and places are highlighted on the map and listed), and a small bar of
 * their present status (or at the timeline's date): how many are in operation, unknown kept apart.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { projectPasses, type Filters } from '../domain/filters.ts';
import { measureTallies, statusReader } from '../domain/progress.ts';
import type { Measure } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';
import { onArrowNav } from './arrow-nav.ts';
import { Targets } from './MeasurePanel.tsx';
import { measureHeading, measureNumber } from './measure-label.ts';
import { StatusBar } from './StatusBar.tsx';

export interface OutlineTreeProps {
  catalogue: Catalogue;
  filters: Filters;
  lang: Lang;
  /** The timeline's date (now mode): progress at that date; null = the latest known status. */
  date?: string | null;
  selected: string | null;
  onSelect: (id: string) => void;
}

export const OutlineTree = memo(function OutlineTree({ catalogue, filters, lang, date = null, selected, onSelect }: OutlineTreeProps) {
  const { t } = useTranslation();
  const tree = useMemo(() => {
    const kids = new Map<string, Measure[]>();
    const roots: Measure[] = [];
    for (const m of catalogue.allMeasures()) {
      const parent = m.id.split('.').slice(0, -1).join('.');
      if (!parent) roots.push(m);
      else kids.set(parent, [...(kids.get(parent) ?? []), m]);
    }
    return { roots, kids };
  }, [catalogue]);
  const tallies = useMemo(
    () =>
      measureTallies(
        catalogue.allProjects().flatMap((p) => (projectPasses(p, filters) ? [{ id: p.properties.id, measures: p.properties.measures }] : [])),
        statusReader(catalogue.statuses, date),
      ),
    [catalogue, filters, date],
  );
  const selectedChapter = selected?.split('.')[0] ?? null;
  const [open, setOpen] = useState<Set<string>>(() => new Set(selectedChapter ? [selectedChapter, selected!.split('.').slice(0, 2).join('.')] : []));
  // A measure selected elsewhere (a link, the region list): open its chapter and section.
  useEffect(() => {
    if (!selected) return;
    const parts = selected.split('.');
    setOpen((o) => {
      const need = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
      if (need.every((id) => o.has(id))) return o;
      return new Set([...o, ...need]);
    });
  }, [selected]);
  const toggle = (id: string) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const row = (m: Measure) => {
    const children = tree.kids.get(m.id) ?? [];
    const isOpen = open.has(m.id);
    const tally = tallies.get(m.id);
    const n = tally?.total ?? 0;
    return (
      <li key={m.id} className={`outline__node outline__node--${m.level}`} data-measure={m.id}>
        <div className={`outline__row${selected === m.id ? ' outline__row--selected' : ''}`}>
          {children.length > 0 ? (
            <button
              type="button"
              className="outline__twisty"
              aria-expanded={isOpen}
              aria-label={t(isOpen ? 'outline.collapse' : 'outline.expand', { name: measureHeading(m, lang) })}
              onClick={() => toggle(m.id)}
            >
              {isOpen ? '▾' : '▸'}
            </button>
          ) : (
            <span className="outline__twisty outline__twisty--leaf" aria-hidden="true" />
          )}
          <button
            type="button"
            className="outline__label"
            data-nav-item
            aria-current={selected === m.id ? 'true' : undefined}
            onClick={() => onSelect(m.id)}
            data-testid={`outline-${m.id}`}
          >
            <span className="outline__no">{measureNumber(t, m)}</span>{' '}
            <span className={m.printed ? 'outline__heading' : 'outline__heading outline__heading--unprinted'}>{measureHeading(m, lang)}</span>
            {!m.printed && <span className="tag tag--muted">{t('outline.unprintedTag')}</span>}
          </button>
          {tally && <StatusBar tally={tally} lang={lang} className="outline__bar" testId={`outline-progress-${m.id}`} />}
          <span
            className={`outline__count${n === 0 ? ' outline__count--zero' : ''}`}
            title={n ? `${t('outline.projectCount', { count: n })}; ${t('outline.progress', { count: tally!.byClass.operating, total: n })}` : t('outline.projectCount', { count: n })}
            data-operating={tally?.byClass.operating ?? 0}
          >
            {n ? `${tally!.byClass.operating}/${n}` : 0}
          </span>
        </div>
        {isOpen && children.length > 0 && <ul className="outline__children">{children.map((c) => row(c))}</ul>}
        {m.targets?.length ? <Targets measure={m} lang={lang} /> : null}
      </li>
    );
  };

  return (
    <section className="panel-section outline" aria-labelledby="outline-heading" data-testid="outline">
      <h3 id="outline-heading">{t('outline.heading')}</h3>
      <p className="muted outline__hint">{t('outline.hint')}</p>
      <p className="muted outline__hint">{t('outline.progressHint')}</p>
      <ul className="outline__tree" onKeyDown={onArrowNav}>
        {tree.roots.map((m) => row(m))}
      </ul>
    </section>
  );
});

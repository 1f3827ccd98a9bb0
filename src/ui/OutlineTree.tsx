/**
 * The plan's outline as a tree: 9 chapters, their sections and items (measures.json). Headings as
 * printed; where the plan prints none (the first section of most chapters), our name in italics,
 * marked. Each row shows how many projects carry it out (after filters); clicking selects the
 * measure (its projects and places are highlighted on the map and listed).
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { projectPasses, type Filters } from '../domain/filters.ts';
import type { Measure } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';
import { onArrowNav } from './arrow-nav.ts';
import { Targets } from './MeasurePanel.tsx';
import { measureHeading, measureNumber } from './measure-label.ts';

export interface OutlineTreeProps {
  catalogue: Catalogue;
  filters: Filters;
  lang: Lang;
  selected: string | null;
  onSelect: (id: string) => void;
}

export const OutlineTree = memo(function OutlineTree({ catalogue, filters, lang, selected, onSelect }: OutlineTreeProps) {
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
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const p of catalogue.allProjects()) {
      if (!projectPasses(p, filters)) continue;
      const seen = new Set<string>();
      for (const mid of p.properties.measures) {
        const parts = mid.split('.');
        for (let i = 1; i <= parts.length; i++) seen.add(parts.slice(0, i).join('.'));
      }
      for (const id of seen) out.set(id, (out.get(id) ?? 0) + 1);
    }
    return out;
  }, [catalogue, filters]);
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
    const n = counts.get(m.id) ?? 0;
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
          <span className={`outline__count${n === 0 ? ' outline__count--zero' : ''}`} title={t('outline.projectCount', { count: n })}>
            {n}
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
      <ul className="outline__tree" onKeyDown={onArrowNav}>
        {tree.roots.map((m) => row(m))}
      </ul>
    </section>
  );
});

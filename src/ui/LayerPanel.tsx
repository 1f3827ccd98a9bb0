/**
 * The layer panel: the thematic layers in their groups, each a checkbox with its symbol and the
 * number of projects it draws after the filters; all on / all off per group; the choropleth (in the
 * "regions" group); the filters by chapter, theme and stage.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import { ALL_CHAPTERS, ALL_STAGES, ALL_THEMES, isFiltering, NO_FILTERS, toggleFilter, type Filters } from '../domain/filters.ts';
import type { Lang } from '../domain/url-state.ts';
import { DEFAULT_VISIBLE, LAYER_GROUPS, legendEntries, projectCounts, THEMES } from '../map/themes/index.ts';
import { SymbolIcon } from './SymbolIcon.tsx';
import { UserLayersSection } from './import/UserLayersSection.tsx';

export interface LayerPanelProps {
  catalogue: Catalogue | null;
  lang: Lang;
  layers: string[];
  onLayers: (layers: string[]) => void;
  filters: Filters;
  onFilters: (f: Filters) => void;
  choropleth: string | null;
  onChoropleth: (c: string | null) => void;
}

export const LayerPanel = memo(function LayerPanel({ catalogue, lang, layers, onLayers, filters, onFilters, choropleth, onChoropleth }: LayerPanelProps) {
  const { t } = useTranslation();
  const counts = useMemo(() => (catalogue ? projectCounts(catalogue, filters) : null), [catalogue, filters]);
  // The symbol shown beside each toggle: the first legend row of the layer (unfiltered).
  const symbols = useMemo(() => {
    if (!catalogue) return new Map();
    const ls = legendEntries({ catalogue, filters: NO_FILTERS }, DEFAULT_VISIBLE);
    return new Map(ls.map((l) => [l.id, l.entries[0]!.symbol]));
  }, [catalogue, lang]);
  const on = new Set(layers);
  const setGroup = (ids: string[], value: boolean) => {
    const next = new Set(layers);
    for (const id of ids) if (value) next.add(id);
    else next.delete(id);
    onLayers(DEFAULT_VISIBLE.filter((id) => next.has(id)));
  };
  const toggle = (id: string) => setGroup([id], !on.has(id));

  // Themes the catalogue uses (a filter on an unused theme would only empty the map).
  const usedThemes = useMemo(() => (catalogue ? ALL_THEMES.filter((th) => catalogue.allProjects().some((p) => p.properties.theme === th)) : []), [catalogue]);
  const usedChapters = useMemo(
    () => (catalogue ? ALL_CHAPTERS.filter((c) => catalogue.allProjects().some((p) => p.properties.measures.some((m) => m.startsWith(`c${c}`)))) : []),
    [catalogue],
  );

  return (
    <>
      <section className="panel-section layer-panel" aria-labelledby="layers-heading" data-testid="layer-panel">
        <h3 id="layers-heading">{t('layers.heading')}</h3>
        <UserLayersSection />
        {LAYER_GROUPS.map((g) => {
          const themes = THEMES.filter((th) => th.group === g.id);
          if (g.id === 'regions') {
            return (
              <fieldset key={g.id} className="layer-group" data-group={g.id}>
                <legend className="layer-group__title">{g.label[lang]}</legend>
                <label className="choropleth-select">
                  <span>{t('choropleth.label')}</span>
                  <select value={choropleth ?? ''} onChange={(e) => onChoropleth(e.target.value || null)} data-testid="choropleth-select">
                    <option value="">{t('choropleth.off')}</option>
                    <option value="all">{t('choropleth.all')}</option>
                    {THEMES.map((th) => (
                      <option key={th.id} value={th.id}>
                        {th.label[lang]}
                      </option>
                    ))}
                  </select>
                </label>
              </fieldset>
            );
          }
          const ids = themes.map((th) => th.id);
          const allOn = ids.every((id) => on.has(id));
          const allOff = ids.every((id) => !on.has(id));
          return (
            <fieldset key={g.id} className="layer-group" data-group={g.id}>
              <legend className="layer-group__title">{g.label[lang]}</legend>
              <div className="layer-group__actions">
                <button type="button" className="button-quiet" disabled={allOn} onClick={() => setGroup(ids, true)} data-testid={`group-on-${g.id}`}>
                  {t('layers.allOn')}
                </button>
                <button type="button" className="button-quiet" disabled={allOff} onClick={() => setGroup(ids, false)} data-testid={`group-off-${g.id}`}>
                  {t('layers.allOff')}
                </button>
              </div>
              <ul>
                {themes.map((th) => {
                  const n = counts?.[th.id] ?? 0;
                  const sym = symbols.get(th.id);
                  return (
                    <li key={th.id}>
                      <label className={`layer-toggle${n === 0 ? ' layer-toggle--empty' : ''}`}>
                        <input type="checkbox" checked={on.has(th.id)} onChange={() => toggle(th.id)} data-testid={`layer-${th.id}`} />
                        <span className="layer-toggle__symbol">{sym && <SymbolIcon symbol={sym} width={26} height={16} />}</span>
                        <span className="layer-toggle__name">{th.label[lang]}</span>
                        <span className="layer-toggle__count" title={t('layers.countTitle', { count: n })} data-testid={`count-${th.id}`}>
                          {n}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
      </section>

      <section className="panel-section filter-panel" aria-labelledby="filters-heading" data-testid="filter-panel">
        <div className="filter-panel__head">
          <h3 id="filters-heading">{t('filters.heading')}</h3>
          <button type="button" className="button-quiet" disabled={!isFiltering(filters)} onClick={() => onFilters(NO_FILTERS)} data-testid="filters-reset">
            {t('filters.reset')}
          </button>
        </div>
        <p className="muted filter-panel__hint">{t('filters.hint')}</p>
        <fieldset className="chips" data-facet="chapters">
          <legend>{t('filters.chapter')}</legend>
          {usedChapters.map((c) => (
            <label key={c} className="chip">
              <input type="checkbox" checked={filters.chapters.includes(c)} onChange={() => onFilters(toggleFilter(filters, 'chapters', c))} data-testid={`filter-ch-${c}`} />
              <span>{t('filters.chapterN', { n: c })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chips" data-facet="themes">
          <legend>{t('filters.theme')}</legend>
          {usedThemes.map((th) => (
            <label key={th} className="chip">
              <input type="checkbox" checked={filters.themes.includes(th)} onChange={() => onFilters(toggleFilter(filters, 'themes', th))} data-testid={`filter-theme-${th}`} />
              <span>{t(`theme.${th}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="chips" data-facet="stages">
          <legend>{t('filters.stage')}</legend>
          {ALL_STAGES.map((s) => (
            <label key={s} className="chip">
              <input type="checkbox" checked={filters.stages.includes(s)} onChange={() => onFilters(toggleFilter(filters, 'stages', s))} data-testid={`filter-stage-${s}`} />
              <span>{t(`stage.${s}`)}</span>
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
});

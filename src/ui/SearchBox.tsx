/**
 * One box for regions, places and projects: Chinese, pinyin (baotou, bt) and English. A combobox:
 * Up/Down move through the results, Enter picks (flies there and selects), Esc closes the list
 * (a second Esc clears the box).
 */
import { memo, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchIndex } from '../domain/search.ts';
import type { Lang } from '../domain/url-state.ts';

// Memoised: its props do not change when a region is clicked, and the whole panel re-renders then.
export const SearchBox = memo(function SearchBox({ index, lang, onPick }: { index: SearchIndex | null; lang: Lang; onPick: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const hits = useMemo(() => (index && query.trim() ? index.search(query, 10) : []), [index, query]);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setOpen(false);
    setQuery(lang === 'zh' ? hit.name_zh : hit.name_en);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(hits[active]);
    } else if (e.key === 'Escape') {
      // Esc belongs to the box while it has something to close.
      if (open && hits.length) {
        e.preventDefault();
        e.nativeEvent.preventDefault();
        setOpen(false);
      } else if (query) {
        e.preventDefault();
        e.nativeEvent.preventDefault();
        setQuery('');
      }
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search" data-testid="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        className="search__input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? optionId(active) : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        disabled={!index}
        autoComplete="off"
        spellCheck={false}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {showList && (
        <ul id={listId} role="listbox" className="search__list" aria-label={t('search.results')} data-testid="search-results">
          {hits.length === 0 && <li className="search__empty muted">{t('search.none')}</li>}
          {hits.map((h, i) => (
            <li
              key={`${h.kind}:${h.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`search__hit${i === active ? ' search__hit--active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search__name">{lang === 'zh' ? h.name_zh : h.name_en}</span>
              <span className="search__alt">{lang === 'zh' ? h.name_en : h.name_zh}</span>
              <span className="search__kind">{t(`search.kinds.${h.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

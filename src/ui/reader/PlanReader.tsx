/**
 * The plan's text beside the map: chapter by chapter as printed, each project's phrase marked in the
 * colour of the layer that draws it (point at it for its name; click, or Tab to it and press Enter, to
 * select it), the places each paragraph names, a search over the text (Chinese, pinyin or English
 * place names), and in English our summary of each measure beside the Chinese, labelled as not an
 * official translation. Self-contained: the app passes the data and reacts to the callbacks.
 */
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLAN_SUBJECTS,
  PlaceFinder,
  placeKey,
  searchPlanText,
  type NamedPlace,
  type PhraseLocation,
  type PlanHeading,
  type PlanParagraph,
  type PlanTextFile,
} from '../../domain/plan-text.ts';
import type { Measure } from '../../domain/types.ts';
import type { Lang } from '../../domain/url-state.ts';
import { measureNumber, zhNumber } from '../measure-label.ts';
import { paragraphPieces, type PhraseMark, type Range, type Segment } from './pieces.ts';
import type { ReaderProject } from './reader-data.ts';
import './plan-reader.css';

export type { ReaderProject } from './reader-data.ts';

export interface PlanReaderProps {
  /** public/data/plan-text.json. */
  text: PlanTextFile;
  /** The catalogue's measures (public/data/measures.json): headings of unprinted sections, English titles and summaries. */
  measures: readonly Measure[];
  /** Projects to mark: name and the colour of their map layer (readerProjects). Phrases of projects not listed are not marked. */
  projects: readonly ReaderProject[];
  /** What the text can name (readerPlaces): for each paragraph's places and for search by pinyin and English. */
  places: readonly NamedPlace[];
  lang: Lang;
  selectedProjectId: string | null;
  /** Scrolled to and marked whenever it changes. */
  focusParagraphId: string | null;
  /** A measure to open at its heading (scrolled to and marked), rather than at a paragraph. */
  focusMeasureId?: string | null;
  onSelectProject: (id: string) => void;
  onHoverProject: (id: string | null) => void;
  /** A paragraph's ¶ button or a search hit was chosen (e.g. to put it in the link). */
  onSelectParagraph: (id: string) => void;
  /** A place in a paragraph's list was chosen; without it the places are plain text. */
  onSelectPlace?: (place: NamedPlace) => void;
  /** The places among the search's matches (none when there is no search), e.g. to show them on the map. */
  onSearchPlaces?: (places: readonly SearchPlace[]) => void;
}

/** A place among the search's matches: how many name it, and the words the text names it by. */
export interface SearchPlace {
  place: NamedPlace;
  count: number;
  word: string;
}

/** A place a paragraph names, and the word it names it by (鄂尔多斯 for the gazetteer's 康巴什). */
interface NamedHere {
  place: NamedPlace;
  word: string;
}

/** How a place is labelled: in Chinese by the text's own word, in English by its name. */
const placeLabel = (p: NamedHere, lang: Lang) => (lang === 'en' ? p.place.name_en : p.word);

/** The places a paragraph names, each once in the order of its first mention, with that mention's word; not the plan's two subjects. */
function namedHere(finder: PlaceFinder, text: string): NamedHere[] {
  const out = new Map<string, NamedHere>();
  for (const m of finder.mentions(text))
    if (!PLAN_SUBJECTS.has(m.key) && !out.has(m.key)) out.set(m.key, { place: finder.byKey.get(m.key)!, word: text.slice(m.start, m.end) });
  return [...out.values()];
}

const NO_RANGES: readonly Range[] = [];
const NO_PHRASES: readonly (Range & { project: string })[] = [];
const HIT_CONTEXT = 16;

interface Handlers {
  select: (id: string) => void;
  hover: (id: string | null) => void;
  paragraph: (id: string) => void;
  place?: ((p: NamedPlace) => void) | undefined;
}

interface ItemBlock {
  heading: PlanHeading;
  paragraphs: PlanParagraph[];
}
interface SectionBlock {
  heading: PlanHeading;
  paragraphs: PlanParagraph[];
  items: ItemBlock[];
}
interface ChapterBlock {
  heading: PlanHeading;
  sections: SectionBlock[];
}

/** Headings and paragraphs (in text order) as chapters → sections → items. */
function outline(text: PlanTextFile): ChapterBlock[] {
  const chapters: ChapterBlock[] = [];
  const sections = new Map<string, SectionBlock>();
  const items = new Map<string, ItemBlock>();
  for (const h of text.headings) {
    if (h.level === 'chapter') chapters.push({ heading: h, sections: [] });
    else if (h.level === 'section') {
      const s: SectionBlock = { heading: h, paragraphs: [], items: [] };
      sections.set(h.id, s);
      chapters[chapters.length - 1]?.sections.push(s);
    } else {
      const it: ItemBlock = { heading: h, paragraphs: [] };
      items.set(h.id, it);
      sections.get(h.id.replace(/\.i\d+$/, ''))?.items.push(it);
    }
  }
  for (const p of text.paragraphs) (items.get(p.measure) ?? sections.get(p.measure))?.paragraphs.push(p);
  return chapters;
}

function Summary({ measure }: { measure: Measure | undefined }) {
  const { t } = useTranslation();
  if (!measure) return null;
  return (
    <aside className="reader-summary" lang="en" data-measure={measure.id}>
      <p className="reader-summary__label">{t('reader.summaryLabel', { lng: 'en' })}</p>
      <p className="reader-summary__title">
        {measureNumber(t, measure)} · {measure.title_en}
      </p>
      <p className="reader-summary__text">{measure.summary_en}</p>
    </aside>
  );
}

function SegmentText({ text, segment }: { text: string; segment: Segment }) {
  let node: ReactNode = text.slice(segment.start, segment.end);
  if (segment.head) node = <strong className="reader-head">{node}</strong>;
  if (segment.hit) node = <span className="reader-hit">{node}</span>;
  return <>{node}</>;
}

const onKeyActivate = (run: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
};

function Phrase({
  text,
  mark,
  projects,
  selected,
  lang,
  on,
}: {
  text: string;
  mark: PhraseMark;
  projects: ReadonlyMap<string, ReaderProject>;
  selected: string | null;
  lang: Lang;
  on: Handlers;
}) {
  const { t } = useTranslation();
  const own = mark.projects.map((id) => projects.get(id)!);
  const name = (p: ReaderProject) => p.name[lang];
  const inner = mark.segments.map((s) => <SegmentText key={s.start} text={text} segment={s} />);
  const style = { '--c': own[0]!.color } as CSSProperties;
  const isSelected = own.some((p) => p.id === selected);
  if (own.length === 1) {
    const p = own[0]!;
    return (
      <mark
        className={`reader-phrase${isSelected ? ' is-selected' : ''}`}
        style={style}
        role="button"
        tabIndex={0}
        aria-pressed={isSelected}
        aria-label={t('reader.selectProject', { name: name(p) })}
        data-tip={name(p)}
        data-project={p.id}
        onClick={() => on.select(p.id)}
        onKeyDown={onKeyActivate(() => on.select(p.id))}
        onMouseEnter={() => on.hover(p.id)}
        onMouseLeave={() => on.hover(null)}
        onFocus={() => on.hover(p.id)}
        onBlur={() => on.hover(null)}
      >
        {inner}
      </mark>
    );
  }
  // Several projects come from the same words: the words once, then one button for each.
  return (
    <>
      <mark
        className={`reader-phrase reader-phrase--shared${isSelected ? ' is-selected' : ''}`}
        style={style}
        data-tip={own.map(name).join(' · ')}
        data-projects={own.map((p) => p.id).join(' ')}
        // A click on the words selects their projects in turn; each also has its own button.
        onClick={() => on.select(own[(own.findIndex((p) => p.id === selected) + 1) % own.length]!.id)}
      >
        {inner}
      </mark>
      <span className="reader-chips" role="group" aria-label={t('reader.sharedPhrase', { count: own.length })}>
        {own.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`reader-chip${p.id === selected ? ' is-selected' : ''}`}
            style={{ '--c': p.color } as CSSProperties}
            aria-pressed={p.id === selected}
            aria-label={t('reader.selectProject', { name: name(p) })}
            data-tip={name(p)}
            data-project={p.id}
            onClick={() => on.select(p.id)}
            onMouseEnter={() => on.hover(p.id)}
            onMouseLeave={() => on.hover(null)}
            onFocus={() => on.hover(p.id)}
            onBlur={() => on.hover(null)}
          />
        ))}
      </span>
    </>
  );
}

const Paragraph = memo(function Paragraph({
  paragraph,
  phrases,
  projects,
  selected,
  hits,
  focused,
  places,
  lang,
  on,
}: {
  paragraph: PlanParagraph;
  phrases: readonly (Range & { project: string })[];
  projects: ReadonlyMap<string, ReaderProject>;
  /** The selected project when its phrase is here, else null (keeps the other paragraphs from redrawing). */
  selected: string | null;
  hits: readonly Range[];
  focused: boolean;
  places: readonly NamedHere[];
  lang: Lang;
  on: Handlers;
}) {
  const { t } = useTranslation();
  const pieces = useMemo(() => paragraphPieces(paragraph.text.length, paragraph.head, phrases, hits), [paragraph, phrases, hits]);
  return (
    <div className={`reader-para${focused ? ' is-focused' : ''}`} data-paragraph={paragraph.id} id={`plan-${paragraph.id}`}>
      <button type="button" className="reader-para__link" aria-label={t('reader.paragraphLink', { id: paragraph.id })} data-tip={paragraph.id} onClick={() => on.paragraph(paragraph.id)}>
        ¶
      </button>
      <p className="reader-para__text" lang="zh-Hans">
        {pieces.map((piece) =>
          piece.kind === 'text' ? (
            <SegmentText key={piece.segment.start} text={paragraph.text} segment={piece.segment} />
          ) : (
            <Phrase key={piece.mark.start} text={paragraph.text} mark={piece.mark} projects={projects} selected={selected} lang={lang} on={on} />
          ),
        )}
      </p>
      {places.length > 0 && (
        <p className="reader-places" data-testid="reader-places">
          <span className="reader-places__label">{t('reader.places')}</span>
          {places.map((pl) =>
            on.place ? (
              <button
                key={`${pl.place.kind}:${pl.place.id}`}
                type="button"
                className="reader-place"
                data-place={`${pl.place.kind}:${pl.place.id}`}
                title={lang === 'en' ? pl.word : pl.word === pl.place.name_zh ? undefined : pl.place.name_zh}
                onClick={() => on.place?.(pl.place)}
              >
                {placeLabel(pl, lang)}
              </button>
            ) : (
              <span key={`${pl.place.kind}:${pl.place.id}`} className="reader-place" data-place={`${pl.place.kind}:${pl.place.id}`}>
                {placeLabel(pl, lang)}
              </span>
            ),
          )}
        </p>
      )}
    </div>
  );
});

export function PlanReader(props: PlanReaderProps) {
  const { text, measures, projects, places, lang, selectedProjectId, focusParagraphId } = props;
  const focusMeasureId = props.focusMeasureId ?? null;
  const { t } = useTranslation();
  const searchId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);

  // Callbacks through a ref, so that memoised paragraphs need not redraw when the app's handlers change.
  const latest = useRef(props);
  latest.current = props;
  const on = useMemo<Handlers>(
    () => ({
      select: (id) => latest.current.onSelectProject(id),
      hover: (id) => latest.current.onHoverProject(id),
      paragraph: (id) => latest.current.onSelectParagraph(id),
      place: (p) => latest.current.onSelectPlace?.(p),
    }),
    [],
  );
  const handlers = useMemo<Handlers>(() => (props.onSelectPlace ? on : { ...on, place: undefined }), [on, props.onSelectPlace]);

  const chapters = useMemo(() => outline(text), [text]);
  const measureById = useMemo(() => new Map(measures.map((m) => [m.id, m])), [measures]);
  const projectById = useMemo(() => new Map(projects.map((p) => [p.id, p])), [projects]);
  const finder = useMemo(() => new PlaceFinder(places), [places]);
  const phrasesByParagraph = useMemo(() => {
    const out = new Map<string, (Range & { project: string })[]>();
    for (const [project, at] of Object.entries(text.projects) as [string, PhraseLocation][])
      if (projectById.has(project)) out.set(at.paragraph, [...(out.get(at.paragraph) ?? []), { start: at.start, end: at.end, project }]);
    return out;
  }, [text, projectById]);
  const placesByParagraph = useMemo(() => new Map(text.paragraphs.map((p) => [p.id, namedHere(finder, p.text)])), [text, finder]);
  const selectedParagraph = selectedProjectId ? text.projects[selectedProjectId]?.paragraph : undefined;

  // Search, a keystroke behind the typing.
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const result = useMemo(() => (deferred.trim() ? searchPlanText(text.paragraphs, deferred, finder, { context: HIT_CONTEXT }) : null), [deferred, text, finder]);
  const searchPlaces = useMemo<SearchPlace[]>(
    () => (result?.places ?? []).map(({ place, count }) => ({ place, count, word: result!.hits.find((h) => h.place === placeKey(place))?.match ?? place.name_zh })),
    [result],
  );
  useEffect(() => latest.current.onSearchPlaces?.(searchPlaces), [searchPlaces]);
  useEffect(() => () => latest.current.onSearchPlaces?.([]), []);
  const hitsByParagraph = useMemo(() => {
    const out = new Map<string, Range[]>();
    for (const h of result?.hits ?? []) out.set(h.paragraph, [...(out.get(h.paragraph) ?? []), { start: h.start, end: h.end }]);
    return out;
  }, [result]);

  // The paragraph to show: the app's focus, or a hit chosen here.
  const [focused, setFocused] = useState<string | null>(focusParagraphId);
  const [scrollTick, setScrollTick] = useState(0);
  // A measure opens at its heading: its block, not its first paragraph, is scrolled to.
  const [focusedMeasure, setFocusedMeasure] = useState<string | null>(focusMeasureId);
  useEffect(() => {
    if (focusParagraphId || focusMeasureId) {
      setFocused(focusParagraphId);
      setFocusedMeasure(focusMeasureId);
      setScrollTick((n) => n + 1);
    }
  }, [focusParagraphId, focusMeasureId]);
  useEffect(() => {
    if (!scrollTick || !(focused || focusedMeasure)) return;
    const el = focusedMeasure
      ? bodyRef.current?.querySelector(`:is(.reader-chapter, .reader-section, .reader-item)[data-measure="${focusedMeasure}"]`)
      : bodyRef.current?.querySelector(`[data-paragraph="${focused}"]`);
    const reduce = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    // A long way (another chapter) is jumped: a smooth scroll through the whole text takes seconds.
    const body = bodyRef.current;
    const far = !!el && !!body && Math.abs(el.getBoundingClientRect().top - body.getBoundingClientRect().top) > 2 * body.clientHeight;
    el?.scrollIntoView?.({ block: focusedMeasure ? 'start' : 'center', behavior: reduce || far ? 'auto' : 'smooth' });
  }, [focused, focusedMeasure, scrollTick]);
  const goTo = useCallback(
    (id: string) => {
      setFocused(id);
      setFocusedMeasure(null);
      setScrollTick((n) => n + 1);
      on.paragraph(id);
    },
    [on],
  );

  const en = lang === 'en';
  const para = (p: PlanParagraph) => (
    <Paragraph
      key={p.id}
      paragraph={p}
      phrases={phrasesByParagraph.get(p.id) ?? NO_PHRASES}
      projects={projectById}
      selected={selectedParagraph === p.id ? selectedProjectId : null}
      hits={hitsByParagraph.get(p.id) ?? NO_RANGES}
      focused={focused === p.id}
      places={placesByParagraph.get(p.id) ?? []}
      lang={lang}
      on={handlers}
    />
  );
  const sectionTitle = (s: SectionBlock) => {
    const m = measureById.get(s.heading.id);
    const no = `第${zhNumber(s.heading.n)}节`;
    if (s.heading.text !== null) return <h4 className="reader-h reader-h--section" lang="zh-Hans">{`${no} ${s.heading.text}`}</h4>;
    // The plan prints no heading here: our name, bracketed and marked as ours.
    return (
      <h4 className="reader-h reader-h--section reader-h--unprinted" lang="zh-Hans" data-tip={t('reader.unprinted')}>
        〔{no} {m?.heading_zh ?? ''}〕<span className="visually-hidden"> {t('reader.unprinted')}</span>
      </h4>
    );
  };
  const hitWhere = (paragraphId: string) => {
    const m = measureById.get(paragraphId.replace(/\.p\d+$/, ''));
    return m ? `${measureNumber(t, m)} ${en ? m.title_en : m.heading_zh}` : paragraphId;
  };

  return (
    <section className={`plan-reader${en ? ' plan-reader--en' : ''}`} aria-labelledby={`${searchId}-h`} data-testid="plan-reader">
      <header className="plan-reader__head">
        <h2 id={`${searchId}-h`}>{t('reader.heading')}</h2>
        <p className="plan-reader__hint">{t('reader.hint')}</p>
        <form role="search" className="reader-search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={`${searchId}-q`} className="visually-hidden">
            {t('reader.searchLabel')}
          </label>
          <input
            id={`${searchId}-q`}
            type="search"
            value={query}
            placeholder={t('reader.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.stopPropagation();
                setQuery('');
              }
            }}
            autoComplete="off"
            spellCheck={false}
          />
          {query && (
            <button type="button" className="button-quiet" onClick={() => setQuery('')}>
              {t('reader.clearSearch')}
            </button>
          )}
        </form>
        {result && (
          <div className="reader-results" data-testid="reader-results">
            <p className="reader-results__count" role="status">
              {result.total ? t('reader.hits', { count: result.total }) : t('reader.noHits', { query: deferred.trim() })}
              {result.truncated && <> ({t('reader.hitsShown', { shown: result.hits.length })})</>}
            </p>
            {searchPlaces.length > 0 && (
              <p className="reader-results__places">
                <span className="reader-places__label">{t('reader.placesInHits')}</span>
                {searchPlaces.map((sp) => (
                  <span key={`${sp.place.kind}:${sp.place.id}`} className="reader-place" data-place={`${sp.place.kind}:${sp.place.id}`}>
                    {placeLabel(sp, lang)} <span className="reader-place__count">{sp.count}</span>
                  </span>
                ))}
              </p>
            )}
            {result.hits.length > 0 && (
              <ol className="reader-hits">
                {result.hits.map((h) => (
                  <li key={`${h.paragraph}:${h.start}`}>
                    <button type="button" className="reader-hit-row" data-paragraph={h.paragraph} onClick={() => goTo(h.paragraph)}>
                      <span className="reader-hit-row__where">{hitWhere(h.paragraph)}</span>
                      <span className="reader-hit-row__text" lang="zh-Hans">
                        {h.before.length === HIT_CONTEXT && '…'}
                        {h.before}
                        <span className="reader-hit">{h.match}</span>
                        {h.after}
                        {h.after.length === HIT_CONTEXT && '…'}
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </header>
      <div className="plan-reader__body" ref={bodyRef}>
        {chapters.map((c) => (
          <section key={c.heading.id} className={`reader-chapter${focusedMeasure === c.heading.id ? ' is-focused' : ''}`} data-measure={c.heading.id} aria-label={`第${zhNumber(c.heading.n)}章 ${c.heading.text ?? ''}`}>
            <div className="reader-block">
              <h3 className="reader-h reader-h--chapter" lang="zh-Hans">{`第${zhNumber(c.heading.n)}章 ${c.heading.text ?? ''}`}</h3>
              {en && <Summary measure={measureById.get(c.heading.id)} />}
            </div>
            {c.sections.map((s) => (
              <section key={s.heading.id} className={`reader-section${focusedMeasure === s.heading.id ? ' is-focused' : ''}`} data-measure={s.heading.id}>
                <div className="reader-block">
                  <div className="reader-block__zh">
                    {sectionTitle(s)}
                    {s.paragraphs.map(para)}
                  </div>
                  {en && <Summary measure={measureById.get(s.heading.id)} />}
                </div>
                {s.items.map((it) => (
                  <div key={it.heading.id} className={`reader-block reader-item${focusedMeasure === it.heading.id ? ' is-focused' : ''}`} data-measure={it.heading.id}>
                    <div className="reader-block__zh">{it.paragraphs.map(para)}</div>
                    {en && <Summary measure={measureById.get(it.heading.id)} />}
                  </div>
                ))}
              </section>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}

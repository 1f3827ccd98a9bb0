/**
 * The region panel's "Named in the plan": the paragraphs of the plan's text that name the region or
 * a place in it, each opening the reader there. Folded by default; the text is loaded and indexed
 * once, when the browser is idle after the click that selected the region (the click's frame stays
 * the panel's own).
 */
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../domain/catalogue.ts';
import { PlaceFinder, paragraphMeasure } from '../../domain/plan-text.ts';
import { paragraphsNamingRegions, type RegionMention } from '../../domain/region-mentions.ts';
import type { Lang } from '../../domain/url-state.ts';
import { whenIdleAfterFrames } from '../../map/when-idle.ts';
import { measureHeading, measureNumber } from '../measure-label.ts';
import { useOpenText } from './open-text.ts';
import { loadReaderText, readerPlaces } from './reader-data.ts';
import './region-paragraphs.css';

/** Entries shown before "show all". */
const SHORT = 8;

const indexes = new WeakMap<Catalogue, Promise<Map<string, RegionMention[]>>>();

/** Region code → the paragraphs naming it, worked out once per catalogue. */
export function regionParagraphIndex(catalogue: Catalogue): Promise<Map<string, RegionMention[]>> {
  let index = indexes.get(catalogue);
  if (!index) {
    index = loadReaderText().then(({ text, keys }) =>
      paragraphsNamingRegions(text.paragraphs, new PlaceFinder(readerPlaces(catalogue, keys)), {
        placeRegion: (id) => catalogue.place(id)?.properties.region ?? null,
        ancestors: (code) => catalogue.regions.ancestors(code),
      }),
    );
    index.catch(() => indexes.delete(catalogue));
    indexes.set(catalogue, index);
  }
  return index;
}

export interface RegionParagraphsProps {
  code: string;
  catalogue: Catalogue | null;
  lang: Lang;
}

export const RegionParagraphs = memo(function RegionParagraphs({ code, catalogue, lang }: RegionParagraphsProps) {
  const { t } = useTranslation();
  const openText = useOpenText();
  const [state, setState] = useState<{ code: string; mentions: RegionMention[] } | { code: string; error: string } | null>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (!catalogue) return;
    let live = true;
    setAll(false);
    const cancel = whenIdleAfterFrames(2, () => {
      regionParagraphIndex(catalogue).then(
        (index) => live && setState({ code, mentions: index.get(code) ?? [] }),
        (e: unknown) => live && setState({ code, error: e instanceof Error ? e.message : String(e) }),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [catalogue, code]);
  if (!catalogue || !openText || state?.code !== code) return null;
  if ('error' in state)
    return (
      <p className="panel-section muted" data-testid="region-paragraphs-error">
        {t('reader.loadError', { message: state.error })}
      </p>
    );
  const { mentions } = state;
  const shown = all ? mentions : mentions.slice(0, SHORT);
  return (
    <section className="panel-section region-paragraphs" data-testid="region-paragraphs">
      <details>
        <summary>{mentions.length ? t('reader.regionNamed', { count: mentions.length }) : t('reader.regionNotNamed')}</summary>
        {mentions.length > 0 && (
          <ol className="region-paragraphs__list">
            {shown.map((m) => {
              const measure = catalogue.measure(paragraphMeasure(m.paragraph));
              return (
                <li key={m.paragraph}>
                  <button type="button" className="link-button" data-paragraph={m.paragraph} onClick={() => openText({ kind: 'paragraph', id: m.paragraph })}>
                    §{m.paragraph}
                  </button>{' '}
                  {measure && (
                    <span className="muted">
                      {measureNumber(t, measure)} {measureHeading(measure, lang)}
                    </span>
                  )}{' '}
                  <span className="region-paragraphs__words" lang="zh-Hans">
                    {m.words.join('、')}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {!all && mentions.length > SHORT && (
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            {t('reader.regionNamedAll', { count: mentions.length })}
          </button>
        )}
      </details>
    </section>
  );
});

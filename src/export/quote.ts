/**
 * The plan's own words for an exported page: the selected project's phrase, or the selected
 * measure's first paragraph, with the paragraph's id (§c3.s2.i2.p1), for the PDF's caption and the
 * PPTX's speaker notes. The Chinese is quoted as published; in English our summary of the measure
 * goes beside it, labelled as a summary, never as a translation. Pure.
 */
import type { TFunction } from 'i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import type { PlanTextFile } from '../domain/plan-text.ts';
import type { Lang, Selection } from '../domain/url-state.ts';

export interface ExportQuote {
  /** The paragraph's id. */
  paragraph: string;
  /** The plan's words: the project's phrase, or the measure's first paragraph. */
  words: string;
  /** The whole paragraph the words stand in. */
  paragraphText: string;
  /** Our English summary of the paragraph's measure (the selected measure's for a measure). */
  summaryEn: string | null;
}

/** The quote of a selected project or measure; null for other selections or words not in the text. */
export function exportQuote(sel: Selection | null, cat: Catalogue, text: PlanTextFile): ExportQuote | null {
  if (sel?.kind === 'project') {
    const at = text.projects[sel.id];
    const para = at && text.paragraphs.find((p) => p.id === at.paragraph);
    if (!at || !para) return null;
    return { paragraph: para.id, words: para.text.slice(at.start, at.end), paragraphText: para.text, summaryEn: cat.measure(para.measure)?.summary_en ?? null };
  }
  if (sel?.kind === 'measure') {
    const para = text.paragraphs.find((p) => p.measure === sel.id || p.id.startsWith(`${sel.id}.`));
    if (!para) return null;
    return { paragraph: para.id, words: para.text, paragraphText: para.text, summaryEn: cat.measure(sel.id)?.summary_en ?? null };
  }
  return null;
}

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

/** The page's caption: the quote, and in English the summary (each a block the layout wraps and clamps). */
export function quoteCaption(q: ExportQuote, lang: Lang, t: TFunction): string[] {
  const blocks = [`${t('export.quote.label', { id: q.paragraph })}${colon(lang)}「${q.words}」`];
  if (lang === 'en' && q.summaryEn) blocks.push(`${t('reader.summaryLabel')}${colon(lang)}${q.summaryEn}`);
  return blocks;
}

/** The quote in speaker notes: the words, the whole paragraph when it says more, and in English the summary. */
export function quoteNotes(q: ExportQuote, lang: Lang, t: TFunction): string[] {
  const out = [`${t('export.quote.label', { id: q.paragraph })}${colon(lang)}`, `「${q.words}」`];
  if (q.paragraphText !== q.words) out.push(`${t('export.quote.paragraph')}${colon(lang)}${q.paragraphText}`);
  if (lang === 'en' && q.summaryEn) out.push(`${t('reader.summaryLabel')}${colon(lang)}${q.summaryEn}`);
  return out;
}


/** Pages with the quote of each page's selection (none where it has no project or measure selected). */
export function withQuotes<T extends { state: { selection: Selection | null } }>(specs: readonly T[], cat: Catalogue, text: PlanTextFile): (T & { quote: ExportQuote | null })[] {
  return specs.map((s) => ({ ...s, quote: exportQuote(s.state.selection, cat, text) }));
}

/** How a measure of the plan is named in the UI: its number as printed (第四章, 第二节, (一)) and its heading. */
import type { TFunction } from 'i18next';
import type { Measure } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';

const ZH_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export function zhNumber(n: number): string {
  return ZH_NUM[n] ?? String(n);
}

/** The number part: 第四章 / Chapter 4, 第二节 / Section 2, (一) / (1). */
export function measureNumber(t: TFunction, m: Measure): string {
  if (m.level === 'chapter') return t('outline.chapterNo', { n: zhNumber(m.chapter), num: m.chapter });
  if (m.level === 'section') return t('outline.sectionNo', { n: zhNumber(m.section ?? 1), num: m.section ?? 1 });
  return t('outline.itemNo', { n: zhNumber(m.item ?? 1), num: m.item ?? 1 });
}

/** The heading in the UI language (the plan's own words in Chinese; our translation in English). */
export function measureHeading(m: Measure, lang: Lang): string {
  return lang === 'zh' ? m.heading_zh : m.title_en;
}

export function measureSummary(m: Measure, lang: Lang): string {
  return lang === 'zh' ? m.summary_zh : m.summary_en;
}

/**
 * i18next set-up: the UI strings of src/i18n/{zh,en}.json; the document's lang attribute follows.
 * React's binding (react-i18next) is attached by the app's own chunk (src/app-root.tsx), so the
 * page's start does not load React.
 */
import i18next from 'i18next';
import type { Lang } from '../domain/url-state.ts';
import en from './en.json';
import zh from './zh.json';

export const DEFAULT_LANG: Lang = 'zh';

/** BCP 47 tag for the document (Simplified Chinese script). */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

export function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = htmlLang(lang);
  document.title = `${i18next.t('app.title', { lng: lang })} · ${i18next.t('app.subtitle', { lng: lang })}`;
}

/** The map's zoom buttons' labels, read before i18next is set up: the map starts first (main.tsx). */
export function zoomLabels(lang: Lang): { zoomIn: string; zoomOut: string } {
  const { zoomIn, zoomOut } = (lang === 'en' ? en : zh).map;
  return { zoomIn, zoomOut };
}

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLang(lang);
  return i18next;
}

export { i18next };

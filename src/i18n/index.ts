/** i18next set-up: the UI strings of src/i18n/{zh,en}.json; the document's lang attribute follows. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
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

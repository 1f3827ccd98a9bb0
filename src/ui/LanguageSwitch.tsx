/** zh / en switch: a two-button group; the current language is pressed. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../domain/url-state.ts';

// Memoised: its props do not change when a region is clicked, and the whole panel re-renders then.
export const LanguageSwitch = memo(function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={l === lang}
          lang={l === 'zh' ? 'zh-Hans' : 'en'}
          data-testid={`lang-${l}`}
          onClick={() => onChange(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
});

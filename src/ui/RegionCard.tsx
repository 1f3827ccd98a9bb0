/** The selected region: names in both languages, level in words, parent as a link that selects it. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../domain/url-state.ts';
import type { RegionInfo } from '../map/geodata.ts';
import { regionKind } from './region-kind.ts';

export interface RegionCardProps {
  info: RegionInfo;
  parent: RegionInfo | null;
  lang: Lang;
  onSelect: (code: string) => void;
  onClear: () => void;
}

export function RegionCard({ info, parent, lang, onSelect, onClear }: RegionCardProps) {
  const { t } = useTranslation();
  const primary = lang === 'zh' ? info.name_zh : info.name_en;
  const secondary = lang === 'zh' ? info.name_en : info.name_zh;
  const kind = regionKind(info.code, info.level, info.name_zh);
  const level = t(`region.levels.${info.level}`);
  const levelText = info.level === 'country' || kind === 'other' ? level : t('region.levelWithKind', { level, kind: t(`region.kinds.${kind}`) });
  return (
    <section className="panel-section region-card" aria-labelledby="region-name" data-testid="region-card" data-code={info.code}>
      <div className="region-card__head">
        <p className="eyebrow">{t('region.heading')}</p>
        <button type="button" className="button-quiet" onClick={onClear} title={t('region.clearHint')}>
          {t('region.clear')} <kbd>Esc</kbd>
        </button>
      </div>
      <h2 id="region-name" className="region-card__name" lang={lang === 'zh' ? 'zh-Hans' : 'en'} data-testid="region-name">
        {primary}
      </h2>
      <p className="region-card__alt" lang={lang === 'zh' ? 'en' : 'zh-Hans'} data-testid="region-name-alt">
        {secondary}
      </p>
      <dl className="facts">
        <dt>{t('region.level')}</dt>
        <dd data-testid="region-level">{levelText}</dd>
        <dt>{t('region.parent')}</dt>
        <dd data-testid="region-parent">
          {parent ? (
            <a
              href={`?region=${parent.code}`}
              onClick={(e) => {
                e.preventDefault();
                onSelect(parent.code);
              }}
              title={t('region.selectParent', { name: lang === 'zh' ? parent.name_zh : parent.name_en })}
            >
              {lang === 'zh' ? parent.name_zh : parent.name_en}
            </a>
          ) : (
            t('region.noParent')
          )}
        </dd>
        <dt>{t('region.code')}</dt>
        <dd className="code">{info.code}</dd>
      </dl>
    </section>
  );
}

/** The side panel: title, language, link notices, the selected region (or a hint), legend, sources. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UrlProblem } from '../domain/url-state.ts';
import type { RegionInfo } from '../map/geodata.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Legend } from './Legend.tsx';
import { Notice } from './Notice.tsx';
import { RegionCard } from './RegionCard.tsx';
import { RegionProjects } from './RegionProjects.tsx';

export interface SidePanelProps {
  lang: Lang;
  onLang: (lang: Lang) => void;
  problems: UrlProblem[];
  onDismissProblems: () => void;
  selected: RegionInfo | null;
  parent: RegionInfo | null;
  hovered: RegionInfo | null;
  onSelect: (code: string) => void;
  onClear: () => void;
  children?: ReactNode;
}

export function SidePanel(props: SidePanelProps) {
  const { t } = useTranslation();
  const { lang, selected, hovered } = props;
  return (
    <aside className="side-panel" id="panel" aria-label={t('app.subtitle')} data-testid="side-panel">
      <header className="side-panel__header">
        <div>
          <h1 className="title">{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <LanguageSwitch lang={lang} onChange={props.onLang} />
      </header>
      <Notice problems={props.problems} onDismiss={props.onDismissProblems} />
      <div className="side-panel__body">
        {selected ? (
          <>
            <RegionCard info={selected} parent={props.parent} lang={lang} onSelect={props.onSelect} onClear={props.onClear} />
            <RegionProjects code={selected.code} lang={lang} />
          </>
        ) : (
          <section className="panel-section hint" data-testid="panel-hint">
            <p>{t('panel.hint')}</p>
            <p className="muted">{t('panel.hintKeys')}</p>
          </section>
        )}
        <p className="hover-line" aria-live="off">
          {hovered ? t('panel.hover', { name: lang === 'zh' ? hovered.name_zh : hovered.name_en }) : '\u00a0'}
        </p>
        <Legend />
      </div>
      <footer className="side-panel__footer">
        <p>{t('sources.short')}</p>
      </footer>
    </aside>
  );
}

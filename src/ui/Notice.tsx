/** A dismissable notice listing the parts of the link that could not be used (their values isolated: src/ui/isolate.ts). */
import { useTranslation } from 'react-i18next';
import type { UrlProblem } from '../domain/url-state.ts';
import { withBdi } from './Bdi.tsx';
import { isolate } from './isolate.ts';

export function Notice({ problems, onDismiss }: { problems: UrlProblem[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="url-notice">
      <div className="notice__body">
        <p className="notice__heading">{t('notice.heading')}</p>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <strong>{t(`notice.params.${p.param}`)}</strong> <code>{p.param}</code>: {withBdi(t(`notice.reasons.${p.reason}`, { value: isolate(p.value) }))}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button-quiet" onClick={onDismiss} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}

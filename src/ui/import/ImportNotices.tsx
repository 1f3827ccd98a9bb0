/**
 * What importing (or restoring a saved view's layers) did, floating over the map where a dropped
 * file lands: refused files with every problem the check found (the feature or row, and what is
 * wrong, in the UI's language), storage that refused to keep a layer, layers a saved view had that are gone. Dismissable.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './import.css';
import { withBdi } from '../Bdi.tsx';
import { isolate, isolateValues } from '../isolate.ts';
import { problemText } from './problem-text.ts';
import { useUserLayersApi } from './use-user-layers.ts';

/** How long a notice that only reports success stays. */
const OK_SECONDS = 8;

export function ImportNotices() {
  const { t } = useTranslation();
  const api = useUserLayersApi();
  // Good news goes by itself; problems stay until dismissed.
  const onlyOk = api != null && api.notices.length > 0 && api.notices.every((n) => n.kind === 'ok');
  const dismiss = api?.dismissNotices;
  useEffect(() => {
    if (!onlyOk || !dismiss) return;
    const timer = window.setTimeout(dismiss, OK_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [onlyOk, dismiss, api?.notices]);
  if (!api || (api.notices.length === 0 && !api.progress)) return null;
  const worst = api.notices.some((n) => n.kind === 'error') ? 'error' : api.notices.some((n) => n.kind === 'warning') ? 'warning' : 'ok';
  const p = api.progress;
  return (
    <div className={`map-callout import-notice import-notice--${p && api.notices.length === 0 ? 'ok' : worst}`} role={worst === 'ok' ? 'status' : 'alert'} data-testid="import-notice" data-kind={p && api.notices.length === 0 ? 'progress' : worst}>
      <div className="import-notice__body">
        {p && (
          <div className="import-notice__progress" data-testid="import-progress" data-stage={p.stage}>
            <p>{withBdi(t(`import.progress.${p.stage}`, { file: isolate(p.file), percent: Math.round(p.fraction * 100) }))}</p>
            <progress max={1} value={p.stage === 'check' ? p.fraction : undefined} aria-label={t(`import.progress.${p.stage}`, { file: isolate(p.file), percent: Math.round(p.fraction * 100) })} />
            {/* Once checked, the layer is being stored: there is nothing left to cancel. */}
            {p.stage !== 'store' && (
              <button type="button" className="button-quiet" onClick={api.cancel} data-testid="import-cancel">
                {t('import.cancel')}
              </button>
            )}
          </div>
        )}
        {api.notices.map((n) => (
          <div key={n.id} className={`import-notice__item import-notice__item--${n.kind}`} data-kind={n.kind}>
            <p>{withBdi(t(`import.notice.${n.key}`, isolateValues(n.values)))}</p>
            {n.details && (
              <ul>
                {n.details.map((d, i) => (
                  <li key={i}>
                    <code>{withBdi(problemText(t, d))}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <button type="button" className="button-quiet import-notice__close" onClick={api.dismissNotices} hidden={api.notices.length === 0} aria-label={t('notice.dismiss')} data-testid="import-notice-dismiss">
        ×
      </button>
    </div>
  );
}

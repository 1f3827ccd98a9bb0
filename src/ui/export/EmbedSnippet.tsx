/**
 * The Views dialog's "embed this view": an iframe snippet of the current view (this page's address
 * with `embed=1` and the map's present view; src/ui/embed-link.ts) to paste into another page, and
 * a Copy button. The snippet is read-only text, so it can also be selected and copied by hand.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../app-context.ts';
import { currentLink, iframeSnippet } from '../embed-link.ts';

export function EmbedSnippet() {
  const { t } = useTranslation();
  const { map } = useAtlas();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  // The map does not move while the dialog is open: the snippet is the view behind it.
  const [snippet] = useState(() => iframeSnippet(currentLink(map, true), t('embed.iframeTitle')));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('ok');
    } catch {
      // No clipboard permission (an insecure origin, a policy): select the text for the user instead.
      box.current?.select();
      setCopied(document.execCommand?.('copy') ? 'ok' : 'failed');
    }
  };

  return (
    <section className="views-embed" aria-labelledby={`${id}-h`} data-testid="embed-snippet">
      <h3 id={`${id}-h`}>{t('embed.heading')}</h3>
      <p className="muted">{t('embed.hint')}</p>
      <label className="export-field">
        <span>{t('embed.snippetLabel')}</span>
        <textarea ref={box} readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} spellCheck={false} data-testid="embed-snippet-code" />
      </label>
      <div className="views-embed__actions">
        <button type="button" className="button-quiet" onClick={() => void copy()} data-testid="embed-copy">
          {t('embed.copy')}
        </button>
        <span role="status" className="muted" data-testid="embed-copy-status">
          {copied === 'ok' ? t('embed.copied') : copied === 'failed' ? t('embed.copyFailed') : ''}
        </span>
      </div>
    </section>
  );
}

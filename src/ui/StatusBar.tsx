/**
 * A group's progress as one small bar: a segment per status class (in operation, partly, under
 * construction, not started, cancelled, unknown), widths by count. Unknown has its own grey
 * segment: it is never shown as "not started". The counts are said in the label (and a tooltip).
 */
import { DISPLAY_CLASSES } from '../domain/status.ts';
import type { Tally } from '../domain/progress.ts';
import type { Lang } from '../domain/url-state.ts';
import { STATUS_CLASS_LABEL } from '../map/themes/style.ts';

/** "3 in operation, 1 under construction, 2 unknown" (only the classes present). */
export function tallyText(tally: Tally, lang: Lang): string {
  return DISPLAY_CLASSES.filter((c) => tally.byClass[c] > 0)
    .map((c) => (lang === 'zh' ? `${STATUS_CLASS_LABEL[c].zh}${tally.byClass[c]}` : `${tally.byClass[c]} ${STATUS_CLASS_LABEL[c].en}`))
    .join(lang === 'zh' ? '，' : ', ');
}

export function StatusBar({ tally, lang, className = '', testId }: { tally: Tally; lang: Lang; className?: string; testId?: string }) {
  if (tally.total === 0) return null;
  const text = tallyText(tally, lang);
  return (
    <span className={`status-bar ${className}`} role="img" aria-label={text} title={text} data-testid={testId}>
      {DISPLAY_CLASSES.map((c) =>
        tally.byClass[c] > 0 ? <span key={c} className={`status-bar__seg status-bar__seg--${c}`} style={{ flexGrow: tally.byClass[c] }} data-class={c} data-count={tally.byClass[c]} /> : null,
      )}
    </span>
  );
}

/**
 * A views file's problem (src/export/saved-views.ts: a code, the view's number, its values) in the
 * UI's language. Values from the file are isolated (src/ui/isolate.ts) and rendered as text.
 */
import type { TFunction } from 'i18next';
import type { ViewProblem } from '../../export/saved-views.ts';
import { isolateValues } from '../isolate.ts';

export function viewProblemText(t: TFunction, p: ViewProblem): string {
  let params: Record<string, string | number> = { ...p.params };
  if (p.code === 'notJson') params.what = t(`import.jsonError.${String(p.params.what)}`);
  if (p.code === 'linkParam') params = { param: t(`notice.params.${String(p.params.param)}`), reason: t(`notice.reasons.${String(p.params.reason)}`, isolateValues({ value: String(p.params.value) })) };
  else params = isolateValues(params)!;
  const message = t(`export.views.problem.${p.code}`, params);
  return p.view ? t('export.views.problem.at', { n: p.view, message }) : message;
}

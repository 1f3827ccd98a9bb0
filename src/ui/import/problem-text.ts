/**
 * An import problem (src/domain/import.ts: a code, where it is, and its values) in the UI's
 * language: "第 2 个要素（北极）：坐标 [110, 95] 超出范围…" / "feature 2 (北极): coordinates [110, 95]
 * are out of range…". Names from the file are interpolated values, never parsed as markup or as
 * i18next syntax (skipOnVariables), and React renders the result as text.
 */
import type { TFunction } from 'i18next';
import type { ImportProblem, ProblemPlace } from '../../domain/import.ts';
import { isolate, isolateValues } from '../isolate.ts';

export function placeText(t: TFunction, place: ProblemPlace): string {
  return place.name != null ? t(`import.place.${place.kind}Named`, { n: place.n, name: isolate(place.name) }) : t(`import.place.${place.kind}`, { n: place.n });
}

export function problemText(t: TFunction, problem: ImportProblem): string {
  // Values from the file are isolated (a right-to-left override in them stays inside them).
  const params = isolateValues(problem.params)!;
  // A JSON syntax error names its kind by a code word; say it in the UI's language.
  if (problem.code === 'notJson') params.what = t(`import.jsonError.${String(problem.params.what)}`);
  const message = t(`import.problem.${problem.code}`, params);
  if (problem.at.length === 0) return message;
  const where = problem.at.map((p) => placeText(t, p)).join(t('import.place.separator'));
  return t('import.problem.at', { where, message });
}

/**
 * `t` with a memory. A region's list repeats the same few strings (stages, relations) in every row,
 * and each i18next `t` call costs ~45 µs here: a league click's rows asked for them ~60 times.
 * Answers are kept per `t` function (react-i18next hands out one per language), keyed by the key
 * and its options, so a language switch starts afresh.
 */
import type { TFunction } from 'i18next';

const answers = new WeakMap<TFunction, Map<string, string>>();

export function remembered(t: TFunction, key: string, options?: Readonly<Record<string, string | number>>): string {
  let known = answers.get(t);
  if (!known) answers.set(t, (known = new Map()));
  const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
  let text = known.get(id);
  if (text === undefined) {
    text = String(options ? t(key, options) : t(key));
    known.set(id, text);
  }
  return text;
}

/**
 * A user's value inside a sentence of ours (a file name, a feature's name, a link's value) is set
 * off with Unicode's first-strong isolate (U+2068 … U+2069): the plain-text form of HTML's <bdi>.
 * A right-to-left override or Arabic text in the value then cannot reorder the words around it.
 * Isolate marks inside the value are dropped, so it cannot close its own isolate early. Rendered
 * as <bdi> elements by src/ui/Bdi.tsx.
 */
export const isolate = (s: string): string => `\u2068${s.replace(/[\u2066-\u2069]/g, '')}\u2069`;

/** The same values with every string isolated (numbers are left for plural forms and formatting). */
export function isolateValues(values: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!values) return values;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? isolate(v) : v;
  return out;
}

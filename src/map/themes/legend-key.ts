/**
 * The compact legend's key: with one row per theme (its symbols side by side), the meaning of each
 * symbol variant (stage class, exact / schematic …) is said once, drawn with the first symbol that
 * carries it. Shared by the on-screen legend and the export's compact legend so they agree.
 */
export interface KeyedRow<S> {
  label: string;
  symbol: S;
}

/**
 * The distinct row labels of the multi-row groups, in first-seen order, each with its first symbol.
 * Single-row groups need no key: their row is the theme itself.
 */
export function legendKey<S>(groups: readonly { rows: readonly KeyedRow<S>[] }[]): KeyedRow<S>[] {
  const seen = new Map<string, KeyedRow<S>>();
  for (const g of groups) {
    if (g.rows.length < 2) continue;
    for (const r of g.rows) if (!seen.has(r.label)) seen.set(r.label, r);
  }
  return [...seen.values()];
}

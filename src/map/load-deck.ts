/**
 * Loads deck.ts, the deck.gl drawing chunk, once: the map asks for it after the basemap's first
 * quiet frame, the export before its first map. A failed load is not retried: the page says so
 * and offers a reload (App.tsx).
 */
export type DeckDrawing = typeof import('./deck.ts');

let loading: Promise<DeckDrawing> | null = null;

export function loadDeck(): Promise<DeckDrawing> {
  loading ??= import('./deck.ts');
  return loading;
}

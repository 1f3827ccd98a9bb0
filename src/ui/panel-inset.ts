/**
 * What the floating panels take from the map's area (kept in step with app.css): the map fits its
 * views into the rest. Its own module because the page's start (main.tsx) needs it before the app's
 * code has loaded.
 */
export function panelInset(): { right: number; bottom: number; left: number } {
  const narrow = window.matchMedia('(max-width: 720px)').matches;
  // Desktop: the side panel on the right, the legend on the left (app.css).
  return narrow ? { right: 0, bottom: Math.round(window.innerHeight * 0.45), left: 0 } : { right: 400, bottom: 0, left: 260 };
}

/**
 * What the side panel covers of the map (right on wide screens, the bottom on narrow ones): the map
 * fits its views into the rest, and "what the user sees" (exports of the view) is the rest. One rule
 * for both: measured from the panel once it is on the page, the stylesheet's sizes before.
 */
export interface Inset {
  right: number;
  bottom: number;
}

/** Space for the legend on the left, kept clear when fitting a view (app.css). */
export const LEGEND_INSET = 260;

export function panelInset(): Inset {
  const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
  const map = document.querySelector('.map-area')?.getBoundingClientRect();
  if (panel && map && panel.width > 0 && panel.height > 0) {
    const coversRight = panel.left > map.left + map.width * 0.4 && panel.height > map.height * 0.5;
    if (coversRight) return { right: Math.max(0, map.right - panel.left + 8), bottom: 0 };
    const coversBottom = panel.top > map.top + map.height * 0.3 && panel.width > map.width * 0.8;
    if (coversBottom) return { right: 0, bottom: Math.max(0, map.bottom - panel.top + 8) };
    return { right: 0, bottom: 0 };
  }
  // Before the panel renders (the page's start): app.css's sizes.
  const narrow = window.matchMedia('(max-width: 720px)').matches;
  return narrow ? { right: 0, bottom: Math.round(window.innerHeight * 0.45) } : { right: 400, bottom: 0 };
}

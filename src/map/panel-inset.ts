/**
 * What the side panel covers of the map (right on wide screens; on phones the bottom sheet, at
 * whatever height it is pulled to): the map fits its views into the rest, and "what the user sees"
 * (exports of the view) is the rest. One rule for both: measured from the panel once it is on the
 * page, the stylesheet's sizes before. An embed (`?embed=1`) has no panel.
 */
export interface Inset {
  right: number;
  bottom: number;
}

/** Space for the legend on the left, kept clear when fitting a view (app.css). */
export const LEGEND_INSET = 260;
/** The collapsed bottom sheet's height on phones (app.css, --sheet-collapsed). */
export const SHEET_COLLAPSED = 64;

export function panelInset(): Inset {
  const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
  const map = document.querySelector('.map-area')?.getBoundingClientRect();
  if (panel && map && panel.width > 0 && panel.height > 0) {
    const coversRight = panel.left > map.left + map.width * 0.4 && panel.height > map.height * 0.5;
    if (coversRight) return { right: Math.max(0, map.right - panel.left + 8), bottom: 0 };
    // A sheet along the map's foot; pulled up full it leaves the map a strip, and the fit keeps a
    // quarter of the map (a fit into nothing is refused by MapLibre).
    const coversBottom = panel.width > map.width * 0.8 && panel.bottom >= map.bottom - 2;
    if (coversBottom) return { right: 0, bottom: Math.round(Math.min(map.height * 0.75, Math.max(0, map.bottom - panel.top + 8))) };
    return { right: 0, bottom: 0 };
  }
  if (document.querySelector('.app--embed')) return { right: 0, bottom: 0 };
  // Before the panel renders (the page's start): app.css's sizes (the sheet starts collapsed).
  const narrow = window.matchMedia('(max-width: 720px)').matches;
  return narrow ? { right: 0, bottom: SHEET_COLLAPSED + 8 } : { right: 400, bottom: 0 };
}

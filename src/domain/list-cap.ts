/**
 * Long project lists, capped (issue 6): at 10× and 100× a region touches thousands of projects, and
 * rendering every row of the region panel on a click would freeze the page. The panel renders the
 * first rows in plan order and offers the rest on request. Pure.
 */
import type { ChapterGroup } from './catalogue.ts';

/** Rows a region panel renders at first (above the real catalogue's longest list, 211 for Inner Mongolia, so 1× is unchanged); "show more" adds four times as many. */
export const LIST_STEP = 250;

/** Rows a region panel paints in the frame of the click (about what a 1080-px-high panel shows below the card and the theme chart); the rest of the first LIST_STEP follow in a background render. */
export const FIRST_PAINT_ROWS = 16;

export interface CappedGroups {
  groups: ChapterGroup[];
  /** Rows kept (a project listed under two measures counts twice, as it is drawn twice). */
  shown: number;
  /** Rows left out. */
  hidden: number;
}

/** The groups cut after `limit` rows, in order; groups past the cut are dropped, the one it falls in is shortened. */
export function capGroups(groups: readonly ChapterGroup[], limit: number): CappedGroups {
  const out: ChapterGroup[] = [];
  let shown = 0;
  let hidden = 0;
  for (const g of groups) {
    const measures: ChapterGroup['measures'] = [];
    for (const mg of g.measures) {
      const room = Math.max(0, limit - shown);
      if (room >= mg.items.length) measures.push(mg);
      else if (room > 0) measures.push({ measure: mg.measure, items: mg.items.slice(0, room) });
      const kept = Math.min(room, mg.items.length);
      shown += kept;
      hidden += mg.items.length - kept;
    }
    if (measures.length) out.push(measures.length === g.measures.length && measures.every((m, i) => m === g.measures[i]) ? g : { chapter: g.chapter, measures });
  }
  return { groups: out, shown, hidden };
}

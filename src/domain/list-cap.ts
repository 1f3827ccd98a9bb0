/**
 * Long project lists, capped (issue 6): at 10× and 100× a region touches thousands of projects, and
 * rendering every row of the region panel on a click would freeze the page. The panel renders the
 * first rows in plan order and offers the rest on request. Pure.
 */
import type { ChapterGroup } from './catalogue.ts';

/** Rows a region panel renders at first (above the real catalogue's longest list, 211 for Inner Mongolia, so 1× is unchanged); "show more" adds four times as many. */
export const LIST_STEP = 250;

/** Most rows a region panel paints in the frame of the click (more than a 1080-px-high panel shows below the card and the theme chart); the rest of the first LIST_STEP follow in a background render. */
export const FIRST_PAINT_ROWS = 16;

/** Less than the shortest row of the list (one line of title and one of tags: 52 px), so a fitted first paint never leaves a gap. */
export const MIN_ROW_PX = 40;

/**
 * Rows the click's frame paints: enough to fill the `space` px between the list's top and the
 * bottom of the visible panel (none when the list starts below the fold), at most FIRST_PAINT_ROWS.
 * An unknown space (no layout: NaN) gives FIRST_PAINT_ROWS.
 */
export function rowsToFill(space: number): number {
  if (!Number.isFinite(space)) return FIRST_PAINT_ROWS;
  if (space <= 0) return 0;
  return Math.min(FIRST_PAINT_ROWS, Math.ceil(space / MIN_ROW_PX) + 1);
}

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

/**
 * Windowing for a list of fixed-height rows in a scrolling element: which rows to render (those in
 * view plus a margin), the blank space standing for the others, and scrolling a row into view.
 * Written here rather than taken from a library because rows have one fixed height (so the window
 * is two divisions, with no measuring), and because it must work in jsdom for the tests, where
 * elements have no size (then it assumes `fallbackHeight`).
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First row rendered and one past the last. */
  start: number;
  end: number;
  /** Heights of the blank space before and after the rendered rows, px. */
  padTop: number;
  padBottom: number;
  /** Scrolls so that the row is in view (nearest edge), or centred. */
  scrollToRow: (index: number, align?: 'nearest' | 'center') => void;
}

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Height of what sticks above the rows inside the scroller (the table header), px. */
  headerHeight?: number;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  /** The view's height where the element reports none (jsdom). */
  fallbackHeight?: number;
}

export function rowRange(scrollTop: number, viewHeight: number, o: Required<RowWindowOptions>): [number, number] {
  const top = Math.max(0, scrollTop - o.headerHeight);
  const start = Math.max(0, Math.floor(top / o.rowHeight) - o.overscan);
  const end = Math.min(o.count, Math.ceil((top + viewHeight) / o.rowHeight) + o.overscan);
  return [Math.min(start, end), end];
}

export function useRowWindow(scroller: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const o: Required<RowWindowOptions> = { headerHeight: 0, overscan: 6, fallbackHeight: 480, ...options };
  const [view, setView] = useState({ top: 0, height: o.fallbackHeight });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () =>
      setView((v) => {
        const top = el.scrollTop;
        const height = el.clientHeight || o.fallbackHeight;
        return v.top === top && v.height === height ? v : { top, height };
      });
    read();
    el.addEventListener('scroll', read, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      ro?.disconnect();
    };
  }, [scroller, o.fallbackHeight]);

  const [start, end] = rowRange(view.top, view.height, o);

  const scrollToRow = useCallback(
    (index: number, align: 'nearest' | 'center' = 'nearest') => {
      const el = scroller.current;
      if (!el || index < 0) return;
      const height = el.clientHeight || o.fallbackHeight;
      const rowTop = o.headerHeight + index * o.rowHeight;
      const visibleTop = el.scrollTop + o.headerHeight;
      const visibleBottom = el.scrollTop + height;
      let next = el.scrollTop;
      if (align === 'center') next = rowTop - o.headerHeight - (height - o.headerHeight - o.rowHeight) / 2;
      else if (rowTop < visibleTop) next = rowTop - o.headerHeight;
      else if (rowTop + o.rowHeight > visibleBottom) next = rowTop + o.rowHeight - height;
      next = Math.max(0, next);
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        // Set programmatically, the scroll event comes a frame later; read it now so the row renders at once.
        setView({ top: el.scrollTop, height });
      }
    },
    [scroller, o.headerHeight, o.rowHeight, o.fallbackHeight],
  );

  return { start, end, padTop: start * o.rowHeight, padBottom: (o.count - end) * o.rowHeight, scrollToRow };
}

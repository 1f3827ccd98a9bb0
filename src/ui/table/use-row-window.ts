/**
 * Windowing for a list of fixed-height rows in a scrolling element: which rows to render (those in
 * view plus a margin; the caller places them at index × height in a body as tall as all the rows),
 * and scrolling a row into view.
 * Written here rather than taken from a library because rows have one fixed height (so the window
 * is two divisions, with no measuring), and because it must work in jsdom for the tests, where
 * elements have no size (then it assumes `fallbackHeight`).
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowWindow {
  /** First row rendered and one past the last. */
  start: number;
  end: number;
  /** Scrolls so that the row is in view (nearest edge), or centred. */
  scrollToRow: (index: number, align?: 'nearest' | 'center') => void;
}

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Height of what sticks above the rows inside the scroller (the table header), px. */
  headerHeight?: number;
  /** Rows rendered beyond each edge of the view, at least. */
  overscan?: number;
  /**
   * The window moves in steps of this many rows, so that scrolling re-renders once a step rather
   * than at every row (a frame's script and style work, measured with 2,160 rows).
   */
  block?: number;
  /** The view's height where the element reports none (jsdom). */
  fallbackHeight?: number;
}

export function rowRange(scrollTop: number, viewHeight: number, o: Required<RowWindowOptions>): [number, number] {
  const top = Math.max(0, scrollTop - o.headerHeight);
  const first = Math.floor(top / o.rowHeight) - o.overscan;
  const last = Math.ceil((top + viewHeight) / o.rowHeight) + o.overscan;
  const start = Math.max(0, Math.floor(first / o.block) * o.block);
  const end = Math.min(o.count, Math.ceil(last / o.block) * o.block);
  return [Math.min(start, end), end];
}

export function useRowWindow(scroller: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const o: Required<RowWindowOptions> = { headerHeight: 0, overscan: 6, block: 10, fallbackHeight: 480, ...options };
  // Where the view is, kept outside React state: a scroll re-renders only when the window's range changes.
  const view = useRef({ top: 0, height: o.fallbackHeight });
  const opts = useRef(o);
  opts.current = o;
  const shown = useRef<[number, number]>([0, 0]);
  const [, rerender] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = () => {
      view.current = { top: el.scrollTop, height: el.clientHeight || opts.current.fallbackHeight };
      const [start, end] = rowRange(view.current.top, view.current.height, opts.current);
      if (start !== shown.current[0] || end !== shown.current[1]) rerender((n) => n + 1);
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : null;
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      ro?.disconnect();
    };
  }, [scroller]);

  const [start, end] = rowRange(view.current.top, view.current.height, o);
  shown.current = [start, end];

  const scrollToRow = useCallback(
    (index: number, align: 'nearest' | 'center' = 'nearest') => {
      const el = scroller.current;
      if (!el || index < 0) return;
      const { headerHeight, rowHeight, fallbackHeight } = opts.current;
      const height = el.clientHeight || fallbackHeight;
      const rowTop = headerHeight + index * rowHeight;
      const visibleTop = el.scrollTop + headerHeight;
      const visibleBottom = el.scrollTop + height;
      let next = el.scrollTop;
      if (align === 'center') next = rowTop - headerHeight - (height - headerHeight - rowHeight) / 2;
      else if (rowTop < visibleTop) next = rowTop - headerHeight;
      else if (rowTop + rowHeight > visibleBottom) next = rowTop + rowHeight - height;
      next = Math.max(0, next);
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        // Set programmatically, the scroll event comes a frame later; read it now so the row renders at once.
        view.current = { top: el.scrollTop, height };
        rerender((n) => n + 1);
      }
    },
    [scroller],
  );

  return { start, end, scrollToRow };
}

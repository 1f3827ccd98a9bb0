/**
 * On phones (app.css, max-width 720px) the side panel is a bottom sheet over the map: collapsed (the
 * handle and the title), half or full. Its handle is a button: a tap or Enter steps it up (and from
 * full back down), the arrow keys move it one step, and a drag sets it to the nearest height. A new
 * selection opens it half, so its panel shows and the map above still shows what was selected (the
 * map's fit measures the sheet: src/map/panel-inset.ts). On wide screens the handle is hidden and the
 * state does nothing.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type SheetState = 'collapsed' | 'half' | 'full';
const ORDER: readonly SheetState[] = ['collapsed', 'half', 'full'];
/** How far a pointer moves before a press on the handle is a drag, not a tap (CSS px). */
const DRAG_SLOP = 6;

/** The sheet's state; `selectionKey` changing to a selection opens it half (set while rendering, so the map's fit of that selection in the same commit already sees it). */
export function useSheet(selectionKey: string): [SheetState, (s: SheetState) => void] {
  const [state, setState] = useState<SheetState>(selectionKey ? 'half' : 'collapsed');
  const [seen, setSeen] = useState(selectionKey);
  if (seen !== selectionKey) {
    setSeen(selectionKey);
    if (selectionKey && state !== 'half') setState('half');
  }
  return [state, setState];
}

export interface SheetHandleProps {
  state: SheetState;
  onState: (s: SheetState) => void;
}

export function SheetHandle({ state, onState }: SheetHandleProps) {
  const { t } = useTranslation();
  const drag = useRef<{ id: number; y: number; height: number; moved: boolean } | null>(null);
  const swallowClick = useRef(false);
  const i = ORDER.indexOf(state);
  const next = state === 'full' ? 'collapsed' : ORDER[i + 1]!;

  const sheetOf = (el: Element) => el.closest<HTMLElement>('.side-panel');

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    const sheet = sheetOf(e.currentTarget);
    if (!sheet || e.button !== 0) return;
    drag.current = { id: e.pointerId, y: e.clientY, height: sheet.getBoundingClientRect().height, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    const sheet = sheetOf(e.currentTarget);
    if (!d || d.id !== e.pointerId || !sheet) return;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dy) < DRAG_SLOP) return;
    d.moved = true;
    sheet.dataset.dragging = 'true';
    const max = sheet.parentElement?.getBoundingClientRect().height ?? window.innerHeight;
    sheet.style.height = `${Math.max(40, Math.min(max, d.height - dy))}px`;
  };
  const onPointerEnd = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    const sheet = sheetOf(e.currentTarget);
    drag.current = null;
    if (!d || !d.moved || !sheet) return;
    const height = sheet.getBoundingClientRect().height;
    sheet.style.height = '';
    delete sheet.dataset.dragging;
    // The state whose height (as the stylesheet sets it) is nearest to where the drag left the sheet.
    let best: SheetState = state;
    let bestGap = Infinity;
    for (const s of ORDER) {
      sheet.dataset.sheet = s;
      const gap = Math.abs(sheet.getBoundingClientRect().height - height);
      if (gap < bestGap) [best, bestGap] = [s, gap];
    }
    sheet.dataset.sheet = state;
    swallowClick.current = e.type === 'pointerup';
    onState(best);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    onState(ORDER[Math.max(0, Math.min(ORDER.length - 1, i + step))]!);
  };

  return (
    <button
      type="button"
      className="sheet-handle"
      aria-label={`${t(`sheet.state.${state}`)}. ${t(next === 'collapsed' ? 'sheet.collapse' : 'sheet.expand')}`}
      aria-expanded={state !== 'collapsed'}
      aria-controls="panel"
      aria-keyshortcuts="ArrowUp ArrowDown"
      title={t('sheet.keys')}
      data-testid="sheet-handle"
      data-sheet={state}
      onClick={() => {
        if (swallowClick.current) {
          swallowClick.current = false;
          return;
        }
        onState(next);
      }}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <span className="sheet-handle__grip" aria-hidden="true" />
    </button>
  );
}

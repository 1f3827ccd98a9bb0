/** Saved views in React: the list from localStorage, kept in step across tabs, and its edits. */
import { useCallback, useEffect, useState } from 'react';
import { loadViews, STORAGE_KEY, storeViews, type SavedView } from '../../export/saved-views.ts';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface SavedViews {
  views: SavedView[];
  /** The stored list could not be read (kept aside under `…:damaged`). */
  damaged: boolean;
  /** Storage refused the write (full or disabled). */
  writeError: string | null;
  set: (next: SavedView[] | ((cur: SavedView[]) => SavedView[])) => void;
}

export function useSavedViews(): SavedViews {
  const [state, setState] = useState(() => {
    const s = storage();
    return s ? loadViews(s) : { views: [], damaged: false };
  });
  const [writeError, setWriteError] = useState<string | null>(null);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY) return;
      const s = storage();
      if (s) setState(loadViews(s));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const set = useCallback((next: SavedView[] | ((cur: SavedView[]) => SavedView[])) => {
    setState((cur) => {
      const views = typeof next === 'function' ? next(cur.views) : next;
      const s = storage();
      try {
        if (!s) throw new Error('localStorage is not available');
        storeViews(s, views);
        setWriteError(null);
      } catch (e) {
        setWriteError(e instanceof Error ? e.message : String(e));
      }
      return { views, damaged: cur.damaged };
    });
  }, []);

  return { views: state.views, damaged: state.damaged, writeError, set };
}

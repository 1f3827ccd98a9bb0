/**
 * Saved views in React: the list from localStorage, kept in step across tabs, and its edits.
 * The list in memory is the truth for the session: when the browser refuses to store it (storage
 * full, or disabled), nothing is lost until the page closes, and the dialog says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadViews, STORAGE_KEY, storageProblem, storeViews, type LoadedViews, type SavedView, type StorageProblem } from '../../export/saved-views.ts';

/** localStorage, or why it cannot be had (merely reading `window.localStorage` throws when site data is blocked). */
function storage(): { store: Storage | null; problem: StorageProblem | null } {
  try {
    return { store: window.localStorage, problem: null };
  } catch (e) {
    return { store: null, problem: storageProblem(e) };
  }
}

function load(): LoadedViews {
  const { store, problem } = storage();
  if (!store) return { views: [], damaged: false, readError: problem ?? { kind: 'unavailable', message: 'localStorage is not available' } };
  return loadViews(store);
}

export interface SavedViews {
  views: SavedView[];
  /** The stored list could not be read (kept aside under `…:damaged`). */
  damaged: boolean;
  /** … and keeping it aside failed too. */
  backupFailed: boolean;
  /** Storage could not be read, or refused the last write (full or disabled); null once a write succeeds. */
  storageError: StorageProblem | null;
  /** Replaces the list (kept in memory whatever happens) and stores it; returns why storing failed, or null. */
  set: (next: SavedView[] | ((cur: SavedView[]) => SavedView[])) => StorageProblem | null;
}

export function useSavedViews(): SavedViews {
  const [initial] = useState(load);
  const [views, setViews] = useState<SavedView[]>(initial.views);
  const [storageError, setStorageError] = useState<StorageProblem | null>(initial.readError ?? null);
  const current = useRef(views);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY) return;
      const loaded = load();
      current.current = loaded.views;
      setViews(loaded.views);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const set = useCallback((next: SavedView[] | ((cur: SavedView[]) => SavedView[])) => {
    const list = typeof next === 'function' ? next(current.current) : next;
    current.current = list;
    setViews(list);
    const problem = storeViews(storage().store, list);
    setStorageError(problem);
    return problem;
  }, []);

  return { views, damaged: initial.damaged, backupFailed: initial.backupFailed ?? false, storageError, set };
}

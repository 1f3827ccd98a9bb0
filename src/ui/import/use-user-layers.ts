/**
 * The user's imported layers in React: the list (kept in IndexedDB), which are shown, importing
 * files (checked whole first: a bad file changes nothing), removing, what a saved view records and
 * restores, and the notices that tell the user what happened. Notices hold translation keys, so
 * they follow the language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { sizeProblem, type ImportProblem } from '../../domain/import.ts';
import { layerBbox, MAX_USER_LAYERS, newUserLayer, newUserLayerId, restoreRefs, visibleRefs, type BBox, type UserLayer, type UserLayerRef } from '../../domain/user-layers.ts';
import { USER_PALETTE } from '../../map/imported-layers.ts';
import { JobCancelled, runInWorker } from './parse-client.ts';
import { unreadable } from './parse-jobs.ts';
import { deleteLayer, errorText, isQuotaError, loadHidden, loadLayers, putLayer, storeHidden } from './store.ts';

/** The file being imported and how far its check has come (shown with a cancel button). */
export interface ImportProgressState {
  file: string;
  stage: 'read' | 'decode' | 'parse' | 'check' | 'store';
  /** 0–1 while checking; 0 otherwise. */
  fraction: number;
}

export interface ImportNotice {
  id: number;
  kind: 'error' | 'warning' | 'ok';
  /** i18n key under `import.` and its values. */
  key: string;
  values?: Record<string, string | number>;
  /** Problems as import.ts codes them (feature or row, and what is wrong); worded by problem-text.ts. */
  details?: ImportProblem[];
}

export interface UserLayersApi {
  layers: UserLayer[];
  visible: ReadonlySet<string>;
  busy: boolean;
  /** While a file is read and checked (in a worker): which, and how far. */
  progress: ImportProgressState | null;
  /** Stops the import under way (and the files queued after it); nothing changes. */
  cancel: () => void;
  notices: ImportNotice[];
  dismissNotices: () => void;
  importFiles: (files: readonly File[]) => Promise<void>;
  toggle: (id: string) => void;
  remove: (id: string) => void;
  /** The imported layers that are on (what a saved view records). */
  refs: () => UserLayerRef[];
  /** Shows exactly the given layers (a saved view); tells the user about those since removed. */
  restore: (refs: readonly UserLayerRef[]) => void;
}

export const UserLayersContext = createContext<UserLayersApi | null>(null);

/** The imported layers, or null outside the app (components then simply leave them out). */
export function useUserLayersApi(): UserLayersApi | null {
  return useContext(UserLayersContext);
}

let noticeSeq = 0;

export function useUserLayers(opts: { onImported?: (bbox: BBox) => void } = {}): UserLayersApi {
  const [layers, setLayers] = useState<UserLayer[]>([]);
  const [hidden, setHidden] = useState<string[]>(loadHidden);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgressState | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const [notices, setNotices] = useState<ImportNotice[]>([]);
  const current = useRef(layers);
  current.current = layers;
  const onImported = useRef(opts.onImported);
  onImported.current = opts.onImported;

  const notify = useCallback((n: Omit<ImportNotice, 'id'>) => setNotices((cur) => [...cur, { ...n, id: ++noticeSeq }]), []);

  useEffect(() => {
    let live = true;
    loadLayers().then(
      ({ layers: stored, damaged }) => {
        if (!live) return;
        // Layers imported while storage was being read stay after the stored ones.
        setLayers((cur) => [...stored.filter((s) => !cur.some((c) => c.id === s.id)), ...cur]);
        if (damaged) notify({ kind: 'warning', key: 'damaged', values: { count: damaged } });
      },
      (e: unknown) => live && notify({ kind: 'error', key: 'loadFailed', values: { message: errorText(e) } }),
    );
    return () => {
      live = false;
    };
  }, [notify]);

  const writeHidden = useCallback(
    (next: string[]) => {
      setHidden(next);
      try {
        storeHidden(next);
      } catch (e) {
        notify({ kind: 'warning', key: isQuotaError(e) ? 'hiddenQuota' : 'hiddenNotKept', values: { message: errorText(e) } });
      }
    },
    [notify],
  );

  const importOne = useCallback(
    async (file: File, signal: AbortSignal) => {
      const failed = (details: ImportProblem[]) => notify({ kind: 'error', key: 'failed', values: { file: file.name }, details });
      const tooBig = sizeProblem(file.size);
      if (tooBig) return failed([tooBig]);
      if (current.current.length >= MAX_USER_LAYERS) return notify({ kind: 'error', key: 'tooMany', values: { file: file.name, max: MAX_USER_LAYERS } });
      setProgress({ file: file.name, stage: 'read', fraction: 0 });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch (e) {
        return failed([unreadable(errorText(e))]);
      }
      if (signal.aborted) throw new JobCancelled();
      const id = newUserLayerId();
      // Decoding, parsing and checking run in a worker: the page stays responsive whatever the file.
      const job = await runInWorker({ kind: 'layer', bytes, fileName: file.name, size: file.size, layerId: id }, (p) => setProgress({ file: file.name, ...p }), signal);
      if (job.kind !== 'layer') return;
      const r = job.result;
      if (!r.ok) return failed(r.problems);
      const layer = newUserLayer(r.layer, id, current.current, USER_PALETTE.length);
      current.current = [...current.current, layer];
      setLayers((cur) => [...cur, layer]);
      const box = layerBbox(layer);
      if (box) onImported.current?.(box);
      setProgress({ file: file.name, stage: 'store', fraction: 0 });
      try {
        await putLayer(layer);
        if (r.warnings.length) notify({ kind: 'warning', key: 'importedWarnings', values: { name: layer.name, count: layer.features.length }, details: r.warnings });
        else notify({ kind: 'ok', key: 'imported', values: { name: layer.name, count: layer.features.length } });
      } catch (e) {
        // Shown for this visit; the user is told it will not survive a reload, and why.
        notify({ kind: 'warning', key: isQuotaError(e) ? 'notKeptQuota' : 'notKept', values: { name: layer.name, message: errorText(e) }, ...(r.warnings.length ? { details: r.warnings } : {}) });
      }
    },
    [notify],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      setNotices([]);
      setBusy(true);
      const controller = new AbortController();
      aborter.current = controller;
      try {
        for (const f of files) {
          if (controller.signal.aborted) {
            notify({ kind: 'warning', key: 'cancelled', values: { file: f.name } });
            continue;
          }
          try {
            await importOne(f, controller.signal);
          } catch (e) {
            // Every failure is said, for the file it happened to; the next file is still tried.
            if (e instanceof JobCancelled || controller.signal.aborted) notify({ kind: 'warning', key: 'cancelled', values: { file: f.name } });
            else notify({ kind: 'error', key: 'failed', values: { file: f.name }, details: [unreadable(errorText(e))] });
          }
        }
      } finally {
        if (aborter.current === controller) aborter.current = null;
        setProgress(null);
        setBusy(false);
      }
    },
    [importOne, notify],
  );

  const cancel = useCallback(() => aborter.current?.abort(), []);

  const visible = useMemo(() => {
    const off = new Set(hidden);
    return new Set(layers.filter((l) => !off.has(l.id)).map((l) => l.id));
  }, [layers, hidden]);

  const toggle = useCallback(
    (id: string) => writeHidden(hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id]),
    [hidden, writeHidden],
  );

  const remove = useCallback(
    (id: string) => {
      const layer = current.current.find((l) => l.id === id);
      if (!layer) return;
      current.current = current.current.filter((l) => l.id !== id);
      setLayers((cur) => cur.filter((l) => l.id !== id));
      if (hidden.includes(id)) writeHidden(hidden.filter((h) => h !== id));
      deleteLayer(id).then(
        () => notify({ kind: 'ok', key: 'removed', values: { name: layer.name } }),
        (e: unknown) => notify({ kind: 'error', key: 'removeFailed', values: { name: layer.name, message: errorText(e) } }),
      );
    },
    [hidden, writeHidden, notify],
  );

  const refs = useCallback(() => visibleRefs(layers, visible), [layers, visible]);

  const restore = useCallback(
    (wanted: readonly UserLayerRef[]) => {
      const { visible: on, missing } = restoreRefs(wanted, current.current);
      const keep = new Set(on);
      writeHidden(current.current.filter((l) => !keep.has(l.id)).map((l) => l.id));
      if (missing.length) notify({ kind: 'warning', key: 'missing', values: { names: missing.map((m) => `“${m.name}”`).join(', ') } });
    },
    [writeHidden, notify],
  );

  const dismissNotices = useCallback(() => setNotices([]), []);

  return useMemo(
    () => ({ layers, visible, busy, progress, cancel, notices, dismissNotices, importFiles, toggle, remove, refs, restore }),
    [layers, visible, busy, progress, cancel, notices, dismissNotices, importFiles, toggle, remove, refs, restore],
  );
}

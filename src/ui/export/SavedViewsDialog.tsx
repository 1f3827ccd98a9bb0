/**
 * Saved views: save the current state under a name; list, open, rename, reorder, delete; export
 * the list as a JSON file and import one (checked whole first: a bad file is refused with its
 * reasons and nothing is lost); present them; export them as a deck.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteView, makeView, MAX_VIEWS, mergeViews, moveView, renameView, serialise, viewState, type MergeReport, type SavedView } from '../../export/saved-views.ts';
import { download } from '../../export/export.ts';
import { selectionName } from '../../export/scene.ts';
import { THEME_BY_ID } from '../../map/themes/index.ts';
import { useAtlas } from '../app-context.ts';
import { currentState } from './env.ts';
import type { SavedViews } from './use-saved-views.ts';
import { useModal } from './use-modal.ts';
import { useUserLayersApi } from '../import/use-user-layers.ts'; // imported layers
import { JobCancelled, runInWorker, type JobProgress } from '../import/parse-client.ts';
import { errorText } from '../import/store.ts';
import { IMPORT_LIMITS } from '../../domain/import.ts';
import { withBdi } from '../Bdi.tsx';
import { isolate } from '../isolate.ts';
import { viewProblemText } from './view-problem-text.ts';
import { EmbedSnippet } from './EmbedSnippet.tsx'; // embed

/** The report of an import in the UI's language: what was added, kept beside, already there, not added. */
function reportText(t: ReturnType<typeof useTranslation>['t'], r: MergeReport, file: string): string[] {
  const out: string[] = [];
  if (r.added || (!r.keptBoth.length && !r.unchanged && !r.notAdded)) out.push(t('export.views.report.added', { count: r.added, file: isolate(file) }));
  if (r.keptBoth.length) out.push(t('export.views.report.keptBoth', { count: r.keptBoth.length, names: r.keptBoth.map((k) => (k.as === k.name ? `“${isolate(k.name)}”` : `“${isolate(k.name)}” → “${isolate(k.as)}”`)).join(', ') }));
  if (r.unchanged) out.push(t('export.views.report.unchanged', { count: r.unchanged }));
  if (r.notAdded) out.push(t('export.views.report.notAdded', { count: r.notAdded, max: MAX_VIEWS }));
  return out;
}

export interface SavedViewsDialogProps {
  onClose: () => void;
  saved: SavedViews;
  onPresent: () => void;
  onExport: () => void;
  /** False without a map: the views are kept and listed, but cannot be presented or exported. */
  canDraw?: boolean;
}

export function SavedViewsDialog({ onClose, saved, onPresent, onExport, canDraw = true }: SavedViewsDialogProps) {
  const { t } = useTranslation();
  const atlas = useAtlas();
  const { catalogue, geo, state } = atlas;
  const lang = state.lang ?? 'zh';
  const titleId = useId();
  const dialog = useModal<HTMLDivElement>(onClose);
  const suggested = (catalogue && geo && selectionName(state.selection, lang, catalogue, geo)) || t('export.views.defaultName', { n: saved.views.length + 1 });
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'warning' | 'error'; text: string; details?: string[] } | null>(null);
  const [reading, setReading] = useState<{ file: string; progress: JobProgress; abort: AbortController } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const userLayers = useUserLayersApi(); // imported layers

  const save = () => {
    if (!atlas.map) return;
    const bounds = atlas.map.visibleBounds();
    const v = { ...makeView(name.trim() || suggested, currentState(state, atlas.map), bounds), ...(userLayers ? { imported: userLayers.refs() } : {}) };
    const problem = saved.set((cur) => [...cur, v]);
    setName('');
    // Refused by the browser: the view is in the list for this session only, and the warning below says why.
    setMessage(problem ? { kind: 'error', text: t('export.views.savedForSession', { name: isolate(v.name) }) } : { kind: 'ok', text: t('export.views.saved', { name: isolate(v.name) }) });
  };

  const open = (v: SavedView) => {
    const s = viewState(v);
    atlas.apply({ ...s, lang: s.lang ?? 'zh' }, { fly: true });
    if (v.imported && userLayers) userLayers.restore(v.imported); // imported layers
  };

  const onImport = async (f: File | undefined) => {
    if (file.current) file.current.value = '';
    if (!f) return;
    // The last message is stale from here on; what is under way shows instead.
    setMessage(null);
    // Views files are small (200 views are about 100 KB): a large one is refused before it is read.
    if (f.size > IMPORT_LIMITS.maxBytes) {
      const problem = viewProblemText(t, { code: 'tooLarge', params: { mb: (f.size / 1048576).toFixed(1), max: IMPORT_LIMITS.maxBytes / 1048576 } });
      setMessage({ kind: 'error', text: t('export.views.importFailed', { file: isolate(f.name) }), details: [problem] });
      return;
    }
    const abort = new AbortController();
    setReading({ file: f.name, progress: { stage: 'decode', fraction: 0 }, abort });
    try {
      const bytes = await f.arrayBuffer();
      // Parsed and checked in a worker: an 8 MB file, or a hostile one, does not hold up the page.
      const job = await runInWorker(
        {
          kind: 'views',
          bytes,
          known: {
            layers: [...THEME_BY_ID.keys()],
            ...(geo ? { regions: [...geo.byCode.keys()] } : {}),
            ...(catalogue ? { projects: catalogue.allProjects().map((p) => p.properties.id), measures: catalogue.allMeasures().map((m) => m.id) } : {}),
          },
        },
        (progress) => setReading((cur) => (cur?.abort === abort ? { ...cur, progress } : cur)),
        abort.signal,
      );
      if (job.kind !== 'views') return;
      const r = job.result;
      if (!r.ok) {
        const details = r.problems.slice(0, 8).map((p) => viewProblemText(t, p));
        if (r.problems.length > 8) details.push(t('import.problem.more', { count: r.problems.length - 8 }));
        setMessage({ kind: 'error', text: t('export.views.importFailed', { file: isolate(f.name) }), details });
        return;
      }
      let report: MergeReport = { added: 0, keptBoth: [], unchanged: 0, notAdded: 0 };
      const problem = saved.set((cur) => {
        const m = mergeViews(cur, r.views);
        report = m.report;
        return m.views;
      });
      const lines = reportText(t, report, f.name);
      if (problem) lines.push(t('export.views.report.forSession'));
      setMessage({ kind: problem || report.notAdded ? 'warning' : 'ok', text: lines[0]!, details: lines.slice(1) });
    } catch (e) {
      if (e instanceof JobCancelled) setMessage({ kind: 'ok', text: t('export.views.cancelled', { file: isolate(f.name) }) });
      else setMessage({ kind: 'error', text: t('export.views.importFailed', { file: isolate(f.name) }), details: [t('import.problem.unreadable', { message: isolate(errorText(e)) })] });
    } finally {
      setReading((cur) => (cur?.abort === abort ? null : cur));
    }
  };

  const describe = (v: SavedView) => {
    const s = viewState(v);
    const parts: string[] = [];
    if (catalogue && geo && s.selection) parts.push(selectionName(s.selection, lang, catalogue, geo) ?? '');
    if (s.view) parts.push(`z${s.view.zoom.toFixed(1)}`);
    if (s.lang) parts.push(s.lang === 'zh' ? '中文' : 'English');
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <div className="export-modal" role="presentation">
      <div className="export-dialog export-dialog--narrow" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} data-testid="views-dialog">
        <header className="export-dialog__head">
          <h2 id={titleId}>{t('export.views.heading')}</h2>
          <button type="button" className="button-quiet" onClick={onClose} aria-label={t('export.close')}>
            ✕
          </button>
        </header>
        <div className="views-body">
          <form
            className="views-save"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label className="export-field">
              <span>{t('export.views.name')}</span>
              <input type="text" value={name} placeholder={suggested} onChange={(e) => setName(e.target.value)} maxLength={120} data-testid="view-name" />
            </label>
            <button type="submit" className="button-primary" data-testid="view-save">
              {t('export.views.save')}
            </button>
          </form>
          {saved.damaged && (
            <p className="export-warning" role="alert" data-testid="views-damaged">
              {t(saved.backupFailed ? 'export.views.damagedNoBackup' : 'export.views.damaged')}
            </p>
          )}
          {saved.storageError && (
            <p className="export-warning" role="alert" data-testid="views-storage-error" data-kind={saved.storageError.kind}>
              {t(`export.views.storage.${saved.storageError.kind}`, { message: saved.storageError.message })}
            </p>
          )}
          {reading && (
            <div className="export-ok views-progress" role="status" data-testid="views-progress" data-stage={reading.progress.stage}>
              <p>{withBdi(t('export.views.progress', { file: isolate(reading.file), percent: Math.round(reading.progress.fraction * 100) }))}</p>
              <progress max={1} value={reading.progress.stage === 'check' ? reading.progress.fraction : undefined} />
              <button type="button" className="button-quiet" onClick={() => reading.abort.abort()} data-testid="views-import-cancel">
                {t('export.views.cancel')}
              </button>
            </div>
          )}
          {message && (
            <div className={message.kind === 'ok' ? 'export-ok' : 'export-warning'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="views-message" data-kind={message.kind}>
              <p>{withBdi(message.text)}</p>
              {message.details && (
                <ul>
                  {message.details.map((d, i) => (
                    <li key={i}>{message.kind === 'error' ? <code>{withBdi(d)}</code> : withBdi(d)}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {saved.views.length === 0 ? (
            <p className="muted">{t('export.views.empty')}</p>
          ) : (
            <ol className="views-list" data-testid="views-list">
              {saved.views.map((v, i) => (
                <li key={v.id} data-testid="view-item">
                  {editing?.id === v.id ? (
                    <form
                      className="views-rename"
                      onSubmit={(e) => {
                        e.preventDefault();
                        saved.set((cur) => renameView(cur, v.id, editing.name));
                        setEditing(null);
                      }}
                    >
                      <input type="text" value={editing.name} onChange={(e) => setEditing({ id: v.id, name: e.target.value })} maxLength={120} aria-label={t('export.views.rename')} autoFocus data-testid="view-rename-input" />
                      <button type="submit" className="button-quiet">
                        {t('export.views.ok')}
                      </button>
                    </form>
                  ) : (
                    <button type="button" className="views-open" onClick={() => open(v)} title={t('export.views.openView')}>
                      <span className="views-name" data-testid="view-name-text">
                        {v.name}
                      </span>
                      <span className="views-meta muted">{describe(v)}</span>
                    </button>
                  )}
                  <span className="views-tools">
                    <button type="button" className="icon-button" onClick={() => setEditing({ id: v.id, name: v.name })} aria-label={t('export.views.renameNamed', { name: v.name })} title={t('export.views.rename')}>
                      ✎
                    </button>
                    <button type="button" className="icon-button" onClick={() => saved.set((cur) => moveView(cur, v.id, -1))} disabled={i === 0} aria-label={t('export.views.up', { name: v.name })} title={t('export.views.upShort')} data-testid="view-up">
                      ↑
                    </button>
                    <button type="button" className="icon-button" onClick={() => saved.set((cur) => moveView(cur, v.id, 1))} disabled={i === saved.views.length - 1} aria-label={t('export.views.down', { name: v.name })} title={t('export.views.downShort')} data-testid="view-down">
                      ↓
                    </button>
                    {confirmDelete === v.id ? (
                      <button
                        type="button"
                        className="icon-button icon-button--danger"
                        onClick={() => {
                          saved.set((cur) => deleteView(cur, v.id));
                          setConfirmDelete(null);
                        }}
                        data-testid="view-delete-confirm"
                      >
                        {t('export.views.confirmDelete')}
                      </button>
                    ) : (
                      <button type="button" className="icon-button" onClick={() => setConfirmDelete(v.id)} aria-label={t('export.views.delete', { name: v.name })} title={t('export.views.deleteShort')} data-testid="view-delete">
                        ✕
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="export-actions views-actions">
            <button type="button" className="button-quiet" onClick={onPresent} disabled={!canDraw || saved.views.length === 0} title={canDraw ? undefined : t('export.needsMap')} data-testid="views-present">
              {t('export.present.open')}
            </button>
            <button type="button" className="button-quiet" onClick={onExport} disabled={!canDraw || saved.views.length === 0} title={canDraw ? undefined : t('export.needsMap')}>
              {t('export.views.exportDeck')}
            </button>
            <button type="button" className="button-quiet" onClick={() => download(new Blob([serialise(saved.views)], { type: 'application/json' }), 'plan-atlas-views.json')} disabled={saved.views.length === 0} data-testid="views-export-json">
              {t('export.views.exportJson')}
            </button>
            <label className="button-quiet views-import">
              {t('export.views.importJson')}
              <input ref={file} type="file" accept="application/json,.json" disabled={reading != null} onChange={(e) => void onImport(e.target.files?.[0])} data-testid="views-import" />
            </label>
          </div>
          <EmbedSnippet />
        </div>
      </div>
    </div>
  );
}

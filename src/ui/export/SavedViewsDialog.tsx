/**
 * Saved views: save the current state under a name; list, open, rename, reorder, delete; export
 * the list as a JSON file and import one (checked whole first: a bad file is refused with its
 * reasons and nothing is lost); present them; export them as a deck.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteView, makeView, mergeViews, moveView, parseFile, renameView, serialise, viewState, type SavedView } from '../../export/saved-views.ts';
import { download } from '../../export/export.ts';
import { selectionName } from '../../export/scene.ts';
import { THEME_BY_ID } from '../../map/themes/index.ts';
import { useAtlas } from '../app-context.ts';
import { currentState } from './env.ts';
import type { SavedViews } from './use-saved-views.ts';
import { useModal } from './use-modal.ts';
import { useUserLayersApi } from '../import/use-user-layers.ts'; // imported layers

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
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const userLayers = useUserLayersApi(); // imported layers

  const save = () => {
    if (!atlas.map) return;
    const bounds = atlas.map.visibleBounds();
    const v = { ...makeView(name.trim() || suggested, currentState(state, atlas.map), bounds), ...(userLayers ? { imported: userLayers.refs() } : {}) };
    const problem = saved.set((cur) => [...cur, v]);
    setName('');
    // Refused by the browser: the view is in the list for this session only, and the warning below says why.
    setMessage(problem ? { kind: 'error', text: t('export.views.savedForSession', { name: v.name }) } : { kind: 'ok', text: t('export.views.saved', { name: v.name }) });
  };

  const open = (v: SavedView) => {
    const s = viewState(v);
    atlas.apply({ ...s, lang: s.lang ?? 'zh' }, { fly: true });
    if (v.imported && userLayers) userLayers.restore(v.imported); // imported layers
  };

  const onImport = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    const r = parseFile(text, {
      knownLayer: (id) => THEME_BY_ID.has(id),
      knownRegion: (code) => geo?.byCode.has(code) ?? true,
      knownProject: (id) => (catalogue ? catalogue.project(id) != null : true),
      knownMeasure: (id) => (catalogue ? catalogue.measure(id) != null : true),
    });
    if (!r.ok) {
      setMessage({ kind: 'error', text: t('export.views.importFailed', { file: f.name }), details: r.errors.slice(0, 8).concat(r.errors.length > 8 ? [`… ${r.errors.length - 8}`] : []) });
    } else {
      saved.set((cur) => mergeViews(cur, r.views));
      setMessage({ kind: 'ok', text: t('export.views.imported', { count: r.views.length, file: f.name }) });
    }
    if (file.current) file.current.value = '';
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
          {message && (
            <div className={message.kind === 'error' ? 'export-warning' : 'export-ok'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="views-message">
              <p>{message.text}</p>
              {message.details && (
                <ul>
                  {message.details.map((d, i) => (
                    <li key={i}>
                      <code>{d}</code>
                    </li>
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
              <input ref={file} type="file" accept="application/json,.json" onChange={(e) => void onImport(e.target.files?.[0])} data-testid="views-import" />
            </label>
          </div>
        </div>
      </div>
    </div>
  );
}

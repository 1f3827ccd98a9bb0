/**
 * The export's entry point in the app (mounted once in App.tsx): a small toolbar over the map —
 * Export…, Saved views, Present — its dialogs, presentation mode, and the scripting API that the
 * command line (scripts/export-cli.ts), the tests and the benchmark drive (src/hooks.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../app-context.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { Presentation } from './Presentation.tsx';
import { SavedViewsDialog } from './SavedViewsDialog.tsx';
import { createScriptingApi } from './api.ts';
import { useExportHook } from '../hooks-context.ts';
import { useSavedViews } from './use-saved-views.ts';
import './export.css';

type Open = null | 'export' | 'views' | 'deck';

export function ExportControls() {
  const { t } = useTranslation();
  const atlas = useAtlas();
  const [open, setOpen] = useState<Open>(null);
  const [presenting, setPresenting] = useState(false);
  const saved = useSavedViews();
  const atlasRef = useRef(atlas);
  atlasRef.current = atlas;
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const ready = atlas.catalogue != null && atlas.geo != null;
  // Exports and presentations draw the map and its thematic layers: without a map (no WebGL), or
  // with the layers' code not loaded (App's banner offers a reload), they are off, and say why.
  const canDraw = ready && atlas.mapShown !== false && atlas.themesShown !== false;
  const needsMap = atlas.mapShown === false ? t('export.needsMap') : atlas.themesShown === false ? t('export.needsThemes') : undefined;

  // The export API for scripts and tests, handed to the hooks module only when the page asked for it.
  const provideExport = useExportHook();
  useEffect(() => {
    if (!provideExport) return;
    provideExport(
      createScriptingApi(
        () => atlasRef.current,
        () => savedRef.current.views,
      ),
    );
    return () => provideExport(null);
  }, [provideExport]);

  const close = useCallback(() => setOpen(null), []);

  return (
    <>
      <div className="export-toolbar" role="toolbar" aria-label={t('export.toolbar')} data-testid="export-toolbar">
        <button type="button" className="export-toolbar__button export-toolbar__button--primary" onClick={() => setOpen('export')} disabled={!canDraw} title={needsMap} data-testid="export-open">
          {t('export.open')}
        </button>
        <button type="button" className="export-toolbar__button" onClick={() => setOpen('views')} disabled={!ready} data-testid="views-open">
          {t('export.views.open')}
          {saved.views.length > 0 && <span className="export-toolbar__count">{saved.views.length}</span>}
        </button>
        <button type="button" className="export-toolbar__button" onClick={() => setPresenting(true)} disabled={!canDraw || saved.views.length === 0} title={needsMap ?? (saved.views.length === 0 ? t('export.present.none') : undefined)} data-testid="present-open">
          {t('export.present.open')}
        </button>
      </div>
      {(open === 'export' || open === 'deck') && canDraw && <ExportDialog onClose={close} views={saved.views} initialScope={open === 'deck' ? 'views' : 'view'} />}
      {open === 'views' && ready && <SavedViewsDialog onClose={close} saved={saved} canDraw={canDraw} onPresent={() => (setOpen(null), setPresenting(true))} onExport={() => setOpen('deck')} />}
      {presenting && canDraw && <Presentation views={saved.views} onExit={() => setPresenting(false)} />}
    </>
  );
}

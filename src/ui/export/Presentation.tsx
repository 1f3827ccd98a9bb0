/**
 * Presentation mode: the saved views one after another, full screen, the panel hidden, the map
 * flying from one view to the next. → / Page Down / Space: next; ← / Page Up: previous; Home / End;
 * Esc leaves and returns to the state the atlas had before.
 */
import { useUserLayersApi } from '../import/use-user-layers.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '../../domain/url-state.ts';
import { viewState, type SavedView } from '../../export/saved-views.ts';
import { useAtlas } from '../app-context.ts';
import { currentState } from './env.ts';

export interface PresentationProps {
  views: SavedView[];
  onExit: () => void;
}

export function Presentation({ views, onExit }: PresentationProps) {
  const { t } = useTranslation();
  const atlas = useAtlas();
  const [index, setIndex] = useState(0);
  const map = atlas.map;
  const before = useRef<AppState>(currentState(atlas.state, map));
  const applyRef = useRef(atlas.apply);
  applyRef.current = atlas.apply;
  const exitRef = useRef(onExit);
  exitRef.current = onExit;
  // Imported layers: each view shows those it recorded; leaving brings back those on before.
  const userLayers = useUserLayersApi();
  const userRef = useRef(userLayers);
  userRef.current = userLayers;
  const userBefore = useRef(userLayers?.refs() ?? null);

  const leave = useCallback(() => {
    const prev = before.current;
    applyRef.current({ ...prev, lang: prev.lang ?? 'zh' });
    if (userBefore.current) userRef.current?.restore(userBefore.current);
    if (prev.view) map?.jumpTo(prev.view);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    exitRef.current();
  }, [map]);

  // Full screen, panel hidden.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('atlas-presenting');
    if (!document.fullscreenElement && root.requestFullscreen) void root.requestFullscreen().catch(() => undefined);
    const onFs = () => {
      // Leaving full screen with the browser's own Esc ends the presentation too.
      if (!document.fullscreenElement && root.classList.contains('atlas-presenting-fs')) leave();
      root.classList.toggle('atlas-presenting-fs', Boolean(document.fullscreenElement));
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      document.removeEventListener('fullscreenchange', onFs);
      root.classList.remove('atlas-presenting', 'atlas-presenting-fs');
    };
  }, [leave]);

  // Fly to the current view.
  useEffect(() => {
    const v = views[index];
    if (!v) return;
    const s = viewState(v);
    applyRef.current({ ...s, lang: s.lang ?? 'zh', view: null });
    if (v.imported) userRef.current?.restore(v.imported);
    // After the panel has gone (one frame), so the map knows its full size.
    if (map) requestAnimationFrame(() => map.frame(v.bounds, { padding: 48, duration: index === 0 ? 900 : 1800 }));
  }, [index, views, map]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      let handled = true;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') setIndex((i) => Math.min(views.length - 1, i + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setIndex((i) => Math.max(0, i - 1));
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(views.length - 1);
      else if (e.key === 'Escape') leave();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [views.length, leave]);

  const v = views[index];
  return (
    <div className="presentation-bar" role="region" aria-label={t('export.present.label')} data-testid="presentation">
      <div className="presentation-bar__title">
        <span className="presentation-bar__count" data-testid="presentation-count">
          {index + 1} / {views.length}
        </span>
        <span className="presentation-bar__name" aria-live="polite" data-testid="presentation-name">
          {v?.name}
        </span>
      </div>
      <div className="presentation-bar__tools">
        <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} aria-label={t('export.present.prev')}>
          ←
        </button>
        <button type="button" onClick={() => setIndex((i) => Math.min(views.length - 1, i + 1))} disabled={index === views.length - 1} aria-label={t('export.present.next')}>
          →
        </button>
        <button type="button" onClick={leave} data-testid="presentation-exit">
          {t('export.present.exit')}
        </button>
      </div>
      <p className="presentation-bar__hint">{t('export.present.hint')}</p>
    </div>
  );
}

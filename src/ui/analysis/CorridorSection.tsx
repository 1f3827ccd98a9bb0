/**
 * Corridor analysis in the side panel, under a selected line project or region: a toggle that turns
 * the analysis on (at 50 km, or the link's distance) and the CorridorPanel. The distance lives in the
 * app's state (and the link), so the map and every export draw the buffer from the derived view.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../domain/catalogue.ts';
import { corridorRegion } from '../../domain/atlas-view.ts';
import { CORRIDOR_KM } from '../../domain/corridor.ts';
import type { Lang, Selection } from '../../domain/url-state.ts';
import { CorridorPanel } from './CorridorPanel.tsx';

export interface CorridorSectionProps {
  catalogue: Catalogue;
  lang: Lang;
  selection: Selection | null;
  /** The distance, km; null: off. */
  km: number | null;
  onKm: (km: number | null) => void;
  onSelectRegion: (code: string) => void;
  onSelectProject: (id: string) => void;
}

/** Whether a selection has a corridor: a line project, or a league, city or county (see corridorRegion). */
export function corridorApplies(catalogue: Catalogue, selection: Selection | null): boolean {
  if (selection?.kind === 'region') return corridorRegion(catalogue, selection.code);
  if (selection?.kind === 'project') return catalogue.project(selection.id)?.geometry.type === 'LineString';
  return false;
}

export function CorridorSection({ catalogue, lang, selection, km, onKm, onSelectRegion, onSelectProject }: CorridorSectionProps) {
  const { t } = useTranslation();
  // The buffer is recomputed for each distance (turf, ~0.1 s): the state follows the typing once it settles.
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const typed = (v: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onKm(v), 300);
  };
  if (!selection || !corridorApplies(catalogue, selection)) return null;
  const target = selection.kind === 'region' ? ({ kind: 'region', code: selection.code } as const) : ({ kind: 'project', id: (selection as { id: string }).id } as const);
  const key = target.kind === 'region' ? target.code : target.id;
  return (
    <div className="corridor-section panel-section" data-testid="corridor-section">
      <button
        type="button"
        className="corridor-section__toggle"
        aria-expanded={km != null}
        onClick={() => onKm(km == null ? CORRIDOR_KM.default : null)}
        data-testid="corridor-toggle"
      >
        <span aria-hidden="true">{km == null ? '▸' : '▾'}</span> {t(target.kind === 'region' ? 'corridor.toggleRegion' : 'corridor.toggleLine')}
      </button>
      {km != null && (
        <CorridorPanel
          key={key}
          catalogue={catalogue}
          lang={lang}
          target={target}
          initialKm={km}
          onKmChange={typed}
          onSelectRegion={onSelectRegion}
          onSelectProject={onSelectProject}
        />
      )}
    </div>
  );
}

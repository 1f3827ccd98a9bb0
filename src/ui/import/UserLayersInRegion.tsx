/**
 * A selected region's imported features: the features of the visible imported layers that touch
 * it, by layer, each with how it touches the region (lies in, crosses with km inside, covers,
 * overlaps) — the same words and the same computation as the plan's projects. Names and
 * descriptions are the user's data: rendered as text only.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
// The touch computation (turf's `intersect`: polyclip-ts and BigNumber, ~25 KB gzip) is loaded
// when an imported layer is first shown, not with the page (bench/README.md, "bytes").
type Touching = typeof import('../../domain/imported-touches.ts').importedTouching;
let touchingCode: Promise<Touching> | null = null;
const loadTouching = () => (touchingCode ??= import('../../domain/imported-touches.ts').then((m) => m.importedTouching));
import type { RegionIndex } from '../../domain/regions.ts';
import { userLayerDef } from '../../map/imported-layers.ts';
import { RelationTags } from '../ProjectRow.tsx';
import { SymbolIcon } from '../SymbolIcon.tsx';
import './import.css';
import { useUserLayersApi } from './use-user-layers.ts';

/** Rows listed per layer; the rest are counted (a file may hold thousands of points in one league). */
export const MAX_ROWS = 50;

export function UserLayersInRegion({ code, regions }: { code: string; regions: RegionIndex | null }) {
  const { t } = useTranslation();
  const api = useUserLayersApi();
  const shown = useMemo(() => (api ? api.layers.filter((l) => api.visible.has(l.id)) : []), [api]);
  const [importedTouching, setImportedTouching] = useState<Touching | null>(null);
  useEffect(() => {
    if (!shown.length || importedTouching) return;
    let live = true;
    void loadTouching().then((f) => live && setImportedTouching(() => f));
    return () => {
      live = false;
    };
  }, [shown.length, importedTouching]);
  const touches = useMemo(() => (regions && shown.length && importedTouching ? importedTouching(code, shown, regions) : []), [code, shown, regions, importedTouching]);
  if (!api || shown.length === 0 || !regions || !importedTouching) return null;
  const byLayer = shown.map((layer) => ({ layer, items: touches.filter((x) => x.layer === layer) })).filter((g) => g.items.length);
  return (
    <section className="panel-section user-in-region" aria-labelledby="user-in-region-heading" data-testid="region-user-features">
      <h3 id="user-in-region-heading">{t('import.heading')}</h3>
      {touches.length === 0 ? (
        <p className="muted" data-testid="region-user-none">
          {t('import.inRegionNone')}
        </p>
      ) : (
        <>
          <p className="summary-line">{t('import.inRegionCount', { count: touches.length })}</p>
          {byLayer.map(({ layer, items }) => {
            const def = userLayerDef(layer);
            return (
              <div key={layer.id} className="user-in-region__layer" data-user-layer={layer.id}>
                <h4 className="measure-group__title">{def.name}</h4>
                <ul className="project-rows">
                  {items.slice(0, MAX_ROWS).map(({ feature, touch }) => {
                    const row = def.legend.find((r) => (feature.geometry.type.endsWith('Point') ? r.kind === 'points' : feature.geometry.type.endsWith('LineString') ? r.kind === 'lines' : r.kind === 'areas'));
                    return (
                      <li key={feature.id} className="project-row" data-testid="region-user-feature">
                        <span className="project-row__symbol">{row && <SymbolIcon symbol={row.symbol} width={24} height={16} />}</span>
                        <span className="project-row__main">
                          <span className="project-row__name" data-testid="region-user-feature-name">
                            {feature.name}
                          </span>
                          {feature.description && (
                            <span className="user-in-region__description muted" data-testid="region-user-feature-description">
                              {feature.description}
                            </span>
                          )}
                          <span className="project-row__meta">
                            <RelationTags touch={{ project: feature.id, named: false, spatial: touch.spatial, ...(touch.km != null ? { km: touch.km } : {}) }} t={t} />
                          </span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
                {items.length > MAX_ROWS && <p className="muted">{t('import.inRegionMore', { count: items.length - MAX_ROWS })}</p>}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}

/**
 * The map legend's rows for the visible imported layers: one block per layer (its name), one row
 * per kind of feature it draws — from the same definition as the map's layers (userLayerDef).
 */
import type { Lang } from '../../domain/url-state.ts';
import { userLayerDef } from '../../map/imported-layers.ts';
import { SymbolIcon } from '../SymbolIcon.tsx';
import { useUserLayersApi } from './use-user-layers.ts';

export function UserLayersLegend({ lang }: { lang: Lang }) {
  const api = useUserLayersApi();
  if (!api) return null;
  const shown = api.layers.filter((l) => api.visible.has(l.id));
  return (
    <>
      {shown.map((layer) => {
        const def = userLayerDef(layer);
        return (
          <div key={layer.id} className="map-legend__layer map-legend__layer--user" data-layer={layer.id} data-testid="legend-user-layer">
            <h4>{def.name}</h4>
            <ul>
              {def.legend.map((r) => (
                <li key={r.kind}>
                  <SymbolIcon symbol={r.symbol} />
                  <span>
                    {r.label[lang]} ({r.count})
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

/** Whether the legend has imported layers to show (for its "nothing shown" line). */
export function useHasVisibleUserLayers(): boolean {
  const api = useUserLayersApi();
  return api ? api.visible.size > 0 : false;
}

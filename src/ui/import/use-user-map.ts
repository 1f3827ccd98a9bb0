/**
 * What the map needs from the imported layers: which to draw (the map draws them above the themes,
 * under the basemap's labels: src/map/imported-deck-layers.ts) and the tooltip text of the feature
 * under the pointer (plain text: the tooltip is React text, never HTML).
 */
import { useCallback, useMemo } from 'react';
import type { UserLayer } from '../../domain/user-layers.ts';
import { pickUserFeature } from '../../map/imported-layers.ts';
import type { Projector } from '../../map/themes/picking.ts';
import type { UserLayersApi } from './use-user-layers.ts';

export interface UserMapProps {
  drawn: { layers: readonly UserLayer[]; visible: ReadonlySet<string> };
  describeAt: (project: Projector, x: number, y: number) => { text: string; sub?: string } | null;
}

export function useUserMap(api: UserLayersApi): UserMapProps {
  const { layers, visible } = api;
  const drawn = useMemo(() => ({ layers, visible }), [layers, visible]);
  const describeAt = useCallback(
    (project: Projector, x: number, y: number) => {
      const hit = pickUserFeature(layers, visible, project, x, y);
      if (!hit) return null;
      const d = hit.feature.description;
      return { text: hit.feature.name, sub: d ? `${hit.layer.name} · ${d.length > 80 ? `${d.slice(0, 79)}…` : d}` : hit.layer.name };
    },
    [layers, visible],
  );
  return useMemo(() => ({ drawn, describeAt }), [drawn, describeAt]);
}

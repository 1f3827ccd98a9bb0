/**
 * What the map needs from the imported layers: their deck.gl layers (drawn above the themes, under
 * the basemap's labels) and the tooltip text of the feature under the pointer (plain text: the
 * tooltip is React text, never HTML).
 */
import type { Layer } from '@deck.gl/core';
import { useCallback, useMemo } from 'react';
import { THEMATIC_BEFORE_ID } from '../../map/basemap/style.ts';
import { buildUserLayers, pickUserFeature } from '../../map/imported-layers.ts';
import type { Projector } from '../../map/themes/common.ts';
import type { UserLayersApi } from './use-user-layers.ts';

export interface UserMapProps {
  layers: Layer[];
  describeAt: (project: Projector, x: number, y: number) => { text: string; sub?: string } | null;
}

export function useUserMap(api: UserLayersApi): UserMapProps {
  const { layers, visible } = api;
  const deck = useMemo(() => buildUserLayers(layers, visible, { scale: 1, beforeId: THEMATIC_BEFORE_ID }), [layers, visible]);
  const describeAt = useCallback(
    (project: Projector, x: number, y: number) => {
      const hit = pickUserFeature(layers, visible, project, x, y);
      if (!hit) return null;
      const d = hit.feature.description;
      return { text: hit.feature.name, sub: d ? `${hit.layer.name} · ${d.length > 80 ? `${d.slice(0, 79)}…` : d}` : hit.layer.name };
    },
    [layers, visible],
  );
  return useMemo(() => ({ layers: deck, describeAt }), [deck, describeAt]);
}

/** The sea: the style's background, so that everything not land reads as water. */
import type { LayerSpecification } from 'maplibre-gl';
import { PALETTE } from './palette.ts';

export function seaLayers(): LayerSpecification[] {
  return [{ id: 'sea', type: 'background', paint: { 'background-color': PALETTE.sea } }];
}

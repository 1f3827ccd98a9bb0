/**
 * Whether deck.gl draws anything for a state (deck-layers.ts buildThemeLayers, the imported
 * layers), answered without deck.gl's code: the page loads that code only once the atlas is drawn,
 * or at once when the state needs it (a selection's halo, a corridor, an imported layer).
 */
import { emphasisedPlaces } from '../../domain/selection.ts';
import { areaCells } from './area-cells.ts';
import { visibleDraw } from './index.ts';
import type { LayerContext } from './types.ts';

export function deckDraws(ctx: LayerContext, visibleIds: Iterable<string>, importedShown: boolean): boolean {
  if (importedShown || ctx.corridor) return true;
  const e = ctx.emphasis;
  if (e.kind === 'selection' && ((e.highlight != null && ctx.catalogue.project(e.highlight)) || emphasisedPlaces(e).size > 0)) return true;
  const draw = visibleDraw(ctx, visibleIds);
  return draw.hatches.length > 0 || areaCells(draw.fills, ctx.catalogue).rest.length > 0;
}

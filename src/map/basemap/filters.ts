/** Filter expressions shared by the basemap's layers. */
import type { FilterSpecification } from 'maplibre-gl';
import type { BorderKind } from '../../domain/types.ts';

/** The border lines of one kind (the tiles' `borders` layer). */
export function isBorder(kind: BorderKind): FilterSpecification {
  return ['==', ['get', 'kind'], kind];
}

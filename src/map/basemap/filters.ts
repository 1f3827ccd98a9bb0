/** Filter expressions shared by the basemap's layers. */
import type { FilterSpecification } from 'maplibre-gl';
import type { BorderKind } from '../../domain/types.ts';

/** Provinces (the tiles' `provinces` layer holds only them; kept as a guard). */
export const isProvince: FilterSpecification = ['==', ['get', 'level'], 'province'];

/** The border lines of one kind (the tiles' `borders` layer). */
export function isBorder(kind: BorderKind): FilterSpecification {
  return ['==', ['get', 'kind'], kind];
}

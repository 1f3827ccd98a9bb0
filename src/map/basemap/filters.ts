/** Filter expressions shared by the basemap's layers. */
import type { FilterSpecification } from 'maplibre-gl';
import type { BorderKind } from '../../domain/types.ts';

/** Provinces (on the `regions` source). */
export const isProvince: FilterSpecification = ['==', ['get', 'level'], 'province'];

/** The border lines of one kind (on the `borders` source). */
export function isBorder(kind: BorderKind): FilterSpecification {
  return ['==', ['get', 'kind'], kind];
}

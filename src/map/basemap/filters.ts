/** Filter expressions shared by the basemap's layers (all on the `regions` source unless named). */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { BorderKind } from '../../domain/types.ts';
import { BOHAI_PROVINCES, INNER_MONGOLIA, PROVINCES_WITH_PREFECTURES } from './codes.ts';

const code: ExpressionSpecification = ['get', 'code'];
const level: ExpressionSpecification = ['get', 'level'];
const parent: ExpressionSpecification = ['get', 'parent'];

export const isProvince: FilterSpecification = ['==', level, 'province'];
export const isBohaiProvince: FilterSpecification = ['all', isProvince, ['in', code, ['literal', [...BOHAI_PROVINCES]]]];

/** Provinces drawn (and hovered) as one piece: all but those whose prefectures are drawn. */
export const isWholeProvince: FilterSpecification = ['all', isProvince, ['!', ['in', code, ['literal', [...PROVINCES_WITH_PREFECTURES]]]]];

/** Inner Mongolia's 12 leagues and prefecture-level cities. */
export const isLeague: FilterSpecification = ['all', ['==', level, 'prefecture'], ['==', parent, INNER_MONGOLIA]];
/** Prefectures of Hebei, Shanxi, Liaoning and Shandong. */
export const isOtherPrefecture: FilterSpecification = ['all', ['==', level, 'prefecture'], ['!=', parent, INNER_MONGOLIA]];
/** Inner Mongolia's banners, counties and districts (their codes start with 15). */
export const isInnerMongoliaCounty: FilterSpecification = ['all', ['==', level, 'county'], ['==', ['slice', code, 0, 2], '15']];

/** The border lines of one kind (on the `borders` source). */
export function isBorder(kind: BorderKind): FilterSpecification {
  return ['==', ['get', 'kind'], kind];
}

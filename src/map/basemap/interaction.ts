/**
 * Layers the app drives: invisible hit areas that decide what a pointer hovers at each zoom, and
 * the hover and selection outlines (drawn under the labels so names stay legible).
 *
 * What is hoverable: Inner Mongolia's leagues below the county zoom, its banners/counties from it;
 * the prefectures of Hebei, Shanxi, Liaoning and Shandong; every other province as a whole; the
 * neighbouring countries.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { COUNTY_ZOOM } from './codes.ts';
import { isInnerMongoliaCounty, isLeague, isOtherPrefecture, isWholeProvince } from './filters.ts';
import { PALETTE } from './palette.ts';
import { SOURCE } from './sources.ts';

/** Hit layers, most specific first (the first hit wins). */
export const HIT_LAYERS = ['hit-counties', 'hit-leagues', 'hit-prefectures', 'hit-provinces', 'hit-countries'] as const;
export type HitLayerId = (typeof HIT_LAYERS)[number];

const invisible = { 'fill-color': '#000000', 'fill-opacity': 0 } as const;

export function hitLayers(): LayerSpecification[] {
  return [
    { id: 'hit-countries', type: 'fill', source: SOURCE.countries, paint: invisible },
    { id: 'hit-provinces', type: 'fill', source: SOURCE.regions, filter: isWholeProvince, paint: invisible },
    { id: 'hit-prefectures', type: 'fill', source: SOURCE.regions, filter: isOtherPrefecture, paint: invisible },
    { id: 'hit-leagues', type: 'fill', source: SOURCE.regions, filter: isLeague, maxzoom: COUNTY_ZOOM, paint: invisible },
    { id: 'hit-counties', type: 'fill', source: SOURCE.regions, filter: isInnerMongoliaCounty, minzoom: COUNTY_ZOOM, paint: invisible },
  ];
}

const HIT_SPECS = new Map(hitLayers().map((l) => [l.id, l]));

/**
 * The hit layers that answer a pointer at `zoom`, most specific first: those MapLibre draws there
 * (minzoom ≤ zoom < maxzoom). queryRenderedFeatures does not check this itself: it asks the tiles of
 * the integer zoom, which hold every layer with floor(minzoom) ≤ that zoom, so at 6.3 the counties
 * (minzoom 6.5) would answer and win over the league the map still shows.
 */
export function hitLayersAt(zoom: number): HitLayerId[] {
  return HIT_LAYERS.filter((id) => {
    const spec = HIT_SPECS.get(id)!;
    return zoom >= (spec.minzoom ?? 0) && zoom < (spec.maxzoom ?? Infinity);
  });
}

export const HIGHLIGHT_LAYERS = {
  fill: ['hover-fill', 'selection-fill'],
  line: ['hover-line', 'selection-casing', 'selection-line'],
} as const;

/** What a highlight feature is drawn as. */
export type HighlightRole = 'hover' | 'selection';
export interface HighlightProps {
  role: HighlightRole;
  /** Region code or ISO alpha-3 of the country. */
  code: string;
}
export type HighlightCollection = FeatureCollection<Polygon | MultiPolygon, HighlightProps>;

/**
 * The data of the highlight source: the selected and the hovered region or country (either may be
 * absent). The layers pick them by role, so hovering and selecting only replace this small source:
 * a filter on the basemap's `regions` source would make MapLibre lay out all of that source's tiles
 * again on every change (its fills and borders), keeping the worker busy and delaying the frame.
 */
export function highlightData(selection: string | null, hover: string | null, shapes: ReadonlyMap<string, Polygon | MultiPolygon>): HighlightCollection {
  const features: HighlightCollection['features'] = [];
  const add = (code: string | null, role: HighlightRole) => {
    const geometry = code ? shapes.get(code) : undefined;
    if (code && geometry) features.push({ type: 'Feature', geometry, properties: { role, code } });
  };
  add(selection, 'selection');
  add(hover, 'hover');
  return { type: 'FeatureCollection', features };
}

const role = (r: HighlightRole): FilterSpecification => ['==', ['get', 'role'], r];

export function highlightLayers(): LayerSpecification[] {
  const source = SOURCE.highlight;
  return [
    { id: 'hover-fill', type: 'fill', source, filter: role('hover'), paint: { 'fill-color': PALETTE.hoverFill } },
    { id: 'selection-fill', type: 'fill', source, filter: role('selection'), paint: { 'fill-color': PALETTE.selectionFill } },
    {
      id: 'hover-line',
      type: 'line',
      source,
      filter: role('hover'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.hoverLine, 'line-width': 1.6, 'line-opacity': 0.85 },
    },
    {
      id: 'selection-casing',
      type: 'line',
      source,
      filter: role('selection'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectionCasing, 'line-width': 5, 'line-opacity': 0.9 },
    },
    {
      id: 'selection-line',
      type: 'line',
      source,
      filter: role('selection'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectionLine, 'line-width': 2.4 },
    },
  ];
}

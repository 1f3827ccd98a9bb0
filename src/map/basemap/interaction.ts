/**
 * Layers the app drives: invisible hit areas that decide what a pointer hovers at each zoom, and
 * the hover and selection outlines (drawn under the labels so names stay legible).
 *
 * What is hoverable: Inner Mongolia's leagues below the county zoom, its banners/counties from it;
 * the prefectures of Hebei, Shanxi, Liaoning and Shandong; every other province as a whole; the
 * neighbouring countries.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { COUNTY_ZOOM } from './codes.ts';
import { byCode, byIso3, isInnerMongoliaCounty, isLeague, isOtherPrefecture, isWholeProvince } from './filters.ts';
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
  regionFill: ['hover-fill', 'selection-fill'],
  regionLine: ['hover-line', 'selection-casing', 'selection-line'],
  countryFill: ['hover-country-fill', 'selection-country-fill'],
  countryLine: ['hover-country-line', 'selection-country-line'],
} as const;

export function highlightLayers(): LayerSpecification[] {
  const none = byCode(null);
  const noCountry = byIso3(null);
  return [
    { id: 'hover-fill', type: 'fill', source: SOURCE.regions, filter: none, paint: { 'fill-color': PALETTE.hoverFill } },
    { id: 'hover-country-fill', type: 'fill', source: SOURCE.countries, filter: noCountry, paint: { 'fill-color': PALETTE.hoverFill } },
    { id: 'selection-fill', type: 'fill', source: SOURCE.regions, filter: none, paint: { 'fill-color': PALETTE.selectionFill } },
    { id: 'selection-country-fill', type: 'fill', source: SOURCE.countries, filter: noCountry, paint: { 'fill-color': PALETTE.selectionFill } },
    {
      id: 'hover-line',
      type: 'line',
      source: SOURCE.regions,
      filter: none,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.hoverLine, 'line-width': 1.6, 'line-opacity': 0.85 },
    },
    {
      id: 'hover-country-line',
      type: 'line',
      source: SOURCE.countries,
      filter: noCountry,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.hoverLine, 'line-width': 1.6, 'line-opacity': 0.85 },
    },
    {
      id: 'selection-casing',
      type: 'line',
      source: SOURCE.regions,
      filter: none,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectionCasing, 'line-width': 5, 'line-opacity': 0.9 },
    },
    {
      id: 'selection-line',
      type: 'line',
      source: SOURCE.regions,
      filter: none,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectionLine, 'line-width': 2.4 },
    },
    {
      id: 'selection-country-line',
      type: 'line',
      source: SOURCE.countries,
      filter: noCountry,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectionLine, 'line-width': 2.4 },
    },
  ];
}

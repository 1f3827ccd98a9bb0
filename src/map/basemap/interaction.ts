/**
 * What a pointer hovers and a click selects, and the hover and selection outlines (drawn under the
 * labels so names stay legible).
 *
 * What is hoverable: Inner Mongolia's leagues below the county zoom, its banners/counties from it;
 * the prefectures of Hebei, Shanxi, Liaoning and Shandong; every other province as a whole; the
 * neighbouring countries. The answer comes from the geography itself (the deepest region whose
 * polygon holds the point, as the catalogue's touches place a point), not from invisible fill
 * layers: MapLibre's worker triangulated all of those at load for nothing but queryRenderedFeatures.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { PolygonPointIndex } from '../../domain/polygon-index.ts';
import { RegionIndex } from '../../domain/regions.ts';
import type { CountryProps, RegionFeature } from '../../domain/types.ts';
import { COUNTY_ZOOM, INNER_MONGOLIA } from '../../domain/vocabulary.ts';
import { PALETTE } from './palette.ts';
import { SOURCE } from './sources.ts';

type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

/** Answers the region or country code at a place and zoom, or null (sea, outside the map's data). */
export type RegionHitTest = (lng: number, lat: number, zoom: number) => string | null;

/**
 * The region or country a pointer at (lng, lat) hovers at `zoom`: a banner/county of Inner Mongolia
 * from COUNTY_ZOOM, its league below it (as the map draws and labels them); a prefecture of the four
 * provinces drawn by prefecture; any other province whole; else a neighbouring country.
 */
export function regionHitTest(regions: readonly RegionFeature[], countries: readonly CountryFeature[]): RegionHitTest {
  const index = new RegionIndex(regions);
  const nations = countries.map((f) => ({ code: f.properties.iso3, geometry: f.geometry, index: null as PolygonPointIndex | null }));
  return (lng, lat, zoom) => {
    const chain = index.chainAt([lng, lat]);
    if (chain.length) {
      const leaf = chain[0]!;
      const county = index.level(leaf) === 'county';
      if (county && zoom < COUNTY_ZOOM) return chain.find((c) => index.get(c)?.properties.parent === INNER_MONGOLIA) ?? leaf;
      return leaf;
    }
    for (const n of nations) {
      n.index ??= new PolygonPointIndex(n.geometry);
      if (n.index.contains(lng, lat)) return n.code;
    }
    return null;
  };
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

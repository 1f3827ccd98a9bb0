/**
 * The map's small changing sources: the highlight (selected and hovered region or country) and the
 * choropleth's shaded regions. They hold exactly what their layers draw; the basemap's tiles
 * are never filtered or recoloured (that would lay out all its tiles again).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import type { RegionCollection } from '../../src/domain/types.ts';
import { choroplethData, choroplethLayers } from '../../src/map/basemap/choropleth.ts';
import { highlightData, highlightLayers } from '../../src/map/basemap/interaction.ts';
import { basemapStyle } from '../../src/map/basemap/style.ts';
import { SOURCE } from '../../src/map/basemap/sources.ts';

const regions = JSON.parse(readFileSync('public/geo/regions.geojson', 'utf8')) as RegionCollection;
const shapes = new Map<string, Polygon | MultiPolygon>(regions.features.map((f) => [f.properties.code, f.geometry]));

describe('highlight source', () => {
  it('holds the selected and the hovered shape, by role', () => {
    const d = highlightData('150200', '150900', shapes);
    expect(d.features.map((f) => [f.properties.role, f.properties.code])).toEqual([
      ['selection', '150200'],
      ['hover', '150900'],
    ]);
    expect(d.features[0]!.geometry).toBe(shapes.get('150200'));
    expect(d.features[1]!.geometry).toBe(shapes.get('150900'));
  });

  it('is empty for no selection and no hover, and skips an unknown code', () => {
    expect(highlightData(null, null, shapes).features).toEqual([]);
    expect(highlightData('999999', '150900', shapes).features.map((f) => f.properties.code)).toEqual(['150900']);
  });

  it('its layers draw one role each, from the highlight source only', () => {
    const roles = highlightLayers().map((l) => [l.id, (l as { source: string }).source, JSON.stringify((l as { filter: unknown }).filter)]);
    for (const [id, source, filter] of roles) {
      expect(source, id).toBe(SOURCE.highlight);
      expect(filter, id).toBe(JSON.stringify(['==', ['get', 'role'], id!.startsWith('hover') ? 'hover' : 'selection']));
    }
  });
});

describe('choropleth source', () => {
  it('holds the coloured leagues and counties with their colour, nothing else', () => {
    const colours = new Map([
      ['150200', '#7fcdbb'],
      ['150222', '#1d91c0'],
      ['150000', '#edf8b1'], // a province: not a choropleth region
    ]);
    const d = choroplethData(regions, colours);
    expect(d.features.map((f) => [f.properties.code, f.properties.level, f.properties.fill])).toEqual([
      ['150200', 'prefecture', '#7fcdbb'],
      ['150222', 'county', '#1d91c0'],
    ]);
    expect(choroplethData(regions, new Map()).features).toEqual([]);
  });

  it('leagues below the county zoom, counties from it, coloured by the feature’s own colour', () => {
    const [leagues, counties] = choroplethLayers() as Array<{ filter: unknown; paint: Record<string, unknown>; maxzoom?: number; minzoom?: number }>;
    expect(leagues!.filter).toEqual(['==', ['get', 'level'], 'prefecture']);
    expect(counties!.filter).toEqual(['==', ['get', 'level'], 'county']);
    expect(leagues!.maxzoom).toBe(counties!.minzoom);
    expect(leagues!.paint['fill-color']).toEqual(['get', 'fill']);
  });
});

describe('the basemap tiles are static', () => {
  it('no layer of the basemap that changes at run time reads them', () => {
    const style = basemapStyle({ data: { labels: { type: 'FeatureCollection', features: [] }, tiles: 'http://x/tiles/{z}/{x}/{y}.pbf' }, lang: 'zh', fontFaces: {}, fonts: { regular: ['a'], bold: ['b'] } as never });
    const changing = [...highlightLayers(), ...choroplethLayers()].map((l) => l.id);
    for (const l of style.layers) if (changing.includes(l.id)) expect((l as { source: string }).source, l.id).not.toBe(SOURCE.basemap);
    expect(style.layers.filter((l) => changing.includes(l.id)).length).toBe(changing.length);
  });
});

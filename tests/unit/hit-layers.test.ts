/**
 * Which of the map's invisible hit layers answer a click or a hover at a zoom: Inner Mongolia's
 * leagues below COUNTY_ZOOM, its counties from it, as the map draws and labels them.
 */
import { describe, expect, it } from 'vitest';
import { COUNTY_ZOOM } from '../../src/map/basemap/codes.ts';
import { countyBorderLayers } from '../../src/map/basemap/counties.ts';
import { HIT_LAYERS, hitLayers, hitLayersAt } from '../../src/map/basemap/interaction.ts';

describe('hit layers at a zoom', () => {
  it('leagues below the county zoom, counties from it; the rest at every zoom', () => {
    const others = ['hit-prefectures', 'hit-provinces', 'hit-countries'];
    for (const z of [3, 6, 6.3, COUNTY_ZOOM - 0.001]) expect(hitLayersAt(z), `zoom ${z}`).toEqual(['hit-leagues', ...others]);
    for (const z of [COUNTY_ZOOM, 6.8, 9, 14]) expect(hitLayersAt(z), `zoom ${z}`).toEqual(['hit-counties', ...others]);
  });

  it('never both a league and a county, and always the most specific first', () => {
    for (let z = 0; z <= 16; z += 0.05) {
      const at = hitLayersAt(z);
      expect(at.includes('hit-leagues') !== at.includes('hit-counties'), `zoom ${z}`).toBe(true);
      expect(at).toEqual(HIT_LAYERS.filter((id) => at.includes(id)));
    }
  });

  it('follows the layers’ own zoom ranges, which end where county borders are fully drawn', () => {
    const spec = new Map(hitLayers().map((l) => [l.id, l]));
    expect(spec.get('hit-counties')!.minzoom).toBe(COUNTY_ZOOM);
    expect(spec.get('hit-leagues')!.maxzoom).toBe(COUNTY_ZOOM);
    // County borders fade in below COUNTY_ZOOM and are fully drawn from it, when counties become clickable.
    const border = countyBorderLayers()[0]!;
    expect(border.type === 'line' && border.paint?.['line-opacity']).toEqual(['interpolate', ['linear'], ['zoom'], COUNTY_ZOOM - 0.5, 0, COUNTY_ZOOM, 1]);
  });
});

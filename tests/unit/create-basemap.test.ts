/**
 * The early map's hand-over (src/map/create-basemap.ts): the page's start may create the map before
 * React renders; AtlasMap takes it once, and a map rebuilt later (after a lost WebGL context) is
 * AtlasMap's own.
 */
import { describe, expect, it } from 'vitest';
import { offerEarlyBasemap, takeEarlyBasemap, type EarlyBasemap } from '../../src/map/create-basemap.ts';

describe('early basemap hand-over', () => {
  it('is taken once; nothing is left for a rebuilt map', () => {
    expect(takeEarlyBasemap()).toBeNull();
    const early = { container: {}, map: {}, hold: { held: true, lift: () => undefined } } as unknown as EarlyBasemap;
    offerEarlyBasemap(early);
    expect(takeEarlyBasemap()).toBe(early);
    expect(takeEarlyBasemap()).toBeNull();
  });
});

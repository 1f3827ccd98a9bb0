/**
 * The basemap's tiles read back for the vector exports (src/export/vector-tiles.ts), checked against
 * the tiles decoded here directly: every town once (none lost, none twice from a neighbour's
 * buffer), rivers joined across the tiles' edges, lake outlines without the tiles' cut edges.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { LineString, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { TILE_LAYER } from '../../src/domain/vocabulary.ts';
import { tileFeatures, tilesCovering, tileZoom, type TileLoader } from '../../src/export/vector-tiles.ts';

const DIR = 'public/tiles';
const load: TileLoader = async (z, x, y) => {
  const file = join(DIR, `${z}/${x}/${y}.pbf`);
  return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
};
/** Around Baotou and the Yellow River's northern bend. */
const BOUNDS: [[number, number], [number, number]] = [[108.2, 39.8], [111.6, 41.6]];
const Z = 7;

/** World position (tile units of zoom z, extent 8192) of a lon/lat. */
function world(p: Position, z: number): [number, number] {
  const size = 8192 * 2 ** z;
  const r = (p[1]! * Math.PI) / 180;
  return [((p[0]! + 180) / 360) * size, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * size];
}

describe('vector-tiles', () => {
  it('reads at the zoom MapLibre draws: floored, within the tiles’ zooms', () => {
    expect(tileZoom(7.6)).toBe(7);
    expect(tileZoom(10.2)).toBe(8);
    expect(tileZoom(-1)).toBe(0);
  });

  it('gives every town of the covering tiles exactly once', async () => {
    const got = (await tileFeatures(load, BOUNDS, Z, [TILE_LAYER.towns])).features.get(TILE_LAYER.towns)!;
    // Directly: each tile's towns, buffer included; a town in two tiles' buffers is one town.
    const { x0, x1, y0, y1 } = tilesCovering(BOUNDS, Z);
    const direct = new Map<string, Position>();
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const bytes = await load(Z, x, y);
        const l = bytes?.length ? new VectorTile(new PbfReader(bytes)).layers[TILE_LAYER.towns] : undefined;
        for (let i = 0; l && i < l.length; i++) {
          const f = l.feature(i).toGeoJSON(x, y, Z);
          const [wx, wy] = world((f.geometry as Point).coordinates, Z);
          // Only those whose own tile is covered (a buffer reaches into the next, uncovered one).
          if (wx >= x0 * 8192 && wx < (x1 + 1) * 8192 && wy >= y0 * 8192 && wy < (y1 + 1) * 8192) direct.set(String(f.properties!.name_zh), (f.geometry as Point).coordinates);
        }
      }
    expect(direct.size).toBeGreaterThan(10);
    const names = got.map((f) => String(f.properties.name_zh));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names)).toEqual(new Set(direct.keys()));
    for (const f of got) {
      const p = (f.geometry as Point).coordinates;
      const q = direct.get(String(f.properties.name_zh))!;
      expect(Math.abs(p[0]! - q[0]!) + Math.abs(p[1]! - q[1]!)).toBeLessThan(1e-6);
    }
  });

  it('joins a river cut by the tiles’ edges into whole lines', async () => {
    const rivers = (await tileFeatures(load, BOUNDS, Z, [TILE_LAYER.rivers])).features.get(TILE_LAYER.rivers)!;
    const yellow = rivers.filter((f) => f.properties.name_zh === '黄河');
    expect(yellow.length).toBeGreaterThan(0);
    const { x0, x1, y0, y1 } = tilesCovering(BOUNDS, Z);
    expect((x1 - x0 + 1) * (y1 - y0 + 1)).toBeGreaterThan(1);
    // No line ends on an edge between two covered tiles: the pieces there were joined.
    for (const f of yellow)
      for (const end of [(f.geometry as LineString).coordinates[0]!, (f.geometry as LineString).coordinates.at(-1)!]) {
        const [wx, wy] = world(end, Z).map((v) => v / 8192);
        const innerX = Math.abs(wx! - Math.round(wx!)) < 1e-6 && Math.round(wx!) > x0 && Math.round(wx!) <= x1;
        const innerY = Math.abs(wy! - Math.round(wy!)) < 1e-6 && Math.round(wy!) > y0 && Math.round(wy!) <= y1;
        expect(innerX || innerY, `黄河 ends at ${end}`).toBe(false);
      }
  });

  it('gives lakes their outline without the tiles’ cut edges', async () => {
    // Ulansuhai Nur (乌梁素海) spans tile edges at zoom 8.
    const lakes = (await tileFeatures(load, [[108.5, 40.6], [109.2, 41.2]], 8, [TILE_LAYER.lakes])).features.get(TILE_LAYER.lakes)!;
    const polys = lakes.filter((f) => f.geometry.type === 'Polygon');
    // Some lake was cut by a tile's edge (its fill reaches it, by the small overlap) …
    const nearEdge = (p: Position) => world(p, 8).some((v) => Math.abs(v / 8192 - Math.round(v / 8192)) * 8192 <= 1.01);
    expect(polys.some((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates[0]!.some(nearEdge))).toBe(true);
    // … and no outline runs along one.
    for (const f of polys)
      for (const run of f.outline!)
        for (let i = 0; i + 1 < run.length; i++) {
          const [a, b] = [world(run[i]!, 8).map((v) => v / 8192), world(run[i + 1]!, 8).map((v) => v / 8192)];
          const along = (k: 0 | 1) => Math.abs(a[k]! - b[k]!) < 1e-9 && Math.abs(a[k]! - Math.round(a[k]!)) < 1e-6;
          expect(along(0) || along(1)).toBe(false);
        }
  });
});

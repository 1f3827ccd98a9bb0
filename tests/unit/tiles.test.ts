/**
 * The basemap's vector tiles (geo/tiles.ts → public/tiles/): one file for every tile over the map's
 * bounds down to TILE_MAXZOOM (a missing one would be a 404 in the console), and decoded, the layers
 * and properties the style reads, in the right place.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { bbox, distance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { tileRange } from '../../geo/tiles.ts';
import { readGazetteer } from '../../geo/towns.ts';
import { RAILWAY_MAIN_KM, TILE_LAYER, TILE_MAXZOOM, TOWN_MINZOOM } from '../../src/domain/vocabulary.ts';
import type { FontManifest } from '../../src/styles/font-manifest.ts';
import { INNER_MONGOLIA } from '../../src/domain/vocabulary.ts';

const DIR = 'public/tiles';
const tile = (z: number, x: number, y: number) => new VectorTile(new PbfReader(readFileSync(join(DIR, `${z}/${x}/${y}.pbf`))));
const features = (t: VectorTile, layer: string, z: number, x: number, y: number): Feature[] => {
  const l = t.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).toGeoJSON(x, y, z) as Feature) : [];
};

describe('public/tiles', () => {
  it('has every tile over the map’s bounds, zoom 0 to TILE_MAXZOOM, and says so in tiles.json', () => {
    let expected = 0;
    for (let z = 0; z <= TILE_MAXZOOM; z++) {
      const r = tileRange(z);
      for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) {
        expected++;
        if (!existsSync(join(DIR, `${z}/${x}/${y}.pbf`))) throw new Error(`missing tile ${z}/${x}/${y}: run \`npm run geo\``);
      }
    }
    const meta = JSON.parse(readFileSync(join(DIR, 'tiles.json'), 'utf8'));
    expect(meta).toMatchObject({ maxzoom: TILE_MAXZOOM, tiles: expected, layers: Object.values(TILE_LAYER) });
  });

  it('the home view’s tiles hold the countries, the provinces (code, level) and every kind of border', () => {
    // Zoom 4 around Inner Mongolia (the first view is at ~4.2).
    const provinces = new Set<string>();
    const kinds = new Set<string>();
    let countries = 0;
    for (const [x, y] of [[12, 5], [13, 5], [14, 5], [12, 6], [13, 6], [14, 6]] as const) {
      const t = tile(4, x, y);
      for (const f of features(t, TILE_LAYER.provinces, 4, x, y)) {
        expect(f.properties!.level).toBe('province');
        provinces.add(String(f.properties!.code));
      }
      for (const f of features(t, TILE_LAYER.borders, 4, x, y)) kinds.add(String(f.properties!.kind));
      countries += features(t, TILE_LAYER.countries, 4, x, y).length;
    }
    for (const code of [INNER_MONGOLIA, '110000', '120000', '130000', '140000', '210000', '370000']) expect(provinces).toContain(code);
    expect([...kinds].sort()).toEqual(['country', 'county', 'inner-mongolia', 'league', 'prefecture', 'province']);
    expect(countries).toBeGreaterThan(0);
  });

  it('holds the railways: main lines from the first view, every line and the main lines’ names from RAILWAY_DETAIL_ZOOM', () => {
    const rail = (z: number, x: number, y: number) => features(tile(z, x, y), TILE_LAYER.railways, z, x, y);
    // Zoom 4, the first view: only main lines, high-speed ones flagged, no names.
    const home = [[12, 5], [13, 5], [14, 5], [12, 6], [13, 6], [14, 6]].flatMap(([x, y]) => rail(4, x!, y!));
    expect(home.length).toBeGreaterThan(50);
    expect(home.every((f) => Number(f.properties!.km) >= RAILWAY_MAIN_KM && f.properties!.name_zh == null)).toBe(true);
    expect(home.some((f) => f.properties!.highspeed === true)).toBe(true);
    // Zoom 6 over 集宁 (113.1° E, 41.0° N): 集通线 and 京包客专线 named in both languages, and short lines too.
    const [x, y] = [Math.floor(((113.1 + 180) / 360) * 64), Math.floor(((1 - Math.log(Math.tan((41 * Math.PI) / 180) + 1 / Math.cos((41 * Math.PI) / 180)) / Math.PI) / 2) * 64)];
    const near = rail(6, x, y);
    const named = new Map(near.filter((f) => f.properties!.name_zh).map((f) => [f.properties!.name_zh, f.properties!.name_en]));
    expect(named.get('集通线')).toBe('Jitong Line');
    expect(named.get('京包客专线')).toBe('Jingbao Passenger Line');
    expect(near.some((f) => Number(f.properties!.km) < RAILWAY_MAIN_KM)).toBe(true);
  });

  it('draws Inner Mongolia where public/geo has it (within 0.03° at zoom 2)', () => {
    const regions = JSON.parse(readFileSync('public/geo/regions.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
    const source = regions.features.find((f) => f.properties.code === INNER_MONGOLIA)!;
    const drawn = features(tile(2, 3, 1), TILE_LAYER.provinces, 2, 3, 1).filter((f) => f.properties!.code === INNER_MONGOLIA);
    expect(drawn.length).toBeGreaterThan(0);
    const a = bbox(source);
    const b = bbox({ type: 'FeatureCollection', features: drawn });
    for (let i = 0; i < 4; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(0.03);
  });
});

/** The tile of zoom z holding a point. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)];
}
const vertices = (f: Feature): number[][] => {
  const out: number[][] = [];
  const walk = (c: unknown) => (typeof (c as number[])[0] === 'number' ? out.push(c as number[]) : (c as unknown[]).forEach(walk));
  walk((f.geometry as { coordinates: unknown }).coordinates);
  return out;
};

describe('public/tiles: rivers, lakes and towns', () => {
  const baotou = readGazetteer('data/places').find((p) => p.id === 'baotou')!;

  it('hold the Yellow River and Baotou in the tiles over Baotou (zoom 7 and 8)', () => {
    for (const z of [7, 8]) {
      const [x, y] = tileOf(baotou.lon, baotou.lat, z);
      const t = tile(z, x, y);
      const huang = features(t, TILE_LAYER.rivers, z, x, y).filter((f) => f.properties!.name_zh === '黄河' && f.properties!.kind === 'river');
      expect(huang.length, `z${z}`).toBeGreaterThan(0);
      expect(huang[0]!.properties).toMatchObject({ name_en: 'Yellow River' });
      // The river runs a few km south of the city.
      const nearest = Math.min(...huang.flatMap(vertices).map((v) => distance(v, [baotou.lon, baotou.lat])));
      expect(nearest).toBeLessThan(12);
      const town = features(t, TILE_LAYER.towns, z, x, y).find((f) => f.properties!.name_zh === baotou.name.zh)!;
      expect(town.properties).toMatchObject({ name_en: baotou.name.en, kind: 'league_seat' });
      expect(distance(vertices(town)[0]!, [baotou.lon, baotou.lat])).toBeLessThan(0.1);
      expect(features(t, TILE_LAYER.towns, z, x, y).filter((f) => f.properties!.kind === 'county_seat').length).toBeGreaterThan(0);
    }
  });

  it('leave out of each zoom the towns it does not draw yet, and keep the great rivers at the first view', () => {
    const kinds = (z: number) => {
      const seen = new Set<string>();
      const r = tileRange(z);
      for (let x = r.x0; x <= r.x1; x++) for (let y = r.y0; y <= r.y1; y++) {
        const l = tile(z, x, y).layers[TILE_LAYER.towns];
        for (let i = 0; l && i < l.length; i++) seen.add(String(l.feature(i).properties.kind));
      }
      return seen;
    };
    for (const z of [4, 5, 6]) {
      const seen = kinds(z);
      for (const [kind, from] of Object.entries(TOWN_MINZOOM)) expect(seen.has(kind), `z${z} ${kind}`).toBe(from < z + 1);
    }
    const [x, y] = tileOf(110, 40.5, 4);
    expect(features(tile(4, x, y), TILE_LAYER.rivers, 4, x, y).some((f) => f.properties!.name_zh === '黄河')).toBe(true);
  });

  it('list every name they can show in tiles.json, and the fonts cover each of its characters', () => {
    const meta = JSON.parse(readFileSync(join(DIR, 'tiles.json'), 'utf8')) as { names: string[] };
    const [x, y] = tileOf(baotou.lon, baotou.lat, 8);
    const t = tile(8, x, y);
    for (const layer of [TILE_LAYER.rivers, TILE_LAYER.lakes, TILE_LAYER.towns]) {
      for (const f of features(t, layer, 8, x, y)) for (const k of ['name_zh', 'name_en']) if (f.properties![k]) expect(meta.names).toContain(f.properties![k]);
    }
    expect(meta.names).toContain('岱海');
    const manifest = JSON.parse(readFileSync('public/fonts/manifest.json', 'utf8')) as FontManifest;
    const ranges = manifest.weights[0]!.faces.flatMap((f) => f.unicodeRange).map((r) => r.replace('U+', '').split('-').map((h) => parseInt(h, 16)));
    const covered = (cp: number) => ranges.some(([a, b]) => cp >= a! && cp <= (b ?? a)!);
    const missing = [...new Set(meta.names.join(''))].filter((ch) => ch !== ' ' && !covered(ch.codePointAt(0)!));
    expect(missing, 'run scripts/fonts.ts after the geo build').toEqual([]);
  });
});

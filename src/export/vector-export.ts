/**
 * What the vector exports read in the browser besides the live atlas's data: the basemap's border
 * runs (public/geo/borders.json; the map itself draws them from its tiles) and the app's subset
 * font files to embed in SVG (public/fonts). Both are loaded on the first vector export and kept.
 */
import { bordersOf } from '../domain/border-lines.ts';
import type { Catalogue } from '../domain/catalogue.ts';
import type { BorderRuns } from '../domain/types.ts';
import type { GeoData } from '../map/geodata.ts';
import { assetUrl, getJson } from '../styles/assets.ts';
import type { FontManifest } from '../styles/font-manifest.ts';
import type { SvgFontFace } from './render-svg.ts';
import type { VectorMapData } from './vector-map.ts';

const bordersCache = new WeakMap<GeoData, Promise<VectorMapData['borders']>>();

export async function vectorMapData(catalogue: Catalogue, geo: GeoData): Promise<VectorMapData> {
  let borders = bordersCache.get(geo);
  if (!borders) {
    borders = getJson<BorderRuns>('geo/borders.json').then((runs) => bordersOf(runs, geo.regions.features, geo.countries.features));
    borders.catch(() => bordersCache.delete(geo));
    bordersCache.set(geo, borders);
  }
  return { catalogue, geo, borders: await borders, tiles: loadTile };
}

const tileCache = new Map<string, Promise<Uint8Array | null>>();
let archive: Promise<import('pmtiles').PMTiles> | null = null;

/**
 * A tile of the basemap, as the live map reads it (src/map/create-basemap.ts basemapTilesUrl): from
 * public/tiles, or from the PMTiles archive in a build with `ATLAS_TILES=pmtiles`; null where the
 * build cut none (outside the map's bounds).
 */
function loadTile(z: number, x: number, y: number): Promise<Uint8Array | null> {
  const key = `${z}/${x}/${y}`;
  let tile = tileCache.get(key);
  if (!tile) {
    const file = typeof __ATLAS_PMTILES__ === 'string' ? __ATLAS_PMTILES__ : null;
    if (file) {
      archive ??= import('pmtiles').then(({ PMTiles }) => new PMTiles(assetUrl(file)));
      tile = archive.then(async (a) => {
        const r = await a.getZxy(z, x, y);
        return r ? new Uint8Array(r.data) : null;
      });
    } else
      tile = fetch(assetUrl(`tiles/${key}.pbf`)).then(async (res) => {
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`tiles/${key}.pbf: HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      });
    tile.catch(() => tileCache.delete(key));
    tileCache.set(key, tile);
  }
  return tile;
}

let faces: Promise<SvgFontFace[]> | null = null;

/** The app's font faces (public/fonts/manifest.json), with their WOFF2 bytes. */
export function svgFontFaces(): Promise<SvgFontFace[]> {
  faces ??= (async () => {
    const manifest = await getJson<FontManifest>('fonts/manifest.json');
    const all = manifest.weights.flatMap((w) => w.faces.map((f) => ({ w, f })));
    return Promise.all(
      all.map(async ({ w, f }) => {
        const res = await fetch(assetUrl(`fonts/${f.file}`));
        if (!res.ok) throw new Error(`fonts/${f.file}: HTTP ${res.status}`);
        return {
          family: f.source.includes('noto-sans-sc') ? ('Noto Sans SC' as const) : ('Noto Sans' as const),
          weight: (w.weight >= 550 ? 600 : 400) as 400 | 600,
          unicodeRange: f.unicodeRange,
          woff2: new Uint8Array(await res.arrayBuffer()),
        };
      }),
    );
  })();
  faces.catch(() => (faces = null));
  return faces;
}

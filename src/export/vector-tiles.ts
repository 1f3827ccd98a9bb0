/**
 * The basemap's vector tiles (public/tiles, cut by geo/tiles.ts) read back as lon/lat features for
 * the vector exports: the layers that exist only in the tiles (rivers, lakes, railways, towns and
 * their names) are drawn from the same tiles the live and the raster map draw, at the tile zoom
 * MapLibre would use for the view (the map's zoom, floored, clamped to TILE_MAXZOOM).
 *
 * A tile holds its features 16 px past its edges (geo/tiles.ts BUFFER): here each tile keeps only
 * what lies in its own square — a point in exactly one tile, lines cut at the edges and the pieces
 * of one line joined again across them, so that a town or a river is named once and dashes run on.
 * Polygons keep a sliver of overlap for their fill (no hairline seam between tiles) and give their
 * outline without the cut edges (as MapLibre, which clips each tile's drawing to its square).
 * Decoding: @mapbox/vector-tile and pbf, MapLibre's own decoder. Pure: the tiles come from a loader.
 */
import { classifyRings, VectorTile } from '@mapbox/vector-tile';
import type Point from '@mapbox/point-geometry';
import type { Geometry, Position } from 'geojson';
import { PbfReader } from 'pbf';
import { MAP_BOUNDS, TILE_MAXZOOM } from '../domain/vocabulary.ts';
import { clipLine, clipRing, type Pt, type Rect } from './vector-geom.ts';

/** The bytes of tile z/x/y, or null where none exists (outside the map's bounds). */
export type TileLoader = (z: number, x: number, y: number) => Promise<Uint8Array | null>;

export interface TileFeature {
  geometry: Geometry;
  properties: Record<string, unknown>;
  /** A polygon's outline without the edges where the tiles cut it (line layers draw this). */
  outline?: Position[][];
}

/** A line's piece within one tile (cut at its square), as MapLibre places names along lines: tile by tile. */
export interface TileLinePiece {
  /** `z/x/y` of its tile. */
  tile: string;
  coordinates: Position[];
  properties: Record<string, unknown>;
  /** It begins on the tile's edge (the line comes from the next tile). */
  continued: boolean;
}

export interface TileData {
  /** By source layer: points once, lines joined across tiles, polygons. */
  features: Map<string, TileFeature[]>;
  /** By source layer: the lines' pieces tile by tile (for names along them). */
  pieces: Map<string, TileLinePiece[]>;
}

/** The tile zoom MapLibre draws a 512-px vector source at for a map zoom. */
export function tileZoom(zoom: number): number {
  return Math.max(0, Math.min(TILE_MAXZOOM, Math.floor(zoom)));
}

/**
 * The tiles (x, y ranges, inclusive) covering lon/lat bounds at zoom z, within the map's bounds
 * (geo/tiles.ts cuts none outside them: asking would be a 404 in the console).
 */
export function tilesCovering(bounds: [[number, number], [number, number]], z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const tx = (lon: number) => Math.max(0, Math.min(n - 1, Math.floor(((lon + 180) / 360) * n)));
  const ty = (lat: number) => {
    const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    return Math.max(0, Math.min(n - 1, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  };
  const [[W, S], [E, N]] = MAP_BOUNDS;
  const [[w, s], [e, nth]] = bounds;
  return { x0: tx(Math.max(w, W)), x1: tx(Math.min(e, E)), y0: ty(Math.min(nth, N)), y1: ty(Math.max(s, S)) };
}

/** Global tile units (tile x × extent + x within it) at zoom z → lon/lat. */
function lonLat(p: Pt, size: number): Position {
  const lon = (p[0] / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * p[1]) / size))) * 180) / Math.PI;
  return [lon, lat];
}

const key = (p: Pt) => `${Math.round(p[0] * 1000)},${Math.round(p[1] * 1000)}`;

/** Joins pieces of lines with the same properties where one ends and the next begins (the tiles' edges). */
function joinLines(pieces: { props: string; pts: Pt[] }[]): { props: string; pts: Pt[] }[] {
  const byStart = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    const k = `${p.props}|${key(p.pts[0]!)}`;
    byStart.set(k, [...(byStart.get(k) ?? []), i]);
  });
  const used = new Uint8Array(pieces.length);
  const hasPredecessor = new Uint8Array(pieces.length);
  pieces.forEach((p) => {
    for (const j of byStart.get(`${p.props}|${key(p.pts[p.pts.length - 1]!)}`) ?? []) if (pieces[j] !== p) hasPredecessor[j] = 1;
  });
  const out: { props: string; pts: Pt[] }[] = [];
  const chain = (i: number) => {
    used[i] = 1;
    const pts = [...pieces[i]!.pts];
    for (;;) {
      const next = (byStart.get(`${pieces[i]!.props}|${key(pts[pts.length - 1]!)}`) ?? []).find((j) => !used[j]);
      if (next == null) break;
      used[next] = 1;
      pts.push(...pieces[next]!.pts.slice(1));
    }
    out.push({ props: pieces[i]!.props, pts });
  };
  // Chains start where no piece leads in; what is left are rings.
  pieces.forEach((_, i) => !used[i] && !hasPredecessor[i] && chain(i));
  pieces.forEach((_, i) => !used[i] && chain(i));
  return out;
}

/** Splits a clipped ring into the runs of its edges that do not lie along the tile's square. */
function outlineRuns(ring: Pt[], r: Rect): Pt[][] {
  const onEdge = (a: Pt, b: Pt) => (a[0] === b[0] && (a[0] === r.x0 || a[0] === r.x1)) || (a[1] === b[1] && (a[1] === r.y0 || a[1] === r.y1));
  const n = ring.length;
  const cut = ring.findIndex((p, i) => onEdge(p, ring[(i + 1) % n]!));
  if (cut < 0) return [[...ring, ring[0]!]];
  const runs: Pt[][] = [];
  let cur: Pt[] = [];
  for (let s = 1; s <= n; s++) {
    const i = (cut + s) % n;
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    if (onEdge(a, b)) {
      if (cur.length > 1) runs.push(cur);
      cur = [];
    } else {
      if (!cur.length) cur.push(a);
      cur.push(b);
    }
  }
  if (cur.length > 1) runs.push(cur);
  return runs;
}

/** Extent units of overlap kept between neighbouring tiles' polygon pieces (1/16 px at zoom z). */
const FILL_OVERLAP = 1;

/**
 * The features of the named tile layers over `bounds`, in lon/lat, from the tiles of zoom `z`:
 * each point once, lines joined across tile edges, polygons as described above.
 */
export async function tileFeatures(load: TileLoader, bounds: [[number, number], [number, number]], z: number, layers: readonly string[]): Promise<TileData> {
  const out = new Map<string, TileFeature[]>(layers.map((l) => [l, []]));
  const pieces = new Map<string, TileLinePiece[]>(layers.map((l) => [l, []]));
  const result = { features: out, pieces };
  if (!layers.length) return result;
  const { x0, x1, y0, y1 } = tilesCovering(bounds, z);
  if (x0 > x1 || y0 > y1) return result;
  const jobs: Promise<{ x: number; y: number; bytes: Uint8Array | null }>[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) jobs.push(load(z, x, y).then((bytes) => ({ x, y, bytes })));
  const tiles = await Promise.all(jobs);
  const lines = new Map<string, { props: string; pts: Pt[] }[]>(layers.map((l) => [l, []]));
  const propsOf = new Map<string, Record<string, unknown>>();
  let size = 0;
  for (const { x, y, bytes } of tiles) {
    if (!bytes?.length) continue;
    const tile = new VectorTile(new PbfReader(bytes));
    for (const name of layers) {
      const layer = tile.layers[name];
      if (!layer) continue;
      const e = layer.extent;
      size = e * 2 ** z;
      const own: Rect = { x0: x * e, y0: y * e, x1: (x + 1) * e, y1: (y + 1) * e };
      const glob = (p: Point): Pt => [x * e + p.x, y * e + p.y];
      const ll = (pts: Pt[]) => pts.map((p) => lonLat(p, size));
      for (let i = 0; i < layer.length; i++) {
        const f = layer.feature(i);
        const props = f.properties as Record<string, unknown>;
        const geom = f.loadGeometry();
        if (f.type === 1) {
          for (const p of geom.flat()) {
            const g = glob(p);
            if (g[0] >= own.x0 && g[0] < own.x1 && g[1] >= own.y0 && g[1] < own.y1) out.get(name)!.push({ geometry: { type: 'Point', coordinates: lonLat(g, size) }, properties: props });
          }
        } else if (f.type === 2) {
          const pk = JSON.stringify(props);
          propsOf.set(pk, props);
          for (const line of geom)
            for (const piece of clipLine(line.map(glob), own)) {
              lines.get(name)!.push({ props: pk, pts: piece });
              const [sx, sy] = piece[0]!;
              const continued = sx === own.x0 || sx === own.x1 || sy === own.y0 || sy === own.y1;
              pieces.get(name)!.push({ tile: `${z}/${x}/${y}`, coordinates: piece.map((p) => lonLat(p, e * 2 ** z)), properties: props, continued });
            }
        } else if (f.type === 3) {
          const fillBox: Rect = { x0: own.x0 - FILL_OVERLAP, y0: own.y0 - FILL_OVERLAP, x1: own.x1 + FILL_OVERLAP, y1: own.y1 + FILL_OVERLAP };
          for (const poly of classifyRings(geom)) {
            const rings = poly.map((r) => r.map(glob));
            const fill = rings.map((r) => clipRing(r, fillBox)).filter((r) => r.length >= 3);
            if (!fill.length || !rings[0] || clipRing(rings[0], fillBox).length < 3) continue;
            const outline = rings.flatMap((r) => {
              const c = clipRing(r, own);
              return c.length >= 3 ? outlineRuns(c, own) : [];
            });
            out.get(name)!.push({ geometry: { type: 'Polygon', coordinates: fill.map((r) => ll([...r, r[0]!])) }, properties: props, outline: outline.map(ll) });
          }
        }
      }
    }
  }
  for (const [name, parts] of lines)
    for (const l of joinLines(parts)) out.get(name)!.push({ geometry: { type: 'LineString', coordinates: l.pts.map((p) => lonLat(p, size)) }, properties: propsOf.get(l.props)! });
  return result;
}

/**
 * Decoder for echarts' compressed map JSON (`UTF8Encoding: true`), as shipped in
 * echarts@4.9.0 `map/json/*.json`.
 *
 * Mirrors `decode` / `decodePolygon` in node_modules/echarts/lib/coord/geo/parseGeoJson.js:
 * every ring is a string read two characters at a time (x, y); each character code minus 64
 * is a zigzag-encoded delta (`v = (v >> 1) ^ -(v & 1)`), added to the running value that
 * starts at the ring's `encodeOffsets` entry; the result is divided by `UTF8Scale`
 * (default 1024). The first pair of every ring is usually "@@" (delta 0), i.e. the first
 * vertex is the offset itself.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** An echarts-encoded geometry: rings are strings, offsets are [x, y] per ring. */
export interface EncodedPolygon {
  type: 'Polygon';
  coordinates: string[];
  encodeOffsets: [number, number][];
}
export interface EncodedMultiPolygon {
  type: 'MultiPolygon';
  coordinates: string[][];
  encodeOffsets: [number, number][][];
}
export interface EncodedFeature {
  type: 'Feature';
  id?: string;
  properties: Record<string, unknown>;
  geometry: EncodedPolygon | EncodedMultiPolygon;
}
export interface EncodedCollection {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EncodedFeature[];
}

/** Decodes one ring string starting at `offset` ([x, y] in scaled integer units). */
export function decodeRing(encoded: string, offset: readonly [number, number], scale = 1024): Position[] {
  if (encoded.length % 2 !== 0) throw new Error(`echarts ring has odd length ${encoded.length}`);
  const out: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    // ZigZag decoding
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    // Delta decoding
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

/** Decodes a Polygon / MultiPolygon geometry of an encoded collection. */
export function decodeGeometry(g: EncodedPolygon | EncodedMultiPolygon, scale = 1024): Polygon | MultiPolygon {
  if (g.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: g.coordinates.map((ring, i) => decodeRing(ring, offsetAt(g.encodeOffsets[i], i), scale)),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((poly, i) =>
      poly.map((ring, k) => decodeRing(ring, offsetAt(g.encodeOffsets[i]?.[k], k), scale)),
    ),
  };
}

function offsetAt(o: [number, number] | undefined, i: number): [number, number] {
  if (!o) throw new Error(`echarts geometry lacks encodeOffsets for ring ${i}`);
  return o;
}

/** Decodes a whole echarts map JSON; plain (not encoded) collections pass through unchanged. */
export function decodeCollection(json: EncodedCollection | FeatureCollection): FeatureCollection<Polygon | MultiPolygon> {
  if (!('UTF8Encoding' in json) || !json.UTF8Encoding) return json as FeatureCollection<Polygon | MultiPolygon>;
  const scale = json.UTF8Scale ?? 1024;
  const features: Feature<Polygon | MultiPolygon>[] = (json as EncodedCollection).features.map((f) => ({
    type: 'Feature',
    ...(f.id !== undefined ? { id: f.id } : {}),
    properties: f.properties,
    geometry: decodeGeometry(f.geometry, scale),
  }));
  return { type: 'FeatureCollection', features };
}

/** Encodes rings the way echarts does (used only by tests to build known samples). */
export function encodeRing(ring: readonly Position[], scale = 1024): { encoded: string; offset: [number, number] } {
  const first = ring[0];
  if (!first) return { encoded: '', offset: [0, 0] };
  const offset: [number, number] = [Math.round(first[0]! * scale), Math.round(first[1]! * scale)];
  let prevX = offset[0];
  let prevY = offset[1];
  let s = '';
  for (const p of ring) {
    const x = Math.round(p[0]! * scale);
    const y = Math.round(p[1]! * scale);
    s += String.fromCharCode(zigzag(x - prevX) + 64, zigzag(y - prevY) + 64);
    prevX = x;
    prevY = y;
  }
  return { encoded: s, offset };
}

function zigzag(v: number): number {
  return (v << 1) ^ (v >> 31);
}

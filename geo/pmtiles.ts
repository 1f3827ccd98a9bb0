/**
 * The basemap's tiles as one PMTiles archive (version 3, https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md),
 * for hosts where thousands of small files hurt (upload limits, per-file costs, slow listings). The
 * page reads it with the `pmtiles` package (HTTP range requests); this writer is ours because that
 * package only reads. Built from the tile directory geo/tiles.ts writes, so it holds exactly the
 * same tiles, whatever layers they carry.
 *
 *   npx tsx geo/pmtiles.ts [--in public/tiles] [--out public/tiles.pmtiles]
 *
 * `ATLAS_TILES=pmtiles npm run build` builds the site with the archive instead of the directory
 * (vite.config.ts). Tiles are stored gzipped (the archive is served byte-ranged, so a host cannot
 * compress it on the fly) and identical tiles once (the empty sea tiles are most of them).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';
import { MAP_BOUNDS, TILE_MAXZOOM } from '../src/domain/vocabulary.ts';

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB (the reader's first request). */
const ROOT_MAX = 16_384 - HEADER_BYTES;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

function varint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** A directory as the spec serialises it: counts, then tile-id deltas, run lengths, lengths, offsets. */
function serialiseDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous entry's data".
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out), { level: 9 });
}

/** The root directory, with leaf directories when all entries do not fit in it (the spec's usual split). */
function directories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const whole = serialiseDirectory(entries);
  if (whole.length <= ROOT_MAX) return { root: whole, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serialiseDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = serialiseDirectory(rootEntries);
    if (root.length <= ROOT_MAX) return { root, leaves: Buffer.concat(leafParts) };
  }
}

/** Every `z/x/y.pbf` under `dir`. */
function readTileDirectory(dir: string): Array<{ z: number; x: number; y: number; data: Buffer }> {
  const tiles: Array<{ z: number; x: number; y: number; data: Buffer }> = [];
  for (const z of fs.readdirSync(dir)) {
    if (!/^\d+$/.test(z)) continue;
    for (const x of fs.readdirSync(path.join(dir, z))) {
      for (const f of fs.readdirSync(path.join(dir, z, x))) {
        const m = /^(\d+)\.pbf$/.exec(f);
        if (m) tiles.push({ z: Number(z), x: Number(x), y: Number(m[1]), data: fs.readFileSync(path.join(dir, z, x, f)) });
      }
    }
  }
  return tiles;
}

export interface Archive {
  bytes: Buffer;
  tiles: number;
  /** Distinct tile contents stored. */
  contents: number;
  /** The first 8 hex digits of the archive's SHA-256: a name that changes when the tiles do. */
  hash: string;
}

/** The PMTiles archive of the tile directory `dir` (as geo/tiles.ts writes it). */
export function pmtilesArchive(dir: string): Archive {
  const tiles = readTileDirectory(dir)
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  if (tiles.length === 0) throw new Error(`pmtiles: no tiles under ${dir}`);
  const byContent = new Map<string, { offset: number; length: number }>();
  const data: Buffer[] = [];
  let dataLength = 0;
  const entries: Entry[] = [];
  for (const t of tiles) {
    const key = createHash('sha256').update(t.data).digest('hex');
    let stored = byContent.get(key);
    if (!stored) {
      const gz = gzipSync(t.data, { level: 9 });
      stored = { offset: dataLength, length: gz.length };
      byContent.set(key, stored);
      data.push(gz);
      dataLength += gz.length;
    }
    const prev = entries[entries.length - 1];
    if (prev && prev.offset === stored.offset && prev.tileId + prev.runLength === t.tileId) prev.runLength++;
    else entries.push({ tileId: t.tileId, offset: stored.offset, length: stored.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries);
  const metadata = gzipSync(Buffer.from(JSON.stringify({ name: 'Plan Atlas basemap', format: 'pbf' })), { level: 9 });
  const minZoom = Math.min(...tiles.map((t) => t.z));
  const maxZoom = Math.max(...tiles.map((t) => t.z));
  if (maxZoom > TILE_MAXZOOM) throw new Error(`pmtiles: tiles to zoom ${maxZoom}, the map reads to ${TILE_MAXZOOM}`);
  const [[west, south], [east, north]] = MAP_BOUNDS;

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  const u64 = (at: number, n: number) => header.writeBigUInt64LE(BigInt(n), at);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, tiles.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, byContent.size); // tile contents
  header.writeUInt8(1, 96); // clustered: data in tile-id order
  header.writeUInt8(COMPRESSION_GZIP, 97); // directories and metadata
  header.writeUInt8(COMPRESSION_GZIP, 98); // tiles
  header.writeUInt8(TILE_TYPE_MVT, 99);
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  header.writeInt32LE(e7(west), 102);
  header.writeInt32LE(e7(south), 106);
  header.writeInt32LE(e7(east), 110);
  header.writeInt32LE(e7(north), 114);
  header.writeUInt8(minZoom, 118);
  header.writeInt32LE(e7((west + east) / 2), 119);
  header.writeInt32LE(e7((south + north) / 2), 123);

  const bytes = Buffer.concat([header, root, metadata, leaves, ...data]);
  return { bytes, tiles: tiles.length, contents: byContent.size, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 8) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const input = arg('--in', 'public/tiles');
  const out = arg('--out', 'public/tiles.pmtiles');
  const a = pmtilesArchive(input);
  fs.writeFileSync(out, a.bytes);
  console.log(`[pmtiles] ${out}: ${a.tiles} tiles (${a.contents} distinct), ${(a.bytes.length / 1024).toFixed(1)} KB`);
}

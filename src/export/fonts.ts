/**
 * Fonts of the exported files. The app's own "Atlas Sans" is cut to the characters the atlas ships
 * (1,253), but an export carries text the user types (its title), so exports use the full
 * Fontsource files the subset was cut from: Noto Sans (Latin) and Noto Sans SC's
 * "chinese-simplified" slice (7,947 characters, every one the atlas's data uses), weights 400 and 600.
 * They are bundled with the app (Vite copies them into dist/assets) and loaded only when an export
 * starts, as WOFF (zlib): the browser draws PNG text with them, and for PDF they are unpacked here to
 * TrueType, which jsPDF embeds as a subset with a ToUnicode map (selectable, searchable text).
 *
 * Characters neither font has are reported (`missingChars`) so the dialog can say so before export.
 */
import latin400Url from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin600Url from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff?url';
import sc400Url from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import sc600Url from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-600-normal.woff?url';

/** CSS families for canvas text: Latin first (by unicode range), Chinese and the rest next. */
export const LATIN_FAMILY = 'Atlas Export Latin';
export const SC_FAMILY = 'Atlas Export SC';
export const FONT_STACK = `"${LATIN_FAMILY}", "${SC_FAMILY}"`;

/** Fontsource's range of its "latin" slice. */
export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

export type FontKey = 'latin400' | 'latin600' | 'sc400' | 'sc600';

export interface ExportFonts {
  /** TrueType bytes per face (for PDF). */
  ttf: Record<FontKey, Uint8Array>;
  /** Code points each family maps. */
  latin: Set<number>;
  sc: Set<number>;
}

const URLS: Record<FontKey, string> = { latin400: latin400Url, latin600: latin600Url, sc400: sc400Url, sc600: sc600Url };

// ---------------------------------------------------------------------------------------------
// WOFF 1.0 → SFNT (TrueType): every table is zlib-compressed on its own (or stored).

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const dv = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (dv.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = dv.getUint32(4);
  const numTables = dv.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const tag = dv.getUint32(o);
    const offset = dv.getUint32(o + 4);
    const compLength = dv.getUint32(o + 8);
    const origLength = dv.getUint32(o + 12);
    const checksum = dv.getUint32(o + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? await inflate(raw) : raw });
  }
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  const es = Math.floor(Math.log2(numTables));
  const sr = 2 ** es * 16;
  o.setUint16(6, sr);
  o.setUint16(8, es);
  o.setUint16(10, numTables * 16 - sr);
  let off = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    o.setUint32(r, t.tag);
    o.setUint32(r + 4, t.checksum);
    o.setUint32(r + 8, off);
    o.setUint32(r + 12, t.data.length);
    out.set(t.data, off);
    off += (t.data.length + 3) & ~3;
  });
  return out;
}

/** The code points an SFNT font maps (cmap formats 4 and 12). */
export function cmapCodePoints(sfnt: Uint8Array): Set<number> {
  const dv = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const numTables = dv.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    if (dv.getUint32(12 + i * 16) === 0x636d6170) cmap = dv.getUint32(12 + i * 16 + 8);
  }
  const out = new Set<number>();
  if (cmap < 0) return out;
  const n = dv.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < n; i++) {
    const platform = dv.getUint16(cmap + 4 + i * 8);
    const encoding = dv.getUint16(cmap + 4 + i * 8 + 2);
    const offset = cmap + dv.getUint32(cmap + 4 + i * 8 + 4);
    const format = dv.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 || (format === 4 && bestFormat !== 12)) {
      best = offset;
      bestFormat = format;
    }
  }
  if (best < 0) return out;
  if (bestFormat === 12) {
    const groups = dv.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const start = dv.getUint32(best + 16 + g * 12);
      const end = dv.getUint32(best + 16 + g * 12 + 4);
      const glyph = dv.getUint32(best + 16 + g * 12 + 8);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
    }
  } else {
    const segX2 = dv.getUint16(best + 6);
    const ends = best + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = dv.getUint16(ends + s * 2);
      const start = dv.getUint16(starts + s * 2);
      const delta = dv.getInt16(deltas + s * 2);
      const ro = dv.getUint16(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (ro === 0) glyph = (c + delta) & 0xffff;
        else {
          const gi = dv.getUint16(rangeOffsets + s * 2 + ro + (c - start) * 2);
          glyph = gi === 0 ? 0 : (gi + delta) & 0xffff;
        }
        if (glyph !== 0) out.add(c);
      }
    }
  }
  return out;
}

function inLatinRange(cp: number): boolean {
  return LATIN_RANGE.split(',').some((r) => {
    const [a, b] = r.replace('U+', '').split('-') as [string, string?];
    const lo = parseInt(a, 16);
    const hi = parseInt(b ?? a, 16);
    return cp >= lo && cp <= hi;
  });
}

/** The export fonts from their WOFF files: TrueType for PDF, and the characters each family maps. */
export async function exportFontsFromWoff(woff: Record<FontKey, Uint8Array>): Promise<ExportFonts> {
  const ttf = {} as Record<FontKey, Uint8Array>;
  for (const k of Object.keys(woff) as FontKey[]) ttf[k] = await woffToSfnt(woff[k]);
  const latin = new Set([...cmapCodePoints(ttf.latin400)].filter(inLatinRange));
  const sc = cmapCodePoints(ttf.sc400);
  return { ttf, latin, sc };
}

/** Where the export fonts come from (Fontsource's files, as bundled by Vite; read from node_modules by tests). */
export const EXPORT_FONT_FILES: Record<FontKey, string> = {
  latin400: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  latin600: '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff',
  sc400: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
  sc600: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-600-normal.woff',
};

let loading: Promise<ExportFonts> | null = null;

/** Loads the export fonts once: registers the canvas faces and unpacks TrueType for PDF. */
export function loadExportFonts(): Promise<ExportFonts> {
  loading ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(URLS) as FontKey[]).map(async (k) => {
        const res = await fetch(new URL(URLS[k], document.baseURI).href);
        if (!res.ok) throw new Error(`export font ${k}: HTTP ${res.status}`);
        return [k, new Uint8Array(await res.arrayBuffer())] as const;
      }),
    );
    const woff = Object.fromEntries(entries) as Record<FontKey, Uint8Array>;
    const faces: FontFace[] = [
      new FontFace(LATIN_FAMILY, woff.latin400 as BufferSource, { weight: '400', unicodeRange: LATIN_RANGE }),
      new FontFace(LATIN_FAMILY, woff.latin600 as BufferSource, { weight: '600', unicodeRange: LATIN_RANGE }),
      new FontFace(SC_FAMILY, woff.sc400 as BufferSource, { weight: '400' }),
      new FontFace(SC_FAMILY, woff.sc600 as BufferSource, { weight: '600' }),
    ];
    await Promise.all(faces.map((f) => f.load()));
    for (const f of faces) document.fonts.add(f);
    return exportFontsFromWoff(woff);
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** Which family draws a character in exports. */
export function familyOf(cp: number, fonts: Pick<ExportFonts, 'latin'>): 'latin' | 'sc' {
  return fonts.latin.has(cp) ? 'latin' : 'sc';
}

/** Characters of `text` that neither export font has (shown as a warning before export). */
export function missingChars(text: string, fonts: Pick<ExportFonts, 'latin' | 'sc'>): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\n') continue;
    if (!fonts.latin.has(cp) && !fonts.sc.has(cp)) out.add(ch);
  }
  return [...out];
}

/** Splits text into runs of one family each (for PDF, which has no font fallback). */
export function fontRuns(text: string, fonts: Pick<ExportFonts, 'latin'>): { family: 'latin' | 'sc'; text: string }[] {
  const runs: { family: 'latin' | 'sc'; text: string }[] = [];
  for (const ch of text) {
    const fam = familyOf(ch.codePointAt(0)!, fonts);
    const last = runs[runs.length - 1];
    if (last && last.family === fam) last.text += ch;
    else runs.push({ family: fam, text: ch });
  }
  return runs;
}

/** A canvas font string in the export families. */
export function canvasFont(size: number, weight: 400 | 600): string {
  return `${weight} ${size}px ${FONT_STACK}`;
}

/**
 * Builds the atlas's offline fonts: subsets of Noto Sans (Latin) and Noto Sans SC (Chinese) holding
 * exactly the characters the atlas shows, so that the HTML UI and the map labels render the same
 * font with no glyph server, no CDN and no system font.
 *
 *   npx tsx scripts/fonts.ts        (run by `npm run prepare-data` through scripts/ensure-built.ts)
 *
 * Characters come from: every string in public/geo/*.geojson, every string in public/data/*.json
 * and *.geojson (when the catalogue has been compiled), the names the basemap's tiles can show
 * (public/tiles/tiles.json, and the railway names of geo/railways.ts), every UI string in
 * src/i18n/*.json, ASCII, digits and common CJK punctuation.
 *
 * Sources are Fontsource's woff2 files (SIL OFL 1.1). Noto Sans comes in per-script slices
 * (latin, latin-ext, …); Noto Sans SC comes as one large "chinese-simplified" file plus about a
 * hundred numbered slices covering rarer characters. Each character is taken from the first source
 * whose unicode range (and real cmap) covers it; each source used gives one subset file.
 *
 * Output (git-ignored): public/fonts/*.woff2 and public/fonts/manifest.json, which the app reads to
 * register the faces for CSS (src/styles/fonts.ts) and for MapLibre's `font-faces` style property.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import subsetFont from 'subset-font';
import type { FontManifest, ManifestFace } from '../src/styles/font-manifest.ts';
import { OSM_RAILWAYS } from '../src/domain/vocabulary.ts';
import { railwayLabels, readOsmRailways } from '../geo/railways.ts';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const OUT = join(ROOT, 'public/fonts');

/** The family the app uses everywhere (CSS and map). */
export const FAMILY = 'Atlas Sans';
/** Weights built; MapLibre font names are `${FAMILY} ${WEIGHT_NAMES[w]}`. */
const WEIGHTS = [400, 600] as const;
const WEIGHT_NAMES: Record<number, string> = { 400: 'Regular', 600: 'SemiBold' };

/** Characters always included besides those found in the data. */
const ALWAYS =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  // Latin-1 and typographic punctuation used in English text
  '\u00a0°±×÷·–—‘’“”…•′″−€£¥©®™' +
  // CJK punctuation and full-width forms
  '、。，．：；！？（）《》〈〉「」『』【】〔〕〖〗～·—…“”‘’％＋－／０１２３４５６７８９＜＝＞' +
  // unit and number words seen on maps and scale bars
  '千米公里万亿元年月日度东南西北中一二三四五六七八九十百零';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function collectStrings(value: Json, out: Set<string>): void {
  if (typeof value === 'string') {
    for (const ch of value) out.add(ch);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectStrings(v, out);
  }
}

function filesIn(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .sort()
    .map((f) => join(dir, f));
}

export function collectCharacters(): { chars: Set<string>; inputs: string[] } {
  const chars = new Set<string>([...ALWAYS]);
  const inputs = [
    ...filesIn(join(ROOT, 'public/geo'), ['.geojson', '.json']),
    ...filesIn(join(ROOT, 'public/data'), ['.geojson', '.json']),
    ...filesIn(join(ROOT, 'public/tiles'), ['tiles.json']),
    ...filesIn(join(ROOT, 'src/i18n'), ['.json']),
  ];
  for (const file of inputs) {
    // Geometry is numbers only; strings are names, codes and text.
    collectStrings(JSON.parse(readFileSync(file, 'utf8')) as Json, chars);
  }
  // Names the basemap's tiles write (railway lines), which no GeoJSON file of public/ holds.
  if (existsSync(join(ROOT, OSM_RAILWAYS))) {
    for (const label of railwayLabels(readOsmRailways(ROOT))) for (const ch of label) chars.add(ch);
    inputs.push(join(ROOT, OSM_RAILWAYS));
  }
  // Drop controls and whitespace other than the plain and no-break spaces.
  for (const ch of [...chars]) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (/\s/.test(ch) && ch !== ' ' && ch !== '\u00a0')) chars.delete(ch);
  }
  return { chars, inputs: inputs.map((f) => f.slice(ROOT.length + 1)) };
}

// ---------------------------------------------------------------------------------------------
// Unicode ranges

type Range = [number, number];

function parseRanges(css: string): Range[] {
  return css.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

function inRanges(cp: number, ranges: Range[]): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** Compresses code points into CSS `unicode-range` entries (`U+4E00-4E03`, `U+5317`). */
export function toUnicodeRange(codePoints: number[]): string[] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const a = sorted[i]!.toString(16).toUpperCase();
    const b = sorted[j]!.toString(16).toUpperCase();
    out.push(i === j ? `U+${a}` : `U+${a}-${b}`);
    i = j + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// cmap reading (to know which characters a source really covers)

/** The code points an SFNT (TrueType/OpenType) font maps, from its cmap table (formats 4 and 12). */
export function cmapCodePoints(sfnt: Buffer): Set<number> {
  const numTables = sfnt.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (sfnt.toString('latin1', rec, rec + 4) === 'cmap') cmap = sfnt.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('font has no cmap table');
  const out = new Set<number>();
  const n = sfnt.readUInt16BE(cmap + 2);
  for (let i = 0; i < n; i++) {
    const platform = sfnt.readUInt16BE(cmap + 4 + i * 8);
    const encoding = sfnt.readUInt16BE(cmap + 6 + i * 8);
    const sub = cmap + sfnt.readUInt32BE(cmap + 8 + i * 8);
    const format = sfnt.readUInt16BE(sub);
    if (!(platform === 3 && (encoding === 1 || encoding === 10)) && platform !== 0) continue;
    if (format === 4) {
      const segX2 = sfnt.readUInt16BE(sub + 6);
      const ends = sub + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = sfnt.readUInt16BE(ends + s);
        const start = sfnt.readUInt16BE(starts + s);
        const delta = sfnt.readInt16BE(deltas + s);
        const rangeOffset = sfnt.readUInt16BE(offsets + s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = offsets + s + rangeOffset + (c - start) * 2;
            glyph = sfnt.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = sfnt.readUInt32BE(sub + 12);
      for (let g = 0; g < groups; g++) {
        const start = sfnt.readUInt32BE(sub + 16 + g * 12);
        const end = sfnt.readUInt32BE(sub + 20 + g * 12);
        const glyph = sfnt.readUInt32BE(sub + 24 + g * 12);
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sources

interface Source {
  /** Short id used in output file names: latin, latin-ext, sc, sc-57 … */
  id: string;
  pkg: '@fontsource/noto-sans' | '@fontsource/noto-sans-sc';
  /** File for a weight. */
  file: (weight: number) => string;
  /** Declared unicode range, or null for "anything its cmap has". */
  ranges: Range[] | null;
}

function pkgDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

function sources(): Source[] {
  const out: Source[] = [];
  // Noto Sans: Latin, Latin Extended, Greek, Cyrillic, Vietnamese (Latin text, pinyin with tones).
  const ns = pkgDir('@fontsource/noto-sans');
  const nsRanges = JSON.parse(readFileSync(join(ns, 'unicode.json'), 'utf8')) as Record<string, string>;
  for (const subset of ['latin', 'latin-ext', 'vietnamese', 'greek', 'cyrillic']) {
    if (!nsRanges[subset]) continue;
    out.push({
      id: subset,
      pkg: '@fontsource/noto-sans',
      file: (w) => join(ns, 'files', `noto-sans-${subset}-${w}-normal.woff2`),
      ranges: parseRanges(nsRanges[subset]),
    });
  }
  // Noto Sans SC: the large Simplified Chinese file first, then the numbered slices for the rest.
  const sc = pkgDir('@fontsource/noto-sans-sc');
  out.push({ id: 'sc', pkg: '@fontsource/noto-sans-sc', file: (w) => join(sc, 'files', `noto-sans-sc-chinese-simplified-${w}-normal.woff2`), ranges: null });
  const scRanges = JSON.parse(readFileSync(join(sc, 'unicode.json'), 'utf8')) as Record<string, string>;
  for (const [key, css] of Object.entries(scRanges)) {
    const n = /^\[(\d+)\]$/.exec(key)?.[1];
    if (n === undefined) continue;
    out.push({ id: `sc-${n}`, pkg: '@fontsource/noto-sans-sc', file: (w) => join(sc, 'files', `noto-sans-sc-${n}-${w}-normal.woff2`), ranges: parseRanges(css) });
  }
  return out;
}

/** Characters that belong to Chinese text even where Noto Sans' Latin ranges also list them. */
function prefersChinese(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000;
}

const cmapCache = new Map<string, Set<number>>();
async function coverage(file: string): Promise<Set<number>> {
  let set = cmapCache.get(file);
  if (!set) {
    // Re-encode to SFNT (keeping every glyph) to read the cmap.
    const sfnt = await subsetFont(readFileSync(file), undefined, { keepAllGlyphs: true, targetFormat: 'sfnt' });
    set = cmapCodePoints(sfnt);
    cmapCache.set(file, set);
  }
  return set;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { chars, inputs } = collectCharacters();
  const codePoints = [...chars].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  const srcs = sources();

  // Assign each code point to a source, checked against weight 400's cmap (the weights share a charset).
  const assigned = new Map<string, number[]>();
  const missing: number[] = [];
  for (const cp of codePoints) {
    let chosen: Source | undefined;
    const order = prefersChinese(cp) ? [...srcs.filter((s) => s.pkg.endsWith('-sc')), ...srcs.filter((s) => !s.pkg.endsWith('-sc'))] : srcs;
    for (const s of order) {
      if (s.ranges && !inRanges(cp, s.ranges)) continue;
      if (!existsSync(s.file(400))) continue;
      if ((await coverage(s.file(400))).has(cp)) {
        chosen = s;
        break;
      }
    }
    if (!chosen) {
      if (cp !== 0x20 && cp !== 0xa0) missing.push(cp);
      continue;
    }
    const list = assigned.get(chosen.id) ?? [];
    list.push(cp);
    assigned.set(chosen.id, list);
  }
  // Spaces: keep them with Latin.
  for (const cp of [0x20, 0xa0]) if (!assigned.get('latin')?.includes(cp)) assigned.get('latin')?.push(cp);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: FontManifest = {
    version: 1,
    family: FAMILY,
    maplibreNames: Object.fromEntries(WEIGHTS.map((w) => [String(w), `${FAMILY} ${WEIGHT_NAMES[w]}`])),
    weights: [],
    chars: codePoints.length,
    missing: String.fromCodePoint(...missing),
    totalBytes: 0,
    inputs,
    licence: 'Noto Sans and Noto Sans SC, SIL Open Font License 1.1 (via Fontsource); subset for Plan Atlas',
  };

  const order = srcs.map((s) => s.id).filter((id) => assigned.has(id));
  for (const weight of WEIGHTS) {
    const faces: ManifestFace[] = [];
    for (const id of order) {
      const src = srcs.find((s) => s.id === id)!;
      const cps = assigned.get(id)!;
      const text = String.fromCodePoint(...cps);
      const buf = await subsetFont(readFileSync(src.file(weight)), text, { targetFormat: 'woff2' });
      // Named by content: a host may serve the faces as immutable (README, "Deploying").
      const file = `atlas-sans-${id}-${weight}-${createHash('sha256').update(buf).digest('hex').slice(0, 8)}.woff2`;
      writeFileSync(join(OUT, file), buf);
      faces.push({ file, source: src.file(weight).split('node_modules/')[1]!, unicodeRange: toUnicodeRange(cps), chars: cps.length, bytes: buf.length, gzipBytes: gzipSync(buf).length });
    }
    const bytes = faces.reduce((a, f) => a + f.bytes, 0);
    manifest.weights.push({ weight, maplibreName: manifest.maplibreNames[String(weight)]!, faces, bytes });
    manifest.totalBytes += bytes;
  }
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`[fonts] ${codePoints.length} characters from ${inputs.length} files → public/fonts/`);
  for (const w of manifest.weights) {
    console.log(`[fonts]   ${w.maplibreName}: ${w.faces.map((f) => `${f.file} ${f.chars} ch ${kb(f.bytes)}`).join(', ')} = ${kb(w.bytes)}`);
  }
  console.log(`[fonts]   total ${kb(manifest.totalBytes)}`);
  if (missing.length) console.warn(`[fonts] WARNING: no source covers ${missing.length} characters: ${manifest.missing}`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await main();
}

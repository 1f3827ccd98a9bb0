/**
 * Text measurement and line breaking for export layouts, independent of the output format: the
 * layout asks a `Measure` function (canvas `measureText` with the export fonts in the browser, a
 * fixed-width stand-in in unit tests) and stores finished lines, which PNG, PDF and PPTX then draw
 * at the same positions. Pure: no DOM.
 */

export interface TextStyle {
  /** Font size in design px. */
  size: number;
  weight: 400 | 600;
  color: string;
  /** Line advance in design px. */
  lineHeight: number;
}

/** Width of `text` in design px, set in `style`. */
export type Measure = (text: string, style: Pick<TextStyle, 'size' | 'weight'>) => number;

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms: each may stand alone on a line. */
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;
/** Must not begin a line (closing brackets, stops, commas …). */
const NO_START = /[、。，．：；！？）》〉」』】〕〗…’”%,.:;!?)\]}·・]/u;
/** Must not end a line (opening brackets, quotes). */
const NO_END = /[（《〈「『【〔〖‘“([{]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Splits text into unbreakable tokens: each CJK character alone, Latin words with their trailing spaces. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (isCjk(ch)) {
      if (word) out.push(word), (word = '');
      out.push(ch);
    } else if (ch === ' ') {
      word += ch;
      out.push(word);
      word = '';
    } else if (ch === '-' || ch === '/' || ch === '–') {
      // A hyphen or slash may end a line.
      word += ch;
      out.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  // Kinsoku: glue line-start-forbidden tokens to the one before, line-end-forbidden to the one after.
  const glued: string[] = [];
  for (const t of out) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (NO_START.test(t[0]!) || NO_END.test(prev[prev.length - 1]!))) glued[glued.length - 1] = prev + t;
    else glued.push(t);
  }
  return glued;
}

/** Breaks a token that is wider than the line into pieces that fit (character by character). */
function breakLong(token: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const ch of token) {
    if (cur && measure(cur + ch, style) > maxWidth) {
      pieces.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/** Greedy line breaking. Explicit newlines are kept. Trailing spaces are trimmed from each line. */
export function wrap(text: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (const tok of tokens(para)) {
      const next = cur + tok;
      if (measure(next.trimEnd(), style) <= maxWidth || cur === '') {
        if (cur === '' && measure(tok.trimEnd(), style) > maxWidth) {
          const pieces = breakLong(tok, maxWidth, style, measure);
          lines.push(...pieces.slice(0, -1).map((p) => p.trimEnd()));
          cur = pieces[pieces.length - 1] ?? '';
        } else cur = next;
      } else {
        lines.push(cur.trimEnd());
        cur = tok.trimStart();
        if (measure(cur.trimEnd(), style) > maxWidth) {
          const pieces = breakLong(cur, maxWidth, style, measure);
          lines.push(...pieces.slice(0, -1).map((p) => p.trimEnd()));
          cur = pieces[pieces.length - 1] ?? '';
        }
      }
    }
    lines.push(cur.trimEnd());
  }
  return lines;
}

/** The text cut to fit `maxWidth`, with an ellipsis when cut. */
export function truncate(text: string, maxWidth: number, style: TextStyle, measure: Measure): string {
  if (measure(text, style) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(chars.slice(0, mid).join('').trimEnd() + '…', style) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** Wraps to at most `maxLines`, the last one truncated with an ellipsis when text is left over. */
export function wrapClamp(text: string, maxWidth: number, style: TextStyle, measure: Measure, maxLines: number): string[] {
  const lines = wrap(text, maxWidth, style, measure);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(isCjk(lines[maxLines]?.[0] ?? '') ? '' : ' ');
  kept[maxLines - 1] = truncate(rest + '…', maxWidth, style, measure);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] += '…';
  return kept;
}

/**
 * Where a line's baseline sits below the top of its line box: the glyphs (ascent ≈ 0.88 em,
 * descent ≈ 0.12 em for Noto Sans and Noto Sans SC alike) centred in the line height.
 */
export function baselineOffset(style: Pick<TextStyle, 'size' | 'lineHeight'>): number {
  return (style.lineHeight - style.size) / 2 + style.size * 0.88;
}

/**
 * A fixed-advance stand-in for tests and the command line: CJK characters 1 em, Latin ~0.55 em.
 * The browser measures with the real fonts.
 */
export const approximateMeasure: Measure = (text, style) => {
  let w = 0;
  for (const ch of text) w += isCjk(ch) ? 1 : ch === ' ' ? 0.26 : /[A-Z]/.test(ch) ? 0.62 : 0.52;
  return w * style.size * (style.weight === 600 ? 1.03 : 1);
};

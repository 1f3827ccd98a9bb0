/**
 * The composition of an exported page or slide: where the title, subtitle, map, legend, project
 * list and source note go, in design px (see presets.ts). One layout, three renderers (PNG canvas,
 * PDF, PPTX), so every format shows the same page. Pure: text is measured through `Measure`.
 *
 * Landscape (wider than 1.2:1): title band across the top, the map on the left, legend and project
 * list in a column on the right, the source note across the bottom. Portrait: the map across the
 * page under the title, legend and projects side by side beneath it.
 */
import type { LegendSymbol } from '../map/themes/types.ts';
import { legendKey } from '../map/themes/legend-key.ts';
import type { ResolvedSize } from './presets.ts';
import { truncate, wrap, wrapClamp, type Measure, type TextStyle } from './text.ts';

export interface LegendRow {
  symbol: LegendSymbol;
  label: string;
}

export interface LegendGroup {
  heading: string;
  rows: LegendRow[];
}

/** Everything an export says, in its language, before it is laid out. */
export interface ExportContent {
  lang: 'zh' | 'en';
  title: string;
  subtitle: string;
  legendHeading: string;
  /** Heading of the compact legend's key of line and symbol styles. */
  legendKey: string;
  legend: LegendGroup[];
  /** Heading of the project list; null for no list. */
  notesHeading: string | null;
  notes: string[];
  /** "… and N more" in the content's language. */
  more: (n: number) => string;
  /** Source note (the plan, boundary data and their licences). */
  source: string;
  /** A caption above the source note: blocks of text, each wrapped to at most two lines (the plan's words quoted). */
  caption?: string[];
}

export type TextRole = 'title' | 'subtitle' | 'legend-heading' | 'legend-group' | 'legend-label' | 'notes-heading' | 'note' | 'source' | 'caption';

export type Element =
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; strokeWidth?: number }
  | {
      type: 'text';
      role: TextRole;
      x: number;
      y: number;
      w: number;
      lines: string[];
      style: TextStyle;
      align?: 'left' | 'right';
      /** The unbroken text, for formats that flow text themselves (PPTX); absent: the lines are paragraphs. */
      text?: string;
    }
  | { type: 'symbol'; x: number; y: number; w: number; h: number; symbol: LegendSymbol }
  | { type: 'map'; x: number; y: number; w: number; h: number };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Composition {
  size: ResolvedSize;
  /** Design px. */
  width: number;
  height: number;
  background: string;
  elements: Element[];
  map: Box;
  legend: Box;
  /** Legend rows that did not fit (0 when all are shown). */
  legendOmitted: number;
  notesOmitted: number;
}

export const COLORS = {
  ink: '#2f2a21',
  ink2: '#5d5547',
  ink3: '#8a8273',
  rule: '#ddd5c5',
  accent: '#a3361a',
  slide: '#fbf9f4',
  print: '#ffffff',
  frame: '#b9ae98',
} as const;

const style = (size: number, weight: 400 | 600, color: string, lh = 1.35): TextStyle => ({ size, weight, color, lineHeight: Math.round(size * lh * 10) / 10 });

// ---------------------------------------------------------------------------------------------
// Legend

interface LegendMode {
  size: number;
  cols: number;
  compact: boolean;
}

const LEGEND_MODES: LegendMode[] = [
  { size: 12.5, cols: 1, compact: false },
  { size: 11.5, cols: 2, compact: false },
  { size: 10.5, cols: 2, compact: false },
  { size: 9.5, cols: 2, compact: false },
  { size: 11.5, cols: 1, compact: true },
  { size: 10.5, cols: 2, compact: true },
  { size: 9.5, cols: 2, compact: true },
  { size: 8.5, cols: 3, compact: true },
];

interface Item {
  /** Height in design px. */
  h: number;
  /** Keep with the next item (a heading). */
  keep: boolean;
  place: (x: number, y: number, out: Element[]) => void;
}

function legendItems(groups: LegendGroup[], mode: LegendMode, colW: number, measure: Measure, keyHeading: string): Item[] {
  const label = style(mode.size, 400, COLORS.ink);
  const head = style(mode.size, 600, COLORS.ink);
  const symW = Math.round(mode.size * 2);
  const symH = Math.round(mode.size * 1.15);
  const gap = Math.round(mode.size * 0.5);
  const items: Item[] = [];
  const textW = colW - symW - gap;

  if (!mode.compact) {
    for (const g of groups) {
      const single = g.rows.length === 1;
      if (!single) {
        const lines = wrapClamp(g.heading, colW, head, measure, 2);
        items.push({
          h: lines.length * head.lineHeight + 1,
          keep: true,
          place: (x, y, out) => out.push({ type: 'text', role: 'legend-group', x, y, w: colW, lines, style: head, text: g.heading }),
        });
      }
      for (const r of g.rows) {
        // A theme with one row shows its name as the row's label ("Airports"), not the row's own text.
        const text = single ? `${g.heading}` : r.label;
        const st = single ? head : label;
        const lines = wrapClamp(text, textW - (single ? 0 : 0), st, measure, 2);
        const h = Math.max(symH, lines.length * st.lineHeight) + 2;
        const indent = single ? 0 : Math.round(mode.size * 0.6);
        items.push({
          h,
          keep: false,
          place: (x, y, out) => {
            out.push({ type: 'symbol', x: x + indent, y: y + (Math.min(st.lineHeight, h) - symH) / 2, w: symW - indent, h: symH, symbol: r.symbol });
            out.push({ type: 'text', role: 'legend-label', x: x + symW + gap, y, w: textW, lines, style: st, text });
          },
        });
      }
      items.push({ h: Math.round(mode.size * 0.45), keep: false, place: () => undefined });
    }
    return items;
  }

  // Compact: one row per theme (its symbols side by side, then its name), and a key of the row
  // labels (stage classes, exact / schematic …) drawn with the first symbol that carries each.
  const miniW = Math.round(mode.size * 1.6);
  // A theme with many styles (now mode) wraps its symbols onto more rows rather than squeezing its name.
  const perRow = Math.max(1, Math.floor((colW * 0.55 + 3) / (miniW + 3)));
  for (const g of groups) {
    const n = g.rows.length;
    const across = Math.min(n, perRow);
    const symRows = Math.ceil(n / perRow);
    const symsW = across * miniW + (across - 1) * 3;
    const tw = Math.max(20, colW - symsW - gap);
    const lines = wrapClamp(g.heading, tw, head, measure, 2);
    const firstY = (head.lineHeight - symH) / 2;
    items.push({
      h: Math.max(firstY + symRows * (symH + 2) - 2, lines.length * head.lineHeight) + 2,
      keep: false,
      place: (x, y, out) => {
        g.rows.forEach((r, i) => out.push({ type: 'symbol', x: x + (i % perRow) * (miniW + 3), y: y + firstY + Math.floor(i / perRow) * (symH + 2), w: miniW, h: symH, symbol: r.symbol }));
        out.push({ type: 'text', role: 'legend-label', x: x + symsW + gap, y, w: tw, lines, style: head, text: g.heading });
      },
    });
  }
  const key = legendKey(groups);
  if (key.length) {
    items.push({ h: Math.round(mode.size * 0.6), keep: false, place: () => undefined });
    const keyHead = style(mode.size * 0.92, 600, COLORS.ink3);
    const keyLines = wrapClamp(keyHeading, colW, keyHead, measure, 2);
    items.push({
      h: keyLines.length * keyHead.lineHeight + 2,
      keep: true,
      place: (x, y, out) => out.push({ type: 'text', role: 'legend-group', x, y, w: colW, lines: keyLines, style: keyHead, text: keyHeading }),
    });
    for (const r of key) {
      const lines = wrapClamp(r.label, textW, label, measure, 2);
      const h = Math.max(symH, lines.length * label.lineHeight) + 2;
      items.push({
        h,
        keep: false,
        place: (x, y, out) => {
          out.push({ type: 'symbol', x, y: y + (label.lineHeight - symH) / 2, w: symW, h: symH, symbol: r.symbol });
          out.push({ type: 'text', role: 'legend-label', x: x + symW + gap, y, w: textW, lines, style: label, text: r.label });
        },
      });
    }
  }
  return items;
}

/** Flows items into `cols` columns of `box`; returns the elements, the height used and whether all fit. */
function flow(items: Item[], box: Box, cols: number, colGap: number): { elements: Element[]; used: number; placed: number } {
  const colW = (box.w - (cols - 1) * colGap) / cols;
  const out: Element[] = [];
  let col = 0;
  let y = 0;
  let used = 0;
  let placed = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const need = it.keep && items[i + 1] ? it.h + items[i + 1]!.h : it.h;
    if (y + need > box.h && y > 0) {
      col++;
      y = 0;
      if (col >= cols) break;
      if (it.h < 8 && !it.keep) continue; // no spacer at the top of a column
    }
    if (y + it.h > box.h) break;
    it.place(box.x + col * (colW + colGap), box.y + y, out);
    y += it.h;
    used = Math.max(used, y);
    placed++;
  }
  return { elements: out, used, placed };
}

function countRows(groups: LegendGroup[]): number {
  return groups.reduce((n, g) => n + g.rows.length, 0);
}

/** The legend in `box`, in the first mode that fits; the last mode cuts and says how much is left. */
export function layoutLegend(
  content: Pick<ExportContent, 'legend' | 'legendHeading' | 'legendKey' | 'more'>,
  box: Box,
  measure: Measure,
  maxCols = 3,
): { elements: Element[]; used: number; omitted: number } {
  const headStyle = style(11, 600, COLORS.ink3);
  const heading: Element = { type: 'text', role: 'legend-heading', x: box.x, y: box.y, w: box.w, lines: [content.legendHeading], style: headStyle };
  const top = headStyle.lineHeight + 6;
  const inner: Box = { x: box.x, y: box.y + top, w: box.w, h: box.h - top };
  if (content.legend.length === 0) return { elements: [heading], used: top, omitted: 0 };
  const modes = LEGEND_MODES.filter((m) => m.cols <= maxCols && box.w / m.cols >= 130);
  let last: { elements: Element[]; used: number; placed: number; items: Item[] } | null = null;
  for (const mode of modes.length ? modes : LEGEND_MODES.slice(0, 1)) {
    const colGap = 16;
    const colW = (inner.w - (mode.cols - 1) * colGap) / mode.cols;
    const items = legendItems(content.legend, mode, colW, measure, content.legendKey);
    const r = flow(items, inner, mode.cols, colGap);
    const significant = items.filter((it) => it.h >= 8).length;
    const placedSignificant = items.slice(0, r.placed).filter((it) => it.h >= 8).length;
    if (placedSignificant >= significant) return { elements: [heading, ...r.elements], used: top + r.used, omitted: 0 };
    last = { ...r, items };
  }
  // Nothing fits whole: the last mode, cut, with a line saying how many rows were left out.
  const l = last!;
  const shown = l.elements.filter((e) => e.type === 'symbol').length;
  const omitted = Math.max(1, countRows(content.legend) - shown);
  const noteStyle = style(9.5, 400, COLORS.ink3);
  const y = Math.min(inner.y + l.used, inner.y + inner.h - noteStyle.lineHeight);
  const els = l.elements.filter((e) => e.y + ('h' in e ? e.h : 0) <= y);
  return { elements: [heading, ...els, { type: 'text', role: 'legend-label', x: inner.x, y, w: inner.w, lines: [content.more(omitted)], style: noteStyle }], used: top + l.used, omitted };
}

// ---------------------------------------------------------------------------------------------
// Project list

function layoutNotes(content: ExportContent, box: Box, measure: Measure, cols = 1): { elements: Element[]; omitted: number } {
  if (!content.notesHeading || box.h < 40) return { elements: [], omitted: content.notesHeading ? content.notes.length : 0 };
  const head = style(11, 600, COLORS.ink3);
  const item = style(box.w / cols > 220 ? 11.5 : 10.5, 400, COLORS.ink, 1.3);
  const out: Element[] = [{ type: 'text', role: 'notes-heading', x: box.x, y: box.y, w: box.w, lines: wrapClamp(content.notesHeading, box.w, head, measure, 2), style: head }];
  const headH = (out[0] as { lines: string[] }).lines.length * head.lineHeight + 5;
  const colGap = 14;
  const colW = (box.w - (cols - 1) * colGap) / cols;
  const perCol = Math.max(0, Math.floor((box.h - headH) / item.lineHeight));
  const capacity = perCol * cols;
  const n = content.notes.length;
  const shown = n <= capacity ? n : Math.max(0, capacity - 1);
  const lines = content.notes.slice(0, shown).map((t) => truncate(`· ${t}`, colW, item, measure));
  if (shown < n) lines.push(truncate(content.more(n - shown), colW, { ...item, color: COLORS.ink3 }, measure));
  for (let c = 0; c < cols; c++) {
    const part = lines.slice(c * perCol, (c + 1) * perCol);
    if (!part.length) break;
    out.push({ type: 'text', role: 'note', x: box.x + c * (colW + colGap), y: box.y + headH, w: colW, lines: part, style: item });
  }
  return { elements: out, omitted: n - shown };
}

// ---------------------------------------------------------------------------------------------
// Page

export function layout(size: ResolvedSize, content: ExportContent, measure: Measure): Composition {
  const W = size.designWidth;
  const H = size.designHeight;
  const landscape = W / H >= 1.2;
  const M = Math.round(Math.min(W, H) * 0.045);
  const background = size.kind === 'print' ? COLORS.print : COLORS.slide;
  const elements: Element[] = [{ type: 'rect', x: 0, y: 0, w: W, h: H, fill: background }];

  // Title band: an accent bar, the title (up to 2 lines), the subtitle (up to 2 lines).
  const titleStyle = style(Math.round(Math.min(W, H * 1.6) * 0.024), 600, COLORS.ink, 1.25);
  const subStyle = style(Math.max(11, Math.round(titleStyle.size * 0.5)), 400, COLORS.ink2, 1.35);
  const tx = M + 14;
  const tw = W - M - tx;
  const titleLines = wrapClamp(content.title, tw, titleStyle, measure, 2);
  const subLines = content.subtitle ? wrapClamp(content.subtitle, tw, subStyle, measure, 2) : [];
  const titleH = titleLines.length * titleStyle.lineHeight;
  const subH = subLines.length * subStyle.lineHeight;
  const headTop = Math.round(M * 0.8);
  elements.push({ type: 'rect', x: M, y: headTop + 3, w: 4, h: titleH + subH - 6, fill: COLORS.accent });
  elements.push({ type: 'text', role: 'title', x: tx, y: headTop, w: tw, lines: titleLines, style: titleStyle, text: content.title });
  if (subLines.length) elements.push({ type: 'text', role: 'subtitle', x: tx, y: headTop + titleH + 2, w: tw, lines: subLines, style: subStyle, text: content.subtitle });
  const headBottom = headTop + titleH + subH + 2 + Math.round(M * 0.45);

  // Source note across the foot.
  // The source note is never cut (it carries the data's licences): smaller type before more lines.
  let srcStyle = style(landscape ? 9 : 8.5, 400, COLORS.ink3, 1.35);
  let srcLines = wrap(content.source, W - 2 * M, srcStyle, measure);
  for (let size = srcStyle.size - 0.5; srcLines.length > 3 && size >= 7; size -= 0.5) {
    srcStyle = style(size, 400, COLORS.ink3, 1.3);
    srcLines = wrap(content.source, W - 2 * M, srcStyle, measure);
  }
  const srcH = srcLines.length * srcStyle.lineHeight;
  const srcTop = H - Math.round(M * 0.6) - srcH;
  elements.push({ type: 'rect', x: M, y: srcTop - 7, w: W - 2 * M, h: 0.75, fill: COLORS.rule });
  elements.push({ type: 'text', role: 'source', x: M, y: srcTop, w: W - 2 * M, lines: srcLines, style: srcStyle, text: content.source });
  // The caption (the plan's words) above it, across the page.
  let footTop = srcTop;
  if (content.caption?.length) {
    const capStyle = style(landscape ? 10.5 : 10, 400, COLORS.ink2, 1.4);
    const lines = content.caption.flatMap((block) => wrapClamp(block, W - 2 * M, capStyle, measure, 2));
    footTop = srcTop - 12 - lines.length * capStyle.lineHeight;
    elements.push({ type: 'text', role: 'caption', x: M, y: footTop, w: W - 2 * M, lines, style: capStyle });
  }
  const bodyTop = headBottom;
  const bodyBottom = footTop - 16;
  const bodyH = bodyBottom - bodyTop;

  let map: Box;
  let legendBox: Box;
  let notesBox: Box | null = null;
  let notesCols = 1;
  let legendMaxCols = 2;
  const hasNotes = content.notesHeading != null;
  let legendResult: { elements: Element[]; used: number; omitted: number };

  if (landscape) {
    const side = Math.round(Math.min(Math.max(W * 0.255, 250), 440));
    const gapX = Math.round(M * 0.6);
    map = { x: M, y: bodyTop, w: W - 2 * M - side - gapX, h: bodyH };
    const sx = map.x + map.w + gapX;
    legendBox = { x: sx, y: bodyTop, w: side, h: hasNotes ? Math.round(bodyH * 0.6) : bodyH };
    legendResult = layoutLegend(content, legendBox, measure, legendMaxCols);
    if (hasNotes) {
      const ny = bodyTop + legendResult.used + 14;
      notesBox = { x: sx, y: ny, w: side, h: bodyBottom - ny };
    }
  } else {
    const mapShare = hasNotes || content.legend.length > 6 ? 0.6 : 0.68;
    map = { x: M, y: bodyTop, w: W - 2 * M, h: Math.round(bodyH * mapShare) };
    const by = map.y + map.h + Math.round(M * 0.55);
    const bh = bodyBottom - by;
    const gapX = Math.round(M * 0.6);
    if (hasNotes) {
      const lw = Math.round((W - 2 * M - gapX) * 0.6);
      legendBox = { x: M, y: by, w: lw, h: bh };
      notesBox = { x: M + lw + gapX, y: by, w: W - 2 * M - lw - gapX, h: bh };
    } else {
      legendBox = { x: M, y: by, w: W - 2 * M, h: bh };
      legendMaxCols = 3;
    }
    legendResult = layoutLegend(content, legendBox, measure, legendMaxCols);
    notesCols = 1;
  }

  elements.push({ type: 'map', ...map });
  elements.push({ type: 'rect', ...map, stroke: COLORS.frame, strokeWidth: 0.75 });
  elements.push(...legendResult.elements);
  let notesOmitted = 0;
  if (notesBox) {
    const n = layoutNotes(content, notesBox, measure, notesCols);
    elements.push(...n.elements);
    notesOmitted = n.omitted;
  }
  return { size, width: W, height: H, background, elements, map, legend: { ...legendBox, h: legendResult.used }, legendOmitted: legendResult.omitted, notesOmitted };
}

/** Lines of the text wrapped at the width of a box (re-exported for renderers that re-flow). */
export { wrap };

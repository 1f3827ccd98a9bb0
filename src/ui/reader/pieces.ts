/**
 * How the reader cuts a paragraph for drawing: runs of plain text, and phrases (one mark for each
 * stretch that projects' phrases cover; phrases that overlap share one mark), each cut further where
 * the run-in heading or a search hit starts or ends. Pure, so it is tested without a DOM.
 */

export interface Segment {
  start: number;
  end: number;
  /** Inside the item's run-in heading "(一)…。". */
  head: boolean;
  /** Inside a search hit. */
  hit: boolean;
}

export interface PhraseMark {
  start: number;
  end: number;
  /** The projects whose phrase lies in it, in the order given. */
  projects: string[];
  segments: Segment[];
}

export type Piece = { kind: 'text'; segment: Segment } | { kind: 'phrase'; mark: PhraseMark };

export interface Range {
  start: number;
  end: number;
}

export function paragraphPieces(length: number, head: number, phrases: readonly (Range & { project: string })[], hits: readonly Range[]): Piece[] {
  // Marks: overlapping phrase ranges merged.
  const sorted = [...phrases].filter((p) => p.end > p.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Omit<PhraseMark, 'segments'>[] = [];
  for (const p of sorted) {
    const last = marks[marks.length - 1];
    if (last && p.start < last.end) {
      last.end = Math.max(last.end, p.end);
      if (!last.projects.includes(p.project)) last.projects.push(p.project);
    } else marks.push({ start: p.start, end: p.end, projects: [p.project] });
  }
  const cuts = new Set<number>([0, length, head]);
  for (const r of [...marks, ...hits]) cuts.add(Math.max(0, Math.min(length, r.start))).add(Math.max(0, Math.min(length, r.end)));
  const points = [...cuts].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    const start = points[i - 1]!;
    const end = points[i]!;
    if (end > start) segments.push({ start, end, head: end <= head, hit: hits.some((h) => h.start <= start && end <= h.end) });
  }
  const pieces: Piece[] = [];
  let m = 0;
  for (const segment of segments) {
    while (m < marks.length && marks[m]!.end <= segment.start) m++;
    const mark = marks[m];
    if (mark && mark.start <= segment.start && segment.end <= mark.end) {
      const prev = pieces[pieces.length - 1];
      if (prev?.kind === 'phrase' && prev.mark.start === mark.start) prev.mark.segments.push(segment);
      else pieces.push({ kind: 'phrase', mark: { ...mark, segments: [segment] } });
    } else pieces.push({ kind: 'text', segment });
  }
  return pieces;
}

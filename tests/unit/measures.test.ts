/**
 * data/measures.yaml: the plan's outline (chapters, sections, numbered items) as Measure records.
 *
 * The first group of checks needs only the YAML and data/schema.ts. The second parses the plan
 * text (data/plan/plan.zh.txt) into
 * chapters (第X章 lines), sections (第X节 lines, plus the unprinted first section when a chapter's
 * heading is followed directly by a paragraph or by items) and items ((一)(二)… at a line start),
 * and compares the outline with it. Nothing about the outline's shape is hard-coded but the
 * number of chapters (9) and the target years (2020, 2025, 2030).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { Measure } from '../../data/schema';

const root = fileURLToPath(new URL('../..', import.meta.url));
const measuresPath = resolve(root, 'data/measures.yaml');
const planText = readFileSync(resolve(root, 'data/plan/plan.zh.txt'), 'utf8');

const TARGET_YEARS = [2020, 2025, 2030];
/** A summary must be our own words: no run of this many characters may be copied from the plan. */
const MAX_COPIED_RUN = 30;

// ── reading the catalogue ─────────────────────────────────────────────────
const raw: unknown = parse(readFileSync(measuresPath, 'utf8'));
const parsed = z.array(Measure).safeParse(raw);
const measures: Measure[] = parsed.success ? parsed.data : [];
const byId = new Map(measures.map((m) => [m.id, m]));

const ID_RE = /^c(\d+)(?:\.s(\d+)(?:\.i(\d+))?)?$/;
function idParts(id: string): { c: number; s?: number; i?: number } | null {
  const m = ID_RE.exec(id);
  if (!m) return null;
  return { c: Number(m[1]), s: m[2] ? Number(m[2]) : undefined, i: m[3] ? Number(m[3]) : undefined };
}
function parentId(id: string): string | null {
  const cut = id.lastIndexOf('.');
  return cut < 0 ? null : id.slice(0, cut);
}

// ── Chinese numerals (一 … 九十九) ────────────────────────────────────────
const DIGITS = '〇一二三四五六七八九';
function cnToInt(s: string): number {
  if (s.includes('十')) {
    const [tens, ones] = s.split('十') as [string, string];
    return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
  }
  return DIGITS.indexOf(s);
}
function intToCn(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}十${ones ? DIGITS[ones] : ''}`;
}

// ── parsing the plan text ─────────────────────────────────────────────────
interface TextUnit {
  id: string;
  kind: 'chapter' | 'section' | 'item';
  /** 1-based line number of its heading line (for an unprinted section: of its first line). */
  lineNo: number;
  line: string;
  /** false for a chapter's first section when the plan prints no 第一节 line. */
  printed: boolean;
  /** For sections: the lines after the heading, up to the next section or chapter. */
  body: string[];
}

const CN = '[一二三四五六七八九十]+';
const CHAPTER_RE = new RegExp(`^第(${CN})章\\s*(.*)$`);
const SECTION_RE = new RegExp(`^第(${CN})节\\s*(.*)$`);
const ITEM_RE = new RegExp(`^\\((${CN})\\)`);

function parsePlan(text: string): { units: Map<string, TextUnit>; problems: string[] } {
  const units = new Map<string, TextUnit>();
  const problems: string[] = [];
  let chapter = 0;
  let section = 0;
  let item = 0;
  let current: TextUnit | null = null; // the current section
  const openSection = (n: number, printed: boolean, lineNo: number, line: string) => {
    if (n !== section + 1) problems.push(`line ${lineNo}: section ${n} follows section ${section} in chapter ${chapter}`);
    section = n;
    item = 0;
    current = { id: `c${chapter}.s${n}`, kind: 'section', lineNo, line, printed, body: [] };
    units.set(current.id, current);
  };
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    const lineNo = index + 1;
    if (!line) return;
    const ch = CHAPTER_RE.exec(line);
    if (ch) {
      const n = cnToInt(ch[1] ?? '');
      if (n !== chapter + 1) problems.push(`line ${lineNo}: chapter ${n} follows chapter ${chapter}`);
      chapter = n;
      section = 0;
      current = null;
      units.set(`c${n}`, { id: `c${n}`, kind: 'chapter', lineNo, line, printed: true, body: [] });
      return;
    }
    if (chapter === 0) {
      problems.push(`line ${lineNo}: text before the first chapter`);
      return;
    }
    const sec = SECTION_RE.exec(line);
    if (sec) {
      openSection(cnToInt(sec[1] ?? ''), true, lineNo, line);
      return;
    }
    // Content before any 第X节 line belongs to the chapter's unprinted first section.
    if (section === 0) openSection(1, false, lineNo, line);
    const body = current as TextUnit | null;
    body?.body.push(line);
    const it = ITEM_RE.exec(line);
    if (it) {
      const k = cnToInt(it[1] ?? '');
      if (k !== item + 1) problems.push(`line ${lineNo}: item ${k} follows item ${item} in c${chapter}.s${section}`);
      item = k;
      const id = `c${chapter}.s${section}.i${k}`;
      units.set(id, { id, kind: 'item', lineNo, line, printed: true, body: [] });
    }
  });
  return { units, problems };
}

const plan = parsePlan(planText);

// ── checks on the catalogue alone ─────────────────────────────────────────
describe('data/measures.yaml', () => {
  it('is a list of Measure valid against data/schema.ts', () => {
    expect(Array.isArray(raw), 'the file must hold a YAML list').toBe(true);
    const issues = parsed.success
      ? []
      : parsed.error.issues.map((i) => {
          const index = typeof i.path[0] === 'number' ? i.path[0] : -1;
          const entry = Array.isArray(raw) ? (raw[index] as { id?: unknown } | undefined) : undefined;
          return `#${index} (${String(entry?.id)}) ${i.path.slice(1).join('.')}: ${i.message}`;
        });
    expect(issues).toEqual([]);
    expect(measures.length).toBeGreaterThan(0);
  });

  it('uses no field the schema does not know (a misspelt optional field would be dropped silently)', () => {
    const known = new Set(Object.keys(Measure.shape));
    const unknown = (Array.isArray(raw) ? raw : []).flatMap((entry: Record<string, unknown>) =>
      Object.keys(entry ?? {})
        .filter((k) => !known.has(k))
        .map((k) => `${String(entry.id)}: ${k}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const dupes = measures.map((m) => m.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it('has ids consistent with level and chapter/section/item numbers', () => {
    const bad: string[] = [];
    for (const m of measures) {
      const p = idParts(m.id);
      if (!p) {
        bad.push(`${m.id}: malformed id`);
        continue;
      }
      const level = p.i !== undefined ? 'item' : p.s !== undefined ? 'section' : 'chapter';
      if (m.level !== level) bad.push(`${m.id}: level ${m.level}, id says ${level}`);
      if (m.chapter !== p.c) bad.push(`${m.id}: chapter ${m.chapter}`);
      if (m.section !== p.s) bad.push(`${m.id}: section ${String(m.section)}`);
      if (m.item !== p.i) bad.push(`${m.id}: item ${String(m.item)}`);
    }
    expect(bad).toEqual([]);
  });

  it('gives every section and item its parent, listed in outline order', () => {
    const orphans = measures.filter((m) => {
      const parent = parentId(m.id);
      return parent !== null && !byId.has(parent);
    });
    expect(orphans.map((m) => m.id)).toEqual([]);
    const key = (m: Measure) => [m.chapter, m.section ?? 0, m.item ?? 0];
    const sorted = [...measures].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return (ka[i] ?? 0) - (kb[i] ?? 0);
      return 0;
    });
    expect(measures.map((m) => m.id)).toEqual(sorted.map((m) => m.id));
  });

  it('has the 9 chapters c1…c9', () => {
    expect(measures.filter((m) => m.level === 'chapter').map((m) => m.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `c${i + 1}`),
    );
  });

  it('prints every chapter and item heading; only a first section may be unprinted', () => {
    const bad = measures
      .filter((m) => !m.printed && !(m.level === 'section' && m.section === 1))
      .map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('writes headings without numbering or final 。', () => {
    const bad = measures
      .filter((m) => /^第.+[章节]|^[((]|[。.]$/.test(m.heading_zh) || m.heading_zh.includes('。'))
      .map((m) => `${m.id}: ${m.heading_zh}`);
    expect(bad).toEqual([]);
  });

  it('writes zh fields in Chinese and en fields in English', () => {
    const han = /\p{Script=Han}/u;
    const bad: string[] = [];
    for (const m of measures) {
      if (!han.test(m.heading_zh)) bad.push(`${m.id}: heading_zh`);
      if (!han.test(m.summary_zh)) bad.push(`${m.id}: summary_zh`);
      if (han.test(m.title_en)) bad.push(`${m.id}: title_en`);
      if (han.test(m.summary_en)) bad.push(`${m.id}: summary_en`);
      for (const t of m.targets ?? []) if (han.test(t.text_en)) bad.push(`${m.id}: target ${t.year} text_en`);
    }
    expect(bad).toEqual([]);
  });

  it('gives targets for 2020, 2025 and 2030 on c2.s3 (发展目标) and nowhere else', () => {
    expect(measures.filter((m) => m.targets !== undefined).map((m) => m.id)).toEqual(['c2.s3']);
    const targets = byId.get('c2.s3')?.targets ?? [];
    expect(targets.map((t) => t.year)).toEqual(TARGET_YEARS);
    for (const t of targets) expect(t.text_zh.startsWith(`到${t.year}年`), `target ${t.year}`).toBe(true);
  });
});

// ── checks against the plan text ──────────────────────────────────────────
describe('data/measures.yaml against the plan text', () => {
  const units = plan.units;
  const text = planText;
  const ofKind = (kind: TextUnit['kind']) => [...units.values()].filter((u) => u.kind === kind);

  it('parses the text into chapters, sections and items numbered in sequence', () => {
    expect(plan.problems).toEqual([]);
    expect(ofKind('chapter')).toHaveLength(9);
  });

  it('has a measure for every section of the text, and no section the text lacks', () => {
    const textSections = ofKind('section').map((u) => u.id);
    const ours = measures.filter((m) => m.level === 'section').map((m) => m.id);
    expect(textSections.filter((id) => !byId.has(id))).toEqual([]);
    expect(ours.filter((id) => !units.has(id))).toEqual([]);
  });

  it('has as many items in each section as the text has (一)(二)… starts there', () => {
    const count = (ids: string[]) => {
      const out: Record<string, number> = {};
      for (const u of ofKind('section')) out[u.id] = 0;
      for (const id of ids) {
        const s = parentId(id) ?? '';
        out[s] = (out[s] ?? 0) + 1;
      }
      return out;
    };
    const inText = count(ofKind('item').map((u) => u.id));
    const inCatalogue = count(measures.filter((m) => m.level === 'item').map((m) => m.id));
    expect(inCatalogue).toEqual(inText);
    // Same numbers, same ids: (一) is i1, (二) is i2 …
    expect(measures.filter((m) => m.level === 'item' && !units.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  it('marks a section unprinted exactly when the text has no 第X节 line for it', () => {
    const bad = measures
      .filter((m) => m.level === 'section')
      .filter((m) => units.has(m.id) && units.get(m.id)?.printed !== m.printed)
      .map((m) => `${m.id}: printed ${m.printed}, text ${String(units.get(m.id)?.printed)}`);
    expect(bad).toEqual([]);
  });

  it('finds every printed heading on its own kind of line, in the right place', () => {
    const bad: string[] = [];
    for (const m of measures.filter((x) => x.printed)) {
      const u = units.get(m.id);
      if (!u) {
        bad.push(`${m.id}: not in the text`);
        continue;
      }
      const h = m.heading_zh;
      if (m.level === 'chapter') {
        if (u.line !== `第${intToCn(m.chapter)}章 ${h}`) bad.push(`${m.id}: 第X章 line is «${u.line}»`);
      } else if (m.level === 'section') {
        const head = `第${intToCn(m.section ?? 0)}节 ${h}`;
        // A pure heading line must match exactly; a heading run into its paragraph (第一节 基础条件内蒙古与…) must start the line.
        const ok = u.line.includes('。') ? u.line.startsWith(head) && u.line.length > head.length : u.line === head;
        if (!ok) bad.push(`${m.id}: 第X节 line is «${u.line.slice(0, 40)}»`);
      } else {
        // The item heading is the first sentence: (X) + heading + 。
        if (!u.line.startsWith(`(${intToCn(m.item ?? 0)})${h}。`)) bad.push(`${m.id}: item line is «${u.line.slice(0, 40)}»`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names unprinted sections with a heading that is not printed as a 第X节 line of that chapter', () => {
    const bad = measures
      .filter((m) => m.level === 'section' && !m.printed)
      .filter((m) => ofKind('section').some((u) => u.printed && u.id.startsWith(`c${m.chapter}.`) && u.line.includes(m.heading_zh)))
      .map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('quotes each target verbatim from 发展目标, one per 到YYYY年 paragraph', () => {
    const section = units.get('c2.s3');
    expect(section?.line).toBe('第三节 发展目标');
    const body = section?.body ?? [];
    const yearsInText = body.map((l) => /^到(\d{4})年/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(yearsInText).toEqual(TARGET_YEARS);
    for (const t of byId.get('c2.s3')?.targets ?? []) {
      expect(text.includes(t.text_zh), `target ${t.year} verbatim in the text`).toBe(true);
      const home = body.find((l) => l.startsWith(`到${t.year}年`)) ?? '';
      expect(home.includes(t.text_zh), `target ${t.year} within its own paragraph`).toBe(true);
    }
  });

  it(`writes summaries in our own words (no run of ${MAX_COPIED_RUN} characters copied from the plan)`, () => {
    const grams = new Set<string>();
    for (const line of text.split(/\r?\n/)) for (let i = 0; i + MAX_COPIED_RUN <= line.length; i++) grams.add(line.slice(i, i + MAX_COPIED_RUN));
    const copied: string[] = [];
    for (const m of measures) {
      const s = m.summary_zh;
      for (let i = 0; i + MAX_COPIED_RUN <= s.length; i++) {
        if (grams.has(s.slice(i, i + MAX_COPIED_RUN))) {
          copied.push(`${m.id}: «${s.slice(i, i + MAX_COPIED_RUN)}»`);
          break;
        }
      }
    }
    expect(copied).toEqual([]);
  });
});

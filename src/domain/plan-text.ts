/**
 * The plan's text as structure, and what points into it: chapters (第X章 lines), sections (第X节
 * lines; a chapter's text before its first 第X节 line is its unprinted first section), numbered items
 * ((一)(二)… at a line start) and paragraphs (one a line), with the catalogue's measure ids (c4, c4.s1,
 * c4.s1.i1) and paragraph ids below them (c4.s1.i1.p1, c2.s1.p1). Then: where each project's phrase
 * stands, which places each paragraph names, and search over the text by Chinese, pinyin or English.
 * Pure: the compiler runs it in Node (data/plan-text.ts), the reader in the browser.
 */

export type PlanLevel = 'chapter' | 'section' | 'item';

/** A chapter, section or item as the text has it. */
export interface PlanHeading {
  id: string;
  level: PlanLevel;
  /** Its number: 第四章 → 4, 第二节 → 2, (一) → 1. */
  n: number;
  /** As printed, without its numbering; null where the plan prints none (a chapter's first section). */
  text: string | null;
}

export interface PlanParagraph {
  /** The measure's id and the paragraph's place in it: c4.s1.i1.p1, c4.s3.p2. */
  id: string;
  /** The measure it belongs to: the item for an item's paragraphs, else the section. */
  measure: string;
  text: string;
  /** Length of the run-in item heading that opens it ("(一)合作完善铁路路网。"), 0 if none. */
  head: number;
}

/** Where a project's phrase stands: in which paragraph, from start to end (UTF-16 offsets in its text). */
export interface PhraseLocation {
  paragraph: string;
  start: number;
  end: number;
}

/** public/data/plan-text.json (data/plan-text.ts writes it; DATA.md describes it). */
export interface PlanTextFile {
  version: 1;
  /** Headings and paragraphs in the text's order. */
  headings: PlanHeading[];
  paragraphs: PlanParagraph[];
  /** Project id → where its phrase stands. */
  projects: Record<string, PhraseLocation>;
}

export interface ParsedPlan {
  headings: PlanHeading[];
  /** With `offset`: where the paragraph's text starts in the source (UTF-16 offset). */
  paragraphs: (PlanParagraph & { offset: number })[];
  /** Numbering out of sequence, text before the first chapter, a heading run into its paragraph that cannot be split. */
  problems: string[];
}

const CN = '[一二三四五六七八九十]+';
const CHAPTER_RE = new RegExp(`^第(${CN})章[ \\t\\u3000]*(.*)$`);
const SECTION_RE = new RegExp(`^第(${CN})节[ \\t\\u3000]*`);
const ITEM_RE = new RegExp(`^[(（](${CN})[)）]`);
const DIGITS = '〇一二三四五六七八九';

/** 一 … 九十九 → 1 … 99. */
export function chineseNumber(s: string): number {
  const [tens, ones] = s.split('十') as [string, string | undefined];
  if (ones === undefined) return DIGITS.indexOf(tens);
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

/** The measure a paragraph id belongs to: c4.s1.i1.p2 → c4.s1.i1. */
export function paragraphMeasure(paragraphId: string): string {
  return paragraphId.replace(/\.p\d+$/, '');
}

/**
 * Splits the text into headings and paragraphs. `headings` (measure id → heading as printed) lets it
 * split a section heading run into its paragraph (第一节 基础条件内蒙古与…): the text alone cannot say
 * where such a heading ends.
 */
export function parsePlanText(text: string, opts: { headings?: ReadonlyMap<string, string> } = {}): ParsedPlan {
  const headings: PlanHeading[] = [];
  const paragraphs: ParsedPlan['paragraphs'] = [];
  const problems: string[] = [];
  let chapter = 0;
  let section = 0;
  let item = 0;
  /** Paragraph counters per measure. */
  const count = new Map<string, number>();
  const addParagraph = (measure: string, body: string, offset: number, head = 0) => {
    const n = (count.get(measure) ?? 0) + 1;
    count.set(measure, n);
    paragraphs.push({ id: `${measure}.p${n}`, measure, text: body, head, offset });
  };
  const openSection = (n: number, printed: string | null, lineNo: number) => {
    if (n !== section + 1) problems.push(`line ${lineNo}: section ${n} follows section ${section} in chapter ${chapter}`);
    section = n;
    item = 0;
    headings.push({ id: `c${chapter}.s${n}`, level: 'section', n, text: printed });
  };

  let offset = 0;
  text.split('\n').forEach((raw, index) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const lineNo = index + 1;
    const line = raw.replace(/\r$/, '');
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) return;
    const at = lineStart + lead;

    const ch = CHAPTER_RE.exec(trimmed);
    if (ch) {
      const n = chineseNumber(ch[1]!);
      if (n !== chapter + 1) problems.push(`line ${lineNo}: chapter ${n} follows chapter ${chapter}`);
      chapter = n;
      section = 0;
      item = 0;
      headings.push({ id: `c${n}`, level: 'chapter', n, text: ch[2]!.trim() });
      return;
    }
    if (chapter === 0) {
      problems.push(`line ${lineNo}: text before the first chapter`);
      return;
    }
    const sec = SECTION_RE.exec(trimmed);
    if (sec) {
      const n = chineseNumber(/第(.+)节/.exec(sec[0])![1]!);
      const rest = trimmed.slice(sec[0].length);
      if (!rest.includes('。')) {
        openSection(n, rest, lineNo);
        return;
      }
      // A heading run into its paragraph: split it where the known heading ends.
      const known = opts.headings?.get(`c${chapter}.s${n}`);
      if (known && rest.startsWith(known) && rest.length > known.length) {
        openSection(n, known, lineNo);
        addParagraph(`c${chapter}.s${n}`, rest.slice(known.length), at + sec[0].length + known.length);
      } else {
        problems.push(`line ${lineNo}: the heading of c${chapter}.s${n} runs into its paragraph and no known heading splits it`);
        openSection(n, rest, lineNo);
      }
      return;
    }
    if (section === 0) openSection(1, null, lineNo);
    const it = ITEM_RE.exec(trimmed);
    if (it) {
      const k = chineseNumber(it[1]!);
      if (k !== item + 1) problems.push(`line ${lineNo}: item ${k} follows item ${item} in c${chapter}.s${section}`);
      item = k;
      const id = `c${chapter}.s${section}.i${k}`;
      // The item's heading is its first sentence: (一) + heading + 。
      const stop = trimmed.indexOf('。');
      const headText = stop > 0 ? trimmed.slice(it[0].length, stop) : trimmed.slice(it[0].length);
      headings.push({ id, level: 'item', n: k, text: headText });
      addParagraph(id, trimmed, at, stop > 0 ? stop + 1 : trimmed.length);
      return;
    }
    // Unnumbered text after an item continues that item; before any, it belongs to the section.
    addParagraph(item ? `c${chapter}.s${section}.i${item}` : `c${chapter}.s${section}`, trimmed, at);
  });
  return { headings, paragraphs, problems };
}

// ── where each project's phrase stands ──────────────────────────────────────

export interface PhraseSource {
  id: string;
  phrase: string;
  /** The paragraph to take where the phrase stands more than once (data/projects/*.yaml `paragraph`). */
  paragraph?: string | undefined;
}

export interface PhraseAmbiguity {
  project: string;
  phrase: string;
  /** Every paragraph that holds the phrase (a paragraph twice if it holds it twice). */
  candidates: string[];
  /** The hint's paragraph, when it settles it. */
  chosen: string | null;
}

export interface LocatedPhrases {
  located: Record<string, PhraseLocation>;
  /** Phrases that stand more than once, with the hint that settles each (or null: then a problem too). */
  ambiguities: PhraseAmbiguity[];
  problems: string[];
}

/** Every place a string stands in the paragraphs, in the text's order. */
export function occurrences(paragraphs: readonly PlanParagraph[], s: string): PhraseLocation[] {
  const out: PhraseLocation[] = [];
  if (!s) return out;
  for (const p of paragraphs)
    for (let i = p.text.indexOf(s); i >= 0; i = p.text.indexOf(s, i + 1)) out.push({ paragraph: p.id, start: i, end: i + s.length });
  return out;
}

/**
 * Finds each project's phrase: it must stand exactly once, or its `paragraph` hint must pick exactly
 * one of the places it stands. A hint on a phrase that stands once must name that paragraph.
 */
export function locatePhrases(paragraphs: readonly PlanParagraph[], projects: readonly PhraseSource[]): LocatedPhrases {
  const located: Record<string, PhraseLocation> = {};
  const ambiguities: PhraseAmbiguity[] = [];
  const problems: string[] = [];
  const ids = new Set(paragraphs.map((p) => p.id));
  for (const pr of projects) {
    const all = occurrences(paragraphs, pr.phrase);
    if (pr.paragraph && !ids.has(pr.paragraph)) problems.push(`project ${pr.id}: field paragraph: no paragraph ${pr.paragraph} in the plan`);
    if (all.length === 0) {
      problems.push(`project ${pr.id}: field phrase: «${pr.phrase}» is not in the plan's text (or runs across paragraphs)`);
      continue;
    }
    if (all.length === 1) {
      const only = all[0]!;
      if (pr.paragraph && pr.paragraph !== only.paragraph)
        problems.push(`project ${pr.id}: field paragraph: the phrase stands only in ${only.paragraph}, not in ${pr.paragraph}`);
      located[pr.id] = only;
      continue;
    }
    const picked = pr.paragraph ? all.filter((o) => o.paragraph === pr.paragraph) : [];
    const chosen = picked.length === 1 ? picked[0]! : null;
    ambiguities.push({ project: pr.id, phrase: pr.phrase, candidates: all.map((o) => o.paragraph), chosen: chosen?.paragraph ?? null });
    if (chosen) located[pr.id] = chosen;
    else
      problems.push(
        `project ${pr.id}: field phrase: «${pr.phrase}» stands ${all.length} times (${all.map((o) => o.paragraph).join(', ')}); ` +
          (pr.paragraph ? `paragraph ${pr.paragraph} does not settle it: lengthen the phrase` : 'add `paragraph: <id>` or lengthen the phrase'),
      );
  }
  return { located, ambiguities, problems };
}

// ── places the text names ───────────────────────────────────────────────────

export type NamedPlaceKind = 'place' | 'region' | 'group';

/** Something the text can name: a gazetteer place, a region or a region group of the catalogue. */
export interface NamedPlace {
  kind: NamedPlaceKind;
  id: string;
  name_zh: string;
  name_en: string;
  /** Every Chinese form to look for in the text (the name, its aliases, a region's name without 市/盟/省). */
  forms: string[];
  /** Toneless pinyin and initials of name_zh ('' when unknown, e.g. groups). */
  pinyin: string;
  initials: string;
}

export interface Mention {
  /** `${kind}:${id}` of the NamedPlace. */
  key: string;
  start: number;
  end: number;
}

export const placeKey = (p: Pick<NamedPlace, 'kind' | 'id'>): string => `${p.kind}:${p.id}`;

const REGION_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '省', '市', '盟'];

/**
 * A region's short form, as the plan writes it (包头市 → 包头, 锡林郭勒盟 → 锡林郭勒, 河北省 → 河北), for
 * provinces and prefectures only: a county's short form is too often a common word (青山区 → 青山).
 */
export function regionShortForm(name: string, level: 'province' | 'prefecture' | 'county'): string | null {
  if (level === 'county') return null;
  const suffix = REGION_SUFFIXES.find((s) => name.endsWith(s));
  const short = suffix ? name.slice(0, -suffix.length) : name;
  return short.length >= 2 && short !== name ? short : null;
}

/** What the catalogue knows of places, regions and groups, as NamedPlaces (from the compiled files). */
export function namedPlaces(input: {
  places?: readonly { properties: { id: string; name_zh: string; name_en: string; aliases: string[]; pinyin: string; initials: string } }[];
  regions?: readonly { properties: { code: string; level: 'province' | 'prefecture' | 'county'; name_zh: string; name_en: string } }[];
  regionKeys?: Readonly<Record<string, { pinyin: string; initials: string }>>;
  groups?: readonly { id: string; name: { zh: string; en: string; aliases: string[] } }[];
}): NamedPlace[] {
  const out: NamedPlace[] = [];
  const forms = (list: (string | null | undefined)[]) => [...new Set(list.filter((s): s is string => !!s && s.length >= 2))];
  for (const { properties: p } of input.places ?? [])
    out.push({ kind: 'place', id: p.id, name_zh: p.name_zh, name_en: p.name_en, forms: forms([p.name_zh, ...p.aliases]), pinyin: p.pinyin, initials: p.initials });
  for (const { properties: r } of input.regions ?? []) {
    const keys = input.regionKeys?.[r.code];
    out.push({
      kind: 'region',
      id: r.code,
      name_zh: r.name_zh,
      name_en: r.name_en,
      forms: forms([r.name_zh, regionShortForm(r.name_zh, r.level)]),
      pinyin: keys?.pinyin ?? '',
      initials: keys?.initials ?? '',
    });
  }
  for (const g of input.groups ?? [])
    out.push({ kind: 'group', id: g.id, name_zh: g.name.zh, name_en: g.name.en, forms: forms([g.name.zh, ...g.name.aliases]), pinyin: '', initials: '' });
  return out;
}

/**
 * The plan's two subjects, 内蒙古 and 环渤海, named in most of its paragraphs: a paragraph's list of the
 * places it names leaves them out, or it would list them nearly everywhere. Search still finds them.
 */
export const PLAN_SUBJECTS: ReadonlySet<string> = new Set(['region:150000', 'group:huanbohai']);

const KIND_RANK: Record<NamedPlaceKind, number> = { place: 0, group: 1, region: 2 };

/**
 * Finds the places a text names. Longest form first, so 天津港 is the seaport and not 天津; at equal
 * length a gazetteer place wins over a group, a group over a region (北京 is the capital's point).
 */
export class PlaceFinder {
  readonly byKey: ReadonlyMap<string, NamedPlace>;
  private readonly forms: { form: string; key: string }[];

  constructor(readonly places: readonly NamedPlace[]) {
    this.byKey = new Map(places.map((p) => [placeKey(p), p]));
    const seen = new Set<string>();
    const forms: { form: string; key: string; rank: number }[] = [];
    for (const p of places)
      for (const form of p.forms) {
        const k = `${form}|${placeKey(p)}`;
        if (!seen.has(k)) forms.push({ form, key: placeKey(p), rank: KIND_RANK[p.kind] });
        seen.add(k);
      }
    forms.sort((a, b) => b.form.length - a.form.length || a.rank - b.rank);
    this.forms = forms;
  }

  private readonly cache = new Map<string, Mention[]>();

  /** Mentions in text order, none overlapping another. */
  mentions(text: string): Mention[] {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const taken: Mention[] = [];
    const free = (s: number, e: number) => taken.every((m) => e <= m.start || s >= m.end);
    for (const { form, key } of this.forms)
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1))
        if (free(i, i + form.length)) taken.push({ key, start: i, end: i + form.length });
    taken.sort((a, b) => a.start - b.start);
    this.cache.set(text, taken);
    return taken;
  }

  /** The places a text names, each once, in the order of their first mention, but those in `omit`. */
  placesIn(text: string, omit: ReadonlySet<string> = new Set()): NamedPlace[] {
    const keys = [...new Set(this.mentions(text).map((m) => m.key))].filter((k) => !omit.has(k));
    return keys.map((k) => this.byKey.get(k)!);
  }
}

// ── search ──────────────────────────────────────────────────────────────────

export interface TextHit {
  paragraph: string;
  start: number;
  end: number;
  /** Up to `context` characters either side, within the paragraph. */
  before: string;
  match: string;
  after: string;
  /** The place this hit names, when it is a place's name (key of a NamedPlace). */
  place?: string;
}

export interface TextSearchResult {
  hits: TextHit[];
  /** The places among the hits, with how many hits name each, most named first. */
  places: { place: NamedPlace; count: number }[];
  /** How many hits there are in all, and whether more than the limit (then `hits` holds the first). */
  total: number;
  truncated: boolean;
}

const HAN = /\p{Script=Han}/u;
const latinKey = (s: string) => s.toLowerCase().replace(/[\s'’\-–—.,()]/g, '');

/** The places a Latin query names: by full pinyin or English name (exact, or a prefix from 3 letters), else by initials. */
function placesForLatin(q: string, places: readonly NamedPlace[]): NamedPlace[] {
  const k = latinKey(q);
  if (k.length < 2) return [];
  const strong = places.filter((p) => {
    const en = latinKey(p.name_en);
    return p.pinyin === k || en === k || (k.length >= 3 && (p.pinyin.startsWith(k) || en.startsWith(k)));
  });
  if (strong.length) return strong;
  return /^[a-z]+$/.test(k) ? places.filter((p) => p.initials === k) : [];
}

/**
 * Searches the text: the query as typed (Chinese, or any Latin string the text holds, e.g. PPP), and,
 * when it names places (包头, baotou, Baotou, bt; 锡盟 finds 锡林郭勒 too), every mention of them.
 * Hits come in the text's order; those that are a place's name carry it.
 */
export function searchPlanText(
  paragraphs: readonly PlanParagraph[],
  query: string,
  finder: PlaceFinder,
  opts: { context?: number; limit?: number } = {},
): TextSearchResult {
  const q = query.trim();
  const context = opts.context ?? 14;
  const limit = opts.limit ?? 200;
  if (!q) return { hits: [], places: [], total: 0, truncated: false };

  // The places the query names, and every form of them: a mention counts when its words are one of
  // those forms, whichever place the finder gave them to (锡林郭勒 is the seat's alias and the league's short form).
  const named = HAN.test(q) ? finder.places.filter((p) => p.forms.includes(q)) : placesForLatin(q, finder.places);
  const wanted = new Set(named.map(placeKey));
  const wantedForms = new Set(named.flatMap((p) => p.forms));

  const found = new Map<string, { paragraph: PlanParagraph; order: number; start: number; end: number; place?: string }>();
  const lower = q.toLowerCase();
  paragraphs.forEach((p, order) => {
    const mentions = finder.mentions(p.text);
    const placeAt = (s: number, e: number) => mentions.find((m) => m.start === s && m.end === e)?.key;
    const hay = HAN.test(q) ? p.text : p.text.toLowerCase();
    for (let i = hay.indexOf(lower); i >= 0; i = hay.indexOf(lower, i + 1)) {
      const place = placeAt(i, i + q.length);
      found.set(`${order}:${i}:${i + q.length}`, { paragraph: p, order, start: i, end: i + q.length, ...(place ? { place } : {}) });
    }
    for (const m of mentions)
      if (wanted.has(m.key) || wantedForms.has(p.text.slice(m.start, m.end))) found.set(`${order}:${m.start}:${m.end}`, { paragraph: p, order, start: m.start, end: m.end, place: m.key });
  });

  const sorted = [...found.values()].sort((a, b) => a.order - b.order || a.start - b.start);
  const counts = new Map<string, number>();
  for (const h of sorted) if (h.place) counts.set(h.place, (counts.get(h.place) ?? 0) + 1);
  const hits: TextHit[] = sorted.slice(0, limit).map((h) => ({
    paragraph: h.paragraph.id,
    start: h.start,
    end: h.end,
    before: h.paragraph.text.slice(Math.max(0, h.start - context), h.start),
    match: h.paragraph.text.slice(h.start, h.end),
    after: h.paragraph.text.slice(h.end, h.end + context),
    ...(h.place ? { place: h.place } : {}),
  }));
  const places = [...counts]
    .map(([key, count]) => ({ place: finder.byKey.get(key)!, count }))
    .sort((a, b) => b.count - a.count || a.place.name_zh.localeCompare(b.place.name_zh, 'zh'));
  return { hits, places, total: sorted.length, truncated: sorted.length > limit };
}

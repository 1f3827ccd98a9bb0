/**
 * The plan's text as structure (src/domain/plan-text.ts, data/plan-text.ts): the parse against
 * data/measures.yaml, every project's phrase at one place in the text, the places a paragraph names,
 * and search by Chinese, pinyin and English. Reads data/plan/plan.zh.txt; never skips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchKeys } from '../../data/build.ts';
import { CatalogueError, loadCatalogueSources, type CatalogueSources } from '../../data/load.ts';
import { buildPlanText } from '../../data/plan-text.ts';
import { repoRoot } from '../../src/cli/load.ts';
import {
  PLAN_SUBJECTS,
  PlaceFinder,
  chineseNumber,
  locatePhrases,
  namedPlaces,
  occurrences,
  paragraphMeasure,
  parsePlanText,
  placeKey,
  regionShortForm,
  searchPlanText,
  type NamedPlace,
  type PlanParagraph,
  type PlanTextFile,
} from '../../src/domain/plan-text.ts';
import type { RegionCollection } from '../../src/domain/types.ts';
import { planText } from './support/plan-text.ts';

let sources: CatalogueSources;
let printed: Map<string, string>;
let finder: PlaceFinder;
let named: NamedPlace[];
beforeAll(() => {
  sources = loadCatalogueSources(join(repoRoot, 'data'));
  printed = new Map(sources.measures.filter((m) => m.value.printed).map((m) => [m.value.id, m.value.heading_zh]));
  const regions = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
  // Places and groups from the authored YAML (pinyin as the compiler computes it), regions from public/geo.
  named = namedPlaces({
    places: sources.places.map(({ value: p }) => ({ properties: { id: p.id, name_zh: p.name.zh, name_en: p.name.en, aliases: p.name.aliases, ...searchKeys(p.name.zh) } })),
    regions: regions.features,
    regionKeys: Object.fromEntries(regions.features.map((f) => [f.properties.code, searchKeys(f.properties.name_zh)])),
    groups: sources.groups.map((g) => g.value),
  });
  finder = new PlaceFinder(named);
});

const parse = () => parsePlanText(planText, { headings: printed });
const levelIds = (level: string) => sources.measures.filter((m) => m.value.level === level).map((m) => m.value.id);

describe('parsing the plan text', () => {
  it('reads it without a problem, into as many chapters, sections and items as data/measures.yaml has, with the same ids', () => {
    const plan = parse();
    expect(plan.problems).toEqual([]);
    for (const level of ['chapter', 'section', 'item'] as const)
      expect(plan.headings.filter((h) => h.level === level).map((h) => h.id), level).toEqual(levelIds(level));
  });

  it('finds every printed measure heading as printed, and no heading where a measure is marked unprinted', () => {
    const byId = new Map(parse().headings.map((h) => [h.id, h]));
    const wrong = sources.measures
      .map((m) => m.value)
      .filter((m) => byId.get(m.id)?.text !== (m.printed ? m.heading_zh : null))
      .map((m) => `${m.id}: measure «${m.printed ? m.heading_zh : 'unprinted'}», text «${byId.get(m.id)?.text}»`);
    expect(wrong).toEqual([]);
  });

  it('keeps every character of the text: headings and paragraphs together are the text, line for line', () => {
    const plan = parse();
    for (const p of plan.paragraphs) expect(planText.slice(p.offset, p.offset + p.text.length), p.id).toBe(p.text);
    // Each line is a heading line, a paragraph, or (the run-on 第一节 line) a heading followed by its paragraph.
    const paragraphsByLine = new Map(plan.paragraphs.map((p) => [p.offset, p]));
    let offset = 0;
    for (const line of planText.split('\n')) {
      const p = paragraphsByLine.get(offset);
      if (p) expect(p.text, `line at ${offset}`).toBe(line);
      else {
        const inside = plan.paragraphs.find((q) => q.offset > offset && q.offset < offset + line.length);
        const head = inside ? line.slice(0, inside.offset - offset) : line;
        expect(/^第[一二三四五六七八九十]+[章节] /.test(head), `«${head.slice(0, 20)}» is a heading line`).toBe(true);
        if (inside) expect(offset + line.length, 'a run-on paragraph runs to the line end').toBe(inside.offset + inside.text.length);
      }
      offset += line.length + 1;
    }
  });

  it('numbers paragraphs within their measure, and marks the run-in heading of each item', () => {
    const plan = parse();
    expect(new Set(plan.paragraphs.map((p) => p.id)).size).toBe(plan.paragraphs.length);
    const measureIds = new Set(sources.measures.map((m) => m.value.id));
    for (const p of plan.paragraphs) {
      expect(measureIds.has(p.measure), p.id).toBe(true);
      expect(paragraphMeasure(p.id)).toBe(p.measure);
      const item = /\.i\d+$/.test(p.measure);
      if (item && p.id.endsWith('.p1')) {
        const heading = plan.headings.find((h) => h.id === p.measure)!.text!;
        const head = p.text.slice(0, p.head);
        expect(head, p.id).toMatch(/^\([一二三四五六七八九十]+\)/);
        expect(head.replace(/^\([一二三四五六七八九十]+\)/, ''), p.id).toBe(`${heading}。`);
      } else expect(p.head, p.id).toBe(0);
    }
  });

  it('needs the known heading to split a heading run into its paragraph, and says so without it', () => {
    const alone = parsePlanText(planText);
    expect(alone.problems.some((p) => p.includes('c1.s1') && p.includes('runs into its paragraph'))).toBe(true);
    expect(parse().paragraphs.find((p) => p.id === 'c1.s1.p1')?.text.startsWith('内蒙古与环渤海')).toBe(true);
  });

  it('gives unnumbered text after an item to that item, and reports numbering out of sequence', () => {
    const text = ['第一章 甲', '引言。', '(一)项一。正文。', '续段。', '第二节 乙', '(二)跳号。'].join('\n');
    const plan = parsePlanText(text);
    expect(plan.paragraphs.map((p) => p.id)).toEqual(['c1.s1.p1', 'c1.s1.i1.p1', 'c1.s1.i1.p2', 'c1.s2.i2.p1']);
    expect(plan.headings.map((h) => [h.id, h.text])).toEqual([['c1', '甲'], ['c1.s1', null], ['c1.s1.i1', '项一'], ['c1.s2', '乙'], ['c1.s2.i2', '跳号']]);
    expect(plan.problems).toEqual(['line 6: item 2 follows item 0 in c1.s2']);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('二十')).toBe(20);
  });
});

describe("where each project's phrase stands", () => {
  it('locates every project phrase exactly once, or settles the ambiguity with a paragraph hint', () => {
    const plan = parse();
    const result = locatePhrases(plan.paragraphs, sources.projects.map(({ value: p }) => ({ id: p.id, phrase: p.phrase, paragraph: p.paragraph })));
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.located).length).toBe(sources.projects.length);
    for (const a of result.ambiguities) expect(a.chosen, a.project).not.toBeNull();
    const byId = new Map(plan.paragraphs.map((p) => [p.id, p]));
    for (const { value: p } of sources.projects) {
      const at = result.located[p.id]!;
      expect(byId.get(at.paragraph)!.text.slice(at.start, at.end), p.id).toBe(p.phrase);
      const n = occurrences(plan.paragraphs, p.phrase).length;
      expect(n === 1 || result.ambiguities.some((a) => a.project === p.id), `${p.id}: ${n} occurrences and no ambiguity listed`).toBe(true);
    }
  });

  it("puts each phrase in a paragraph of one of the project's measures (or above or below it)", () => {
    const { located } = locatePhrases(parse().paragraphs, sources.projects.map(({ value: p }) => ({ id: p.id, phrase: p.phrase })));
    const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
    const wrong = sources.projects
      .filter(({ value: p }) => !p.measures.some((m) => related(paragraphMeasure(located[p.id]!.paragraph), m)))
      .map(({ value: p }) => `${p.id}: phrase in ${located[p.id]!.paragraph}, measures ${p.measures.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('asks for a hint where a phrase stands twice, takes the hinted paragraph, and rejects a hint that does not fit', () => {
    const paragraphs: PlanParagraph[] = [
      { id: 'c1.s1.p1', measure: 'c1.s1', text: '建设甲乙铁路。', head: 0 },
      { id: 'c1.s1.p2', measure: 'c1.s1', text: '推进甲乙铁路。建设丙港。', head: 0 },
    ];
    const r = locatePhrases(paragraphs, [
      { id: 'twice', phrase: '甲乙铁路' },
      { id: 'hinted', phrase: '甲乙铁路', paragraph: 'c1.s1.p2' },
      { id: 'once-wrong-hint', phrase: '丙港', paragraph: 'c1.s1.p1' },
      { id: 'missing', phrase: '丁线' },
      { id: 'no-such-paragraph', phrase: '丙港', paragraph: 'c9.s9.p9' },
    ]);
    expect(r.located.hinted).toEqual({ paragraph: 'c1.s1.p2', start: 2, end: 6 });
    expect(r.located.twice).toBeUndefined();
    expect(r.ambiguities).toEqual([
      { project: 'twice', phrase: '甲乙铁路', candidates: ['c1.s1.p1', 'c1.s1.p2'], chosen: null },
      { project: 'hinted', phrase: '甲乙铁路', candidates: ['c1.s1.p1', 'c1.s1.p2'], chosen: 'c1.s1.p2' },
    ]);
    expect(r.problems).toHaveLength(5);
    expect(r.problems.join('\n')).toMatch(/project twice: .*stands 2 times.*add `paragraph/);
    expect(r.problems.join('\n')).toMatch(/project once-wrong-hint: field paragraph: the phrase stands only in c1\.s1\.p2/);
    expect(r.problems.join('\n')).toMatch(/project missing: field phrase: «丁线» is not in the plan/);
    expect(r.problems.join('\n')).toMatch(/project no-such-paragraph: field paragraph: no paragraph c9\.s9\.p9/);
  });

  it('stops the compiler naming the file and project when a phrase is not in the text', () => {
    const broken = { ...sources, projects: sources.projects.map((p, i) => (i === 0 ? { ...p, value: { ...p.value, phrase: '这句话不在规划里' } } : p)) };
    expect(() => buildPlanText(planText, broken)).toThrow(CatalogueError);
    expect(() => buildPlanText(planText, broken)).toThrow(new RegExp(`${sources.projects[0]!.file}: project ${sources.projects[0]!.value.id}: field phrase`));
  });

  it('public/data/plan-text.json is compiled from the current text and catalogue', () => {
    const onDisk = JSON.parse(readFileSync(join(repoRoot, 'public/data/plan-text.json'), 'utf8')) as PlanTextFile;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(buildPlanText(planText, sources).file)));
  });
});

describe('places the text names', () => {
  it('takes the longest name first: 天津港 is the seaport, not 天津', () => {
    const text = parse().paragraphs.find((p) => p.text.includes('天津港'))!.text;
    const at = text.indexOf('天津港');
    const m = finder.mentions(text).find((x) => x.start === at)!;
    expect(m.end - m.start).toBe(3);
    expect(finder.byKey.get(m.key)!.name_zh).toBe('天津港');
  });

  it('never lets two mentions overlap, and every mention is one of its place forms', () => {
    for (const p of parse().paragraphs) {
      const ms = finder.mentions(p.text);
      for (let i = 1; i < ms.length; i++) expect(ms[i]!.start, p.id).toBeGreaterThanOrEqual(ms[i - 1]!.end);
      for (const m of ms) expect(finder.byKey.get(m.key)!.forms, p.id).toContain(p.text.slice(m.start, m.end));
    }
  });

  it('names every gazetteer place whose name or alias stands in the text', () => {
    const plan = parse();
    const mentioned = new Set(plan.paragraphs.flatMap((p) => finder.mentions(p.text).map((m) => m.key)));
    const all = plan.paragraphs.map((p) => p.text).join('\n');
    // A place loses a mention only to another's longer name around it (阿尔山 inside 阿尔山口岸).
    const coveredByLonger = (f: string) => {
      const longer = named.flatMap((o) => o.forms).filter((g) => g.length > f.length && g.includes(f));
      return occurrences(plan.paragraphs, f).every((o) => {
        const text = plan.paragraphs.find((p) => p.id === o.paragraph)!.text;
        return longer.some((g) => {
          for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) if (i <= o.start && o.end <= i + g.length) return true;
          return false;
        });
      });
    };
    const missing = named
      .filter((p) => p.kind === 'place' && p.forms.some((f) => all.includes(f)) && !mentioned.has(placeKey(p)))
      .filter((p) => !p.forms.filter((f) => all.includes(f)).every(coveredByLonger))
      .map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it('short forms of provinces and leagues only: 包头市 → 包头, 锡林郭勒盟 → 锡林郭勒, not 青山区 → 青山', () => {
    expect(regionShortForm('包头市', 'prefecture')).toBe('包头');
    expect(regionShortForm('锡林郭勒盟', 'prefecture')).toBe('锡林郭勒');
    expect(regionShortForm('广西壮族自治区', 'province')).toBe('广西');
    expect(regionShortForm('青山区', 'county')).toBeNull();
  });

  it("leaves out of the paragraph lists only the plan's subjects: the two places named most, far more than any other", () => {
    const count = new Map<string, number>();
    for (const p of parse().paragraphs) for (const k of new Set(finder.mentions(p.text).map((m) => m.key))) count.set(k, (count.get(k) ?? 0) + 1);
    const ranked = [...count].sort((a, b) => b[1] - a[1]);
    expect(new Set(ranked.slice(0, 2).map(([k]) => k))).toEqual(PLAN_SUBJECTS);
    expect(ranked[1]![1]).toBeGreaterThan(2 * ranked[2]![1]);
    expect(finder.placesIn(parse().paragraphs.find((p) => p.id === 'c1.s1.p1')!.text, PLAN_SUBJECTS)).toEqual([]);
  });
});

describe('search in the text', () => {
  const paragraphs = () => parse().paragraphs;

  it('finds a Chinese substring wherever it stands, in the text order, with context from its paragraph', () => {
    const ps = paragraphs();
    const r = searchPlanText(ps, '铁路', finder, { context: 6 });
    expect(r.hits.map((h) => `${h.paragraph}:${h.start}`)).toEqual(occurrences(ps, '铁路').map((o) => `${o.paragraph}:${o.start}`));
    const byId = new Map(ps.map((p) => [p.id, p.text]));
    for (const h of r.hits) {
      const text = byId.get(h.paragraph)!;
      expect(h.match).toBe('铁路');
      expect(h.before).toBe(text.slice(Math.max(0, h.start - 6), h.start));
      expect(h.after).toBe(text.slice(h.end, h.end + 6));
    }
    expect(r.places).toEqual([]);
  });

  it('finds a place by its Chinese name, its pinyin, its English name and its initials alike', () => {
    const ps = paragraphs();
    const key = (r: ReturnType<typeof searchPlanText>) => r.hits.filter((h) => h.place === 'place:baotou').map((h) => `${h.paragraph}:${h.start}`);
    const zh = searchPlanText(ps, '包头', finder);
    expect(key(zh).length).toBeGreaterThan(0);
    expect(zh.places[0]?.place.id).toBe('baotou');
    for (const q of ['baotou', 'Baotou', 'BAOTOU ', 'bt']) {
      const r = searchPlanText(ps, q, finder);
      expect(key(r), q).toEqual(key(zh));
      expect(r.places.map((p) => placeKey(p.place)), q).toContain('place:baotou');
    }
  });

  it("finds a place under any of its names: 锡盟, xilinguole and Xilinhot all find 锡林郭勒", () => {
    const ps = paragraphs();
    const all = ps.flatMap((p) => finder.mentions(p.text).filter((m) => m.key === 'place:xilinhaote').map((m) => p.text.slice(m.start, m.end)));
    expect(new Set(all).size).toBeGreaterThan(1);
    expect(searchPlanText(ps, '锡盟', finder).hits.filter((h) => h.place).map((h) => h.match).sort()).toEqual([...all].sort());
    expect(searchPlanText(ps, 'Xilinhot', finder).hits.map((h) => h.match).sort()).toEqual([...all].sort());
    const byLeague = searchPlanText(ps, 'xilinguole', finder).hits.map((h) => h.match);
    expect(byLeague.length).toBeGreaterThan(0);
    expect(byLeague.every((m) => m.startsWith('锡林郭勒'))).toBe(true);
  });

  it('finds Latin text as written in the plan (PPP), and nothing for a query that names nothing', () => {
    const ps = paragraphs();
    expect(searchPlanText(ps, 'ppp', finder).hits.map((h) => h.match)).toEqual(occurrences(ps, 'PPP').map(() => 'PPP'));
    expect(searchPlanText(ps, 'zzqx', finder).hits).toEqual([]);
    expect(searchPlanText(ps, '  ', finder).hits).toEqual([]);
  });

  it('caps the hits and says so', () => {
    const r = searchPlanText(paragraphs(), '的', finder, { limit: 5 });
    expect(r.hits).toHaveLength(5);
    expect(r.truncated).toBe(true);
    expect(r.total).toBe(occurrences(paragraphs(), '的').length);
  });
});

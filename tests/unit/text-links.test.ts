// @vitest-environment jsdom
/**
 * From the map to the plan's text and into exports, with the real compiled data: the paragraphs that
 * name a region (src/domain/region-mentions.ts), the quote of a selected project or measure
 * (src/export/quote.ts) and the caption the layout gives it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { PlaceFinder, type PlanTextFile } from '../../src/domain/plan-text.ts';
import { paragraphsNamingRegions, type RegionMention } from '../../src/domain/region-mentions.ts';
import type { SearchKeys } from '../../src/domain/types.ts';
import { layout, type ExportContent } from '../../src/export/layout.ts';
import { presetById, resolveSize } from '../../src/export/presets.ts';
import { exportQuote, quoteCaption, quoteNotes, withQuotes } from '../../src/export/quote.ts';
import { approximateMeasure } from '../../src/export/text.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import { readerPlaces } from '../../src/ui/reader/reader-data.ts';

const read = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;

let cat: Catalogue;
let text: PlanTextFile;
let byRegion: Map<string, RegionMention[]>;
const STEEL = 'ind-rare-earth-steel-base-baotou';

beforeAll(async () => {
  cat = readCatalogue();
  text = read<PlanTextFile>('public/data/plan-text.json');
  const keys = read<{ regions: Record<string, SearchKeys> }>('public/data/search-keys.json').regions;
  byRegion = paragraphsNamingRegions(text.paragraphs, new PlaceFinder(readerPlaces(cat, keys)), {
    placeRegion: (id) => cat.place(id)?.properties.region ?? null,
    ancestors: (code) => cat.regions.ancestors(code),
  });
  await initI18n('zh');
});

const ids = (code: string) => (byRegion.get(code) ?? []).map((m) => m.paragraph);

describe('the paragraphs that name a region', () => {
  it('lists every paragraph that writes 包头 for 包头市, in text order, with the words that name it', () => {
    const writing = text.paragraphs.filter((p) => p.text.includes('包头')).map((p) => p.id);
    expect(writing.length).toBeGreaterThan(3);
    const listed = ids('150200');
    for (const id of writing) expect(listed).toContain(id);
    const order = text.paragraphs.map((p) => p.id);
    expect(listed.map((id) => order.indexOf(id))).toEqual([...listed.map((id) => order.indexOf(id))].sort((a, b) => a - b));
    // The paragraph of the rare-earth steel base names 包头 in its words.
    const steel = byRegion.get('150200')!.find((m) => m.paragraph === text.projects[STEEL]!.paragraph)!;
    expect(steel.words).toContain('包头');
  });

  it('counts a paragraph for the region and all its ancestors', () => {
    for (const [code, mentions] of byRegion)
      for (const anc of cat.regions.ancestors(code)) {
        const above = new Set(ids(anc));
        for (const m of mentions) expect(above.has(m.paragraph), `${m.paragraph} names ${code} but is not listed for ${anc}`).toBe(true);
      }
  });

  it('reads 鄂尔多斯 as the city (鄂尔多斯市), not as the district its point stands in (康巴什区)', () => {
    const writing = text.paragraphs.filter((p) => p.text.includes('鄂尔多斯')).map((p) => p.id);
    expect(writing.length).toBeGreaterThan(0);
    for (const id of writing) expect(ids('150600')).toContain(id);
    const kangbashi = new Set(ids('150603'));
    for (const p of text.paragraphs.filter((q) => q.text.includes('鄂尔多斯') && !q.text.includes('康巴什'))) expect(kangbashi.has(p.id)).toBe(false);
  });
});

describe('the quote of an export', () => {
  it("quotes a project's phrase as the plan prints it, with its paragraph", () => {
    const q = exportQuote({ kind: 'project', id: STEEL }, cat, text)!;
    const at = text.projects[STEEL]!;
    expect(q.paragraph).toBe(at.paragraph);
    expect(q.words).toBe(cat.project(STEEL)!.properties.phrase);
    const para = text.paragraphs.find((p) => p.id === at.paragraph)!;
    expect(q.paragraphText).toBe(para.text);
    expect(para.text).toContain(q.words);
    expect(q.summaryEn).toBe(cat.measure(para.measure)!.summary_en);
  });

  it("quotes a measure's first paragraph", () => {
    for (const m of cat.allMeasures().filter((x) => x.level !== 'chapter')) {
      const q = exportQuote({ kind: 'measure', id: m.id }, cat, text);
      const first = text.paragraphs.find((p) => p.measure === m.id || p.id.startsWith(`${m.id}.`));
      if (!first) {
        expect(q).toBeNull();
        continue;
      }
      expect(q!.paragraph).toBe(first.id);
      expect(q!.words).toBe(first.text);
      expect(q!.summaryEn).toBe(m.summary_en);
    }
  });

  it('quotes nothing for a region, no selection, or a project the text does not hold', () => {
    expect(exportQuote({ kind: 'region', code: '150200' }, cat, text)).toBeNull();
    expect(exportQuote(null, cat, text)).toBeNull();
    expect(exportQuote({ kind: 'project', id: 'no-such-project' }, cat, text)).toBeNull();
    const pages = withQuotes([{ state: { selection: { kind: 'region', code: '150200' } } }, { state: { selection: { kind: 'project', id: STEEL } } }] as const, cat, text);
    expect(pages.map((p) => p.quote?.paragraph ?? null)).toEqual([null, text.projects[STEEL]!.paragraph]);
  });

  it('labels the English summary as a summary, and gives no English in Chinese', () => {
    const q = exportQuote({ kind: 'project', id: STEEL }, cat, text)!;
    const zh = quoteCaption(q, 'zh', i18next.getFixedT('zh'));
    expect(zh).toHaveLength(1);
    expect(zh[0]).toContain(`§${q.paragraph}`);
    expect(zh[0]).toContain(`「${q.words}」`);
    const en = quoteCaption(q, 'en', i18next.getFixedT('en'));
    expect(en[0]).toContain(`「${q.words}」`);
    expect(en[1]).toBe(`Summary (not an official translation): ${q.summaryEn}`);
    const notes = quoteNotes(q, 'en', i18next.getFixedT('en'));
    expect(notes).toContain(`「${q.words}」`);
    expect(notes.some((l) => l.includes(q.paragraphText))).toBe(true);
    expect(notes.filter((l) => /translation/i.test(l)).every((l) => l.startsWith('Summary (not an official translation)'))).toBe(true);
    expect(quoteNotes(q, 'zh', i18next.getFixedT('zh')).join('\n')).not.toContain(q.summaryEn!);
  });
});

describe('the caption on the page', () => {
  const content = (caption?: string[]): ExportContent => ({
    lang: 'zh',
    title: '包头稀土钢基地',
    subtitle: '内蒙古融入环渤海地区合作发展规划',
    legendHeading: '图例',
    legendKey: '线型',
    legend: [],
    notesHeading: null,
    notes: [],
    more: (n) => `另 ${n} 项`,
    source: '边界：echarts。示意图，不作为权属界线依据。',
    ...(caption ? { caption } : {}),
  });

  for (const id of ['slide-1920', 'a4-portrait-300']) {
    it(`sits between the map and the source note, each block in at most two lines (${id})`, () => {
      const size = resolveSize(presetById(id)!);
      const measure = approximateMeasure;
      const q = exportQuote({ kind: 'measure', id: 'c4.s1.i1' }, cat, text)!;
      const blocks = quoteCaption(q, 'en', i18next.getFixedT('en'));
      const withCap = layout(size, content(blocks), measure);
      const without = layout(size, content(), measure);
      const cap = withCap.elements.find((e) => e.type === 'text' && e.role === 'caption');
      const src = withCap.elements.find((e) => e.type === 'text' && e.role === 'source');
      if (cap?.type !== 'text' || src?.type !== 'text') throw new Error('no caption or source');
      expect(cap.lines.length).toBeGreaterThanOrEqual(2);
      expect(cap.lines.length).toBeLessThanOrEqual(2 * blocks.length);
      expect(withCap.map.y + withCap.map.h).toBeLessThanOrEqual(cap.y);
      expect(cap.y + cap.lines.length * cap.style.lineHeight).toBeLessThanOrEqual(src.y);
      expect(withCap.map.h).toBeLessThan(without.map.h);
      expect(without.elements.some((e) => e.type === 'text' && e.role === 'caption')).toBe(false);
      // The quote starts as the plan prints it.
      expect(cap.lines[0]).toContain(`§${q.paragraph}`);
      expect(cap.lines.join('')).toContain(q.words.slice(0, 10));
    });
  }
});

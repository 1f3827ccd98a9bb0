// @vitest-environment jsdom
/**
 * The plan reader (src/ui/reader/PlanReader.tsx) in jsdom with the real compiled data: the text by
 * chapter, every project's phrase marked in its layer's colour and named on hover, selection by click
 * and by keyboard, the places of each paragraph, search with hits and places, scrolling to a focused
 * paragraph, and the English summaries labelled as not an official translation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { PLAN_SUBJECTS, PlaceFinder, searchPlanText, type NamedPlace, type PlanTextFile } from '../../src/domain/plan-text.ts';
import type { SearchKeys } from '../../src/domain/types.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import { PlanReader, type PlanReaderProps } from '../../src/ui/reader/PlanReader.tsx';
import { readerPlaces, readerProjects, type ReaderProject } from '../../src/ui/reader/reader-data.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const read = <T>(rel: string): T => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as T;

let cat: Catalogue;
let text: PlanTextFile;
let projects: ReaderProject[];
let places: NamedPlace[];
let root: Root;
let host: HTMLDivElement;
const scrolled: string[] = [];
const calls = { select: [] as string[], hover: [] as (string | null)[], paragraph: [] as string[], place: [] as string[] };

function props(over: Partial<PlanReaderProps> = {}): PlanReaderProps {
  return {
    text,
    measures: cat.allMeasures(),
    projects,
    places,
    lang: 'zh',
    selectedProjectId: null,
    focusParagraphId: null,
    onSelectProject: (id) => calls.select.push(id),
    onHoverProject: (id) => calls.hover.push(id),
    onSelectParagraph: (id) => calls.paragraph.push(id),
    onSelectPlace: (p) => calls.place.push(`${p.kind}:${p.id}`),
    ...over,
  };
}

async function render(p: PlanReaderProps) {
  await act(async () => {
    root.render(createElement(PlanReader, p));
  });
}

const $ = <E extends Element = HTMLElement>(sel: string) => host.querySelector<E & Element>(sel) as unknown as E;
const $$ = <E extends Element = HTMLElement>(sel: string) => [...host.querySelectorAll(sel)] as unknown as E[];
const markOf = (projectId: string) =>
  $$('.reader-phrase').find((m) => m.dataset.project === projectId || (m.dataset.projects ?? '').split(' ').includes(projectId));

beforeAll(async () => {
  cat = readCatalogue();
  text = read<PlanTextFile>('public/data/plan-text.json');
  projects = readerProjects(cat);
  places = readerPlaces(cat, read<{ regions: Record<string, SearchKeys> }>('public/data/search-keys.json').regions);
  await initI18n('zh');
  initReactI18next.init(i18next);
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this.getAttribute('data-paragraph') ?? '?');
  };
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterAll(() => {
  act(() => root.unmount());
});

beforeEach(async () => {
  for (const k of Object.keys(calls) as (keyof typeof calls)[]) calls[k].length = 0;
  scrolled.length = 0;
  await act(async () => {
    await i18next.changeLanguage('zh');
  });
  await render(props());
});

describe('the plan reader', () => {
  it('shows the text by chapter, section and item: every chapter heading and every paragraph, word for word', () => {
    expect($$('.reader-h--chapter').map((h) => h.textContent)).toEqual(
      text.headings.filter((h) => h.level === 'chapter').map((h) => `第${'一二三四五六七八九'[h.n - 1]}章 ${h.text}`),
    );
    const shown = $$('[data-paragraph].reader-para');
    expect(shown.map((p) => p.dataset.paragraph)).toEqual(text.paragraphs.map((p) => p.id));
    for (const [i, el] of shown.entries()) expect(el.querySelector('.reader-para__text')!.textContent, el.dataset.paragraph).toBe(text.paragraphs[i]!.text);
    // Sections the plan leaves unheaded show our name, bracketed and marked as ours.
    const unprinted = cat.allMeasures().filter((m) => m.level === 'section' && !m.printed);
    expect($$('.reader-h--unprinted').map((h) => h.textContent)).toEqual(unprinted.map((m) => expect.stringContaining(m.heading_zh)));
  });

  it("marks every project's phrase in its layer's colour, named on hover", () => {
    const colour = new Map(projects.map((p) => [p.id, p.color]));
    for (const p of cat.allProjects()) {
      const mark = markOf(p.properties.id);
      expect(mark, p.properties.id).toBeDefined();
      expect(mark!.textContent).toBe(p.properties.phrase);
      const chip = mark!.dataset.project ? mark! : $(`.reader-chip[data-project="${p.properties.id}"]`);
      expect(chip.style.getPropertyValue('--c'), p.properties.id).toBe(colour.get(p.properties.id));
      expect(chip.dataset.tip).toBe(p.properties.name_zh);
    }
  });

  it('tells the app what is pointed at, and selects on click and on Enter', async () => {
    const single = $$('.reader-phrase[data-project]')[0]!;
    const id = single.dataset.project!;
    await act(async () => {
      single.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      single.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    });
    expect(calls.hover).toEqual([id, null]);
    await act(async () => single.click());
    expect(single.tabIndex).toBe(0);
    single.focus();
    await act(async () => {
      single.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(calls.select).toEqual([id, id]);
    // Words several projects come from: a button each.
    const shared = $$('.reader-phrase--shared')[0]!;
    const ids = shared.dataset.projects!.split(' ');
    const chips = [...(shared.nextElementSibling as HTMLElement).querySelectorAll<HTMLButtonElement>('button.reader-chip')];
    expect(chips.map((c) => c.dataset.project)).toEqual(ids);
    await act(async () => chips[1]!.click());
    expect(calls.select.at(-1)).toBe(ids[1]);
  });

  it('marks the selected project, and scrolls to and marks the focused paragraph', async () => {
    const p = cat.allProjects().find((f) => text.projects[f.properties.id]!.paragraph.startsWith('c4.'))!.properties.id;
    const para = text.projects[p]!.paragraph;
    await render(props({ selectedProjectId: p, focusParagraphId: para }));
    const mark = markOf(p)!;
    expect(mark.classList.contains('is-selected')).toBe(true);
    expect($(`[data-paragraph="${para}"].reader-para`).classList.contains('is-focused')).toBe(true);
    expect(scrolled).toEqual([para]);
    expect($$('.reader-phrase.is-selected')).toHaveLength(1);
  });

  it("lists each paragraph's places (not 内蒙古 or 环渤海), and hands a chosen one to the app", async () => {
    const finder = new PlaceFinder(places);
    for (const p of text.paragraphs) {
      const el = $(`[data-paragraph="${p.id}"].reader-para`);
      const listed = [...el.querySelectorAll<HTMLElement>('.reader-place')].map((x) => x.dataset.place);
      expect(listed, p.id).toEqual(finder.placesIn(p.text, PLAN_SUBJECTS).map((x) => `${x.kind}:${x.id}`));
      for (const k of PLAN_SUBJECTS) expect(listed).not.toContain(k);
    }
    const baotou = $('.reader-place[data-place="place:baotou"]') as HTMLButtonElement;
    expect(baotou.textContent).toBe('包头');
    await act(async () => baotou.click());
    expect(calls.place).toEqual(['place:baotou']);
  });

  it('searches the text by pinyin, lists the hits with context and the places among them, and goes to a hit', async () => {
    const input = $('input[type="search"]') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setValue.call(input, 'baotou');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const expected = searchPlanText(text.paragraphs, 'baotou', new PlaceFinder(places), { context: 16 });
    const rows = $$('.reader-hit-row');
    expect(rows).toHaveLength(expected.hits.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.querySelector('.reader-hit')!.textContent)).toEqual(expected.hits.map((h) => h.match));
    expect($('.reader-results__count').textContent).toContain(String(expected.total));
    expect($$('.reader-results__places .reader-place').map((x) => x.dataset.place)).toContain('place:baotou');
    // The hits are marked in the text too.
    expect($$('.plan-reader__body .reader-hit').map((x) => x.textContent).join('')).toBe(expected.hits.map((h) => h.match).join(''));
    await act(async () => rows[0]!.click());
    expect(calls.paragraph).toEqual([expected.hits[0]!.paragraph]);
    expect(scrolled).toEqual([expected.hits[0]!.paragraph]);
    await act(async () => {
      setValue.call(input, '这几个字不在规划里');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($('.reader-results__count').textContent).toContain('这几个字不在规划里');
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(input.value).toBe('');
  });

  it('in English, puts each measure’s title and summary beside the Chinese, labelled as not an official translation', async () => {
    expect($$('.reader-summary')).toHaveLength(0);
    await act(async () => {
      await i18next.changeLanguage('en');
    });
    await render(props({ lang: 'en' }));
    const asides = $$('.reader-summary');
    expect(asides.map((a) => a.dataset.measure)).toEqual(cat.allMeasures().map((m) => m.id));
    for (const a of asides) {
      const m = cat.measure(a.dataset.measure!)!;
      expect(a.querySelector('.reader-summary__label')!.textContent).toBe('Summary (not an official translation)');
      expect(a.querySelector('.reader-summary__title')!.textContent).toContain(m.title_en);
      expect(a.querySelector('.reader-summary__text')!.textContent).toBe(m.summary_en);
      expect(a.getAttribute('lang')).toBe('en');
    }
    // The text stays Chinese; names are English.
    expect($('[data-paragraph="c1.s1.p1"] .reader-para__text').getAttribute('lang')).toBe('zh-Hans');
    const p = projects[0]!;
    const mark = markOf(p.id)!;
    const named = mark.dataset.project ? mark : $(`.reader-chip[data-project="${p.id}"]`);
    expect(named.dataset.tip).toBe(p.name.en);
    expect(($('.reader-place[data-place="place:baotou"]') as HTMLElement).textContent).toBe('Baotou');
  });
});

vi.setConfig({ testTimeout: 60_000 });

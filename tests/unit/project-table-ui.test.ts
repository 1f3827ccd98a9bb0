// @vitest-environment jsdom
/**
 * The project table (src/ui/table/ProjectTable.tsx) in jsdom with the real catalogue: a window of
 * rows, sorting by header (aria-sort), filtering, choosing columns, selecting by click and by
 * keyboard, following a selection made elsewhere, the status column, 2,160 rows, and the exports.
 */
import JSZip from 'jszip';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import zh from '../../src/i18n/zh.json';
import { ProjectTable, ROW_HEIGHT, type ProjectTableProps } from '../../src/ui/table/ProjectTable.tsx';
import { enlargedCatalogue } from './support/big-catalogue.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let cat: Catalogue;
let root: Root;
let host: HTMLDivElement;
const selected: string[] = [];
const downloads: { name: string; blob: Blob }[] = [];

function props(over: Partial<ProjectTableProps> = {}): ProjectTableProps {
  return { catalogue: cat, projects: cat.allProjects(), lang: 'zh', selectedId: null, onSelectProject: (id) => selected.push(id), ...over };
}

async function render(p: ProjectTableProps) {
  await act(async () => {
    root.render(createElement(ProjectTable, p));
  });
}

const $ = <E extends Element = HTMLElement>(sel: string) => host.querySelector(sel) as unknown as E;
const $$ = <E extends Element = HTMLElement>(sel: string) => [...host.querySelectorAll(sel)] as unknown as E[];
const rowIds = () => $$('[role="row"][data-project]').map((r) => r.dataset.project!);
const grid = () => $<HTMLDivElement>('[role="grid"]');
const scroller = () => $('.ptable__scroll');
const key = (k: string) => act(async () => void grid().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const click = (el: Element) => act(async () => void (el as HTMLElement).click());
async function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  // React listens for the native input event and reads the value through the prototype setter.
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
async function scrollTo(top: number) {
  await act(async () => {
    scroller().scrollTop = top;
    scroller().dispatchEvent(new Event('scroll'));
  });
}

beforeAll(async () => {
  cat = readCatalogue();
  await initI18n('zh');
  initReactI18next.init(i18next);
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob! });
  };
  const create = URL.createObjectURL;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    lastBlob = b as Blob;
    return create(b);
  };
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
let lastBlob: Blob | undefined;

afterAll(() => {
  act(() => root.unmount());
});

beforeEach(async () => {
  selected.length = 0;
  downloads.length = 0;
  // A fresh table each time (sort, filters and columns are its own state).
  await act(async () => root.render(createElement('div')));
  await render(props());
});

describe('the project table', () => {
  it('counts every project but renders only a window of rows', () => {
    const n = cat.allProjects().length;
    expect($('[data-testid="ptable-count"]').textContent).toBe(`${n} / ${n} 个项目`);
    expect(grid().getAttribute('aria-rowcount')).toBe(String(n + 1));
    // jsdom has no layout: the window assumes a 480 px view, 15 rows, 6 more either side, in steps of 10.
    expect(rowIds().length).toBeGreaterThan(10);
    expect(rowIds().length).toBeLessThanOrEqual(40);
    // The body is as tall as every row; each rendered row sits at its index.
    expect($('.ptable__body').style.height).toBe(`${n * ROW_HEIGHT}px`);
    const rows = $$('[role="row"][data-project]');
    for (const r of rows) expect(r.style.transform).toBe(`translateY(${(Number(r.getAttribute('aria-rowindex')) - 2) * ROW_HEIGHT}px)`);
  });

  it('sorts by a header click, with aria-sort on that header only', async () => {
    const kmHeader = $('[role="columnheader"] button[data-sort="km"]');
    await click(kmHeader);
    const th = kmHeader.closest('[role="columnheader"]')!;
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect($$('[role="columnheader"][aria-sort]')).toHaveLength(1);
    const longest = [...cat.allProjects()].sort((a, b) => (b.properties.km ?? -1) - (a.properties.km ?? -1))[0]!;
    expect(rowIds()[0]).toBe(longest.properties.id);
    await click(kmHeader);
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    const shortest = Math.min(...cat.allProjects().flatMap((p) => (p.properties.km != null ? [p.properties.km] : [])));
    expect(cat.project(rowIds()[0]!)!.properties.km).toBe(shortest);
    await click($('[role="columnheader"] button[data-sort="name"]'));
    expect($('[role="columnheader"] button[data-sort="name"]').closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
    expect(th.hasAttribute('aria-sort')).toBe(false);
    // Pinyin order: the first names start with a (阿…) or b (包, 巴…) sounds, not by code point.
    const first = cat.project(rowIds()[0]!)!.properties;
    expect(first.pinyin[0]).toMatch(/[ab]/);
  });

  it('filters by name (Chinese or pinyin) and by stage; clears', async () => {
    const input = $<HTMLInputElement>('.ptable__search input');
    await change(input, '包头');
    const expected = cat.allProjects().filter((p) => p.properties.name_zh.includes('包头')).length;
    expect($('[data-testid="ptable-count"]').textContent).toBe(`${expected} / ${cat.allProjects().length} 个项目`);
    expect(rowIds().every((id) => cat.project(id)!.properties.name_zh.includes('包头'))).toBe(true);
    await change(input, 'baotou');
    expect(rowIds().length).toBeGreaterThanOrEqual(Math.min(expected, 15));
    await change(input, '');
    const stage = $<HTMLSelectElement>('select[data-facet="stage"]');
    await change(stage, 'study');
    expect(rowIds().length).toBeGreaterThan(0);
    expect(rowIds().every((id) => cat.project(id)!.properties.stage === 'study')).toBe(true);
    await click([...$$('button')].find((b) => b.textContent === '清除筛选')!);
    expect(stage.value).toBe('');
    expect(rowIds().length).toBeGreaterThan(10);
    await change(input, 'no such project');
    expect($('.ptable__empty').textContent).toBe('没有符合筛选条件的项目。');
  });

  it('hides and shows columns from the menu; the name stays', async () => {
    expect($$('[role="columnheader"] button').map((b) => b.dataset.sort)).toEqual(['name', 'layer', 'measure', 'stage', 'regions', 'km', 'precision']);
    await click($('input[data-column="regions"]'));
    expect($$('[role="columnheader"] button').map((b) => b.dataset.sort)).not.toContain('regions');
    expect($$('[role="row"][data-project]')[0]!.children).toHaveLength(6);
    expect($<HTMLInputElement>('input[data-column="name"]').disabled).toBe(true);
    await click($('input[data-column="regions"]'));
    expect($$('[role="columnheader"] button').map((b) => b.dataset.sort)).toContain('regions');
  });

  it('selects on click and with the keyboard (arrows move, Enter selects)', async () => {
    const second = $$('[role="row"][data-project]')[1]!;
    await click(second.querySelector('[role="gridcell"]')!);
    expect(selected).toEqual([second.dataset.project]);
    grid().focus();
    await key('Home');
    await key('ArrowDown');
    await key('ArrowDown');
    await key('ArrowUp');
    const activeId = grid().getAttribute('aria-activedescendant')!;
    expect(document.getElementById(activeId)!.dataset.project).toBe(rowIds()[1]);
    await key('Enter');
    expect(selected.at(-1)).toBe(rowIds()[1]);
    // End goes to the last row, which is then rendered and in view.
    await key('End');
    const last = document.getElementById(grid().getAttribute('aria-activedescendant')!)!;
    expect(last.getAttribute('aria-rowindex')).toBe(String(cat.allProjects().length + 1));
    expect(scroller().scrollTop).toBeGreaterThan(0);
  });

  it('follows a selection made elsewhere: highlighted and scrolled to', async () => {
    await click($('[role="columnheader"] button[data-sort="name"]'));
    const ids = [...cat.allProjects()].map((p) => p.properties.id);
    // A project far down the name order.
    const far = ids.find((id) => !rowIds().includes(id))!;
    await render(props({ selectedId: far }));
    const row = $(`[role="row"][data-project="${far}"]`);
    expect(row).not.toBeNull();
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(row.classList.contains('is-selected')).toBe(true);
    expect(scroller().scrollTop).toBeGreaterThan(0);
    expect($$('[role="row"][aria-selected="true"]')).toHaveLength(1);
  });

  it('shows a status column and filter when given a status source', async () => {
    const statusOf = (id: string) => (id === 'power-xilinguole-shandong-uhv' ? { status: 'in_operation', opened: '2016' } : undefined);
    await render(props({ statusOf }));
    expect($$('[role="columnheader"] button').map((b) => b.dataset.sort)).toContain('status');
    await change($<HTMLSelectElement>('select[data-facet="status"]'), 'in_operation');
    expect(rowIds()).toEqual(['power-xilinguole-shandong-uhv']);
    // The status's name as the project panel gives it (status.value in the strings).
    expect($('[role="gridcell"].ptable__cell--status').textContent).toBe(`${zh.status.value.in_operation} (2016)`);
  });

  it('exports what it shows as CSV (BOM, chosen language) and XLSX', async () => {
    await click($('[role="columnheader"] button[data-sort="km"]'));
    await click($('input[data-column="measure"]'));
    await click($('[data-testid="ptable-csv"]'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^规划项目表 \d{4}-\d\d-\d\d\.csv$/);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await downloads[0]!.blob.arrayBuffer());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('编号,项目名称,图层,阶段,涉及盟市,长度（千米）,位置精度');
    expect(lines[1]!.split(',')[0]).toBe(rowIds()[0]);
    expect(lines.filter(Boolean)).toHaveLength(cat.allProjects().length + 1);

    await change($<HTMLSelectElement>('[data-testid="ptable-export-lang"]'), 'en');
    await act(async () => {
      $<HTMLButtonElement>('[data-testid="ptable-xlsx"]').click();
      await new Promise((r) => setTimeout(r, 500));
    });
    expect(downloads).toHaveLength(2);
    expect(downloads[1]!.name).toMatch(/^Plan projects .*\.xlsx$/);
    const zip = await JSZip.loadAsync(await downloads[1]!.blob.arrayBuffer());
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>Leagues &amp; cities</t>');
    expect(strings).toContain(`<t>${cat.project(rowIds()[0]!)!.properties.name_en}</t>`);
    expect($('.ptable__note').textContent).toContain('已导出');
  });
});

describe('ten times the catalogue (2,160 rows)', () => {
  it('renders a window wherever it is scrolled to, and keyboard End reaches the last row', async () => {
    const big = enlargedCatalogue(cat, 10);
    expect(big.allProjects()).toHaveLength(cat.allProjects().length * 10);
    await render({ ...props(), catalogue: big, projects: big.allProjects() });
    const n = big.allProjects().length;
    expect(grid().getAttribute('aria-rowcount')).toBe(String(n + 1));
    expect(rowIds().length).toBeLessThanOrEqual(40);
    await scrollTo(1000 * ROW_HEIGHT);
    const rows = $$('[role="row"][data-project]');
    const indexes = rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
    expect(Math.min(...indexes)).toBeLessThanOrEqual(1000);
    expect(Math.max(...indexes)).toBeGreaterThanOrEqual(1000 + 10);
    expect(rows.length).toBeLessThanOrEqual(40);
    grid().focus();
    await key('End');
    expect($$('[role="row"][data-project]').at(-1)!.getAttribute('aria-rowindex')).toBe(String(n + 1));
    const t0 = performance.now();
    await click($('[role="columnheader"] button[data-sort="name"]'));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

// @vitest-environment jsdom
/**
 * The corridor panel and the measure tool (src/ui/analysis/) in jsdom with the real catalogue:
 * results grouped by league, the distance validated, the buffer handed up (and withdrawn), the
 * reverse query for a region, the CSV; the measure tool's running totals, legs, area and buttons.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { measureArea, measurePath, roundKm } from '../../src/domain/measure.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { CorridorPanel, type CorridorPanelProps } from '../../src/ui/analysis/CorridorPanel.tsx';
import { MeasureTool, type MeasureToolProps } from '../../src/ui/analysis/MeasureTool.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let cat: Catalogue;
let root: Root;
let host: HTMLDivElement;
let buffers: (Feature<Polygon | MultiPolygon> | null)[] = [];
let kms: number[] = [];
let lastBlob: Blob | undefined;
const downloads: { name: string; blob: Blob }[] = [];

const $ = <E extends Element = HTMLElement>(sel: string) => host.querySelector(sel) as unknown as E;
const $$ = <E extends Element = HTMLElement>(sel: string) => [...host.querySelectorAll(sel)] as unknown as E[];
const wait = (ms: number) => act(async () => void (await new Promise((r) => setTimeout(r, ms))));
async function type(el: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const render = (el: ReturnType<typeof createElement>) => act(async () => root.render(el));

function corridor(over: Partial<CorridorPanelProps> = {}): ReturnType<typeof createElement> {
  return createElement(CorridorPanel, {
    catalogue: cat,
    lang: 'zh',
    target: { kind: 'project', id: 'power-xilinguole-shandong-uhv' },
    initialKm: 30,
    onBuffer: (b) => buffers.push(b),
    onKmChange: (k) => kms.push(k),
    ...over,
  });
}

beforeAll(async () => {
  cat = readCatalogue();
  await initI18n('zh');
  initReactI18next.init(i18next);
  URL.createObjectURL = (b: Blob | MediaSource) => {
    lastBlob = b as Blob;
    return 'blob:test';
  };
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob! });
  };
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterAll(() => {
  act(() => root.unmount());
});

beforeEach(async () => {
  await render(createElement('div'));
  buffers = [];
  kms = [];
  downloads.length = 0;
});

describe('the corridor panel', () => {
  it('lists leagues and their counties near a line, nearest first, and hands up the buffer', async () => {
    await render(corridor());
    const groups = $$('tbody[data-league]');
    // All at 0 km first, the most km inside first: Beijing (152.9 km of the line, from the catalogue's touches).
    expect(groups[0]!.dataset.league).toBe('110000');
    const xilin = groups.find((g) => g.dataset.league === '152500')!;
    const league = xilin.querySelector('.corridor__league')!;
    expect(league.textContent).toContain('锡林郭勒盟');
    // The line leaves 锡林郭勒盟 through 多伦县 only: the league's km inside is 多伦县's.
    expect(league.textContent).toContain('24.5');
    const counties = [...xilin.querySelectorAll('.corridor__county')].map((r) => r.querySelector('th')!.textContent);
    expect(counties).toEqual(['多伦县', '正蓝旗']);
    // 克什克腾旗 is 40 km from the line's start: 赤峰 is not within 30 km.
    expect(groups.find((g) => g.dataset.league === '150400')).toBeUndefined();
    // Prefectures outside Inner Mongolia carry their province's name.
    expect(groups.find((g) => g.dataset.league === '130800')!.querySelector('.corridor__province')!.textContent).toContain('河北省');
    expect($('[data-testid="corridor-summary"]').textContent).toBe(`${groups.length} 个盟市、2 个旗县区；线路全长约 615 千米`);
    expect($('.analysis__caveat').textContent).toContain('示意');
    expect(buffers).toEqual([]);
    await wait(600);
    expect(buffers).toHaveLength(1);
    expect(buffers[0]!.geometry.type).toMatch(/Polygon/);
    expect(buffers[0]!.properties).toEqual({ km: 30 });
  });

  it('validates the distance: 1–500 km; an invalid entry keeps the last result', async () => {
    await render(corridor());
    const input = $<HTMLInputElement>('[data-testid="corridor-km"]');
    const before = $$('tbody[data-league]').length;
    await type(input, '0');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect($('[role="alert"]').textContent).toBe('请输入 1 到 500 之间的数。');
    expect($$('tbody[data-league]')).toHaveLength(before);
    await type(input, '600');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await type(input, '100');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(kms).toEqual([100]);
    expect($$('tbody[data-league]').length).toBeGreaterThan(before);
    expect($('.corridor__title').textContent).toContain('100 千米');
    await wait(600);
    expect(buffers.at(-1)!.properties).toEqual({ km: 100 });
    // Leaving withdraws the buffer.
    await render(createElement('div'));
    expect(buffers.at(-1)).toBeNull();
  });

  it('the reverse for a region: line projects near it, with the catalogue’s km inside', async () => {
    const selectedProjects: string[] = [];
    await render(corridor({ target: { kind: 'region', code: '152531' }, initialKm: 50, onSelectProject: (id) => selectedProjects.push(id) }));
    const rows = $$('tr[data-project]');
    // The UHV line starts in 多伦县 (its 锡盟 substation) and runs 24.5 km inside it.
    const uhv = rows.find((r) => r.dataset.project === 'power-xilinguole-shandong-uhv')!;
    expect(uhv.textContent).toContain('24.5');
    const touching = cat.projectsTouching('152531').filter((t) => t.project.geometry.type === 'LineString' && t.touch.spatial);
    expect(rows.length).toBeGreaterThanOrEqual(touching.length);
    for (const t of touching) expect(rows.map((r) => r.dataset.project)).toContain(t.project.properties.id);
    await act(async () => uhv.querySelector('button')!.click());
    expect(selectedProjects).toEqual(['power-xilinguole-shandong-uhv']);
  });

  it('says so for a project that is not a line, and draws no buffer', async () => {
    const point = cat.allProjects().find((p) => p.geometry.type === 'Point')!;
    await render(corridor({ target: { kind: 'project', id: point.properties.id } }));
    expect($('.analysis__note').textContent).toContain('线状项目');
    expect($('table')).toBeNull();
    expect(buffers).toEqual([null]);
  });

  it('exports the grouped result as CSV', async () => {
    await render(corridor());
    await act(async () => $<HTMLButtonElement>('[data-testid="corridor-csv"]').click());
    expect(downloads[0]!.name).toMatch(/^走廊分析 锡林郭勒盟至山东特高压外送电通道 30千米 \d{4}-\d\d-\d\d\.csv$/);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await downloads[0]!.blob.arrayBuffer());
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('盟市,旗县区,级别,距离（千米）,境内长度（千米）');
    // Beijing first (a province without prefectures, most km inside), then the others; each league before its counties.
    expect(lines[1]).toBe('北京市,,省级,0,152.9');
    const at = lines.indexOf('锡林郭勒盟,,盟市,0,24.5');
    expect(at).toBeGreaterThan(1);
    expect(lines.slice(at + 1, at + 3)).toEqual(['锡林郭勒盟,多伦县,旗县区,0,24.5', '锡林郭勒盟,正蓝旗,旗县区,16.3,0']);
  });
});

describe('the measure tool', () => {
  const calls: string[] = [];
  const tool = (over: Partial<MeasureToolProps>) =>
    createElement(MeasureTool, {
      points: [],
      mode: 'distance',
      lang: 'zh',
      onModeChange: (m) => calls.push(`mode:${m}`),
      onUndo: () => calls.push('undo'),
      onClear: () => calls.push('clear'),
      onClose: () => calls.push('close'),
      ...over,
    });
  // 呼和浩特 → 包头 → 鄂尔多斯 (康巴什), roughly.
  const path: Position[] = [
    [111.75, 40.84],
    [109.84, 40.66],
    [109.78, 39.61],
  ];

  it('asks for points, then shows the running total and each leg', async () => {
    await render(tool({ points: [path[0]!] }));
    expect($('[data-testid="measure-result"]').textContent).toBe('1 个点 · 再点击 1 个点');
    expect($<HTMLButtonElement>('[data-testid="measure-undo"]').disabled).toBe(false);
    await render(tool({ points: path }));
    const m = measurePath(path);
    expect($('[data-testid="measure-total"]').textContent).toBe(`${roundKm(m.totalKm).toLocaleString('zh-CN')} 千米`);
    expect(m.totalKm).toBeGreaterThan(250);
    expect(m.totalKm).toBeLessThan(300);
    expect($$('.measure-tool__legs li')).toHaveLength(2);
    await act(async () => $<HTMLButtonElement>('[data-testid="measure-undo"]').click());
    await act(async () => $<HTMLButtonElement>('[data-testid="measure-clear"]').click());
    await act(async () => $<HTMLButtonElement>('[data-mode="area"]').click());
    expect(calls.splice(0)).toEqual(['undo', 'clear', 'mode:area']);
    expect($('[data-mode="distance"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('area: needs three points; km², perimeter; warns when edges cross', async () => {
    await render(tool({ mode: 'area', points: path.slice(0, 2) }));
    expect($('[data-testid="measure-result"]').textContent).toContain('再点击 1 个点');
    await render(tool({ mode: 'area', points: path }));
    const a = measureArea(path)!;
    expect($('[data-testid="measure-total"]').textContent).toBe(`${Math.round(a.km2).toLocaleString('zh-CN')} 平方千米`);
    expect($('.measure-tool__sub').textContent).toContain('周长');
    expect($('[role="alert"]')).toBeNull();
    await render(tool({ mode: 'area', points: [[0, 0], [1, 1], [1, 0], [0, 1]] }));
    expect($('[role="alert"]').textContent).toContain('边线相交');
  });

  it('in English', async () => {
    await act(async () => {
      await i18next.changeLanguage('en');
    });
    await render(tool({ lang: 'en', points: path }));
    expect($('[data-testid="measure-total"]').textContent).toMatch(/^[\d,.]+ km$/);
    expect($('.analysis__heading').textContent).toBe('Measure');
    await act(async () => {
      await i18next.changeLanguage('zh');
    });
  });
});

describe('strings', () => {
  it('the table, corridor and measure strings exist in both languages, none empty', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      typeof o === 'object' && o ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [`${prefix.slice(0, -1)}=${o === '' ? 'EMPTY' : ''}`];
    for (const ns of ['table', 'corridor', 'measure'] as const) {
      const z = keys((zh as Record<string, unknown>)[ns]).sort();
      expect(z.length).toBeGreaterThan(10);
      expect(z).toEqual(keys((en as Record<string, unknown>)[ns]).sort());
      expect(z.filter((k) => k.endsWith('EMPTY'))).toEqual([]);
    }
  });
});

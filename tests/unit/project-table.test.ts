/**
 * The project table's logic (src/domain/project-table.ts): rows from the real catalogue, sorting in
 * pinyin order with missing values last, filtering by text and facets, facet options, header clicks,
 * and a catalogue ten times the size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import {
  buildRows,
  cellText,
  cellValue,
  collatorFor,
  compareMeasureIds,
  facetOptions,
  filterRows,
  leaguesTouched,
  measureCode,
  nextSort,
  NO_TABLE_FILTER,
  shownColumns,
  availableColumns,
  sortRows,
  tableModel,
  type TableLabels,
  type TableRow,
} from '../../src/domain/project-table.ts';
import { STAGE_ORDER } from '../../src/domain/stages.ts';
import type { Stage } from '../../src/domain/types.ts';

const labels: TableLabels = {
  layer: (p) => ({ id: `L-${p.properties.theme}`, label: p.properties.theme }),
  measure: (id) => `m${id}`,
  stage: (s) => s.toUpperCase(),
  precision: (p) => p,
  status: (s) => `S:${s}`,
};

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

function row(over: Partial<TableRow>): TableRow {
  return {
    id: 'x',
    name: 'x',
    search: 'x',
    layer: 'l',
    layerLabel: 'l',
    measures: ['c4'],
    measureLabel: '4',
    stage: 'build',
    stageVerb: '建设',
    stageLabel: '建设',
    status: null,
    statusLabel: '',
    opened: null,
    regionCodes: [],
    regions: [],
    km: null,
    precision: 'exact',
    precisionLabel: 'exact',
    ...over,
  };
}

describe('measure ids', () => {
  it('shortens and orders them as the plan does', () => {
    expect(measureCode('c4.s2.i1')).toBe('4.2.1');
    const ids = ['c10.s1', 'c4.s2.i10', 'c4.s2.i2', 'c4', 'c4.s2'];
    expect([...ids].sort(compareMeasureIds)).toEqual(['c4', 'c4.s2', 'c4.s2.i2', 'c4.s2.i10', 'c10.s1']);
  });
});

describe('rows from the catalogue', () => {
  it('one row per project, with the catalogue values', () => {
    const projects = cat.allProjects();
    const rows = buildRows(cat, projects, 'zh', labels);
    expect(rows).toHaveLength(projects.length);
    const uhv = rows.find((r) => r.id === 'power-xilinguole-shandong-uhv')!;
    expect(uhv.name).toBe('锡林郭勒盟至山东特高压外送电通道');
    expect(uhv.stageVerb).toBe('重点建设');
    expect(uhv.stage).toBe('build');
    // Drawn from the 锡盟 substation (116.48909° E, 42.18712° N) to 济南 (116.99722° E, 36.66833° N):
    // 5.519° of latitude (613.7 km) and 0.508° of longitude at about 39.4° N (43.7 km), a great
    // circle of 615.2 km, which the catalogue rounds to whole km.
    expect(uhv.km).toBe(615);
    expect(uhv.measureLabel).toBe('4.2.1 mc4.s2.i1');
    expect(cellText(uhv, 'stage', 'zh')).toBe('重点建设（BUILD）');
    expect(cellText(uhv, 'stage', 'en')).toBe('重点建设 · BUILD');
    expect(cellValue(uhv, 'km', 'zh')).toBe(Math.round(uhv.km!));
    expect(cellValue(uhv, 'status', 'zh')).toBeNull();
    // Leagues and cities: prefecture level, plus Beijing and Tianjin (provinces without prefectures);
    // not Hebei, Shandong or Inner Mongolia themselves, nor the banners the line crosses.
    expect(uhv.regionCodes).toEqual(['110000', '120000', '130800', '130900', '131000', '152500', '370100', '371400']);
    expect(uhv.regions).toContain('锡林郭勒盟');
    const en = buildRows(cat, [cat.project('power-xilinguole-shandong-uhv')!], 'en', labels)[0]!;
    expect(en.name).toBe('Xilingol–Shandong UHV transmission corridor');
    expect(cellText(en, 'regions', 'en')).toContain('Xilingol League');
  });

  it('leaguesTouched agrees with the touches of each league', () => {
    for (const p of cat.allProjects().slice(0, 60)) {
      const codes = leaguesTouched(cat, p.properties.id).map((r) => r.code);
      for (const c of codes) expect(cat.projectsTouching(c).some((t) => t.project.properties.id === p.properties.id)).toBe(true);
      expect(codes.every((c) => cat.region(c)!.level !== 'county')).toBe(true);
    }
  });

  it('takes the status from the status source when there is one', () => {
    const statusOf = (id: string) => (id === 'power-xilinguole-shandong-uhv' ? { status: 'in_operation', opened: '2016' } : undefined);
    const rows = buildRows(cat, cat.allProjects(), 'zh', labels, statusOf);
    const uhv = rows.find((r) => r.id === 'power-xilinguole-shandong-uhv')!;
    expect(cellText(uhv, 'status', 'zh')).toBe('S:in_operation (2016)');
    expect(rows.filter((r) => r.status != null)).toHaveLength(1);
  });
});

describe('sorting', () => {
  const rows = [
    row({ id: 'a', name: '赤峰', km: 10, stage: 'study', status: 'unknown' }),
    row({ id: 'b', name: '阿拉善', km: null, stage: 'complete', status: null }),
    row({ id: 'c', name: '包头', km: 300, stage: 'advance', status: 'in_operation' }),
    row({ id: 'd', name: '10号线', km: 5, stage: 'build', status: 'under_construction' }),
    row({ id: 'e', name: '9号线', km: null, stage: 'seek', status: null }),
  ];
  const ids = (rs: TableRow[]) => rs.map((r) => r.id).join('');

  it('Chinese names in pinyin order, numbers by value', () => {
    expect(ids(sortRows(rows, { column: 'name', dir: 'asc' }, 'zh'))).toBe('edbca');
    expect(ids(sortRows(rows, { column: 'name', dir: 'desc' }, 'zh'))).toBe('acbde');
  });

  it('missing km and status last in both directions', () => {
    expect(ids(sortRows(rows, { column: 'km', dir: 'asc' }, 'zh'))).toBe('daceb');
    const asc = sortRows(rows, { column: 'km', dir: 'asc' }, 'zh');
    expect(asc.map((r) => r.km)).toEqual([5, 10, 300, null, null]);
    expect(sortRows(rows, { column: 'km', dir: 'desc' }, 'zh').map((r) => r.km)).toEqual([300, 10, 5, null, null]);
    expect(sortRows(rows, { column: 'status', dir: 'asc' }, 'zh').map((r) => r.status)).toEqual(['in_operation', 'under_construction', 'unknown', null, null]);
    expect(sortRows(rows, { column: 'status', dir: 'desc' }, 'zh').map((r) => r.status)).toEqual(['unknown', 'under_construction', 'in_operation', null, null]);
  });

  it('stages firmest first', () => {
    const sorted = sortRows(rows, { column: 'stage', dir: 'asc' }, 'zh').map((r) => r.stage);
    expect(sorted).toEqual([...sorted].sort((a, b) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b)));
    expect(sorted[0]).toBe('complete');
  });

  it('measures in plan order over the real catalogue, ties by name', () => {
    const real = buildRows(cat, cat.allProjects(), 'zh', labels);
    const sorted = sortRows(real, { column: 'measure', dir: 'asc' }, 'zh');
    const coll = collatorFor('zh');
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      const d = compareMeasureIds(a.measures[0]!, b.measures[0]!);
      expect(d).toBeLessThanOrEqual(0);
      if (d === 0) expect(coll.compare(a.name, b.name)).toBeLessThanOrEqual(0);
    }
  });

  it('does not change its input and is stable over equal rows (ties by name, then id)', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'precision', dir: 'desc' }, 'zh');
    expect(rows).toEqual(copy);
    expect(ids(sortRows(rows, { column: 'precision', dir: 'desc' }, 'zh'))).toBe(ids(sortRows(rows, { column: 'name', dir: 'asc' }, 'zh')));
  });
});

describe('filtering', () => {
  it('text over both names, pinyin and initials; every word must match', () => {
    const real = buildRows(cat, cat.allProjects(), 'zh', labels);
    const byZh = filterRows(real, { ...NO_TABLE_FILTER, text: '包头' });
    expect(byZh.length).toBeGreaterThan(3);
    expect(byZh.every((r) => r.name.includes('包头'))).toBe(true);
    expect(byZh).toHaveLength(real.filter((r) => cat.project(r.id)!.properties.name_zh.includes('包头')).length);
    const byPinyin = filterRows(real, { ...NO_TABLE_FILTER, text: 'BaoTou' });
    for (const r of byZh) expect(byPinyin).toContain(r);
    const two = filterRows(real, { ...NO_TABLE_FILTER, text: '包头 铁路' });
    expect(two.every((r) => r.name.includes('包头') && r.name.includes('铁路'))).toBe(true);
    expect(filterRows(real, { ...NO_TABLE_FILTER, text: '  ' })).toHaveLength(real.length);
    expect(filterRows(real, { ...NO_TABLE_FILTER, text: 'no-such-project-zzz' })).toHaveLength(0);
  });

  it('facets combine with the text', () => {
    const real = buildRows(cat, cat.allProjects(), 'zh', labels);
    const power = filterRows(real, { ...NO_TABLE_FILTER, layer: 'L-power' });
    expect(power.length).toBe(cat.allProjects().filter((p) => p.properties.theme === 'power').length);
    const build = filterRows(real, { ...NO_TABLE_FILTER, layer: 'L-power', stage: 'build' });
    expect(build.every((r) => r.layer === 'L-power' && r.stage === 'build')).toBe(true);
    expect(build.length).toBeLessThan(power.length + 1);
    expect(filterRows(real, { ...NO_TABLE_FILTER, status: 'in_operation' })).toHaveLength(0);
  });

  it('facet options: the values present, with counts, in their order', () => {
    const real = buildRows(cat, cat.allProjects(), 'zh', labels);
    const stages = facetOptions(real, 'stage', 'zh');
    expect(stages.reduce((s, o) => s + o.count, 0)).toBe(real.length);
    expect(stages.map((o) => o.value)).toEqual(STAGE_ORDER.filter((s: Stage) => real.some((r) => r.stage === s)));
    expect(facetOptions(real, 'status', 'zh')).toEqual([]);
    const layers = facetOptions(real, 'layer', 'zh');
    expect(layers.find((o) => o.value === 'L-power')!.count).toBe(real.filter((r) => r.layer === 'L-power').length);
  });
});

describe('header clicks and columns', () => {
  it('flips the same column, starts another ascending (km longest first)', () => {
    expect(nextSort({ column: 'name', dir: 'asc' }, 'name')).toEqual({ column: 'name', dir: 'desc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'name')).toEqual({ column: 'name', dir: 'asc' });
    expect(nextSort({ column: 'name', dir: 'desc' }, 'stage')).toEqual({ column: 'stage', dir: 'asc' });
    expect(nextSort({ column: 'name', dir: 'asc' }, 'km')).toEqual({ column: 'km', dir: 'desc' });
  });

  it('status is offered only with a status source; the name cannot be hidden', () => {
    expect(availableColumns(false)).not.toContain('status');
    expect(availableColumns(true)).toContain('status');
    expect(shownColumns(availableColumns(true), new Set(['name', 'km', 'status']))).toEqual(['name', 'layer', 'measure', 'stage', 'regions', 'precision']);
  });
});

describe('ten times the catalogue', () => {
  it('filters and sorts 2,160 rows quickly', () => {
    const base = buildRows(cat, cat.allProjects(), 'zh', labels);
    const big: TableRow[] = [];
    for (let k = 0; big.length < 2160; k++) for (const r of base) if (big.length < 2160) big.push({ ...r, id: `${r.id}#${k}`, name: `${r.name}${k}` });
    const t0 = performance.now();
    const sorted = tableModel(big, { ...NO_TABLE_FILTER, text: 'a' }, { column: 'name', dir: 'asc' }, 'zh');
    const ms = performance.now() - t0;
    expect(sorted.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(500);
  });
});

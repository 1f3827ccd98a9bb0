import { describe, expect, it } from 'vitest';
import type { ChapterGroup } from '../../src/domain/catalogue.ts';
import { capGroups, FIRST_PAINT_ROWS, MIN_ROW_PX, rowsToFill } from '../../src/domain/list-cap.ts';

const m = (id: string) => ({ id }) as unknown as ChapterGroup['chapter'];
const item = (id: string) => ({ project: { properties: { id } } }) as unknown as ChapterGroup['measures'][number]['items'][number];
const groups: ChapterGroup[] = [
  { chapter: m('c3'), measures: [{ measure: m('c3.s1'), items: [item('a'), item('b'), item('c')] }] },
  { chapter: m('c4'), measures: [{ measure: m('c4.s1.i1'), items: [item('d'), item('e')] }, { measure: m('c4.s2'), items: [item('f')] }] },
];
const ids = (gs: ChapterGroup[]) => gs.map((g) => `${g.chapter.id}:${g.measures.map((mg) => `${mg.measure.id}=${mg.items.map((i) => i.project.properties.id).join('')}`).join(',')}`);

describe('capGroups (long region lists at scale)', () => {
  it('keeps everything, unchanged, under the limit', () => {
    const c = capGroups(groups, 10);
    expect(c).toEqual({ groups, shown: 6, hidden: 0 });
    expect(c.groups[1]).toBe(groups[1]);
  });
  it('cuts inside a measure group and drops the groups after the cut, in plan order', () => {
    const c = capGroups(groups, 4);
    expect(ids(c.groups)).toEqual(['c3:c3.s1=abc', 'c4:c4.s1.i1=d']);
    expect([c.shown, c.hidden]).toEqual([4, 2]);
  });
  it('cuts exactly at a group boundary', () => {
    const c = capGroups(groups, 3);
    expect(ids(c.groups)).toEqual(['c3:c3.s1=abc']);
    expect([c.shown, c.hidden]).toEqual([3, 3]);
  });
});

describe('rowsToFill (the rows a click paints)', () => {
  it('fills the space below the list top with rows no taller than the shortest, one to spare', () => {
    // 28 px of list on screen (Baotou at 800 px): one row shows, two are painted.
    expect(rowsToFill(28)).toBe(2);
    expect(rowsToFill(MIN_ROW_PX * 5)).toBe(6);
    // Every row is at least MIN_ROW_PX high, so these rows reach the bottom.
    for (const space of [1, 39, 40, 41, 200, 333]) expect(rowsToFill(space) * MIN_ROW_PX).toBeGreaterThanOrEqual(space);
  });
  it('paints none when the list starts below the fold, and never more than FIRST_PAINT_ROWS', () => {
    expect(rowsToFill(0)).toBe(0);
    expect(rowsToFill(-64)).toBe(0);
    expect(rowsToFill(5000)).toBe(FIRST_PAINT_ROWS);
    expect(rowsToFill(Number.NaN)).toBe(FIRST_PAINT_ROWS);
  });
});

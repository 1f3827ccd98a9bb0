/** Domain helpers of the map experience: emphasis of a selection, relations, choropleth classes, filters. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { choropleth, classOf, quantileClasses } from '../../src/domain/choropleth.ts';
import { filterProjects, NO_FILTERS, projectPasses, toggleFilter } from '../../src/domain/filters.ts';
import { dims, emphasisOf, isEmphasised, projectBbox, type Emphasis, projectsAtSamePlace, regionProjects, relationsOf } from '../../src/domain/selection.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

describe('emphasis of a selection', () => {
  const projectsOf = (e: Emphasis) => (e.kind === 'selection' ? e.projects : new Set<string>());

  it('a region emphasises exactly the projects touching it (after filters)', () => {
    const e = emphasisOf(cat, { kind: 'region', code: '150200' }, NO_FILTERS);
    expect(e.kind).toBe('selection');
    expect(projectsOf(e).has('rail-baotou-yinchuan-hsr')).toBe(true);
    expect(projectsOf(e).size).toBe(cat.projectsTouching('150200').length);
    const rail = emphasisOf(cat, { kind: 'region', code: '150200' }, { chapters: [], themes: ['railway'], stages: [] });
    expect([...projectsOf(rail)].every((id) => cat.project(id)!.properties.theme === 'railway')).toBe(true);
  });

  it('a region with nothing left after filters dims everything', () => {
    const e = emphasisOf(cat, { kind: 'region', code: '150200' }, { chapters: [9], themes: [], stages: [] });
    expect(e.kind).toBe('selection');
    expect(projectsOf(e).size).toBe(0);
    expect(dims(e)).toBe(true);
    expect(isEmphasised(e, 'rail-baotou-yinchuan-hsr')).toBe(false);
  });

  it('a measure emphasises its projects and their places; a project itself, highlighted', () => {
    const m = emphasisOf(cat, { kind: 'measure', id: 'c4.s1.i1' }, NO_FILTERS);
    expect(projectsOf(m).has('rail-baotou-yinchuan-hsr')).toBe(true);
    expect(m.kind === 'selection' && m.places.has('yinchuan')).toBe(true);
    expect(projectsOf(m).size).toBe(cat.projectsOfMeasure('c4.s1.i1').length);
    const p = emphasisOf(cat, { kind: 'project', id: 'rail-baotou-yinchuan-hsr' }, NO_FILTERS);
    expect([...projectsOf(p)]).toEqual(['rail-baotou-yinchuan-hsr']);
    expect(p.kind === 'selection' && p.highlight).toBe('rail-baotou-yinchuan-hsr');
    expect(emphasisOf(cat, { kind: 'project', id: 'nope' }, NO_FILTERS).kind).toBe('none');
    const none = emphasisOf(cat, null, NO_FILTERS);
    expect(none.kind).toBe('none');
    expect(dims(none)).toBe(false);
    expect(isEmphasised(none, 'anything')).toBe(true);
  });
});

describe('relations and lists', () => {
  it('names how a touch meets the region, the plan naming first', () => {
    expect(relationsOf({ project: 'x', named: true, spatial: 'crosses', km: 12 })).toEqual(['named', 'crosses']);
    expect(relationsOf({ project: 'x', named: false, spatial: 'contains' })).toEqual(['lies_in']);
    expect(relationsOf({ project: 'x', named: true })).toEqual(['named']);
    expect(relationsOf({ project: 'x', named: false, spatial: 'overlaps' })).toEqual(['overlaps']);
  });

  it("lists a region's projects with and without filters", () => {
    const all = regionProjects(cat, '150200', NO_FILTERS);
    expect(all.items.length).toBe(all.total);
    const f = regionProjects(cat, '150200', { chapters: [4], themes: [], stages: [] });
    expect(f.total).toBe(all.total);
    expect(f.items.length).toBeLessThan(all.total);
    expect(f.items.every((t) => t.project.properties.measures.some((m) => m.startsWith('c4')))).toBe(true);
  });

  it('finds projects at the same place and bounding boxes', () => {
    const p = cat.project('log-manzhouli-logistics-hub')!;
    expect(projectsAtSamePlace(cat, p).map((q) => q.properties.id)).toContain('cult-trade-showcase-manzhouli');
    const [w, s, e, n] = projectBbox(cat.project('rail-baotou-yinchuan-hsr')!);
    // The line runs from Yinchuan to Baotou: its box spans the two cities' seats (within ~15 km).
    const yinchuan = cat.place('yinchuan')!.geometry.coordinates;
    const baotou = cat.place('baotou')!.geometry.coordinates;
    expect(Math.abs(w - yinchuan[0]!)).toBeLessThan(0.3);
    expect(Math.abs(e - baotou[0]!)).toBeLessThan(0.3);
    expect(s).toBeLessThan(n);
  });
});

describe('choropleth', () => {
  it('puts positive counts in at most k ascending, non-overlapping classes', () => {
    const classes = quantileClasses([0, 1, 2, 2, 3, 5, 8, 13, 40], 5);
    expect(classes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBe(classes[i - 1]!.max + 1);
    expect(classes[0]!.min).toBe(1);
    expect(classes[classes.length - 1]!.max).toBe(40);
    expect(classOf(0, classes)).toBe(-1);
    expect(classOf(40, classes)).toBe(classes.length - 1);
    expect(quantileClasses([0, 0])).toEqual([]);
    expect(quantileClasses([3, 3, 3])).toEqual([{ min: 3, max: 3 }]);
  });

  it('counts the projects touching each league, after filters', () => {
    const leagues = ['150100', '150200', '150600'];
    const all = choropleth(cat, leagues, () => true);
    expect(all.counts.get('150200')).toBe(cat.projectsTouching('150200').length);
    const rail = choropleth(cat, leagues, (p) => p.properties.theme === 'railway');
    for (const c of leagues) expect(rail.counts.get(c)!).toBeLessThanOrEqual(all.counts.get(c)!);
  });
});

describe('filters', () => {
  it('toggles values in canonical order and applies facets together', () => {
    let f = toggleFilter(NO_FILTERS, 'stages', 'study');
    f = toggleFilter(f, 'stages', 'build');
    expect(f.stages).toEqual(['build', 'study']);
    expect(toggleFilter(f, 'stages', 'build').stages).toEqual(['study']);
    f = toggleFilter(toggleFilter(NO_FILTERS, 'chapters', 5), 'chapters', 4);
    expect(f.chapters).toEqual([4, 5]);
    const both = { chapters: [4], themes: ['railway' as const], stages: ['study' as const] };
    const list = filterProjects(cat.allProjects(), both);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((p) => projectPasses(p, both) && p.properties.stage === 'study' && p.properties.theme === 'railway')).toBe(true);
  });
});

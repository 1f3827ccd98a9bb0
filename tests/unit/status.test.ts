/**
 * Present status: the schema of data/status/*.yaml, the compiled status.json, and the timeline rule
 * (statusAt) on hand-made entries and on the researched data.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, statusFile } from '../../data/build.ts';
import { CatalogueError, loadCatalogueSources, type CatalogueSources } from '../../data/load.ts';
import { projectStatusSchema } from '../../data/schema.ts';
import { readCatalogue, repoRoot } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import {
  DISPLAY_CLASSES,
  TIMELINE_STATUSES,
  StatusIndex,
  dateEnd,
  dateStart,
  displayClass,
  isPartialDate,
  planTimeline,
  progressOf,
  statusAt,
  statusColumns,
} from '../../src/domain/status.ts';
import type { DetailsFile, ProjectStatus, RegionCollection, StatusEvidence, StatusFile } from '../../src/domain/types.ts';
import { STATUSES } from '../../src/domain/vocabulary.ts';

const schema = projectStatusSchema(() => '2026-12-07');

const source = (url = 'https://example.org/a') => ({ title: 'T', publisher: 'P', url, read: '2026-12-07' });
/** A researched entry as data/status/*.yaml holds it: the map's status with its evidence. */
const entry = (over: Partial<ProjectStatus & StatusEvidence> = {}): ProjectStatus & StatusEvidence => ({
  project: 'rail-x',
  status: 'in_operation',
  as_of: '2026-12-07',
  confidence: 'medium',
  sources: [source()],
  note: 'hand-made',
  ...over,
});
/** The schema's complaints as "field: message". */
const problems = (e: unknown) => {
  const r = schema.safeParse(e);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('partial dates', () => {
  it('accepts real calendar dates as precise as the source', () => {
    for (const d of ['2019', '2019-12', '2019-12-30', '2020-02-29', '2000-02-29']) expect(isPartialDate(d), d).toBe(true);
    for (const d of ['2019-02-29', '1900-02-29', '2019-13', '2019-00', '2019-1', '2019-04-31', '19', '2019/12', '', 2019, null])
      expect(isPartialDate(d), String(d)).toBe(false);
  });

  it('spans a period from its first to its last day', () => {
    expect([dateStart('2019'), dateEnd('2019')]).toEqual(['2019-01-01', '2019-12-31']);
    expect([dateStart('2024-02'), dateEnd('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([dateStart('2019-12-30'), dateEnd('2019-12-30')]).toEqual(['2019-12-30', '2019-12-30']);
    expect(() => dateEnd('2019-02-30')).toThrow(/not a date/);
  });
});

describe('status schema', () => {
  it('accepts a complete entry', () => {
    expect(problems(entry({ started: '2015', opened: '2019-12-30' }))).toEqual([]);
  });

  it('wants real dates, quoted', () => {
    expect(problems(entry({ opened: '2019-02-30' }))).toEqual([expect.stringMatching(/^opened: a real date/)]);
    expect(problems({ ...entry(), started: 2015 })).toEqual([expect.stringMatching(/^started: /)]);
    expect(problems(entry({ sources: [{ ...source(), published: '2019-13' }] }))).toEqual([expect.stringMatching(/^sources\.0\.published: /)]);
  });

  it('wants a source unless the status is unknown', () => {
    expect(problems(entry({ sources: [] }))).toEqual(['sources: status in_operation needs at least one source (only unknown may have none)']);
    expect(problems(entry({ status: 'unknown', sources: [] }))).toEqual([]);
    expect(problems(entry({ sources: [source('www.example.org')] }))).toEqual(['sources.0.url: an http(s) URL']);
  });

  it('refuses an as_of or a reading in the future', () => {
    expect(problems(entry({ as_of: '2026-12-08' }))).toEqual(['as_of: 2026-12-08 is in the future (today is 2026-12-07)']);
    expect(problems(entry({ as_of: '2026-12' }))).toEqual([]);
    expect(problems(entry({ as_of: '2027' }))).toHaveLength(1);
    expect(problems(entry({ sources: [{ ...source(), read: '2027-01-01' }] }))).toEqual(['sources.0.read: 2027-01-01 is in the future (today is 2026-12-07)']);
    // The default schema compares with the day it runs.
    expect(projectStatusSchema().safeParse(entry({ as_of: '2999-01-01' })).success).toBe(false);
  });

  it('wants started ≤ opened ≤ as_of, comparing partial dates by their periods', () => {
    expect(problems(entry({ started: '2020-01', opened: '2019-12-30' }))).toEqual(['started: started 2020-01 is after opened 2019-12-30']);
    expect(problems(entry({ started: '2019', opened: '2019-05-01' }))).toEqual([]);
    expect(problems(entry({ as_of: '2019-05', opened: '2019-06' }))).toEqual(['opened: 2019-06 is after as_of 2019-05']);
    const sections = [{ name: { zh: '甲段', en: 'A' }, status: 'in_operation' as const, started: '2018-02', opened: '2017', sources: [0] }];
    expect(problems(entry({ sections }))).toEqual(['sections.0.started: started 2018-02 is after opened 2017']);
    const section = { name: { zh: '甲段', en: 'A' }, status: 'in_operation' as const, opened: '2017-08-03', sources: [0] };
    expect(problems(entry({ started: '2018', sections: [section] }))).toEqual(["sections.0.opened: 2017-08-03 is before the project's start 2018"]);
    expect(problems(entry({ opened: '2017-07', sections: [section] }))).toEqual(["sections.0.opened: 2017-08-03 is after the whole project's opening 2017-07"]);
    expect(problems(entry({ started: '2017', opened: '2017-08', sections: [section] }))).toEqual([]);
  });

  it('gives an opening date only to what is in operation', () => {
    expect(problems(entry({ status: 'under_construction', opened: '2019' }))).toEqual(['opened: an opening date needs status in_operation, not under_construction']);
  });

  it('keeps section source indices in range', () => {
    const sections = [{ name: { zh: '甲段', en: 'A' }, status: 'in_operation' as const, sources: [0, 1] }];
    expect(problems(entry({ sections }))).toEqual(['sections.0.sources: source index 1 is out of range (1 sources)']);
    expect(problems(entry({ sections: [{ ...sections[0]!, sources: [-1] }] }))).toHaveLength(1);
    expect(problems(entry({ sections: [{ ...sections[0]!, sources: [] }] }))).toEqual(['sections.0.sources: section status in_operation needs at least one source index']);
    expect(problems(entry({ sections: [{ ...sections[0]!, status: 'unknown', sources: [] }] }))).toEqual([]);
  });

  it('wants sections, one of them in operation, for partly_in_operation', () => {
    const msg = 'sections: partly_in_operation needs sections, at least one of them (partly) in operation';
    expect(problems(entry({ status: 'partly_in_operation' }))).toEqual([msg]);
    const building = { name: { zh: '甲段', en: 'A' }, status: 'under_construction' as const, sources: [0] };
    expect(problems(entry({ status: 'partly_in_operation', sections: [building] }))).toEqual([msg]);
    expect(problems(entry({ status: 'partly_in_operation', sections: [building, { ...building, status: 'in_operation' }] }))).toEqual([]);
  });

  it('knows the statuses and confidences', () => {
    expect(problems({ ...entry(), status: 'finished' })).toEqual([expect.stringMatching(/^status: /)]);
    expect(problems({ ...entry(), confidence: 'certain' })).toEqual([expect.stringMatching(/^confidence: /)]);
    for (const status of STATUSES) expect(schema.safeParse(entry({ status, sections: [{ name: { zh: '甲', en: 'A' }, status: 'in_operation', sources: [0] }] })).success, status).toBe(true);
  });
});

describe('status files', () => {
  const regionsFc = JSON.parse(readFileSync(join(repoRoot, 'public/geo/regions.geojson'), 'utf8')) as RegionCollection;
  let sources: CatalogueSources;
  beforeAll(() => {
    sources = loadCatalogueSources(join(repoRoot, 'data'));
  });

  it('every researched entry is valid and names a project of the catalogue, once', () => {
    const ids = new Set(sources.projects.map((p) => p.value.id));
    expect(sources.statuses.length).toBeGreaterThanOrEqual(100);
    expect(sources.statuses.filter((s) => !ids.has(s.value.project))).toEqual([]);
    expect(new Set(sources.statuses.map((s) => s.value.project)).size).toBe(sources.statuses.length);
  });

  it('status.json is compiled from them, sorted, with the newest as_of', () => {
    const compiled = JSON.parse(readFileSync(join(repoRoot, 'public/data/status.json'), 'utf8')) as StatusFile;
    expect(compiled).toEqual(JSON.parse(JSON.stringify(statusFile(sources.statuses))));
    const asOfs = sources.statuses.map((s) => dateEnd(s.value.as_of)).sort();
    expect(dateEnd(compiled.as_of_max!)).toBe(asOfs.at(-1));
    expect(Object.keys(compiled.byProject)).toEqual(Object.keys(compiled.byProject).sort());
    // The plan's words and the research stay apart.
    const projects = readFileSync(join(repoRoot, 'public/data/projects.geojson'), 'utf8');
    expect(projects).not.toContain('"as_of"');
  });

  it("details.json holds every entry's sources, note and disagreement, which status.json and projects.geojson leave out", () => {
    const status = JSON.parse(readFileSync(join(repoRoot, 'public/data/status.json'), 'utf8')) as StatusFile;
    const projects = JSON.parse(readFileSync(join(repoRoot, 'public/data/projects.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const details = JSON.parse(readFileSync(join(repoRoot, 'public/data/details.json'), 'utf8')) as DetailsFile;
    // Sections keep their indices into the sources.
    expect(Object.values(status.byProject).filter((e) => ['sources', 'note', 'disagreement'].some((k) => k in e))).toEqual([]);
    expect(JSON.stringify(status)).not.toContain('"url"');
    expect(projects.features.filter((f) => 'note' in f.properties || 'alignment_sources' in f.properties)).toEqual([]);
    for (const { value: e } of sources.statuses) {
      const evidence = details.byProject[e.project]?.status;
      expect(evidence?.sources, e.project).toEqual(JSON.parse(JSON.stringify(e.sources)));
      expect(evidence?.note, e.project).toBe(e.note);
      expect(evidence?.disagreement, e.project).toBe(e.disagreement);
    }
    const noted = sources.projects.filter((p) => p.value.note);
    expect(noted.length).toBeGreaterThan(0);
    for (const { value: p } of noted) expect(details.byProject[p.id]?.note, p.id).toBe(p.note);
  });

  it('names file, project and field when an entry is wrong, a project is unknown or researched twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-status-'));
    cpSync(join(repoRoot, 'data/measures.yaml'), join(dir, 'data/measures.yaml'));
    cpSync(join(repoRoot, 'data/places'), join(dir, 'data/places'), { recursive: true });
    mkdirSync(join(dir, 'data/projects'), { recursive: true });
    writeFileSync(
      join(dir, 'data/projects/zz.yaml'),
      '- id: rail-beijing-huhehaote-hsr\n  name: {zh: 京呼高铁, en: Beijing–Hohhot HSR}\n  theme: railway\n  stage: {verb: 建成, normalized: complete}\n  measures: [c4.s1.i1]\n  geometry: {type: line, via: [huhehaote, beijing]}\n  precision: schematic\n  phrase: 京呼高铁\n',
    );
    mkdirSync(join(dir, 'data/status'), { recursive: true });
    const yaml = (project: string, asOf: string) =>
      `- project: ${project}\n  status: in_operation\n  as_of: '${asOf}'\n  confidence: high\n  sources:\n    - {title: T, publisher: P, url: 'https://example.org', read: '2026-12-01'}\n  note: n\n`;
    writeFileSync(join(dir, 'data/status/zz.yaml'), yaml('rail-beijing-huhehaote-hsr', '2019-02-30'));
    expect(() => loadCatalogueSources(join(dir, 'data'))).toThrow(/data\/status\/zz\.yaml: rail-beijing-huhehaote-hsr: field as_of: a real date/);
    writeFileSync(join(dir, 'data/status/zz.yaml'), yaml('rail-nowhere', '2020') + yaml('rail-beijing-huhehaote-hsr', '2020'));
    writeFileSync(join(dir, 'data/status/zzz.yaml'), yaml('rail-beijing-huhehaote-hsr', '2021'));
    const src = loadCatalogueSources(join(dir, 'data'));
    let error: unknown;
    try {
      buildCatalogue(src, regionsFc, new Set(['MNG', 'RUS']));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as Error).message.split('\n').sort()).toEqual([
      'data/status/zz.yaml: status of project rail-nowhere: field project: no such project in data/projects',
      'data/status/zzz.yaml: status of project rail-beijing-huhehaote-hsr: already defined in data/status/zz.yaml',
    ]);
  });
});

/** 京呼 as researched: Hohhot East–Ulanqab opened 2017-08-03, the whole line 2019-12-30. */
const jinghu = entry({
  project: 'rail-beijing-huhehaote-hsr',
  started: '2014',
  opened: '2019-12-30',
  sections: [
    { name: { zh: '呼和浩特东至乌兰察布段', en: 'Hohhot East–Ulanqab' }, status: 'in_operation', opened: '2017-08-03', sources: [0] },
    { name: { zh: '乌兰察布至张家口段', en: 'Ulanqab–Zhangjiakou' }, status: 'in_operation', opened: '2019-12-30', sources: [0] },
    { name: { zh: '京张高铁', en: 'Beijing–Zhangjiakou' }, status: 'in_operation', started: '2016-04-29', opened: '2019-12-30', sources: [0] },
  ],
});

describe('statusAt: what the dates prove at a timeline date', () => {
  it('staged openings: 京呼 partly open 2017-08 to 2019-11, in operation from 2019-12', () => {
    const at = (d: string) => statusAt(jinghu, d);
    expect(at('2013')).toEqual({ status: 'not_yet', sections: [], atLeast: false, basis: 'dates' });
    expect(at('2014')).toMatchObject({ status: 'under_construction', atLeast: false });
    expect(at('2017-07')).toMatchObject({ status: 'under_construction' });
    expect(at('2017-08')).toEqual({ status: 'partly_in_operation', sections: [0], atLeast: false, basis: 'dates' });
    expect(at('2018')).toEqual({ status: 'partly_in_operation', sections: [0], atLeast: false, basis: 'dates' });
    expect(at('2019-11')).toMatchObject({ status: 'partly_in_operation', sections: [0] });
    expect(at('2019-12')).toEqual({ status: 'in_operation', sections: [0, 1, 2], atLeast: false, basis: 'dates' });
    expect(at('2020')).toMatchObject({ status: 'in_operation' });
    expect(at('2026-12')).toMatchObject({ status: 'in_operation', basis: 'as_of' });
    expect(at('2030')).toMatchObject({ status: 'in_operation', basis: 'as_of' });
  });

  it('a year counts only once the whole year is over', () => {
    const e = entry({ started: '2016-03', opened: '2019' });
    expect(statusAt(e, '2019-06')).toEqual({ status: 'under_construction', sections: [], atLeast: true, basis: 'dates' });
    expect(statusAt(e, '2019')).toMatchObject({ status: 'in_operation', atLeast: false });
    expect(statusAt(e, '2019-12')).toMatchObject({ status: 'in_operation' });
    expect(statusAt(e, '2016-02')).toMatchObject({ status: 'not_yet', atLeast: false });
  });

  it('never guesses: undated milestones follow only from the current status', () => {
    const bare = entry({ as_of: '2024-12-08' });
    expect(statusAt(bare, '2020')).toEqual({ status: 'unknown', sections: [], atLeast: false, basis: 'dates' });
    expect(statusAt(bare, '2024-12')).toMatchObject({ status: 'in_operation', basis: 'as_of' });
    // Started 2020-05-28, open by 2024-12-08, opening date unknown.
    const road = entry({ as_of: '2024-12-08', started: '2020-05-28' });
    expect(statusAt(road, '2019')).toMatchObject({ status: 'not_yet', atLeast: false });
    expect(statusAt(road, '2020-05')).toMatchObject({ status: 'under_construction', atLeast: true });
    expect(statusAt(road, '2023')).toMatchObject({ status: 'under_construction', atLeast: true });
    // Still being built: not open at any earlier date, start unknown.
    const building = entry({ status: 'under_construction', as_of: '2025-10-15' });
    expect(statusAt(building, '2018')).toEqual({ status: 'not_yet', sections: [], atLeast: true, basis: 'dates' });
    expect(statusAt(building, '2025')).toMatchObject({ status: 'under_construction', basis: 'as_of' });
    // Only preparatory now: neither started nor open before.
    const prep = entry({ status: 'preparatory' });
    expect(statusAt(prep, '2018')).toEqual({ status: 'not_yet', sections: [], atLeast: false, basis: 'dates' });
    expect(statusAt(prep, '2026')).toMatchObject({ status: 'preparatory', basis: 'as_of' });
    // Opened at a known date, start unknown: not yet open before, maybe building.
    const approved = entry({ opened: '2014-06', as_of: '2014-06-13' });
    expect(statusAt(approved, '2014-05')).toEqual({ status: 'not_yet', sections: [], atLeast: true, basis: 'dates' });
    expect(statusAt(approved, '2014-06')).toMatchObject({ status: 'in_operation' });
  });

  it('a corridor with undated open sections is at least partly open', () => {
    const corridor = entry({
      as_of: '2025-09-05',
      sections: [
        { name: { zh: '甲', en: 'A' }, status: 'in_operation', opened: '2016-11-30', sources: [0] },
        { name: { zh: '乙', en: 'B' }, status: 'in_operation', sources: [0] },
      ],
    });
    expect(statusAt(corridor, '2018')).toEqual({ status: 'partly_in_operation', sections: [0], atLeast: true, basis: 'dates' });
    expect(statusAt(corridor, '2016-10')).toMatchObject({ status: 'unknown' });
    expect(statusAt(corridor, '2025-09')).toEqual({ status: 'in_operation', sections: [0, 1], atLeast: false, basis: 'as_of' });
  });

  it('an unresearched project is unknown at every date', () => {
    expect(statusAt(undefined, '2020')).toEqual({ status: 'unknown', sections: [], atLeast: false, basis: 'none' });
    expect(() => statusAt(jinghu, '2019-13')).toThrow(/not a date/);
  });
});

describe('StatusIndex, progress, display', () => {
  const file: StatusFile = {
    version: 1,
    as_of_max: '2026-12-07',
    byProject: {
      a: jinghu,
      b: entry({ project: 'b', status: 'under_construction', started: '2020-07-30' }),
      c: entry({ project: 'c', status: 'unknown', sources: [] }),
    },
  };
  const index = new StatusIndex(file);

  it('gives every project a status, unknown without an entry', () => {
    expect(index.statusOf('a')).toBe('in_operation');
    expect(index.statusOf('zzz')).toBe('unknown');
    expect(index.entry('zzz')).toBeUndefined();
    expect([index.researched('c'), index.researched('zzz')]).toEqual([true, false]);
    expect(index.asOf).toBe('2026-12-07');
    expect(new StatusIndex().statusOf('a')).toBe('unknown');
  });

  it('counts by status, now and at a date', () => {
    const now = index.progressOf(['a', 'b', 'c', 'zzz']);
    expect(now.total).toBe(4);
    expect(now.researched).toBe(3);
    expect(now.byStatus).toMatchObject({ in_operation: 1, under_construction: 1, unknown: 2, not_yet: 0 });
    const y2018 = index.progressOf(['a', 'b', 'c', 'zzz'], '2018');
    expect(y2018.byStatus).toMatchObject({ partly_in_operation: 1, not_yet: 1, unknown: 2, in_operation: 0 });
    expect(Object.values(y2018.byStatus).reduce((a, b) => a + b, 0)).toBe(4);
    expect(progressOf([]).total).toBe(0);
  });

  it('maps every status to one of the map classes', () => {
    for (const s of TIMELINE_STATUSES) expect(DISPLAY_CLASSES).toContain(displayClass(s));
    expect([displayClass('in_operation'), displayClass('partly_in_operation'), displayClass('under_construction')]).toEqual(['operating', 'partial', 'building']);
    expect([displayClass('preparatory'), displayClass('not_yet'), displayClass('cancelled'), displayClass('unknown')]).toEqual(['planned', 'planned', 'cancelled', 'unknown']);
  });

  it('table columns: status, dates, confidence and the first source of its evidence', () => {
    const evidence = { sources: [source(), source('https://example.org/b')], note: 'n' };
    expect(statusColumns(file.byProject.a, undefined).source_url).toBeNull();
    expect(statusColumns(undefined, evidence).source_url).toBeNull();
    expect(statusColumns(file.byProject.a, evidence)).toEqual({
      status: 'in_operation',
      started: '2014',
      opened: '2019-12-30',
      as_of: '2026-12-07',
      confidence: 'medium',
      source_url: 'https://example.org/a',
    });
    expect(statusColumns(undefined, undefined)).toEqual({ status: 'unknown', started: null, opened: null, as_of: null, confidence: null, source_url: null });
  });
});

describe('the researched data on the timeline', () => {
  let cat: Catalogue;
  beforeAll(() => {
    cat = readCatalogue();
  });

  it('京呼 (rail-beijing-huhehaote-hsr): not yet open in 2018, Hohhot East–Ulanqab partly open, whole line from 2019-12', () => {
    const s = cat.statuses;
    const e = s.entry('rail-beijing-huhehaote-hsr')!;
    const y2018 = s.statusAt('rail-beijing-huhehaote-hsr', '2018');
    expect(y2018.status).toBe('partly_in_operation');
    expect(y2018.sections.map((i) => e.sections![i]!.name.zh)).toEqual([expect.stringContaining('呼和浩特东至乌兰察布')]);
    expect(s.statusAt('rail-beijing-huhehaote-hsr', '2017-07').status).toBe('under_construction');
    expect(s.statusAt('rail-beijing-huhehaote-hsr', '2019-11').status).toBe('partly_in_operation');
    expect(s.statusAt('rail-beijing-huhehaote-hsr', '2019-12').status).toBe('in_operation');
    expect(cat.status('rail-beijing-huhehaote-hsr')).toBe('in_operation');
  });

  it('every project has a status; those without research are unknown', () => {
    const ids = cat.allProjects().map((p) => p.properties.id);
    const now = cat.statuses.progressOf(ids);
    expect(now.total).toBe(ids.length);
    const unresearched = ids.filter((id) => !cat.statuses.researched(id));
    expect(unresearched.every((id) => cat.status(id) === 'unknown')).toBe(true);
    expect(now.byStatus.unknown).toBeGreaterThanOrEqual(unresearched.length);
    // At every year of the timeline each entry gets exactly one answer.
    const t = planTimeline(cat.allMeasures(), cat.statuses.asOf);
    for (const y of t.years) expect(cat.statuses.progressOf(ids, String(y)).total).toBe(ids.length);
  });

  it("the plan's timeline: 2016 to 2030 with chapter 2's target years", () => {
    const t = planTimeline(cat.allMeasures(), cat.statuses.asOf);
    expect(t.start).toBe(2016);
    expect(t.targets).toEqual([2020, 2025, 2030]);
    expect(t.end).toBe(2030);
    expect(t.years).toHaveLength(15);
    expect(t.now).toBe(cat.statuses.asOf);
    expect(planTimeline([], '2035-01').end).toBe(2035);
  });

});

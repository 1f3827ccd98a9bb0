/**
 * Progress of groups of projects (src/domain/progress.ts) and how exports say now mode
 * (src/export/scene.ts): counts by status class, per measure of the outline, per region; the
 * source line's "status as of"; a progress slide's counts. Against the real catalogue and statuses.
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS, projectPasses } from '../../src/domain/filters.ts';
import { measureTallies, statusDateText, statusReader, tallyOf } from '../../src/domain/progress.ts';
import { regionProjects } from '../../src/domain/selection.ts';
import { displayClass, DISPLAY_CLASSES, type TimelineStatus } from '../../src/domain/status.ts';
import { EMPTY_STATE, type AppState } from '../../src/domain/url-state.ts';
import { buildScene, selectionProjects } from '../../src/export/scene.ts';
import { docTitleKey, scenesFor } from '../../src/ui/export/scenes.ts';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import type { GeoData } from '../../src/map/geodata.ts';
import { geoOf } from './support/geo-stub.ts';

const BJ_HOHHOT = 'rail-beijing-huhehaote-hsr';
const HOHHOT = '150100';

let cat: Catalogue;
let geo: GeoData;
let tZh: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  cat = readCatalogue();
  geo = geoOf(cat);
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'zh', fallbackLng: 'zh', interpolation: { escapeValue: false } });
  tZh = i18n.getFixedT('zh');
  tEn = i18n.getFixedT('en');
});

describe('tallies', () => {
  it('count each status in its display class; unknown is never counted as not started', () => {
    const statuses: TimelineStatus[] = ['in_operation', 'in_operation', 'unknown', 'unknown', 'unknown', 'not_started', 'preparatory', 'not_yet', 'under_construction', 'partly_in_operation', 'cancelled'];
    const t = tallyOf(statuses);
    expect(t.total).toBe(statuses.length);
    expect(t.byClass).toEqual({ operating: 2, partial: 1, building: 1, planned: 3, cancelled: 1, unknown: 3 });
  });

  it('the Beijing–Hohhot corridor counts as in operation now, partly at the end of 2018, planned at the end of 2016', () => {
    expect(statusReader(cat.statuses, null)(BJ_HOHHOT)).toBe('in_operation');
    expect(statusReader(cat.statuses, '2018')(BJ_HOHHOT)).toBe('partly_in_operation');
    expect(displayClass(statusReader(cat.statuses, '2016')(BJ_HOHHOT))).not.toBe('operating');
  });
});

describe('outline progress (measureTallies)', () => {
  /** Projects of a measure (or below it), counted the slow way. */
  function slow(mid: string, date: string | null) {
    const statusOf = statusReader(cat.statuses, date);
    const mine = cat.allProjects().filter((p) => projectPasses(p, NO_FILTERS) && p.properties.measures.some((m) => m === mid || m.startsWith(`${mid}.`)));
    return tallyOf(mine.map((p) => statusOf(p.properties.id)));
  }

  for (const date of [null, '2018', '2022']) {
    it(`match a count per measure at ${date ?? 'the latest status'}`, () => {
      const tallies = measureTallies(
        cat.allProjects().map((p) => ({ id: p.properties.id, measures: p.properties.measures })),
        statusReader(cat.statuses, date),
      );
      const measures = cat.allMeasures();
      let withProjects = 0;
      for (const m of measures) {
        const want = slow(m.id, date);
        const got = tallies.get(m.id);
        if (want.total === 0) expect(got).toBeUndefined();
        else {
          withProjects++;
          expect(got, m.id).toEqual(want);
          expect(DISPLAY_CLASSES.reduce((s, c) => s + got!.byClass[c], 0)).toBe(got!.total);
        }
      }
      expect(withProjects).toBeGreaterThan(20);
    });
  }

  it('a measure of the corridor has more in operation now than at the end of 2016', () => {
    const mid = cat.project(BJ_HOHHOT)!.properties.measures[0]!;
    const all = cat.allProjects().map((p) => ({ id: p.properties.id, measures: p.properties.measures }));
    const now = measureTallies(all, statusReader(cat.statuses, null)).get(mid)!;
    const then = measureTallies(all, statusReader(cat.statuses, '2016')).get(mid)!;
    expect(now.total).toBe(then.total);
    expect(now.byClass.operating).toBeGreaterThan(then.byClass.operating);
  });
});

describe('region progress', () => {
  it("Hohhot: the corridor is among its projects in operation now, and not at the end of 2018", () => {
    const { items } = regionProjects(cat, HOHHOT, NO_FILTERS);
    expect(items.some((it) => it.project.properties.id === BJ_HOHHOT)).toBe(true);
    const ids = items.map((it) => it.project.properties.id);
    const now = tallyOf(ids.map(statusReader(cat.statuses, null)));
    const y2018 = tallyOf(ids.map(statusReader(cat.statuses, '2018')));
    expect(now.total).toBe(items.length);
    expect(now.byClass.operating).toBeGreaterThan(y2018.byClass.operating);
    // Unknown projects stay unknown at any date (no entry → unknown).
    const unresearched = ids.filter((id) => !cat.statuses.researched(id)).length;
    expect(now.byClass.unknown).toBeGreaterThanOrEqual(unresearched);
    expect(y2018.byClass.unknown).toBeGreaterThanOrEqual(unresearched);
  });
});

describe('statusDateText', () => {
  it('says the end of the period a date stands for', () => {
    expect(statusDateText('2018', 'zh')).toBe('2018年底');
    expect(statusDateText('2018', 'en')).toBe('the end of 2018');
    expect(statusDateText('2020-06', 'zh')).toBe('2020年6月底');
    expect(statusDateText('2020-06', 'en')).toBe('the end of June 2020');
    expect(statusDateText('2026-12-07', 'zh')).toBe('2026年12月7日');
    expect(statusDateText('2026-12-07', 'en')).toBe('2026-12-07');
  });
});

function scene(state: AppState, t: TFunction, progress = false) {
  return buildScene(
    { state, bounds: [[105, 38], [115, 44]], ...(progress ? { progress: true } : {}) },
    { catalogue: cat, geo, baseStyle: { version: 8, sources: {}, layers: [] }, fontStacks: { regular: ['a'], semibold: ['b'] }, t, date: new Date(2026, 11, 7) },
  );
}

describe('exports in now mode', () => {
  it('plan mode: the source line says nothing of statuses', () => {
    const s = scene({ ...EMPTY_STATE, lang: 'zh' }, tZh);
    expect(s.content.source).not.toContain('状态截至');
    expect(s.content.source).toBe(tZh('export.source'));
  });

  it('now mode at a timeline date: source line and subtitle say "status as of" that date', () => {
    const zhScene = scene({ ...EMPTY_STATE, lang: 'zh', mode: 'now', date: '2018' }, tZh);
    expect(zhScene.content.source.startsWith('状态截至2018年底')).toBe(true);
    expect(zhScene.content.source).toContain(tZh('export.source'));
    expect(zhScene.content.subtitle).toContain('状态截至2018年底');
    const enScene = scene({ ...EMPTY_STATE, lang: 'en', mode: 'now', date: '2018' }, tEn);
    expect(enScene.content.source.startsWith('Status as of the end of 2018')).toBe(true);
    expect(enScene.content.subtitle).toContain('Status as of the end of 2018');
  });

  it("now mode without a date: the status as of the data's newest as_of", () => {
    const asOf = cat.statuses.asOf!;
    const s = scene({ ...EMPTY_STATE, lang: 'en', mode: 'now', date: null }, tEn);
    expect(s.content.source.startsWith(`Status as of ${statusDateText(asOf, 'en')}`)).toBe(true);
  });

  it('the notes list statuses in now mode, the plan\'s verbs in plan mode', () => {
    const sel = { ...EMPTY_STATE, lang: 'zh' as const, selection: { kind: 'region' as const, code: HOHHOT }, region: HOHHOT };
    const name = cat.project(BJ_HOHHOT)!.properties.name_zh;
    const plan = scene(sel, tZh);
    const now = scene({ ...sel, mode: 'now', date: '2018' }, tZh);
    expect(plan.notes).toContain(`${name}（${cat.project(BJ_HOHHOT)!.properties.stage_verb}）`);
    expect(now.notes).toContain(`${name}（${tZh('status.value.partly_in_operation')}）`);
  });

  it('a progress slide counts the league\'s projects by status in its subtitle, and lists them by status', () => {
    const state: AppState = { ...EMPTY_STATE, lang: 'en', mode: 'now', date: null, selection: { kind: 'region', code: HOHHOT }, region: HOHHOT };
    const s = scene(state, tEn, true);
    const ids = selectionProjects(state, cat).map((p) => p.properties.id);
    const tally = tallyOf(ids.map(statusReader(cat.statuses, null)));
    expect(s.content.title).toBe(tEn('export.progressTitle', { name: geo.byCode.get(HOHHOT)!.name_en }));
    expect(s.content.subtitle).toContain(`${tally.total} projects: ${tally.byClass.operating} in operation`);
    expect(s.content.subtitle).toContain(`${tally.byClass.building} under construction`);
    expect(s.content.subtitle).toContain(`${tally.byClass.planned} not started`);
    expect(s.content.subtitle).toContain(`${tally.byClass.unknown} status unknown`);
    // Listed in the order of the status classes: in operation first, unknown last.
    const order = s.projects.map((p) => DISPLAY_CLASSES.indexOf(displayClass(cat.statuses.statusOf(p.properties.id))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(s.projects.length).toBe(tally.total);
  });
});

describe('the progress deck (scenesFor)', () => {
  it('one now-mode progress slide per league, at the timeline date when one is set', () => {
    const plan = scenesFor('progress', { ...EMPTY_STATE, lang: 'zh' }, 'zh', geo, [], {});
    expect(plan).toHaveLength(12);
    expect(new Set(plan.map((s) => (s.state.selection?.kind === 'region' ? s.state.selection.code : null))).size).toBe(12);
    for (const s of plan) {
      expect(s.progress).toBe(true);
      expect(s.state.mode).toBe('now');
      expect(s.state.date).toBeNull();
      expect(s.state.selection?.kind === 'region' && s.state.selection.code.startsWith('15')).toBe(true);
    }
    const at2018 = scenesFor('progress', { ...EMPTY_STATE, lang: 'en', mode: 'now', date: '2018' }, 'en', geo, [], {});
    expect(at2018.every((s) => s.state.date === '2018' && s.state.mode === 'now')).toBe(true);
    // The atlas of the leagues stays as the state is (plan mode), without counts.
    const atlas = scenesFor('atlas', { ...EMPTY_STATE, lang: 'zh' }, 'zh', geo, [], {});
    expect(atlas.every((s) => s.state.mode === 'plan' && !s.progress)).toBe(true);
    expect(tEn(docTitleKey('progress')!)).toBe(en.export.progressDeckTitle);
  });
});

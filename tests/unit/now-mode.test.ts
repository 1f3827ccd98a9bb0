/**
 * Now mode: the map styles projects by their present status (or at a timeline date), and the
 * legend lists exactly the status classes it draws.
 */
import { corridorBufferOf } from '../../src/domain/corridor-buffer.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { lensOf, projectClass, PLAN_LENS } from '../../src/domain/lens.ts';
import { EMPTY_STATE, type AppState } from '../../src/domain/url-state.ts';
import { STATUS_CLASS_LABEL, STATUS_STYLE, UNKNOWN_GREY } from '../../src/map/themes/style.ts';
import { LEGEND_TEXT } from '../../src/map/themes/legend.ts';
import { cacheFor, legendOf, THEME_BY_ID, viewOf, visibleDraw } from '../../src/map/themes/index.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const HOHHOT = 'rail-beijing-huhehaote-hsr';
const state = (over: Partial<AppState>): AppState => ({ ...EMPTY_STATE, lang: 'en', layers: ['railways'], ...over });

function lineOf(s: AppState, id: string) {
  const view = viewOf(s, cat, corridorBufferOf);
  return visibleDraw({ catalogue: cat, filters: view.filters, lens: view.lens }, view.layers).lines.find((l) => l.id === id)!;
}

describe('now mode', () => {
  it('classes 北京至呼和浩特高铁通道: in operation now and from 2020, partly open in 2018, under construction in 2016', () => {
    const p = cat.project(HOHHOT)!;
    expect(projectClass(p, PLAN_LENS, cat).kind).toBe('stage');
    expect(projectClass(p, lensOf('now', null), cat)).toEqual({ kind: 'status', cls: 'operating' });
    // 2018: the Hohhot East–Ulanqab section (opened 2017-08) ran, the whole line opened 2019-12.
    expect(projectClass(p, lensOf('now', '2018'), cat)).toEqual({ kind: 'status', cls: 'partial' });
    // 京张 started 2016-04-29.
    expect(projectClass(p, lensOf('now', '2016'), cat)).toEqual({ kind: 'status', cls: 'building' });
    expect(projectClass(p, lensOf('now', '2020'), cat)).toEqual({ kind: 'status', cls: 'operating' });
  });

  it('draws the line solid in its colour now, long-dashed in 2018, dashed in 2016; a line not started pale', () => {
    const railColour = THEME_BY_ID.get('railways')!.style.color;
    const now = lineOf(state({ mode: 'now' }), HOHHOT);
    expect(now.dash).toBeNull();
    expect(now.color).toEqual(railColour);
    const y2018 = lineOf(state({ mode: 'now', date: '2018' }), HOHHOT);
    expect(y2018.dash).toEqual(STATUS_STYLE.partial.dash(now.width));
    expect(lineOf(state({ mode: 'now', date: '2016' }), HOHHOT).dash).toEqual(STATUS_STYLE.building.dash(now.width));
    const notStarted = 'rail-qiqihaer-hailaer-manzhouli-hsr';
    expect(cat.status(notStarted)).toBe('preparatory');
    expect(lineOf(state({ mode: 'now' }), notStarted).alpha).toBeLessThan(now.alpha / 2);
    // Plan mode keeps the stage's dash.
    expect(lineOf(state({}), HOHHOT)).not.toBe(now);
  });

  it('draws projects nobody could source in grey', () => {
    const unknown = cat.allProjects().find((p) => p.properties.theme === 'railway' && p.geometry.type === 'LineString' && cat.status(p.properties.id) === 'unknown')!;
    expect(unknown).toBeDefined();
    expect(lineOf(state({ mode: 'now' }), unknown.properties.id).color).toEqual(UNKNOWN_GREY);
  });

  it('lists in the legend exactly the status classes drawn', () => {
    for (const date of [null, '2016', '2018', '2023-06']) {
      const view = viewOf(state({ mode: 'now', date }), cat, corridorBufferOf);
      const draw = visibleDraw({ catalogue: cat, filters: view.filters, lens: view.lens }, view.layers);
      const ids = [...draw.lines.map((l) => l.id), ...draw.icons.filter((i) => i.placeId == null).flatMap((i) => i.ids)];
      const drawn = new Set(ids.map((id) => projectClass(cat.project(id)!, view.lens, cat).cls));
      const geometryRows = new Set([LEGEND_TEXT.alignedLine.en, LEGEND_TEXT.straightLine.en]);
      const rows = new Set(legendOf(view, cat)[0]!.entries.map((e) => e.label.en).filter((l) => !geometryRows.has(l)));
      const expected = new Set((['operating', 'partial', 'building', 'planned', 'cancelled', 'unknown'] as const).filter((c) => drawn.has(c)).map((c) => STATUS_CLASS_LABEL[c].en));
      expect(rows, String(date)).toEqual(expected);
    }
  });

  it('keeps plan mode’s draw data apart from now mode’s', () => {
    const cache = cacheFor(cat);
    const plan = visibleDraw({ catalogue: cat, filters: EMPTY_STATE.filters, lens: PLAN_LENS }, ['railways']);
    const now = visibleDraw({ catalogue: cat, filters: EMPTY_STATE.filters, lens: lensOf('now', null) }, ['railways']);
    expect(plan).not.toBe(now);
    expect(visibleDraw({ catalogue: cat, filters: EMPTY_STATE.filters, lens: lensOf('now', null) }, ['railways'])).toBe(now);
    expect(cache.catalogue).toBe(cat);
  });
});

/**
 * The thematic layers' contract: every project of the catalogue is drawn by exactly one layer, the
 * legend only lists what is drawn after filters, and the layer panel's counts add up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/cli/load.ts';
import type { Catalogue } from '../../src/domain/catalogue.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { PLAN_LENS } from '../../src/domain/lens.ts';
import { NO_EMPHASIS } from '../../src/domain/selection.ts';
import { segmentDistance } from '../../src/map/themes/picking.ts';
import { LEGEND_TEXT } from '../../src/map/themes/legend.ts';
import { cacheFor, DEFAULT_VISIBLE, LAYER_GROUPS, legendEntries, pickAt, projectCounts, THEMES, themeOfProject, visibleDraw } from '../../src/map/themes/index.ts';
import type { LayerContext } from '../../src/map/themes/types.ts';
import { SHAPE_PATHS } from '../../src/map/themes/style.ts';

let cat: Catalogue;
beforeAll(() => {
  cat = readCatalogue();
});

const ctx = (over: Partial<LayerContext> = {}): LayerContext => ({
  catalogue: cat,
  filters: NO_FILTERS,
  lang: 'zh',
  emphasis: NO_EMPHASIS,
  lens: PLAN_LENS,
  scale: 1,
  zoom: 5,
  ...over,
});

describe('thematic layers', () => {
  it('has one module per theme id, in a known group, with unique ids', () => {
    expect(THEMES.map((t) => t.id)).toEqual(['railways', 'highways', 'airports', 'seaports', 'ports', 'logistics', 'power', 'pipelines', 'water', 'ecology', 'environment', 'industry', 'agriculture', 'information', 'commerce', 'public_service', 'opening', 'cooperation']);
    expect(new Set(THEMES.map((t) => t.order)).size).toBe(THEMES.length);
    const groups = new Set(LAYER_GROUPS.map((g) => g.id));
    for (const t of THEMES) {
      expect(groups.has(t.group), t.id).toBe(true);
      expect(t.label.zh.length).toBeGreaterThan(0);
      expect(t.label.en.length).toBeGreaterThan(0);
    }
  });

  it('selects every project of the catalogue exactly once', () => {
    const seen = new Map<string, string[]>();
    for (const t of THEMES)
      for (const f of t.select(cacheFor(cat))) {
        if (!('theme' in f.properties)) continue; // a gazetteer place of a place layer
        const id = f.properties.id;
        seen.set(id, [...(seen.get(id) ?? []), t.id]);
      }
    const all = cat.allProjects().map((p) => p.properties.id);
    const missing = all.filter((id) => !seen.has(id));
    const twice = [...seen].filter(([, ts]) => ts.length > 1);
    expect(missing, 'projects on no layer').toEqual([]);
    expect(twice, 'projects on two layers').toEqual([]);
    expect(seen.size).toBe(all.length);
    for (const id of all) expect(themeOfProject(cat, id)?.id).toBe(seen.get(id)![0]);
  });

  it('draws ports of entry, seaports and airports from the gazetteer, with the projects at them', () => {
    const places = (id: string) =>
      THEMES.find((t) => t.id === id)!
        .select(cacheFor(cat))
        .filter((f) => !('theme' in f.properties))
        .map((f) => f.properties.id);
    const kinds = (kind: string) => cat.data.places.features.filter((f) => f.properties.kind === kind).map((f) => f.properties.id);
    expect(places('ports').sort()).toEqual(kinds('port_of_entry').sort());
    expect(places('seaports').sort()).toEqual(kinds('seaport').sort());
    expect(places('airports').sort()).toEqual(kinds('airport').sort());
    expect(themeOfProject(cat, 'open-port-coop-erlianhaote')?.id).toBe('ports');
    expect(themeOfProject(cat, 'open-aviation-port-manzhouli')?.id).toBe('airports');
    expect(themeOfProject(cat, 'log-port-cooperation-tianjin')?.id).toBe('seaports');
    expect(themeOfProject(cat, 'rail-baotou-yinchuan-hsr')?.id).toBe('railways');
  });

  it('counts projects per layer after filters', () => {
    const all = projectCounts(cat, NO_FILTERS);
    expect(Object.values(all).reduce((a, b) => a + b, 0)).toBe(cat.allProjects().length);
    const rail = projectCounts(cat, { chapters: [], themes: ['railway'], stages: [] });
    expect(rail.railways).toBe(all.railways);
    expect(Object.entries(rail).filter(([k, n]) => k !== 'railways' && n > 0)).toEqual([]);
    const study = projectCounts(cat, { chapters: [4], themes: [], stages: ['study'] });
    expect(study.railways).toBeGreaterThan(0);
    expect(study.highways).toBe(0);
  });

  it('lists in the legend only the visible layers and only rows that have features', () => {
    const full = legendEntries(ctx(), DEFAULT_VISIBLE);
    const rail = full.find((l) => l.id === 'railways')!;
    const styles = rail.entries.filter((e) => e.symbol.kind === 'line').map((e) => (e.symbol.kind === 'line' && e.symbol.dashArray ? 'broken' : 'solid'));
    expect(styles).toContain('solid');
    expect(styles).toContain('broken');
    expect(legendEntries(ctx(), ['highways']).map((l) => l.id)).toEqual(['highways']);
    expect(legendEntries(ctx(), []).length).toBe(0);
    // Only studies left: the railway legend keeps only the dashed row.
    const studies = legendEntries(ctx({ filters: { chapters: [], themes: [], stages: ['study'] } }), ['railways', 'highways']);
    expect(studies.map((l) => l.id)).toEqual(['railways']);
    const stageRows = studies[0]!.entries.filter((e) => e.label !== LEGEND_TEXT.alignedLine && e.label !== LEGEND_TEXT.straightLine);
    expect(stageRows.every((e) => e.symbol.kind !== 'line' || e.symbol.dashArray)).toBe(true);
  });

  it('draws a real alignment cased and full width, a schematic line thin without casing, and the legend says which is which', () => {
    const draw = (layer: string) => visibleDraw({ catalogue: cat, filters: NO_FILTERS, lens: PLAN_LENS }, [layer]);
    const rail = draw('railways');
    const line = (id: string) => rail.lines.find((l) => l.id === id)!;
    const surveyed = line('rail-jitong-electrification-capacity');
    const schematic = line('rail-xilinhaote-zhangjiakou-fast-rail');
    expect(cat.project(surveyed.id)!.properties.precision).toBe('surveyed');
    expect(cat.project(schematic.id)!.properties.precision).toBe('schematic');
    expect(surveyed.casing).toBe(true);
    expect(schematic.casing).toBe(false);
    expect(schematic.width).toBeLessThan(surveyed.width);
    const labels = (layer: string) => legendEntries(ctx(), [layer])[0]!.entries.map((e) => e.label);
    expect(labels('railways')).toEqual(expect.arrayContaining([LEGEND_TEXT.alignedLine, LEGEND_TEXT.straightLine]));
    // Every highway is schematic (no open source of their alignments): no "real route" row.
    expect(draw('highways').lines.every((l) => !l.casing)).toBe(true);
    expect(labels('highways')).toContain(LEGEND_TEXT.straightLine);
    expect(labels('highways')).not.toContain(LEGEND_TEXT.alignedLine);
  });

  it('lists in an extent-bound legend (an export frame) only what falls inside the extent', () => {
    const ids = (extent?: [[number, number], [number, number]]) => legendEntries(ctx(extent ? { extent } : {}), DEFAULT_VISIBLE).map((l) => l.id);
    const everywhere = ids();
    // Hulunbuir's north-east, far from the sea: no seaport; its ports of entry (满洲里) are there.
    const hulunbuir = ids([
      [115, 47],
      [126, 53.5],
    ]);
    expect(everywhere).toContain('seaports');
    expect(hulunbuir).not.toContain('seaports');
    expect(hulunbuir).toContain('ports');
    expect(hulunbuir.length).toBeLessThan(everywhere.length);
    // The Bohai coast around Tianjin: seaports come back.
    expect(
      ids([
        [116.5, 38],
        [119, 40],
      ]),
    ).toContain('seaports');
    // An empty stretch of the Gobi in Mongolia: nothing at all.
    expect(
      ids([
        [100, 45.5],
        [101, 46],
      ]),
    ).toEqual([]);
  });

  it('picks the same symbol or line through its grid index as by testing everything', () => {
    // Web Mercator at zoom z around (lng0, lat0), 1280×800 px, as the map projects.
    const frame = (lng0: number, lat0: number, z: number) => {
      const world = 512 * 2 ** z;
      const mx = (lng: number) => ((lng + 180) / 360) * world;
      const my = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
      const ox = mx(lng0) - 640;
      const oy = my(lat0) - 400;
      const project = ([lng, lat]: [number, number]) => ({ x: mx(lng) - ox, y: my(lat) - oy });
      const unproject = (x: number, y: number): [number, number] => {
        const lng = ((x + ox) / world) * 360 - 180;
        const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + oy)) / world))) * 180) / Math.PI;
        return [lng, lat];
      };
      return { project, unproject };
    };
    let hits = 0;
    for (const [lng0, lat0, z] of [
      [112, 42, 4.6],
      [110.3, 40.7, 7.5],
      [117.5, 39.5, 6],
    ] as const) {
      const { project, unproject } = frame(lng0, lat0, z);
      for (let x = 0; x < 1280; x += 11)
        for (let y = 0; y < 800; y += 11) {
          const slow = pickAt({ catalogue: cat, filters: NO_FILTERS, scale: 1 }, DEFAULT_VISIBLE, project, x, y, 4);
          const fast = pickAt({ catalogue: cat, filters: NO_FILTERS, scale: 1 }, DEFAULT_VISIBLE, project, x, y, 4, unproject);
          expect(fast, `at ${x},${y} of ${lng0},${lat0} z${z}`).toEqual(slow);
          if (slow) hits++;
        }
    }
    // The comparison means something only if many points hit something.
    expect(hits).toBeGreaterThan(500);
  }, 180_000);

  it('has a path for every point shape', () => {
    for (const t of THEMES) expect(SHAPE_PATHS[t.spec.style.shape]).toMatch(/^M /);
  });
});

describe('filter lists', () => {
  it('match the schema', async () => {
    const schema = await import('../../data/schema.ts');
    const { ALL_STAGES, ALL_THEMES } = await import('../../src/domain/filters.ts');
    expect([...ALL_THEMES]).toEqual([...schema.THEMES]);
    expect([...ALL_STAGES]).toEqual([...schema.STAGES]);
  });
});

describe('picking on the CPU', () => {
  // A plain Web Mercator projection at zoom 6 (512 px tiles), like the map's.
  const Z = 512 * 2 ** 6;
  const project = ([lng, lat]: [number, number]) => ({
    x: ((lng + 180) / 360) * Z,
    y: ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * Z,
  });

  it('finds a line under the pointer, and a place symbol over lines', async () => {
    const { pickAt } = await import('../../src/map/themes/index.ts');
    const line = cat.project('rail-baotou-yinchuan-hsr')!.geometry.coordinates as [number, number][];
    const a = project(line[2]!);
    const b = project(line[3]!);
    const x = (a.x + b.x) / 2;
    const y = (a.y + b.y) / 2;
    const hit = pickAt({ catalogue: cat, filters: NO_FILTERS, scale: 1 }, ['railways'], project, x, y);
    // A real alignment may be shared by two projects (a corridor and its line): the hit is one whose line passes under the pointer.
    expect(hit?.kind).toBe('project');
    const hitLine = cat.project(hit!.kind === 'project' ? hit!.id : '')!.geometry.coordinates as [number, number][];
    const near = hitLine.slice(1).some((q, i) => {
      const p0 = project(hitLine[i]!);
      const p1 = project(q);
      return segmentDistance(x, y, p0.x, p0.y, p1.x, p1.y) <= 4 + 3;
    });
    expect(near).toBe(true);
    expect(pickAt({ catalogue: cat, filters: NO_FILTERS, scale: 1 }, ['highways'], project, (a.x + b.x) / 2, (a.y + b.y) / 2)).toBeNull();
    const port = cat.place('erlianhaote-port')!.geometry.coordinates as [number, number];
    const p = project(port);
    const atPort = pickAt({ catalogue: cat, filters: NO_FILTERS, scale: 1 }, DEFAULT_VISIBLE, project, p.x, p.y);
    expect(atPort?.kind).toBe('place');
    expect(atPort && atPort.kind === 'place' ? atPort.projects : []).toContain('open-port-coop-erlianhaote');
    // Filters hide what they filter out.
    expect(pickAt({ catalogue: cat, filters: { chapters: [], themes: [], stages: ['seek'] }, scale: 1 }, ['railways'], project, (a.x + b.x) / 2, (a.y + b.y) / 2)).toBeNull();
  });
});

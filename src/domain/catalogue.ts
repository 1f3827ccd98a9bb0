/**
 * The compiled catalogue in memory, with the queries every view needs:
 * projectsTouching(region), regionsTouchedBy(project), projectsOfMeasure(measure), findRegions(text).
 * Pure TypeScript: the app, the CLI and the tests share it.
 */
import { RegionIndex, shortRegionName } from './regions.ts';
import { StatusIndex } from './status.ts';
import type {
  Measure,
  MeasuresFile,
  PlaceFeature,
  ProjectFeature,
  ProjectCollection,
  RegionCollection,
  RegionProps,
  Status,
  StatusFile,
  Touch,
  TouchesFile,
} from './types.ts';
import type { FeatureCollection, Point } from 'geojson';

export interface CatalogueData {
  regions: RegionCollection;
  measures: MeasuresFile;
  places: FeatureCollection<Point, PlaceFeature['properties']>;
  projects: ProjectCollection;
  touches: TouchesFile;
  /** Present status (public/data/status.json); apart from projects so the plan's words stay its own. */
  status: StatusFile;
}

export interface ProjectTouch {
  project: ProjectFeature;
  touch: Touch;
}

export interface MeasureGroup {
  measure: Measure;
  items: ProjectTouch[];
}

export interface ChapterGroup {
  chapter: Measure;
  measures: MeasureGroup[];
}

export interface RegionTouch {
  region: RegionProps;
  touch: Touch;
}

const LEVEL_RANK = { province: 0, prefecture: 1, county: 2 } as const;

/** Plan order of measure ids: chapter, then section, then item, numerically. */
export function compareMeasureIds(a: string, b: string): number {
  const na = a.match(/\d+/g)?.map(Number) ?? [];
  const nb = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export class Catalogue {
  readonly regions: RegionIndex;
  /** Present status of every project (`unknown` without research): statusOf, entry, statusAt, progressOf (src/domain/status.ts). */
  readonly statuses: StatusIndex;
  private readonly measures = new Map<string, Measure>();
  private readonly projects = new Map<string, ProjectFeature>();
  private readonly places = new Map<string, PlaceFeature>();
  private readonly touchesByRegion: Record<string, Touch[]>;
  private readonly touchesByProject = new Map<string, { region: string; touch: Touch }[]>();

  constructor(readonly data: CatalogueData) {
    this.regions = new RegionIndex(data.regions.features);
    this.statuses = new StatusIndex(data.status);
    for (const m of data.measures.measures) this.measures.set(m.id, m);
    for (const p of data.projects.features) this.projects.set(p.properties.id, p);
    for (const p of data.places.features) this.places.set(p.properties.id, p as PlaceFeature);
    this.touchesByRegion = data.touches.byRegion;
    for (const [region, list] of Object.entries(data.touches.byRegion)) {
      for (const touch of list) {
        const l = this.touchesByProject.get(touch.project) ?? [];
        l.push({ region, touch });
        this.touchesByProject.set(touch.project, l);
      }
    }
  }

  measure(id: string): Measure | undefined {
    return this.measures.get(id);
  }

  allMeasures(): Measure[] {
    return this.data.measures.measures;
  }

  project(id: string): ProjectFeature | undefined {
    return this.projects.get(id);
  }

  allProjects(): ProjectFeature[] {
    return this.data.projects.features;
  }

  /** The project's present status; `unknown` when nobody researched it (details: `statuses.entry(id)`). */
  status(projectId: string): Status {
    return this.statuses.statusOf(projectId);
  }

  place(id: string): PlaceFeature | undefined {
    return this.places.get(id);
  }

  region(code: string): RegionProps | undefined {
    return this.regions.get(code)?.properties;
  }

  /** Every project touching the region, with how it touches. */
  projectsTouching(code: string, keep: (p: ProjectFeature) => boolean = () => true): ProjectTouch[] {
    const out: ProjectTouch[] = [];
    for (const touch of this.touchesByRegion[code] ?? []) {
      const project = this.projects.get(touch.project);
      if (project && keep(project)) out.push({ project, touch });
    }
    return out;
  }

  /** Regions the project touches, leagues before counties, then by code. */
  regionsTouchedBy(projectId: string): RegionTouch[] {
    return (this.touchesByProject.get(projectId) ?? [])
      .map(({ region, touch }) => ({ region: this.region(region)!, touch }))
      .filter((r) => r.region != null)
      .sort((a, b) => LEVEL_RANK[a.region.level] - LEVEL_RANK[b.region.level] || a.region.code.localeCompare(b.region.code));
  }

  /** The measure and its ancestors, chapter first. */
  measurePath(id: string): Measure[] {
    const parts = id.split('.');
    const out: Measure[] = [];
    for (let i = 1; i <= parts.length; i++) {
      const m = this.measures.get(parts.slice(0, i).join('.'));
      if (m) out.push(m);
    }
    return out;
  }

  /** Projects that carry out the measure or any measure below it. */
  projectsOfMeasure(id: string): ProjectFeature[] {
    return this.allProjects().filter((p) => p.properties.measures.some((m) => m === id || m.startsWith(id + '.')));
  }

  /** Group touches chapter → measure (a project listed under each of its measures), in plan order. */
  groupByMeasure(items: ProjectTouch[]): ChapterGroup[] {
    const byMeasure = new Map<string, ProjectTouch[]>();
    for (const it of items)
      for (const m of it.project.properties.measures) {
        const l = byMeasure.get(m) ?? [];
        l.push(it);
        byMeasure.set(m, l);
      }
    const chapters = new Map<string, ChapterGroup>();
    for (const mid of [...byMeasure.keys()].sort(compareMeasureIds)) {
      const measure = this.measures.get(mid);
      const chapter = this.measures.get(mid.split('.')[0]!);
      if (!measure || !chapter) continue;
      const group = chapters.get(chapter.id) ?? { chapter, measures: [] };
      group.measures.push({
        measure,
        items: byMeasure.get(mid)!.sort((a, b) => a.project.properties.id.localeCompare(b.project.properties.id)),
      });
      chapters.set(chapter.id, group);
    }
    return [...chapters.values()];
  }

  /**
   * Regions matching free text: a code, a Chinese name with or without its suffix (包头, 包头市), an
   * alias of the region's seat in the gazetteer (锡盟, 呼市), an English name or pinyin. Best first.
   */
  findRegions(query: string): RegionProps[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const scored: { r: RegionProps; score: number }[] = [];
    const seatAliases = this.seatAliases();
    for (const f of this.data.regions.features) {
      const r = f.properties;
      const en = r.name_en.toLowerCase();
      const enShort = en.replace(/\s+(league|city|county|district|banner|province)$/u, '');
      let score = 0;
      if (r.code === q) score = 100;
      else if (r.name_zh === query.trim()) score = 90;
      else if (shortRegionName(r.name_zh) === query.trim()) score = 85;
      else if (en === q || enShort === q) score = 80;
      else if ((seatAliases.get(r.code) ?? []).includes(query.trim())) score = 75;
      else if (r.name_zh.startsWith(query.trim())) score = 50;
      else if (en.startsWith(q)) score = 40;
      if (score > 0) scored.push({ r, score: score - LEVEL_RANK[r.level] * 0.1 + (r.code.startsWith('15') ? 0.05 : 0) });
    }
    return scored.sort((a, b) => b.score - a.score).map((s) => s.r);
  }

  private seatAliasCache?: Map<string, string[]>;
  /** League/city seats carry the league's short names (锡盟, 呼市) as aliases; map them to the league. */
  private seatAliases(): Map<string, string[]> {
    if (this.seatAliasCache) return this.seatAliasCache;
    const out = new Map<string, string[]>();
    for (const p of this.data.places.features) {
      if (p.properties.kind !== 'league_seat') continue;
      const league = [p.properties.region, ...this.regions.ancestors(p.properties.region)].find((c) => this.regions.level(c) === 'prefecture');
      if (!league) continue;
      out.set(league, [...(out.get(league) ?? []), p.properties.name_zh, ...p.properties.aliases]);
    }
    this.seatAliasCache = out;
    return out;
  }
}

/**
 * Turns validated sources into the compiled catalogue: references checked, geometry specs
 * resolved, touches computed. Pure apart from its inputs, so tests can call it directly.
 */
import { length as turfLength, lineString } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { pinyin } from 'pinyin-pro';
import polygonClipping, { type Geom } from 'polygon-clipping';
import { RegionIndex } from '../src/domain/regions.ts';
import { mergeTouches, namedClosure, spatialTouches, unionTouches, type SpatialTouch } from '../src/domain/touches.ts';
import type {
  MeasuresFile,
  PlaceFeature,
  ProjectCollection,
  ProjectFeature,
  ProjectGeometry,
  RegionCollection,
  SearchKeys,
  StatusFile,
  DetailsFile,
  ProjectDetails,
  Touch,
  TouchesFile,
} from '../src/domain/types.ts';
import { AlignmentError, AlignmentResolver, type ResolvedAlignment } from './alignment.ts';
import { CatalogueError, type CatalogueSources, type Sourced } from './load.ts';
import type { GeometrySpec, Place, Project, ProjectStatus, RegionGroup } from './schema.ts';
import { dateEnd } from '../src/domain/status.ts';

export interface CompiledCatalogue {
  measures: MeasuresFile;
  places: FeatureCollection<PlaceFeature['geometry'], PlaceFeature['properties']>;
  projects: ProjectCollection;
  touches: TouchesFile;
  /** Pinyin keys of every region, for search in the browser. */
  searchKeys: { version: 1; regions: Record<string, SearchKeys> };
  /** Present status of the researched projects (the plan's words stay in projects). */
  status: StatusFile;
  /** The notes and sources only a project's panel, the downloads and the CLI read. */
  details: DetailsFile;
}

export function searchKeys(zh: string): SearchKeys {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return {
    pinyin: syllables.join('').toLowerCase(),
    initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase(),
  };
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

function roundPositions(coords: unknown): unknown {
  if (typeof coords === 'number') return round5(coords);
  if (Array.isArray(coords)) return coords.map(roundPositions);
  return coords;
}

function duplicates<T>(items: Sourced<T>[], key: (t: T) => string, what: string): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const { value, file } of items) {
    const k = key(value);
    const prev = seen.get(k);
    if (prev) problems.push(`${file}: ${what} ${k}: already defined in ${prev}`);
    else seen.set(k, file);
  }
  return problems;
}

export function buildCatalogue(src: CatalogueSources, regionsFc: RegionCollection, countryCodes: Set<string>): CompiledCatalogue {
  const regions = new RegionIndex(regionsFc.features);
  const problems: string[] = [
    ...duplicates(src.measures, (m) => m.id, 'measure'),
    ...duplicates(src.places, (p) => p.id, 'place'),
    ...duplicates(src.groups, (g) => g.id, 'group'),
    ...duplicates(src.projects, (p) => p.id, 'project'),
    ...duplicates(src.statuses, (s) => s.project, 'status of project'),
    ...duplicates(src.alignments, (a) => a.project, 'alignment of project'),
  ];
  const measureIds = new Set(src.measures.map((m) => m.value.id));
  const places = new Map(src.places.map((p) => [p.value.id, p.value] as const));
  const groups = new Map(src.groups.map((g) => [g.value.id, g.value] as const));
  const regionExists = (code: string) => regions.has(code) || countryCodes.has(code);

  for (const { value: m, file } of src.measures) {
    const parent = m.id.split('.').slice(0, -1).join('.');
    if (parent && !measureIds.has(parent)) problems.push(`${file}: measure ${m.id}: field id: parent measure ${parent} is missing`);
  }
  for (const { value: p, file } of src.places) {
    if (!regionExists(p.region)) problems.push(`${file}: place ${p.id}: field region: unknown region code ${p.region}`);
  }
  const projectIds = new Set(src.projects.map((p) => p.value.id));
  for (const { value: s, file } of src.statuses)
    if (!projectIds.has(s.project)) problems.push(`${file}: status of project ${s.project}: field project: no such project in data/projects`);
  for (const { value: g, file } of src.groups) {
    for (const code of g.regions)
      if (!regions.has(code)) problems.push(`${file}: group ${g.id}: field regions: unknown region code ${code}`);
  }

  /** Region refs (codes or group ids) → region codes. */
  const expand = (refs: readonly string[], where: string): string[] => {
    const out: string[] = [];
    for (const ref of refs) {
      const group = groups.get(ref);
      if (group) out.push(...group.regions);
      else if (regionExists(ref)) out.push(ref);
      else problems.push(`${where}: unknown region or group ${ref}`);
    }
    return [...new Set(out)];
  };

  const placeOf = (id: string, where: string): Place | undefined => {
    const p = places.get(id);
    if (!p) problems.push(`${where}: unknown place ${id}`);
    return p;
  };

  const unions = new Map<string, Polygon | MultiPolygon | null>();
  const resolved: { project: Project; file: string; geometry: ProjectGeometry | null; named: string[]; placeIds: string[] }[] = [];
  for (const { value: project, file } of src.projects) {
    const where = `${file}: project ${project.id}`;
    for (const m of project.measures)
      if (!measureIds.has(m)) problems.push(`${where}: field measures: unknown measure ${m}`);
    const named = expand(project.named, `${where}: field named`);
    const geometry = resolveGeometry(project.geometry, `${where}: field geometry`);
    const placeIds = project.geometry.type === 'point' ? [project.geometry.at] : project.geometry.type === 'line' ? project.geometry.via : [];
    resolved.push({ project, file, geometry, named, placeIds });
  }

  function resolveGeometry(spec: GeometrySpec, where: string): ProjectGeometry | null {
    switch (spec.type) {
      case 'point': {
        const p = placeOf(spec.at, where);
        return p ? { type: 'Point', coordinates: [p.lon, p.lat] } : null;
      }
      case 'line': {
        const pts = spec.via.map((id) => placeOf(id, where));
        if (pts.some((p) => !p)) return null;
        return { type: 'LineString', coordinates: pts.map((p) => [p!.lon, p!.lat]) };
      }
      case 'area': {
        const codes = expand(spec.regions, where);
        const feats = codes.map((c) => regions.get(c)).filter((f): f is NonNullable<typeof f> => f != null);
        if (feats.length !== codes.length) {
          problems.push(`${where}: an area can only use regions of public/geo/regions.geojson`);
          return null;
        }
        if (feats.length === 1) return feats[0]!.geometry;
        const key = [...codes].sort().join(',');
        if (!unions.has(key)) {
          // Dissolve so the area has one outline; many projects share one set, so cache it.
          unions.set(key, dissolve(feats.map((f) => f.geometry)));
        }
        return unions.get(key)!;
      }
      case 'polygon': {
        const ring = spec.ring as Position[];
        const first = ring[0]!;
        const last = ring[ring.length - 1]!;
        if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: polygon ring is not closed`);
        return { type: 'Polygon', coordinates: [ring] };
      }
    }
  }

  // Alignments: where a line really runs, in place of the straight segments through its places.
  const aligned = new Map<string, ResolvedAlignment>();
  const resolver = new AlignmentResolver(src.vendor, places);
  const projectById = new Map(src.projects.map((p) => [p.value.id, p.value] as const));
  for (const { value: a, file } of src.alignments) {
    const where = `${file}: alignment ${a.project}`;
    const project = projectById.get(a.project);
    if (!project) {
      problems.push(`${where}: field project: unknown project ${a.project}`);
      continue;
    }
    if (project.geometry.type !== 'line') {
      problems.push(`${where}: field project: ${a.project} is drawn as a ${project.geometry.type}; only lines take an alignment`);
      continue;
    }
    try {
      aligned.set(a.project, resolver.resolve(a));
    } catch (err) {
      if (!(err instanceof AlignmentError)) throw err;
      problems.push(`${where}: field ${err.field}: ${err.message}`);
    }
  }
  for (const r of resolved) {
    const a = aligned.get(r.project.id);
    if (!a) continue;
    // Run the way the plan lists the places (a whole line comes in the source's direction).
    const c = a.geometry.coordinates;
    const first = places.get(r.placeIds[0]!)!;
    const near = (p: Position) => (p[0]! - first.lon) ** 2 + ((p[1]! - first.lat) * 1.3) ** 2;
    if (near(c[c.length - 1]!) < near(c[0]!)) a.geometry = { type: 'LineString', coordinates: [...c].reverse() };
    r.geometry = a.geometry;
  }

  if (problems.length) throw new CatalogueError(problems.join('\n'));

  // Touches: named (the plan names the region, or a place in it) and spatial.
  const byRegion: Record<string, Touch[]> = {};
  const features: ProjectFeature[] = [];
  const details = new Map<string, ProjectDetails>();
  for (const { project, geometry, named, placeIds } of resolved) {
    const placeRegions = placeIds.map((id) => places.get(id)!.region);
    const namedSet = namedClosure([...named, ...placeRegions], regions);
    let spatial: SpatialTouch[];
    if (project.geometry.type === 'area') spatial = unionTouches(expand(project.geometry.regions, project.id), regions);
    else spatial = spatialTouches(geometry!, regions);
    for (const [code, touch] of mergeTouches(project.id, namedSet, spatial)) (byRegion[code] ??= []).push(touch);

    const km = geometry!.type === 'LineString' ? Math.round(turfLength(lineString(geometry!.coordinates), { units: 'kilometers' })) : undefined;
    features.push({
      type: 'Feature',
      id: project.id,
      // Coordinates to 5 decimals (about 1 m): dissolved outlines carry 17-digit intersection points.
      geometry: { ...geometry!, coordinates: roundPositions(geometry!.coordinates) } as ProjectGeometry,
      properties: {
        id: project.id,
        name_zh: project.name.zh,
        name_en: project.name.en,
        ...searchKeys(project.name.zh),
        theme: project.theme,
        ...(project.kind ? { kind: project.kind } : {}),
        stage_verb: project.stage.verb,
        stage: project.stage.normalized,
        measures: project.measures,
        named,
        places: placeIds,
        geometry_spec: project.geometry.type,
        precision: aligned.get(project.id)?.precision ?? project.precision,
        ...(aligned.has(project.id) ? { geometry_source: aligned.get(project.id)!.source } : {}),
        phrase: project.phrase,
        ...(km != null ? { km } : {}),
        ...(project.geometry.type === 'area' ? { cells: regions.leafCells(expand(project.geometry.regions, project.id)) } : {}),
      },
    });
    const alignmentSources = aligned.get(project.id)?.sources ?? [];
    if (project.note || alignmentSources.length)
      details.set(project.id, { ...(project.note ? { note: project.note } : {}), ...(alignmentSources.length ? { alignment_sources: alignmentSources } : {}) });
  }
  for (const list of Object.values(byRegion)) list.sort((a, b) => a.project.localeCompare(b.project));

  const placeFeatures: PlaceFeature[] = src.places.map(({ value: p }) => ({
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [round5(p.lon), round5(p.lat)] },
    properties: {
      id: p.id,
      name_zh: p.name.zh,
      name_en: p.name.en,
      aliases: p.name.aliases,
      ...searchKeys(p.name.zh),
      kind: p.kind,
      region: p.region,
      precision: p.precision,
      source: p.source,
      ...(p.note ? { note: p.note } : {}),
    },
  }));

  const measures = [...src.measures.map((m) => m.value)].sort((a, b) => compareMeasureIds(a.id, b.id));
  return {
    measures: { version: 1, measures, groups: src.groups.map((g) => g.value) as RegionGroup[] },
    places: { type: 'FeatureCollection', features: placeFeatures },
    projects: { type: 'FeatureCollection', features },
    touches: { version: 1, byRegion },
    searchKeys: { version: 1, regions: Object.fromEntries(regionsFc.features.map((f) => [f.properties.code, searchKeys(f.properties.name_zh)])) },
    status: statusFile(src.statuses),
    details: detailsFile(details, src.statuses),
  };
}

/** status.json: entries by project id (sorted), without the research's words, and the newest as_of as the data's "now". */
export function statusFile(statuses: readonly Sourced<ProjectStatus>[]): StatusFile {
  const sorted = statuses.map((s) => s.value).sort((a, b) => a.project.localeCompare(b.project));
  const asOfMax = sorted.map((s) => s.as_of).reduce<string | null>((m, d) => (m == null || dateEnd(d) > dateEnd(m) ? d : m), null);
  return {
    version: 1,
    as_of_max: asOfMax,
    byProject: Object.fromEntries(sorted.map(({ sources: _s, note: _n, disagreement: _d, ...entry }) => [entry.project, entry])),
  };
}

/** details.json: the projects' notes and alignment sources, with each status entry's sources, note and disagreement, by project id (sorted). */
export function detailsFile(projects: ReadonlyMap<string, ProjectDetails>, statuses: readonly Sourced<ProjectStatus>[]): DetailsFile {
  const all = new Map(projects);
  for (const { value: s } of statuses)
    all.set(s.project, { ...all.get(s.project), status: { sources: s.sources, note: s.note, ...(s.disagreement ? { disagreement: s.disagreement } : {}) } });
  return { version: 1, byProject: Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b))) };
}

/**
 * The union of polygons as one (Multi)Polygon, as turf's union shapes it. polygon-clipping rather
 * than turf 7's union (polyclip-ts, the same sweep line in BigNumber arithmetic): 4–6× faster, which
 * at 100× is a minute of compile time; its float snapping leaves a few more sliver vertices where
 * outlines of different sources meet (see bench/SCALE.md).
 */
export function dissolve(geometries: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon | null {
  const [first, ...rest] = geometries.map((g) => g.coordinates as Geom);
  if (!first) return null;
  const merged = polygonClipping.union(first, ...rest);
  if (merged.length === 0) return null;
  return merged.length === 1 ? { type: 'Polygon', coordinates: merged[0]! } : { type: 'MultiPolygon', coordinates: merged };
}

/** c2 < c2.s1 < c2.s1.i2 < c2.s1.i10 < c2.s2 < c10 */
export function compareMeasureIds(a: string, b: string): number {
  const na = a.match(/\d+/g)!.map(Number);
  const nb = b.match(/\d+/g)!.map(Number);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

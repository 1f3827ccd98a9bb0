/**
 * The catalogue's schema: what authors write in data/*.yaml.
 * The compiler (data/compile.ts) validates every file against it and names
 * file, id and field when something is wrong.
 */
import { z } from 'zod';
import type * as Domain from '../src/domain/types.ts';
import { GEOMETRY_PRECISIONS, STAGES, STATUSES, THEMES } from '../src/domain/vocabulary.ts';
import { dateEnd, dateStart, isPartialDate, today } from '../src/domain/status.ts';

/** GB/T 2260 code of a Chinese region (6 digits) or ISO 3166 alpha-3 of a country (MNG, RUS). */
export const RegionCode = z.string().regex(/^(\d{6}|[A-Z]{3})$/, 'a GB/T 2260 code like "150200" or a country code like "MNG"');

/** A reference to regions: a region code, or the id of a region group (data/region-groups.yaml) such as "mengxi". */
export const RegionRef = z.union([RegionCode, z.string().regex(/^[a-z][a-z0-9-]*$/)]);

export const Names = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

export const MEASURE_LEVELS = ['chapter', 'section', 'item'] as const;

export const Measure = z.object({
  /** c4, c4.s1, c4.s1.i1 — chapter, section (第一节 = s1 even when unprinted), item ((一) = i1). */
  id: z.string().regex(/^c\d(\.s\d(\.i\d{1,2})?)?$/),
  level: z.enum(MEASURE_LEVELS),
  chapter: z.number().int().min(1).max(9),
  section: z.number().int().min(1).optional(),
  item: z.number().int().min(1).optional(),
  /** The heading as printed in the plan (without 第X章/第X节/(一) numbering), or our name when unprinted. */
  heading_zh: z.string().min(1),
  /** false when the plan prints no heading here (e.g. several chapters have no 第一节 line). */
  printed: z.boolean(),
  title_en: z.string().min(1),
  summary_zh: z.string().min(1),
  summary_en: z.string().min(1),
  /** Chapter 2's development targets: one per target year. */
  targets: z
    .array(z.object({ year: z.number().int(), text_zh: z.string().min(1), text_en: z.string().min(1) }))
    .optional(),
});

export const PLACE_KINDS = [
  'league_seat', // seat of one of Inner Mongolia's 12 leagues/cities
  'county_seat', // seat of a banner / county / county-level city
  'city', // a city outside Inner Mongolia (prefecture or provincial capital)
  'capital', // a national capital (Beijing, Ulaanbaatar)
  'town', // a town, mining area or other settlement
  'port_of_entry', // a Chinese land port of entry (口岸), at the border crossing
  'foreign_port', // the partner crossing on the Mongolian / Russian side
  'seaport',
  'airport',
  'rail_station', // a railway point named as a section end (e.g. 芒罕屯)
  'lake',
  'wetland',
  'desert',
  'sandy_land',
  'mountain',
  'river_point',
  'other',
] as const;

export const PRECISIONS = ['exact', 'approximate', 'schematic', 'regional'] as const;

export const Place = z.object({
  /** lowercase pinyin / English slug, e.g. baotou, erenhot-port, tianjin-port. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: Names,
  kind: z.enum(PLACE_KINDS),
  /** WGS84 (not GCJ-02 / BD-09). */
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** The smallest region of public/geo it lies in: county code inside Inner Mongolia, else prefecture/province/country. */
  region: RegionCode,
  precision: z.enum(['exact', 'approximate']),
  /** Where the coordinate came from (e.g. "county seat, GeoNames 1529102" or "border crossing, OSM"). */
  source: z.string().min(1),
  note: z.string().optional(),
});

export const RegionGroup = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: Names,
  regions: z.array(RegionCode).min(1),
  /** Why these regions: the convention this grouping follows, and what the plan leaves vague. */
  note: z.string().min(1),
});

export { THEMES, STAGES };


const PlaceRef = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a place id from data/places/*.yaml');

export const GeometrySpec = z.discriminatedUnion('type', [
  /** A point at a gazetteer place. */
  z.object({ type: z.literal('point'), at: PlaceRef }),
  /** A line through gazetteer places in order (straight segments between them). */
  z.object({ type: z.literal('line'), via: z.array(PlaceRef).min(2) }),
  /** An area: the union of regions (codes or group ids). */
  z.object({ type: z.literal('area'), regions: z.array(RegionRef).min(1) }),
  /** An authored polygon ring [[lon, lat], ...] when no region union fits; say why in the project's note. */
  z.object({ type: z.literal('polygon'), ring: z.array(z.tuple([z.number(), z.number()])).min(4) }),
]);

export const Project = z.object({
  /** Stable slug: theme prefix + what it is, e.g. rail-baotou-yinchuan-hsr. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  theme: z.enum(THEMES),
  /** Finer kind within the theme, free but consistent (high_speed_rail, uhv_line, coal_power_base, new_energy_base …). */
  kind: z.string().regex(/^[a-z_]+$/).optional(),
  stage: z.object({
    /** The plan's verb verbatim (建成, 开工建设, 研究建设, 争取, 推进, 前期工作 …); it stands in the phrase's sentence. */
    verb: z.string().min(1),
    normalized: z.enum(STAGES),
  }),
  measures: z.array(z.string().regex(/^c\d(\.s\d(\.i\d{1,2})?)?$/)).min(1),
  /** Regions the plan itself names for this project (codes or group ids). */
  named: z.array(RegionRef).default([]),
  geometry: GeometrySpec,
  /** exact: a real site; schematic: a corridor drawn between its places; regional: an area standing for a vaguer extent. */
  precision: z.enum(['exact', 'schematic', 'regional']),
  /** The short phrase of the plan it comes from, verbatim. */
  phrase: z.string().min(2),
  /** Where the phrase stands more than once: the paragraph it is taken from (c4.s1.i1.p1; see public/data/plan-text.json). */
  paragraph: z.string().regex(/^c\d\.s\d+(\.i\d{1,2})?\.p\d+$/).optional(),
  /** What the plan leaves vague, or how the geometry was chosen. */
  note: z.string().optional(),
});

/** A date as precise as the source: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', a real calendar date. */
export const PartialDate = z.string().refine(isPartialDate, "a real date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (quoted)");

export const StatusSource = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL'),
  published: PartialDate.optional(),
  read: PartialDate,
});

const StatusSection = z.object({
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  status: z.enum(STATUSES),
  started: PartialDate.optional(),
  opened: PartialDate.optional(),
  sources: z.array(z.number().int().min(0)),
});

/** `a` certainly later than `b` (partial dates compare by their periods: '2019' is not after '2019-05'). */
const after = (a: string, b: string) => dateStart(a) > dateEnd(b);

/**
 * One project's present status (data/status/*.yaml): research, not the plan's words. `todayIs`
 * is the date the compiler runs (an as_of or a source read after it is an error).
 */
export function projectStatusSchema(todayIs: () => string = () => today()) {
  return z
    .object({
      project: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a project id of data/projects/*.yaml'),
      status: z.enum(STATUSES),
      as_of: PartialDate,
      started: PartialDate.optional(),
      opened: PartialDate.optional(),
      sections: z.array(StatusSection).optional(),
      confidence: z.enum(['high', 'medium', 'low']),
      sources: z.array(StatusSource),
      note: z.string().min(1),
      disagreement: z.string().min(1).optional(),
    })
    .superRefine((e, ctx) => {
      const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      const now = todayIs();
      if (e.status !== 'unknown' && e.sources.length === 0) problem(['sources'], `status ${e.status} needs at least one source (only unknown may have none)`);
      if (isPartialDate(e.as_of) && after(e.as_of, now)) problem(['as_of'], `${e.as_of} is in the future (today is ${now})`);
      e.sources.forEach((s, i) => {
        if (isPartialDate(s.read) && after(s.read, now)) problem(['sources', i, 'read'], `${s.read} is in the future (today is ${now})`);
      });
      const dated = (path: (string | number)[], started: string | undefined, opened: string | undefined, status: string) => {
        if (started && opened && isPartialDate(started) && isPartialDate(opened) && after(started, opened))
          problem([...path, 'started'], `started ${started} is after opened ${opened}`);
        for (const [field, d] of [['started', started], ['opened', opened]] as const)
          if (d && isPartialDate(d) && isPartialDate(e.as_of) && after(d, e.as_of)) problem([...path, field], `${d} is after as_of ${e.as_of}`);
        if (opened && status !== 'in_operation') problem([...path, 'opened'], `an opening date needs status in_operation, not ${status}`);
      };
      dated([], e.started, e.opened, e.status);
      (e.sections ?? []).forEach((s, i) => {
        dated(['sections', i], s.started, s.opened, s.status);
        if (e.started && isPartialDate(e.started))
          for (const [field, d] of [['started', s.started], ['opened', s.opened]] as const)
            if (d && isPartialDate(d) && after(e.started, d)) problem(['sections', i, field], `${d} is before the project's start ${e.started}`);
        if (e.opened && s.opened && isPartialDate(e.opened) && isPartialDate(s.opened) && after(s.opened, e.opened))
          problem(['sections', i, 'opened'], `${s.opened} is after the whole project's opening ${e.opened}`);
        if (s.status !== 'unknown' && s.sources.length === 0) problem(['sections', i, 'sources'], `section status ${s.status} needs at least one source index`);
        for (const k of s.sources)
          if (k >= e.sources.length) problem(['sections', i, 'sources'], `source index ${k} is out of range (${e.sources.length} sources)`);
      });
      if (e.status === 'partly_in_operation' && !(e.sections ?? []).some((s) => s.status === 'in_operation' || s.status === 'partly_in_operation'))
        problem(['sections'], 'partly_in_operation needs sections, at least one of them (partly) in operation');
    });
}
export const ProjectStatus = projectStatusSchema();
/** A dated source: why a geometry is this project's (data/alignments/*.yaml). */
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2019-12-30 (or 2019-12, 2019)');
export const AlignmentSource = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url(),
  /** The article's date, or `unknown`. */
  published: z.union([IsoDate, z.literal('unknown')]),
  /** When we read it. */
  read: IsoDate,
});

/** A real site a line runs through, straight to the next (substations, converter stations …). */
const Site = z.object({
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** Index into the entry's `sources`: where the site's position comes from. */
  source: z.number().int().min(0),
});

/** How the line is drawn: exactly one of these keys. */
const Along = z
  .object({
    /** Named line(s) of geo/vendor/osm-railways, cut between the points nearest two places; the whole line without from/to. */
    osm_rail: z
      .object({
        lines: z.array(z.string().min(1)).min(1),
        from: PlaceRef.optional(),
        to: PlaceRef.optional(),
        /** Join pieces of these lines whose ends lie this close (km, at most 2): a stretch OSM leaves unnamed (a bridge, a station throat). */
        bridge_km: z.number().positive().max(2).optional(),
      })
      .strict(),
    /** The shortest path on the railway network through the places in order. */
    rail_route: z.object({ via: z.array(PlaceRef).min(2) }).strict(),
    /** Features of a vendored extract (geo/vendor/…) by their `id` property, chained in order. */
    vendored: z.object({ file: z.string().regex(/^geo\/vendor\/[\w./-]+\.geojson$/, 'a file under geo/vendor/'), ids: z.array(z.union([z.string(), z.number()]).transform(String)).min(1) }).strict(),
    /** Straight segments between real sites, in order. */
    sites: z.array(Site).min(2),
  })
  .partial()
  .strict()
  .superRefine((along, ctx) => {
    const keys = Object.keys(along);
    if (keys.length !== 1) ctx.addIssue({ code: 'custom', message: `exactly one of osm_rail, rail_route, vendored, sites (found ${keys.join(', ') || 'none'})` });
    const o = along.osm_rail;
    if (o && (o.from == null) !== (o.to == null)) ctx.addIssue({ code: 'custom', path: ['osm_rail'], message: 'give both from and to, or neither (the whole line)' });
  });

/** Where a project's line really runs (data/alignments/<theme>.yaml), kept apart from the plan's words. */
export const Alignment = z
  .object({
    project: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** surveyed: the real alignment from a named source; routed: a path along the real network; schematic: still only indicative. */
    method: z.enum(['surveyed', 'routed', 'schematic'] as const satisfies readonly (typeof GEOMETRY_PRECISIONS)[number][]),
    along: Along,
    /** Why this geometry is this project. */
    sources: z.array(AlignmentSource).default([]),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.sources.length && !a.note) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'cite a source, or say in a note why the line is this project (e.g. the plan names it so)' });
    if (a.along.rail_route && a.method !== 'routed') ctx.addIssue({ code: 'custom', path: ['method'], message: 'a rail_route is a path chosen on the network: method routed' });
    a.along.sites?.forEach((s, i) => {
      if (s.source >= a.sources.length) ctx.addIssue({ code: 'custom', path: ['along', 'sites', i, 'source'], message: `no source #${s.source} (${a.sources.length} given)` });
    });
  });

export type Measure = z.infer<typeof Measure>;
export type Place = z.infer<typeof Place>;
export type RegionGroup = z.infer<typeof RegionGroup>;
export type Project = z.infer<typeof Project>;
export type GeometrySpec = z.infer<typeof GeometrySpec>;
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export type Alignment = z.infer<typeof Alignment>;
export type AlignmentSource = z.infer<typeof AlignmentSource>;
export type { Stage, Theme } from '../src/domain/vocabulary.ts';

/** True only when A and B are the same type: the schema accepts exactly the shapes the domain reads. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<Measure, Domain.Measure>,
  Same<Place, Domain.Place>,
  Same<RegionGroup, Domain.RegionGroup>,
  Same<Project['geometry']['type'], Domain.GeometrySpecType>,
  Same<Project['precision'], Domain.PlanPrecision>,
  Same<ProjectStatus, Domain.ProjectStatus & Domain.StatusEvidence>,
  Same<AlignmentSource, Domain.AlignmentSource>,
] = [true, true, true, true, true, true, true];
void sameShapes;

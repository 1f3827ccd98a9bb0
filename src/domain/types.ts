/**
 * Shapes of the compiled data in public/ (see DATA.md). The compiler writes them, the app,
 * the CLI and the tests read them. Pure types: no React, no WebGL.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryPrecision, Stage, Status, Theme } from './vocabulary.ts';

export type { GeometryPrecision, Stage, Status, Theme };

/**
 * The catalogue's authored shapes as the app reads them. data/schema.ts validates the YAML and
 * checks at compile time that what it accepts is exactly these shapes, so the dependency runs from
 * data/ to the domain and never back.
 */
export interface Names {
  zh: string;
  en: string;
  aliases: string[];
}

export type MeasureLevel = 'chapter' | 'section' | 'item';

export interface Measure {
  /** c4, c4.s1, c4.s1.i1 — chapter, section (第一节 = s1 even when unprinted), item ((一) = i1). */
  id: string;
  level: MeasureLevel;
  chapter: number;
  section?: number | undefined;
  item?: number | undefined;
  /** The heading as printed in the plan (without numbering), or our name when unprinted. */
  heading_zh: string;
  /** false when the plan prints no heading here. */
  printed: boolean;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  /** Chapter 2's development targets: one per target year. */
  targets?: { year: number; text_zh: string; text_en: string }[] | undefined;
}

export type PlaceKind =
  | 'league_seat'
  | 'county_seat'
  | 'city'
  | 'capital'
  | 'town'
  | 'port_of_entry'
  | 'foreign_port'
  | 'seaport'
  | 'airport'
  | 'rail_station'
  | 'lake'
  | 'wetland'
  | 'desert'
  | 'sandy_land'
  | 'mountain'
  | 'river_point'
  | 'other';

export interface Place {
  id: string;
  name: Names;
  kind: PlaceKind;
  /** WGS84 (not GCJ-02 / BD-09). */
  lon: number;
  lat: number;
  /** The smallest region it lies in. */
  region: string;
  precision: 'exact' | 'approximate';
  /** Where the coordinate came from. */
  source: string;
  note?: string | undefined;
}

export interface RegionGroup {
  id: string;
  name: Names;
  regions: string[];
  note: string;
}

/** The plan's own precision for a project, as authored (the drawn geometry's is GeometryPrecision). */
export type PlanPrecision = 'exact' | 'schematic' | 'regional';

/** A dated source of a project's alignment (data/alignments/*.yaml): why its line runs there. */
export interface AlignmentSource {
  title: string;
  publisher: string;
  url: string;
  /** The article's date (2019-12-30, 2019-12 or 2019), or `unknown`. */
  published: string;
  /** When it was read. */
  read: string;
}

/** How the catalogue describes a project's geometry (data/projects/*.yaml). */
export type GeometrySpecType = 'point' | 'line' | 'area' | 'polygon';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface RegionProps {
  code: string;
  level: RegionLevel;
  name_zh: string;
  name_en: string;
  parent: string | null;
}
export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

export interface CountryProps {
  iso3: string;
  name_zh: string;
  name_en: string;
}

/** A basemap name: one anchor per region, country or sea (public/geo/labels.geojson, built by geo/labels.ts). */
export interface LabelProps {
  /** Region code, ISO alpha-3 or sea id. */
  id: string;
  kind: 'country' | 'province' | 'league' | 'prefecture' | 'county' | 'sea';
  name_zh: string;
  name_en: string;
  /** Lower draws first and wins collisions. */
  rank: number;
  /** A county whose seat the towns layer names (geo/towns.ts): the map writes its name there instead. */
  seat?: boolean;
}
export type LabelCollection = FeatureCollection<Point, LabelProps>;

/** The basemap line layer a border belongs to: the highest level it separates (geo/borders.ts). */
export type BorderKind = 'county' | 'league' | 'prefecture' | 'province' | 'inner-mongolia' | 'country';
/** A border line of the basemap, each border once (cut from the outlines by src/map/basemap/borders.ts). */
export interface BorderProps {
  kind: BorderKind;
}
export type BorderCollection = FeatureCollection<LineString | MultiLineString, BorderProps>;
/** A stretch of a polygon's ring: feature index, ring index (rings in order), first point, number of segments. */
export type BorderRun = [feature: number, ring: number, start: number, segments: number];
/** public/geo/borders.json (geo/borders.ts): which stretches of which rings each border line layer draws. */
export interface BorderRuns {
  version: 1;
  /** Feature counts of regions.geojson and countries.geojson the runs refer to. */
  regions: number;
  countries: number;
  kinds: Record<BorderKind, { of: 'regions' | 'countries'; runs: BorderRun[] }>;
}

/** Search keys computed at compile time so the browser needs no pinyin library. */
export interface SearchKeys {
  /** Full pinyin without tones or spaces, e.g. "baotou". */
  pinyin: string;
  /** Initials, e.g. "bt". */
  initials: string;
}

export interface PlaceProps extends SearchKeys {
  id: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  kind: PlaceKind;
  region: string;
  precision: Place['precision'];
  source: string;
  note?: string;
}
export type PlaceFeature = Feature<Point, PlaceProps>;

export interface ProjectProps extends SearchKeys {
  id: string;
  name_zh: string;
  name_en: string;
  theme: Theme;
  kind?: string;
  stage_verb: string;
  stage: Stage;
  measures: string[];
  /** Region codes the plan names (groups expanded). */
  named: string[];
  /** Place ids of the geometry spec, in order. */
  places: string[];
  geometry_spec: GeometrySpecType;
  /**
   * How the drawn geometry was made: a line with an alignment (data/alignments/*.yaml) is surveyed,
   * routed or schematic as that says; other lines are schematic, points exact, areas regional, as
   * the project's own precision says.
   */
  precision: GeometryPrecision;
  /** Where an aligned line's geometry comes from, e.g. "OpenStreetMap (ODbL) via …: 集通线 集宁–通辽". */
  geometry_source?: string;
  phrase: string;
  /**
   * Areas made of regions: the leaf regions (banners, counties; prefectures and provinces that have
   * none) whose union is the area. The map tints each leaf once with the strongest tint over it.
   */
  cells?: string[];
  /** Length in km for lines (geodesic, along the drawn segments). */
  km?: number;
}
export type ProjectGeometry = Point | LineString | Polygon | MultiPolygon;
export type ProjectFeature = Feature<ProjectGeometry, ProjectProps>;
export type ProjectCollection = FeatureCollection<ProjectGeometry, ProjectProps>;

/** How a project's geometry meets a region. */
export type SpatialRelation =
  | 'contains' // the region contains the project's point, all of its area or all of its line (lies in)
  | 'crosses' // a line runs through the region (km inside)
  | 'covers' // an area covers the whole region
  | 'overlaps'; // an area covers part of the region

export interface Touch {
  project: string;
  /** The plan names this region, a region inside it, or a place inside it, for this project. */
  named: boolean;
  spatial?: SpatialRelation;
  /** For lines: the length inside the region (all of it when the region contains the line). */
  km?: number;
}

export interface TouchesFile {
  version: 1;
  /** Region code → touches, sorted by project id. */
  byRegion: Record<string, Touch[]>;
}

export interface MeasuresFile {
  version: 1;
  measures: Measure[];
  groups: RegionGroup[];
}

/**
 * Present status (data/status/*.yaml, compiled to public/data/status.json): what has happened to a
 * project since the plan, from sourced research, kept apart from the plan's own words.
 */

/** A calendar date as precise as the source: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export type PartialDate = string;

/** high: an official / operator source or two independent reports; medium: one reliable report; low: indirect. */
export type StatusConfidence = 'high' | 'medium' | 'low';

export interface StatusSource {
  /** The page's title as shown. */
  title: string;
  publisher: string;
  url: string;
  /** The article's date, when the page shows it. */
  published?: PartialDate | undefined;
  /** When we read it. */
  read: PartialDate;
}

/** A stage of a project that opened on its own (a section of a line, one line of a corridor). */
export interface StatusSection {
  name: { zh: string; en: string };
  status: Status;
  started?: PartialDate | undefined;
  opened?: PartialDate | undefined;
  /** Indices into the project's `sources`. */
  sources: number[];
}

/** A project's present status as the map reads it (status.json); the research's words are its StatusEvidence. */
export interface ProjectStatus {
  /** A project id of data/projects/*.yaml. */
  project: string;
  status: Status;
  /** The date this status is known true. */
  as_of: PartialDate;
  /** Construction start. */
  started?: PartialDate | undefined;
  /** Opening of the whole thing (or, for a zone or an approval, the approval date). */
  opened?: PartialDate | undefined;
  sections?: StatusSection[] | undefined;
  confidence: StatusConfidence;
}

/** The research behind a status entry: what only the project's panel, the data downloads and the CLI read. */
export interface StatusEvidence {
  /** Every status other than unknown has at least one (data/schema.ts); sections cite them by index. */
  sources: StatusSource[];
  /** What the status covers; how the plan's wording maps to the real project. */
  note: string;
  /** Where sources disagree: both claims, each with its source index. */
  disagreement?: string | undefined;
}

/** public/data/status.json */
export interface StatusFile {
  version: 1;
  /** The newest `as_of` of all entries: the data's "now" (null without entries). */
  as_of_max: PartialDate | null;
  /** Researched projects only; a project without an entry is `unknown`. */
  byProject: Record<string, ProjectStatus>;
}

/**
 * A project's text that only its panel, the data downloads and the CLI read, kept out of the files
 * the first view reads (public/data/details.json, loaded once the atlas is drawn or a panel asks).
 */
export interface ProjectDetails {
  /** The catalogue's note on how the plan's words were read. */
  note?: string;
  /** Why an aligned line's geometry (geometry_source) is this project. */
  alignment_sources?: AlignmentSource[];
  /** The research behind its status entry, if it has one. */
  status?: StatusEvidence;
}

/** public/data/details.json */
export interface DetailsFile {
  version: 1;
  /** Projects with any detail, by id. */
  byProject: Record<string, ProjectDetails>;
}

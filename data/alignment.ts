/**
 * Resolves an alignment (data/alignments/<theme>.yaml) to the line the map draws for its project:
 * a named line of the OpenStreetMap railways cut between two places, a path on the railway network,
 * features of another vendored extract chained in order, or straight segments between real sites.
 * Pure apart from its inputs: the caller reads the vendored files (data/load.ts).
 */
import { distance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import { RailGraph, RailGraphError, type RailLineProps } from '../src/domain/rail-graph.ts';
import type { AlignmentSource, GeometryPrecision } from '../src/domain/types.ts';
import type { Alignment, Place } from './schema.ts';

import { OSM_RAILWAYS } from '../src/domain/vocabulary.ts';

/** The railway network (geo/vendor/osm-railways/README.md). */
export { OSM_RAILWAYS };

/** A chain of vendored features may not jump further than this between two of them. */
export const MAX_CHAIN_GAP_KM = 1;

/** A vendored extract's own account of itself (its top-level `source` member). */
export interface VendorSource {
  /** A short credit for citations, e.g. "OpenStreetMap (ODbL) via kingtmc314/east-asia-railway-map". */
  citation?: string;
  repository?: string;
  commit?: string;
  [key: string]: unknown;
}
export type VendorCollection = FeatureCollection<Geometry | null, Record<string, unknown> | null> & { source?: VendorSource };

export interface ResolvedAlignment {
  geometry: LineString;
  precision: GeometryPrecision;
  /** A short citation of where the geometry comes from. */
  source: string;
  sources: AlignmentSource[];
}

export class AlignmentError extends Error {
  constructor(
    /** The field of the entry it is about, e.g. along.osm_rail. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const citationOf = (fc: VendorCollection, file: string) =>
  fc.source?.citation ?? (fc.source?.repository ? `${fc.source.repository}${fc.source.commit ? ` @${String(fc.source.commit).slice(0, 7)}` : ''}` : file);

export class AlignmentResolver {
  private railway?: { graph: RailGraph; lines: Feature<LineString, RailLineProps>[]; commits: Map<string, string[]>; citation: string };
  /** Graphs of a few lines with a wider snap, for bridge_km. */
  private bridged = new Map<string, RailGraph>();

  constructor(
    private readonly vendor: ReadonlyMap<string, VendorCollection>,
    private readonly places: ReadonlyMap<string, Place>,
  ) {}

  /** The railway graph, built on first use (a few seconds for the whole extract). */
  private rail() {
    if (!this.railway) {
      const fc = this.vendor.get(OSM_RAILWAYS);
      if (!fc) throw new AlignmentError('along', `${OSM_RAILWAYS} was not read`);
      const lines = fc.features.filter(
        (f): f is Feature<LineString, RailLineProps & Record<string, unknown>> =>
          (f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString') && typeof f.properties?.name === 'string',
      );
      const commits = new Map(lines.map((f) => [f.properties.name, String(f.properties.commits ?? '').split(',').filter(Boolean)]));
      this.railway = { graph: new RailGraph(lines), lines, commits, citation: citationOf(fc, OSM_RAILWAYS) };
    }
    return this.railway;
  }

  private place(id: string, field: string): Place {
    const p = this.places.get(id);
    if (!p) throw new AlignmentError(field, `unknown place ${id}`);
    return p;
  }

  resolve(a: Alignment): ResolvedAlignment {
    const done = (coordinates: Position[], source: string): ResolvedAlignment => ({
      geometry: { type: 'LineString', coordinates },
      precision: a.method,
      source,
      sources: a.sources,
    });
    const { osm_rail, rail_route, vendored, sites } = a.along;
    if (osm_rail) {
      const field = 'along.osm_rail';
      const rail = this.rail();
      const { commits, citation } = rail;
      for (const name of osm_rail.lines) if (!rail.graph.lineKm.has(name)) throw new AlignmentError(field, `no line ${name} in ${OSM_RAILWAYS}${suggest(name, [...rail.graph.lineKm.keys()])}`);
      let graph = rail.graph;
      if (osm_rail.bridge_km) {
        // The named lines alone, their pieces joined across gaps up to bridge_km.
        const key = `${osm_rail.bridge_km}:${[...osm_rail.lines].sort().join(',')}`;
        if (!this.bridged.has(key)) this.bridged.set(key, new RailGraph(rail.lines.filter((f) => osm_rail.lines.includes(f.properties.name)), osm_rail.bridge_km));
        graph = this.bridged.get(key)!;
      }
      const at = osm_rail.from != null && osm_rail.to != null ? [this.place(osm_rail.from, `${field}.from`), this.place(osm_rail.to, `${field}.to`)] : null;
      const route = railway(field, () =>
        at ? graph.route(at.map((p) => ({ label: `${p.name.zh} (${p.id})`, at: [p.lon, p.lat] })), { lines: osm_rail.lines }) : graph.wholeLine(osm_rail.lines),
      );
      const section = at ? ` ${at[0]!.name.zh}–${at[1]!.name.zh}` : '';
      const bridged = osm_rail.bridge_km ? ` (gaps in OSM's names up to ${osm_rail.bridge_km} km joined)` : '';
      return done(route.coordinates, `${citation} @${commitsOf(osm_rail.lines, commits)}: ${osm_rail.lines.join('、')}${section}${bridged}`);
    }
    if (rail_route) {
      const field = 'along.rail_route';
      const { graph, commits, citation } = this.rail();
      const via = rail_route.via.map((id, i) => this.place(id, `${field}.via.${i}`));
      const route = railway(field, () => graph.route(via.map((p) => ({ label: `${p.name.zh} (${p.id})`, at: [p.lon, p.lat] }))));
      return done(route.coordinates, `${citation} @${commitsOf(route.lines, commits)}: shortest path ${via.map((p) => p.name.zh).join('–')} along ${route.lines.join('、')}`);
    }
    if (vendored) {
      const field = 'along.vendored';
      const fc = this.vendor.get(vendored.file);
      if (!fc) throw new AlignmentError(field, `${vendored.file} was not read`);
      const byId = new Map(fc.features.map((f) => [String(f.properties?.id ?? f.id), f] as const));
      const pieces: { id: string; coords: Position[] }[] = [];
      for (const id of vendored.ids) {
        const f = byId.get(id);
        if (!f) throw new AlignmentError(`${field}.ids`, `no feature with id ${id} in ${vendored.file}`);
        if (f.geometry?.type === 'LineString') pieces.push({ id, coords: f.geometry.coordinates });
        else if (f.geometry?.type === 'MultiLineString') for (const c of f.geometry.coordinates) pieces.push({ id, coords: c });
        else throw new AlignmentError(`${field}.ids`, `feature ${id} of ${vendored.file} is a ${f.geometry?.type ?? 'null geometry'}, not a line`);
      }
      return done(chain(pieces, field), `${citationOf(fc, vendored.file)}: ${vendored.ids.join(', ')}`);
    }
    const list = sites!;
    return done(
      list.map((s) => [s.lon, s.lat]),
      `sites ${list.map((s) => s.name.zh).join('–')} (${list.map((s) => a.sources[s.source]!.publisher).filter((p, i, all) => all.indexOf(p) === i).join('; ')})`,
    );
  }
}

function railway<T>(field: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RailGraphError) throw new AlignmentError(field, err.message);
    throw err;
  }
}

function commitsOf(lines: readonly string[], commits: ReadonlyMap<string, string[]>): string {
  return [...new Set(lines.flatMap((l) => commits.get(l) ?? []))].sort().join(',');
}

/** Names sharing the first two characters, as a hint. */
function suggest(name: string, names: string[]): string {
  const near = names.filter((n) => n !== name && n.slice(0, 2) === name.slice(0, 2)).sort().slice(0, 6);
  return near.length ? ` (lines starting ${name.slice(0, 2)}: ${near.join(', ')})` : '';
}

/**
 * Pieces joined in the order given, each turned to start at the end nearer the previous piece. Two
 * pieces further apart than MAX_CHAIN_GAP_KM are an error: a straight jump would pass for a route.
 */
export function chain(pieces: { id: string; coords: Position[] }[], field: string): Position[] {
  const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });
  const first = pieces[0]!;
  let out = [...first.coords];
  if (pieces.length > 1) {
    const next = pieces[1]!.coords;
    const gap = (end: Position) => Math.min(km(end, next[0]!), km(end, next[next.length - 1]!));
    if (gap(out[0]!) < gap(out[out.length - 1]!)) out.reverse();
  }
  for (let i = 1; i < pieces.length; i++) {
    const end = out[out.length - 1]!;
    let c = pieces[i]!.coords;
    if (km(end, c[c.length - 1]!) < km(end, c[0]!)) c = [...c].reverse();
    const gap = km(end, c[0]!);
    if (gap > MAX_CHAIN_GAP_KM)
      throw new AlignmentError(field, `${pieces[i - 1]!.id} and ${pieces[i]!.id} are ${gap.toFixed(1)} km apart (more than ${MAX_CHAIN_GAP_KM} km): a straight jump is not a route`);
    out = out.concat(gap === 0 ? c.slice(1) : c);
  }
  return out;
}

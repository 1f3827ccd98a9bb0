/**
 * The basemap's border lines, each drawn once, cut from the region and country polygons along the
 * runs geo/borders.ts chose (`public/geo/borders.json`): each border segment belongs to the one line
 * layer that shows it, the highest level it separates. geo/tiles.ts cuts them into the basemap's
 * vector tiles; the vector exports (src/export/vector-map.ts) draw them from the same runs. Drawn as the polygons' outlines instead,
 * every shared border was drawn once per neighbour and once per level, about a third of a pan frame
 * under software WebGL (bench/README.md, "frames").
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderCollection, BorderKind, BorderProps, BorderRuns } from './types.ts';

/** A polygon's rings in order (of a MultiPolygon: each polygon's, one after the other). */
export function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

type Area = Feature<Polygon | MultiPolygon, unknown>;

/**
 * The border lines, one feature per kind. Throws when the runs were written for other polygons
 * than these (geo/ writes the three files together).
 */
export function bordersOf(runs: BorderRuns, regions: readonly Area[], countries: readonly Area[]): BorderCollection {
  if (runs.version !== 1 || runs.regions !== regions.length || runs.countries !== countries.length)
    throw new Error(`geo/borders.json does not match the regions and countries (${runs.regions}/${runs.countries} against ${regions.length}/${countries.length} features): run \`npm run geo\``);
  const features: Feature<LineString | MultiLineString, BorderProps>[] = [];
  for (const [kind, { of, runs: list }] of Object.entries(runs.kinds) as [BorderKind, BorderRuns['kinds'][BorderKind]][]) {
    const polygons = of === 'regions' ? regions : countries;
    const rings = new Map<number, Position[][]>();
    const lines: Position[][] = [];
    for (const [f, r, start, segments] of list) {
      let own = rings.get(f);
      if (!own) rings.set(f, (own = polygons[f] ? ringsOf(polygons[f].geometry) : []));
      const ring = own[r];
      // A closed ring repeats its first point last: n distinct points, n segments.
      const n = ring ? ring.length - 1 : 0;
      if (!ring || start < 0 || segments < 1 || start >= n || segments > n) throw new Error(`geo/borders.json: run ${f}/${r}/${start}/${segments} of ${kind} is outside its ring: run \`npm run geo\``);
      // Past the ring's last point the run goes on from its first (ring[n] is ring[0]).
      lines.push(start + segments <= n ? ring.slice(start, start + segments + 1) : [...ring.slice(start, n), ...ring.slice(0, start + segments - n + 1)]);
    }
    if (!lines.length) continue;
    const geometry: LineString | MultiLineString = lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
    features.push({ type: 'Feature', properties: { kind }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Which border segments each basemap line layer draws, each once (`public/geo/borders.json`).
 *
 * Drawn as the outlines of the region polygons, every shared border was drawn once per neighbour,
 * and again by each level it separates (a league border is also the border of two banners; Inner
 * Mongolia's outline is also that of its leagues, banners and neighbouring provinces). Under
 * software WebGL every drawn line costs in every frame: the borders took about a third of a pan
 * frame (bench/README.md, "frames"). Here each border segment goes to the one line layer that shows
 * it, the highest level it separates, once.
 *
 * Segments are matched by their end points: the topology step (topology.ts) gives a border shared
 * by two polygons of the same family the same vertices in both. Borders between families (a coarse
 * province next to a fine one) do not match and stay one line per side.
 *
 * The lines are written as runs along the polygons' own rings (feature, ring, first point, number
 * of segments), not as coordinates: the page cuts them from the geometry it already has
 * (src/map/basemap/borders.ts), and public/geo stays under its 1.5 MB limit.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderRun, BorderRuns, CountryProps, RegionProps } from '../src/domain/types.ts';
import { ringsOf } from './border-lines.ts';
import { INNER_MONGOLIA } from '../src/domain/vocabulary.ts';

type Area<P> = Feature<Polygon | MultiPolygon, P>;

/**
 * Segments of a set of polygons, numbered by their two end points regardless of direction, with
 * the features that own each (a feature running along a segment twice counts once).
 */
class SegmentIndex {
  /** Per feature, per ring: the number of each segment. */
  readonly ringSegments: number[][][];
  /** Per segment: the features owning it. */
  readonly owners: number[][] = [];
  /**
   * Segments by the x of their first end (the lower one), as flat [y1, x2, y2, segment, …]: the
   * coordinates are on a 1e-5 degree grid (geo/), so each is a small integer and no key is built.
   */
  private readonly byX = new Map<number, number[]>();

  constructor(features: readonly Area<unknown>[]) {
    this.ringSegments = features.map((f, i) =>
      ringsOf(f.geometry).map((ring) => {
        const out = new Array<number>(ring.length - 1);
        for (let k = 1; k < ring.length; k++) {
          const s = this.segment(ring[k - 1]!, ring[k]!);
          const list = this.owners[s]!;
          if (!list.includes(i)) list.push(i);
          out[k - 1] = s;
        }
        return out;
      }),
    );
  }

  private segment(a: Position, b: Position): number {
    let ax = Math.round((a[0]! + 180) * 1e5);
    let ay = Math.round((a[1]! + 90) * 1e5);
    let bx = Math.round((b[0]! + 180) * 1e5);
    let by = Math.round((b[1]! + 90) * 1e5);
    if (bx < ax || (bx === ax && by < ay)) {
      [ax, bx] = [bx, ax];
      [ay, by] = [by, ay];
    }
    let list = this.byX.get(ax);
    if (!list) this.byX.set(ax, (list = []));
    for (let k = 0; k < list.length; k += 4) if (list[k] === ay && list[k + 1] === bx && list[k + 2] === by) return list[k + 3]!;
    const s = this.owners.length;
    this.owners.push([]);
    list.push(ay, bx, by, s);
    return s;
  }
}

/**
 * The runs of one kind: for each member feature's rings, the runs of segments that `keep` accepts
 * and that this feature is the first member to own (so a shared segment is written once).
 */
function runsOf(features: readonly Area<unknown>[], index: SegmentIndex, member: (i: number) => boolean, keep: (owners: number[]) => boolean): BorderRun[] {
  const out: BorderRun[] = [];
  const written = new Set<number>();
  features.forEach((f, i) => {
    if (!member(i)) return;
    ringsOf(f.geometry).forEach((ring, r) => {
      const segments = index.ringSegments[i]![r]!;
      const n = segments.length;
      const emit = segments.map((s) => {
        const list = index.owners[s]!;
        const yes = !written.has(s) && keep(list) && list.find(member) === i;
        if (yes) written.add(s);
        return yes;
      });
      if (emit.every(Boolean)) {
        out.push([i, r, 0, n]);
        return;
      }
      // Runs start after a segment not drawn, so a run through the ring's first point is one run.
      for (let k = 0; k < n; k++) {
        if (!emit[k] || emit[(k + n - 1) % n]) continue;
        let len = 0;
        while (len < n && emit[(k + len) % n]) len++;
        out.push([i, r, k, len]);
      }
    });
  });
  return out;
}

function countOf(list: number[], test: (i: number) => boolean): number {
  let n = 0;
  for (const i of list) if (test(i)) n++;
  return n;
}

/**
 * The border runs of the regions (provinces, prefectures, Inner Mongolia's banners) and countries:
 * - `county`: between two banners of the same league (a league's edge is drawn as the league border);
 * - `league`: between two of Inner Mongolia's leagues (their outer edge is Inner Mongolia's border);
 * - `prefecture`: between two prefectures of the same province (Hebei, Shanxi, Liaoning, Shandong);
 * - `province`: every province border but Inner Mongolia's own;
 * - `inner-mongolia`: Inner Mongolia's outline (the widest line);
 * - `country`: the neighbouring countries' outlines.
 * A banner's, league's or prefecture's edge that no other polygon has (where the outline of the
 * level above took another path, e.g. a sliver the dissolve dropped) is drawn at its own level.
 */
export function borderRuns(regions: readonly Area<RegionProps>[], countries: readonly Area<CountryProps>[]): BorderRuns {
  const index = new SegmentIndex(regions);
  const p = (i: number) => regions[i]!.properties;
  const isCounty = (i: number) => p(i).level === 'county' && p(i).code.startsWith('15');
  const isLeague = (i: number) => p(i).level === 'prefecture' && p(i).parent === INNER_MONGOLIA;
  const isOtherPrefecture = (i: number) => p(i).level === 'prefecture' && p(i).parent !== INNER_MONGOLIA;
  const isProvince = (i: number) => p(i).level === 'province';
  const isInnerMongolia = (i: number) => isProvince(i) && p(i).code === INNER_MONGOLIA;
  /** Owned by this feature alone, or by exactly two members of `set` with the same parent. */
  const inside = (set: (i: number) => boolean) => (list: number[]) =>
    list.length === 1 || (list.length === 2 && set(list[0]!) && set(list[1]!) && p(list[0]!).parent === p(list[1]!).parent);
  const countryIndex = new SegmentIndex(countries);
  const kinds: BorderRuns['kinds'] = {
    county: { of: 'regions', runs: runsOf(regions, index, isCounty, inside(isCounty)) },
    league: { of: 'regions', runs: runsOf(regions, index, isLeague, (list) => list.length === 1 || countOf(list, isLeague) === 2) },
    prefecture: { of: 'regions', runs: runsOf(regions, index, isOtherPrefecture, inside(isOtherPrefecture)) },
    province: { of: 'regions', runs: runsOf(regions, index, isProvince, (list) => !list.some(isInnerMongolia)) },
    'inner-mongolia': { of: 'regions', runs: runsOf(regions, index, isInnerMongolia, () => true) },
    country: { of: 'countries', runs: runsOf(countries, countryIndex, () => true, () => true) },
  };
  return { version: 1, regions: regions.length, countries: countries.length, kinds };
}

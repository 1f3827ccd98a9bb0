import { describe, expect, it } from 'vitest';
import { distance, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { RailGraph, RailGraphError } from '../../src/domain/rail-graph.ts';

const line = (name: string, ...parts: Position[][]): Feature<LineString | MultiLineString, { name: string }> => ({
  type: 'Feature',
  properties: { name },
  geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts },
});
const km = (c: Position[]) => c.slice(1).reduce((s, p, i) => s + distance(c[i]!, p), 0);
/** Greatest distance (km) from any vertex of `c` to the polyline `of`. */
const offBy = (c: Position[], of: Position[]) => Math.max(...c.map((p) => pointToLineDistance(p, { type: 'LineString', coordinates: of }, { method: 'planar' })));

// A main line west → east at 41° N, with two branches between x = 1 and x = 2: a short one that
// bends a little north and a long one that loops far north; a spur that ends 300 m short of the main
// line (as a simplified extract leaves it) and an island line 30 km away from everything.
const main = [
  [0, 41],
  [0.5, 41],
  [1, 41],
];
const short = [
  [1, 41],
  [1.5, 41.1],
  [2, 41],
];
const long = [
  [1, 41],
  [1.5, 42],
  [2, 41],
];
const east = [
  [2, 41],
  [3, 41],
];
const spur = [
  [0.5, 41.5],
  [0.5, 41.0027], // ≈ 300 m north of the main line
];
const island = [
  [1, 40.7],
  [2, 40.7],
];
const network = [line('main', main), line('short', short), line('long', long), line('east', east), line('spur', spur), line('island', island)];

describe('rail graph', () => {
  const g = new RailGraph(network);

  it('routes along the shorter of two branches', () => {
    const r = g.route([
      { label: 'west', at: [0, 41] },
      { label: 'east', at: [3, 41] },
    ]);
    expect(r.lines).toEqual(['main', 'short', 'east']);
    expect(r.km).toBeCloseTo(km(main) + km(short) + km(east), 3);
    expect(r.coordinates).toContainEqual([1.5, 41.1]);
    expect(r.coordinates).not.toContainEqual([1.5, 42]);
  });

  it('takes the longer branch when it is the only one allowed', () => {
    const r = g.route(
      [
        { label: 'west', at: [0, 41] },
        { label: 'east', at: [3, 41] },
      ],
      { lines: ['main', 'long', 'east'] },
    );
    expect(r.coordinates).toContainEqual([1.5, 42]);
    expect(r.km).toBeCloseTo(km(main) + km(long) + km(east), 3);
  });

  it('joins a line whose end stops short of another, within 500 m', () => {
    const r = g.route([
      { label: 'spur head', at: [0.5, 41.5] },
      { label: 'east', at: [3, 41] },
    ]);
    expect(r.lines[0]).toBe('spur');
    expect(r.lines).toContain('main');
    // The joint is the 300 m gap, not a detour.
    expect(r.km).toBeCloseTo(km(spur) + 0.3 + distance([0.5, 41], [1, 41]) + km(short) + km(east), 1);
  });

  it('cuts the section of a named line between the points nearest two places', () => {
    // Places a few km off the line, as a city centre lies off its station.
    const from: Position = [0.25, 41.03];
    const to: Position = [1.75, 41.02];
    const r = g.route(
      [
        { label: 'from', at: from },
        { label: 'to', at: to },
      ],
      { lines: ['main', 'short'] },
    );
    expect(r.coordinates[0]![0]).toBeCloseTo(0.25, 3);
    expect(r.coordinates[0]![1]).toBeCloseTo(41, 3);
    const last = r.coordinates[r.coordinates.length - 1]!;
    const foot = nearestPointOnLine({ type: 'LineString', coordinates: short }, to).geometry.coordinates;
    expect(distance(last, foot)).toBeLessThan(0.05);
    // Every vertex lies on the source lines, and the length is the section's only.
    expect(offBy(r.coordinates, [...main, ...short.slice(1)])).toBeLessThan(0.001);
    // It follows the line's own vertices between the two cuts, and its length is theirs.
    expect(r.coordinates.slice(1, -1)).toEqual([[0.5, 41], [1, 41], [1.5, 41.1]]);
    expect(r.km).toBeCloseTo(km(r.coordinates), 1);
  });

  it('gives the whole of a line made of pieces that touch', () => {
    const g2 = new RailGraph([line('pieces', [[0, 0], [1, 0]], [[1.003, 0], [2, 0]])]);
    const r = g2.wholeLine(['pieces']);
    expect(r.km).toBeCloseTo(distance([0, 0], [2, 0]), 1);
    expect(r.coordinates[0]![0]).toBe(r.coordinates[0]![0] === 0 ? 0 : 2);
  });

  it('fails with a clear error when the points lie on pieces that do not connect', () => {
    const attempt = () =>
      g.route([
        { label: 'Westtown', at: [0, 41] },
        { label: 'Islandtown', at: [1.5, 40.7] },
      ]);
    expect(attempt).toThrow(RailGraphError);
    expect(attempt).toThrow(/no path from Westtown to Islandtown on the network: they lie on separate pieces .* km apart/);
    // The gap it reports is the real one, ~33 km (0.3° of latitude).
    const msg = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
    })()!;
    expect(Number(msg.match(/ends of the two are ([\d.]+) km apart/)![1])).toBeCloseTo(33.4, 0);
  });

  it('refuses a place far from the lines it must follow, and a line it does not know', () => {
    expect(() => g.route([{ label: 'Far', at: [0, 45] }, { label: 'east', at: [3, 41] }], { lines: ['main'] })).toThrow(/Far is more than 25 km from main/);
    expect(() => g.route([{ label: 'a', at: [0, 41] }, { label: 'b', at: [1, 41] }], { lines: ['nowhere'] })).toThrow(/no line named nowhere/);
  });

  it('refuses the whole of a line that falls apart', () => {
    const g2 = new RailGraph([line('broken', [[0, 0], [1, 0]], [[1.1, 0], [2, 0]])]);
    expect(() => g2.wholeLine(['broken'])).toThrow(/broken falls apart in 2 pieces more than 0.5 km apart/);
  });
});

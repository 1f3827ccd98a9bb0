/**
 * public/geo/regions.topo.json: the regions' and countries' outlines as one TopoJSON topology
 * (topojson-server's `topology`, then topojson-client's `quantize` on the 1e-5° grid the outlines
 * are written on, so no vertex moves). Each border shared by a county, its league and its province
 * is stored once: the app reads this file instead of regions.geojson and countries.geojson (~150
 * against ~390 KB gzip), and merges the catalogue's region-made areas from it
 * (src/domain/region-topology.ts).
 */
import { topology } from 'topojson-server';
import { quantize } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps, RegionProps } from '../src/domain/types.ts';
import { TOPOLOGY_STEP, type RegionTopology } from '../src/domain/region-topology.ts';

export function regionTopology(
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProps>,
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>,
): RegionTopology {
  const topo = topology({ regions, countries });
  return quantize(topo as Parameters<typeof quantize>[0], { scale: [TOPOLOGY_STEP, TOPOLOGY_STEP], translate: [0, 0] }) as unknown as RegionTopology;
}

/**
 * Data download: the selection's projects (after the filters) as GeoJSON (RFC 7946, WGS84) and as
 * CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF line ends;
 * RFC 4180 quoting). Pure.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Catalogue } from '../domain/catalogue.ts';
import type { DetailsFile, ProjectFeature, ProjectGeometry } from '../domain/types.ts';
import { THEME_BY_ID, themeIdOf } from '../map/themes/index.ts';
import { INNER_MONGOLIA } from '../domain/vocabulary.ts';
import { STATUS_COLUMNS, statusColumns } from '../domain/status.ts';
import { csvDocument } from '../domain/csv.ts';

export { csvField } from '../domain/csv.ts';

export const CSV_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'layer',
  'theme',
  'stage',
  'stage_verb',
  'measures',
  'geometry',
  'precision',
  'km',
  'lon',
  'lat',
  'leagues',
  'phrase',
  'note',
  // Present status (research, not the plan's words): src/domain/status.ts.
  ...STATUS_COLUMNS,
] as const;

/** Inner Mongolia's leagues a project touches (names in both languages). */
function leaguesOf(cat: Catalogue, id: string): { zh: string[]; en: string[] } {
  const rs = cat.regionsTouchedBy(id).filter((r) => r.region.level === 'prefecture' && r.region.parent === INNER_MONGOLIA);
  return { zh: rs.map((r) => r.region.name_zh), en: rs.map((r) => r.region.name_en) };
}

/** A representative point: the point itself, the middle vertex of a line, the centre of an area's box. */
export function anchor(g: ProjectGeometry): [number, number] {
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  if (g.type === 'LineString') {
    const c = g.coordinates[Math.floor(g.coordinates.length / 2)]!;
    return [c[0]!, c[1]!];
  }
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys)
    for (const p of poly[0] ?? []) {
      b[0] = Math.min(b[0]!, p[0]!);
      b[1] = Math.min(b[1]!, p[1]!);
      b[2] = Math.max(b[2]!, p[0]!);
      b[3] = Math.max(b[3]!, p[1]!);
    }
  return [(b[0]! + b[2]!) / 2, (b[1]! + b[3]!) / 2];
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function projectsGeoJson(cat: Catalogue, details: DetailsFile, projects: ProjectFeature[], meta: { title: string; link: string; date: Date }): string {
  const features: Feature[] = projects.map((p) => {
    const leagues = leaguesOf(cat, p.properties.id);
    const layer = themeIdOf(p, cat);
    const { pinyin: _p, initials: _i, ...props } = p.properties;
    const more = details.byProject[p.properties.id];
    return {
      type: 'Feature',
      id: p.properties.id,
      geometry: p.geometry,
      properties: {
        ...props,
        ...(more?.note ? { note: more.note } : {}),
        ...(more?.alignment_sources ? { alignment_sources: more.alignment_sources } : {}),
        layer,
        layer_zh: THEME_BY_ID.get(layer)?.label.zh,
        layer_en: THEME_BY_ID.get(layer)?.label.en,
        leagues_zh: leagues.zh,
        leagues_en: leagues.en,
        ...statusColumns(cat.statuses.entry(p.properties.id), more?.status),
      },
    };
  });
  const fc: FeatureCollection & { metadata: Record<string, string> } = {
    type: 'FeatureCollection',
    metadata: {
      title: meta.title,
      source: '内蒙古融入环渤海地区合作发展规划 (Plan Atlas catalogue)',
      link: meta.link,
      exported: meta.date.toISOString(),
      note: 'precision: exact = real site; surveyed = the real line, from the source in geometry_source (railways: © OpenStreetMap contributors, ODbL); routed = along the real network between the places the plan names; schematic = straight segments through the places the plan names; regional = the whole region stands for a vaguer extent.',
      status_note:
        'status, started, opened, as_of, confidence, source_url: present status from sourced research (not the plan), true as of as_of; unknown where no source was found or the project was not researched; dates as precise as the source (YYYY, YYYY-MM or YYYY-MM-DD).',
    },
    features,
  };
  return `${JSON.stringify(fc, null, 1)}\n`;
}

export function projectsCsv(cat: Catalogue, details: DetailsFile, projects: ProjectFeature[]): string {
  const rows = projects.map((p): Record<(typeof CSV_COLUMNS)[number], unknown> => {
    const pr = p.properties;
    const more = details.byProject[pr.id];
    const [lon, lat] = anchor(p.geometry);
    const leagues = leaguesOf(cat, pr.id);
    return {
      id: pr.id,
      name_zh: pr.name_zh,
      name_en: pr.name_en,
      layer: themeIdOf(p, cat),
      theme: pr.theme,
      stage: pr.stage,
      stage_verb: pr.stage_verb,
      measures: pr.measures,
      geometry: pr.geometry_spec,
      precision: pr.precision,
      km: pr.km != null ? Math.round(pr.km) : null,
      lon: round5(lon),
      lat: round5(lat),
      leagues: leagues.zh,
      phrase: pr.phrase,
      note: more?.note ?? null,
      ...statusColumns(cat.statuses.entry(pr.id), more?.status),
    };
  });
  return csvDocument(CSV_COLUMNS, rows);
}

/**
 * Data download: the selection's projects (after the filters) as GeoJSON (RFC 7946, WGS84) and as
 * CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; CRLF line ends;
 * RFC 4180 quoting). Pure.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Catalogue } from '../domain/catalogue.ts';
import type { ProjectFeature, ProjectGeometry } from '../domain/types.ts';
import { THEME_BY_ID, themeIdOf } from '../map/themes/index.ts';
import { INNER_MONGOLIA } from '../domain/vocabulary.ts';

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

export function projectsGeoJson(cat: Catalogue, projects: ProjectFeature[], meta: { title: string; link: string; date: Date }): string {
  const features: Feature[] = projects.map((p) => {
    const leagues = leaguesOf(cat, p.properties.id);
    const layer = themeIdOf(p, cat);
    const { pinyin: _p, initials: _i, ...props } = p.properties;
    return {
      type: 'Feature',
      id: p.properties.id,
      geometry: p.geometry,
      properties: { ...props, layer, layer_zh: THEME_BY_ID.get(layer)?.label.zh, layer_en: THEME_BY_ID.get(layer)?.label.en, leagues_zh: leagues.zh, leagues_en: leagues.en },
    };
  });
  const fc: FeatureCollection & { metadata: Record<string, string> } = {
    type: 'FeatureCollection',
    metadata: {
      title: meta.title,
      source: '内蒙古融入环渤海地区合作发展规划 (Plan Atlas catalogue)',
      link: meta.link,
      exported: meta.date.toISOString(),
      note: 'precision: exact = real site; schematic = straight segments through the places the plan names; regional = the whole region stands for a vaguer extent.',
    },
    features,
  };
  return `${JSON.stringify(fc, null, 1)}\n`;
}

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell beginning with
 * = + - @, a tab or a carriage return. Such text is written with a leading apostrophe, which Excel,
 * LibreOffice and WPS show as text and do not evaluate. Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = Array.isArray(v) ? v.join('; ') : String(v);
  const formula = FORMULA_START.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function projectsCsv(cat: Catalogue, projects: ProjectFeature[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const p of projects) {
    const pr = p.properties;
    const [lon, lat] = anchor(p.geometry);
    const leagues = leaguesOf(cat, pr.id);
    const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
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
      note: pr.note ?? null,
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(values[c])).join(','));
  }
  // BOM + CRLF: Excel reads UTF-8 only with the BOM.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

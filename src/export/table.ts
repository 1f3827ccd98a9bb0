/**
 * Tables as files for analysts: CSV (UTF-8 with a byte-order mark so that Excel reads the Chinese,
 * CRLF line ends, RFC 4180 quoting through csvField, and text that a spreadsheet would run as a
 * formula neutralised as OWASP advises) and XLSX (write-excel-file, loaded only when asked for).
 * One Sheet shape for the project table and the corridor analysis.
 */
import type { LineCorridor, NearbyLine } from '../domain/corridor.ts';
import { cellValue, type TableColumn, type TableRow } from '../domain/project-table.ts';
import type { Lang } from '../domain/url-state.ts';
import { csvField } from './data.ts';

export type SheetValue = string | number | null;

export interface Sheet {
  /** Worksheet name (shortened and cleaned for Excel) and the file name's stem. */
  name: string;
  header: string[];
  rows: SheetValue[][];
  /** Column widths in characters, for the XLSX. */
  widths?: number[];
}

/**
 * Text a spreadsheet would take for a formula (= + - @, or a tab or carriage return before one)
 * gets a leading apostrophe, shown as text and never run (OWASP, "CSV Injection"). Idempotent.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function sheetCsv(sheet: Sheet): string {
  const line = (values: readonly SheetValue[]) => values.map((v) => csvField(typeof v === 'string' ? neutraliseFormula(v) : v)).join(',');
  return `\uFEFF${[line(sheet.header), ...sheet.rows.map(line)].join('\r\n')}\r\n`;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

/** The XLSX: a bold header row that stays in view, typed cells (numbers stay numbers), column widths. */
export async function sheetXlsx(sheet: Sheet): Promise<Blob> {
  // A separate chunk (about 20 KB gzipped with fflate), fetched on the first XLSX export only.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = [
    sheet.header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...sheet.rows.map((r) => r.map((value) => (value == null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String }))),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: sheetName(sheet.name),
    stickyRowsCount: 1,
    columns: sheet.widths?.map((width) => ({ width })),
  }).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_MIME });
}

/** A file name from a title and a date: no characters that file systems refuse. */
export function tableFileName(title: string, date: Date, ext: 'csv' | 'xlsx'): string {
  const stem = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'table';
  return `${stem} ${date.toISOString().slice(0, 10)}.${ext}`;
}

const WIDTHS: Record<TableColumn, number> = { name: 40, layer: 16, measure: 36, stage: 18, status: 18, regions: 40, km: 8, precision: 12 };

/**
 * The project table as a sheet: the id first (to join with the GeoJSON and CSV downloads), then the
 * shown columns in the order shown, the rows in the order shown.
 */
export function projectTableSheet(name: string, rows: readonly TableRow[], columns: readonly TableColumn[], lang: Lang, header: (c: TableColumn | 'id') => string): Sheet {
  return {
    name,
    header: [header('id'), ...columns.map(header)],
    rows: rows.map((r) => [r.id, ...columns.map((c) => cellValue(r, c, lang))]),
    widths: [28, ...columns.map((c) => WIDTHS[c])],
  };
}

/** Labels a corridor sheet needs, in the file's language. */
export interface CorridorSheetText {
  name: string;
  regionName: (code: string) => string;
  levelName: (level: string) => string;
  header: { league: string; county: string; level: string; distance: string; inside: string };
}

/**
 * Regions near a line as a sheet: one row per league or city (its own distance and its total km
 * inside), then one per county in it, with the league repeated so the rows sort and filter alone.
 */
export function lineCorridorSheet(result: LineCorridor, text: CorridorSheetText): Sheet {
  const rows: SheetValue[][] = [];
  for (const l of result.leagues) {
    const league = text.regionName(l.code);
    rows.push([league, null, text.levelName(l.level), l.distanceKm, l.kmInside]);
    for (const c of l.counties) rows.push([league, text.regionName(c.code), text.levelName(c.level), c.distanceKm, c.kmInside]);
  }
  const h = text.header;
  return { name: text.name, header: [h.league, h.county, h.level, h.distance, h.inside], rows, widths: [20, 20, 12, 14, 16] };
}

/** Line projects near a region as a sheet. */
export function nearbyLinesSheet(
  name: string,
  lines: readonly NearbyLine[],
  project: (id: string) => { name: string; layer: string },
  header: { projectId: string; project: string; layer: string; distance: string; inside: string },
): Sheet {
  return {
    name,
    header: [header.projectId, header.project, header.layer, header.distance, header.inside],
    rows: lines.map((l) => [l.id, project(l.id).name, project(l.id).layer, l.distanceKm, l.kmInside]),
    widths: [28, 40, 16, 14, 16],
  };
}

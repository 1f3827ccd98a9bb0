/** CSV as spreadsheets read it (RFC 4180 quoting); shared by the data download and the CLI. */

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell beginning with
 * = + - @, a tab or a carriage return. Such text is written with a leading apostrophe, which Excel,
 * LibreOffice and WPS show as text and do not evaluate. Numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: lists joined with "; ", quoted when it holds a comma, quote, semicolon, line break or edge space. */
export function csvField(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = Array.isArray(v) ? v.join('; ') : String(v);
  const formula = FORMULA_START.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: UTF-8 byte-order mark (Excel reads UTF-8 only with it), CRLF line ends. */
export function csvDocument<C extends string>(columns: readonly C[], rows: readonly Record<C, unknown>[]): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** CSV as spreadsheets read it (RFC 4180 quoting); shared by the data download and the CLI. */

/**
 * Text a spreadsheet would take for a formula (= + - @, or a tab or carriage return before one)
 * gets a leading apostrophe, which Excel, LibreOffice and WPS show as text and never run (OWASP,
 * "CSV Injection"). Idempotent.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field: numbers as numbers, lists joined with "; ", formulas neutralised; quoted when it holds a comma, quote, semicolon, line break or edge space, or was neutralised. */
export function csvField(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const raw = Array.isArray(v) ? v.join('; ') : String(v);
  const s = neutraliseFormula(raw);
  return s !== raw || /[",\r\n;]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: UTF-8 byte-order mark (Excel reads UTF-8 only with it), CRLF line ends. */
export function csvDocument<C extends string>(columns: readonly C[], rows: readonly Record<C, unknown>[]): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * CSV for spreadsheets, in two dialects:
 * - `standard` (the default, for machines): RFC 4180, comma-separated, CRLF, quotes doubled, UTC
 *   ISO 8601 instants, decimal point, codes.
 * - `excel-nl` (for Dutch Excel, issue 13): semicolon-separated (a Dutch Excel reads a comma as the
 *   decimal separator and opens a comma-separated file as one column), UTF-8 with a BOM (so "ë"
 *   stays "ë"), Europe/Amsterdam local times ("2026-12-04 03:12"), decimal comma, ja/nee, Dutch
 *   headers, and words beside the codes.
 * In both, a text cell that starts with = + - @ or a control character would be run as a formula by
 * Excel or LibreOffice (CSV injection), so it gets a leading apostrophe; numbers stay numbers.
 */
export type CsvCell = string | number | boolean | Date | null;

export const CSV_DIALECTS = ['standard', 'excel-nl'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
  /** The header in `excel-nl` (default: `header`). */
  nl?: string;
  /** Only in `excel-nl`: words beside a code, for people (the standard file stays as it was). */
  excelOnly?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** "2026-12-04 03:12" on Amsterdam's clock (summer and winter time alike). */
const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function amsterdamTime(instant: Date): string {
  const part = Object.fromEntries(AMSTERDAM.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

export function csvCell(value: CsvCell, dialect: CsvDialect = 'standard'): string {
  if (value === null) return '';
  const excel = dialect === 'excel-nl';
  if (typeof value === 'boolean') return excel ? (value ? 'ja' : 'nee') : String(value);
  if (typeof value === 'number') return excel ? String(value).replace('.', ',') : String(value);
  const text =
    value instanceof Date
      ? excel
        ? amsterdamTime(value)
        : value.toISOString()
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;
  const special = excel ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], dialect: CsvDialect = 'standard'): string {
  const excel = dialect === 'excel-nl';
  const used = excel ? columns : columns.filter((column) => !column.excelOnly);
  const separator = excel ? ';' : ',';
  const line = (cells: CsvCell[]) => cells.map((cell) => csvCell(cell, dialect)).join(separator);
  const lines = [line(used.map((column) => (excel ? (column.nl ?? column.header) : column.header)))];
  for (const row of rows) lines.push(line(used.map((column) => column.value(row))));
  return `${excel ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

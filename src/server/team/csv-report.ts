import { stringify } from 'csv-stringify/sync';

/** A cell value before it is written. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * A spreadsheet would run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula; a leading apostrophe keeps it text.
 * Numbers are left alone, so negative numbers stay numbers.
 */
function defused(cell: CsvCell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV (quoted where needed, CRLF line ends) with a header row. csv-stringify does the quoting. */
export function csvReport(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(defused), ...rows.map((r) => r.map(defused))], { record_delimiter: 'windows', quoted_match: /[",\r\n]/ });
}

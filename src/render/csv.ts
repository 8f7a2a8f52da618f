import { stringify } from 'csv-stringify/sync';
import { FORMULA_START } from '../domain/names.js';

/** A cell as the program writes it: text, or a number written as a number. */
export type CsvCell = string | number | null | undefined;

/**
 * A cell a spreadsheet will never run: text that starts as a formula does (`=`, `+`, `-`, `@`, a tab,
 * a carriage return) is written behind a single quote, as OWASP's CSV-injection advice says, so Excel
 * and LibreOffice show it as the text it is. A number the program writes as a number (an amount, a
 * count, a negative difference) stays a number: it is no formula.
 */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** Records as CSV text (CRLF, quoted where needed, every cell made safe), without a BOM. */
export function csvRecords(records: CsvCell[][]): string {
  return stringify(records.map((r) => r.map(csvCell)), { record_delimiter: '\r\n' });
}

/** CSV for Excel: UTF-8 with a BOM, so Vietnamese opens correctly. */
export function renderCsv(headers: string[], rows: CsvCell[][]): string {
  return '\uFEFF' + csvRecords([headers, ...rows]);
}

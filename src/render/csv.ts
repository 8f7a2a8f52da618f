import { stringify } from 'csv-stringify/sync';

/** CSV for Excel: UTF-8 with a BOM, so Vietnamese opens correctly. */
export function renderCsv(headers: string[], rows: string[][]): string {
  return '\uFEFF' + stringify([headers, ...rows], { record_delimiter: '\r\n' });
}

/** The raw rows of an import file: CSV (encoding, delimiter, size limits) or xlsx, before columns are matched. */
import { ValidationError } from '../../domain/errors.js';
import { parseDate } from '../../domain/dates.js';
import { checkXlsx, LIMITS } from './xlsx-guard.js';

/** A physical row: its line number and its cells as text. */
export interface RawRow {
  line: number;
  values: string[];
}

/** How far down the header row may be. */
export const HEADER_SEARCH_ROWS = 20;

export function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('import.notUtf8', { file });
  }
}

/**
 * A CSV past the limits a staff list never reaches (rows, columns of a row, cells) is refused (exit 3)
 * before it is parsed into memory: one pass over the text, quotes followed.
 */
export function checkCsvSize(file: string, text: string): void {
  let rows = 0;
  let cells = 0;
  let widest = 0;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  const endRow = () => {
    const fields = Math.max(commas, semicolons) + 1;
    if (fields > widest) widest = fields;
    cells += fields;
    rows++;
    commas = 0;
    semicolons = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) commas++;
    else if (c === 59) semicolons++;
    else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      endRow();
      if (rows > LIMITS.rows + HEADER_SEARCH_ROWS || widest > LIMITS.columns || cells > LIMITS.cells) break;
    }
  }
  if (commas + semicolons > 0) endRow();
  if (rows > LIMITS.rows + HEADER_SEARCH_ROWS || widest > LIMITS.columns) {
    throw new ValidationError('import.csv.tooLarge', { file, rows: LIMITS.rows, columns: LIMITS.columns });
  }
  if (cells > LIMITS.cells) throw new ValidationError('import.csv.tooLarge', { file, rows: LIMITS.rows, columns: LIMITS.columns });
}

/** ',' and ';' ordered by how often they occur outside quotes in the first lines. */
export function delimitersByFrequency(text: string): [string, string] {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
    else if (ch === '\n' && ++lines >= HEADER_SEARCH_ROWS) break;
  }
  return semicolons > commas ? [';', ','] : [',', ';'];
}

export async function readCsv(file: string, bytes: Buffer, delimiter: string): Promise<RawRow[]> {
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(bytes, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false, // skipped below: a record's start is where the previous one ended
    }) as unknown as typeof records;
  } catch (e) {
    const { code, lines } = e as { code?: string; lines?: number };
    if (!code?.startsWith('CSV_')) throw e;
    throw new ValidationError('import.csvSyntax', { file, line: lines ?? null });
  }
  // info.bytes is the offset just past a record, so each record starts where the previous one ended;
  // its line is one more than the line breaks before that offset. A line break is LF, CRLF, or a
  // lone CR (files saved as "CSV (Macintosh)").
  const rows: RawRow[] = [];
  let start = 0;
  let line = 1;
  for (const { record, info } of records) {
    rows.push({ line, values: record });
    for (let i = start; i < info.bytes; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
    }
    start = info.bytes;
  }
  return rows;
}

export async function readXlsx(file: string, bytes: Buffer): Promise<RawRow[]> {
  // Limits and text checked on the package as a stream, before the reader expands the sheet.
  checkXlsx(file, bytes);
  const { readSheet } = await import('read-excel-file/node');
  let data: unknown[][];
  try {
    // The first sheet; rows[i] is Excel row i + 1, blank rows included. A number is kept as the file
    // writes it (`12345678901234567890`, `1E309`), never rounded to a float or turned into Infinity.
    data = await readSheet(bytes, { parseNumber: (s: string) => s });
  } catch {
    throw new ValidationError('import.unreadable', { file });
  }
  return data.map((cells, i) => ({ line: i + 1, values: cells.map(xlsxText) }));
}

/** An .xlsx cell as text: dates as ISO YYYY-MM-DD, numbers as the file writes them, booleans by String(). */
function xlsxText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return parseDate(v) ?? v.toISOString().slice(0, 10);
  }
  return String(v);
}

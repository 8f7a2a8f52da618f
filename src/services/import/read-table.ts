/**
 * Reads an import file (.csv or .xlsx) into rows keyed by column, with the line number a clerk sees
 * (CLI.md "Import files"). The header row is found by its titles, in English or Vietnamese.
 */
import { extname } from 'node:path';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { clean, fold, isValidCode, normaliseCode } from '../../domain/names.js';
import { parseDate } from '../../domain/dates.js';
import { readInputFile } from '../files.js';
import { checkXlsx, LIMITS } from './xlsx-guard.js';

export interface ColumnSpec {
  key: string;
  /** Accepted titles, English first (it names the column in messages), e.g. ['code', 'Mã', 'Mã số']. */
  titles: string[];
  required: boolean;
}

export interface TableRow {
  /** Line in the file (header of a CSV at the top = line 1); for .xlsx the row number Excel shows. */
  line: number;
  /** One entry per ColumnSpec.key, cleaned (NFC, trimmed, single spaces); '' when empty or the column is absent. */
  cells: Record<string, string>;
}

export interface Table {
  file: string;
  headerLine: number;
  /** The ColumnSpec keys the header holds (the others read as '' in every row). */
  columns: string[];
  rows: TableRow[];
}

/** A physical row: its line number and its cells as text. */
interface RawRow {
  line: number;
  values: string[];
}

/** The largest import file read (a school's staff list is a few hundred kilobytes). */
const MAX_BYTES = 100 * 1024 * 1024;

/** How far down the header row may be. */
const HEADER_SEARCH_ROWS = 20;

export async function readTable(file: string, columns: ColumnSpec[]): Promise<Table> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new ValidationError('import.badFormat', { file });
  const read = await readInputFile(file, MAX_BYTES);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('import.fileMissing', { file });
    if (read.problem === 'notAFile') throw new ValidationError('import.notAFile', { file });
    if (read.problem === 'tooBig') throw new ValidationError('import.tooBig', { file, mb: MAX_BYTES / 1024 / 1024 });
    // A folder named like a file, no permission, a file locked by another program…
    throw new ValidationError('import.cannotRead', { file, reason: read.code ?? '' });
  }
  const bytes = read.bytes;
  if (ext === '.xlsx') return toTable(file, await readXlsx(file, bytes), columns);

  // CSV: try the more frequent delimiter first; fall back to the other when no header is found with it.
  const text = decodeUtf8(file, bytes);
  checkCsvSize(file, text);
  const [first, second] = delimitersByFrequency(text);
  try {
    return toTable(file, await readCsv(file, bytes, first), columns);
  } catch (e) {
    if (!(e instanceof ValidationError && e.key === 'import.missingColumn')) throw e;
    try {
      return toTable(file, await readCsv(file, bytes, second), columns);
    } catch {
      throw e;
    }
  }
}

function decodeUtf8(file: string, bytes: Buffer): string {
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
function checkCsvSize(file: string, text: string): void {
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
function delimitersByFrequency(text: string): [string, string] {
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

async function readCsv(file: string, bytes: Buffer, delimiter: string): Promise<RawRow[]> {
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

async function readXlsx(file: string, bytes: Buffer): Promise<RawRow[]> {
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

/**
 * Title key: no case, diacritics, spaces, underscores or punctuation ('Họ và tên' → 'hovaten'), and
 * without the hints templates add in brackets or with a star ('Ngày sinh (dd/mm/yyyy)', 'Mã (*)').
 */
function titleKey(s: string): string {
  const bare = s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return fold(bare.trim() === '' ? s : bare).replace(/[^a-z0-9]/g, '');
}

/**
 * The row of column numbers official forms put under the header ('1 2 3 …' or '(1) (2) (3) …'): part
 * of the header, not data.
 */
function isColumnNumbers(values: string[]): boolean {
  const filled = values.filter((v) => v !== '');
  return filled.length >= 3 && filled.every((v) => /^\(?\d{1,3}\)?$/.test(v));
}

/** Signers' titles of the block under an official list (folded, punctuation removed). */
const SIGNER_TITLES = new Set([
  'nguoi lap bieu', 'nguoi lap bang', 'nguoi lap', 'nguoi tong hop', 'hieu truong', 'pho hieu truong',
  'thu truong don vi', 'thu truong co quan', 'ke toan truong', 'noi nhan',
]);

/**
 * A cell of the signature block clerks leave under a list: the place-and-date line ("Bình Phước,
 * ngày 05 tháng 01 năm 2026"), a signer's title ("NGƯỜI LẬP BIỂU", "KT. HIỆU TRƯỞNG") or the
 * "(Ký, ghi rõ họ tên)" hint.
 */
function isFooterCell(v: string): boolean {
  const f = fold(v).replace(/[^a-z0-9]+/g, ' ').trim();
  return (
    /\bngay\b.*\bthang\b.*\bnam\b/.test(f) ||
    /^(kt|tm|tl|tuq) \S/.test(f) ||
    /^ky (ten|ghi ro|va ghi ro)\b/.test(f) ||
    SIGNER_TITLES.has(f)
  );
}

/**
 * Where the signature block starts: the first row made only of footer cells after which no row has a
 * valid code in the code column (so a person's row is never taken for the footer); -1 when none.
 */
function footerStart(data: RawRow[], codeAt: number | undefined): number {
  if (codeAt === undefined) return -1;
  let start = -1;
  for (let i = data.length - 1; i >= 0; i--) {
    const values = data[i]!.values;
    if (isValidCode(normaliseCode(values[codeAt] ?? ''))) break;
    const filled = values.filter((v) => v !== '');
    if (filled.length > 0 && filled.every(isFooterCell)) start = i;
  }
  return start;
}

function toTable(file: string, raw: RawRow[], columns: ColumnSpec[]): Table {
  const rows = raw
    .map((r) => ({ line: r.line, values: r.values.map(clean) }))
    .filter((r) => r.values.some((v) => v !== ''));
  if (rows.length === 0) throw new ValidationError('import.empty', { file });

  // The header is the first row (among the first few) that holds every required column; when none
  // does, report the first column missing from the row that came closest.
  const required = columns.filter((c) => c.required);
  let best: { found: number; missing: ColumnSpec | undefined } = { found: -1, missing: required[0] };
  let header: { at: number; index: Map<string, number> } | undefined;
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS) && !header; at++) {
    const index = columnIndex(rows[at]!.values, columns);
    const missing = required.filter((c) => !index.has(c.key));
    if (missing.length === 0) header = { at, index };
    else if (required.length - missing.length > best.found) {
      best = { found: required.length - missing.length, missing: missing[0] };
    }
  }
  if (!header) {
    const column = best.missing ?? columns[0]!;
    throw new ValidationError('import.missingColumn', {
      file,
      column: column.titles[0],
      titles: column.titles.join(' / '),
    });
  }

  let data = rows.slice(header.at + 1);
  if (data[0] && isColumnNumbers(data[0].values)) data = data.slice(1);
  const { index } = header;
  const footer = footerStart(data, index.get('code'));
  if (footer >= 0) data = data.slice(0, footer);
  const table: Table = {
    file,
    headerLine: rows[header.at]!.line,
    columns: columns.filter((c) => index.has(c.key)).map((c) => c.key),
    rows: data
      .map((r) => ({
        line: r.line,
        cells: Object.fromEntries(columns.map((c) => {
          const i = index.get(c.key);
          return [c.key, i === undefined ? '' : (r.values[i] ?? '')];
        })),
      }))
      // A row with nothing under any known column (only a pre-filled STT, a note, a signature) is not data.
      .filter((r) => Object.values(r.cells).some((v) => v !== '')),
  };
  if (table.rows.length === 0) throw new ValidationError('import.empty', { file });
  return table;
}

/** Position of each known column in a candidate header row (the first of duplicates wins). */
function columnIndex(values: string[], columns: ColumnSpec[]): Map<string, number> {
  const byTitle = new Map<string, string>();
  for (const c of columns) for (const t of c.titles) if (!byTitle.has(titleKey(t))) byTitle.set(titleKey(t), c.key);
  const index = new Map<string, number>();
  values.forEach((v, i) => {
    const key = byTitle.get(titleKey(v));
    if (key !== undefined && !index.has(key)) index.set(key, i);
  });
  return index;
}

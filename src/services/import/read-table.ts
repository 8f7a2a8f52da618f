/**
 * Reads an import file (.csv or .xlsx) into rows keyed by column, with the line number a clerk sees
 * (CLI.md "Import files"). The header row is found by its titles, in English or Vietnamese.
 */
import { extname } from 'node:path';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { clean, fold, isValidCode, normaliseCode } from '../../domain/names.js';
import { readInputFile } from '../files.js';
import { type RawRow, HEADER_SEARCH_ROWS, decodeUtf8, checkCsvSize, delimitersByFrequency, readCsv, readXlsx } from './read-raw.js';

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

/** The largest import file read (a school's staff list is a few hundred kilobytes). */
const MAX_BYTES = 100 * 1024 * 1024;

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

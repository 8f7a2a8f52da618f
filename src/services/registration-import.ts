/** `register import`: registrations for titles read from a table (xlsx or CSV), all or nothing. */
import type { ProgressBar, ServiceContext } from '../context.js';
import { AppError, UsageError, ValidationError, type Detail } from '../domain/errors.js';
import { valueOrThrow } from '../domain/fields.js';
import { parseRegistrationDate, parseRegistrationYear } from '../domain/registrations.js';
import { transact } from './database.js';
import { nameMismatch } from './import/name-check.js';
import { readTable, type ColumnSpec } from './import/read-table.js';
import { requireSubject } from './subjects.js';
import { type Prepared, prepareTitle, saveTitle, parseTitleInput } from './registration.js';

/** The registrations file (CLI.md "Import files"): English or Vietnamese titles. */
export const REGISTRATION_COLUMNS: ColumnSpec[] = [
  { key: 'code', titles: ['code', 'Mã', 'Mã số', 'Mã cán bộ', 'Mã đơn vị', 'Mã cá nhân, đơn vị'], required: true },
  { key: 'award', titles: ['award', 'Danh hiệu', 'Danh hiệu đăng ký', 'Đăng ký danh hiệu', 'title'], required: true },
  { key: 'year', titles: ['year', 'Năm', 'Năm đăng ký'], required: false },
  { key: 'note', titles: ['note', 'Ghi chú'], required: false },
  // Only a guard against shifted rows: it must name the person or unit of the code.
  { key: 'name', titles: ['name', 'Họ và tên', 'Họ tên', 'Tên', 'Tên đơn vị'], required: false },
];

export interface RegistrationImportOptions {
  /** The year of rows that do not give their own. */
  year?: number;
  /** The day the registrations were made (`--date`), for a year recorded late; default today. */
  date?: string;
  dryRun?: boolean;
  /** Starts a progress bar for the rows being written (the CLI's, on a terminal). */
  progress?: (total: number) => Promise<ProgressBar>;
}

export interface RegistrationImportResult {
  file: string;
  rows: number;
  added: number;
  dryRun: boolean;
}

/** All rows or none: every bad row is reported with its line, and nothing is written. */
export async function importRegistrations(ctx: ServiceContext, file: string, opts: RegistrationImportOptions = {}): Promise<RegistrationImportResult> {
  const table = await readTable(file, REGISTRATION_COLUMNS);
  const today = ctx.clock.today();
  if (opts.year === undefined && !table.columns.includes('year')) throw new UsageError('usage.missingFlag', { flag: '--year' });
  if (opts.year !== undefined) {
    const year = parseRegistrationYear('year', opts.year, today);
    if (!year.ok) throw new ValidationError(year.problem.key, year.problem.params);
  }
  // A bad --date is one mistake of the command, not one per row.
  valueOrThrow(parseRegistrationDate('registrationDate', opts.date, today, opts.year));
  return transact(ctx, async (trx, audit) => {
    const problems: Detail[] = [];
    const valid: { prepared: Prepared; note: string | null; date: string }[] = [];
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const cells = row.cells;
      const year = cells.year === '' ? opts.year : cells.year;
      if (year === undefined) {
        problems.push({ line: row.line, key: 'registration.rowNoYear' });
        continue;
      }
      try {
        const v = parseTitleInput({ subject: cells.code, award: cells.award, year, note: cells.note, date: opts.date }, today, true);
        const differs = nameMismatch(cells.name, await requireSubject(trx, v.subject), row.line);
        if (differs) {
          problems.push(differs);
          continue;
        }
        const prepared = await prepareTitle(trx, v);
        const key = `${prepared.subject.code}|${prepared.title.code}|${prepared.year}`;
        const other = seen.get(key);
        if (other !== undefined) {
          problems.push({ line: row.line, key: 'registration.duplicateInFile', params: { code: prepared.subject.code, award: prepared.title.code, year: prepared.year, other } });
          continue;
        }
        seen.set(key, row.line);
        valid.push({ prepared, note: v.note, date: v.date });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // A row with several field problems lists each; otherwise the one problem found.
        const details = e.details.length > 0 ? e.details : [{ key: e.key, params: e.params }];
        problems.push(...details.map((d) => ({ ...d, line: row.line })));
      }
    }
    if (problems.length > 0) {
      const bad = new Set(problems.map((p) => p.line)).size;
      throw new ValidationError('import.rejected', { file, bad, total: table.rows.length }, problems);
    }
    const result: RegistrationImportResult = { file, rows: valid.length, added: valid.length, dryRun: !!opts.dryRun };
    if (opts.dryRun) return result;
    const bar = await opts.progress?.(valid.length);
    try {
      for (const { prepared, note, date } of valid) {
        await saveTitle(trx, audit, prepared, note, date, ctx.clock.now());
        bar?.tick();
      }
    } finally {
      bar?.stop();
    }
    return result;
  });
}

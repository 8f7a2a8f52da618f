import type { ProgressBar, ServiceContext } from '../context.js';
import { ValidationError, type Detail } from '../domain/errors.js';
import { parsePerson, type PersonFields, type PersonInput } from '../domain/people.js';
import { allSubjectCodes, getPerson, insertPerson, listUnits, updatePerson } from '../db/repos/subjects.js';
import { transact } from './database.js';
import { readTable, type ColumnSpec } from './import/read-table.js';
import { toPerson, toRow } from './people.js';

/** The people file (CLI.md "Import files"): English or Vietnamese titles. */
export const PEOPLE_COLUMNS: ColumnSpec[] = [
  { key: 'code', titles: ['code', 'Mã', 'Mã số', 'Mã cán bộ', 'Mã CB'], required: true },
  { key: 'name', titles: ['name', 'Họ và tên', 'Họ tên'], required: true },
  { key: 'unit', titles: ['unit', 'Đơn vị', 'Mã đơn vị'], required: true },
  { key: 'category', titles: ['category', 'Loại', 'Phân loại'], required: true },
  { key: 'position', titles: ['position', 'Chức vụ'], required: false },
  { key: 'partyMember', titles: ['partyMember', 'party member', 'Đảng viên'], required: false },
  { key: 'gender', titles: ['gender', 'Giới tính'], required: false },
  { key: 'born', titles: ['born', 'Ngày sinh', 'date of birth'], required: false },
];

export interface ImportOptions {
  dryRun?: boolean;
  /** Rows whose code is already a person update that person instead of being refused. */
  update?: boolean;
  /** Starts a progress bar for the rows being written (the CLI's, on a terminal). */
  progress?: (total: number) => Promise<ProgressBar>;
}

export interface ImportResult {
  file: string;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** All rows or none: every bad row is reported with its line, and nothing is written. */
export async function importPeople(ctx: ServiceContext, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const table = await readTable(file, PEOPLE_COLUMNS);
  const today = ctx.clock.today();
  return transact(ctx, async (trx, audit) => {
    const units = new Map((await listUnits(trx)).map((u) => [u.code, u]));
    const taken = await allSubjectCodes(trx);
    const seen = new Map<string, number>();
    const problems: Detail[] = [];
    const valid: { line: number; person: PersonFields; existing: boolean }[] = [];
    for (const row of table.rows) {
      const { value, problems: rowProblems } = parsePerson(row.cells as PersonInput, today);
      const here = rowProblems.map((p) => ({ ...p, line: row.line }));
      if (value.code) {
        const earlier = seen.get(value.code);
        if (earlier !== undefined) here.push({ line: row.line, key: 'import.duplicateInFile', params: { code: value.code, other: earlier } });
        else seen.set(value.code, row.line);
      }
      let existing = false;
      if (value.code && taken.has(value.code)) {
        const person = await getPerson(trx, value.code);
        if (person && opts.update) existing = true;
        else here.push({ line: row.line, key: person ? 'import.codeExists' : 'code.takenByUnit', params: { code: value.code } });
      }
      if (value.unit) {
        const unit = units.get(value.unit);
        if (!unit) here.push({ line: row.line, key: 'import.unknownUnit', params: { code: value.unit } });
        else if (!unit.active) here.push({ line: row.line, key: 'unit.retired', params: { code: unit.code, name: unit.name } });
      }
      if (here.length > 0) problems.push(...here);
      else valid.push({ line: row.line, person: value, existing });
    }
    if (problems.length > 0) {
      const lines = new Set(problems.map((p) => p.line)).size;
      throw new ValidationError('import.rejected', { file, bad: lines, total: table.rows.length }, problems);
    }
    const result: ImportResult = { file, rows: valid.length, added: 0, updated: 0, unchanged: 0, dryRun: !!opts.dryRun };
    if (opts.dryRun) {
      result.updated = valid.filter((v) => v.existing).length;
      result.added = valid.length - result.updated;
      return result;
    }
    const bar = await opts.progress?.(valid.length);
    try {
      for (const { person, existing } of valid) {
        const row = toRow(person, ctx.clock.now());
        if (existing) {
          const before = toPerson((await getPerson(trx, person.code))!);
          const { code, created_at, active, ...changes } = row;
          void created_at;
          void active;
          await updatePerson(trx, code, changes);
          const after = toPerson((await getPerson(trx, code))!);
          if (JSON.stringify(before) === JSON.stringify(after)) result.unchanged++;
          else {
            result.updated++;
            await audit({ entity: 'person', entityId: code, action: 'import-update', before, after });
          }
        } else {
          await insertPerson(trx, row);
          result.added++;
          await audit({ entity: 'person', entityId: person.code, action: 'import', after: toPerson((await getPerson(trx, person.code))!) });
        }
        bar?.tick();
      }
    } finally {
      bar?.stop();
    }
    return result;
  });
}

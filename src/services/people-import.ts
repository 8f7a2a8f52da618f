import type { ProgressBar, ServiceContext } from '../context.js';
import { ValidationError, type Detail } from '../domain/errors.js';
import { fold, isValidCode, normaliseCode } from '../domain/names.js';
import { categoryFromPosition, codeSequence, parseCodePrefix, parsePerson, personKey, type PersonFields, type PersonInput } from '../domain/people.js';
import { formatVnDate } from '../domain/dates.js';
import {
  allSubjectCodes, getPerson, insertPerson, listPeople, listUnits, updatePerson, type PersonRow, type PersonWithUnit,
} from '../db/repos/subjects.js';
import { transact } from './database.js';
import { readTable, type ColumnSpec } from './import/read-table.js';
import { toPerson, toRow } from './people.js';

/** The people file (CLI.md "Import files"): English or Vietnamese titles. */
export const PEOPLE_COLUMNS: ColumnSpec[] = [
  // Office staff lists often have none (STT, Họ và tên, Chức vụ, Đơn vị, Ngày sinh): --code-prefix then gives codes.
  { key: 'code', titles: ['code', 'Mã', 'Mã số', 'Mã cán bộ', 'Mã CB'], required: false },
  // The full name in one column, or split as many staff lists have it: "Họ và tên đệm" + "Tên".
  { key: 'name', titles: ['name', 'Họ và tên', 'Họ tên'], required: false },
  { key: 'familyName', titles: ['family name', 'surname', 'Họ và tên đệm', 'Họ, tên đệm', 'Họ và chữ đệm', 'Họ đệm'], required: false },
  { key: 'givenName', titles: ['given name', 'first name', 'Tên'], required: false },
  { key: 'unit', titles: ['unit', 'Đơn vị', 'Mã đơn vị', 'Đơn vị công tác'], required: true },
  // Without a category column, the category follows the position (Trưởng khoa… → leader).
  { key: 'category', titles: ['category', 'Loại', 'Phân loại', 'Đối tượng'], required: false },
  { key: 'position', titles: ['position', 'Chức vụ'], required: false },
  { key: 'partyMember', titles: ['partyMember', 'party member', 'Đảng viên'], required: false },
  { key: 'gender', titles: ['gender', 'Giới tính'], required: false },
  { key: 'born', titles: ['born', 'Ngày sinh', 'Ngày tháng năm sinh', 'date of birth'], required: false },
];

export interface ImportOptions {
  dryRun?: boolean;
  /** Rows whose code is already a person update that person instead of being refused. */
  update?: boolean;
  /**
   * For rows without a code (a list with no code column): a person already here is found by name and
   * date of birth; anyone else gets the next code with this prefix (`CB` → CB037).
   */
  codePrefix?: string;
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
  /** People whose category was taken from their position, and how many of them are leaders. */
  inferred: number;
  inferredLeaders: number;
  /** The codes given to new people (`--code-prefix`), in the file's order. */
  codes: { line: number; code: string; name: string; unit: string }[];
}

/** The stored column each optional file column fills: left alone on update when the file lacks it. */
const OPTIONAL_COLUMNS: Record<string, keyof PersonRow> = {
  category: 'category',
  position: 'position',
  partyMember: 'party_member',
  gender: 'gender',
  born: 'born',
};

/** What an update from the file would change in `existing` (empty when nothing). */
/** What a file never changes on an existing person: the code, when it was created, whether active. */
const KEPT: ReadonlySet<keyof PersonRow> = new Set<keyof PersonRow>(['code', 'created_at', 'active']);

function changesFor(existing: PersonWithUnit, row: PersonRow, present: string[]): Partial<PersonRow> {
  const changes: Partial<PersonRow> = {};
  for (const [key, value] of Object.entries(row) as [keyof PersonRow, unknown][]) {
    if (KEPT.has(key)) continue;
    const from = Object.entries(OPTIONAL_COLUMNS).find(([, col]) => col === key)?.[0];
    if (from && !present.includes(from)) continue;
    if (existing[key] !== value) (changes as Record<string, unknown>)[key] = value;
  }
  return changes;
}

/** All rows or none: every bad row is reported with its line, and nothing is written. */
export async function importPeople(ctx: ServiceContext, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const table = await readTable(file, PEOPLE_COLUMNS);
  const has = (k: string) => table.columns.includes(k);
  if (!has('name') && !(has('familyName') && has('givenName'))) {
    const titles = PEOPLE_COLUMNS.find((c) => c.key === 'name')!.titles;
    throw new ValidationError('import.missingColumn', { file, column: titles[0], titles: titles.join(' / ') });
  }
  if (!has('category') && !has('position')) throw new ValidationError('import.noCategory', { file });
  const prefix = opts.codePrefix === undefined ? null : parseCodePrefix(opts.codePrefix);
  if (prefix && !prefix.ok) throw new ValidationError(prefix.problem.key, prefix.problem.params);
  if (!has('code') && !prefix) throw new ValidationError('import.noCodeColumn', { file });
  const today = ctx.clock.today();
  let inferred = 0;
  let inferredLeaders = 0;
  return transact(ctx, async (trx, audit) => {
    const allUnits = await listUnits(trx);
    const units = new Map(allUnits.map((u) => [u.code, u]));
    // Clerks often write the unit's name ("Khoa Lý luận cơ sở") where the code belongs: accept a name
    // that names exactly one unit.
    // Dashes, commas and spacing are ignored: "Phòng Tổ chức - Hành chính" names "Phòng Tổ chức – Hành chính".
    const nameKey = (s: string) => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();
    const byName = new Map<string, string | null>();
    for (const u of allUnits) byName.set(nameKey(u.name), byName.has(nameKey(u.name)) ? null : u.code);
    const taken = await allSubjectCodes(trx);
    // Rows without a code: who is already here, by name and date of birth; the codes to give the others.
    const known = new Map<string, PersonWithUnit[]>();
    for (const p of prefix?.ok ? await listPeople(trx) : []) {
      const key = personKey(p.name, p.born);
      known.set(key, [...(known.get(key) ?? []), p]);
    }
    const nextCode = prefix?.ok ? codeSequence(prefix.value, taken) : null;
    const seenPerson = new Map<string, number>();
    const codes: ImportResult['codes'] = [];
    const seen = new Map<string, number>();
    const problems: Detail[] = [];
    const valid: { line: number; person: PersonFields; existing?: PersonWithUnit }[] = [];
    for (const row of table.rows) {
      const cells = { ...row.cells } as PersonInput & { familyName?: string; givenName?: string };
      if (!cells.name && (cells.familyName || cells.givenName)) cells.name = `${cells.familyName ?? ''} ${cells.givenName ?? ''}`;
      if (!cells.category?.trim()) {
        const category = categoryFromPosition(cells.position);
        if (category) {
          cells.category = category;
          inferred++;
          if (category === 'leader') inferredLeaders++;
        }
      }
      let unitName: string | undefined;
      if (cells.unit && !units.has(normaliseCode(cells.unit))) {
        const code = byName.get(nameKey(cells.unit));
        if (code) cells.unit = code;
        else if (!isValidCode(normaliseCode(cells.unit))) unitName = cells.unit;
      }
      const coded = !!cells.code?.trim() || !nextCode;
      // A row to be matched or given a code is checked under a stand-in code.
      if (!coded) cells.code = 'X';
      const { value, problems: rowProblems } = parsePerson(cells, today);
      const here = rowProblems.map((p) => ({ ...p, line: row.line }));
      let matched: PersonWithUnit | undefined;
      if (!coded && value.name) {
        const key = personKey(value.name, value.born);
        const earlier = seenPerson.get(key);
        const born = value.born ? formatVnDate(value.born) : '—';
        const same = known.get(key) ?? [];
        if (earlier !== undefined) here.push({ line: row.line, key: 'import.samePersonInFile', params: { name: value.name, born, other: earlier } });
        else if (same.length > 1) {
          here.push({ line: row.line, key: 'import.ambiguousPerson', params: { name: value.name, born, who: same.map((p) => `${p.code} (${p.unit_name})`).join(', ') } });
        }
        seenPerson.set(key, row.line);
        matched = same.length === 1 ? same[0] : undefined;
        value.code = matched?.code ?? '';
      }
      // Neither a unit's code nor its name: say so, rather than "not a valid code".
      if (unitName !== undefined) {
        const at = here.findIndex((p) => p.key === 'invalid.code' && p.params?.field === 'unit');
        if (at >= 0) here[at] = { line: row.line, key: 'import.unknownUnitName', params: { value: unitName } };
      }
      if (value.code) {
        const earlier = seen.get(value.code);
        if (earlier !== undefined) here.push({ line: row.line, key: 'import.duplicateInFile', params: { code: value.code, other: earlier } });
        else seen.set(value.code, row.line);
      }
      let existing: PersonWithUnit | undefined = matched;
      if (matched && here.length === 0 && !opts.update && Object.keys(changesFor(matched, toRow(value, ctx.clock.now()), table.columns)).length > 0) {
        here.push({ line: row.line, key: 'import.matchedDiffers', params: { code: matched.code, name: matched.name } });
      }
      if (coded && value.code && taken.has(value.code)) {
        const person = await getPerson(trx, value.code);
        if (person && opts.update) existing = person;
        else here.push({ line: row.line, key: person ? 'import.codeExists' : 'code.takenByUnit', params: { code: value.code } });
      }
      if (value.unit) {
        const unit = units.get(value.unit);
        if (!unit) here.push({ line: row.line, key: 'import.unknownUnit', params: { code: value.unit } });
        else if (!unit.active) here.push({ line: row.line, key: 'unit.retired', params: { code: unit.code, name: unit.name } });
      }
      if (here.length > 0) problems.push(...here);
      else {
        if (!coded && !matched) {
          value.code = nextCode!();
          codes.push({ line: row.line, code: value.code, name: value.name, unit: value.unit });
        }
        valid.push({ line: row.line, person: value, existing });
      }
    }
    if (problems.length > 0) {
      const lines = new Set(problems.map((p) => p.line)).size;
      throw new ValidationError('import.rejected', { file, bad: lines, total: table.rows.length }, problems);
    }
    const result: ImportResult = { file, rows: valid.length, added: 0, updated: 0, unchanged: 0, dryRun: !!opts.dryRun, inferred, inferredLeaders, codes };
    const now = ctx.clock.now();
    if (opts.dryRun) {
      for (const { person, existing } of valid) {
        if (!existing) result.added++;
        else if (Object.keys(changesFor(existing, toRow(person, now), table.columns)).length === 0) result.unchanged++;
        else result.updated++;
      }
      return result;
    }
    const bar = await opts.progress?.(valid.length);
    try {
      for (const { person, existing } of valid) {
        const row = toRow(person, now);
        if (existing) {
          const changes = changesFor(existing, row, table.columns);
          if (Object.keys(changes).length === 0) result.unchanged++;
          else {
            const before = toPerson(existing);
            await updatePerson(trx, row.code, changes);
            const after = toPerson((await getPerson(trx, row.code))!);
            result.updated++;
            await audit({ entity: 'person', entityId: row.code, action: 'import-update', before, after });
          }
        } else {
          await insertPerson(trx, row);
          result.added++;
          // The row as stored (the unit was checked above): no need to read it back.
          await audit({ entity: 'person', entityId: person.code, action: 'import', after: toPerson({ ...row, unit_name: units.get(row.unit_code)!.name }) });
        }
        bar?.tick();
      }
    } finally {
      bar?.stop();
    }
    return result;
  });
}

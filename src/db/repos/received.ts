/** What a provincial office received from the schools (migration 0015). */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { ReceivedFilesTable, ReceivedKind, ReceivedRecordsTable, ReceivedSchoolsTable, ReceivedYearsTable } from '../schema.js';

export type ReceivedSchoolRow = Selectable<ReceivedSchoolsTable>;
export type ReceivedYearRow = Selectable<ReceivedYearsTable>;
export type ReceivedRecordRow = Selectable<ReceivedRecordsTable>;

export function getReceivedSchool(trx: Tx, id: string): Promise<ReceivedSchoolRow | undefined> {
  return trx.selectFrom('received_schools').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveReceivedSchool(trx: Tx, row: Insertable<ReceivedSchoolsTable>, exists: boolean): Promise<void> {
  if (exists) {
    const { id, created_at: _created, ...rest } = row;
    await trx.updateTable('received_schools').set(rest).where('id', '=', id).execute();
  } else await trx.insertInto('received_schools').values(row).execute();
}

export function getReceivedYear(trx: Tx, school: string, year: number): Promise<ReceivedYearRow | undefined> {
  return trx.selectFrom('received_years').selectAll().where('school_id', '=', school).where('year', '=', year).executeTakeFirst();
}

export async function saveReceivedYear(trx: Tx, row: Insertable<ReceivedYearsTable>, exists: boolean): Promise<void> {
  if (exists) {
    const { school_id, year, received_at: _first, ...rest } = row;
    await trx.updateTable('received_years').set(rest).where('school_id', '=', school_id).where('year', '=', year).execute();
  } else await trx.insertInto('received_years').values(row).execute();
}

export function receivedRecords(trx: Tx, school: string, year: number): Promise<ReceivedRecordRow[]> {
  return trx.selectFrom('received_records').selectAll().where('school_id', '=', school).where('year', '=', year).orderBy('id').execute();
}

export async function insertReceivedRecord(trx: Tx, row: Insertable<ReceivedRecordsTable>): Promise<void> {
  await trx.insertInto('received_records').values(row).execute();
}

export async function updateReceivedRecord(trx: Tx, school: string, year: number, id: string, set: { kind: ReceivedKind; body: string; signed: number; updated_at: string }): Promise<void> {
  await trx.updateTable('received_records').set(set).where('school_id', '=', school).where('year', '=', year).where('id', '=', id).execute();
}

export async function deleteReceivedRecord(trx: Tx, school: string, year: number, id: string): Promise<void> {
  await trx.deleteFrom('received_records').where('school_id', '=', school).where('year', '=', year).where('id', '=', id).execute();
}

/** The files of a school's year, without their content. */
export function receivedFileList(trx: Tx, school: string, year: number): Promise<{ name: string; sha256: string; size: number }[]> {
  return trx.selectFrom('received_files').select(['name', 'sha256', 'size']).where('school_id', '=', school).where('year', '=', year).orderBy('name').execute();
}

export async function putReceivedFile(trx: Tx, row: Insertable<ReceivedFilesTable>, exists: boolean): Promise<void> {
  if (exists) {
    await trx
      .updateTable('received_files')
      .set({ sha256: row.sha256, size: row.size, content: Buffer.from(row.content) })
      .where('school_id', '=', row.school_id)
      .where('year', '=', row.year)
      .where('name', '=', row.name)
      .execute();
  } else await trx.insertInto('received_files').values({ ...row, content: Buffer.from(row.content) }).execute();
}

export async function deleteReceivedFile(trx: Tx, school: string, year: number, name: string): Promise<void> {
  await trx.deleteFrom('received_files').where('school_id', '=', school).where('year', '=', year).where('name', '=', name).execute();
}

/** Every school's year received for a year, with the school, ordered by the school's name later. */
export function receivedYearsOf(trx: Tx, year: number) {
  return trx
    .selectFrom('received_years as y')
    .innerJoin('received_schools as s', 's.id', 'y.school_id')
    .select(['y.school_id', 'y.year', 'y.version', 'y.received_at', 'y.updated_at', 'y.package_sha256', 's.name', 's.full_name'])
    .where('y.year', '=', year)
    .execute();
}

/** The records of some kinds received for a year, from every school. */
export function receivedRecordsOfKinds(trx: Tx, year: number, kinds: ReceivedKind[]): Promise<ReceivedRecordRow[]> {
  return trx.selectFrom('received_records').selectAll().where('year', '=', year).where('kind', 'in', kinds).orderBy('school_id').orderBy('id').execute();
}

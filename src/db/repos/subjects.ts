import type { Selectable, Insertable, Updateable } from 'kysely';
import type { Tx } from '../tx.js';
import type { PeopleTable, UnitsTable } from '../schema.js';

export type UnitRow = Selectable<UnitsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type PersonWithUnit = PersonRow & { unit_name: string };

/** Units and people share one code space: the kind a code names, if any. */
export async function subjectKind(trx: Tx, code: string): Promise<'person' | 'unit' | undefined> {
  const r = await trx.selectFrom('subjects').select('kind').where('code', '=', code).executeTakeFirst();
  return r?.kind;
}

export function getUnit(trx: Tx, code: string): Promise<UnitRow | undefined> {
  return trx.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listUnits(trx: Tx): Promise<UnitRow[]> {
  return trx.selectFrom('units').selectAll().execute();
}

export async function insertUnit(trx: Tx, row: Insertable<UnitsTable>): Promise<void> {
  await trx.insertInto('subjects').values({ code: row.code, kind: 'unit' }).execute();
  await trx.insertInto('units').values(row).execute();
}

export async function updateUnit(trx: Tx, code: string, changes: Updateable<UnitsTable>): Promise<void> {
  await trx.updateTable('units').set(changes).where('code', '=', code).execute();
}

export async function countMembers(trx: Tx): Promise<Map<string, { active: number; total: number }>> {
  const rows = await trx
    .selectFrom('people')
    .select((eb) => ['unit_code', eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('active').as('active')])
    .groupBy('unit_code')
    .execute();
  return new Map(rows.map((r) => [r.unit_code, { active: Number(r.active), total: Number(r.total) }]));
}

function peopleQuery(trx: Tx) {
  return trx.selectFrom('people').innerJoin('units', 'units.code', 'people.unit_code').selectAll('people').select('units.name as unit_name');
}

export function getPerson(trx: Tx, code: string): Promise<PersonWithUnit | undefined> {
  return peopleQuery(trx).where('people.code', '=', code).executeTakeFirst();
}

export function listPeople(trx: Tx, filter: { unit?: string; category?: string } = {}): Promise<PersonWithUnit[]> {
  let q = peopleQuery(trx);
  if (filter.unit) q = q.where('people.unit_code', '=', filter.unit);
  if (filter.category) q = q.where('people.category', '=', filter.category as 'leader' | 'staff');
  return q.execute();
}

export async function insertPerson(trx: Tx, row: Insertable<PeopleTable>): Promise<void> {
  await trx.insertInto('subjects').values({ code: row.code, kind: 'person' }).execute();
  await trx.insertInto('people').values(row).execute();
}

export async function updatePerson(trx: Tx, code: string, changes: Updateable<PeopleTable>): Promise<void> {
  await trx.updateTable('people').set(changes).where('code', '=', code).execute();
}

export async function allSubjectCodes(trx: Tx): Promise<Set<string>> {
  return new Set((await trx.selectFrom('subjects').select('code').execute()).map((r) => r.code));
}

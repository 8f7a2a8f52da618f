/** Queries of the councils (emulation, initiative) and their rolls per year. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { CouncilMembersTable, CouncilsTable } from '../schema.js';

export type CouncilRow = Selectable<CouncilsTable>;

/** One member of a roll, with the person's name and whether they still work here. */
export interface CouncilMemberRow {
  council_id: number;
  person_code: string;
  role: CouncilMembersTable['role'];
  sort: number;
  name: string;
  active: number;
}

export function getCouncil(trx: Tx, kind: CouncilsTable['kind'], year: number): Promise<CouncilRow | undefined> {
  return trx.selectFrom('councils').selectAll().where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
}

export function listCouncilRows(trx: Tx, filter: { kind?: CouncilsTable['kind']; year?: number }): Promise<CouncilRow[]> {
  let q = trx.selectFrom('councils').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  return q.orderBy('year').orderBy('kind').execute();
}

export async function insertCouncil(trx: Tx, row: Insertable<CouncilsTable>): Promise<number> {
  const r = await trx.insertInto('councils').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The rolls of these councils, in the order they were given. */
export function councilMemberRows(trx: Tx, councilIds: number[]): Promise<CouncilMemberRow[]> {
  if (councilIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('council_members as m')
    .innerJoin('people as p', 'p.code', 'm.person_code')
    .select(['m.council_id', 'm.person_code', 'm.role', 'm.sort', 'p.name', 'p.active'])
    .where('m.council_id', 'in', councilIds)
    .orderBy('m.council_id')
    .orderBy('m.sort')
    .execute();
}

/** Replaces the whole roll of a council. */
export async function replaceCouncilMembers(trx: Tx, councilId: number, members: Omit<Insertable<CouncilMembersTable>, 'council_id'>[]): Promise<void> {
  await trx.deleteFrom('council_members').where('council_id', '=', councilId).execute();
  if (members.length > 0) await trx.insertInto('council_members').values(members.map((m) => ({ ...m, council_id: councilId }))).execute();
}

/** How many scores were given to applications of a year (the initiative council's roll is in use once there is one). */
export async function countScoresOfYear(trx: Tx, year: number): Promise<number> {
  const r = await trx
    .selectFrom('initiative_scores as s')
    .innerJoin('initiative_applications as a', 'a.initiative_code', 's.initiative_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    // The council of a year reviews what was applied for in that year.
    .where('a.applied_on', '>=', `${year}-01-01`)
    .where('a.applied_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

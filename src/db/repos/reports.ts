/** What reports and the quarterly commendation list read that no other repository lists. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { CommendListsTable } from '../schema.js';

export type CommendListRow = Selectable<CommendListsTable>;

/** Ratings of these periods (of one level, when given) with each person's name and unit (active or not: a report tells the past). */
export function ratingsWithPeople(trx: Tx, periods: string[], level?: string) {
  if (periods.length === 0) return Promise.resolve([]);
  let q = trx
    .selectFrom('ratings as r')
    .innerJoin('people as p', 'p.code', 'r.person_code')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select(['r.person_code', 'r.period', 'r.rating', 'p.name', 'p.unit_code', 'u.name as unit_name'])
    .where('r.period', 'in', periods);
  if (level) q = q.where('r.rating', '=', level);
  return q.orderBy('r.person_code').orderBy('r.period').execute();
}

/** Initiative council decisions dated in a range, with the work's title, kind and unit. */
export function decisionsBetween(trx: Tx, from: string, to: string) {
  return trx
    .selectFrom('initiative_decisions as d')
    .innerJoin('initiatives as i', 'i.code', 'd.initiative_code')
    .select(['d.initiative_code', 'd.decision', 'd.decided_on', 'i.title', 'i.kind', 'i.unit_code', 'i.year'])
    .where('d.decided_on', '>=', from)
    .where('d.decided_on', '<=', to)
    .orderBy('d.decided_on')
    .orderBy('d.initiative_code')
    .execute();
}

/** People with their unit's name (all, active or not). */
export function peopleWithUnits(trx: Tx, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select(['p.code', 'p.name', 'p.unit_code', 'u.name as unit_name'])
    .where('p.code', 'in', [...new Set(codes)])
    .execute();
}

/** The latest round's results of each ballot of a year, with the ballot's title. */
export function ballotResultsOfYear(trx: Tx, year: number) {
  return trx
    .selectFrom('ballot_results as r')
    .innerJoin('ballots as b', 'b.id', 'r.ballot_id')
    .select(['r.ballot_id', 'r.round', 'r.nomination_id', 'r.agree', 'r.disagree', 'r.blank', 'r.base', 'r.passed', 'b.award', 'b.held_on'])
    .where('b.year', '=', year)
    .where((eb) => eb('r.round', '=', eb.selectFrom('ballot_rounds as x').select((e) => e.fn.max('x.round').as('m')).whereRef('x.ballot_id', '=', 'r.ballot_id')))
    .orderBy('r.ballot_id')
    .orderBy('r.nomination_id')
    .execute();
}

export function getCommendList(trx: Tx, quarter: string): Promise<CommendListRow | undefined> {
  return trx.selectFrom('commend_lists').selectAll().where('quarter', '=', quarter).executeTakeFirst();
}

export function commendListsOfYear(trx: Tx, year: number): Promise<CommendListRow[]> {
  return trx.selectFrom('commend_lists').selectAll().where('quarter', 'like', `${year}-Q%`).orderBy('quarter').execute();
}

export async function insertCommendList(trx: Tx, row: Insertable<CommendListsTable>): Promise<void> {
  await trx.insertInto('commend_lists').values(row).execute();
}

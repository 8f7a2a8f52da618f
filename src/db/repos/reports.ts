/** What reports and the quarterly commendation list read that no other repository lists. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { CommendListsTable } from '../schema.js';
import { nominationJoins } from './nominations.js';
import { registrationJoins } from './registrations.js';

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

/**
 * The active registrations of a year with only what reports show: the subject (a person's name and
 * unit, or the unit itself) and the title. Filtered in SQL, not read whole and filtered after.
 */
export async function activeRegistrationsOfYear(trx: Tx, year: number) {
  const rows = await registrationJoins(trx)
    .select(['r.subject_code', 's.kind as subject_kind', 'r.award', 't.name as award_name', 'p.name as person_name', 'p.unit_code as person_unit', 'pu.name as person_unit_name', 'su.name as own_name'])
    .where('r.year', '=', year)
    .where('r.status', '=', 'active')
    .execute();
  return rows.map((r) => {
    const person = r.subject_kind === 'person';
    return {
      subject: r.subject_code, kind: r.subject_kind, award: r.award, awardName: r.award_name,
      name: (person ? r.person_name : r.own_name) ?? '', unit: (person ? r.person_unit : r.subject_code) ?? '', unitName: (person ? r.person_unit_name : r.own_name) ?? '',
    };
  });
}

/** The nominations of a year with only what reports show (the subject's name, the title, the proposing unit). */
export async function nominationsOfYear(trx: Tx, year: number) {
  const rows = await nominationJoins(trx)
    .select(['n.id', 'n.subject_code', 'n.award', 'n.status', 's.kind as subject_kind', 'p.name as person_name', 'su.name as own_name', 't.name as award_name', 'bu.name as by_unit_name'])
    .where('n.year', '=', year)
    .orderBy('n.id')
    .execute();
  return rows.map((n) => ({
    id: n.id, subject: n.subject_code, name: (n.subject_kind === 'person' ? n.person_name : n.own_name) ?? '', award: n.award, awardName: n.award_name,
    status: n.status, byUnitName: n.by_unit_name,
  }));
}

/** Titles and kinds of these initiatives (one query, however many). */
export async function initiativeTitles(trx: Tx, codes: string[]): Promise<Map<string, { title: string; kind: 'initiative' | 'research' }>> {
  if (codes.length === 0) return new Map();
  const rows = await trx.selectFrom('initiatives').select(['code', 'title', 'kind']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, { title: r.title, kind: r.kind }]));
}


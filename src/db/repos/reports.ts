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
 * The registrations in force of a year, counted per unit (a person's unit, or the unit itself) and
 * title: what reports show of them. Counted in SQL, not read whole and counted after.
 */
export async function registrationCounts(trx: Tx, year: number) {
  const rows = await registrationJoins(trx)
    .select((eb) => ['s.kind as subject_kind', 'r.award', 't.name as award_name', 'p.unit_code as person_unit', 'pu.name as person_unit_name', 'su.code as own_code', 'su.name as own_name', eb.fn.countAll().as('n')])
    .where('r.year', '=', year)
    .where('r.status', '=', 'active')
    .groupBy(['s.kind', 'r.award', 't.name', 'p.unit_code', 'pu.name', 'su.code', 'su.name'])
    .execute();
  return rows.map((r) => {
    const person = r.subject_kind === 'person';
    return {
      unit: (person ? r.person_unit : r.own_code) ?? '', unitName: (person ? r.person_unit_name : r.own_name) ?? '',
      award: r.award, awardName: r.award_name, count: Number(r.n),
    };
  });
}

/** Ratings of these periods counted per period and level (of people with a unit, as the lists show them). */
export async function ratingCounts(trx: Tx, periods: string[]) {
  if (periods.length === 0) return [];
  const rows = await trx
    .selectFrom('ratings as r')
    .innerJoin('people as p', 'p.code', 'r.person_code')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select((eb) => ['r.period', 'r.rating', eb.fn.countAll().as('n')])
    .where('r.period', 'in', periods)
    .groupBy(['r.period', 'r.rating'])
    .execute();
  return rows.map((r) => ({ period: r.period, rating: r.rating, count: Number(r.n) }));
}

/** The initiatives registered for a year, with their unit's name and the council's decision date (one query). */
export function initiativesOfYear(trx: Tx, year: number) {
  return trx
    .selectFrom('initiatives as i')
    .leftJoin('units as u', 'u.code', 'i.unit_code')
    .leftJoin('initiative_decisions as d', 'd.initiative_code', 'i.code')
    .select(['i.code', 'i.kind', 'i.title', 'i.unit_code', 'u.name as unit_name', 'i.status', 'i.registered_on', 'i.status_on', 'd.decided_on'])
    .where('i.year', '=', year)
    .orderBy('i.code')
    .execute();
}

/**
 * Per unit and month, the monthly reports due and made in `year` by the initiatives that could report
 * in it (of that year or earlier, still running or finished during it): a month is due when reported
 * for, or when the initiative was registered by the month's last day and still running at it
 * (domain/progress.ts countsInMonth). Counted in SQL: a month per initiative, its report found by the
 * (initiative, month) key, never the year's reports read whole.
 */
export async function reportingCounts(trx: Tx, year: number, months: { month: string; lastDay: string }[]) {
  if (months.length === 0) return [];
  const running = ['registered', 'in_progress'] as const;
  const table = months
    .map((m) => trx.selectNoFrom((eb) => [eb.cast<string>(eb.val(m.month), 'text').as('month'), eb.cast<string>(eb.val(m.lastDay), 'text').as('last_day')]))
    .reduce((a, b) => a.unionAll(b))
    .as('m');
  // The initiatives that could report, picked once (materialised: not again for every month), then
  // each paired with the months and its report of the month looked up by the (initiative, month) key.
  const rows = await trx
    .with((cte) => cte('ri').materialized(), (db) =>
      db
        .selectFrom('initiatives as i')
        .innerJoin('units as u', 'u.code', 'i.unit_code')
        .select(['i.code', 'i.unit_code', 'u.name as unit_name', 'i.registered_on', 'i.status', 'i.status_on'])
        .where('i.year', '<=', year)
        .where((eb) => eb.or([eb('i.status', 'in', running), eb('i.status_on', '>=', `${year}-01-01`)])),
    )
    .selectFrom('ri as i')
    .innerJoin(table, (j) => j.onTrue())
    .leftJoin('progress_reports as r', (j) => j.onRef('r.initiative_code', '=', 'i.code').onRef('r.month', '=', 'm.month'))
    .select((eb) => ['i.unit_code', 'i.unit_name', 'm.month', eb.fn.count('r.id').as('made'), eb.fn.countAll().as('due')])
    .where((eb) =>
      eb.or([
        eb('r.id', 'is not', null),
        eb.and([eb('i.registered_on', '<=', eb.ref('m.last_day')), eb.or([eb('i.status', 'in', running), eb('i.status_on', '>', eb.ref('m.last_day'))])]),
      ]),
    )
    .groupBy(['i.unit_code', 'i.unit_name', 'm.month'])
    .orderBy('i.unit_code')
    .orderBy('m.month')
    .execute();
  return rows.map((r) => ({ unit: r.unit_code, unitName: r.unit_name, month: r.month, due: Number(r.due), made: Number(r.made) }));
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


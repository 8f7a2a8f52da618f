/**
 * The questions `status` asks of years of data, one query each: only what is due comes back, found
 * through the indexes (initiatives by status and year, reports by initiative and month, ratings by
 * period, recognitions by date), counted in SQL where the answer is a count. Plain Kysely: the same
 * query runs on SQLite and PostgreSQL.
 */
import type { ExpressionBuilder, ReferenceExpression } from 'kysely';
import type { Tx } from '../tx.js';
import type { DB } from '../schema.js';
import { RUNNING_STATUSES } from '../../domain/progress.js';

/** The latest month an initiative (`i`) reported for, before `before` when given (a scalar subquery). */
function lastMonthOf(eb: ExpressionBuilder<DB & { i: DB['initiatives'] }, 'i'>, before?: string) {
  let q = eb.selectFrom('progress_reports as r').select((e) => e.fn.max('r.month').as('m')).whereRef('r.initiative_code', '=', 'i.code');
  if (before !== undefined) q = q.where('r.month', '<', before);
  return q.$asScalar();
}

export interface UnreportedRow {
  code: string;
  title: string;
  unit_code: string;
  unit_name: string;
  /** The latest month it reported for before that month; null when never. */
  last: string | null;
}

/**
 * Initiatives of the month's year, still running and registered by `registeredBy` (the month's last
 * day), with no report for `month`; of one unit when given.
 */
export async function unreportedInitiatives(trx: Tx, month: string, registeredBy: string, unit?: string): Promise<UnreportedRow[]> {
  let q = trx
    .selectFrom('initiatives as i')
    .innerJoin('units as u', 'u.code', 'i.unit_code')
    .select((eb) => ['i.code', 'i.title', 'i.unit_code', 'u.name as unit_name', lastMonthOf(eb, month).as('last')])
    .where('i.status', 'in', [...RUNNING_STATUSES])
    .where('i.year', '=', Number(month.slice(0, 4)))
    .where('i.registered_on', '<=', registeredBy)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('progress_reports as r').select('r.month').whereRef('r.initiative_code', '=', 'i.code').where('r.month', '=', month))));
  if (unit) q = q.where('i.unit_code', '=', unit);
  return (await q.execute()).map((r) => ({ ...r, last: r.last === null ? null : String(r.last) }));
}

/**
 * Running initiatives silent since `upTo` (a month): their latest report is for it or earlier, or,
 * never reported, they were registered before `registeredBefore` (the first day of the month after it).
 */
export async function silentInitiatives(trx: Tx, upTo: string, registeredBefore: string): Promise<UnreportedRow[]> {
  const running = trx
    .selectFrom('initiatives as i')
    .innerJoin('units as u', 'u.code', 'i.unit_code')
    .select((eb) => ['i.code', 'i.title', 'i.unit_code', 'u.name as unit_name', 'i.registered_on', lastMonthOf(eb).as('last')])
    .where('i.status', 'in', [...RUNNING_STATUSES])
    .as('t');
  const rows = await trx
    .selectFrom(running)
    .select(['t.code', 't.title', 't.unit_code', 't.unit_name', 't.last'])
    .where((eb) => eb.or([eb('t.last', '<=', upTo), eb.and([eb('t.last', 'is', null), eb('t.registered_on', '<', registeredBefore)])]))
    .execute();
  return rows.map((r) => ({ ...r, last: r.last === null ? null : String(r.last) }));
}

/** The quarter of a date known to fall in the consecutive `quarters` (a CASE on their last days). */
function quarterOf<D, TB extends keyof D>(eb: ExpressionBuilder<D, TB>, date: ReferenceExpression<D, TB>, quarters: QuarterRange[]) {
  const last = quarters[quarters.length - 1];
  if (quarters.length === 1) return eb.val(last.quarter);
  const [first, ...rest] = quarters.slice(0, -1);
  let c = eb.case().when(date, '<=', first.to).then(first.quarter);
  for (const q of rest) c = c.when(date, '<=', q.to).then(q.quarter);
  return c.else(last.quarter).end();
}

/** A quarter and its first and last days. */
export interface QuarterRange {
  quarter: string;
  from: string;
  to: string;
}

/**
 * How many people each quarter's commendation list would hold (reports/commend.ts, counted here: each
 * person once whatever the reasons): rated HTXSNV for it, an author of an initiative recognised by a
 * decision dated in it, or granted a title (in force, not an initiative's) by a decision dated in it.
 * Only the quarters whose list is neither final nor written (an issued notice in the register), and
 * only those with someone on it. The quarters are consecutive, oldest first.
 */
export async function commendCounts(trx: Tx, quarters: QuarterRange[]): Promise<Map<string, number>> {
  if (quarters.length === 0) return new Map();
  const from = quarters[0].from;
  const to = quarters[quarters.length - 1].to;
  const rated = trx
    .selectFrom('ratings as r')
    .innerJoin('people as p', 'p.code', 'r.person_code')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select(['r.period as quarter', 'r.person_code as person'])
    .where('r.period', 'in', quarters.map((q) => q.quarter))
    .where('r.rating', '=', 'HTXSNV');
  const authors = trx
    .selectFrom('initiative_decisions as d')
    .innerJoin('initiatives as i', 'i.code', 'd.initiative_code')
    .innerJoin('initiative_authors as a', 'a.initiative_code', 'd.initiative_code')
    .innerJoin('people as p', 'p.code', 'a.person_code')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select((eb) => [quarterOf(eb, 'd.decided_on', quarters).as('quarter'), 'a.person_code as person'])
    .where('d.decision', '=', 'recognised')
    .where('d.decided_on', '>=', from)
    .where('d.decided_on', '<=', to);
  const titled = trx
    .selectFrom('recognitions as r')
    .innerJoin('subjects as s', 's.code', 'r.subject_code')
    .select((eb) => [quarterOf(eb, 'r.decided_on', quarters).as('quarter'), 'r.subject_code as person'])
    .where('s.kind', '=', 'person')
    .where('r.status', '=', 'active')
    .where('r.initiative_code', 'is', null)
    .where('r.decided_on', '>=', from)
    .where('r.decided_on', '<=', to);
  const rows = await trx
    .selectFrom(rated.unionAll(authors).unionAll(titled).as('c'))
    .select((eb) => ['c.quarter', eb.fn.count('c.person').distinct().as('people')])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('commend_lists as l').select('l.quarter').whereRef('l.quarter', '=', 'c.quarter'))))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('documents as d').select('d.id').where('d.type', '=', 'commend-list').whereRef('d.ref', '=', 'c.quarter').where('d.status', '=', 'issued'))),
    )
    .groupBy('c.quarter')
    .execute();
  return new Map(rows.map((r) => [String(r.quarter), Number(r.people)]));
}

/**
 * For each title and year, the first closed ballot held by `today` whose nominations the council
 * passed and nobody has decided yet (`passed`: how many), in the order of years and ballots.
 */
export async function ballotsAwaitingDecision(trx: Tx, today: string) {
  const rows = await trx
    .selectFrom('ballots as b')
    .select((eb) => [
      'b.id', 'b.award', 'b.year', 'b.held_on',
      eb.selectFrom('nominations as n').select((e) => e.fn.countAll().as('c')).whereRef('n.year', '=', 'b.year').whereRef('n.award', '=', 'b.award').where('n.status', '=', 'passed').as('passed'),
    ])
    .where('b.status', '=', 'closed')
    .where('b.held_on', '<=', today)
    .where((eb) =>
      eb.not(eb.exists(
        eb.selectFrom('ballots as e').select('e.id').whereRef('e.year', '=', 'b.year').whereRef('e.award', '=', 'b.award')
          .where('e.status', '=', 'closed').where('e.held_on', '<=', today).whereRef('e.id', '<', 'b.id'),
      )),
    )
    .orderBy('b.year')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({ id: r.id, award: r.award, year: r.year, heldOn: r.held_on, passed: Number(r.passed ?? 0) })).filter((r) => r.passed > 0);
}

/**
 * Nominations the council passed by `today` that no decision has settled yet, with the subject's name
 * and the day of the last closed ballot that voted on them (null when none).
 */
export async function passedNominations(trx: Tx, today: string) {
  const rows = await trx
    .selectFrom('nominations as n')
    .innerJoin('subjects as s', 's.code', 'n.subject_code')
    .leftJoin('people as p', 'p.code', 'n.subject_code')
    .leftJoin('units as su', 'su.code', 'n.subject_code')
    .select((eb) => [
      'n.id', 'n.award', 'n.year', 'n.subject_code', 'n.status_on', 's.kind', 'p.name as person_name', 'su.name as unit_name',
      eb.selectFrom('ballot_items as bi').innerJoin('ballots as b', 'b.id', 'bi.ballot_id').select((e) => e.fn.max('b.held_on').as('d'))
        .whereRef('bi.nomination_id', '=', 'n.id').where('b.status', '=', 'closed').as('voted_on'),
    ])
    .where('n.status', '=', 'passed')
    .where('n.status_on', '<=', today)
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, award: r.award, year: r.year, subject: r.subject_code, statusOn: r.status_on,
    name: (r.kind === 'person' ? r.person_name : r.unit_name) ?? '', votedOn: r.voted_on === null ? null : String(r.voted_on),
  }));
}

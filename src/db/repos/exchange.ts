/** What the export of a school's year reads that no other repository lists. */
import type { Tx } from '../tx.js';
import type { OrgProfileRow } from './org.js';

/** The first organisation profile (the one `init` wrote): the school's identifier is derived from it. */
export function firstProfile(trx: Tx): Promise<OrgProfileRow | undefined> {
  return trx.selectFrom('org_profiles').selectAll().orderBy('valid_from').orderBy('id').limit(1).executeTakeFirst();
}

/** The audit rows that wrote people's records (created, edited, imported), oldest first. */
export function personAuditRows(trx: Tx, codes: string[]): Promise<{ id: number; entity_id: string | null; after: string | null }[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('audit')
    .select(['id', 'entity_id', 'after'])
    .where('entity', '=', 'person')
    .where('entity_id', 'in', [...new Set(codes)])
    .orderBy('id')
    .execute();
}

/** The first audit row of each of these entities (the moment each was recorded). */
export async function firstAuditIds(trx: Tx, entity: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('audit')
    .select((eb) => ['entity_id', eb.fn.min<number>('id').as('first')])
    .where('entity', '=', entity)
    .where('entity_id', 'in', [...new Set(ids)])
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id ?? '', Number(r.first)]));
}

/** How many people were rated at each level in each of these periods. */
export async function ratingCounts(trx: Tx, periods: string[]): Promise<{ period: string; rating: string; name: string; count: number }[]> {
  if (periods.length === 0) return [];
  const rows = await trx
    .selectFrom('ratings as r')
    .innerJoin('rating_levels as l', 'l.code', 'r.rating')
    .select((eb) => ['r.period', 'r.rating', 'l.name', 'l.rank', eb.fn.countAll<number>().as('count')])
    .where('r.period', 'in', periods)
    .groupBy(['r.period', 'r.rating', 'l.name', 'l.rank'])
    .orderBy('r.period')
    .orderBy('l.rank', 'desc')
    .execute();
  return rows.map((r) => ({ period: r.period, rating: r.rating, name: r.name, count: Number(r.count) }));
}

/**
 * For each nomination, the ballot round that decided it last: its counts and the round's counting
 * minutes (the latest round of the latest ballot it stood in).
 */
export async function lastBallotResults(trx: Tx, nominations: number[]) {
  if (nominations.length === 0) return new Map<number, { agree: number; disagree: number; blank: number; base: number; passed: number; minutes_id: number | null }>();
  const rows = await trx
    .selectFrom('ballot_results as r')
    .innerJoin('ballot_rounds as o', (j) => j.onRef('o.ballot_id', '=', 'r.ballot_id').onRef('o.round', '=', 'r.round'))
    .select(['r.nomination_id', 'r.ballot_id', 'r.round', 'r.agree', 'r.disagree', 'r.blank', 'r.base', 'r.passed', 'o.minutes_id'])
    .where('r.nomination_id', 'in', nominations)
    .orderBy('r.ballot_id')
    .orderBy('r.round')
    .execute();
  const out = new Map<number, (typeof rows)[number]>();
  for (const r of rows) out.set(r.nomination_id, r);
  return out;
}

/** Ballots' years and recognitions' years, by id: what a document's `ref` points at. */
export async function refYears(trx: Tx): Promise<{ ballots: Map<number, number>; recognitions: Map<number, number> }> {
  const ballots = await trx.selectFrom('ballots').select(['id', 'year']).execute();
  const recognitions = await trx.selectFrom('recognitions').select(['id', 'year']).execute();
  return { ballots: new Map(ballots.map((b) => [b.id, b.year])), recognitions: new Map(recognitions.map((r) => [r.id, r.year])) };
}

/** The works the initiative council recognised by a decision dated in the year, with the average score. */
export function initiativesRecognisedIn(trx: Tx, year: number) {
  return trx
    .selectFrom('initiative_decisions as d')
    .innerJoin('initiatives as i', 'i.code', 'd.initiative_code')
    .select(['i.code', 'i.kind', 'i.title', 'i.unit_code', 'i.field', 'd.decided_on', 'd.average'])
    .where('d.decision', '=', 'recognised')
    .where('d.decided_on', '>=', `${year}-01-01`)
    .where('d.decided_on', '<=', `${year}-12-31`)
    .orderBy('i.code')
    .execute();
}

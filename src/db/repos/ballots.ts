/** Queries of the secret ballot: frozen roll and rules, entries of the counts, rounds and results. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { BallotResultsTable, BallotRollTable, BallotRoundsTable, BallotsTable, BallotTalliesTable, BallotVotesTable } from '../schema.js';

export type BallotRow = Selectable<BallotsTable>;
export type RollRow = Selectable<BallotRollTable>;
export type TallyRow = Selectable<BallotTalliesTable>;
export type VoteRow = Selectable<BallotVotesTable>;
export type RoundRow = Selectable<BallotRoundsTable>;
export type ResultRow = Selectable<BallotResultsTable>;

export function getBallot(trx: Tx, id: number): Promise<BallotRow | undefined> {
  return trx.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listBallotRows(trx: Tx, filter: { year?: number; status?: 'open' | 'closed' }): Promise<BallotRow[]> {
  let q = trx.selectFrom('ballots').selectAll();
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('year').orderBy('id').execute();
}

export function openBallotOf(trx: Tx, year: number, award: string): Promise<BallotRow | undefined> {
  return trx.selectFrom('ballots').selectAll().where('year', '=', year).where('award', '=', award).where('status', '=', 'open').executeTakeFirst();
}

export async function insertBallot(trx: Tx, row: Insertable<BallotsTable>): Promise<number> {
  return (await trx.insertInto('ballots').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function closeBallotRow(trx: Tx, id: number, on: string, endsAt: string): Promise<void> {
  await trx.updateTable('ballots').set({ status: 'closed', closed_on: on, ends_at: endsAt }).where('id', '=', id).execute();
}

export async function insertRoll(trx: Tx, rows: Insertable<BallotRollTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('ballot_roll').values(rows).execute();
}

export function rollOf(trx: Tx, ballotId: number): Promise<RollRow[]> {
  return trx.selectFrom('ballot_roll').selectAll().where('ballot_id', '=', ballotId).orderBy('sort').execute();
}

export async function insertItems(trx: Tx, ballotId: number, nominationIds: number[]): Promise<void> {
  if (nominationIds.length === 0) return;
  await trx.insertInto('ballot_items').values(nominationIds.map((n, i) => ({ ballot_id: ballotId, nomination_id: n, sort: i + 1 }))).execute();
}

export async function itemsOf(trx: Tx, ballotId: number): Promise<number[]> {
  const rows = await trx.selectFrom('ballot_items').select('nomination_id').where('ballot_id', '=', ballotId).orderBy('sort').execute();
  return rows.map((r) => r.nomination_id);
}

/** The ballots a nomination was put on. */
export async function ballotsOfNomination(trx: Tx, nominationId: number): Promise<number[]> {
  const rows = await trx.selectFrom('ballot_items').select('ballot_id').where('nomination_id', '=', nominationId).orderBy('ballot_id').execute();
  return rows.map((r) => r.ballot_id);
}

export function talliesOf(trx: Tx, ballotId: number, round?: number): Promise<TallyRow[]> {
  let q = trx.selectFrom('ballot_tallies').selectAll().where('ballot_id', '=', ballotId);
  if (round !== undefined) q = q.where('round', '=', round);
  return q.orderBy('round').orderBy('entry').execute();
}

export function votesOf(trx: Tx, tallyIds: number[]): Promise<VoteRow[]> {
  if (tallyIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('ballot_votes').selectAll().where('tally_id', 'in', tallyIds).orderBy('tally_id').orderBy('nomination_id').execute();
}

/** Replaces one clerk's entry of a round (its votes with it). */
export async function replaceTally(trx: Tx, row: Insertable<BallotTalliesTable>, votes: Omit<Insertable<BallotVotesTable>, 'tally_id'>[]): Promise<number> {
  const old = await trx.selectFrom('ballot_tallies').select('id').where('ballot_id', '=', row.ballot_id).where('round', '=', row.round).where('entry', '=', row.entry).executeTakeFirst();
  if (old) {
    await trx.deleteFrom('ballot_votes').where('tally_id', '=', old.id).execute();
    await trx.deleteFrom('ballot_tallies').where('id', '=', old.id).execute();
  }
  const id = (await trx.insertInto('ballot_tallies').values(row).returning('id').executeTakeFirstOrThrow()).id;
  if (votes.length > 0) await trx.insertInto('ballot_votes').values(votes.map((v) => ({ ...v, tally_id: id }))).execute();
  return id;
}

export async function insertRound(trx: Tx, row: Insertable<BallotRoundsTable>, results: Insertable<BallotResultsTable>[]): Promise<void> {
  await trx.insertInto('ballot_rounds').values(row).execute();
  if (results.length > 0) await trx.insertInto('ballot_results').values(results).execute();
}

export function roundsOf(trx: Tx, ballotId: number): Promise<RoundRow[]> {
  return trx.selectFrom('ballot_rounds').selectAll().where('ballot_id', '=', ballotId).orderBy('round').execute();
}

export function resultsOf(trx: Tx, ballotId: number): Promise<ResultRow[]> {
  // In key order on both engines (SQLite gave it by its index; a server gives what it finds first).
  return trx.selectFrom('ballot_results').selectAll().where('ballot_id', '=', ballotId).orderBy('round').orderBy('nomination_id').execute();
}

/** The unit each person belongs to, with its name (for papers and minutes). */
export async function unitsOfPeople(trx: Tx, codes: string[]): Promise<Map<string, { code: string; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await trx
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .select(['p.code', 'u.code as unit_code', 'u.name as unit_name'])
    .where('p.code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { code: r.unit_code, name: r.unit_name }]));
}

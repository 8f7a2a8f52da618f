/** Queries of the initiative council's review: applications, scores, decisions. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../tx.js';
import type { InitiativeApplicationsTable, InitiativeDecisionsTable, InitiativeScoresTable } from '../schema.js';

export type ApplicationRow = Selectable<InitiativeApplicationsTable>;
export type ScoreRow = Selectable<InitiativeScoresTable>;
export type DecisionRow = Selectable<InitiativeDecisionsTable>;

export function getApplication(trx: Tx, code: string): Promise<ApplicationRow | undefined> {
  return trx.selectFrom('initiative_applications').selectAll().where('initiative_code', '=', code).executeTakeFirst();
}

export async function insertApplication(trx: Tx, row: Insertable<InitiativeApplicationsTable>): Promise<void> {
  await trx.insertInto('initiative_applications').values(row).execute();
}

export async function updateApplication(trx: Tx, code: string, changes: Updateable<InitiativeApplicationsTable>): Promise<void> {
  await trx.updateTable('initiative_applications').set(changes).where('initiative_code', '=', code).execute();
}

/** Applications of the initiatives of a year (every year without one), by initiative code. */
export function listApplications(trx: Tx, filter: { year?: number } = {}): Promise<ApplicationRow[]> {
  let q = trx
    .selectFrom('initiative_applications as a')
    .innerJoin('initiatives as i', 'i.code', 'a.initiative_code')
    .selectAll('a');
  // The year of the council that reviews it: the year it was applied in.
  if (filter.year !== undefined) q = q.where('a.applied_on', '>=', `${filter.year}-01-01`).where('a.applied_on', '<=', `${filter.year}-12-31`);
  return q.orderBy('a.initiative_code').execute();
}

/** Applications still waiting for the council (the initiative is `applied`) whose deadline is before `date`. */
export function pendingApplicationsDueBefore(trx: Tx, date: string): Promise<ApplicationRow[]> {
  return trx
    .selectFrom('initiative_applications as a')
    .innerJoin('initiatives as i', 'i.code', 'a.initiative_code')
    .selectAll('a')
    .where('i.status', '=', 'applied')
    .where('a.deadline', '<', date)
    .orderBy('a.deadline')
    .orderBy('a.initiative_code')
    .execute();
}

/** The scores given to these initiatives. */
export function scoresOf(trx: Tx, codes: string[]): Promise<ScoreRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return trx.selectFrom('initiative_scores').selectAll().where('initiative_code', 'in', codes).orderBy('initiative_code').orderBy('member_code').execute();
}

export function getScore(trx: Tx, code: string, member: string): Promise<ScoreRow | undefined> {
  return trx.selectFrom('initiative_scores').selectAll().where('initiative_code', '=', code).where('member_code', '=', member).executeTakeFirst();
}

export async function insertScore(trx: Tx, row: Insertable<InitiativeScoresTable>): Promise<void> {
  await trx.insertInto('initiative_scores').values(row).execute();
}

export async function updateScore(trx: Tx, code: string, member: string, changes: Updateable<InitiativeScoresTable>): Promise<void> {
  await trx.updateTable('initiative_scores').set(changes).where('initiative_code', '=', code).where('member_code', '=', member).execute();
}

export function decisionsOf(trx: Tx, codes: string[]): Promise<DecisionRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return trx.selectFrom('initiative_decisions').selectAll().where('initiative_code', 'in', codes).execute();
}

export async function insertDecision(trx: Tx, row: Insertable<InitiativeDecisionsTable>): Promise<void> {
  await trx.insertInto('initiative_decisions').values(row).execute();
}

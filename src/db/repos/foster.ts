/** The fostering watch list (foster_watch) and the tasks given to the people on it (foster_tasks). */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { FosterTasksTable, FosterWatchTable } from '../schema.js';

export type WatchRow = Selectable<FosterWatchTable>;
export type TaskRow = Selectable<FosterTasksTable>;
/** A watch with the names a list shows: the person, their unit, the mentor. */
export type WatchView = WatchRow & { person_name: string; unit_code: string; unit_name: string; mentor_name: string };

function watchViews(trx: Tx) {
  return trx
    .selectFrom('foster_watch as w')
    .innerJoin('people as p', 'p.code', 'w.person_code')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .innerJoin('people as m', 'm.code', 'w.mentor_code')
    .selectAll('w')
    .select(['p.name as person_name', 'p.unit_code as unit_code', 'u.name as unit_name', 'm.name as mentor_name']);
}

/** Every watch, or only the open ones (not ended). */
export function listWatchViews(trx: Tx, opts: { all?: boolean } = {}): Promise<WatchView[]> {
  let q = watchViews(trx);
  if (!opts.all) q = q.where('w.ended_on', 'is', null);
  return q.execute();
}

export function getWatchView(trx: Tx, id: number): Promise<WatchView | undefined> {
  return watchViews(trx).where('w.id', '=', id).executeTakeFirst();
}

/** The person's open watch (at most one: a unique index says so). */
export function openWatchOf(trx: Tx, person: string): Promise<WatchView | undefined> {
  return watchViews(trx).where('w.person_code', '=', person).where('w.ended_on', 'is', null).executeTakeFirst();
}

export async function insertWatch(trx: Tx, row: Insertable<FosterWatchTable>): Promise<number> {
  const r = await trx.insertInto('foster_watch').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function endWatch(trx: Tx, id: number, date: string, reason: string): Promise<void> {
  await trx.updateTable('foster_watch').set({ ended_on: date, end_reason: reason }).where('id', '=', id).execute();
}

/** The tasks of the given watches, oldest first. */
export function tasksOf(trx: Tx, watchIds: number[]): Promise<TaskRow[]> {
  if (watchIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('foster_tasks').selectAll().where('watch_id', 'in', watchIds).orderBy('due').orderBy('id').execute();
}

export function getTask(trx: Tx, id: number): Promise<TaskRow | undefined> {
  return trx.selectFrom('foster_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTask(trx: Tx, row: Insertable<FosterTasksTable>): Promise<number> {
  const r = await trx.insertInto('foster_tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function completeTask(trx: Tx, id: number, date: string, result: string): Promise<void> {
  await trx.updateTable('foster_tasks').set({ done_on: date, result }).where('id', '=', id).execute();
}

/** Queries of ratings, emulation movements and achievements. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { AchievementsTable, MovementsTable, RatingsTable } from '../schema.js';

export type RatingRow = Selectable<RatingsTable>;
export type MovementRow = Selectable<MovementsTable>;
export type AchievementRow = Selectable<AchievementsTable>;

// ratings

export function getRating(trx: Tx, person: string, period: string): Promise<RatingRow | undefined> {
  return trx.selectFrom('ratings').selectAll().where('person_code', '=', person).where('period', '=', period).executeTakeFirst();
}

export function listRatings(trx: Tx, period: string): Promise<RatingRow[]> {
  return trx.selectFrom('ratings').selectAll().where('period', '=', period).execute();
}

export async function insertRating(trx: Tx, row: Insertable<RatingsTable>): Promise<void> {
  await trx.insertInto('ratings').values(row).execute();
}

export async function updateRating(trx: Tx, id: number, changes: { rating: string; rated_on: string }): Promise<void> {
  await trx.updateTable('ratings').set(changes).where('id', '=', id).execute();
}

// movements

export function getMovement(trx: Tx, code: string): Promise<MovementRow | undefined> {
  return trx.selectFrom('movements').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listMovements(trx: Tx): Promise<MovementRow[]> {
  return trx.selectFrom('movements').selectAll().orderBy('from_date').orderBy('code').execute();
}

export async function insertMovement(trx: Tx, row: Insertable<MovementsTable>): Promise<void> {
  await trx.insertInto('movements').values(row).execute();
}

// achievements

export interface AchievementFilter {
  subject?: string;
  /** The unit's own achievements and its members'. */
  unit?: string;
  from?: string;
  to?: string;
  kind?: AchievementRow['kind'];
  movement?: string;
}

export type AchievementWithSubject = AchievementRow & {
  person_name: string | null;
  person_unit: string | null;
  /** The unit's name: the subject's own when it is a unit, else the person's unit's. */
  unit_name: string | null;
};

export async function insertAchievement(trx: Tx, row: Insertable<AchievementsTable>): Promise<number> {
  const r = await trx.insertInto('achievements').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Achievements with the name of their subject (a person or a unit), newest first. */
export function listAchievements(trx: Tx, f: AchievementFilter = {}): Promise<AchievementWithSubject[]> {
  let q = trx
    .selectFrom('achievements')
    .leftJoin('people', 'people.code', 'achievements.subject_code')
    .leftJoin('units', (j) => j.on((eb) => eb.or([eb('units.code', '=', eb.ref('achievements.subject_code')), eb('units.code', '=', eb.ref('people.unit_code'))])))
    .selectAll('achievements')
    .select(['people.name as person_name', 'people.unit_code as person_unit', 'units.name as unit_name']);
  if (f.subject) q = q.where('achievements.subject_code', '=', f.subject);
  if (f.unit) {
    const unit = f.unit;
    q = q.where((eb) => eb.or([eb('achievements.subject_code', '=', unit), eb('people.unit_code', '=', unit)]));
  }
  if (f.from) q = q.where('achievements.date', '>=', f.from);
  if (f.to) q = q.where('achievements.date', '<=', f.to);
  if (f.kind) q = q.where('achievements.kind', '=', f.kind);
  if (f.movement) q = q.where('achievements.movement_code', '=', f.movement);
  return q.orderBy('achievements.date', 'desc').orderBy('achievements.id', 'desc').execute();
}

import type { Selectable, Insertable } from 'kysely';
import type { Tx } from '../tx.js';
import type { CriteriaTable, RatingLevelsTable, RulesTable, TitlesTable } from '../schema.js';

export type TitleRow = Selectable<TitlesTable>;
export type CriterionRow = Selectable<CriteriaTable>;
export type RatingLevelRow = Selectable<RatingLevelsTable>;
export type RuleRow = Selectable<RulesTable>;

export function listTitles(trx: Tx): Promise<TitleRow[]> {
  return trx.selectFrom('titles').selectAll().orderBy('sort').execute();
}

export function listCriteria(trx: Tx): Promise<CriterionRow[]> {
  return trx.selectFrom('criteria').selectAll().orderBy('sort').execute();
}

export function listRatingLevels(trx: Tx): Promise<RatingLevelRow[]> {
  return trx.selectFrom('rating_levels').selectAll().orderBy('rank', 'desc').execute();
}

export function listRules(trx: Tx): Promise<RuleRow[]> {
  return trx.selectFrom('rules').selectAll().orderBy('key').orderBy('valid_from').execute();
}

/** The value of a rule in force on `date`. */
export function ruleAt(trx: Tx, key: string, date: string): Promise<RuleRow | undefined> {
  return trx.selectFrom('rules').selectAll().where('key', '=', key).where('valid_from', '<=', date).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
}

export function ruleFrom(trx: Tx, key: string, from: string): Promise<RuleRow | undefined> {
  return trx.selectFrom('rules').selectAll().where('key', '=', key).where('valid_from', '=', from).executeTakeFirst();
}

export async function insertRule(trx: Tx, row: Insertable<RulesTable>): Promise<RuleRow> {
  return trx.insertInto('rules').values(row).returningAll().executeTakeFirstOrThrow();
}

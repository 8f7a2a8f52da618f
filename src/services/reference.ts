/** Lookups of reference data shared by the services: titles, rating levels, rules in force. */
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { normaliseTitleCode } from '../domain/titles.js';
import { listRatingLevels, listTitles, ruleAt, type RatingLevelRow, type TitleRow } from '../db/repos/reference.js';
import type { Tx } from './database.js';

/** A title by the code a clerk typed (any case, with or without diacritics). Unknown: exit 3 with the list. */
export async function requireTitle(trx: Tx, raw: string): Promise<TitleRow> {
  const code = normaliseTitleCode(raw);
  const titles = await listTitles(trx);
  const title = titles.find((t) => t.code === code);
  if (!title) throw new ValidationError('title.unknown', { code: raw, known: titles.map((t) => t.code).join(', ') });
  return title;
}

/** LDTT is for people, TTLDTT for units…: refuses a title that does not fit the subject (exit 5). */
export function requireTitleFits(title: TitleRow, subject: { kind: 'person' | 'unit'; code: string }): void {
  if (title.subject_kind !== 'both' && title.subject_kind !== subject.kind) {
    throw new WorkflowError(title.subject_kind === 'unit' ? 'title.unitsOnly' : 'title.peopleOnly', { award: title.code, name: title.name, code: subject.code });
  }
}

export function ratingLevels(trx: Tx): Promise<RatingLevelRow[]> {
  return listRatingLevels(trx);
}

/** The value of a rule in force on `date`, or the fallback when none is recorded. */
export async function ruleValue(trx: Tx, key: string, date: string): Promise<string | undefined> {
  return (await ruleAt(trx, key, date))?.value;
}

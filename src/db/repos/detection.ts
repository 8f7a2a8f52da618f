/**
 * Read-only queries for `thidua detect`: everything a year left in the records, for every subject at
 * once (the service groups it by person and unit).
 */
import type { Tx } from '../tx.js';
import type { AchievementsTable, InitiativeStatus } from '../schema.js';

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The annual (`2025`) and quarterly (`2025-Q1`…) ratings of the year. */
export function ratingsOfYear(trx: Tx, year: number): Promise<{ person_code: string; period: string; rating: string }[]> {
  return trx
    .selectFrom('ratings')
    .select(['person_code', 'period', 'rating'])
    // The year and its quarters ('2026', '2026-Q1'…'2026-Q4') as one range of the period index.
    .where('period', '>=', String(year))
    .where('period', '<=', `${year}-Q4`)
    .execute();
}

/** Titles registered for the year and not withdrawn. */
export function registrationsOfYear(trx: Tx, year: number): Promise<{ subject_code: string; award: string }[]> {
  return trx.selectFrom('registrations').select(['subject_code', 'award']).where('year', '=', year).where('status', '=', 'active').execute();
}

export interface WorkRow {
  code: string;
  kind: 'initiative' | 'research';
  year: number;
  status: InitiativeStatus;
  status_on: string;
  unit_code: string;
}

/**
 * Only works that can count in the year (domain/detection.ts `workInYear`): still running, or whose
 * status changed in the year or later. Older finished works are not read at all.
 */
const STILL_RUNNING = ['registered', 'in_progress', 'applied'] as const;

/** Initiatives and topics registered in the year or before, with each author and their share. */
export function authoredWorks(trx: Tx, year: number): Promise<(WorkRow & { person_code: string; share: number })[]> {
  return trx
    .selectFrom('initiative_authors as a')
    .innerJoin('initiatives as i', 'i.code', 'a.initiative_code')
    .select(['i.code', 'i.kind', 'i.year', 'i.status', 'i.status_on', 'i.unit_code', 'a.person_code', 'a.share'])
    .where('i.year', '<=', year)
    .where((eb) => eb.or([eb('i.status', 'in', STILL_RUNNING), eb('i.status_on', '>=', `${year}-01-01`)]))
    .execute();
}


/** Initiatives and topics registered in the year or before (each belongs to a unit). */
export function worksUpTo(trx: Tx, year: number): Promise<WorkRow[]> {
  return trx
    .selectFrom('initiatives')
    .select(['code', 'kind', 'year', 'status', 'status_on', 'unit_code'])
    .where('year', '<=', year)
    .where((eb) => eb.or([eb('status', 'in', STILL_RUNNING), eb('status_on', '>=', `${year}-01-01`)]))
    .execute();
}

/** Achievements logged with a date in the year. */
export function achievementsOfYear(trx: Tx, year: number): Promise<{ subject_code: string; kind: AchievementsTable['kind'] }[]> {
  const { from, to } = yearRange(year);
  return trx.selectFrom('achievements').select(['subject_code', 'kind']).where('date', '>=', from).where('date', '<=', to).execute();
}

/** Fostering watches that ran during the year (started by its end, not ended before its start). */
export function watchesDuringYear(trx: Tx, year: number): Promise<{ person_code: string; started_on: string }[]> {
  const { from, to } = yearRange(year);
  return trx
    .selectFrom('foster_watch')
    .select(['person_code', 'started_on'])
    .where('started_on', '<=', to)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', from)]))
    .orderBy('started_on')
    .execute();
}

/** The year's nominations still standing (not withdrawn; a recognised one is shown by its recognition). */
export function nominationsOfYear(trx: Tx, year: number): Promise<{ id: number; subject_code: string; award: string; status: string }[]> {
  return trx
    .selectFrom('nominations')
    .select(['id', 'subject_code', 'award', 'status'])
    .where('year', '=', year)
    .where('status', 'not in', ['withdrawn', 'recognised'])
    .orderBy('id')
    .execute();
}

/** The year's titles recognised and not revoked (initiatives' recognitions are works, shown as evidence). */
export function recognitionsOfYear(trx: Tx, year: number): Promise<{ subject_code: string; award: string; decided_on: string }[]> {
  return trx
    .selectFrom('recognitions')
    .select(['subject_code', 'award', 'decided_on'])
    .where('year', '=', year)
    .where('status', '=', 'active')
    .where('award', '<>', 'SK')
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
}

/** Queries of the monthly progress reports, the initiatives they belong to, and what `status` shows. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../tx.js';
import type { InitiativeStatus, ProgressReportsTable } from '../schema.js';

export type ProgressRow = Selectable<ProgressReportsTable>;

/** The fields of an initiative that progress needs, with its unit's name. */
export interface InitiativeBrief {
  code: string;
  title: string;
  year: number;
  unit_code: string;
  unit_name: string;
  status: InitiativeStatus;
  registered_on: string;
  status_on: string;
}

function initiativesQuery(trx: Tx) {
  return trx
    .selectFrom('initiatives')
    .innerJoin('units', 'units.code', 'initiatives.unit_code')
    .select([
      'initiatives.code',
      'initiatives.title',
      'initiatives.year',
      'initiatives.unit_code',
      'units.name as unit_name',
      'initiatives.status',
      'initiatives.registered_on',
      'initiatives.status_on',
    ]);
}

export function getInitiative(trx: Tx, code: string): Promise<InitiativeBrief | undefined> {
  return initiativesQuery(trx).where('initiatives.code', '=', code).executeTakeFirst();
}

/** Initiatives in the given statuses, optionally of one year (or up to one), one unit, registered on or before a date. */
export function listInitiatives(
  trx: Tx,
  filter: { statuses: readonly InitiativeStatus[]; year?: number; upToYear?: number; unit?: string; registeredBy?: string; changedSince?: string },
): Promise<InitiativeBrief[]> {
  let q = initiativesQuery(trx).where('initiatives.status', 'in', [...filter.statuses]);
  // Still running, or its status changed on or after that day: a finished work of an earlier year is left out.
  const since = filter.changedSince;
  if (since) q = q.where((eb) => eb.or([eb('initiatives.status', 'in', ['registered', 'in_progress']), eb('initiatives.status_on', '>=', since)]));
  if (filter.year !== undefined) q = q.where('initiatives.year', '=', filter.year);
  if (filter.upToYear !== undefined) q = q.where('initiatives.year', '<=', filter.upToYear);
  if (filter.unit) q = q.where('initiatives.unit_code', '=', filter.unit);
  if (filter.registeredBy) q = q.where('initiatives.registered_on', '<=', filter.registeredBy);
  return q.execute();
}

export function getReport(trx: Tx, code: string, month: string): Promise<ProgressRow | undefined> {
  return trx.selectFrom('progress_reports').selectAll().where('initiative_code', '=', code).where('month', '=', month).executeTakeFirst();
}

/** The latest report of an initiative for a month before `month`. */
export function reportBefore(trx: Tx, code: string, month: string): Promise<ProgressRow | undefined> {
  return trx
    .selectFrom('progress_reports')
    .selectAll()
    .where('initiative_code', '=', code)
    .where('month', '<', month)
    .orderBy('month', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest month an initiative reported for, or null. */
export async function lastReportMonth(trx: Tx, code: string): Promise<string | null> {
  const row = await trx.selectFrom('progress_reports').select('month').where('initiative_code', '=', code).orderBy('month', 'desc').limit(1).executeTakeFirst();
  return row?.month ?? null;
}

export async function insertReport(trx: Tx, row: Insertable<ProgressReportsTable>): Promise<void> {
  await trx.insertInto('progress_reports').values(row).execute();
}

export async function updateReport(trx: Tx, id: number, changes: Updateable<ProgressReportsTable>): Promise<void> {
  await trx.updateTable('progress_reports').set(changes).where('id', '=', id).execute();
}

export type ReportWithInitiative = ProgressRow & { title: string; unit_code: string; unit_name: string };

export function listReports(trx: Tx, filter: { month?: string; unit?: string; initiative?: string; year?: number }): Promise<ReportWithInitiative[]> {
  let q = trx
    .selectFrom('progress_reports')
    .innerJoin('initiatives', 'initiatives.code', 'progress_reports.initiative_code')
    .innerJoin('units', 'units.code', 'initiatives.unit_code')
    .selectAll('progress_reports')
    .select([
      'initiatives.title',
      'initiatives.unit_code',
      'units.name as unit_name',
    ]);
  if (filter.month) q = q.where('progress_reports.month', '=', filter.month);
  if (filter.unit) q = q.where('initiatives.unit_code', '=', filter.unit);
  if (filter.initiative) q = q.where('progress_reports.initiative_code', '=', filter.initiative);
  if (filter.year !== undefined) q = q.where('initiatives.year', '=', filter.year);
  return q.orderBy('progress_reports.initiative_code').orderBy('progress_reports.month').execute();
}

/** Reports up to a month of the initiatives still running or changed since a day (what a monthly digest reads). */
export function reportsUpTo(trx: Tx, month: string, changedSince: string) {
  return trx
    .selectFrom('progress_reports as r')
    .innerJoin('initiatives as i', 'i.code', 'r.initiative_code')
    .select(['r.initiative_code', 'r.month', 'r.percent', 'r.note'])
    .where('r.month', '<=', month)
    .where((eb) => eb.or([eb('i.status', 'in', ['registered', 'in_progress']), eb('i.status_on', '>=', changedSince)]))
    .execute();
}

/** Per initiative, the latest month it reported for, up to and including `upTo` (every month when absent). */
export async function lastReportMonths(trx: Tx, upTo?: string, among?: { statuses: readonly InitiativeStatus[]; year?: number }): Promise<Map<string, string>> {
  if (among) {
    // Only the initiatives asked about, each by its own index range: not a scan of every report ever made.
    let q = trx
      .selectFrom('initiatives as i')
      .select((eb) => {
        let last = eb.selectFrom('progress_reports as r').select((e) => e.fn.max('r.month').as('m')).whereRef('r.initiative_code', '=', 'i.code');
        if (upTo) last = last.where('r.month', '<=', upTo);
        return ['i.code as initiative_code', last.as('last')];
      })
      .where('i.status', 'in', [...among.statuses]);
    if (among.year !== undefined) q = q.where('i.year', '=', among.year);
    const rows = await q.execute();
    return new Map(rows.filter((r) => r.last !== null).map((r) => [r.initiative_code, String(r.last)]));
  }
  let q = trx.selectFrom('progress_reports').select((eb) => ['initiative_code', eb.fn.max('month').as('last')]);
  if (upTo) q = q.where('month', '<=', upTo);
  const rows = await q.groupBy('initiative_code').execute();
  return new Map(rows.map((r) => [r.initiative_code, String(r.last)]));
}

export interface OverdueTaskRow {
  id: number;
  person_code: string;
  person_name: string;
  text: string;
  due: string;
}

/** Foster tasks not done and due before `today`, of people still on the watch list. */
export function overdueFosterTasks(trx: Tx, today: string): Promise<OverdueTaskRow[]> {
  return trx
    .selectFrom('foster_tasks')
    .innerJoin('foster_watch', 'foster_watch.id', 'foster_tasks.watch_id')
    .innerJoin('people', 'people.code', 'foster_watch.person_code')
    .select(['foster_tasks.id', 'foster_watch.person_code', 'people.name as person_name', 'foster_tasks.text', 'foster_tasks.due'])
    .where('foster_tasks.done_on', 'is', null)
    .where('foster_watch.ended_on', 'is', null)
    .where('foster_tasks.due', '<', today)
    .execute();
}

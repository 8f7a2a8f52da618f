/** Queries for nominations (đề nghị), their attested criteria, and the facts eligibility is computed from. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../tx.js';
import type { NominationCriteriaTable, NominationJudgementsTable, NominationStatus, NominationsTable } from '../schema.js';

export type NominationRow = Selectable<NominationsTable>;
export type AttestationRow = Selectable<NominationCriteriaTable>;

/** A nomination with what a list shows of its subject, title and proposing unit. */
export interface NominationView extends NominationRow {
  subject_kind: 'person' | 'unit';
  subject_name: string;
  award_name: string;
  award_sort: number;
  by_unit_name: string | null;
}

/** Nominations with their subject (person or unit), title and proposing unit joined; the caller selects. */
export function nominationJoins(trx: Tx) {
  return trx
    .selectFrom('nominations as n')
    .innerJoin('subjects as s', 's.code', 'n.subject_code')
    .innerJoin('titles as t', 't.code', 'n.award')
    .leftJoin('people as p', 'p.code', 'n.subject_code')
    .leftJoin('units as su', 'su.code', 'n.subject_code')
    .leftJoin('units as bu', 'bu.code', 'n.by_unit');
}

function viewQuery(trx: Tx) {
  return nominationJoins(trx)
    .selectAll('n')
    .select(['s.kind as subject_kind', 'p.name as person_name', 'su.name as unit_name', 't.name as award_name', 't.sort as award_sort', 'bu.name as by_unit_name']);
}

type Raw = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

function toView(r: Raw): NominationView {
  const { person_name, unit_name, ...rest } = r;
  return { ...rest, subject_name: (r.subject_kind === 'person' ? person_name : unit_name) ?? '' };
}

export async function getNominationView(trx: Tx, id: number): Promise<NominationView | undefined> {
  const r = await viewQuery(trx).where('n.id', '=', id).executeTakeFirst();
  return r && toView(r);
}

export interface NominationFilter {
  year?: number;
  award?: string;
  statuses?: NominationStatus[];
}

export async function listNominationViews(trx: Tx, f: NominationFilter): Promise<NominationView[]> {
  let q = viewQuery(trx);
  if (f.year !== undefined) q = q.where('n.year', '=', f.year);
  if (f.award) q = q.where('n.award', '=', f.award);
  if (f.statuses) q = q.where('n.status', 'in', f.statuses);
  return (await q.orderBy('n.id').execute()).map(toView);
}

/** The nomination of a subject for a title and year that is not withdrawn (at most one). */
export function findLiveNomination(trx: Tx, key: { year: number; subject: string; award: string }): Promise<NominationRow | undefined> {
  return trx
    .selectFrom('nominations')
    .selectAll()
    .where('year', '=', key.year)
    .where('subject_code', '=', key.subject)
    .where('award', '=', key.award)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
}

export async function insertNomination(trx: Tx, row: Insertable<NominationsTable>): Promise<number> {
  const r = await trx.insertInto('nominations').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateNomination(trx: Tx, id: number, changes: Updateable<NominationsTable>): Promise<void> {
  await trx.updateTable('nominations').set(changes).where('id', '=', id).execute();
}

export function attestationsOf(trx: Tx, id: number): Promise<AttestationRow[]> {
  return trx.selectFrom('nomination_criteria').selectAll().where('nomination_id', '=', id).orderBy('code').execute();
}

/** Records attestations; a new word on a criterion replaces the old one. */
export async function saveAttestations(trx: Tx, rows: AttestationRow[]): Promise<void> {
  for (const row of rows) {
    await trx
      .insertInto('nomination_criteria')
      .values(row)
      .onConflict((oc) => oc.columns(['nomination_id', 'code']).doUpdateSet({ status: row.status, evidence: row.evidence, attested_on: row.attested_on }))
      .execute();
  }
}

/** Nominations of these subjects for the year, withdrawn ones left out. */
export function titlesOf(trx: Tx, year: number, subjects: string[]): Promise<{ subject_code: string; award: string; id: number; status: NominationStatus }[]> {
  if (subjects.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('nominations')
    .select(['subject_code', 'award', 'id', 'status'])
    .where('year', '=', year)
    .where('subject_code', 'in', subjects)
    .where('status', '<>', 'withdrawn')
    .execute();
}

/** Annual ratings (`period` = the year) of these people. */
export async function annualRatings(trx: Tx, year: number, people: string[]): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows = await trx.selectFrom('ratings').select(['person_code', 'rating']).where('period', '=', String(year)).where('person_code', 'in', people).execute();
  return new Map(rows.map((r) => [r.person_code, r.rating]));
}

/** Initiatives and research topics the person co-authors, with their current status. */
export function worksOf(trx: Tx, person: string): Promise<{ code: string; kind: 'initiative' | 'research'; status: string; status_on: string }[]> {
  return trx
    .selectFrom('initiative_authors as a')
    .innerJoin('initiatives as i', 'i.code', 'a.initiative_code')
    .select(['i.code', 'i.kind', 'i.status', 'i.status_on'])
    .where('a.person_code', '=', person)
    .execute();
}

/** Codes of the unit's people who still work here. */
export async function activeMembers(trx: Tx, unit: string): Promise<string[]> {
  const rows = await trx.selectFrom('people').select('code').where('unit_code', '=', unit).where('active', '=', 1).orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** The eligibility a recognised nomination was judged with on its decision's date, if recorded. */
export function getJudgement(trx: Tx, id: number): Promise<Selectable<NominationJudgementsTable> | undefined> {
  return trx.selectFrom('nomination_judgements').selectAll().where('nomination_id', '=', id).executeTakeFirst();
}

/** Records (or records again, after a recognition revoked and given anew) the judgement of a nomination. */
export async function saveJudgement(trx: Tx, row: Selectable<NominationJudgementsTable>): Promise<void> {
  await trx
    .insertInto('nomination_judgements')
    .values(row)
    .onConflict((oc) => oc.column('nomination_id').doUpdateSet({ judged_on: row.judged_on, eligible: row.eligible, criteria: row.criteria }))
    .execute();
}

/** The titles a subject registered (and has not withdrawn) for a year. */
export async function registeredTitles(trx: Tx, year: number, subject: string): Promise<string[]> {
  const rows = await trx.selectFrom('registrations').select('award').where('year', '=', year).where('subject_code', '=', subject).where('status', '=', 'active').execute();
  return rows.map((r) => r.award);
}

/** The certificate printed for a recognition this nomination led to (GCN `cert:<recognition>`), if any. */
export async function certificateOfNomination(trx: Tx, nominationId: number) {
  const recognitions = await trx.selectFrom('recognitions').select('id').where('nomination_id', '=', nominationId).execute();
  if (recognitions.length === 0) return undefined;
  return trx
    .selectFrom('documents')
    .selectAll()
    .where('kind', '=', 'GCN')
    .where('ref', 'in', recognitions.map((r) => `cert:${r.id}`))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Queries for title registrations, initiatives and research topics, and their authors. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../tx.js';
import type { InitiativeAuthorsTable, InitiativesTable, RegistrationsTable } from '../schema.js';

export type RegistrationRow = Selectable<RegistrationsTable>;
export type InitiativeRow = Selectable<InitiativesTable>;

/** A registration with what a list shows of its subject and title. */
export interface RegistrationView extends RegistrationRow {
  subject_kind: 'person' | 'unit';
  /** The person's or the unit's name. */
  subject_name: string;
  /** The person's unit, or the unit itself. */
  unit_code: string;
  unit_name: string;
  subject_active: number;
  award_name: string;
  award_sort: number;
}

export interface AuthorView {
  initiative_code: string;
  person_code: string;
  name: string;
  share: number;
  sort: number;
  active: number;
}

export function findRegistration(trx: Tx, key: { year: number; subject: string; award: string }): Promise<RegistrationRow | undefined> {
  return trx
    .selectFrom('registrations')
    .selectAll()
    .where('year', '=', key.year)
    .where('subject_code', '=', key.subject)
    .where('award', '=', key.award)
    .executeTakeFirst();
}

export async function insertRegistration(trx: Tx, row: Insertable<RegistrationsTable>): Promise<number> {
  const r = await trx.insertInto('registrations').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRegistration(trx: Tx, id: number, changes: Updateable<RegistrationsTable>): Promise<void> {
  await trx.updateTable('registrations').set(changes).where('id', '=', id).execute();
}

/** Registrations with their subject (a person with its unit, or a unit) and title joined; the caller selects. */
export function registrationJoins(trx: Tx) {
  return trx
    .selectFrom('registrations as r')
    .innerJoin('subjects as s', 's.code', 'r.subject_code')
    .innerJoin('titles as t', 't.code', 'r.award')
    .leftJoin('people as p', 'p.code', 'r.subject_code')
    .leftJoin('units as pu', 'pu.code', 'p.unit_code')
    .leftJoin('units as su', 'su.code', 'r.subject_code');
}

function registrationQuery(trx: Tx) {
  return registrationJoins(trx)
    .selectAll('r')
    .select([
      's.kind as subject_kind',
      'p.name as person_name',
      'p.active as person_active',
      'p.unit_code as person_unit',
      'pu.name as person_unit_name',
      'su.name as own_name',
      'su.active as own_active',
      't.name as award_name',
      't.sort as award_sort',
    ]);
}

type RawRegistration = Awaited<ReturnType<ReturnType<typeof registrationQuery>['execute']>>[number];

function toView(r: RawRegistration): RegistrationView {
  const { person_name, person_active, person_unit, person_unit_name, own_name, own_active, ...rest } = r;
  const person = r.subject_kind === 'person';
  return {
    ...rest,
    subject_name: (person ? person_name : own_name) ?? '',
    unit_code: (person ? person_unit : r.subject_code) ?? '',
    unit_name: (person ? person_unit_name : own_name) ?? '',
    subject_active: (person ? person_active : own_active) ?? 0,
  };
}

export async function getRegistrationView(trx: Tx, id: number): Promise<RegistrationView | undefined> {
  const r = await registrationQuery(trx).where('r.id', '=', id).executeTakeFirst();
  return r && toView(r);
}

/** Registrations of a year, those of people and units belonging to `unit` when given (the unit's own too). */
export async function listRegistrationViews(trx: Tx, filter: { year: number; unit?: string }): Promise<RegistrationView[]> {
  let q = registrationQuery(trx).where('r.year', '=', filter.year);
  const unit = filter.unit;
  if (unit) q = q.where((eb) => eb.or([eb('p.unit_code', '=', unit), eb('r.subject_code', '=', unit)]));
  return (await q.execute()).map(toView);
}

/** The highest number given to an initiative of this kind and year (withdrawn ones included), 0 when none. */
export async function maxInitiativeSeq(trx: Tx, kind: InitiativesTable['kind'], year: number): Promise<number> {
  const r = await trx
    .selectFrom('initiatives')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

export async function insertInitiative(trx: Tx, row: Insertable<InitiativesTable>, authors: Insertable<InitiativeAuthorsTable>[]): Promise<void> {
  await trx.insertInto('initiatives').values(row).execute();
  if (authors.length > 0) await trx.insertInto('initiative_authors').values(authors).execute();
}

export function getInitiativeRow(trx: Tx, code: string): Promise<InitiativeRow | undefined> {
  return trx.selectFrom('initiatives').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listInitiativeRows(trx: Tx, filter: { year?: number; unit?: string; kind?: InitiativesTable['kind'] }): Promise<InitiativeRow[]> {
  let q = trx.selectFrom('initiatives').selectAll();
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.unit) q = q.where('unit_code', '=', filter.unit);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return q.orderBy('code').execute();
}

export async function updateInitiative(trx: Tx, code: string, changes: Updateable<InitiativesTable>): Promise<void> {
  await trx.updateTable('initiatives').set(changes).where('code', '=', code).execute();
}

/** The authors of these initiatives, in the order they were given, with their names. */
export function authorsOf(trx: Tx, codes: string[]): Promise<AuthorView[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('initiative_authors as a')
    .innerJoin('people as p', 'p.code', 'a.person_code')
    .select(['a.initiative_code', 'a.person_code', 'p.name', 'a.share', 'a.sort', 'p.active'])
    .where('a.initiative_code', 'in', codes)
    .orderBy('a.initiative_code')
    .orderBy('a.sort')
    .execute();
}

/** Unit names by code (for showing an initiative's unit). */
export async function unitNames(trx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await trx.selectFrom('units').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Registrations of titles (đăng ký thi đua): a person or a unit registers, for a year, the title it
 * aims for. One registration per subject, title and year; a withdrawn one may be registered again.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseChoice, parseCode, parseRequiredText, parseText } from '../domain/fields.js';
import { compareNames, compareText } from '../domain/names.js';
import { formatVnDate } from '../domain/dates.js';
import { INITIATIVE_KIND_ALIASES, type InitiativeKind } from '../domain/initiatives.js';
import { matchTitle, parseRegistrationDate, parseRegistrationYear } from '../domain/registrations.js';
import { listTitles, type TitleRow } from '../db/repos/reference.js';
import { findLiveNomination } from '../db/repos/nominations.js';
import { findRegistration, getRegistrationView, insertRegistration, listRegistrationViews, updateRegistration, type RegistrationRow, type RegistrationView } from '../db/repos/registrations.js';
import { transact, type Audit, type Tx } from './database.js';
import { initiativesOf, withdrawReasonOrThrow, type Initiative } from './initiatives.js';
import { requireTitle, requireTitleFits } from './reference.js';
import { requireSubject, requireUnit, type Subject } from './subjects.js';

export interface TitleRegistration {
  id: number;
  year: number;
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  /** The person's unit, or the unit itself. */
  unit: string;
  unitName: string;
  award: string;
  awardName: string;
  status: 'active' | 'withdrawn';
  registeredOn: string;
  note: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
}

function toRegistration(r: RegistrationView): TitleRegistration {
  return {
    id: r.id,
    year: r.year,
    subject: r.subject_code,
    name: r.subject_name,
    kind: r.subject_kind,
    unit: r.unit_code,
    unitName: r.unit_name,
    award: r.award,
    awardName: r.award_name,
    status: r.status,
    registeredOn: r.registered_on,
    note: r.note,
    withdrawnOn: r.withdrawn_on,
    withdrawnReason: r.withdrawn_reason,
  };
}

async function viewOf(trx: Tx, id: number): Promise<TitleRegistration> {
  return toRegistration((await getRegistrationView(trx, id))!);
}

/** A title by its code (any case, diacritics) or its full Vietnamese name; exit 3 with the list when unknown. */
async function titleByText(trx: Tx, raw: string): Promise<TitleRow> {
  return matchTitle(await listTitles(trx), raw) ?? requireTitle(trx, raw);
}

/** A subject that can still register: a person who works here, a unit that has not been retired. */
async function requireActiveSubject(trx: Tx, code: string): Promise<Subject> {
  const subject = await requireSubject(trx, code);
  if (!subject.active) {
    throw new WorkflowError(subject.kind === 'unit' ? 'unit.retired' : 'registration.personInactive', { code, name: subject.name });
  }
  return subject;
}

interface TitleKey {
  subject: string;
  award: string;
  year: number;
}

export interface Prepared {
  subject: Subject;
  title: TitleRow;
  year: number;
  /** A withdrawn registration of the same subject, title and year, to be reactivated. */
  withdrawn?: RegistrationRow;
}

/** Every check of one registration, in the order a clerk fixes them; throws the first problem. */
export async function prepareTitle(trx: Tx, key: TitleKey): Promise<Prepared> {
  const title = await titleByText(trx, key.award);
  const subject = await requireActiveSubject(trx, key.subject);
  requireTitleFits(title, subject);
  const existing = await findRegistration(trx, { year: key.year, subject: subject.code, award: title.code });
  if (existing?.status === 'active') {
    throw new WorkflowError('registration.exists', {
      code: subject.code, name: subject.name, award: title.code, year: key.year, id: existing.id, date: formatVnDate(existing.registered_on),
    });
  }
  return { subject, title, year: key.year, withdrawn: existing };
}

/** Writes a prepared registration (a new row, or the withdrawn one made active again) on its day, and audits it. */
export async function saveTitle(trx: Tx, audit: Audit, p: Prepared, note: string | null, date: string, now: string): Promise<TitleRegistration> {
  if (p.withdrawn) {
    const before = await viewOf(trx, p.withdrawn.id);
    await updateRegistration(trx, p.withdrawn.id, { status: 'active', registered_on: date, note, withdrawn_on: null, withdrawn_reason: null });
    const after = await viewOf(trx, p.withdrawn.id);
    await audit({ entity: 'registration', entityId: String(after.id), action: 'reactivate', before, after });
    return after;
  }
  const id = await insertRegistration(trx, {
    year: p.year, subject_code: p.subject.code, award: p.title.code, registered_on: date, note, status: 'active', created_at: now,
  });
  const after = await viewOf(trx, id);
  await audit({ entity: 'registration', entityId: String(id), action: 'create', after });
  return after;
}

export interface TitleInput {
  subject?: string;
  award?: string;
  year?: string | number;
  note?: string;
  /** The day it was registered (or withdrawn), for a year recorded late; default today. */
  date?: string;
}

export function parseTitleInput(input: TitleInput, today: string, withNote: boolean) {
  const c = new FieldCollector();
  const subject = c.take(parseCode('code', input.subject));
  const award = c.take(parseRequiredText('awardCode', input.award, 100));
  const year = c.take(parseRegistrationYear('year', input.year, today));
  const note = withNote ? c.take(parseText('registrationNote', input.note, { max: 500 })) : null;
  const date = c.take(withNote ? parseRegistrationDate('registrationDate', input.date, today, year) : parseRegistrationDate('withdrawDate', input.date, today));
  if (c.problems.length > 0) throw new ValidationError('registration.invalid', {}, c.problems);
  return { subject, award, year, note, date };
}

/** Registers a title for a person or unit and year (a withdrawn registration is made active again). */
export async function registerTitle(ctx: ServiceContext, input: TitleInput): Promise<TitleRegistration> {
  const today = ctx.clock.today();
  const v = parseTitleInput(input, today, true);
  return transact(ctx, async (trx, audit) => {
    const prepared = await prepareTitle(trx, v);
    return saveTitle(trx, audit, prepared, v.note, v.date, ctx.clock.now());
  });
}

/** Withdraws a title registration, with the reason, as of today or the day given (not before it was registered). */
export async function withdrawTitle(ctx: ServiceContext, input: Omit<TitleInput, 'note'> & { reason?: string }): Promise<TitleRegistration> {
  const today = ctx.clock.today();
  const v = parseTitleInput(input, today, false);
  const reason = withdrawReasonOrThrow(input.reason);
  return transact(ctx, async (trx, audit) => {
    const title = await titleByText(trx, v.award);
    const subject = await requireSubject(trx, v.subject);
    const row = await findRegistration(trx, { year: v.year, subject: subject.code, award: title.code });
    if (!row) throw new NotFoundError('registration.notFound', { code: subject.code, name: subject.name, award: title.code, year: v.year });
    if (row.status === 'withdrawn') {
      throw new WorkflowError('registration.alreadyWithdrawn', { code: subject.code, award: title.code, year: v.year, date: row.withdrawn_on ? formatVnDate(row.withdrawn_on) : '', reason: row.withdrawn_reason ?? '' });
    }
    // A nominee must have registered (DOMAIN.md): the registration stays while a nomination rests on it.
    const nomination = await findLiveNomination(trx, { year: v.year, subject: subject.code, award: title.code });
    if (nomination) {
      throw new WorkflowError('registration.nominated', { code: subject.code, name: subject.name, award: title.code, year: v.year, id: nomination.id });
    }
    if (v.date < row.registered_on) {
      throw new ValidationError('registration.withdrawBeforeRegistered', { code: subject.code, award: title.code, year: v.year, date: formatVnDate(v.date), registered: formatVnDate(row.registered_on) });
    }
    const before = await viewOf(trx, row.id);
    await updateRegistration(trx, row.id, { status: 'withdrawn', withdrawn_on: v.date, withdrawn_reason: reason });
    const after = await viewOf(trx, row.id);
    await audit({ entity: 'registration', entityId: String(row.id), action: 'withdraw', before, after });
    return after;
  });
}

export type ListKind = 'title' | InitiativeKind;

const LIST_KIND_ALIASES: Record<string, ListKind> = {
  ...INITIATIVE_KIND_ALIASES,
  title: 'title',
  titles: 'title',
  award: 'title',
  'danh hieu': 'title',
  danhhieu: 'title',
  dh: 'title',
};

export interface RegistrationFilter {
  year: number;
  unit?: string;
  kind?: string;
}

export interface RegistrationList {
  year: number;
  kind: ListKind | null;
  titles: TitleRegistration[];
  initiatives: Initiative[];
}

/** People first, by given name the Vietnamese way, then units by name; a subject's titles in catalogue order. */
function sortRegistrations(rows: RegistrationView[]): TitleRegistration[] {
  return [...rows]
    .sort((a, b) => {
      if (a.subject_kind !== b.subject_kind) return a.subject_kind === 'person' ? -1 : 1;
      const byName = a.subject_kind === 'person' ? compareNames(a.subject_name, b.subject_name) : compareText(a.subject_name, b.subject_name);
      return byName || a.subject_code.localeCompare(b.subject_code) || a.award_sort - b.award_sort;
    })
    .map(toRegistration);
}

/** The year's title registrations and initiatives, of one unit and one kind when asked. */
export async function listRegistrations(ctx: ServiceContext, filter: RegistrationFilter): Promise<RegistrationList> {
  let kind: ListKind | null = null;
  if (filter.kind !== undefined) {
    const p = parseChoice('listKind', filter.kind, LIST_KIND_ALIASES, 'title, initiative, research');
    if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
    kind = p.value;
  }
  const unitCode = filter.unit === undefined ? undefined : parseCode('unit', filter.unit);
  if (unitCode && !unitCode.ok) throw new ValidationError(unitCode.problem.key, unitCode.problem.params);
  const unit = unitCode?.value;
  return transact(ctx, async (trx) => {
    if (unit) await requireUnit(trx, unit);
    const titles = kind === null || kind === 'title' ? sortRegistrations(await listRegistrationViews(trx, { year: filter.year, unit })) : [];
    const initiatives = kind === 'title' ? [] : await initiativesOf(trx, { year: filter.year, unit, kind: kind ?? undefined });
    return { year: filter.year, kind, titles, initiatives };
  });
}

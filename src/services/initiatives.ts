/**
 * Initiatives (sáng kiến) and research topics (đề tài): registration with authors and shares, the
 * list of a year, withdrawal, and the status changes other services apply (progress, review).
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError, type Detail } from '../domain/errors.js';
import { FieldCollector, parseChoice, parseCode, parseRequiredText, parseText, valueOrThrow } from '../domain/fields.js';
import {
  formatInitiativeCode, INITIATIVE_KIND_ALIASES, INITIATIVE_KINDS_ALLOWED, INITIATIVE_TITLE_MAX, nextStatus, parseAuthors,
  parseInitiativeCode, type InitiativeEvent, type InitiativeKind, type InitiativeStatus,
} from '../domain/initiatives.js';
import { parseRegistrationDate, parseRegistrationYear } from '../domain/registrations.js';
import { formatVnDate } from '../domain/dates.js';
import { isRunning } from '../domain/progress.js';
import {
  authorsOf, getInitiativeRow, insertInitiative, listInitiativeRows, maxInitiativeSeq, unitNames, updateInitiative,
  type InitiativeRow,
} from '../db/repos/registrations.js';
import { lastReportMonth } from '../db/repos/progress.js';
import { transact, type Audit, type Tx } from './database.js';
import { requirePerson, requireUnit } from './subjects.js';

export interface InitiativeAuthor {
  code: string;
  name: string;
  share: number;
}

export interface Initiative {
  code: string;
  kind: InitiativeKind;
  year: number;
  title: string;
  unit: string;
  unitName: string;
  field: string | null;
  authors: InitiativeAuthor[];
  status: InitiativeStatus;
  registeredOn: string;
  /** The date the current status began. */
  statusOn: string;
  /** Why it was withdrawn or rejected, when it was. */
  statusReason: string | null;
}

export interface InitiativeInput {
  kind?: string;
  title?: string;
  /** `CODE` or `CODE:SHARE`, one per author. */
  authors?: string[];
  unit?: string;
  year?: string | number;
  field?: string;
  /** The day it was registered, for a year recorded late; default today. */
  date?: string;
}

export interface InitiativeFilter {
  year?: number;
  unit?: string;
  kind?: InitiativeKind;
}

/** An initiative code as stored (`SK-2025-001`) from any spelling of it; exit 3 when it cannot be one. */
export function initiativeCodeOrThrow(raw: string): string {
  const parsed = parseInitiativeCode(raw);
  if (!parsed) throw new ValidationError('initiative.badCode', { code: raw });
  return parsed.code;
}

/** Orders codes by kind letters, year, then number (so SK-2025-1000 follows SK-2025-999). */
function compareCodes(a: string, b: string): number {
  const x = parseInitiativeCode(a)!;
  const y = parseInitiativeCode(b)!;
  return a.slice(0, 2).localeCompare(b.slice(0, 2)) || x.year - y.year || x.seq - y.seq;
}

async function toInitiatives(trx: Tx, rows: InitiativeRow[]): Promise<Initiative[]> {
  const codes = rows.map((r) => r.code);
  const authors = await authorsOf(trx, codes);
  const units = await unitNames(trx, rows.map((r) => r.unit_code));
  return rows
    .map((r) => ({
      code: r.code,
      kind: r.kind,
      year: r.year,
      title: r.title,
      unit: r.unit_code,
      unitName: units.get(r.unit_code) ?? r.unit_code,
      field: r.field,
      authors: authors.filter((a) => a.initiative_code === r.code).map((a) => ({ code: a.person_code, name: a.name, share: a.share })),
      status: r.status,
      registeredOn: r.registered_on,
      statusOn: r.status_on,
      statusReason: r.status_reason,
    }))
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** An initiative with its authors, by the code as typed (any case); exit 3 when malformed, 4 when unknown. */
export async function requireInitiative(trx: Tx, rawCode: string): Promise<Initiative> {
  const code = initiativeCodeOrThrow(rawCode);
  const row = await getInitiativeRow(trx, code);
  if (!row) throw new NotFoundError('initiative.notFound', { code });
  return (await toInitiatives(trx, [row]))[0]!;
}

/** Initiatives in code order, inside the caller's transaction. */
export async function initiativesOf(trx: Tx, filter: InitiativeFilter = {}): Promise<Initiative[]> {
  return toInitiatives(trx, await listInitiativeRows(trx, filter));
}

function parseInitiativeInput(input: InitiativeInput, today: string) {
  const c = new FieldCollector();
  const kind = c.take(parseChoice('initiativeKind', input.kind, INITIATIVE_KIND_ALIASES, INITIATIVE_KINDS_ALLOWED));
  const title = c.take(parseRequiredText('initiativeTitle', input.title, INITIATIVE_TITLE_MAX));
  const year = c.take(parseRegistrationYear('year', input.year, today));
  const unit = c.take(parseCode('unit', input.unit));
  const field = c.take(parseText('initiativeField', input.field, { max: 200 }));
  const date = c.take(parseRegistrationDate('registrationDate', input.date, today, year));
  const authors = parseAuthors(input.authors ?? []);
  const problems = [...c.problems, ...authors.problems];
  if (problems.length > 0) throw new ValidationError('initiative.invalid', {}, problems);
  return { kind, title, year, unit, field, date, authors: authors.value };
}

/** Authors must be people who still work here: every unknown one (exit 4), then every one who left (exit 5). */
async function requireActiveAuthors(trx: Tx, codes: string[]): Promise<void> {
  const unknown: Detail[] = [];
  const inactive: string[] = [];
  for (const code of codes) {
    try {
      const p = await requirePerson(trx, code);
      if (!p.active) inactive.push(`${p.code} – ${p.name}`);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      unknown.push({ key: e.key, params: e.params });
    }
  }
  if (unknown.length > 0) throw new NotFoundError('initiative.unknownAuthors', { count: unknown.length }, unknown);
  if (inactive.length > 0) throw new WorkflowError('initiative.inactiveAuthors', { names: inactive.join('; ') });
}

/** Registers an initiative or topic under the next free code of its kind and year (numbers are never reused). */
export async function registerInitiative(ctx: ServiceContext, input: InitiativeInput): Promise<Initiative> {
  const today = ctx.clock.today();
  const v = parseInitiativeInput(input, today);
  return transact(ctx, async (trx, audit) => {
    await requireUnit(trx, v.unit, { active: true });
    await requireActiveAuthors(trx, v.authors.map((a) => a.code));
    const seq = (await maxInitiativeSeq(trx, v.kind, v.year)) + 1;
    const code = formatInitiativeCode(v.kind, v.year, seq);
    await insertInitiative(
      trx,
      {
        code, kind: v.kind, year: v.year, seq, title: v.title, unit_code: v.unit, field: v.field,
        status: 'registered', registered_on: v.date, status_on: v.date, status_reason: null, created_at: ctx.clock.now(),
      },
      v.authors.map((a, i) => ({ initiative_code: code, person_code: a.code, share: a.share, sort: i + 1 })),
    );
    const after = await requireInitiative(trx, code);
    await audit({ entity: 'initiative', entityId: code, action: 'create', after });
    return after;
  });
}

export async function listInitiatives(ctx: ServiceContext, filter: InitiativeFilter = {}): Promise<Initiative[]> {
  return transact(ctx, (trx) => initiativesOf(trx, filter));
}

/** One initiative with its authors (exit 4 when unknown). */
export async function getInitiative(ctx: ServiceContext, code: string): Promise<Initiative> {
  return transact(ctx, (trx) => requireInitiative(trx, code));
}

/**
 * Moves an initiative on by `event` (nextStatus), inside the caller's transaction: refuses with exit 5
 * when the event does not fit its state, saying the state it is in and when an event may happen.
 * An event that leaves the state as it is (a later progress report) changes nothing and is not audited.
 */
export async function applyInitiativeEvent(
  trx: Tx,
  audit: Audit,
  code: string,
  event: InitiativeEvent,
  date: string,
  reason?: string | null,
): Promise<Initiative> {
  const before = await requireInitiative(trx, code);
  const status = nextStatus(before.status, event);
  if (status === null) {
    throw new WorkflowError('initiative.badTransition', { code: before.code }, [
      { key: `initiative.now.${before.status}`, params: { date: formatVnDate(before.statusOn), reason: before.statusReason ?? '' } },
      { key: `initiative.cannot.${event}` },
    ]);
  }
  if (status === before.status) return before;
  // It stops reporting on that day: a month it already reported for cannot come after it (a report
  // accepted is counted in every report of its month, so the date is refused instead).
  if (isRunning(before.status) && !isRunning(status)) {
    const last = await lastReportMonth(trx, before.code);
    if (last !== null && last > date.slice(0, 7)) {
      throw new ValidationError('initiative.endsBeforeReport', { code: before.code, date: formatVnDate(date), month: last });
    }
  }
  const statusReason = reason ?? null;
  await updateInitiative(trx, before.code, { status, status_on: date, status_reason: statusReason });
  const after: Initiative = { ...before, status, statusOn: date, statusReason };
  await audit({ entity: 'initiative', entityId: before.code, action: `status-${event}`, before, after });
  return after;
}

/** The reason for a withdrawal: required, NFC, at most 500 characters (exit 3 otherwise). */
export function withdrawReasonOrThrow(raw: string | undefined): string {
  const reason = parseRequiredText('withdrawReason', raw, 500);
  if (!reason.ok) throw new ValidationError(reason.problem.key, reason.problem.params);
  return reason.value;
}

/**
 * Withdraws an initiative or topic before any decision on it, with the reason, as of today or the day
 * given (a year recorded late): not before it was registered, nor before a month it reported progress for.
 */
export async function withdrawInitiative(ctx: ServiceContext, rawCode: string, rawReason: string | undefined, rawDate?: string): Promise<Initiative> {
  const code = initiativeCodeOrThrow(rawCode);
  const reason = withdrawReasonOrThrow(rawReason);
  const date = valueOrThrow(parseRegistrationDate('withdrawDate', rawDate, ctx.clock.today()));
  return transact(ctx, async (trx, audit) => {
    const ini = await requireInitiative(trx, code);
    if (date < ini.registeredOn) {
      throw new ValidationError('initiative.withdrawBeforeRegistered', { code, date: formatVnDate(date), registered: formatVnDate(ini.registeredOn) });
    }
    return applyInitiativeEvent(trx, audit, code, 'withdraw', date, reason);
  });
}

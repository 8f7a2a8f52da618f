/** Monthly progress of initiatives and research topics: the pure rules (DOMAIN.md "Progress"). */
import type { Detail } from './errors.js';
import { FieldCollector, parseText, type Parsed } from './fields.js';
import { monthOf, monthsBetween, parseMonth } from './periods.js';
import { clean } from './names.js';

export type InitiativeStatus = 'registered' | 'in_progress' | 'applied' | 'recognised' | 'rejected' | 'withdrawn';

/** Statuses in which an initiative is still being worked on and reports monthly. */
export const RUNNING_STATUSES = ['registered', 'in_progress'] as const satisfies readonly InitiativeStatus[];

export function isRunning(status: InitiativeStatus): boolean {
  return (RUNNING_STATUSES as readonly string[]).includes(status);
}

const bad = (key: string, params: Detail['params']): Parsed<never> => ({ ok: false, problem: { key, params } });

/** A whole percentage 0–100 (`45`, `45%`). */
export function parsePercent(field: string, raw: string | undefined): Parsed<number> {
  const v = clean(raw ?? '');
  if (v === '') return bad('invalid.required', { field });
  const m = /^(\d{1,3})\s*%?$/.exec(v);
  if (!m || Number(m[1]) > 100) return bad('progress.invalidPercent', { field, value: v });
  return { ok: true, value: Number(m[1]) };
}

/** A report month as typed (`2025-10`, `10/2025`), not after the month of `today`. */
export function parseReportMonth(field: string, raw: string | undefined, today: string): Parsed<string> {
  const v = clean(raw ?? '');
  if (v === '') return bad('invalid.required', { field });
  const month = parseMonth(v);
  if (!month) return bad('invalid.month', { field, value: v });
  if (month > monthOf(today)) return bad('progress.futureMonth', { field, value: month, current: monthOf(today) });
  return { ok: true, value: month };
}

export interface ReportInput {
  month?: string;
  percent?: string;
  note?: string;
}

export interface ReportFields {
  month: string;
  percent: number;
  note: string | null;
}

/** Every problem of a report at once. */
export function parseReport(input: ReportInput, today: string): { value: ReportFields; problems: Detail[] } {
  const c = new FieldCollector();
  const value: ReportFields = {
    month: c.take(parseReportMonth('month', input.month, today)),
    percent: c.take(parsePercent('percent', input.percent)),
    note: c.take(parseText('note', input.note, { max: 500 })),
  };
  return { value, problems: c.problems };
}

/**
 * An initiative has gone silent when two or more whole months have passed without a report: the
 * months after its last report (or, never reported, after the month it was registered in) and before
 * `month`, the current month, which is not over and so never counts. Last report in September: in
 * November only October has passed (not silent); in December, October and November (silent).
 */
export function isSilent(lastMonth: string | null, registeredOn: string, month: string): boolean {
  return monthsBetween(lastMonth ?? monthOf(registeredOn), month) - 1 >= 2;
}

/** What decides whether an initiative owes a report for a month. */
export interface ReportingLife {
  /** The year it was registered for: no month before it can be reported (or owed). */
  year: number;
  registeredOn: string;
  status: string;
  statusOn: string;
}

/**
 * Whether a month counts for an initiative in every report of it: a month it reported for always
 * counts (a report is accepted only for a month from its year on, whatever the day it was registered);
 * otherwise it owes one when it was registered by the month's end and still running then.
 */
export function countsInMonth(i: ReportingLife, month: string, reported: boolean): boolean {
  if (month < `${i.year}-01`) return false;
  if (reported) return true;
  const end = monthEnd(month);
  return i.registeredOn <= end && ((RUNNING_STATUSES as readonly string[]).includes(i.status) || i.statusOn > end);
}

/** The last day of a month (YYYY-MM) as an ISO date. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

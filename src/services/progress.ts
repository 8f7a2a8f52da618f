/** Monthly progress reports of initiatives and research topics: add, list, and who has not reported. */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { valueOrThrow } from '../domain/fields.js';
import { sortByText } from '../domain/names.js';
import { formatVnDate } from '../domain/dates.js';
import { isRunning, monthEnd, parseReport, parseReportMonth, type ReportInput } from '../domain/progress.js';
import {
  getInitiative,
  getReport,
  insertReport,
  listReports,
  reportBefore,
  updateReport,
  type InitiativeBrief,
  type ProgressRow,
} from '../db/repos/progress.js';
import { unreportedInitiatives } from '../db/repos/status.js';
import { transact, type Tx } from './database.js';
import { applyInitiativeEvent } from './initiatives.js';
import { parseInitiativeCode } from '../domain/initiatives.js';
import { codeOrThrow, requireUnit } from './subjects.js';

/** One report: the `progress list --json` fields (CLI.md), plus the unit's name for tables. */
export interface ProgressEntry {
  code: string;
  title: string;
  unit: string;
  unitName: string;
  month: string;
  percent: number;
  note: string | null;
  reportedOn: string;
}

export interface ProgressAdded {
  report: ProgressEntry;
  /** The report this one replaced (same initiative and month), if any. */
  replaced: ProgressEntry | null;
  /** True when this first report moved a registered initiative to in progress. */
  started: boolean;
  /** The latest earlier report, when its percentage was higher than this one. */
  dropFrom: { month: string; percent: number } | null;
}

function toEntry(r: ProgressRow, ini: { title: string; unit_code: string; unit_name: string }): ProgressEntry {
  return {
    code: r.initiative_code,
    title: ini.title,
    unit: ini.unit_code,
    unitName: ini.unit_name,
    month: r.month,
    percent: r.percent,
    note: r.note,
    reportedOn: r.reported_on,
  };
}

async function requireInitiative(trx: Tx, code: string): Promise<InitiativeBrief> {
  const ini = await getInitiative(trx, code);
  if (!ini) throw new NotFoundError('initiative.notFound', { code });
  return ini;
}

/** The code as typed (`sk-2025-1` too), or the text itself when it is no initiative code at all. */
function initiativeCode(raw: string): string {
  return parseInitiativeCode(raw)?.code ?? codeOrThrow('initiative', raw);
}

/**
 * Records the progress of a running initiative for a month. A second report for the same month
 * replaces the first (the audit keeps both); the first report of a registered initiative starts it.
 */
export async function addProgress(ctx: ServiceContext, rawCode: string, input: ReportInput): Promise<ProgressAdded> {
  const code = initiativeCode(rawCode);
  const today = ctx.clock.today();
  const { value, problems } = parseReport(input, today);
  if (problems.length > 0) throw new ValidationError('progress.invalid', { code }, problems);
  return transact(ctx, async (trx, audit) => {
    const ini = await requireInitiative(trx, code);
    if (!isRunning(ini.status)) throw new WorkflowError(`progress.notRunning.${ini.status}`, { code, date: formatVnDate(ini.status_on) });
    if (value.month < `${ini.year}-01`) throw new ValidationError('progress.beforeYear', { code, month: value.month, year: ini.year });

    const existing = await getReport(trx, code, value.month);
    const fields = { percent: value.percent, note: value.note, reported_on: today };
    if (existing) await updateReport(trx, existing.id, fields);
    else await insertReport(trx, { initiative_code: code, month: value.month, ...fields, created_at: ctx.clock.now() });
    const report = toEntry((await getReport(trx, code, value.month))!, ini);
    const replaced = existing ? toEntry(existing, ini) : null;
    await audit({ entity: 'progress', entityId: code, action: existing ? 'replace' : 'create', before: replaced ?? undefined, after: report });

    // The first report starts a registered initiative (the one status machine decides).
    const started = (await applyInitiativeEvent(trx, audit, code, 'report', today)).status !== ini.status;

    const previous = await reportBefore(trx, code, value.month);
    const dropFrom = previous && previous.percent > value.percent ? { month: previous.month, percent: previous.percent } : null;
    return { report, replaced, started, dropFrom };
  });
}

export interface ProgressFilter {
  month?: string;
  unit?: string;
  initiative?: string;
  year?: number;
}

/** Reports sorted by initiative code, then month. */
export async function listProgress(ctx: ServiceContext, filter: ProgressFilter = {}): Promise<ProgressEntry[]> {
  const unit = filter.unit ? codeOrThrow('unit', filter.unit) : undefined;
  const initiative = filter.initiative ? initiativeCode(filter.initiative) : undefined;
  return transact(ctx, async (trx) => {
    if (unit) await requireUnit(trx, unit);
    if (initiative) await requireInitiative(trx, initiative);
    const rows = await listReports(trx, { month: filter.month, unit, initiative, year: filter.year });
    return rows.map((r) => toEntry(r, r));
  });
}

/** A running initiative with no report for a month: the `progress missing --json` fields, plus the unit's name. */
export interface MissingEntry {
  code: string;
  title: string;
  unit: string;
  unitName: string;
  /** The last month it reported for before that month; null when never. */
  lastMonth: string | null;
}

/**
 * Initiatives of the month's year, still running and registered by the end of the month, that did
 * not report for it; in Vietnamese order of their units, then by code. One query (db/repos/status.ts).
 */
export async function findMissing(trx: Tx, month: string, unit?: string): Promise<MissingEntry[]> {
  const rows = await unreportedInitiatives(trx, month, monthEnd(month), unit);
  const entries = rows.map((i) => ({ code: i.code, title: i.title, unit: i.unit_code, unitName: i.unit_name, lastMonth: i.last }));
  return sortByText(entries, (e) => e.unitName, (a, b) => a.unit.localeCompare(b.unit) || a.code.localeCompare(b.code));
}

export interface UnitGroup<T> {
  unit: string;
  unitName: string;
  entries: T[];
}

/** Entries already in unit order, grouped by unit. */
export function groupByUnit<T extends { unit: string; unitName: string }>(entries: T[]): UnitGroup<T>[] {
  const groups: UnitGroup<T>[] = [];
  for (const e of entries) {
    const g = groups[groups.length - 1];
    if (g && g.unit === e.unit) g.entries.push(e);
    else groups.push({ unit: e.unit, unitName: e.unitName, entries: [e] });
  }
  return groups;
}

/** Who has not reported for `month` (not after today's month). */
export async function missingProgress(ctx: ServiceContext, opts: { month: string | undefined; unit?: string }): Promise<{ month: string; entries: MissingEntry[] }> {
  const month = valueOrThrow(parseReportMonth('month', opts.month, ctx.clock.today()));
  const unit = opts.unit ? codeOrThrow('unit', opts.unit) : undefined;
  return transact(ctx, async (trx) => {
    if (unit) await requireUnit(trx, unit);
    return { month, entries: await findMissing(trx, month, unit) };
  });
}

/**
 * Loads what the reports are built from (reports/*.ts are the pure builders). One transaction each.
 */
import { resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { notesHeading, notesHeadings, parseNotes, type AnnualNotes } from '../reports/notes.js';
import { readInputFile } from './files.js';
import { parseMonth, periodRange, type Period } from '../domain/periods.js';
import { parseYearField, valueOrThrow } from '../domain/fields.js';
import type { YearData } from '../reports/year-data.js';
import { progressLines, type ProgressLine } from '../reports/progress.js';
import { listUnits } from '../db/repos/subjects.js';
import { listInitiatives, reportsUpTo } from '../db/repos/progress.js';
import { reportRecognitions } from '../db/repos/recognitions.js';
import { ballotResultsOfYear, initiativeTitles, initiativesOfYear, nominationsOfYear, ratingCounts, registrationCounts, reportingCounts } from '../db/repos/reports.js';
import { monthEnd } from '../domain/progress.js';
import { listSpreadViews } from '../db/repos/spread.js';
import { transact, type Tx } from './database.js';
import { quarterEntries, resolveQuarter } from './commend.js';

export function requireYear(raw: string | number | undefined, flag = 'year'): number {
  return valueOrThrow(parseYearField(flag, raw));
}

const ALL_STATUSES = ['registered', 'in_progress', 'applied', 'recognised', 'rejected', 'withdrawn'] as const;

export async function loadYearIn(trx: Tx, year: number, today: string): Promise<YearData> {
  const units = (await listUnits(trx)).map((u) => ({ code: u.code, name: u.name }));
  // Counted in SQL where the reports show counts (registrations, monthly reporting, ratings).
  const registrations = await registrationCounts(trx, year);
  const initiatives = (await initiativesOfYear(trx, year)).map((r) => ({
    code: r.code, kind: r.kind, title: r.title, unit: r.unit_code, unitName: r.unit_name ?? r.unit_code, status: r.status,
    registeredOn: r.registered_on, statusOn: r.status_on, decidedOn: r.decided_on ?? null,
  }));
  // Every initiative of the year or earlier still running in it: registered late or not, its reports count.
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((month) => ({ month, lastDay: monthEnd(month) }));
  const reporting = await reportingCounts(trx, year, months);
  const ratings = await ratingCounts(trx, [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)]);
  const nominations = await nominationsOfYear(trx, year);
  const ballotResults = (await ballotResultsOfYear(trx, year)).map((r) => ({ nomination: r.nomination_id, agree: r.agree, disagree: r.disagree, blank: r.blank, base: r.base, passed: r.passed === 1 }));
  // Read once, narrow: the year's recognitions in force and those decided in it (its quarterly lists).
  const read = await reportRecognitions(trx, { year, from: `${year}-01-01`, to: `${year}-12-31` });
  const active = read.filter((r) => r.year === year);
  // An initiative recognised is named by its title, never its code.
  const works = await initiativeTitles(trx, active.map((r) => r.initiative_code).filter((c): c is string => c !== null));
  const recognitions = active
    .map((r) => ({
      id: r.id, subject: r.subject_code, name: r.subject_name, kind: r.subject_kind, unit: r.unit_code ?? '', unitName: r.unit_name ?? '',
      award: r.award, awardName: r.award_name ?? (r.award === 'SK' ? 'Sáng kiến' : r.award), decision: r.decision_payload_symbol, decidedOn: r.decided_on,
      bonus: r.bonus, succession: r.succession === 1, initiative: r.initiative_code, recorded: r.decision_id === null, work: r.initiative_code ? works.get(r.initiative_code) ?? null : null,
    }));
  const commendations: YearData['commendations'] = [];
  for (const q of [1, 2, 3, 4]) {
    const quarter = resolveQuarter(`${year}-Q${q}`, today);
    if (periodRange(quarter).from > today) continue;
    commendations.push({ quarter: quarter.text, ...(await quarterEntries(trx, quarter, today, read)) });
  }
  const dissemination = (await listSpreadViews(trx, { from: `${year}-01-01`, to: `${year}-12-31` }))
    .map((r) => ({ subject: r.subject_code, name: r.subject_name, channel: r.channel, date: r.date, note: r.note }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.subject.localeCompare(b.subject));
  return { year, units, registrations, initiatives, reporting, ratings, nominations, ballotResults, recognitions, commendations, dissemination };
}

export async function loadYear(ctx: ServiceContext, rawYear: string | number | undefined): Promise<YearData> {
  const year = requireYear(rawYear);
  return transact(ctx, (trx) => loadYearIn(trx, year, ctx.clock.today()));
}

/** The years of a five-year review (or any span up to 10 years). */
export async function loadPeriod(ctx: ServiceContext, rawFrom: string | undefined, rawTo: string | undefined): Promise<YearData[]> {
  const from = requireYear(rawFrom, 'from');
  const to = requireYear(rawTo, 'to');
  if (to < from || to - from > 9) throw new ValidationError('report.badSpan', { from, to });
  return transact(ctx, async (trx) => {
    const out: YearData[] = [];
    for (let y = from; y <= to; y++) out.push(await loadYearIn(trx, y, ctx.clock.today()));
    return out;
  });
}

export async function loadQuarter(ctx: ServiceContext, raw: string | undefined): Promise<{ quarter: Period & { kind: 'quarter' }; data: YearData }> {
  const quarter = resolveQuarter(raw ?? '', ctx.clock.today());
  return transact(ctx, async (trx) => ({ quarter, data: await loadYearIn(trx, quarter.year, ctx.clock.today()) }));
}

export async function loadMonth(ctx: ServiceContext, raw: string | undefined): Promise<{ month: string; data: YearData; lines: ProgressLine[] }> {
  const month = raw === undefined ? null : parseMonth(raw);
  if (!month) throw new ValidationError('invalid.month', { field: 'month', value: raw ?? '' });
  return transact(ctx, async (trx) => {
    const data = await loadYearIn(trx, Number(month.slice(0, 4)), ctx.clock.today());
    const since = `${month.slice(0, 4)}-01-01`;
    const initiatives = (await listInitiatives(trx, { statuses: ALL_STATUSES, changedSince: since })).map((i) => ({
      code: i.code, title: i.title, unit: i.unit_code, unitName: i.unit_name, year: i.year, status: i.status, registeredOn: i.registered_on, statusOn: i.status_on,
    }));
    const reports = (await reportsUpTo(trx, month, since)).map((r) => ({ code: r.initiative_code, month: r.month, percent: r.percent, note: r.note }));
    return { month, data, lines: progressLines(month, initiatives, reports) };
  });
}

/** A notes file is a few pages of text: 1 MB is far beyond any. */
const NOTES_MAX = 1024 * 1024;

/**
 * The clerk's assessment for the annual report of `year` (`--notes FILE.md`, reports/notes.ts). Unknown
 * headings, a section given twice, text outside the sections and a wrong year are refused (exit 3, each
 * named); so are missing sections, except in a draft, which leaves room for them.
 */
export async function readAnnualNotes(file: string, year: number, opts: { draft?: boolean } = {}): Promise<Partial<AnnualNotes>> {
  const read = await readInputFile(resolve(file), NOTES_MAX);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('notes.fileMissing', { file });
    throw new ValidationError('notes.unreadable', { file, reason: read.problem === 'tooBig' ? '> 1 MB' : read.code ?? read.problem });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ValidationError('notes.unreadable', { file, reason: 'UTF-8' });
  }
  const parsed = parseNotes(text, year);
  const missing = opts.draft ? [] : parsed.missing.map((k) => ({ key: 'notes.missing', params: { heading: notesHeading(k, year) } }));
  const problems = [...parsed.problems, ...missing];
  if (problems.length > 0) throw new ValidationError('notes.headings', { file, allowed: notesHeadings(year) }, problems);
  return parsed.notes;
}

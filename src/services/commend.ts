/**
 * `thidua commend`: the quarterly commendation list, safe to run unattended. The list is selected from
 * the data (reports/commend.ts) or, once marked final, read back exactly as it was frozen. Writing it
 * issues the notice (TB) in the register, reusing the registered one when nothing changed.
 */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { parsePeriod, periodRange, previousQuarter, type Period } from '../domain/periods.js';
import { compareLists, selectCommendations, type CommendEntry, type CommendInput } from '../reports/commend.js';
import { reportRecognitions, type ReportRecognition } from '../db/repos/recognitions.js';
import { listAchievements } from '../db/repos/records.js';
import { authorsOf } from '../db/repos/registrations.js';
import { decisionsBetween, getCommendList, insertCommendList, peopleWithUnits, ratingsWithPeople } from '../db/repos/reports.js';
import { commendCounts, type QuarterRange } from '../db/repos/status.js';
import { fold } from '../domain/names.js';
import { transact, type Tx } from './database.js';
import type { Report } from '../reports/model.js';
import { issueReport, type ReportIssue } from './report-docs.js';
import { transactDraft } from './documents.js';

const PREVIOUS = new Set(['previous', 'truoc', 'quy truoc']);

/** `2025-Q4`, or `previous` ("quý trước"): the quarter before today. */
export function resolveQuarter(raw: string, today: string): Period & { kind: 'quarter' } {
  if (PREVIOUS.has(fold(raw))) return previousQuarter(today) as Period & { kind: 'quarter' };
  const p = parsePeriod(raw);
  if (!p || p.kind !== 'quarter') throw new ValidationError('commend.badQuarter', { value: raw });
  return p;
}

/**
 * Everything the rule reads for one quarter. `read`: the recognitions in force already read for a
 * span holding the quarter (the annual report reads its year's once); else they are read here.
 */
export async function loadCommendInput(trx: Tx, quarter: Period & { kind: 'quarter' }, read?: ReportRecognition[]): Promise<CommendInput> {
  const { from, to } = periodRange(quarter);
  const person = (r: { code: string; name: string; unit_code: string; unit_name: string }) => ({ code: r.code, name: r.name, unit: r.unit_code, unitName: r.unit_name });
  const excellent = (await ratingsWithPeople(trx, [quarter.text], 'HTXSNV'))
    .map((r) => ({ ...person({ ...r, code: r.person_code }), rating: r.rating }));
  const decisions = (await decisionsBetween(trx, from, to)).filter((d) => d.decision === 'recognised');
  const authors = await authorsOf(trx, decisions.map((d) => d.initiative_code));
  const authorsBy = new Map<string, typeof authors>();
  for (const a of authors) authorsBy.set(a.initiative_code, [...(authorsBy.get(a.initiative_code) ?? []), a]);
  const people = new Map((await peopleWithUnits(trx, authors.map((a) => a.person_code))).map((p) => [p.code, person(p)]));
  const initiatives = decisions.map((d) => ({
    code: d.initiative_code,
    title: d.title,
    kind: d.kind,
    decidedOn: d.decided_on,
    authors: (authorsBy.get(d.initiative_code) ?? []).map((a) => people.get(a.person_code)!).filter(Boolean),
  }));
  // An initiative recognised is listed once, as an initiative (above), never as a title.
  const recognitions = (read ?? (await reportRecognitions(trx, { from, to })))
    .filter((r) => r.decided_on >= from && r.decided_on <= to && r.subject_kind === 'person' && r.initiative_code === null)
    .map((r) => ({
      code: r.subject_code, name: r.subject_name, unit: r.unit_code ?? '', unitName: r.unit_name ?? '',
      award: r.award, awardName: r.award_name ?? r.award, decision: r.decision_payload_symbol, decidedOn: r.decided_on,
    }));
  const achievements = (await listAchievements(trx, { from, to }))
    .filter((a) => a.person_name !== null)
    .map((a) => ({ subject: a.subject_code, date: a.date, text: a.text }));
  return { quarter: quarter.text, excellent, initiatives, recognitions, achievements };
}

export interface CommendList {
  quarter: string;
  entries: CommendEntry[];
  /** Marked final (read out): the entries are the frozen ones. */
  final: boolean;
  finalisedOn: string | null;
  /** For a final list: how the data now differs from it (names). */
  drift: { added: string[]; removed: string[]; changed: string[] } | null;
  /** The quarter has not ended yet on `today` (the list may still grow). */
  open: boolean;
}

async function listIn(trx: Tx, quarter: Period & { kind: 'quarter' }, today: string, read?: ReportRecognition[]): Promise<CommendList> {
  const current = selectCommendations(await loadCommendInput(trx, quarter, read));
  const frozen = await getCommendList(trx, quarter.text);
  const open = periodRange(quarter).to >= today;
  if (!frozen) return { quarter: quarter.text, entries: current, final: false, finalisedOn: null, drift: null, open };
  const entries = JSON.parse(frozen.entries) as CommendEntry[];
  const drift = compareLists(entries, current);
  const none = drift.added.length + drift.removed.length + drift.changed.length === 0;
  return { quarter: quarter.text, entries, final: true, finalisedOn: frozen.finalised_on, drift: none ? null : drift, open };
}

export async function commendList(ctx: ServiceContext, rawQuarter: string): Promise<CommendList> {
  const today = ctx.clock.today();
  const quarter = resolveQuarter(rawQuarter, today);
  return transact(ctx, (trx) => listIn(trx, quarter, today));
}

/**
 * The list of a quarter and, in the same transaction, the notice that registers it (`issue` issues or
 * reuses it: services/report-docs.ts): a list is never registered from data older than its number.
 */
export async function withCommendNotice<T>(
  ctx: ServiceContext,
  rawQuarter: string,
  use: (list: CommendList, issue: (report: Report) => Promise<ReportIssue>) => Promise<T>,
  opts: { draft?: boolean } = {},
): Promise<T> {
  const today = ctx.clock.today();
  const quarter = resolveQuarter(rawQuarter, today);
  return transactDraft(ctx, opts.draft, async (trx, audit) => use(await listIn(trx, quarter, today), (report) => issueReport(trx, audit, ctx.clock.now(), today, report)));
}

/**
 * Marks the list read out: freezes the entries as they are now (audited). A quarter that has not
 * ended cannot be final; a list already final stays as it was (`already` says so).
 */
export async function finaliseCommendList(ctx: ServiceContext, rawQuarter: string): Promise<CommendList & { already: boolean }> {
  const today = ctx.clock.today();
  const quarter = resolveQuarter(rawQuarter, today);
  return transact(ctx, async (trx, audit) => {
    const list = await listIn(trx, quarter, today);
    if (list.final) return { ...list, already: true };
    if (list.open) throw new WorkflowError('commend.notEnded', { quarter: quarter.text, end: periodRange(quarter).to });
    await insertCommendList(trx, { quarter: quarter.text, entries: JSON.stringify(list.entries), finalised_on: today, document_id: null, created_at: ctx.clock.now() });
    await audit({ entity: 'commend_list', entityId: quarter.text, action: 'finalise', after: { quarter: quarter.text, entries: list.entries.map((e) => e.subject) } });
    return { ...list, final: true, finalisedOn: today, already: false };
  });
}

/** The quarters of a year whose lists are final. */
export async function finalQuarters(trx: Tx, quarters: string[]): Promise<Map<string, CommendEntry[]>> {
  const out = new Map<string, CommendEntry[]>();
  for (const q of quarters) {
    const row = await getCommendList(trx, q);
    if (row) out.set(q, JSON.parse(row.entries) as CommendEntry[]);
  }
  return out;
}

/** The list of a quarter as reports use it: frozen when final (`final`), else from the data. */
export async function quarterEntries(trx: Tx, quarter: Period & { kind: 'quarter' }, today: string, read?: ReportRecognition[]): Promise<{ final: boolean; entries: CommendEntry[] }> {
  // A final list is read as it was frozen: the data's list (what a drift is told against) is not needed.
  const frozen = await getCommendList(trx, quarter.text);
  if (frozen) return { final: true, entries: JSON.parse(frozen.entries) as CommendEntry[] };
  return { final: false, entries: (await listIn(trx, quarter, today, read)).entries };
}

/**
 * `status`: the quarters (the last four that have ended) whose list is neither final nor written to a
 * file (no notice in the register), from the day after the quarter ends.
 */
export const commendDue = async (trx: Tx, today: string) => {
  const quarters: QuarterRange[] = [];
  let q = previousQuarter(today) as Period & { kind: 'quarter' };
  for (let i = 0; i < 4; i++) {
    quarters.unshift({ quarter: q.text, ...periodRange(q) });
    q = previousQuarter(periodRange(q).from) as Period & { kind: 'quarter' };
  }
  // Counted in one query (db/repos/status.ts); a quarter nobody qualifies for has no list to read out.
  const counts = await commendCounts(trx, quarters);
  const items: Record<string, string | number>[] = quarters.filter((x) => counts.has(x.quarter)).map((x) => ({ quarter: x.quarter, people: counts.get(x.quarter)!, what: 'commend' }));
  if (items.length === 0) return null;
  return {
    key: 'commendDue',
    columns: [
      { field: 'quarter', header: 'status.col.quarter' },
      { field: 'people', header: 'status.col.people' },
      { field: 'what', header: 'status.col.what', kind: 'message' as const },
    ],
    items,
  };
};

/**
 * `thidua status`: what is due on a day, as sections. Each section has one builder; a later feature
 * adds a section by adding a builder to `SECTIONS`.
 */
import type { ServiceContext } from '../context.js';
import { compareNames, sortByText } from '../domain/names.js';
import { monthOf, previousMonth } from '../domain/periods.js';
import { daysBetween } from '../domain/progress.js';
import { overdueFosterTasks } from '../db/repos/progress.js';
import { silentInitiatives as silentSince } from '../db/repos/status.js';
import { transact } from './database.js';
import { findMissing, groupByUnit } from './progress.js';
import { nominationsAwaitingAppraisal } from './nominations.js';
import { overdueReviews } from './review.js';
import { ballotsWaiting, openBallots } from './ballots.js';
import { awaitingRecognition } from './recognitions.js';
import { awaitingProvince } from './recorded.js';
import { ruleValue } from './reference.js';
import { commendDue } from './commend.js';
import type { SectionBuilder } from './section.js';
import type { StatusReport, StatusSection } from '../reports/status.js';

/** Units whose running initiatives have no report for last month. */
export const missingReports: SectionBuilder = async (trx, today) => {
  const month = previousMonth(monthOf(today));
  const groups = groupByUnit(await findMissing(trx, month));
  if (groups.length === 0) return null;
  return {
    key: 'missingReports',
    params: { month },
    columns: [
      { field: 'unitName', header: 'col.unit' },
      { field: 'count', header: 'status.col.count' },
      { field: 'codes', header: 'status.col.codes', kind: 'list' },
    ],
    items: groups.map((g) => ({ unit: g.unit, unitName: g.unitName, month, count: g.entries.length, codes: g.entries.map((e) => e.code) })),
  };
};

/** Running initiatives with no report for two months or more (or never, two months after registering). */
export const silentInitiatives: SectionBuilder = async (trx, today) => {
  // Silent (domain/progress.ts isSilent): nothing reported after the month three before this one, and
  // never reported, registered before the month after it. One query; only the silent come back.
  const upTo = previousMonth(previousMonth(previousMonth(monthOf(today))));
  const rows = await silentSince(trx, upTo, `${previousMonth(previousMonth(monthOf(today)))}-01`);
  const silent = sortByText(rows, (i) => i.unit_name, (a, b) => a.code.localeCompare(b.code));
  if (silent.length === 0) return null;
  return {
    key: 'silentInitiatives',
    columns: [
      { field: 'code', header: 'col.code' },
      { field: 'title', header: 'progress.col.title' },
      { field: 'unitName', header: 'col.unit' },
      { field: 'lastMonth', header: 'progress.col.lastMonth', kind: 'month' },
    ],
    items: silent.map((i) => ({ code: i.code, title: i.title, unit: i.unit_code, unitName: i.unit_name, lastMonth: i.last })),
  };
};

/** Tasks given to people on the watch list, not done by their due date. */
export const overdueTasks: SectionBuilder = async (trx, today) => {
  const rows = (await overdueFosterTasks(trx, today)).sort((a, b) => a.due.localeCompare(b.due) || compareNames(a.person_name, b.person_name) || a.id - b.id);
  if (rows.length === 0) return null;
  return {
    key: 'overdueFosterTasks',
    columns: [
      { field: 'name', header: 'col.name' },
      { field: 'task', header: 'status.col.task' },
      { field: 'due', header: 'status.col.due', kind: 'date' },
      { field: 'daysOverdue', header: 'status.col.daysOverdue' },
    ],
    items: rows.map((r) => ({ person: r.person_code, name: r.person_name, task: r.text, due: r.due, daysOverdue: daysBetween(r.due, today) })),
  };
};

/** The sections in the order `status` shows them. */
/** How long before the province deadline (31 January by default) status starts to show it. */
const DEADLINE_NOTICE_DAYS = 60;

/**
 * The deadline for proposing provincial exemplars and reporting the year to the province
 * (rule `deadline.province`, month-day): shown from 60 days before it until the day itself.
 */
export const provinceDeadline: SectionBuilder = async (trx, today) => {
  const monthDay = (await ruleValue(trx, 'deadline.province', today)) ?? '01-31';
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  const deadline = thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft > DEADLINE_NOTICE_DAYS) return null;
  const year = Number(deadline.slice(0, 4)) - 1;
  return {
    key: 'provinceDeadline',
    params: { year },
    columns: [
      { field: 'deadline', header: 'status.col.deadline', kind: 'date' },
      { field: 'daysLeft', header: 'status.col.daysLeft' },
      { field: 'what', header: 'status.col.what', kind: 'message' },
    ],
    items: [{ year, deadline, daysLeft, what: 'province' }],
  };
};

export const SECTIONS: SectionBuilder[] = [
  provinceDeadline, missingReports, silentInitiatives, overdueTasks, nominationsAwaitingAppraisal, overdueReviews, ballotsWaiting, openBallots, awaitingRecognition, awaitingProvince, commendDue,
];

export async function buildStatus(ctx: ServiceContext): Promise<StatusReport> {
  const today = ctx.clock.today();
  return transact(ctx, async (trx) => {
    const sections: StatusSection[] = [];
    for (const build of SECTIONS) {
      const s = await build(trx, today);
      if (s && s.items.length > 0) sections.push(s);
    }
    return { today, sections };
  });
}

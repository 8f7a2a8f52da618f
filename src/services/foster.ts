/**
 * Fostering new factors (bồi dưỡng nhân tố mới): promising people on a watch list, each with a mentor
 * and a goal, given tasks that fit them and followed until the watch ends.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseCode, parsePastDate, parseRequiredDate, parseRequiredText } from '../domain/fields.js';
import { compareIso, formatVnDate } from '../domain/dates.js';
import { daysOverdue } from '../domain/foster.js';
import { sortByName } from '../domain/names.js';
import {
  completeTask as completeTaskRow, endWatch as endWatchRow, getTask, getWatchView, insertTask, insertWatch,
  listWatchViews, openWatchOf, tasksOf, type TaskRow, type WatchView,
} from '../db/repos/foster.js';
import { transact, type Tx } from './database.js';
import { requirePerson } from './subjects.js';

export interface FosterTask {
  id: number;
  text: string;
  due: string;
  assignedOn: string;
  /** The day it was done, or null while open. */
  done: string | null;
  result: string | null;
  overdue: boolean;
  daysOverdue: number;
}

export interface Watch {
  id: number;
  person: string;
  name: string;
  unit: string;
  unitName: string;
  mentor: string;
  mentorName: string;
  goal: string;
  since: string;
  /** The day the watch ended, or null while open. */
  ended: string | null;
  endReason: string | null;
  tasks: FosterTask[];
  openTasks: number;
  overdueTasks: number;
}

function toTask(r: TaskRow, today: string, watchOpen: boolean): FosterTask {
  const late = daysOverdue({ due: r.due, doneOn: r.done_on }, today, watchOpen);
  return { id: r.id, text: r.text, due: r.due, assignedOn: r.assigned_on, done: r.done_on, result: r.result, overdue: late > 0, daysOverdue: late };
}

function toWatch(w: WatchView, rows: TaskRow[], today: string): Watch {
  const tasks = rows.filter((t) => t.watch_id === w.id).map((t) => toTask(t, today, w.ended_on === null));
  return {
    id: w.id,
    person: w.person_code,
    name: w.person_name,
    unit: w.unit_code,
    unitName: w.unit_name,
    mentor: w.mentor_code,
    mentorName: w.mentor_name,
    goal: w.goal,
    since: w.started_on,
    ended: w.ended_on,
    endReason: w.end_reason,
    tasks,
    openTasks: tasks.filter((t) => t.done === null).length,
    overdueTasks: tasks.filter((t) => t.overdue).length,
  };
}

async function loadWatch(trx: Tx, id: number, today: string): Promise<Watch> {
  const view = await getWatchView(trx, id);
  if (!view) throw new NotFoundError('foster.watchNotFound', { id });
  return toWatch(view, await tasksOf(trx, [id]), today);
}

/** The person's open watch; exit 5 with the `foster add` hint when they are not on the list. */
async function requireOpenWatch(trx: Tx, person: string): Promise<WatchView> {
  const p = await requirePerson(trx, person);
  const watch = await openWatchOf(trx, person);
  if (!watch) throw new WorkflowError('foster.notWatched', { code: person, name: p.name });
  return watch;
}

/** Every problem of the flags at once (exit 3), before anything is read or written. */
function check<T>(fn: (c: FieldCollector) => T): T {
  const c = new FieldCollector();
  const value = fn(c);
  if (c.problems.length > 0) throw new ValidationError('foster.invalid', {}, c.problems);
  return value;
}

export interface WatchInput {
  person?: string;
  mentor?: string;
  goal?: string;
}

/** Puts a person on the watch list from today, with a mentor and a goal. */
export async function startWatch(ctx: ServiceContext, input: WatchInput): Promise<Watch> {
  const { person, mentor, goal } = check((c) => {
    const v = { person: c.take(parseCode('person', input.person)), mentor: c.take(parseCode('mentor', input.mentor)), goal: c.take(parseRequiredText('goal', input.goal, 500)) };
    if (v.person && v.person === v.mentor) c.add('foster.selfMentor', { code: v.person });
    return v;
  });
  const today = ctx.clock.today();
  return transact(ctx, async (trx, audit) => {
    const p = await requirePerson(trx, person);
    const m = await requirePerson(trx, mentor);
    if (!p.active) throw new WorkflowError('foster.inactive', { code: p.code, name: p.name });
    if (!m.active) throw new WorkflowError('foster.mentorInactive', { code: m.code, name: m.name });
    const open = await openWatchOf(trx, person);
    if (open) throw new WorkflowError('foster.alreadyWatched', { code: person, name: p.name, mentor: open.mentor_name, since: formatVnDate(open.started_on) });
    const id = await insertWatch(trx, { person_code: person, mentor_code: mentor, goal, started_on: today, ended_on: null, end_reason: null, created_at: ctx.clock.now() });
    const watch = await loadWatch(trx, id, today);
    await audit({ entity: 'foster', entityId: String(id), action: 'create', after: watch });
    return watch;
  });
}

export interface TaskInput {
  person?: string;
  text?: string;
  due?: string;
}

/** Gives a watched person a task due on a day from today on. */
export async function assignTask(ctx: ServiceContext, input: TaskInput): Promise<{ task: FosterTask; watch: Watch }> {
  const today = ctx.clock.today();
  const { person, text, due } = check((c) => {
    const v = { person: c.take(parseCode('person', input.person)), text: c.take(parseRequiredText('text', input.text, 500)), due: c.take(parseRequiredDate('due', input.due)) };
    if (v.due && compareIso(v.due, today) < 0) c.add('foster.dueInPast', { field: 'due', date: formatVnDate(v.due), today: formatVnDate(today) });
    return v;
  });
  return transact(ctx, async (trx, audit) => {
    const open = await requireOpenWatch(trx, person);
    const id = await insertTask(trx, { watch_id: open.id, text, due, assigned_on: today, done_on: null, result: null, created_at: ctx.clock.now() });
    const watch = await loadWatch(trx, open.id, today);
    const task = watch.tasks.find((t) => t.id === id)!;
    await audit({ entity: 'foster-task', entityId: String(id), action: 'create', after: { person, ...task } });
    return { task, watch };
  });
}

/** A task id as typed: a positive whole number (exit 3 otherwise). */
function taskId(raw: string): number {
  const s = raw.trim();
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw new ValidationError('invalid.count', { field: 'task', value: raw });
  return Number(s);
}

/**
 * Marks a task done, with what came of it: today, or on `rawDate` for a result entered late (not
 * after today, not before the task was assigned; exit 3).
 */
export async function completeTask(
  ctx: ServiceContext, rawId: string, rawResult: string | undefined, rawDate?: string,
): Promise<{ task: FosterTask; watch: Watch }> {
  const id = taskId(rawId);
  const today = ctx.clock.today();
  const { result, doneOn } = check((c) => ({
    result: c.take(parseRequiredText('result', rawResult, 1000)),
    doneOn: rawDate === undefined ? today : c.take(parsePastDate('doneOn', rawDate, today)),
  }));
  return transact(ctx, async (trx, audit) => {
    const before = await getTask(trx, id);
    if (!before) throw new NotFoundError('foster.taskNotFound', { id });
    if (before.done_on) throw new WorkflowError('foster.alreadyDone', { id, date: formatVnDate(before.done_on), result: before.result ?? '' });
    if (doneOn < before.assigned_on) {
      throw new ValidationError('foster.doneBeforeAssigned', { id, value: formatVnDate(doneOn), assignedOn: before.assigned_on });
    }
    await completeTaskRow(trx, id, doneOn, result);
    const watch = await loadWatch(trx, before.watch_id, today);
    const task = watch.tasks.find((t) => t.id === id)!;
    await audit({ entity: 'foster-task', entityId: String(id), action: 'update', before, after: task });
    return { task, watch };
  });
}

/** Ends a person's watch today; their open tasks stay recorded as they are. */
export async function endWatch(ctx: ServiceContext, rawPerson: string, rawReason: string | undefined): Promise<Watch> {
  const { person, reason } = check((c) => ({ person: c.take(parseCode('person', rawPerson)), reason: c.take(parseRequiredText('reason', rawReason, 500)) }));
  const today = ctx.clock.today();
  return transact(ctx, async (trx, audit) => {
    const open = await requireOpenWatch(trx, person);
    const before = await loadWatch(trx, open.id, today);
    await endWatchRow(trx, open.id, today, reason);
    const after = await loadWatch(trx, open.id, today);
    await audit({ entity: 'foster', entityId: String(open.id), action: 'end', before, after });
    return after;
  });
}

export interface WatchFilter {
  /** Include ended watches. */
  all?: boolean;
  /** Only people with overdue tasks. */
  overdue?: boolean;
}

/** The watch list sorted by the person's name the Vietnamese way (latest watch first for the same person). */
export async function listWatches(ctx: ServiceContext, filter: WatchFilter = {}): Promise<Watch[]> {
  const today = ctx.clock.today();
  return transact(ctx, async (trx) => {
    const views = await listWatchViews(trx, { all: filter.all });
    const tasks = await tasksOf(trx, views.map((v) => v.id));
    const watches = views
      .map((v) => toWatch(v, tasks, today))
      .filter((w) => !filter.overdue || w.overdueTasks > 0)
      .sort((a, b) => compareIso(b.since, a.since) || b.id - a.id);
    return sortByName(watches, (w) => w.name);
  });
}

/** How watches and tasks look in `foster` output: one place for each. */
import type { Context } from '../../../context.js';
import type { Column } from '../../output.js';
import type { FosterTask, Watch } from '../../../services/foster.js';
import { dateText } from '../../views.js';

/** A task as `foster list --json` shows it; `foster task/done --json` add the person's code. */
export function taskJson(t: FosterTask) {
  return { id: t.id, text: t.text, due: t.due, done: t.done, result: t.result, overdue: t.overdue };
}

/** `foster list --json` (and `foster add/end --json`): exactly these fields. */
export function watchJson(w: Watch) {
  return {
    id: w.id,
    person: w.person,
    name: w.name,
    unit: w.unit,
    mentor: w.mentor,
    mentorName: w.mentorName,
    goal: w.goal,
    since: w.since,
    ended: w.ended,
    tasks: w.tasks.map(taskJson),
  };
}

export function watchColumns(ctx: Context, withEnded: boolean): Column<Watch>[] {
  const cols: Column<Watch>[] = [
    { header: 'col.code', value: (w) => w.person },
    { header: 'col.name', value: (w) => w.name },
    { header: 'col.unit', value: (w) => w.unitName },
    { header: 'col.mentor', value: (w) => w.mentorName },
    { header: 'col.goal', value: (w) => w.goal },
    { header: 'col.since', value: (w) => dateText(w.since) },
    { header: 'col.openTasks', value: (w) => w.openTasks },
    { header: 'col.overdueTasks', value: (w) => w.overdueTasks },
  ];
  if (withEnded) cols.push({ header: 'col.ended', value: (w) => (w.ended ? ctx.t('foster.endedOn', { date: dateText(w.ended), reason: w.endReason ?? '' }) : '') });
  return cols;
}

/** The id of what was just created, on stdout for scripts (with --json the JSON carries it); the sentence goes to stderr. */
export function printId(ctx: Context, id: number): void {
  if (!ctx.options.json) ctx.io.out(`${id}\n`);
}

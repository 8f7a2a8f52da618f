/** Fostering new factors (bồi dưỡng nhân tố mới): when a task given to a watched person is late. */

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}

export interface TaskState {
  due: string;
  doneOn: string | null;
}

/**
 * Days a task is overdue on `today`: 0 when it is done, due today or later, or when the watch has
 * ended (a closed watch chases nobody; its open tasks stay recorded as they were).
 */
export function daysOverdue(task: TaskState, today: string, watchOpen: boolean): number {
  if (task.doneOn !== null || !watchOpen) return 0;
  return Math.max(0, daysBetween(task.due, today));
}

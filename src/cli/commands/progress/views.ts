/** How progress reports look in tables, and their `--json` shapes (CLI.md). */
import type { Context } from '../../../context.js';
import type { Column } from '../../output.js';
import type { MissingEntry, ProgressEntry } from '../../../services/progress.js';
import { dateText } from '../../views.js';

/** `2025-10` as Vietnamese forms write it: `10/2025`. */
export function monthText(month: string | null): string {
  return month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : '';
}

/** `progress add --json` and one element of `progress list --json`: exactly these fields. */
export function progressJson(r: ProgressEntry) {
  return { code: r.code, title: r.title, unit: r.unit, month: r.month, percent: r.percent, note: r.note, reportedOn: r.reportedOn };
}

/** One element of `progress missing --json`: exactly these fields. */
export function missingJson(m: MissingEntry) {
  return { code: m.code, title: m.title, unit: m.unit, lastMonth: m.lastMonth };
}

export function progressColumns(): Column<ProgressEntry>[] {
  return [
    { header: 'col.code', value: (r) => r.code },
    { header: 'progress.col.title', value: (r) => r.title },
    { header: 'col.unit', value: (r) => r.unitName },
    { header: 'progress.col.month', value: (r) => monthText(r.month) },
    { header: 'progress.col.percent', value: (r) => `${r.percent}%` },
    { header: 'progress.col.note', value: (r) => r.note },
    { header: 'progress.col.reportedOn', value: (r) => dateText(r.reportedOn) },
  ];
}

export function missingColumns(ctx: Context, withUnit: boolean): Column<MissingEntry>[] {
  return [
    { header: 'col.code', value: (m) => m.code },
    { header: 'progress.col.title', value: (m) => m.title },
    ...(withUnit ? [{ header: 'col.unit', value: (m: MissingEntry) => m.unitName }] : []),
    { header: 'progress.col.lastMonth', value: (m) => (m.lastMonth ? monthText(m.lastMonth) : ctx.t('progress.never')) },
  ];
}

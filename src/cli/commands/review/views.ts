/** How reviews look in tables and records, and their `--json` shapes. */
import type { Context } from '../../../context.js';
import type { Column } from '../../output.js';
import type { OverdueReview, Review } from '../../../services/review.js';
import { dateText, decimalText } from '../../views.js';
import { roundAverage } from '../../../domain/review.js';

/** A number as the reader writes it: `7,5` in Vietnamese, `7.5` in English; two decimals for averages. */
export function numberText(ctx: Context, n: number | null, decimals?: number): string {
  if (n === null) return '';
  return decimalText(ctx, decimals === undefined ? String(n) : n.toFixed(decimals));
}

/** "2/3", or a dash when the year has no initiative council yet. */
export function progressText(r: Review): string {
  return r.council ? `${r.progress.scored}/${r.progress.scorers}` : '–';
}

/** How the review ended: the decision, a withdrawal, or nothing yet. */
export function outcome(r: Review): { decision: 'recognised' | 'rejected' | 'withdrawn' | null; decidedOn: string | null } {
  if (r.decision) return { decision: r.decision.decision, decidedOn: r.decision.decidedOn };
  if (r.initiative.status === 'withdrawn') return { decision: 'withdrawn', decidedOn: r.initiative.statusOn };
  return { decision: null, decidedOn: null };
}

/** One element of `review list --json`: exactly these fields (`average` null while scores are hidden). */
export function reviewListJson(r: Review) {
  return {
    code: r.initiative.code,
    title: r.initiative.title,
    authors: r.initiative.authors,
    appliedOn: r.application.appliedOn,
    deadline: r.application.deadline,
    scored: r.progress.scored,
    scorers: r.council ? r.progress.scorers : null,
    average: r.average === null ? null : roundAverage(r.average),
    ...outcome(r),
  };
}

/** `review show --json` (and `review apply --json`): the application, the council, progress, and scores once complete. */
export function reviewJson(r: Review) {
  return {
    ...reviewListJson(r),
    kind: r.initiative.kind,
    status: r.initiative.status,
    application: r.application,
    council: r.council ? { id: r.council.id, year: r.council.year, members: r.council.members.map((m) => ({ code: m.code, name: m.name, role: m.role })) } : null,
    waiting: r.waiting,
    scores: r.scores,
    decisionReason: r.decision?.reason ?? null,
    conditions: r.decision?.conditions ?? [],
  };
}

export function outcomeText(ctx: Context, r: Review): string {
  const o = outcome(r);
  return o.decision ? ctx.t(`review.outcome.${o.decision}`, { date: dateText(o.decidedOn) }) : ctx.t('review.outcome.pending');
}

export function reviewColumns(ctx: Context): Column<Review>[] {
  return [
    { header: 'col.code', value: (r) => r.initiative.code },
    { header: 'review.col.title', value: (r) => r.initiative.title },
    { header: 'review.col.authors', value: (r) => r.initiative.authors.map((a) => a.name).join(', ') },
    { header: 'review.col.appliedOn', value: (r) => dateText(r.application.appliedOn) },
    { header: 'review.col.deadline', value: (r) => dateText(r.application.deadline) },
    { header: 'review.col.scored', value: (r) => progressText(r) },
    { header: 'review.col.average', value: (r) => numberText(ctx, r.average, 2) },
    { header: 'review.col.decision', value: (r) => outcomeText(ctx, r) },
  ];
}

/** One element of `review overdue --json`. */
export function overdueJson(o: OverdueReview) {
  const r = o.review;
  return {
    code: r.initiative.code,
    title: r.initiative.title,
    unit: r.initiative.unit,
    appliedOn: r.application.appliedOn,
    deadline: r.application.deadline,
    daysOverdue: o.daysOverdue,
    scored: r.progress.scored,
    scorers: r.council ? r.progress.scorers : null,
  };
}

export function overdueColumns(): Column<OverdueReview>[] {
  return [
    { header: 'col.code', value: (o) => o.review.initiative.code },
    { header: 'review.col.title', value: (o) => o.review.initiative.title },
    { header: 'col.unit', value: (o) => o.review.initiative.unitName },
    { header: 'review.col.appliedOn', value: (o) => dateText(o.review.application.appliedOn) },
    { header: 'review.col.deadline', value: (o) => dateText(o.review.application.deadline) },
    { header: 'status.col.daysOverdue', value: (o) => o.daysOverdue },
    { header: 'review.col.scored', value: (o) => progressText(o.review) },
  ];
}

/**
 * The initiative council's review (Hội đồng sáng kiến): the application for recognition, the
 * members' scores (hidden until every member who may score has scored), the decision, and the
 * applications past their deadline. Applying, scoring and deciding are their own steps (review-apply.ts,
 * review-score.ts, review-decide.ts); this file keeps the views, the shared checks, the lists and
 * the status section.
 */
import type { ServiceContext } from '../context.js';
import { WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseRequiredDate } from '../domain/fields.js';
import { formatVnDate } from '../domain/dates.js';
import { daysBetween } from '../domain/progress.js';
import { parseInitiativeCode } from '../domain/initiatives.js';
import { averageOf, eligibleScorers, memberMean, roundAverage, ruleNumber, scoringProgress, visible, type Condition, type CouncilRole, type Scores, type ScoringProgress } from '../domain/review.js';
import { decisionsOf, getApplication, listApplications, pendingApplicationsDueBefore, scoresOf, type ApplicationRow, type DecisionRow, type ScoreRow } from '../db/repos/review.js';
import { transact, type Tx } from './database.js';
import { initiativeCodeOrThrow, initiativesOf, requireInitiative, type Initiative } from './initiatives.js';
import { councilOf, type Council } from './councils.js';
import { ruleValue } from './reference.js';
import type { SectionBuilder } from './section.js';

// ——— views ———

export interface Application {
  appliedOn: string;
  firstApplied: string;
  description: string;
  novelty: string | null;
  application: string | null;
  benefit: string | null;
  conditions: string | null;
  deadline: string;
}

export interface MemberScore extends Scores {
  code: string;
  name: string;
  role: CouncilRole;
  /** The mean of the member's three scores, two decimals. */
  mean: number;
  scoredOn: string;
}

export interface Decision {
  decision: 'recognised' | 'rejected';
  decidedOn: string;
  reason: string | null;
  average: number | null;
  conditions: Condition[];
}

/** Everything about the review of one initiative. Scores and the average are null until scoring is complete. */
export interface Review {
  initiative: Initiative;
  application: Application;
  /** The year of the council that reviews it (the year it was applied in). */
  councilYear: number;
  council: Council | null;
  progress: ScoringProgress;
  /** Eligible scorers still to score (names, not scores). */
  waiting: { code: string; name: string }[];
  /** Eligible scorers who have scored, and when (who, never what). */
  scoredBy: { code: string; scoredOn: string }[];
  /** Unrounded; null while hidden. */
  average: number | null;
  scores: MemberScore[] | null;
  decision: Decision | null;
}

export function toApplication(r: ApplicationRow): Application {
  return {
    appliedOn: r.applied_on,
    firstApplied: r.first_applied,
    description: r.description,
    novelty: r.novelty,
    application: r.application,
    benefit: r.benefit,
    conditions: r.conditions,
    deadline: r.deadline,
  };
}

function toDecision(r: DecisionRow): Decision {
  return {
    decision: r.decision,
    decidedOn: r.decided_on,
    reason: r.reason,
    average: r.average === null ? null : roundAverage(r.average),
    conditions: r.conditions ? (JSON.parse(r.conditions) as Condition[]) : [],
  };
}

/** Puts together the review of one initiative from what was loaded: who may score, progress, what may be shown. */
function assemble(initiative: Initiative, app: ApplicationRow, council: Council | null, scoreRows: ScoreRow[], decision: DecisionRow | undefined): Review {
  const roll = council?.members ?? [];
  const scored = new Set(scoreRows.map((s) => s.member_code));
  const eligible = eligibleScorers(roll, initiative.authors.map((a) => a.code), scored);
  const progress = scoringProgress(eligible, scored);
  const counted = roll.flatMap((m) => {
    const s = scoreRows.find((r) => r.member_code === m.code);
    if (!s || !eligible.includes(m.code)) return [];
    const scores: Scores = { novelty: s.novelty, applicability: s.applicability, benefit: s.benefit };
    return [{ code: m.code, name: m.name, role: m.role, ...scores, mean: roundAverage(memberMean(scores)), scoredOn: s.scored_on }];
  });
  return {
    initiative,
    application: toApplication(app),
    councilYear: councilYear(app),
    council,
    progress,
    waiting: roll.filter((m) => progress.waiting.includes(m.code)).map((m) => ({ code: m.code, name: m.name })),
    scoredBy: counted.map((m) => ({ code: m.code, scoredOn: m.scoredOn })),
    average: visible(progress, averageOf(counted)),
    scores: visible(progress, counted),
    decision: decision ? toDecision(decision) : null,
  };
}

/**
 * The year whose initiative council reviews an application: the year it was applied in. An
 * initiative registered in one year and applied the next goes to the next year's council.
 */
export function councilYear(app: Pick<ApplicationRow, 'applied_on'>): number {
  return Number(app.applied_on.slice(0, 4));
}

/** The reviews of these applications, in the order given. */
async function reviewsOf(trx: Tx, apps: ApplicationRow[]): Promise<Review[]> {
  const codes = apps.map((a) => a.initiative_code);
  const initiatives = new Map<string, Initiative>();
  for (const year of new Set(codes.map((c) => parseInitiativeCode(c)!.year))) {
    for (const i of await initiativesOf(trx, { year })) initiatives.set(i.code, i);
  }
  const councils = new Map<number, Council | null>();
  for (const year of new Set(apps.map(councilYear))) councils.set(year, await councilOf(trx, 'initiative', year));
  const scores = await scoresOf(trx, codes);
  const decisions = await decisionsOf(trx, codes);
  return apps.map((a) => {
    const ini = initiatives.get(a.initiative_code)!;
    const own = scores.filter((s) => s.initiative_code === a.initiative_code);
    return assemble(ini, a, councils.get(councilYear(a)) ?? null, own, decisions.find((d) => d.initiative_code === a.initiative_code));
  });
}

export async function reviewOf(trx: Tx, initiative: Initiative, app: ApplicationRow): Promise<Review> {
  const council = await councilOf(trx, 'initiative', councilYear(app));
  const decision = (await decisionsOf(trx, [initiative.code]))[0];
  return assemble(initiative, app, council, await scoresOf(trx, [initiative.code]), decision);
}

// ——— shared checks ———

/**
 * The date of an act (application, score, decision): `--date` or today; not after today, and not
 * before `earliest` (the problem `earliest.key` says why). Problems go to the collector.
 */
export function actDate(c: FieldCollector, raw: string | undefined, today: string, earliest?: { date: string; key: string }): string {
  if (raw === undefined) return today;
  const date = c.take(parseRequiredDate('reviewDate', raw));
  if (date === undefined) return today;
  if (date > today) c.add('review.afterToday', { field: 'reviewDate', value: formatVnDate(date), today: formatVnDate(today) });
  else if (earliest && date < earliest.date) c.add(earliest.key, { field: 'reviewDate', value: formatVnDate(date), date: formatVnDate(earliest.date) });
  return date;
}

/** A withdrawn initiative is out of the council's hands: applying would not help, so the message does not suggest it. */
function withdrawnError(ini: Initiative): WorkflowError {
  return new WorkflowError('review.withdrawn', { code: ini.code, date: formatVnDate(ini.statusOn), reason: ini.statusReason ?? '' });
}

/** An initiative waiting for the council: decided ones are final; others must have applied (exit 5). */
export async function requirePending(trx: Tx, ini: Initiative): Promise<ApplicationRow> {
  const decision = (await decisionsOf(trx, [ini.code]))[0];
  if (decision) {
    throw new WorkflowError(`review.final.${decision.decision}`, { code: ini.code, date: formatVnDate(decision.decided_on), reason: decision.reason ?? '' });
  }
  const app = await getApplication(trx, ini.code);
  if (ini.status === 'withdrawn') throw withdrawnError(ini);
  if (!app || ini.status !== 'applied') {
    throw new WorkflowError('review.notApplied', { code: ini.code }, [
      { key: `initiative.now.${ini.status}`, params: { date: formatVnDate(ini.statusOn), reason: ini.statusReason ?? '' } },
    ]);
  }
  return app;
}

export async function numberRule(trx: Tx, key: string, date: string, fallback: number): Promise<number> {
  return ruleNumber(await ruleValue(trx, key, date), fallback);
}

// ——— lists ———

export async function listReviews(ctx: ServiceContext, year: number): Promise<Review[]> {
  return transact(ctx, async (trx) => reviewsOf(trx, await listApplications(trx, { year })));
}

export async function showReview(ctx: ServiceContext, rawCode: string): Promise<Review> {
  const code = initiativeCodeOrThrow(rawCode);
  return transact(ctx, async (trx) => {
    const ini = await requireInitiative(trx, code);
    const app = await getApplication(trx, code);
    if (!app && ini.status === 'withdrawn') throw withdrawnError(ini);
    if (!app) throw new WorkflowError('review.noApplication', { code }, [{ key: `initiative.now.${ini.status}`, params: { date: formatVnDate(ini.statusOn), reason: ini.statusReason ?? '' } }]);
    return reviewOf(trx, ini, app);
  });
}

export interface OverdueReview {
  review: Review;
  daysOverdue: number;
}

/** Applications still waiting for a decision whose deadline is before `today`, the longest overdue first. */
async function overdueOf(trx: Tx, today: string): Promise<OverdueReview[]> {
  const reviews = await reviewsOf(trx, await pendingApplicationsDueBefore(trx, today));
  return reviews.map((review) => ({ review, daysOverdue: daysBetween(review.application.deadline, today) }));
}

export async function listOverdueReviews(ctx: ServiceContext): Promise<OverdueReview[]> {
  return transact(ctx, (trx) => overdueOf(trx, ctx.clock.today()));
}

/** `status`: applications past their deadline. */
export const overdueReviews: SectionBuilder = async (trx, today) => {
  const rows = await overdueOf(trx, today);
  if (rows.length === 0) return null;
  return {
    key: 'overdueReviews',
    columns: [
      { field: 'code', header: 'col.code' },
      { field: 'title', header: 'review.col.title' },
      { field: 'deadline', header: 'review.col.deadline', kind: 'date' },
      { field: 'daysOverdue', header: 'status.col.daysOverdue' },
      { field: 'progress', header: 'review.col.scored' },
    ],
    items: rows.map(({ review: r, daysOverdue }) => ({
      code: r.initiative.code, title: r.initiative.title, unit: r.initiative.unit, appliedOn: r.application.appliedOn,
      deadline: r.application.deadline, daysOverdue, scored: r.progress.scored, scorers: r.council ? r.progress.scorers : null,
      progress: r.council ? `${r.progress.scored}/${r.progress.scorers}` : '–',
    })),
  };
};

/**
 * The initiatives among `codes` whose scores may be shown: every eligible member has scored, or the
 * council has decided. Until then nobody's score is shown, not even in the audit trail's listing.
 */
export async function scoresVisible(trx: Tx, codes: string[]): Promise<Set<string>> {
  const apps = (await Promise.all([...new Set(codes)].map((c) => getApplication(trx, c)))).filter((a): a is ApplicationRow => !!a);
  return new Set((await reviewsOf(trx, apps)).filter((r) => r.scores !== null || r.decision !== null).map((r) => r.initiative.code));
}

/**
 * The initiative council's review (Hội đồng sáng kiến): the application for recognition, the
 * members' scores (hidden until every member who may score has scored), the decision, and the
 * applications past their deadline.
 */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseRequiredDate, parseRequiredText, parseText } from '../domain/fields.js';
import { formatVnDate } from '../domain/dates.js';
import { daysBetween } from '../domain/progress.js';
import { parseInitiativeCode } from '../domain/initiatives.js';
import {
  averageOf, eligibleScorers, memberMean, parseConditions, parseScores, recognitionBlock, REVIEW_DEFAULTS, reviewDeadline,
  roundAverage, ruleNumber, scoringProgress, visible, CONDITIONS, type Condition, type CouncilRole, type Criterion, type Scores,
  type ScoringProgress,
} from '../domain/review.js';
import {
  decisionsOf, getApplication, getScore, insertApplication, insertDecision, insertScore, listApplications,
  pendingApplicationsDueBefore, scoresOf, updateApplication, updateScore, type ApplicationRow, type DecisionRow, type ScoreRow,
} from '../db/repos/review.js';
import { transact, type Tx } from './database.js';
import { applyInitiativeEvent, initiativeCodeOrThrow, initiativesOf, requireInitiative, type Initiative } from './initiatives.js';
import { councilOf, type Council } from './councils.js';
import { ruleValue } from './reference.js';
import { codeOrThrow, requirePerson } from './subjects.js';
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

function toApplication(r: ApplicationRow): Application {
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

async function reviewOf(trx: Tx, initiative: Initiative, app: ApplicationRow): Promise<Review> {
  const council = await councilOf(trx, 'initiative', councilYear(app));
  const decision = (await decisionsOf(trx, [initiative.code]))[0];
  return assemble(initiative, app, council, await scoresOf(trx, [initiative.code]), decision);
}

// ——— shared checks ———

/**
 * The date of an act (application, score, decision): `--date` or today; not after today, and not
 * before `earliest` (the problem `earliest.key` says why). Problems go to the collector.
 */
function actDate(c: FieldCollector, raw: string | undefined, today: string, earliest?: { date: string; key: string }): string {
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
async function requirePending(trx: Tx, ini: Initiative): Promise<ApplicationRow> {
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

async function numberRule(trx: Tx, key: string, date: string, fallback: number): Promise<number> {
  return ruleNumber(await ruleValue(trx, key, date), fallback);
}

// ——— apply ———

export interface ApplicationInput {
  firstApplied?: string;
  description?: string;
  novelty?: string;
  application?: string;
  benefit?: string;
  conditions?: string;
  /** The date of the application; default today. */
  date?: string;
}

const TEXT_MAX = 2000;

/**
 * Records the application for recognition (đơn yêu cầu công nhận sáng kiến; for a research topic,
 * the request for acceptance) and moves the initiative to `applied`. The council must decide by the
 * deadline: the date plus `review.deadline_days` in force on that date.
 */
export async function applyForReview(ctx: ServiceContext, rawCode: string, input: ApplicationInput): Promise<Review> {
  const code = initiativeCodeOrThrow(rawCode);
  const today = ctx.clock.today();
  return transact(ctx, async (trx, audit) => {
    const ini = await requireInitiative(trx, code);
    const existing = await getApplication(trx, code);
    if (existing) throw new WorkflowError('review.alreadyApplied', { code, date: formatVnDate(existing.applied_on) });
    const active = [];
    for (const a of ini.authors) if ((await requirePerson(trx, a.code)).active) active.push(a.code);
    if (active.length === 0) throw new WorkflowError('review.noActiveAuthor', { code, names: ini.authors.map((a) => `${a.code} – ${a.name}`).join('; ') });

    const c = new FieldCollector();
    const date = actDate(c, input.date, today);
    const firstApplied = c.take(parseRequiredDate('firstApplied', input.firstApplied));
    if (firstApplied && firstApplied > date) {
      c.add('review.firstAfterApplied', { field: 'firstApplied', value: formatVnDate(firstApplied), date: formatVnDate(date) });
    }
    const description = c.take(parseRequiredText('description', input.description, TEXT_MAX));
    const texts = {
      novelty: c.take(parseText('noveltyText', input.novelty, { max: TEXT_MAX })),
      application: c.take(parseText('applicationText', input.application, { max: TEXT_MAX })),
      benefit: c.take(parseText('benefitText', input.benefit, { max: TEXT_MAX })),
      conditions: c.take(parseText('conditionsText', input.conditions, { max: TEXT_MAX })),
    };
    if (c.problems.length > 0) throw new ValidationError('review.applyInvalid', { code }, c.problems);

    const days = await numberRule(trx, 'review.deadline_days', date, REVIEW_DEFAULTS.deadlineDays);
    const row: ApplicationRow = {
      initiative_code: code, applied_on: date, first_applied: firstApplied, description, ...texts,
      deadline: reviewDeadline(date, days), council_id: null, created_at: ctx.clock.now(),
    };
    await insertApplication(trx, row);
    await audit({ entity: 'initiative_application', entityId: code, action: 'create', after: toApplication(row) });
    const after = await applyInitiativeEvent(trx, audit, code, 'apply', date);
    return reviewOf(trx, after, row);
  });
}

// ——— score ———

export interface ScoreInput extends Partial<Record<Criterion, string>> {
  member?: string;
  date?: string;
}

/** What scoring tells back: the member's own scores just entered, and how many have scored — nobody else's. */
export interface ScoreResult {
  code: string;
  title: string;
  member: { code: string; name: string };
  scores: Scores;
  scoredOn: string;
  /** True when it replaced the member's earlier score. */
  replaced: boolean;
  scored: number;
  scorers: number;
  complete: boolean;
}

/**
 * Records one council member's scores of an applied initiative. Only members of that year's
 * initiative council score, never an author; a second score by the same member replaces the first.
 */
export async function scoreInitiative(ctx: ServiceContext, rawCode: string, input: ScoreInput): Promise<ScoreResult> {
  const code = initiativeCodeOrThrow(rawCode);
  const memberCode = codeOrThrow('member', input.member);
  const today = ctx.clock.today();
  return transact(ctx, async (trx, audit) => {
    const ini = await requireInitiative(trx, code);
    const app = await requirePending(trx, ini);
    const year = councilYear(app);
    const council = await councilOf(trx, 'initiative', year);
    if (!council) throw new WorkflowError('review.noCouncil', { code, year });
    const person = await requirePerson(trx, memberCode);
    const seat = council.members.find((m) => m.code === memberCode);
    if (!seat) throw new WorkflowError('review.notOnCouncil', { code: memberCode, name: person.name, year });
    if (ini.authors.some((a) => a.code === memberCode)) throw new WorkflowError('review.authorConflict', { code: memberCode, name: person.name, initiative: code });
    if (!person.active) throw new WorkflowError('review.memberLeft', { code: memberCode, name: person.name });

    const c = new FieldCollector();
    const date = actDate(c, input.date, today, { date: app.applied_on, key: 'review.beforeApplied' });
    const max = await numberRule(trx, 'review.score_max', date, REVIEW_DEFAULTS.scoreMax);
    const parsed = parseScores(input, max);
    const problems = [...c.problems, ...parsed.problems];
    if (problems.length > 0) throw new ValidationError('review.scoreInvalid', { code, member: memberCode }, problems);

    const scores = parsed.value;
    const existing = await getScore(trx, code, memberCode);
    const fields = { ...scores, scored_on: date };
    if (existing) await updateScore(trx, code, memberCode, fields);
    else await insertScore(trx, { initiative_code: code, member_code: memberCode, ...fields, created_at: ctx.clock.now() });
    const record = (r: { novelty: number; applicability: number; benefit: number; scored_on: string }) => ({
      initiative: code, member: memberCode, novelty: r.novelty, applicability: r.applicability, benefit: r.benefit, scoredOn: r.scored_on,
    });
    await audit({
      entity: 'initiative_score', entityId: `${code}/${memberCode}`, action: existing ? 'replace' : 'create',
      before: existing ? record(existing) : undefined, after: record(fields),
    });
    if (app.council_id === null) {
      await updateApplication(trx, code, { council_id: council.id });
      await audit({ entity: 'initiative_application', entityId: code, action: 'update', before: { council: null }, after: { council: council.id } });
    }
    const { progress } = await reviewOf(trx, ini, app);
    return {
      code, title: ini.title, member: { code: memberCode, name: person.name }, scores, scoredOn: date, replaced: !!existing,
      scored: progress.scored, scorers: progress.scorers, complete: progress.complete,
    };
  });
}

// ——— decide ———

export interface DecisionInput {
  decision: 'recognise' | 'reject';
  /** `new`, `benefit`, `not-excluded` (each flag may hold a list). */
  conditions?: string[];
  reason?: string;
  date?: string;
}

/** The decision about to be taken, every check passed. */
export interface DecisionPlan {
  code: string;
  title: string;
  decision: 'recognised' | 'rejected';
  date: string;
  /** Unrounded; null while scoring is not complete. */
  average: number | null;
  passMark: number;
  reason: string | null;
  conditions: Condition[];
}

async function planDecision(trx: Tx, today: string, rawCode: string, input: DecisionInput): Promise<DecisionPlan> {
  const code = initiativeCodeOrThrow(rawCode);
  const recognise = input.decision === 'recognise';
  const ini = await requireInitiative(trx, code);
  const app = await requirePending(trx, ini);

  const review = await reviewOf(trx, ini, app);
  // Not before the application, nor before the last score the decision rests on.
  const lastScore = review.scoredBy.map((m) => m.scoredOn).sort().pop();
  const earliest = lastScore && lastScore > app.applied_on
    ? { date: lastScore, key: 'review.decideBeforeScores' }
    : { date: app.applied_on, key: 'review.decideBeforeApplied' };
  const c = new FieldCollector();
  const date = actDate(c, input.date, today, earliest);
  const reason = c.take(parseText('decisionReason', input.reason, { required: !recognise, max: 1000 }));
  const conditions = parseConditions(input.conditions ?? []);
  if (recognise) {
    for (const value of conditions.unknown) c.add('review.unknownCondition', { value, allowed: CONDITIONS.join(', ') });
    for (const m of conditions.missing) c.add(`review.conditionMissing.${m}`, {});
  }
  if (c.problems.length > 0) throw new ValidationError(recognise ? 'review.recogniseInvalid' : 'review.rejectInvalid', { code }, c.problems);

  const passMark = await numberRule(trx, 'review.pass_mark', date, REVIEW_DEFAULTS.passMark);
  if (recognise) {
    const block = recognitionBlock(review.progress, review.average, passMark);
    if (block?.kind === 'noScorers') throw new WorkflowError('review.noScorers', { code, year: councilYear(app) });
    if (block?.kind === 'incomplete') {
      throw new WorkflowError('review.incomplete', { code, scored: block.scored, scorers: block.scorers, names: review.waiting.map((w) => `${w.code} – ${w.name}`).join('; ') });
    }
    if (block?.kind === 'belowPass') {
      throw new WorkflowError('review.belowPass', { code, average: roundAverage(block.average), passMark, date: formatVnDate(date) });
    }
  }
  return {
    code, title: ini.title, decision: recognise ? 'recognised' : 'rejected', date, average: review.average, passMark,
    reason, conditions: recognise ? conditions.confirmed : [],
  };
}

/** Every check of a decision, writing nothing: what the clerk is asked to confirm. */
export async function previewDecision(ctx: ServiceContext, rawCode: string, input: DecisionInput): Promise<DecisionPlan> {
  return transact(ctx, (trx) => planDecision(trx, ctx.clock.today(), rawCode, input));
}

/**
 * The council's decision: recognise (the three conditions confirmed, every eligible member scored,
 * the average at or above the pass mark in force on the decision date) or reject (with a reason).
 * Final: a decided initiative never changes.
 */
export async function decideReview(ctx: ServiceContext, rawCode: string, input: DecisionInput): Promise<DecisionPlan> {
  return transact(ctx, async (trx, audit) => {
    const plan = await planDecision(trx, ctx.clock.today(), rawCode, input);
    await insertDecision(trx, {
      initiative_code: plan.code, decision: plan.decision, decided_on: plan.date, reason: plan.reason, average: plan.average,
      conditions: plan.decision === 'recognised' ? JSON.stringify(plan.conditions) : null, created_at: ctx.clock.now(),
    });
    await audit({ entity: 'initiative_decision', entityId: plan.code, action: 'create', after: plan });
    await applyInitiativeEvent(trx, audit, plan.code, plan.decision === 'recognised' ? 'recognise' : 'reject', plan.date, plan.reason);
    return plan;
  });
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

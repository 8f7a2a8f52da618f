/** `review decide`: the council decides an initiative from its members' scores. */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseText } from '../domain/fields.js';
import { formatVnDate } from '../domain/dates.js';
import { parseConditions, recognitionBlock, REVIEW_DEFAULTS, roundAverage, CONDITIONS, type Condition } from '../domain/review.js';
import { insertDecision } from '../db/repos/review.js';
import { transact, type Tx } from './database.js';
import { applyInitiativeEvent, initiativeCodeOrThrow, requireInitiative } from './initiatives.js';
import { councilYear, reviewOf, actDate, requirePending, numberRule } from './review.js';

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

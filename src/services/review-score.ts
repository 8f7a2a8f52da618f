/** `review score`: a council member scores an initiative under review. */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector } from '../domain/fields.js';
import { parseScores, REVIEW_DEFAULTS, type Criterion, type Scores } from '../domain/review.js';
import { getScore, insertScore, updateApplication, updateScore } from '../db/repos/review.js';
import { transact } from './database.js';
import { initiativeCodeOrThrow, requireInitiative } from './initiatives.js';
import { councilOf } from './councils.js';
import { codeOrThrow, requirePerson } from './subjects.js';
import { councilYear, reviewOf, actDate, requirePending, numberRule } from './review.js';

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

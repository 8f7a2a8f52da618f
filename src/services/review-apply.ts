/** `review apply`: an initiative applies for the council's review, with its description and deadline. */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseRequiredDate, parseRequiredText, parseText } from '../domain/fields.js';
import { formatVnDate } from '../domain/dates.js';
import { REVIEW_DEFAULTS, reviewDeadline } from '../domain/review.js';
import { getApplication, insertApplication, type ApplicationRow } from '../db/repos/review.js';
import { transact } from './database.js';
import { applyInitiativeEvent, initiativeCodeOrThrow, requireInitiative } from './initiatives.js';
import { requirePerson } from './subjects.js';
import { type Review, toApplication, reviewOf, actDate, numberRule } from './review.js';

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

/** A nomination's way through appraisal: `nominate amend`, `appraise`, `withdraw`. */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseRequiredText, parseText } from '../domain/fields.js';
import type { NominationStatus } from '../db/schema.js';
import { saveAttestations, updateNomination } from '../db/repos/nominations.js';
import { transact, type Tx } from './database.js';
import { type Nomination, load, nominationIdOrThrow, attestationsFor, throwIfProblems, attestationRows, certificateOf, nowDetail, change } from './nominations.js';

async function requireState(trx: Tx, id: number, allowed: NominationStatus[], refusal: string): Promise<Nomination> {
  const n = await load(trx, id);
  if (!allowed.includes(n.status)) {
    throw new WorkflowError(refusal, { id, code: n.subject, name: n.name, award: n.award }, [
      nowDetail({ status: n.status, status_on: n.statusOn, status_reason: n.statusReason }),
    ]);
  }
  return n;
}

export interface AmendInput {
  summary?: string;
  citation?: string;
  criteria?: string[];
}

/**
 * Completes a dossier still with the unit (submitted, or returned: it then goes back to submitted).
 * The certificate's wording (`--citation`) alone may be written later too, until the certificate is
 * printed (a printed certificate keeps its words); a withdrawn or failed dossier has no certificate.
 */
export async function amendNomination(ctx: ServiceContext, rawId: string | number, input: AmendInput): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const summary = input.summary === undefined ? null : c.take(parseText('nominationSummary', input.summary, { required: true, max: 2000 }));
  const citation = input.citation === undefined ? undefined : c.take(parseText('citation', input.citation, { required: true, max: 500 }));
  const raws = input.criteria ?? [];
  if (input.summary === undefined && input.citation === undefined && raws.length === 0) throw new ValidationError('edit.nothing');
  throwIfProblems(c);
  const dossier = input.summary !== undefined || raws.length > 0;
  return transact(ctx, async (trx, audit) => {
    const allowed: NominationStatus[] = dossier ? ['submitted', 'returned'] : ['submitted', 'returned', 'accepted', 'passed', 'recognised'];
    const before = await requireState(trx, id, allowed, 'nominate.cannotAmend');
    if (citation !== undefined) {
      const printed = await certificateOf(trx, id);
      if (printed) throw new WorkflowError('nominate.citationPrinted', { id, code: before.subject, name: before.name, certificate: printed });
    }
    const attestations = await attestationsFor(trx, before, raws);
    await saveAttestations(trx, attestationRows(id, attestations, today));
    const changes: Parameters<typeof updateNomination>[2] = {};
    if (summary) changes.summary = summary;
    if (citation) changes.citation = citation;
    if (before.status === 'returned') Object.assign(changes, { status: 'submitted', status_on: today, status_reason: null });
    return change(trx, audit, before, 'amend', changes);
  });
}

export interface AppraiseInput {
  decision: 'accept' | 'return';
  reason?: string | null;
}

/** The council's appraisal of a submitted dossier: accepted (only when eligible) or returned with the reason. */
export async function appraiseNomination(ctx: ServiceContext, rawId: string | number, input: AppraiseInput): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const reason = c.take(parseText('nominationReason', input.reason ?? undefined, { required: input.decision === 'return', max: 500 }));
  throwIfProblems(c);
  return transact(ctx, async (trx, audit) => {
    const before = await requireState(trx, id, ['submitted'], 'nominate.cannotAppraise');
    if (input.decision === 'accept' && !before.eligible) {
      const blocking = before.criteria.filter((x) => x.status !== 'met');
      throw new WorkflowError(
        'nominate.notEligible',
        { id, code: before.subject, name: before.name, award: before.award },
        blocking.map((x) => ({ key: `nominate.blocking.${x.status}`, params: { code: x.code } })),
      );
    }
    // The day of acceptance orders the quota's places (domain/eligibility.ts quotaPosition).
    const changes = input.decision === 'accept'
      ? { status: 'accepted' as const, status_on: today, status_reason: reason, accepted_on: today }
      : { status: 'returned' as const, status_on: today, status_reason: reason };
    return change(trx, audit, before, input.decision, changes);
  });
}

/** Withdraws a nomination not yet voted on, with the reason. */
export async function withdrawNomination(ctx: ServiceContext, rawId: string | number, rawReason: string | undefined): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const reason = c.take(parseRequiredText('nominationReason', rawReason, 500));
  throwIfProblems(c);
  return transact(ctx, async (trx, audit) => {
    const before = await requireState(trx, id, ['submitted', 'accepted', 'returned'], 'nominate.cannotWithdraw');
    return change(trx, audit, before, 'withdraw', { status: 'withdrawn', status_on: today, status_reason: reason });
  });
}

/**
 * `recognise revoke ID --decision`: a recognition revoked by a new numbered decision that names the
 * decision it revokes (Quyết định thu hồi). This is how a signed decision, which is final, is undone;
 * an unsigned one may be revoked the same way. When every recognition of the old decision is revoked,
 * the register marks it revoked by the new one.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { parseIsoDate, parseRecordId, parseRequiredText, valueOrThrow } from '../domain/fields.js';
import { revocationDecisionModel, revocationDecisionTitle, type Revoked } from '../reports/docs/revocation.js';
import { listRecognitionViews, revokeRecognitionRow } from '../db/repos/recognitions.js';
import { revokeDocumentBy } from '../db/repos/signatures.js';
import { getInitiativeRow } from '../db/repos/registrations.js';
import { transact } from './database.js';
import { issueDocument, requireDocument, type IssuedDocument } from './documents.js';
import { legalBasisAt, schoolBasisAt } from './decision-basis.js';
import { INITIATIVE_AWARD, toRecognition, type Recognition } from './recognitions.js';

export interface RevocationResult {
  recognition: Recognition;
  decision: IssuedDocument;
  /** The earlier decision is now revoked as a whole (every recognition it made is). */
  originalRevoked: boolean;
  original: { id: number; symbol: string };
  file: string | null;
}

export interface RevokeOptions {
  date?: string;
  /** Writes the new decision (inside the transaction: a file that cannot be written undoes it all); returns the file. */
  write?: (decision: IssuedDocument) => Promise<string>;
}

export async function revokeByDecision(ctx: ServiceContext, rawId: string | number, reasonRaw: string | undefined, opts: RevokeOptions = {}): Promise<RevocationResult> {
  const id = valueOrThrow(parseRecordId('recognise.badId', rawId));
  const reason = valueOrThrow(parseRequiredText('reason', reasonRaw, 1000));
  const date = opts.date === undefined ? ctx.clock.today() : valueOrThrow(parseIsoDate('date', opts.date, { required: true }))!;
  return transact(ctx, async (trx, audit) => {
    const [v] = await listRecognitionViews(trx, { id });
    if (!v) throw new NotFoundError('recognise.notFound', { id });
    const before = toRecognition(v);
    if (before.status === 'revoked') throw new WorkflowError('recognise.alreadyRevoked', { id: before.id, date: before.revokedOn ?? '', reason: before.revokedReason ?? '' });
    // A decision taken above the school (recorded, not issued here) is not the school's to revoke by decision.
    if (before.decisionId === null) throw new WorkflowError('recognise.notOurDecision', { id: before.id });
    const decisionId = before.decisionId;
    const original = await requireDocument(trx, decisionId);
    if (date < original.date) throw new ValidationError('recognise.revokeBeforeDecision', { date, decision: original.symbol, decisionDate: original.date });
    // Official text names the work by its title, never by its code.
    const work = before.initiative ? (await getInitiativeRow(trx, before.initiative))?.title ?? before.initiative : '';
    const revoked: Revoked = before.award === INITIATIVE_AWARD ? { initiative: work } : { awardName: before.awardName, year: before.year };
    const { competence, regulation, office, recipients } = await schoolBasisAt(trx, date);
    const legal = await legalBasisAt(trx, date, ['basis.law']);
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'revocation-decision',
      title: revocationDecisionTitle(revoked, original.symbol),
      ref: `recognition:${before.id}`,
      build: (identity, number) =>
        revocationDecisionModel(
          {
            date,
            original: { symbol: original.symbol, date: original.date, title: original.title },
            subject: { name: before.name, kind: before.kind, unitName: before.unitName },
            revoked,
            bonus: before.bonus,
            reason,
            signer: { deputy: false, position: identity.headTitle, name: identity.headName },
            basis: { legal, competence, regulation },
            office,
            recipients,
          },
          identity,
          number,
        ),
    });
    const recorded = `${reason} (Quyết định số ${decision.symbol})`;
    await revokeRecognitionRow(trx, before.id, date, recorded);
    const siblings = await listRecognitionViews(trx, { decisionId });
    const originalRevoked = siblings.every((s) => s.status === 'revoked');
    if (originalRevoked) await revokeDocumentBy(trx, original.id, date, recorded, decision.id);
    const [after] = (await listRecognitionViews(trx, { id: before.id })).map(toRecognition);
    await audit({ entity: 'recognition', entityId: String(before.id), action: 'revoke', before, after: { ...after, byDecision: decision.symbol } });
    const file = opts.write ? await opts.write(decision) : null;
    return { recognition: after, decision, originalRevoked, original: { id: original.id, symbol: original.symbol }, file };
  });
}

/** A ballot's papers: the blank paper handed out, the minutes of a closed round as issued, and what both print of a ballot. */
import type { ServiceContext } from '../context.js';
import { NotFoundError, WorkflowError } from '../domain/errors.js';
import type { DocIdentity } from '../domain/documents.js';
import { ballotPaperModel, type BallotDocData } from '../reports/docs/ballot.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { transact } from './database.js';
import { identityAt, toIssued, type IssuedDocument } from './documents.js';
import type { Ballot } from './ballots.js';
import { ballotIdOrThrow, loadBallot } from './ballot-read.js';

/** What the paper and the minutes print of a ballot. */
export function docData(b: Ballot): BallotDocData {
  return {
    year: b.year,
    award: b.award,
    awardName: b.awardName,
    heldOn: b.heldOn,
    membersTotal: b.membersTotal,
    present: b.present,
    quorum: b.quorum,
    threshold: b.thresholdText,
    base: b.base,
    source: b.source,
    startsAt: b.startsAt,
    place: b.place,
    roll: b.roll.map((r) => ({ code: r.code, name: r.name, role: r.role, attended: r.attended })),
    presiding: b.presiding?.code ?? null,
    secretary: b.secretary?.code ?? null,
    counters: b.counters.map((r) => r.code),
    nominees: b.nominees,
  };
}

/** The paper to print for a ballot (not numbered: it is handed out blank). */
export async function ballotPaper(ctx: ServiceContext, rawId: string | number) {
  const id = ballotIdOrThrow(rawId);
  return transact(ctx, async (trx) => {
    const ballot = await loadBallot(trx, id);
    const identity: DocIdentity = await identityAt(trx, ballot.heldOn);
    return { ballot, model: ballotPaperModel(docData(ballot), identity) };
  });
}

/** The minutes of a closed ballot (the last round's, or the round asked for), as issued. */
export async function ballotMinutes(ctx: ServiceContext, rawId: string | number, roundRaw?: string): Promise<{ ballot: Ballot; document: IssuedDocument }> {
  const id = ballotIdOrThrow(rawId);
  return transact(ctx, async (trx) => {
    const ballot = await loadBallot(trx, id);
    if (ballot.rounds.length === 0) throw new WorkflowError('ballot.notClosedMinutes', { id });
    let round = ballot.rounds[ballot.rounds.length - 1];
    if (roundRaw !== undefined) {
      const found = ballot.rounds.find((r) => String(r.round) === roundRaw.trim());
      if (!found) throw new NotFoundError('ballot.roundNotFound', { id, round: roundRaw, rounds: ballot.rounds.map((r) => r.round).join(', ') });
      round = found;
    }
    const doc = await getDocumentRow(trx, round.minutesId!);
    return { ballot, document: toIssued(doc!) };
  });
}

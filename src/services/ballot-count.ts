/**
 * Counting a ballot (DOMAIN.md "Secret ballot rules"): each clerk's entry of the counts, checked by the
 * numbered rules; the close when the entries agree, with the meeting's end and the numbered minutes;
 * a recount with its reason. Nominees are named in messages by their code, as the clerk types them.
 */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseTimeField, valueOrThrow } from '../domain/fields.js';
import { fold } from '../domain/names.js';
import { computeResults, parseVote, tallyDifferences, tallyProblems, type Tally, type VoteCount } from '../domain/tally.js';
import { minutesModel, minutesTitle, type BallotNominee, type MinutesData } from '../reports/docs/ballot.js';
import { closeBallotRow, insertRound, replaceTally } from '../db/repos/ballots.js';
import { transact, type Audit, type Tx } from './database.js';
import { issueDocument, transactDraft, type IssuedDocument } from './documents.js';
import { moveNomination, nominationsIn } from './nominations.js';
import { parseCount, summary, type Ballot } from './ballots.js';
import { ballotIdOrThrow, labelOf, loadBallot } from './ballot-read.js';
import { docData } from './ballot-papers.js';

// ---------------------------------------------------------------------------------------------
// Counting

export interface TallyInput {
  entry?: string | number;
  issued?: string | number;
  returned?: string | number;
  invalid?: string | number;
  votes?: string[];
}

/**
 * Reads the typed counts; a vote names a nomination by its subject's code or its number. A name or
 * number not on this ballot is refused as typed.
 */
function parseTally(input: TallyInput, nominees: BallotNominee[]): Tally {
  const c = new FieldCollector();
  const issued = parseCount(c, 'issued', input.issued);
  const returned = parseCount(c, 'returned', input.returned);
  const invalid = parseCount(c, 'invalid', input.invalid ?? '0');
  const votes: VoteCount[] = [];
  for (const raw of input.votes ?? []) {
    const text = raw.normalize('NFC').trim();
    const byCode = /^([^=]+)=(.*)$/.exec(text);
    let vote = parseVote(text);
    if (vote && !nominees.some((n) => n.nomination === vote!.nomination)) {
      c.add('tally.unknownSubject', { value: text.replace(/=.*$/, '').trim() });
      continue;
    }
    if (!vote && byCode) {
      const who = nominees.find((n) => fold(n.subject) === fold(byCode[1]));
      vote = who ? parseVote(`${who.nomination}=${byCode[2]}`) : null;
      if (!who && parseVote(`1=${byCode[2]}`)) {
        c.add('tally.unknownSubject', { value: byCode[1].trim() });
        continue;
      }
    }
    if (!vote) c.add('tally.badVote', { value: text });
    else votes.push(vote);
  }
  if (c.problems.length > 0) throw new ValidationError('ballot.tallyInvalid', {}, c.problems);
  return { issued, returned, invalid, votes };
}

function entryNumber(raw: string | number | undefined): 1 | 2 {
  const text = String(raw ?? '1').trim();
  if (text !== '1' && text !== '2') throw new ValidationError('ballot.badEntry', { value: text });
  return Number(text) as 1 | 2;
}

function checkTally(t: Tally, ballot: Ballot): void {
  const problems = tallyProblems(t, ballot.membersTotal, ballot.nominees.map((n) => n.nomination), labelOf(ballot.nominees));
  if (t.issued > ballot.present) problems.push({ key: 'tally.morePapersThanPresent', params: { issued: t.issued, present: ballot.present } });
  if (problems.length > 0) throw new ValidationError('ballot.tallyInvalid', { id: ballot.id }, problems);
}

function currentRound(b: Ballot): number {
  return b.rounds.length + 1;
}

export async function enterTally(ctx: ServiceContext, rawId: string | number, input: TallyInput): Promise<{ ballot: Ballot; entry: number; replaced: boolean }> {
  const id = ballotIdOrThrow(rawId);
  const entry = entryNumber(input.entry);
  return transact(ctx, async (trx, audit) => {
    const ballot = await loadBallot(trx, id);
    if (ballot.status !== 'open') throw new WorkflowError('ballot.closedNoTally', { id, date: ballot.closedOn ?? '' });
    const tally = parseTally(input, ballot.nominees);
    checkTally(tally, ballot);
    const before = ballot.entries.find((e) => e.entry === entry);
    await replaceTally(
      trx,
      { ballot_id: id, round: currentRound(ballot), entry, issued: tally.issued, returned: tally.returned, invalid: tally.invalid, reason: null, entered_on: ctx.clock.today(), created_at: ctx.clock.now() },
      tally.votes.map((v) => ({ nomination_id: v.nomination, agree: v.agree, disagree: v.disagree, blank: v.blank })),
    );
    const after = await loadBallot(trx, id);
    await audit({ entity: 'ballot', entityId: String(id), action: before ? 'replace-tally' : 'tally', before: before ?? undefined, after: { entry, ...tally } });
    return { ballot: after, entry, replaced: !!before };
  });
}

// ---------------------------------------------------------------------------------------------
// Closing and recounting

async function minutesData(trx: Tx, ballot: Ballot, round: number, date: string, tally: Tally, reason: string | null): Promise<MinutesData> {
  const rules = { threshold: ballot.thresholdText, base: ballot.base, present: ballot.present, members: ballot.membersTotal };
  const results = computeResults(tally, rules);
  const previous = ballot.rounds[ballot.rounds.length - 1];
  const byId = new Map(ballot.nominees.map((n) => [n.nomination, n]));
  return {
    ...docData(ballot),
    round,
    reason,
    replaces: previous?.minutes ?? null,
    date,
    endsAt: ballot.endsAt,
    issued: tally.issued,
    returned: tally.returned,
    invalid: tally.invalid,
    results: ballot.nominees.map((n) => ({ ...byId.get(n.nomination)!, ...results.find((r) => r.nomination === n.nomination)! })),
  };
}

/** Records a round's results, moves each nomination to passed or failed, and issues the minutes. */
async function recordRound(ctx: ServiceContext, trx: Tx, audit: Audit, ballot: Ballot, tally: Tally, opts: { date: string; reason: string | null }): Promise<IssuedDocument> {
  const round = currentRound(ballot);
  const data = await minutesData(trx, ballot, round, opts.date, tally, opts.reason);
  const minutes = await issueDocument(trx, audit, ctx.clock.now(), {
    kind: 'BB',
    date: opts.date,
    type: 'ballot-minutes',
    title: minutesTitle(ballot.awardName, ballot.year, round),
    ref: `ballot:${ballot.id}`,
    build: (identity, number) => minutesModel(data, identity, number),
  });
  await insertRound(
    trx,
    { ballot_id: ballot.id, round, closed_on: ctx.clock.today(), reason: opts.reason, minutes_id: minutes.id, created_at: ctx.clock.now() },
    data.results.map((r) => ({ ballot_id: ballot.id, round, nomination_id: r.nomination, agree: r.agree, disagree: r.disagree, blank: r.blank, base: r.baseCount, passed: r.passed ? 1 : 0 })),
  );
  for (const r of data.results) {
    await moveNomination(trx, audit, r.nomination, r.passed ? 'passed' : 'failed', ballot.heldOn, `ballot ${ballot.id}`);
  }
  return minutes;
}

export interface CloseInput {
  /** When the meeting ended (`HH:MM`): the minutes carry it. */
  time?: string;
  /** The minutes as a draft: nothing is kept (services/documents.ts). */
  draft?: boolean;
}

export async function closeBallot(ctx: ServiceContext, rawId: string | number, input: CloseInput): Promise<{ ballot: Ballot; minutes: IssuedDocument }> {
  const id = ballotIdOrThrow(rawId);
  // A draft of the minutes may come before the meeting ends: without a time, the draft leaves it out.
  const endsAt = input.draft && input.time === undefined ? null : valueOrThrow(parseTimeField('endTime', input.time));
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const opened = await loadBallot(trx, id);
    if (opened.status !== 'open') throw new WorkflowError('ballot.alreadyClosed', { id, date: opened.closedOn ?? '' });
    if (opened.startsAt && endsAt !== null && endsAt <= opened.startsAt) throw new ValidationError('ballot.endBeforeStart', { end: endsAt, start: opened.startsAt });
    const ballot = { ...opened, endsAt };
    if (ballot.entries.length === 0) throw new WorkflowError('ballot.noTally', { id });
    const [first, second] = ballot.entries.map((e) => ({ ...e, votes: e.votes }));
    if (second) {
      const diffs = tallyDifferences(first, second, labelOf(ballot.nominees));
      if (diffs.length > 0) throw new WorkflowError('ballot.entriesDiffer', { id, count: diffs.length }, diffs);
    }
    const minutes = await recordRound(ctx, trx, audit, ballot, first, { date: ballot.heldOn, reason: null });
    await closeBallotRow(trx, id, ctx.clock.today(), endsAt ?? '');
    const after = await loadBallot(trx, id);
    await audit({ entity: 'ballot', entityId: String(id), action: 'close', before: summary(ballot), after: { ...summary(after), minutes: minutes.symbol } });
    return { ballot: after, minutes };
  });
}

export async function recountBallot(ctx: ServiceContext, rawId: string | number, reasonRaw: string | undefined, input: TallyInput, opts: { draft?: boolean } = {}): Promise<{ ballot: Ballot; minutes: IssuedDocument }> {
  const id = ballotIdOrThrow(rawId);
  const reason = (reasonRaw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (reason === '') throw new ValidationError('invalid.required', { field: 'reason' });
  return transactDraft(ctx, opts.draft, async (trx, audit) => {
    const ballot = await loadBallot(trx, id);
    if (ballot.status !== 'closed') throw new WorkflowError('ballot.recountOpen', { id });
    const recognised = (await nominationsIn(trx, { year: ballot.year, award: ballot.award, statuses: ['recognised'] })).filter((n) =>
      ballot.nominees.some((x) => x.nomination === n.id),
    );
    if (recognised.length > 0) throw new WorkflowError('ballot.recountRecognised', { id, names: recognised.map((n) => n.name).join(', ') });
    const tally = parseTally(input, ballot.nominees);
    checkTally(tally, ballot);
    const round = currentRound(ballot);
    await replaceTally(
      trx,
      { ballot_id: id, round, entry: 1, issued: tally.issued, returned: tally.returned, invalid: tally.invalid, reason, entered_on: ctx.clock.today(), created_at: ctx.clock.now() },
      tally.votes.map((v) => ({ nomination_id: v.nomination, agree: v.agree, disagree: v.disagree, blank: v.blank })),
    );
    const minutes = await recordRound(ctx, trx, audit, ballot, tally, { date: ctx.clock.today(), reason });
    const after = await loadBallot(trx, id);
    await audit({ entity: 'ballot', entityId: String(id), action: 'recount', before: summary(ballot), after: { ...summary(after), round, reason, minutes: minutes.symbol } });
    return { ballot: after, minutes };
  });
}

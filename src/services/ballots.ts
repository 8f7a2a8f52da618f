/**
 * The emulation council's secret ballot (DOMAIN.md "Secret ballot rules"): opened with the roll and the
 * rules frozen, counts entered by one clerk (or two, who must agree), closed with each nominee's result,
 * corrected only by a recorded recount. Secrecy is structural: only counts are stored.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseIsoDate, parseRecordId, parseYearField, valueOrThrow } from '../domain/fields.js';
import { fold, normaliseCode } from '../domain/names.js';
import { parseYear } from '../domain/periods.js';
import { parseRatio } from '../domain/rules.js';
import {
  computeResults, parseVote, quorumMet, quorumNeeded, tallyDifferences, tallyProblems, validPapers, type Tally, type VoteCount,
} from '../domain/tally.js';
import type { DocIdentity } from '../domain/documents.js';
import { ballotPaperModel, minutesModel, type BallotDocData, type BallotNominee, type MinutesData } from '../reports/docs/ballot.js';
import { councilMemberRows, getCouncil } from '../db/repos/councils.js';
import { listCriteria, ruleAt } from '../db/repos/reference.js';
import {
  closeBallotRow, getBallot, insertBallot, insertItems, insertRoll, insertRound, itemsOf, listBallotRows, openBallotOf, replaceTally,
  resultsOf, rollOf, roundsOf, talliesOf, unitsOfPeople, votesOf, type BallotRow, type TallyRow,
} from '../db/repos/ballots.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { transact, type Audit, type Tx } from './database.js';
import { identityAt, issueDocument, toIssued, transactDraft, type IssuedDocument } from './documents.js';
import { moveNomination, nominationsIn, type Nomination } from './nominations.js';
import { requireTitle } from './reference.js';
import type { SectionBuilder } from './status.js';

const ROLE_WORDS: Record<string, string> = { chair: 'Chủ tịch', vice: 'Phó Chủ tịch', member: 'Ủy viên', secretary: 'Thư ký' };

export interface BallotResult {
  nomination: number;
  subject: string;
  name: string;
  agree: number;
  disagree: number;
  blank: number;
  share: number;
  passed: boolean;
}

export interface BallotEntry {
  entry: number;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  enteredOn: string;
  votes: VoteCount[];
}

export interface BallotRound {
  round: number;
  closedOn: string;
  reason: string | null;
  minutes: string | null;
  minutesId: number | null;
  issued: number;
  returned: number;
  invalid: number;
  results: BallotResult[];
}

export interface Ballot {
  id: number;
  year: number;
  award: string;
  awardName: string;
  status: 'open' | 'closed';
  heldOn: string;
  closedOn: string | null;
  membersTotal: number;
  present: number;
  quorum: string;
  quorumMet: boolean;
  threshold: number;
  thresholdText: string;
  base: 'present' | 'members';
  source: string;
  roll: { code: string; name: string; role: string; counter: boolean }[];
  nominees: BallotNominee[];
  /** Entries of the counts not yet closed (round 1 of an open ballot). */
  entries: BallotEntry[];
  rounds: BallotRound[];
  /** The results in force: those of the last round; empty while open. */
  results: BallotResult[];
}

// ---------------------------------------------------------------------------------------------
// Reading

export function ballotIdOrThrow(raw: string | number | undefined): number {
  return valueOrThrow(parseRecordId('ballot.badId', raw));
}

async function requireBallotRow(trx: Tx, id: number): Promise<BallotRow> {
  const b = await getBallot(trx, id);
  if (!b) throw new NotFoundError('ballot.notFound', { id });
  return b;
}

async function nomineesOf(trx: Tx, ballotId: number, year: number, award: string): Promise<BallotNominee[]> {
  const ids = await itemsOf(trx, ballotId);
  const all = await nominationsIn(trx, { year, award });
  const byId = new Map(all.map((n) => [n.id, n]));
  const units = await unitsOfPeople(trx, all.filter((n) => n.kind === 'person').map((n) => n.subject));
  return ids.map((id) => {
    const n = byId.get(id)!;
    return { nomination: id, subject: n.subject, name: n.name, kind: n.kind, unitName: n.kind === 'unit' ? n.name : (units.get(n.subject)?.name ?? '') };
  });
}

function entryOf(t: TallyRow, votes: VoteCount[]): BallotEntry {
  return { entry: t.entry, issued: t.issued, returned: t.returned, valid: validPapers(t), invalid: t.invalid, enteredOn: t.entered_on, votes };
}

async function entriesOf(trx: Tx, ballotId: number, round?: number): Promise<(BallotEntry & { round: number; reason: string | null })[]> {
  const tallies = await talliesOf(trx, ballotId, round);
  const votes = await votesOf(trx, tallies.map((t) => t.id));
  return tallies.map((t) => ({
    ...entryOf(t, votes.filter((v) => v.tally_id === t.id).map((v) => ({ nomination: v.nomination_id, agree: v.agree, disagree: v.disagree, blank: v.blank }))),
    round: t.round,
    reason: t.reason,
  }));
}

async function loadBallot(trx: Tx, id: number): Promise<Ballot> {
  const b = await requireBallotRow(trx, id);
  const title = await requireTitle(trx, b.award);
  const roll = await rollOf(trx, id);
  const nominees = await nomineesOf(trx, id, b.year, b.award);
  const names = new Map(nominees.map((n) => [n.nomination, n]));
  const rounds = await roundsOf(trx, id);
  const results = await resultsOf(trx, id);
  const entries = await entriesOf(trx, id);
  const roundViews: BallotRound[] = [];
  for (const r of rounds) {
    const doc = r.minutes_id ? await getDocumentRow(trx, r.minutes_id) : undefined;
    const counted = entries.find((e) => e.round === r.round);
    roundViews.push({
      round: r.round,
      closedOn: r.closed_on,
      reason: r.reason,
      minutes: doc ? toIssued(doc).symbol : null,
      minutesId: r.minutes_id,
      issued: counted?.issued ?? 0,
      returned: counted?.returned ?? 0,
      invalid: counted?.invalid ?? 0,
      results: results
        .filter((x) => x.round === r.round)
        .map((x) => ({
          nomination: x.nomination_id,
          subject: names.get(x.nomination_id)?.subject ?? '',
          name: names.get(x.nomination_id)?.name ?? '',
          agree: x.agree,
          disagree: x.disagree,
          blank: x.blank,
          share: x.base > 0 ? x.agree / x.base : 0,
          passed: x.passed === 1,
        })),
    });
  }
  const current = rounds.length > 0 ? rounds[rounds.length - 1].round + 1 : 1;
  return {
    id,
    year: b.year,
    award: b.award,
    awardName: title.name,
    status: b.status,
    heldOn: b.held_on,
    closedOn: b.closed_on,
    membersTotal: b.members_total,
    present: b.present,
    quorum: b.quorum,
    quorumMet: quorumMet(b.present, b.members_total, b.quorum),
    threshold: parseRatio(b.threshold) ?? 0,
    thresholdText: b.threshold,
    base: b.base,
    source: (JSON.parse(b.rule_sources) as { threshold: string }).threshold,
    roll: roll.map((r) => ({ code: r.person_code, name: r.name, role: r.role, counter: r.counter === 1 })),
    nominees,
    entries: b.status === 'open' ? entries.filter((e) => e.round === current) : [],
    rounds: roundViews,
    results: roundViews.length > 0 ? roundViews[roundViews.length - 1].results : [],
  };
}

export async function showBallot(ctx: ServiceContext, rawId: string | number): Promise<Ballot> {
  const id = ballotIdOrThrow(rawId);
  return transact(ctx, (trx) => loadBallot(trx, id));
}

export async function listBallots(ctx: ServiceContext, filter: { year?: string | number }): Promise<Ballot[]> {
  const year = filter.year === undefined ? undefined : valueOrThrow(parseYearField('year', filter.year));
  return transact(ctx, async (trx) => {
    const out: Ballot[] = [];
    for (const b of await listBallotRows(trx, { year })) out.push(await loadBallot(trx, b.id));
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Opening

export interface OpenInput {
  year?: string | number;
  award?: string;
  present?: string | number;
  date?: string;
  counters?: string[];
}

export interface Opened {
  ballot: Ballot;
  /** Nominations of the title and year left off, with why (not accepted at appraisal, no longer eligible). */
  leftOff: { id: number; subject: string; name: string; reason: 'notAccepted' | 'notEligible' }[];
}

/** The titles a nomination still waits on (a pending nomination for a title it rests on). */
export function awaitedTitles(n: Nomination): string[] {
  const out = new Set<string>();
  for (const c of n.criteria) {
    if (c.status !== 'unknown') continue;
    for (const d of c.detail) {
      if (d.key === 'elig.title.pending' || d.key === 'elig.members.titlePending') out.add(String(d.params?.award ?? ''));
    }
  }
  out.delete('');
  return [...out];
}

async function frozenRule(trx: Tx, keys: string[], date: string): Promise<{ value: string; source: string }> {
  for (const key of keys) {
    const r = await ruleAt(trx, key, date);
    if (r) return { value: r.value, source: r.source };
  }
  throw new WorkflowError('ballot.noRule', { key: keys[keys.length - 1], date });
}

function parseCount(c: FieldCollector, field: string, raw: string | number | undefined, required = true): number {
  const text = String(raw ?? '').trim();
  if (text === '') {
    if (required) c.add('invalid.required', { field });
    return 0;
  }
  if (!/^\d{1,6}$/.test(text)) {
    c.add('ballot.badCount', { field, value: text });
    return 0;
  }
  return Number(text);
}

export async function openBallot(ctx: ServiceContext, input: OpenInput): Promise<Opened> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const yearText = String(input.year ?? '').trim();
  const year = parseYear(yearText);
  if (year === null) c.add(yearText === '' ? 'invalid.required' : 'invalid.year', { field: 'year', value: yearText });
  const present = parseCount(c, 'present', input.present);
  const date = input.date === undefined ? today : c.take(parseIsoDate('ballotDate', input.date, { required: true }));
  if (date && date > today) c.add('ballot.futureDate', { date, today });
  const counters = (input.counters ?? []).flatMap((s) => s.split(',')).map((s) => normaliseCode(s)).filter(Boolean);
  if (c.problems.length > 0) throw new ValidationError('ballot.invalid', {}, c.problems);
  const y = year as number;
  const held = date as string;
  return transact(ctx, async (trx, audit) => {
    const title = await requireTitle(trx, input.award ?? '');
    const council = await getCouncil(trx, 'emulation', y);
    if (!council) throw new WorkflowError('ballot.noCouncil', { year: y });
    const members = await councilMemberRows(trx, [council.id]);
    if (present > members.length) throw new ValidationError('ballot.tooManyPresent', { present, members: members.length });
    const unknownCounters = counters.filter((code) => !members.some((m) => m.person_code === code));
    if (unknownCounters.length > 0) throw new ValidationError('ballot.counterNotOnRoll', { codes: unknownCounters.join(', ') });
    const quorum = await frozenRule(trx, ['ballot.quorum'], held);
    const threshold = await frozenRule(trx, [`ballot.threshold.${title.code}`, 'ballot.threshold'], held);
    const base = await frozenRule(trx, [`ballot.base.${title.code}`, 'ballot.base'], held);
    if (!quorumMet(present, members.length, quorum.value)) {
      throw new WorkflowError('ballot.noQuorum', { present, members: members.length, needed: quorumNeeded(members.length, quorum.value), quorum: quorum.value });
    }
    const open = await openBallotOf(trx, y, title.code);
    if (open) throw new WorkflowError('ballot.alreadyOpen', { id: open.id, award: title.code, year: y });

    const pending = await nominationsIn(trx, { year: y, award: title.code, statuses: ['submitted', 'accepted', 'returned'] });
    const waiting = pending.map((n) => ({ n, on: awaitedTitles(n) })).filter((w) => w.on.length > 0);
    if (waiting.length > 0) {
      const first = [...new Set(waiting.flatMap((w) => w.on))];
      throw new WorkflowError(
        'ballot.waitsOn',
        { award: title.code, year: y, first: first.join(', ') },
        waiting.map((w) => ({ key: 'ballot.waiting', params: { id: w.n.id, code: w.n.subject, name: w.n.name, on: w.on.join(', ') } })),
      );
    }
    const onBallot = pending.filter((n) => n.status === 'accepted' && n.eligible);
    const leftOff = pending
      .filter((n) => !onBallot.includes(n))
      .map((n) => ({ id: n.id, subject: n.subject, name: n.name, reason: n.status === 'accepted' ? ('notEligible' as const) : ('notAccepted' as const) }));
    if (onBallot.length === 0) throw new WorkflowError('ballot.nothingToVote', { award: title.code, year: y, count: pending.length });

    const id = await insertBallot(trx, {
      year: y,
      award: title.code,
      council_id: council.id,
      held_on: held,
      members_total: members.length,
      present,
      quorum: quorum.value,
      threshold: threshold.value,
      base: base.value === 'members' ? 'members' : 'present',
      rule_sources: JSON.stringify({ quorum: quorum.source, threshold: threshold.source, base: base.source }),
      status: 'open',
      closed_on: null,
      created_at: ctx.clock.now(),
    });
    // The counting committee: those named, or the council's secretary.
    const counting = counters.length > 0 ? counters : members.filter((m) => m.role === 'secretary').map((m) => m.person_code);
    await insertRoll(trx, members.map((m, i) => ({
      ballot_id: id, person_code: m.person_code, name: m.name, role: m.role, counter: counting.includes(m.person_code) ? 1 : 0, sort: i + 1,
    })));
    await insertItems(trx, id, onBallot.map((n) => n.id));
    const ballot = await loadBallot(trx, id);
    await audit({ entity: 'ballot', entityId: String(id), action: 'open', after: { ...summary(ballot), leftOff } });
    return { ballot, leftOff };
  });
}

/** What the audit keeps of a ballot: its frame and counts, never anything about a member's choice. */
function summary(b: Ballot) {
  return {
    year: b.year, award: b.award, heldOn: b.heldOn, status: b.status, membersTotal: b.membersTotal, present: b.present,
    quorum: b.quorum, threshold: b.thresholdText, base: b.base, roll: b.roll.map((r) => r.code), nominations: b.nominees.map((n) => n.nomination),
    results: b.results,
  };
}

// ---------------------------------------------------------------------------------------------
// Counting

export interface TallyInput {
  entry?: string | number;
  issued?: string | number;
  returned?: string | number;
  invalid?: string | number;
  votes?: string[];
}

/** Reads the typed counts; a vote names a nomination by its number or its subject's code. */
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
  const problems = tallyProblems(t, ballot.membersTotal, ballot.nominees.map((n) => n.nomination));
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
    issued: tally.issued,
    returned: tally.returned,
    invalid: tally.invalid,
    results: ballot.nominees.map((n) => ({ ...byId.get(n.nomination)!, ...results.find((r) => r.nomination === n.nomination)! })),
  };
}

function docData(b: Ballot): BallotDocData {
  return {
    id: b.id,
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
    roll: b.roll.map((r) => ({ code: r.code, name: r.name, role: ROLE_WORDS[r.role] ?? r.role, role_code: r.role, counter: r.counter })),
    nominees: b.nominees,
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
    title: `Biên bản kiểm phiếu danh hiệu ${ballot.awardName} năm ${ballot.year}${round > 1 ? ` (kiểm phiếu lại lần ${round})` : ''}`,
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

/** Closes a ballot and issues its minutes; with `draft`, the minutes as a draft and nothing kept (services/documents.ts). */
export async function closeBallot(ctx: ServiceContext, rawId: string | number, opts: { draft?: boolean } = {}): Promise<{ ballot: Ballot; minutes: IssuedDocument }> {
  const id = ballotIdOrThrow(rawId);
  return transactDraft(ctx, opts.draft, async (trx, audit) => {
    const ballot = await loadBallot(trx, id);
    if (ballot.status !== 'open') throw new WorkflowError('ballot.alreadyClosed', { id, date: ballot.closedOn ?? '' });
    if (ballot.entries.length === 0) throw new WorkflowError('ballot.noTally', { id });
    const [first, second] = ballot.entries.map((e) => ({ ...e, votes: e.votes }));
    if (second) {
      const diffs = tallyDifferences(first, second);
      if (diffs.length > 0) throw new WorkflowError('ballot.entriesDiffer', { id, count: diffs.length }, diffs);
    }
    const minutes = await recordRound(ctx, trx, audit, ballot, first, { date: ballot.heldOn, reason: null });
    await closeBallotRow(trx, id, ctx.clock.today());
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

// ---------------------------------------------------------------------------------------------
// Papers

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

// ---------------------------------------------------------------------------------------------
// Status

/** `status`: ballots opened and not yet closed. */
export const openBallots: SectionBuilder = async (trx) => {
  const rows = await listBallotRows(trx, { status: 'open' });
  if (rows.length === 0) return null;
  const items = [];
  for (const r of rows) {
    const entries = await talliesOf(trx, r.id);
    items.push({ id: r.id, award: r.award, year: r.year, heldOn: r.held_on, entries: entries.length, what: entries.length === 0 ? 'enterTally' : 'closeBallot' });
  }
  return {
    key: 'openBallots',
    columns: [
      { field: 'id', header: 'col.id' },
      { field: 'award', header: 'col.award' },
      { field: 'year', header: 'nominate.col.year' },
      { field: 'heldOn', header: 'ballot.col.heldOn', kind: 'date' },
      { field: 'entries', header: 'ballot.col.entries' },
      { field: 'what', header: 'status.col.what', kind: 'message' },
    ],
    items,
  };
};

/** A check rule that reads another title (`title:LDTT`, `members:LDTT>0.5`), not only ratings. */
export function restsOnTitle(rule: string | null): boolean {
  return (rule ?? '').split(';').some((part) => {
    const p = part.trim().replace(/^members:/, '');
    return p.startsWith('title:') || /^[A-Z]+(>=|>|=)/.test(p);
  });
}

/** `status`: titles whose nominations wait for another title's ballot (vote that one first). */
export const ballotsWaiting: SectionBuilder = async (trx, today) => {
  const year = Number(today.slice(0, 4));
  const items: Record<string, string | number>[] = [];
  // Only titles with a criterion resting on another title can wait (CSTDCS, the collective titles):
  // eligibility is computed for their pending nominations alone, not for every LDTT of a province.
  const resting = [...new Set((await listCriteria(trx)).filter((c) => restsOnTitle(c.check_rule)).map((c) => c.title_code))];
  for (const y of [year - 1, year]) {
    const pending: Nomination[] = [];
    for (const award of resting) pending.push(...(await nominationsIn(trx, { year: y, award, statuses: ['submitted', 'accepted', 'returned'] })));
    const byAward = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const n of pending) {
      const on = awaitedTitles(n);
      if (on.length === 0) continue;
      const set = byAward.get(n.award) ?? new Set<string>();
      on.forEach((a) => set.add(a));
      byAward.set(n.award, set);
      counts.set(n.award, (counts.get(n.award) ?? 0) + 1);
    }
    for (const [award, on] of byAward) items.push({ award, year: y, count: counts.get(award) ?? 0, first: [...on].join(', ') });
  }
  if (items.length === 0) return null;
  return {
    key: 'ballotsWaiting',
    columns: [
      { field: 'award', header: 'col.award' },
      { field: 'year', header: 'nominate.col.year' },
      { field: 'count', header: 'status.col.count' },
      { field: 'first', header: 'ballot.col.first' },
    ],
    items,
  };
};


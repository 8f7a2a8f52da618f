/**
 * The emulation council's secret ballot (DOMAIN.md "Secret ballot rules"): opened with the roll and the
 * rules frozen (ballot-open.ts), counts entered by one clerk or two who must agree, closed with each
 * nominee's result, corrected only by a recorded recount (ballot-count.ts). This file reads a ballot
 * whole, prints its papers and tells `status` what waits. Secrecy is structural: only counts are stored.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseRecordId, parseYearField, valueOrThrow } from '../domain/fields.js';
import { parseRatio } from '../domain/rules.js';
import { quorumMet, validPapers, type NomineeLabel, type VoteCount } from '../domain/tally.js';
import type { DocIdentity } from '../domain/documents.js';
import { ballotPaperModel, type BallotDocData, type BallotNominee } from '../reports/docs/ballot.js';
import { listCriteria } from '../db/repos/reference.js';
import {
  getBallot, itemsOf, listBallotRows, resultsOf, rollOf, roundsOf, talliesOf, unitsOfPeople, votesOf, type BallotRow, type TallyRow,
} from '../db/repos/ballots.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { transact, type Tx } from './database.js';
import { identityAt, toIssued, type IssuedDocument } from './documents.js';
import { nominationsIn, type Nomination } from './nominations.js';
import { requireTitle } from './reference.js';
import type { SectionBuilder } from './section.js';

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

/** One nominee's counts as entered, named as the clerk names them. */
export interface EnteredVote extends VoteCount {
  subject: string;
  name: string;
}

export interface BallotEntry {
  entry: number;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  enteredOn: string;
  /** In the order of the ballot (the Vietnamese order of the nominees' names). */
  votes: EnteredVote[];
}

export interface RollMember {
  code: string;
  name: string;
  role: string;
  counter: boolean;
  /** Present at the meeting; null on a ballot opened before attendance was recorded. */
  attended: boolean | null;
  /** Place in the counting committee as named (1 = its head); null for others. */
  counterRank: number | null;
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
  /** The meeting's start and end (`HH:MM`) and its place; null where not recorded (end: until closed). */
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  roll: RollMember[];
  /** Who presided and who kept the minutes (null on a ballot opened before they were recorded). */
  presiding: RollMember | null;
  secretary: RollMember | null;
  /** The counting committee in the order named: its head first. */
  counters: RollMember[];
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

function entryOf(t: TallyRow, votes: EnteredVote[]): BallotEntry {
  return { entry: t.entry, issued: t.issued, returned: t.returned, valid: validPapers(t), invalid: t.invalid, enteredOn: t.entered_on, votes };
}

/** The counts of each entry, each nominee's in the order of the ballot, by code and name. */
async function entriesOf(trx: Tx, ballotId: number, nominees: BallotNominee[]): Promise<(BallotEntry & { round: number; reason: string | null })[]> {
  const tallies = await talliesOf(trx, ballotId);
  const votes = await votesOf(trx, tallies.map((t) => t.id));
  const order = new Map(nominees.map((n, i) => [n.nomination, i]));
  return tallies.map((t) => ({
    ...entryOf(
      t,
      votes
        .filter((v) => v.tally_id === t.id)
        .sort((a, b) => (order.get(a.nomination_id) ?? 0) - (order.get(b.nomination_id) ?? 0))
        .map((v) => {
          const n = nominees[order.get(v.nomination_id) ?? -1];
          return { nomination: v.nomination_id, subject: n?.subject ?? '', name: n?.name ?? '', agree: v.agree, disagree: v.disagree, blank: v.blank };
        }),
    ),
    round: t.round,
    reason: t.reason,
  }));
}

/** Names a nominee in a message the way the clerk names them: `VC012 – Nguyễn Văn A`. */
export function labelOf(nominees: BallotNominee[]): NomineeLabel {
  const byId = new Map(nominees.map((n) => [n.nomination, n]));
  return (id) => {
    const n = byId.get(id);
    return n ? `${n.subject} – ${n.name}` : `#${id}`;
  };
}

export async function loadBallot(trx: Tx, id: number): Promise<Ballot> {
  const b = await requireBallotRow(trx, id);
  const title = await requireTitle(trx, b.award);
  const roll = await rollOf(trx, id);
  const nominees = await nomineesOf(trx, id, b.year, b.award);
  const names = new Map(nominees.map((n) => [n.nomination, n]));
  const order = new Map(nominees.map((n, i) => [n.nomination, i]));
  const rounds = await roundsOf(trx, id);
  const results = await resultsOf(trx, id);
  const entries = await entriesOf(trx, id, nominees);
  const members: RollMember[] = roll.map((r) => ({
    code: r.person_code, name: r.name, role: r.role, counter: r.counter === 1, attended: r.attended === null ? null : r.attended === 1, counterRank: r.counter_rank,
  }));
  // Ballots opened before the committee's order was kept list it in the roll's order.
  const counters = members.filter((m) => m.counter).sort((a, b) => (a.counterRank ?? 1e9) - (b.counterRank ?? 1e9));
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
      // In the order of the ballot (Vietnamese order of names), not the order rows come back in.
      results: results
        .filter((x) => x.round === r.round)
        .sort((a, b) => (order.get(a.nomination_id) ?? 0) - (order.get(b.nomination_id) ?? 0))
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
    startsAt: b.starts_at,
    endsAt: b.ends_at,
    place: b.place,
    roll: members,
    presiding: members.find((m) => m.code === b.presiding_code) ?? null,
    secretary: members.find((m) => m.code === b.secretary_code) ?? null,
    counters,
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
// Shared by opening and counting

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

/** A count typed for a field (`--present`, `--issued`): a whole number, up to six digits. */
export function parseCount(c: FieldCollector, field: string, raw: string | number | undefined, required = true): number {
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

/** What the audit keeps of a ballot: its frame and counts, never anything about a member's choice. */
export function summary(b: Ballot) {
  return {
    year: b.year, award: b.award, heldOn: b.heldOn, status: b.status, membersTotal: b.membersTotal, present: b.present,
    quorum: b.quorum, threshold: b.thresholdText, base: b.base, roll: b.roll.map((r) => r.code), nominations: b.nominees.map((n) => n.nomination),
    startsAt: b.startsAt, endsAt: b.endsAt, place: b.place, absent: b.roll.filter((r) => r.attended === false).map((r) => r.code),
    presiding: b.presiding?.code ?? null, secretary: b.secretary?.code ?? null, counters: b.counters.map((r) => r.code),
    results: b.results,
  };
}

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


/**
 * The emulation council's secret ballot (DOMAIN.md "Secret ballot rules"): opened with the roll and the
 * rules frozen (ballot-open.ts), counts entered by one clerk or two who must agree, closed with each
 * nominee's result, corrected only by a recorded recount (ballot-count.ts), read whole (ballot-read.ts),
 * its papers printed (ballot-papers.ts). This file keeps the model, what opening and counting share, and
 * tells `status` what waits. Secrecy is structural: only counts are stored.
 */
import { FieldCollector } from '../domain/fields.js';
import type { VoteCount } from '../domain/tally.js';
import type { BallotNominee } from '../reports/docs/ballot.js';
import { listCriteria } from '../db/repos/reference.js';
import { listBallotRows, talliesOf } from '../db/repos/ballots.js';
import { nominationsIn, type Nomination } from './nominations.js';
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


/**
 * The secret ballot's arithmetic (DOMAIN.md "Secret ballot rules"): the quorum, the counting checks
 * (numbered, so minutes and messages can cite them), the comparison of two clerks' entries, and each
 * nominee's share against the frozen threshold and base. Pure: counts in, verdicts out.
 */
import type { Detail } from './errors.js';
import { parseRatio } from './rules.js';

export type BallotBase = 'present' | 'members';

export interface VoteCount {
  nomination: number;
  agree: number;
  disagree: number;
  blank: number;
}

export interface Tally {
  issued: number;
  returned: number;
  invalid: number;
  votes: VoteCount[];
}

/** The numbered counting checks. */
export const TALLY_RULES = {
  1: 'returned ≤ issued',
  2: 'issued ≤ members on the roll',
  3: 'valid + invalid = returned',
  4: 'agree + disagree + blank = valid, for each nominee',
} as const;

const EPS = 1e-9;

/** Papers counted as valid: returned less invalid. */
export function validPapers(t: Pick<Tally, 'returned' | 'invalid'>): number {
  return t.returned - t.invalid;
}

/** Whether `present` of `members` make the quorum (a share, `2/3` by default). */
export function quorumMet(present: number, members: number, quorum: string): boolean {
  const ratio = parseRatio(quorum);
  if (ratio === null || members <= 0) return false;
  return present >= ratio * members - EPS;
}

/** The fewest people present that make the quorum. */
export function quorumNeeded(members: number, quorum: string): number {
  const ratio = parseRatio(quorum) ?? 1;
  return Math.ceil(ratio * members - EPS);
}

/** How a message names a nominee: by the code the clerk types (`VC012 – Nguyễn Văn A`), never by a dossier number. */
export type NomineeLabel = (nomination: number) => string;

const byNumber: NomineeLabel = (n) => `#${n}`;

/**
 * Every counting check the tally breaks, as details naming the rule (`tally.rule.N`), and every
 * nominee on the ballot without a count or a count for someone not on it.
 */
export function tallyProblems(t: Tally, rollSize: number, nominations: readonly number[], label: NomineeLabel = byNumber): Detail[] {
  const problems: Detail[] = [];
  const valid = validPapers(t);
  if (t.returned > t.issued) problems.push({ key: 'tally.rule.1', params: { returned: t.returned, issued: t.issued } });
  if (t.issued > rollSize) problems.push({ key: 'tally.rule.2', params: { issued: t.issued, members: rollSize } });
  if (t.invalid > t.returned) problems.push({ key: 'tally.rule.3', params: { invalid: t.invalid, returned: t.returned } });
  for (const v of t.votes) {
    if (!nominations.includes(v.nomination)) {
      problems.push({ key: 'tally.notOnBallot', params: { who: label(v.nomination) } });
      continue;
    }
    const sum = v.agree + v.disagree + v.blank;
    if (sum !== valid && valid >= 0) {
      problems.push({ key: 'tally.rule.4', params: { who: label(v.nomination), agree: v.agree, disagree: v.disagree, blank: v.blank, sum, valid } });
    }
  }
  const seen = new Set<number>();
  for (const v of t.votes) {
    if (seen.has(v.nomination)) problems.push({ key: 'tally.duplicate', params: { who: label(v.nomination) } });
    seen.add(v.nomination);
  }
  for (const n of nominations) if (!seen.has(n)) problems.push({ key: 'tally.missingVote', params: { who: label(n) } });
  return problems;
}

/** Where two clerks' entries of the same papers differ (empty when they agree). */
export function tallyDifferences(a: Tally, b: Tally, label: NomineeLabel = byNumber): Detail[] {
  const out: Detail[] = [];
  for (const field of ['issued', 'returned', 'invalid'] as const) {
    if (a[field] !== b[field]) out.push({ key: `tally.diff.${field}`, params: { first: a[field], second: b[field] } });
  }
  const second = new Map(b.votes.map((v) => [v.nomination, v]));
  for (const v of a.votes) {
    const w = second.get(v.nomination);
    if (!w) continue;
    for (const field of ['agree', 'disagree', 'blank'] as const) {
      if (v[field] !== w[field]) out.push({ key: `tally.diff.${field}`, params: { who: label(v.nomination), first: v[field], second: w[field] } });
    }
  }
  return out;
}

export interface BallotRules {
  threshold: string;
  base: BallotBase;
  present: number;
  members: number;
}

export interface VoteResult extends VoteCount {
  /** The number the share is taken of: those present, or all members. */
  baseCount: number;
  /** agree / base, 0 when the base is 0. */
  share: number;
  passed: boolean;
}

/** Each nominee's share of "agree" against the base, and whether it reaches the threshold (ties pass). */
export function computeResults(t: Tally, rules: BallotRules): VoteResult[] {
  const ratio = parseRatio(rules.threshold);
  if (ratio === null) throw new Error(`threshold "${rules.threshold}" is not a ratio`);
  const baseCount = rules.base === 'members' ? rules.members : rules.present;
  return t.votes.map((v) => {
    const share = baseCount > 0 ? v.agree / baseCount : 0;
    return { ...v, baseCount, share, passed: baseCount > 0 && v.agree >= ratio * baseCount - EPS };
  });
}

/** A share as people read it: 77,78% (Vietnamese) or 77.78% (English). */
export function formatShare(share: number, lang: 'vi' | 'en' = 'vi'): string {
  const text = (Math.round(share * 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** `NOMINATION=AGREE,DISAGREE,BLANK` as typed with --vote; null when it is not that shape. */
export function parseVote(raw: string): VoteCount | null {
  const m = /^\s*#?(\d{1,9})\s*=\s*(\d{1,6})\s*,\s*(\d{1,6})\s*,\s*(\d{1,6})\s*$/.exec(raw);
  if (!m) return null;
  return { nomination: Number(m[1]), agree: Number(m[2]), disagree: Number(m[3]), blank: Number(m[4]) };
}

/**
 * Councils and the initiative council's review (Hội đồng sáng kiến): the roll of a council, scores
 * against the rubric, who may score, when scores may be shown, and the rule of a recognition.
 */
import type { Detail } from './errors.js';
import type { Parsed } from './fields.js';
import { ownValue, parseCode } from './fields.js';
import { clean, compareNames, fold } from './names.js';
import { addDays } from './dates.js';

export const COUNCIL_KINDS = ['emulation', 'initiative'] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];

/** `--kind` as clerks type it (folded: any case, with or without diacritics). */
export const COUNCIL_KIND_ALIASES: Record<string, CouncilKind> = {
  emulation: 'emulation',
  'thi dua': 'emulation',
  'thi dua khen thuong': 'emulation',
  'thi dua - khen thuong': 'emulation',
  tdkt: 'emulation',
  initiative: 'initiative',
  'sang kien': 'initiative',
  sangkien: 'initiative',
  sk: 'initiative',
};
export const COUNCIL_KINDS_ALLOWED = 'emulation (thi đua – khen thưởng), initiative (sáng kiến)';

export const COUNCIL_ROLES = ['chair', 'vice', 'member', 'secretary'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/** The flag each role is given with (messages name the flags the clerk typed). */
export const ROLE_FLAG: Record<CouncilRole, string> = { chair: '--chair', vice: '--vice', member: '--member', secretary: '--secretary' };

/** The fewest people a council may have. */
export const COUNCIL_MIN = 3;

export interface RollInput {
  chair?: string;
  vice?: string[];
  members?: string[];
  secretary?: string;
}

export interface RollEntry {
  code: string;
  role: CouncilRole;
  /** 1, 2, … in the order given: chair, vices, members, secretary. */
  sort: number;
}

/**
 * The roll as given: a chair (required), any vices and members, a secretary; every code valid, each
 * person in one role only, at least COUNCIL_MIN people. Every problem at once.
 */
export function parseRoll(input: RollInput): { value: RollEntry[]; problems: Detail[] } {
  const problems: Detail[] = [];
  const given: [CouncilRole, string | undefined][] = [
    ['chair', input.chair],
    ...(input.vice ?? []).map((c): [CouncilRole, string] => ['vice', c]),
    ...(input.members ?? []).map((c): [CouncilRole, string] => ['member', c]),
    ...(input.secretary !== undefined ? [['secretary', input.secretary] as [CouncilRole, string]] : []),
  ];
  const entries: RollEntry[] = [];
  const roles = new Map<string, CouncilRole[]>();
  for (const [role, raw] of given) {
    const p = parseCode(role, raw);
    if (!p.ok) {
      problems.push(p.problem);
      continue;
    }
    roles.set(p.value, [...(roles.get(p.value) ?? []), role]);
    entries.push({ code: p.value, role, sort: entries.length + 1 });
  }
  for (const [code, list] of roles) {
    if (list.length > 1) problems.push({ key: 'council.personTwice', params: { code, flags: list.map((r) => ROLE_FLAG[r]).join(', ') } });
  }
  if (problems.length === 0 && roles.size < COUNCIL_MIN) problems.push({ key: 'council.tooFew', params: { count: roles.size, min: COUNCIL_MIN } });
  return { value: problems.length === 0 ? entries : [], problems };
}

/** The roll in the order it is read: chair, vices, members (Vietnamese name order), secretary. */
export function orderRoll<T extends { role: CouncilRole; name: string }>(members: readonly T[]): T[] {
  const rank = (r: CouncilRole) => COUNCIL_ROLES.indexOf(r);
  return [...members].sort((a, b) => rank(a.role) - rank(b.role) || compareNames(a.name, b.name));
}

/** Two rolls are the same when the same people hold the same roles. */
export function sameRoll(a: readonly { code: string; role: CouncilRole }[], b: readonly { code: string; role: CouncilRole }[]): boolean {
  const key = (r: readonly { code: string; role: CouncilRole }[]) => r.map((m) => `${m.role}:${m.code}`).sort().join('|');
  return key(a) === key(b);
}

// ——— scores ———

export const CRITERIA = ['novelty', 'applicability', 'benefit'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Scores = Record<Criterion, number>;

/** The field each criterion is named by in messages. */
export const CRITERION_FIELD: Record<Criterion, string> = {
  novelty: 'scoreNovelty',
  applicability: 'scoreApplicability',
  benefit: 'scoreBenefit',
};

/** A score from 0 to `max`, with at most one decimal (`7`, `7.5`, `7,5`). */
export function parseScore(field: string, raw: string | undefined, max: number): Parsed<number> {
  const v = clean(raw ?? '');
  if (v === '') return { ok: false, problem: { key: 'invalid.required', params: { field } } };
  const m = /^(\d{1,3})(?:[.,](\d))?$/.exec(v);
  const n = m ? Number(`${m[1]}.${m[2] ?? '0'}`) : NaN;
  if (!m || n > max) return { ok: false, problem: { key: 'review.badScore', params: { field, value: v, max } } };
  return { ok: true, value: n };
}

/** The three scores of one member: every problem at once. */
export function parseScores(raw: Partial<Record<Criterion, string>>, max: number): { value: Scores; problems: Detail[] } {
  const problems: Detail[] = [];
  const value = {} as Scores;
  for (const c of CRITERIA) {
    const p = parseScore(CRITERION_FIELD[c], raw[c], max);
    if (p.ok) value[c] = p.value;
    else problems.push(p.problem);
  }
  return { value, problems };
}

/** One member's mark: the mean of their three criteria. */
export function memberMean(s: Scores): number {
  return (s.novelty + s.applicability + s.benefit) / 3;
}

/** The council's average: the mean over members of each member's mean; null without scores. */
export function averageOf(scores: readonly Scores[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, s) => sum + memberMean(s), 0) / scores.length;
}

/** An average as displayed: two decimals (compare the unrounded value, never this). */
export function roundAverage(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

export interface RollMember {
  code: string;
  active: boolean;
}

/**
 * Who scores an initiative: the roll minus its authors (conflict of interest). A member who has left
 * the school is no longer expected to score, but a score they gave before leaving still counts.
 */
export function eligibleScorers(roll: readonly RollMember[], authors: readonly string[], scored: ReadonlySet<string>): string[] {
  return roll.filter((m) => !authors.includes(m.code) && (m.active || scored.has(m.code))).map((m) => m.code);
}

export interface ScoringProgress {
  /** Eligible scorers who have scored. */
  scored: number;
  /** Eligible scorers. */
  scorers: number;
  /** Eligible scorers still to score, in roll order. */
  waiting: string[];
  /** Every eligible scorer has scored (and there is at least one). */
  complete: boolean;
}

export function scoringProgress(eligible: readonly string[], scored: ReadonlySet<string>): ScoringProgress {
  const waiting = eligible.filter((c) => !scored.has(c));
  return { scored: eligible.length - waiting.length, scorers: eligible.length, waiting, complete: eligible.length > 0 && waiting.length === 0 };
}

/** Scores stay hidden (no per-member score, no average) until scoring is complete. */
export function visible<T>(progress: ScoringProgress, value: T): T | null {
  return progress.complete ? value : null;
}

// ——— the decision ———

export const CONDITIONS = ['new', 'benefit', 'not-excluded'] as const;
export type Condition = (typeof CONDITIONS)[number];

const CONDITION_ALIASES: Record<string, Condition> = {
  new: 'new',
  moi: 'new',
  'tinh moi': 'new',
  benefit: 'benefit',
  'hieu qua': 'benefit',
  'loi ich': 'benefit',
  'not-excluded': 'not-excluded',
  'not excluded': 'not-excluded',
  notexcluded: 'not-excluded',
  'khong loai tru': 'not-excluded',
  'khong bi loai tru': 'not-excluded',
};

/** `--conditions new,benefit,not-excluded` (several flags or one list): the known ones, the unknown ones, the missing ones. */
export function parseConditions(raws: readonly string[]): { confirmed: Condition[]; unknown: string[]; missing: Condition[] } {
  const confirmed = new Set<Condition>();
  const unknown: string[] = [];
  for (const raw of raws.flatMap((r) => r.split(/[,;]/))) {
    const text = clean(raw);
    if (text === '') continue;
    const c = ownValue(CONDITION_ALIASES, fold(text));
    if (c) confirmed.add(c);
    else unknown.push(text);
  }
  return { confirmed: CONDITIONS.filter((c) => confirmed.has(c)), unknown, missing: CONDITIONS.filter((c) => !confirmed.has(c)) };
}

export type RecognitionBlock =
  | { kind: 'noScorers' }
  | { kind: 'incomplete'; scored: number; scorers: number }
  | { kind: 'belowPass'; average: number; passMark: number };

/**
 * Why the council may not recognise (the three conditions aside, which the caller checks as input):
 * nobody can score, someone has still to score, or the average is below the pass mark in force.
 */
export function recognitionBlock(progress: ScoringProgress, average: number | null, passMark: number): RecognitionBlock | null {
  if (progress.scorers === 0) return { kind: 'noScorers' };
  if (!progress.complete || average === null) return { kind: 'incomplete', scored: progress.scored, scorers: progress.scorers };
  if (average < passMark) return { kind: 'belowPass', average, passMark };
  return null;
}

// ——— rules and dates ———

export const REVIEW_DEFAULTS = { scoreMax: 10, passMark: 5, deadlineDays: 90 } as const;

/** A number rule as stored, or the fallback when it is missing or unreadable. */
export function ruleNumber(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : fallback;
}

/** The date by which the council must decide. */
export function reviewDeadline(appliedOn: string, days: number): string {
  return addDays(appliedOn, days);
}

/**
 * Detecting likely exemplars (DOMAIN.md "Criteria for an exemplar", "Other titles"): from one subject's
 * evidence for a year, a score, the evidence lines and what is still missing. Pure: the service loads
 * the evidence, the CLI translates the lines (message keys with parameters, nested lines allowed).
 */
import { formatVnDate } from './dates.js';
import { compareNames, compareText } from './names.js';

/** A message to show: a catalogue key and its parameters; a parameter may itself be a line or a list of lines. */
export interface Line {
  key: string;
  params?: Record<string, LineParam>;
}
export type LineParam = string | number | Line | Line[];

/** The four rating levels, best first (DOMAIN.md "Ratings"). */
const RATING_RANK: Record<string, number> = { HTXSNV: 4, HTTNV: 3, HTNV: 2, KHTNV: 1 };

export function ratingRank(code: string | null | undefined): number {
  return code ? (RATING_RANK[code] ?? 0) : 0;
}

/**
 * The weights of the score. Only the order matters (a score ranks, it decides nothing); the help
 * text of `thidua detect` repeats them, keep the two in step.
 */
export const WEIGHTS = {
  /** Annual rating: HTXSNV weighs most; HTTNV is enough to be a candidate; HTNV/KHTNV disqualify. */
  annual: { HTXSNV: 40, HTTNV: 20 } as Record<string, number>,
  /** Each quarter of the year rated HTXSNV. */
  quarterExcellent: 8,
  /** An initiative or topic recognised in the year, times the person's share (60% → 0.6 × 30). */
  recognised: 30,
  /** One still running in the year (registered, in progress, applied), times the share. */
  running: 10,
  /** Each achievement logged in the year, up to the cap. */
  achievement: 5,
  achievementCap: 20,
  /** Registered for DHTT that year. */
  registeredDhtt: 10,
  /** On the fostering watch list during the year. */
  fostered: 5,
  /** Units: the share of active members rated HTTNV or better (all of them → 40), and HTXSNV (→ 20). */
  unitGoodShare: 40,
  unitExcellentShare: 20,
  /** Units: each of the unit's own initiatives or topics recognised in the year, or running. */
  unitRecognised: 15,
  unitRunning: 5,
} as const;

/** A unit is a candidate when at least this share of its active members is rated HTTNV or better. */
export const UNIT_SHARE_PERCENT = 70;
/** Without an annual rating, this many quarters rated HTXSNV in the year make a person a candidate. */
export const QUARTERS_NEEDED = 2;

export type WorkStatus = 'registered' | 'in_progress' | 'applied' | 'recognised' | 'rejected' | 'withdrawn';
const RUNNING: ReadonlySet<WorkStatus> = new Set(['registered', 'in_progress', 'applied']);

/** An initiative or research topic, as one of its authors (share in %) or its unit (share 100) sees it. */
export interface Work {
  code: string;
  kind: 'initiative' | 'research';
  /** The year it was registered. */
  year: number;
  status: WorkStatus;
  /** The date the current status began. */
  statusOn: string;
  share: number;
}

/**
 * How a work counts for `year`: `recognised` when recognised in that year; `running` when registered
 * by then and, during that year, still under way (still running today, or its current status came
 * later); otherwise it does not count.
 */
export function workInYear(w: Work, year: number): 'recognised' | 'running' | null {
  const statusYear = Number(w.statusOn.slice(0, 4));
  if (w.status === 'recognised' && statusYear === year) return 'recognised';
  if (w.year <= year && (RUNNING.has(w.status) || statusYear > year)) return 'running';
  return null;
}

export type AchievementKind = 'task' | 'movement' | 'union' | 'charity' | 'other';
const ACHIEVEMENT_KINDS: AchievementKind[] = ['task', 'movement', 'union', 'charity', 'other'];

export interface PersonEvidence {
  year: number;
  category: 'leader' | 'staff';
  /** The annual rating for the year, or null when not rated yet. */
  annual: string | null;
  /** The quarterly ratings of the year. */
  quarters: { quarter: number; rating: string }[];
  works: Work[];
  /** One entry per achievement logged in the year. */
  achievements: AchievementKind[];
  /** Titles registered (and not withdrawn) for the year. */
  registrations: string[];
  /** The start of a fostering watch that ran during the year, or null. */
  fosteredSince: string | null;
}

export interface UnitEvidence {
  year: number;
  /** Active members, and how many of them are rated HTTNV or better / HTXSNV / not at all for the year. */
  members: number;
  ratedGood: number;
  ratedExcellent: number;
  unrated: number;
  works: Work[];
  achievements: AchievementKind[];
  registrations: string[];
}

export interface Assessment {
  score: number;
  candidate: boolean;
  evidence: Line[];
  /** For a non-candidate the first line says why. */
  missing: Line[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const line = (key: string, params?: Record<string, LineParam>): Line => (params ? { key, params } : { key });

function worksEvidence(works: Work[], year: number, weights: { recognised: number; running: number }, withShare: boolean) {
  let score = 0;
  let recognised = 0;
  let running = 0;
  const lines: Line[] = [];
  // Only the works of the year are sorted (a unit may have hundreds from earlier years).
  const counted = works.map((w) => ({ w, how: workInYear(w, year) })).filter((x) => x.how !== null);
  for (const { w, how } of counted.sort((a, b) => compareText(a.w.code, b.w.code))) {
    const factor = withShare ? w.share / 100 : 1;
    score += (how === 'recognised' ? weights.recognised : weights.running) * factor;
    if (how === 'recognised') recognised++;
    else running++;
    const params: Record<string, LineParam> = { kind: line(`detect.work.${w.kind}`), code: w.code };
    if (how === 'recognised') params.date = formatVnDate(w.statusOn);
    else params.status = line(`detect.status.${RUNNING.has(w.status) ? w.status : 'in_progress'}`);
    if (withShare) params.share = w.share;
    lines.push(line(`detect.ev.${how}${withShare ? '' : 'Unit'}`, params));
  }
  return { score, recognised, running, lines };
}

function achievementsEvidence(kinds: AchievementKind[], year: number) {
  if (kinds.length === 0) return { score: 0, lines: [] as Line[] };
  const parts = ACHIEVEMENT_KINDS.map((k) => ({ k, n: kinds.filter((x) => x === k).length }))
    .filter((p) => p.n > 0)
    .map((p) => line('detect.achievementKind', { kind: line(`detect.achievement.${p.k}`), count: p.n }));
  return {
    score: Math.min(kinds.length * WEIGHTS.achievement, WEIGHTS.achievementCap),
    lines: [line('detect.ev.achievements', { count: kinds.length, year, kinds: parts })],
  };
}

function registrationsEvidence(registrations: string[], year: number) {
  if (registrations.length === 0) return { score: 0, lines: [] as Line[] };
  const titles = [...registrations].sort((a, b) => (a === 'DHTT' ? -1 : b === 'DHTT' ? 1 : compareText(a, b)));
  return {
    score: registrations.includes('DHTT') ? WEIGHTS.registeredDhtt : 0,
    lines: [line('detect.ev.registered', { titles: titles.join(', '), year })],
  };
}

/** A person: DHTT criteria L1–L4 for leaders, S1–S5 for staff; the data-decided ones are checked here. */
export function assessPerson(e: PersonEvidence): Assessment {
  const evidence: Line[] = [];
  const missing: Line[] = [];
  let score = 0;
  const { year } = e;
  const rank = ratingRank(e.annual);
  const leader = e.category === 'leader';

  if (e.annual) {
    evidence.push(line('detect.ev.annual', { rating: e.annual, year }));
    score += WEIGHTS.annual[e.annual] ?? 0;
  }
  const excellent = e.quarters.filter((q) => q.rating === 'HTXSNV').map((q) => q.quarter).sort((a, b) => a - b);
  if (excellent.length > 0) {
    evidence.push(line('detect.ev.quarters', { count: excellent.length, quarters: excellent.map((q) => `Q${q}`).join(', '), year }));
    score += excellent.length * WEIGHTS.quarterExcellent;
  }
  const works = worksEvidence(e.works, year, WEIGHTS, true);
  const achievements = achievementsEvidence(e.achievements, year);
  const registered = registrationsEvidence(e.registrations, year);
  evidence.push(...works.lines, ...achievements.lines, ...registered.lines);
  score += works.score + achievements.score + registered.score;
  if (e.fosteredSince) {
    evidence.push(line('detect.ev.fostered', { date: formatVnDate(e.fosteredSince) }));
    score += WEIGHTS.fostered;
  }

  // What the criteria still need (what data decides; attested criteria are the unit's to state).
  if (!e.registrations.includes('DHTT')) missing.push(line('detect.miss.notRegistered', { award: 'DHTT', year }));
  // Without an annual rating a candidate (by the quarterly path) is told what it decides; a
  // non-candidate is told by the reason line below.
  if (!e.annual && excellent.length >= QUARTERS_NEEDED) missing.push(line('detect.miss.noAnnual', { year, criterion: leader ? 'L4' : 'S5' }));
  if (leader) {
    if (e.annual === 'HTXSNV') evidence.push(line('detect.ev.met', { criterion: 'L4' }));
    if (e.annual === 'HTTNV') missing.push(line('detect.miss.l4'));
    if (works.recognised > 0) evidence.push(line('detect.ev.met', { criterion: 'L2' }));
    else missing.push(line('detect.miss.l2', { year }));
  } else {
    if (rank >= ratingRank('HTTNV')) evidence.push(line('detect.ev.met', { criterion: 'S5' }));
    if (e.achievements.length === 0) missing.push(line('detect.miss.s4'));
  }

  // HTTNV alone is what most staff get: such a person looks like an exemplar only when something
  // stands out (an initiative, an achievement, an excellent quarter, being fostered).
  const standsOut = works.recognised + works.running > 0 || e.achievements.length > 0 || excellent.length > 0 || !!e.fosteredSince;
  let candidate = false;
  if (e.annual && rank < ratingRank('HTTNV')) {
    missing.unshift(line('detect.reason.disqualified', { rating: e.annual, year, criterion: leader ? 'L4' : 'S5' }));
  } else if (e.annual === 'HTTNV' && !standsOut) {
    missing.unshift(line('detect.reason.ordinary', { year }));
  } else if (e.annual || excellent.length >= QUARTERS_NEEDED) {
    candidate = true;
  } else {
    missing.unshift(line('detect.reason.noRating', { year, count: excellent.length, needed: QUARTERS_NEEDED }));
  }
  return { score: round1(score), candidate, evidence, missing };
}

/** A unit (DHTT U1–U3, TTLDTT, TTLDXS): its members' ratings, its own achievements and initiatives. */
export function assessUnit(e: UnitEvidence): Assessment {
  const evidence: Line[] = [];
  const missing: Line[] = [];
  const { year } = e;
  let score = 0;
  const percent = e.members > 0 ? Math.round((e.ratedGood * 100) / e.members) : 0;
  const shareMet = e.members > 0 && e.ratedGood * 100 >= UNIT_SHARE_PERCENT * e.members;
  if (e.members > 0) {
    evidence.push(line('detect.ev.members', { good: e.ratedGood, members: e.members, percent, excellent: e.ratedExcellent, year }));
    score += (e.ratedGood / e.members) * WEIGHTS.unitGoodShare + (e.ratedExcellent / e.members) * WEIGHTS.unitExcellentShare;
  }
  const works = worksEvidence(e.works, year, { recognised: WEIGHTS.unitRecognised, running: WEIGHTS.unitRunning }, false);
  const achievements = achievementsEvidence(e.achievements, year);
  const registered = registrationsEvidence(e.registrations, year);
  evidence.push(...works.lines, ...achievements.lines, ...registered.lines);
  score += works.score + achievements.score + registered.score;

  if (!e.registrations.includes('DHTT')) missing.push(line('detect.miss.notRegistered', { award: 'DHTT', year }));
  if (!e.registrations.includes('TTLDTT') && !e.registrations.includes('TTLDXS')) missing.push(line('detect.miss.notRegisteredCollective', { year }));
  if (e.unrated > 0) missing.push(line('detect.miss.unrated', { count: e.unrated, year }));
  if (e.achievements.length === 0) missing.push(line('detect.miss.unitAchievements'));

  const own = e.achievements.length > 0 || works.recognised + works.running > 0;
  const candidate = own || shareMet;
  if (!candidate) missing.unshift(line('detect.reason.unit', { year, percent, needed: UNIT_SHARE_PERCENT }));
  return { score: round1(score), candidate, evidence, missing };
}

/** Where a subject already stands in the year: titles recognised, then nominations still standing. */
export function stateLines(
  recognitions: { award: string; decidedOn: string }[],
  nominations: { id: number; award: string; status: string }[],
): Line[] {
  return [
    ...recognitions.map((r) => line('detect.state.recognised', { award: r.award, date: formatVnDate(r.decidedOn) })),
    ...nominations.map((n) => line('detect.state.nominated', { award: n.award, id: n.id, status: line(`nominationStatus.${n.status}`) })),
  ];
}

export interface Ranked {
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  score: number;
  candidate: boolean;
}

/** Candidates first; then by score, highest first; then people before units, by name the Vietnamese way. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.candidate !== b.candidate) return a.candidate ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.kind !== b.kind) return a.kind === 'person' ? -1 : 1;
  const byName = a.kind === 'person' ? compareNames(a.name, b.name) : compareText(a.name, b.name);
  return byName || compareText(a.subject, b.subject);
}

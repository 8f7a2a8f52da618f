/**
 * Eligibility of a nomination (DOMAIN.md "Criteria for an exemplar", "Other titles handled the same
 * way"): a pure function of the criteria (data, seeded by migrations), the facts of the year and the
 * proposing unit's attestations. What data can decide is decided by data, never by hand.
 *
 * Check rules (`criteria.check_rule`):
 * - `rating>=HTTNV`            the subject's annual rating for the year is that level or better;
 * - `initiative_recognised`    the person co-authors an initiative recognised in the year (for CSTDCS a
 *                              research topic accepted in the year counts too);
 * - `title:LDTT`, `title:TTLDTT|TTLDXS`   the subject's nomination for (one of) these titles that year passed
 *                              (for a title decided above the school: that decision is recorded), or a
 *                              recorded decision above the school grants it;
 * - `members:LDTT>0.5`, `members:rating>=HTNV=1`, `members:CSTDCS>=1n`, joined by `;`: shares (or, with
 *   `n`, counts) of the unit's active members holding a title or a rating.
 * A title with a quota (`quota.<TITLE>`, a share of the year's LDTT dossiers the council accepted)
 * gets one more data criterion, `QUOTA`; `quotaPosition` says who holds which place.
 */
import type { Detail } from './errors.js';
import { hasUnprintable, ownValue, type Parsed } from './fields.js';
import { clean, fold } from './names.js';
import { atLeast, isRating, type Rating } from './ratings.js';

export type CriterionSource = 'data' | 'attested' | 'data_or_attested';
export type CriterionStatus = 'met' | 'unmet' | 'unknown';
export type AppliesTo = 'leader' | 'staff' | 'person' | 'unit';
export type NominationState = 'submitted' | 'accepted' | 'returned' | 'withdrawn' | 'passed' | 'failed' | 'recognised';

/** The code of the criterion added for titles with a quota. */
export const QUOTA_CODE = 'QUOTA';

/** A nomination still in the running or through (everything but withdrawn and failed). */
export const LIVE_STATES: readonly NominationState[] = ['submitted', 'accepted', 'returned', 'passed', 'recognised'];
/** A title is held once its nomination passed the ballot or was recognised. */
const HELD: readonly NominationState[] = ['passed', 'recognised'];
/** A nomination not yet decided by the ballot. */
const PENDING: readonly NominationState[] = ['submitted', 'accepted', 'returned'];
/** A dossier the council accepted and that is still in the running or through: it can hold a quota place. */
export const ACCEPTED_STATES: readonly NominationState[] = ['accepted', 'passed', 'recognised'];

export interface CriterionDef {
  code: string;
  appliesTo: AppliesTo;
  source: CriterionSource;
  checkRule: string | null;
}

export interface Attestation {
  code: string;
  status: 'met' | 'unmet';
  evidence: string | null;
}

/** A nomination of the subject (or of a member) for a title in the year, withdrawn ones left out. */
export interface TitleFact {
  award: string;
  id: number;
  status: NominationState;
  /** Passed at the school for a title decided above it: proposed, not held until that decision. */
  proposed?: boolean;
  /** A decision taken above the school and recorded (its number): held, `id` is the recognition's. */
  decision?: string;
}

/** Whether a title fact holds the title, or may still come to. */
const holds = (t: TitleFact) => HELD.includes(t.status) && !(t.proposed && t.status === 'passed');
const waits = (t: TitleFact) => PENDING.includes(t.status) || (!!t.proposed && t.status === 'passed');

/** An initiative or research topic the person co-authors, with its current status and since when. */
export interface WorkFact {
  code: string;
  kind: 'initiative' | 'research';
  status: string;
  statusOn: string;
}

export interface MemberFact {
  code: string;
  /** Annual rating for the year, null when none yet. */
  rating: string | null;
  titles: TitleFact[];
}

export interface QuotaFact {
  /** Maximum share of the base. */
  ratio: number;
  /** This nomination's place (1 = first), from `quotaPosition`. */
  position: number;
  /** Whether it holds that place already (accepted and eligible), or would take it when accepted next. */
  holds: boolean;
  /** The year's LDTT dossiers the council accepted (accepted, passed or recognised). */
  base: number;
}

/** A nomination for a title with a quota, as the quota sees it. */
export interface QuotaContender {
  id: number;
  status: NominationState;
  /** The day the council accepted it; null when never accepted. */
  acceptedOn: string | null;
  /** Eligible on every criterion but the quota, from today's data. */
  eligible: boolean;
}

/**
 * The place of nomination `id` among the quota's places. Places go only to dossiers the council
 * accepted (accepted, passed or recognised) that are still eligible on every other criterion, in the
 * order they were accepted: by acceptance date, then by number. A dossier withdrawn, returned, failed,
 * still waiting for appraisal or no longer eligible holds no place and pushes nobody down; it is
 * shown the place it would take if accepted next (one after every place held).
 */
export function quotaPosition(contenders: readonly QuotaContender[], id: number): { position: number; holds: boolean } {
  const holders = contenders
    .filter((c) => c.eligible && ACCEPTED_STATES.includes(c.status))
    .sort((a, b) => (a.acceptedOn ?? '9999').localeCompare(b.acceptedOn ?? '9999') || a.id - b.id);
  const at = holders.findIndex((c) => c.id === id);
  return at >= 0 ? { position: at + 1, holds: true } : { position: holders.length + 1, holds: false };
}

export interface EligibilityFacts {
  year: number;
  award: string;
  /** Annual rating for the year (people), null when none yet. */
  rating: string | null;
  works: WorkFact[];
  titles: TitleFact[];
  /** Titles the subject registered (and has not withdrawn) for the year. */
  registered?: string[];
  /** Active members (units). */
  members: MemberFact[];
  /** Only for titles with a quota in force. */
  quota: QuotaFact | null;
}

export interface CriterionResult {
  code: string;
  status: CriterionStatus;
  source: 'data' | 'attested';
  /** The parts of the explanation, as message keys (joined with "; " when shown). */
  detail: Detail[];
}

export interface Eligibility {
  eligible: boolean;
  criteria: CriterionResult[];
}

/** The criteria of a title that apply to the subject: units get `unit`; people their category's and `person`. */
export function criteriaFor<T extends { appliesTo: AppliesTo }>(rows: readonly T[], kind: 'person' | 'unit', category: 'leader' | 'staff' | null): T[] {
  return rows.filter((r) => (kind === 'unit' ? r.appliesTo === 'unit' : r.appliesTo === 'person' || r.appliesTo === category));
}

/** The codes a proposing unit may attest (attested, or data_or_attested). */
export function attestableCodes(criteria: readonly CriterionDef[]): string[] {
  return criteria.filter((c) => c.source !== 'data').map((c) => c.code);
}

// ---------------------------------------------------------------------------------------------
// Attestations typed by the clerk: CODE=met:EVIDENCE, CODE=unmet[:EVIDENCE]

const STATUS_WORDS: Record<string, 'met' | 'unmet'> = {
  met: 'met', yes: 'met', dat: 'met', co: 'met',
  unmet: 'unmet', 'not met': 'unmet', no: 'unmet', 'khong dat': 'unmet', 'chua dat': 'unmet', khongdat: 'unmet', chuadat: 'unmet', khong: 'unmet',
};

export const EVIDENCE_MAX = 1000;

/** `L1=met:Báo cáo tổng kết`, `s4=unmet`, `L3 = đạt : Nghị quyết chi bộ` (code any case; met/unmet or đạt/không đạt). */
export function parseAttestation(raw: string): Parsed<Attestation> {
  const text = clean(raw);
  const m = /^([^=]+)=([^:]*)(?::(.*))?$/su.exec(text);
  const bad = (key: string, params: Detail['params']): Parsed<Attestation> => ({ ok: false, problem: { key, params } });
  if (!m) return bad('elig.attest.format', { value: text });
  const code = fold(m[1]).replace(/\s/g, '').toUpperCase();
  const status = ownValue(STATUS_WORDS, fold(m[2]));
  if (code === '' || !status) return bad('elig.attest.format', { value: text });
  const evidence = clean(m[3] ?? '') || null;
  if (status === 'met' && !evidence) return bad('elig.attest.evidenceRequired', { code, value: text });
  if (evidence && hasUnprintable(evidence)) return bad('invalid.control', { field: code });
  if (evidence && [...evidence].length > EVIDENCE_MAX) return bad('elig.attest.tooLong', { code, max: EVIDENCE_MAX });
  return { ok: true, value: { code, status, evidence } };
}

/** Parses every attestation; problems for all bad ones at once. */
export function parseAttestations(raws: readonly string[]): { value: Attestation[]; problems: Detail[] } {
  const value: Attestation[] = [];
  const problems: Detail[] = [];
  for (const raw of raws) {
    const p = parseAttestation(raw);
    if (p.ok) value.push(p.value);
    else problems.push(p.problem);
  }
  return { value, problems };
}

/** What is wrong with these attestations for these criteria: unknown codes, codes data decides, repeats. */
export function attestationProblems(criteria: readonly CriterionDef[], award: string, attestations: readonly Attestation[]): Detail[] {
  const attestable = attestableCodes(criteria);
  const problems: Detail[] = [];
  const seen = new Set<string>();
  for (const a of attestations) {
    const c = criteria.find((x) => x.code === a.code);
    if (a.code === QUOTA_CODE || (c && c.source === 'data')) problems.push({ key: 'elig.attest.byData', params: { code: a.code } });
    else if (!c) problems.push({ key: 'elig.attest.notACriterion', params: { code: a.code, award, codes: attestable.join(', ') || '—' } });
    else if (seen.has(a.code)) problems.push({ key: 'elig.attest.duplicate', params: { code: a.code } });
    seen.add(a.code);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Data rules

interface Outcome {
  status: CriterionStatus;
  detail: Detail[];
  /** The data holds a decision-bearing record (a nomination for the title): it decides, not an attestation. */
  recorded?: boolean;
}

const d = (key: string, params?: Detail['params']): Detail => ({ key, params });
const EPS = 1e-9;

function ratingRule(level: string, facts: EligibilityFacts): Outcome {
  const { rating, year } = facts;
  if (!isRating(level)) return { status: 'unknown', detail: [d('elig.rule.unknown', { rule: `rating>=${level}` })] };
  if (!rating) return { status: 'unknown', detail: [d('elig.rating.none', { year })] };
  return atLeast(rating, level)
    ? { status: 'met', detail: [d('elig.rating.met', { rating, year })] }
    : { status: 'unmet', detail: [d('elig.rating.unmet', { rating, year, level })] };
}

/**
 * Criteria for which a research topic accepted in the year counts as well as a recognised initiative:
 * CSTDCS2 (the Law's "đề tài … được nghiệm thu") and L2 (a leader's "sáng kiến, giải pháp": an
 * accepted topic is a solution the school recognised).
 */
const RESEARCH_COUNTS = new Set(['CSTDCS2', 'L2']);

function worksRule(facts: EligibilityFacts, criterion: string): Outcome {
  const research = RESEARCH_COUNTS.has(criterion);
  const year = String(facts.year);
  const codes = facts.works
    .filter((w) => w.status === 'recognised' && w.statusOn.slice(0, 4) === year && (research || w.kind === 'initiative'))
    .map((w) => w.code)
    .sort();
  if (codes.length > 0) return { status: 'met', detail: [d('elig.works.met', { codes: codes.join(', ') })] };
  // An application the initiative council has not decided yet: its decision will settle it.
  const waiting = facts.works.filter((w) => w.status === 'applied' && (research || w.kind === 'initiative')).map((w) => w.code).sort();
  if (waiting.length > 0) return { status: 'unknown', recorded: true, detail: [d('elig.works.pending', { codes: waiting.join(', ') })] };
  return { status: 'unmet', detail: [d(research ? 'elig.works.noneOrResearch' : 'elig.works.none', { year: facts.year })] };
}

function titleRule(awards: string[], facts: EligibilityFacts): Outcome {
  const held = facts.titles.filter((t) => awards.includes(t.award));
  const first = (keep: (t: TitleFact) => boolean) => held.filter(keep).sort((a, b) => a.id - b.id)[0];
  const won = first(holds);
  if (won?.decision) return { status: 'met', detail: [d('elig.title.decided', { award: won.award, decision: won.decision })] };
  if (won) return { status: 'met', detail: [d(`elig.title.${won.status}`, { award: won.award, id: won.id })] };
  const pending = first(waits);
  if (pending) return { status: 'unknown', recorded: true, detail: [d(pending.proposed ? 'elig.title.proposed' : 'elig.title.pending', { award: pending.award, id: pending.id })] };
  const failed = first((t) => t.status === 'failed');
  if (failed) return { status: 'unmet', recorded: true, detail: [d('elig.title.failed', { award: failed.award, id: failed.id })] };
  // Registered for it, not nominated yet: the ballot on that title will settle it.
  const registered = awards.filter((a) => facts.registered?.includes(a));
  if (registered.length > 0) return { status: 'unknown', recorded: true, detail: [d('elig.title.registered', { award: registered.join('/'), year: facts.year })] };
  return { status: 'unmet', detail: [d('elig.title.none', { award: awards.join('/'), year: facts.year })] };
}

type Op = '>' | '>=' | '=';

interface MemberPart {
  /** A title code, or `rating>=LEVEL`. */
  fact: string;
  op: Op;
  value: number;
  /** A count of members (`1n`) rather than a share. */
  count: boolean;
}

/** `LDTT>0.5`, `rating>=HTNV=1`, `CSTDCS>=1n`; null when not understood. */
export function parseMemberPart(text: string): MemberPart | null {
  const m = /^(rating>=[A-Z]+|[A-Z]+)(>=|>|=)(\d+(?:\.\d+)?)(n?)$/.exec(text.trim());
  if (!m) return null;
  const part: MemberPart = { fact: m[1], op: m[2] as Op, value: Number(m[3]), count: m[4] === 'n' };
  if (part.fact.startsWith('rating>=') && !isRating(part.fact.slice(8))) return null;
  if (!part.count && part.value > 1) return null;
  return part;
}

function compare(x: number, op: Op, t: number): boolean {
  if (op === '>') return x > t + EPS;
  if (op === '>=') return x >= t - EPS;
  return Math.abs(x - t) < EPS;
}

/** yes / no / not known yet, for one member and one fact. */
function memberHas(member: MemberFact, fact: string): 'yes' | 'no' | 'pending' {
  if (fact.startsWith('rating>=')) {
    if (!member.rating) return 'pending';
    return atLeast(member.rating, fact.slice(8) as Rating) ? 'yes' : 'no';
  }
  const titles = member.titles.filter((t) => t.award === fact);
  if (titles.some(holds)) return 'yes';
  if (titles.some(waits)) return 'pending';
  return 'no';
}

function needText(p: MemberPart): string {
  const op = p.op === '>' ? '>' : p.op === '>=' ? '≥' : '=';
  return p.count ? `${op} ${p.value}` : `${op} ${Math.round(p.value * 10000) / 100}%`;
}

/**
 * One member condition, decided as soon as the facts still pending cannot change it: met when it
 * holds counting every pending member as "no", unmet when it fails counting them all as "yes".
 */
function memberPart(p: MemberPart, facts: EligibilityFacts): Outcome {
  const total = facts.members.length;
  const answers = facts.members.map((m) => memberHas(m, p.fact));
  const yes = answers.filter((a) => a === 'yes').length;
  const pending = answers.filter((a) => a === 'pending').length;
  const measure = (n: number) => (p.count ? n : n / total);
  const rating = p.fact.startsWith('rating>=');
  const params = { award: p.fact, level: p.fact.slice(8), count: yes, total, need: needText(p), year: facts.year, pending };
  const detail = [d(`elig.members.${rating ? 'rating' : 'title'}${p.count ? 'Count' : ''}`, params)];
  if (pending > 0) detail.push(d(rating ? 'elig.members.ratingMissing' : 'elig.members.titlePending', params));
  const low = compare(measure(yes), p.op, p.value);
  const high = compare(measure(yes + pending), p.op, p.value);
  let status: CriterionStatus;
  if (pending === 0) status = low ? 'met' : 'unmet';
  else if (p.op === '=') status = measure(yes) > p.value + EPS || measure(yes + pending) < p.value - EPS ? 'unmet' : 'unknown';
  else status = low ? 'met' : high ? 'unknown' : 'unmet';
  return { status, detail };
}

/** Every part must hold: any unmet → unmet; else any unknown → unknown. */
function combine(outcomes: Outcome[]): Outcome {
  const detail = outcomes.flatMap((o) => o.detail);
  const status: CriterionStatus = outcomes.some((o) => o.status === 'unmet') ? 'unmet' : outcomes.some((o) => o.status === 'unknown') ? 'unknown' : 'met';
  return { status, detail };
}

function membersRule(rule: string, facts: EligibilityFacts): Outcome {
  const parts = rule.split(';').map((s) => s.trim().replace(/^members:/, ''));
  const parsed = parts.map(parseMemberPart);
  if (parsed.some((p) => p === null)) return { status: 'unknown', detail: [d('elig.rule.unknown', { rule })] };
  if (facts.members.length === 0) return { status: 'unmet', detail: [d('elig.members.none')] };
  return combine((parsed as MemberPart[]).map((p) => memberPart(p, facts)));
}

/** What the data says for a check rule (`criterion`: the code of the criterion it decides). */
export function evaluateRule(rule: string | null, facts: EligibilityFacts, criterion = ''): Outcome {
  const r = (rule ?? '').trim();
  if (r.startsWith('rating>=')) return ratingRule(r.slice(8), facts);
  if (r === 'initiative_recognised') return worksRule(facts, criterion);
  if (r.startsWith('title:')) return titleRule(r.slice(6).split('|').map((s) => s.trim()).filter(Boolean), facts);
  if (r.startsWith('members:')) return membersRule(r, facts);
  return { status: 'unknown', detail: [d('elig.rule.unknown', { rule: r || '—' })] };
}

function quotaRule(q: QuotaFact, award: string): CriterionResult {
  const max = Math.floor(q.ratio * q.base + EPS);
  const params = { award, position: q.position, max, base: q.base, percent: Math.round(q.ratio * 10000) / 100 };
  const met = q.position <= max;
  const key = !met ? 'elig.quota.unmet' : q.holds ? 'elig.quota.met' : 'elig.quota.next';
  return { code: QUOTA_CODE, status: met ? 'met' : 'unmet', source: 'data', detail: [d(key, params)] };
}

function attested(a: Attestation | undefined, code: string): Outcome {
  if (!a) return { status: 'unknown', detail: [d('elig.notAttested', { code })] };
  return { status: a.status, detail: [a.evidence ? d('elig.evidence', { evidence: a.evidence }) : d('elig.attestedUnmet')] };
}

/** Each criterion's status, source and explanation, and whether every one is met. */
export function assessEligibility(criteria: readonly CriterionDef[], facts: EligibilityFacts, attestations: readonly Attestation[]): Eligibility {
  const byCode = new Map(attestations.map((a) => [a.code, a]));
  const results: CriterionResult[] = criteria.map((c) => {
    if (c.source === 'attested') return { code: c.code, source: 'attested', ...attested(byCode.get(c.code), c.code) };
    const { recorded, ...data } = evaluateRule(c.checkRule, facts, c.code);
    // data_or_attested: "data when recorded" (U3: a nomination for the title decides, pending or failed).
    if (c.source === 'data' || data.status === 'met' || recorded) return { code: c.code, source: 'data', ...data };
    // Nothing recorded: the unit's word decides (or it is still unknown).
    const word = attested(byCode.get(c.code), c.code);
    return { code: c.code, source: 'attested', status: word.status, detail: [...data.detail, ...word.detail] };
  });
  if (facts.quota) results.push(quotaRule(facts.quota, facts.award));
  return { eligible: results.every((r) => r.status === 'met'), criteria: results };
}

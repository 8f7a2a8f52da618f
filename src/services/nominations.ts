/**
 * Nominations (đề nghị) and their appraisal (thẩm định): a unit, or the person themself, proposes a
 * registered candidate for a title; every criterion is checked (data decides what it can; the unit
 * attests the rest); the emulation council accepts the dossier or returns it to be completed.
 * Eligibility is never stored: it is computed from the data each time (domain/eligibility.ts).
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError, type Detail } from '../domain/errors.js';
import {
  ACCEPTED_STATES, assessEligibility, attestationProblems, criteriaFor, parseAttestations, quotaPosition, type Attestation,
  type CriterionDef, type CriterionResult, type Eligibility, type EligibilityFacts, type NominationState, type QuotaContender, type TitleFact,
} from '../domain/eligibility.js';
import { FieldCollector, parseChoice, parseCode, parseRecordId, parseRequiredText, parseText, valueOrThrow } from '../domain/fields.js';
import { compareNames, compareText, fold } from '../domain/names.js';
import { parseYear } from '../domain/periods.js';
import { daysBetween } from '../domain/progress.js';
import { parseRatio } from '../domain/rules.js';
import { formatVnDate } from '../domain/dates.js';
import type { NominationStatus } from '../db/schema.js';
import { listCriteria, type TitleRow } from '../db/repos/reference.js';
import { findRegistration } from '../db/repos/registrations.js';
import {
  activeMembers, annualRatings, attestationsOf, findLiveNomination, getJudgement, getNominationView, insertNomination, listNominationViews,
  registeredTitles, saveAttestations, saveJudgement, titlesOf, updateNomination, worksOf, certificateOfNomination, type NominationView,
} from '../db/repos/nominations.js';
import { transact, type Audit, type Tx } from './database.js';
import { toIssued } from './documents.js';
import { requireTitle, ruleValue } from './reference.js';
import { decidedAbove } from './authority.js';
import { listRecognitionViews } from '../db/repos/recognitions.js';
import { requireSubject, requireUnit, type Subject } from './subjects.js';
import type { SectionBuilder } from './section.js';

export interface NominationCriterion extends CriterionResult {
  /** The criterion as the catalogue words it; null for the quota (worded by the CLI). */
  text: string | null;
  textEn: string | null;
}

export interface Nomination {
  id: number;
  year: number;
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  award: string;
  awardName: string;
  /** The proposing unit; null when the subject proposes itself. */
  by: string | null;
  byName: string | null;
  category: 'leader' | 'staff' | null;
  summary: string;
  /** The achievement wording its certificate prints, as typed; null: the summary. */
  citation: string | null;
  status: NominationStatus;
  statusOn: string;
  statusReason: string | null;
  createdOn: string;
  attestations: Attestation[];
  eligible: boolean;
  criteria: NominationCriterion[];
}

/** What the audit trail keeps of a nomination (eligibility is computed, not stored). */
function auditRecord(n: Nomination) {
  const { eligible: _e, criteria: _c, ...record } = n;
  return record;
}

// ---------------------------------------------------------------------------------------------
// Facts and eligibility

type Criterion = CriterionDef & { text: string; textEn: string };

async function criteriaOf(trx: Tx, award: string, year: number, kind: 'person' | 'unit', category: 'leader' | 'staff' | null): Promise<Criterion[]> {
  const rows = (await listCriteria(trx)).filter((c) => c.title_code === award && c.valid_from <= `${year}-12-31`);
  const defs = rows.map((c) => ({ code: c.code, appliesTo: c.applies_to, source: c.source, checkRule: c.check_rule, text: c.text, textEn: c.text_en }));
  return criteriaFor(defs, kind, category);
}

interface Key {
  id: number;
  year: number;
  subject: string;
  kind: 'person' | 'unit';
  award: string;
}

/** Eligible on every criterion but the quota (whether the dossier can hold a quota place). */
async function eligibleButQuota(trx: Tx, v: NominationView): Promise<boolean> {
  const criteria = await criteriaOf(trx, v.award, v.year, v.subject_kind, v.category);
  const facts = await factsOf(trx, keyOf(v), false);
  return assessEligibility(criteria, facts, (await attestationsOf(trx, v.id)).map(toAttestation)).eligible;
}

/**
 * The quota (`quota.<TITLE>` in force at the end of the year): at most that share of the year's LDTT
 * dossiers the council accepted (accepted, passed or recognised). Places go to the title's accepted
 * dossiers still eligible on every other criterion, by acceptance date then number (`quotaPosition`).
 */
async function quotaFact(trx: Tx, k: Key): Promise<EligibilityFacts['quota']> {
  const raw = await ruleValue(trx, `quota.${k.award}`, `${k.year}-12-31`);
  const ratio = raw === undefined ? null : parseRatio(raw);
  if (ratio === null) return null;
  const accepted = await listNominationViews(trx, { year: k.year, award: k.award, statuses: [...ACCEPTED_STATES] });
  const contenders: QuotaContender[] = [];
  for (const v of accepted) contenders.push({ id: v.id, status: v.status, acceptedOn: v.accepted_on, eligible: await eligibleButQuota(trx, v) });
  const base = (await listNominationViews(trx, { year: k.year, award: 'LDTT', statuses: [...ACCEPTED_STATES] })).length;
  return { ratio, base, ...quotaPosition(contenders, k.id) };
}

function keyOf(v: NominationView): Key {
  return { id: v.id, year: v.year, subject: v.subject_code, kind: v.subject_kind, award: v.award };
}

async function factsOf(trx: Tx, k: Key, withQuota = true): Promise<EligibilityFacts> {
  const people = k.kind === 'person' ? [k.subject] : await activeMembers(trx, k.subject);
  const ratings = await annualRatings(trx, k.year, people);
  const subjects = [k.subject, ...(k.kind === 'unit' ? people : [])];
  const titles = await titlesOf(trx, k.year, subjects);
  // A title decided above the school is held once that decision is recorded, not when the ballot passes it.
  const end = `${k.year}-12-31`;
  const above = new Set<string>();
  for (const award of new Set(titles.map((t) => t.award))) if (await decidedAbove(trx, award, end)) above.add(award);
  const recorded = await recordedTitlesOf(trx, k.year, subjects);
  const titlesFor = (code: string): TitleFact[] => [
    ...titles.filter((t) => t.subject_code === code && t.id !== k.id).map((t) => ({ award: t.award, id: t.id, status: t.status as NominationState, proposed: above.has(t.award) })),
    ...recorded.filter((r) => r.subject_code === code).map((r) => ({ award: r.award, id: r.id, status: 'recognised' as const, decision: r.decision_payload_symbol })),
  ];
  const works = k.kind === 'person' ? await worksOf(trx, k.subject) : [];
  return {
    year: k.year,
    award: k.award,
    rating: k.kind === 'person' ? (ratings.get(k.subject) ?? null) : null,
    works: works.map((w) => ({ code: w.code, kind: w.kind, status: w.status, statusOn: w.status_on })),
    titles: titlesFor(k.subject),
    registered: await registeredTitles(trx, k.year, k.subject),
    members: k.kind === 'unit' ? people.map((code) => ({ code, rating: ratings.get(code) ?? null, titles: titlesFor(code) })) : [],
    quota: withQuota ? await quotaFact(trx, k) : null,
  };
}

/** Decisions taken above the school and recorded without a nomination here (the ones with one move it to "recognised"). */
async function recordedTitlesOf(trx: Tx, year: number, subjects: string[]) {
  return (await listRecognitionViews(trx, { year, subjects, recorded: true })).filter((r) => r.nomination_id === null && r.status === 'active');
}

function toAttestation(r: { code: string; status: 'met' | 'unmet'; evidence: string | null }): Attestation {
  return { code: r.code, status: r.status, evidence: r.evidence };
}

/** The nomination as it stands, with its eligibility computed from today's data. */
async function load(trx: Tx, id: number): Promise<Nomination> {
  const v = await getNominationView(trx, id);
  if (!v) throw new NotFoundError('nominate.notFound', { id });
  return present(trx, v);
}

/**
 * Eligibility from today's data; a recognised nomination keeps the judgement of its decision's date
 * (members who joined the unit later, a quota changed later, do not make it ineligible now).
 */
async function judge(trx: Tx, v: NominationView, criteria: Criterion[], attestations: Attestation[]): Promise<Eligibility> {
  if (v.status === 'recognised') {
    const judged = await getJudgement(trx, v.id);
    if (judged) return { eligible: judged.eligible === 1, criteria: JSON.parse(judged.criteria) as Eligibility['criteria'] };
  }
  return assessEligibility(criteria, await factsOf(trx, keyOf(v)), attestations);
}

async function present(trx: Tx, v: NominationView): Promise<Nomination> {
  const attestations = (await attestationsOf(trx, v.id)).map(toAttestation);
  const criteria = await criteriaOf(trx, v.award, v.year, v.subject_kind, v.category);
  const result = await judge(trx, v, criteria, attestations);
  const texts = new Map(criteria.map((c) => [c.code, c]));
  return {
    id: v.id,
    year: v.year,
    subject: v.subject_code,
    name: v.subject_name,
    kind: v.subject_kind,
    award: v.award,
    awardName: v.award_name,
    by: v.by_unit,
    byName: v.by_unit_name,
    category: v.category,
    summary: v.summary,
    citation: v.citation,
    status: v.status,
    statusOn: v.status_on,
    statusReason: v.status_reason,
    createdOn: v.created_on,
    attestations,
    eligible: result.eligible,
    criteria: result.criteria.map((c) => ({ ...c, text: texts.get(c.code)?.text ?? null, textEn: texts.get(c.code)?.textEn ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------
// Input

/** A nomination number as typed (`5`, `#5`, `số 5`); exit 3 when it is not one. */
export function nominationIdOrThrow(raw: string | number | undefined): number {
  return valueOrThrow(parseRecordId('nominate.badId', raw));
}

const SELF = new Set(['self', 'ban than', 'tu de nghi', 'ca nhan', 'chinh minh']);

/** Attestations typed with --criterion, checked against the criteria of this nomination (exit 3 with every problem). */
async function attestationsFor(
  trx: Tx,
  n: { award: string; year: number; kind: 'person' | 'unit'; category: 'leader' | 'staff' | null },
  raws: readonly string[],
): Promise<Attestation[]> {
  const criteria = await criteriaOf(trx, n.award, n.year, n.kind, n.category);
  const parsed = parseAttestations(raws);
  const problems = [...parsed.problems, ...attestationProblems(criteria, n.award, parsed.value)];
  if (problems.length > 0) throw new ValidationError('nominate.criteriaInvalid', { award: n.award }, problems);
  return parsed.value;
}

function throwIfProblems(c: FieldCollector): void {
  if (c.problems.length > 0) throw new ValidationError('nominate.invalid', {}, c.problems);
}

/** Records attestations for a nomination, as of today. */
function attestationRows(id: number, attestations: Attestation[], today: string) {
  return attestations.map((a) => ({ nomination_id: id, code: a.code, status: a.status, evidence: a.evidence, attested_on: today }));
}

export interface NominateInput {
  subject?: string;
  award?: string;
  year?: string | number;
  /** A unit code, or `self`. */
  by?: string;
  summary?: string;
  /** The achievement wording its certificate prints (kept as typed). */
  citation?: string;
  criteria?: string[];
}

async function requireRegistered(trx: Tx, subject: Subject, title: TitleRow, year: number): Promise<number> {
  const reg = await findRegistration(trx, { year, subject: subject.code, award: title.code });
  if (!reg || reg.status !== 'active') {
    throw new WorkflowError('nominate.notRegistered', { code: subject.code, name: subject.name, award: title.code, year });
  }
  return reg.id;
}

/**
 * A nomination is proposed by the subject's own unit (a person's unit; a unit itself) or by the
 * subject (`self`): another unit's name on the dossier would be a wrong name on the ballot (exit 3).
 */
function requireOwnUnit(subject: Subject, byUnit: string | null): void {
  if (byUnit === null || byUnit === subject.unit) return;
  throw new ValidationError(subject.kind === 'person' ? 'nominate.notOwnUnit' : 'nominate.notItself', {
    by: byUnit, code: subject.code, name: subject.name, unit: subject.unit, unitName: subject.unitName,
  });
}

/** Creates a nomination for a registered subject, with the unit's attestations; returns it with its eligibility. */
export async function createNomination(ctx: ServiceContext, input: NominateInput): Promise<Nomination> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const subjectCode = c.take(parseCode('code', input.subject));
  const award = c.take(parseRequiredText('awardCode', input.award, 100));
  const yearText = String(input.year ?? '').trim();
  const year = parseYear(yearText);
  if (yearText === '') c.add('invalid.required', { field: 'year' });
  else if (year === null) c.add('invalid.year', { field: 'year', value: yearText });
  const byText = c.take(parseRequiredText('nominationBy', input.by, 40));
  const self = byText !== undefined && SELF.has(fold(byText));
  const byUnit = byText === undefined || self ? null : c.take(parseCode('nominationBy', byText));
  const summary = c.take(parseRequiredText('nominationSummary', input.summary, 2000));
  const citation = input.citation === undefined ? null : c.take(parseText('citation', input.citation, { required: true, max: 500 }));
  throwIfProblems(c);
  const y = year as number;
  return transact(ctx, async (trx, audit) => {
    const title = await requireTitle(trx, award);
    const subject = await requireSubject(trx, subjectCode);
    if (!subject.active) throw new WorkflowError(subject.kind === 'person' ? 'nominate.personLeft' : 'unit.retired', { code: subject.code, name: subject.name });
    requireOwnUnit(subject, byUnit);
    if (byUnit) await requireUnit(trx, byUnit, { active: true });
    const registrationId = await requireRegistered(trx, subject, title, y);
    const live = await findLiveNomination(trx, { year: y, subject: subject.code, award: title.code });
    if (live) {
      throw new WorkflowError('nominate.exists', { code: subject.code, name: subject.name, award: title.code, year: y, id: live.id }, [
        nowDetail(live),
      ]);
    }
    const attestations = await attestationsFor(trx, { award: title.code, year: y, kind: subject.kind, category: subject.category }, input.criteria ?? []);
    const id = await insertNomination(trx, {
      year: y, subject_code: subject.code, award: title.code, registration_id: registrationId, by_unit: byUnit,
      category: subject.category, summary, citation, status: 'submitted', status_on: today, status_reason: null, created_on: today, created_at: ctx.clock.now(),
    });
    await saveAttestations(trx, attestationRows(id, attestations, today));
    const after = await load(trx, id);
    await audit({ entity: 'nomination', entityId: String(id), action: 'create', after: auditRecord(after) });
    return after;
  });
}

/** The certificate already printed for the recognition this nomination led to (its number), if any. */
async function certificateOf(trx: Tx, id: number): Promise<string | null> {
  const row = await certificateOfNomination(trx, id);
  return row ? toIssued(row).symbol : null;
}

/** The nomination with its eligibility recomputed from the data as it is now. */
export async function checkNomination(ctx: ServiceContext, rawId: string | number): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  return transact(ctx, (trx) => load(trx, id));
}

// ---------------------------------------------------------------------------------------------
// The dossier's way through appraisal

/** "now: returned on 02/12/2026 (reason …)": the state a refused action met, in words. */
function nowDetail(n: { status: NominationStatus; status_on: string; status_reason: string | null }): Detail {
  return { key: `nomination.now.${n.status}`, params: { date: formatVnDate(n.status_on), reason: n.status_reason ?? '' } };
}

async function requireState(trx: Tx, id: number, allowed: NominationStatus[], refusal: string): Promise<Nomination> {
  const n = await load(trx, id);
  if (!allowed.includes(n.status)) {
    throw new WorkflowError(refusal, { id, code: n.subject, name: n.name, award: n.award }, [
      nowDetail({ status: n.status, status_on: n.statusOn, status_reason: n.statusReason }),
    ]);
  }
  return n;
}

async function change(
  trx: Tx,
  audit: Audit,
  before: Nomination,
  action: string,
  changes: Parameters<typeof updateNomination>[2],
): Promise<Nomination> {
  if (Object.keys(changes).length > 0) await updateNomination(trx, before.id, changes);
  const after = await load(trx, before.id);
  await audit({ entity: 'nomination', entityId: String(before.id), action, before: auditRecord(before), after: auditRecord(after) });
  return after;
}

export interface AmendInput {
  summary?: string;
  citation?: string;
  criteria?: string[];
}

/**
 * Completes a dossier still with the unit (submitted, or returned: it then goes back to submitted).
 * The certificate's wording (`--citation`) alone may be written later too, until the certificate is
 * printed (a printed certificate keeps its words); a withdrawn or failed dossier has no certificate.
 */
export async function amendNomination(ctx: ServiceContext, rawId: string | number, input: AmendInput): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const summary = input.summary === undefined ? null : c.take(parseText('nominationSummary', input.summary, { required: true, max: 2000 }));
  const citation = input.citation === undefined ? undefined : c.take(parseText('citation', input.citation, { required: true, max: 500 }));
  const raws = input.criteria ?? [];
  if (input.summary === undefined && input.citation === undefined && raws.length === 0) throw new ValidationError('edit.nothing');
  throwIfProblems(c);
  const dossier = input.summary !== undefined || raws.length > 0;
  return transact(ctx, async (trx, audit) => {
    const allowed: NominationStatus[] = dossier ? ['submitted', 'returned'] : ['submitted', 'returned', 'accepted', 'passed', 'recognised'];
    const before = await requireState(trx, id, allowed, 'nominate.cannotAmend');
    if (citation !== undefined) {
      const printed = await certificateOf(trx, id);
      if (printed) throw new WorkflowError('nominate.citationPrinted', { id, code: before.subject, name: before.name, certificate: printed });
    }
    const attestations = await attestationsFor(trx, before, raws);
    await saveAttestations(trx, attestationRows(id, attestations, today));
    const changes: Parameters<typeof updateNomination>[2] = {};
    if (summary) changes.summary = summary;
    if (citation) changes.citation = citation;
    if (before.status === 'returned') Object.assign(changes, { status: 'submitted', status_on: today, status_reason: null });
    return change(trx, audit, before, 'amend', changes);
  });
}

export interface AppraiseInput {
  decision: 'accept' | 'return';
  reason?: string | null;
}

/** The council's appraisal of a submitted dossier: accepted (only when eligible) or returned with the reason. */
export async function appraiseNomination(ctx: ServiceContext, rawId: string | number, input: AppraiseInput): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const reason = c.take(parseText('nominationReason', input.reason ?? undefined, { required: input.decision === 'return', max: 500 }));
  throwIfProblems(c);
  return transact(ctx, async (trx, audit) => {
    const before = await requireState(trx, id, ['submitted'], 'nominate.cannotAppraise');
    if (input.decision === 'accept' && !before.eligible) {
      const blocking = before.criteria.filter((x) => x.status !== 'met');
      throw new WorkflowError(
        'nominate.notEligible',
        { id, code: before.subject, name: before.name, award: before.award },
        blocking.map((x) => ({ key: `nominate.blocking.${x.status}`, params: { code: x.code } })),
      );
    }
    // The day of acceptance orders the quota's places (domain/eligibility.ts quotaPosition).
    const changes = input.decision === 'accept'
      ? { status: 'accepted' as const, status_on: today, status_reason: reason, accepted_on: today }
      : { status: 'returned' as const, status_on: today, status_reason: reason };
    return change(trx, audit, before, input.decision, changes);
  });
}

/** Withdraws a nomination not yet voted on, with the reason. */
export async function withdrawNomination(ctx: ServiceContext, rawId: string | number, rawReason: string | undefined): Promise<Nomination> {
  const id = nominationIdOrThrow(rawId);
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const reason = c.take(parseRequiredText('nominationReason', rawReason, 500));
  throwIfProblems(c);
  return transact(ctx, async (trx, audit) => {
    const before = await requireState(trx, id, ['submitted', 'accepted', 'returned'], 'nominate.cannotWithdraw');
    return change(trx, audit, before, 'withdraw', { status: 'withdrawn', status_on: today, status_reason: reason });
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

export const NOMINATION_STATUSES: NominationStatus[] = ['submitted', 'accepted', 'returned', 'withdrawn', 'passed', 'failed', 'recognised'];

const STATUS_ALIASES: Record<string, NominationStatus> = {
  ...Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, s])),
  'da nop': 'submitted', 'cho tham dinh': 'submitted',
  'da chap nhan': 'accepted', 'chap nhan': 'accepted', 'du ho so': 'accepted',
  'tra lai': 'returned', 'da tra lai': 'returned',
  'da rut': 'withdrawn', rut: 'withdrawn',
  dat: 'passed', 'khong dat': 'failed',
  'da cong nhan': 'recognised', 'cong nhan': 'recognised', recognized: 'recognised',
};

export interface NominationFilter {
  year: number;
  award?: string;
  status?: string;
}

/** People first, by given name the Vietnamese way, then units by name; titles in catalogue order first. */
function compareNominations(a: NominationView, b: NominationView): number {
  if (a.award_sort !== b.award_sort) return a.award_sort - b.award_sort;
  if (a.subject_kind !== b.subject_kind) return a.subject_kind === 'person' ? -1 : 1;
  const byName = a.subject_kind === 'person' ? compareNames(a.subject_name, b.subject_name) : compareText(a.subject_name, b.subject_name);
  return byName || a.id - b.id;
}

/** Nominations with their eligibility now, in list order, inside the caller's transaction (the ballot uses it). */
export async function nominationsIn(trx: Tx, filter: { year: number; award?: string; statuses?: NominationStatus[] }): Promise<Nomination[]> {
  const rows = (await listNominationViews(trx, filter)).sort(compareNominations);
  const out: Nomination[] = [];
  for (const v of rows) out.push(await present(trx, v));
  return out;
}

/** Changes a nomination's state as the ballot or the decision records it (audited by the caller's audit). */
export async function moveNomination(trx: Tx, audit: Audit, id: number, status: NominationStatus, on: string, reason: string | null): Promise<Nomination> {
  const before = await load(trx, id);
  if (status === 'recognised') {
    // Judged as of the decision: what the data says on its date is kept with the recognition.
    const criteria = before.criteria.map(({ code, status: s, source, detail }) => ({ code, status: s, source, detail }));
    const judgement = { nomination_id: id, judged_on: on, eligible: before.eligible ? 1 : 0, criteria: JSON.stringify(criteria) };
    await saveJudgement(trx, judgement);
    await audit({ entity: 'nomination', entityId: String(id), action: 'judge', after: { judgedOn: on, eligible: before.eligible, criteria } });
  }
  return change(trx, audit, before, status, { status, status_on: on, status_reason: reason });
}

/** The year's nominations (of one title, in one state, when asked), each with its eligibility now. */
export async function listNominations(ctx: ServiceContext, filter: NominationFilter): Promise<Nomination[]> {
  let status: NominationStatus | undefined;
  if (filter.status !== undefined) {
    const p = parseChoice('nominationStatus', filter.status, STATUS_ALIASES, NOMINATION_STATUSES.join(', '));
    if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
    status = p.value;
  }
  return transact(ctx, async (trx) => {
    const award = filter.award === undefined ? undefined : (await requireTitle(trx, filter.award)).code;
    return nominationsIn(trx, { year: filter.year, award, statuses: status && [status] });
  });
}

/** `status`: dossiers submitted and waiting for the council's appraisal, the longest waiting first. */
export const nominationsAwaitingAppraisal: SectionBuilder = async (trx, today) => {
  // As of `today` (--today): a dossier submitted after it is not waiting yet.
  const rows = (await listNominationViews(trx, { statuses: ['submitted'] }))
    .filter((r) => r.status_on <= today)
    .sort((a, b) => a.status_on.localeCompare(b.status_on) || a.id - b.id);
  if (rows.length === 0) return null;
  return {
    key: 'nominationsAwaitingAppraisal',
    columns: [
      { field: 'id', header: 'col.id' },
      { field: 'name', header: 'col.name' },
      { field: 'award', header: 'col.award' },
      { field: 'year', header: 'nominate.col.year' },
      { field: 'since', header: 'nominate.col.submittedOn', kind: 'date' },
      { field: 'daysWaiting', header: 'nominate.col.daysWaiting' },
    ],
    items: rows.map((r) => ({
      id: r.id, subject: r.subject_code, name: r.subject_name, award: r.award, year: r.year, since: r.status_on, daysWaiting: daysBetween(r.status_on, today),
    })),
  };
};

/**
 * Recognition (công nhận): the principal's decision for everyone who passed a closed ballot, numbered in
 * the register, with each bonus computed from the rules in force on the decision's date and stored as
 * paid; the initiative council's recognitions get their decision too. A title the principal does not
 * decide (the rule `authority.<TITLE>` of the decision's date) is refused: it goes into the proposal to
 * the province, whose decision the clerk records (services/recorded.ts). Revoking keeps the record.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { parseIsoDate, parseRecordId, parseRequiredText, parseYearField, valueOrThrow } from '../domain/fields.js';
import { amountInWords, computeBonus, isRounding, type Rounding } from '../domain/money.js';
import { compareNames, compareText, fold, normaliseCode } from '../domain/names.js';
import { coefficientKey } from '../domain/titles.js';
import { docSymbol, type DocIdentity } from '../domain/documents.js';
import {
  citesLegalText, initiativeDecisionModel, recognitionDecisionModel, recognitionDecisionTitle, type DecisionLine, type FollowedPaper,
  type InitiativeDecisionData, type RecognitionDecisionData, type Signer, type Source,
} from '../reports/docs/decision.js';
import { parseNumberAndDate } from '../domain/citations.js';
import { formatVnDate } from '../domain/dates.js';
import { listBallotRows, resultsOf, roundsOf, unitsOfPeople } from '../db/repos/ballots.js';
import { getDocumentRow, revokeDocumentRow } from '../db/repos/documents.js';
import { signaturesOf } from '../db/repos/signatures.js';
import { ruleAt } from '../db/repos/reference.js';
import {
  authorsOf, initiativesAwaitingDecision, insertRecognition, listRecognitionViews, revokeRecognitionRow, type RecognitionView,
} from '../db/repos/recognitions.js';
import { transact, type Audit, type Tx } from './database.js';
import { identityAt, issueDocument, toIssued, transactDraft, type IssuedDocument } from './documents.js';
import { moveNomination, nominationsIn, type Nomination } from './nominations.js';
import { legalBasisAt, ruleSourceAt, schoolBasisAt, type SchoolBasis } from './decision-basis.js';
import { requireTitle } from './reference.js';
import { requirePerson } from './subjects.js';
import { authorityOf, decidedAbove } from './authority.js';
import type { TitleRow } from '../db/repos/reference.js';
import type { SectionBuilder } from './status.js';
import { ballotsAwaitingDecision } from '../db/repos/status.js';

/** The pseudo-title under which the initiative council's recognitions are kept. */
export const INITIATIVE_AWARD = 'SK';

export interface Recognition {
  id: number;
  year: number;
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  unit: string | null;
  unitName: string | null;
  award: string;
  awardName: string;
  initiative: string | null;
  share: number | null;
  /** The school's decision in the register; null for a decision taken above the school (recorded). */
  decisionId: number | null;
  /** As printed: `01/QĐ-TCT`, or the recorded decision's number (`512/QĐ-UBND`). */
  decision: string;
  decidedOn: string;
  /** Who took a recorded decision ("Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"); null for the school's own. */
  issuer: string | null;
  baseSalary: number;
  coefficient: string;
  bonus: number;
  bonusInWords: string;
  /** DHTT: to be considered in succession planning and for exchange visits. */
  succession: boolean;
  status: 'active' | 'revoked';
  revokedOn: string | null;
  revokedReason: string | null;
}

export function toRecognition(v: RecognitionView): Recognition {
  return {
    id: v.id,
    year: v.year,
    subject: v.subject_code,
    name: v.subject_name,
    kind: v.subject_kind,
    unit: v.unit_code,
    unitName: v.unit_name,
    award: v.award,
    awardName: v.award_name ?? (v.award === INITIATIVE_AWARD ? 'Sáng kiến' : v.award),
    initiative: v.initiative_code,
    share: v.share,
    decisionId: v.decision_id,
    decision: v.decision_payload_symbol,
    decidedOn: v.decided_on,
    issuer: v.decision_id === null ? v.recorded_issuer : null,
    baseSalary: v.base_salary,
    coefficient: v.coefficient,
    bonus: v.bonus,
    bonusInWords: amountInWords(v.bonus),
    succession: v.succession === 1,
    status: v.status,
    revokedOn: v.revoked_on,
    revokedReason: v.revoked_reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Money

export interface Bonus {
  award: string;
  date: string;
  subjectKind: 'person' | 'unit';
  baseSalary: number;
  /** "0.3"; "0" when the rules give this title no money. */
  coefficient: string;
  rounding: Rounding;
  roundingUnit: number;
  bonus: number;
  bonusInWords: string;
  sources: { baseSalary: string; coefficient: string | null };
}

/** The bonus a decision on `date` pays for the title, from the rules in force that day. */
export async function bonusOn(trx: Tx, award: string, titleKind: 'person' | 'unit' | 'both', subjectKind: 'person' | 'unit', date: string): Promise<Bonus> {
  const base = await ruleAt(trx, 'base_salary', date);
  if (!base) throw new WorkflowError('bonus.noBaseSalary', { date });
  const coeff = await ruleAt(trx, coefficientKey(award, titleKind, subjectKind), date);
  const roundingRaw = (await ruleAt(trx, 'bonus.rounding', date))?.value ?? 'up';
  const rounding: Rounding = isRounding(roundingRaw) ? roundingRaw : 'up';
  const unit = Number((await ruleAt(trx, 'bonus.rounding_unit', date))?.value ?? 10000) || 1;
  const coefficient = coeff?.value ?? '0';
  const bonus = Number(coefficient.replace(',', '.')) > 0 ? computeBonus(coefficient, Number(base.value), rounding, unit) : 0;
  return {
    award, date, subjectKind, baseSalary: Number(base.value), coefficient, rounding, roundingUnit: unit, bonus, bonusInWords: amountInWords(bonus),
    sources: { baseSalary: base.source, coefficient: coeff?.source ?? null },
  };
}

/**
 * `rules bonus --award --date`: what a decision on that day would pay; `paidAbove` names who decides a
 * title decided above the school (the bonus is theirs to pay, not the school's).
 */
export async function previewBonus(ctx: ServiceContext, input: { award?: string; date?: string; unit?: boolean }): Promise<Bonus & { paidAbove: string | null }> {
  const date = input.date === undefined ? ctx.clock.today() : valueOrThrow(parseIsoDate('date', input.date, { required: true }))!;
  return transact(ctx, async (trx) => {
    const title = await requireTitle(trx, input.award ?? '');
    const kind = title.subject_kind === 'unit' || (title.subject_kind === 'both' && input.unit) ? 'unit' : 'person';
    const paidAbove = (await decidedAbove(trx, title.code, date)) ? (await authorityOf(trx, title, date)).decider : null;
    return { ...(await bonusOn(trx, title.code, title.subject_kind, kind, date)), paidAbove };
  });
}

// ---------------------------------------------------------------------------------------------
// Input

function yearOrThrow(raw: string | number | undefined): number {
  return valueOrThrow(parseYearField('year', raw));
}

function decisionDate(ctx: ServiceContext, raw: string | undefined): string {
  const today = ctx.clock.today();
  const date = raw === undefined ? today : valueOrThrow(parseIsoDate('decisionDate', raw, { required: true }))!;
  if (date > today) throw new ValidationError('recognise.futureDate', { date, today });
  return date;
}

/** Who signs: the head (default), or a deputy given by their code, signing "KT." with their position. */
async function signerOf(trx: Tx, identity: DocIdentity, raw: string | undefined): Promise<Signer> {
  if (raw === undefined || raw.trim() === '') return { deputy: false, position: identity.headTitle, name: identity.headName };
  const person = await requirePerson(trx, normaliseCode(raw));
  if (!person.active) throw new WorkflowError('recognise.signerLeft', { code: person.code, name: person.name });
  if (fold(person.name) === fold(identity.headName)) return { deputy: false, position: identity.headTitle, name: person.name };
  return { deputy: true, position: person.position ?? `Phó ${identity.headTitle.charAt(0).toLocaleLowerCase('vi')}${identity.headTitle.slice(1)}`, name: person.name };
}

// ---------------------------------------------------------------------------------------------
// Recognising a title

export interface RecogniseInput {
  year?: string | number;
  award?: string;
  date?: string;
  signer?: string;
  /** Print the decision as a draft: nothing is recognised, no number is taken (services/documents.ts). */
  draft?: boolean;
}

export interface Recognised {
  decision: IssuedDocument;
  recognitions: Recognition[];
}

/** Who a decision would recognise, and the money, before it takes its number (the confirmation shows it). */
export interface RecognitionPreview {
  year: number;
  date: string;
  /** The title's name, or null for the initiatives. */
  awardName: string | null;
  recognised: { name: string; kind: 'person' | 'unit'; bonus: number; work?: string }[];
  total: number;
}

interface TitlePlan {
  year: number;
  date: string;
  title: TitleRow;
  ordered: Nomination[];
  lines: DecisionLine[];
  bonuses: Map<'person' | 'unit', Bonus>;
  /** The counting minutes of the ballots the nominees passed in. */
  minutes: FollowedPaper[];
}

/** Everything a title's decision needs but its number, checked: the ballots, who passed, the money. */
async function planTitle(trx: Tx, input: RecogniseInput, year: number, date: string): Promise<TitlePlan> {
  const title = await requireTitle(trx, input.award ?? '');
  await requireSchoolDecides(trx, title, year, date);
  const ballots = (await listBallotRows(trx, { year })).filter((b) => b.award === title.code);
  const closed = ballots.filter((b) => b.status === 'closed');
  if (closed.length === 0) {
    const open = ballots.find((b) => b.status === 'open');
    throw new WorkflowError(open ? 'recognise.ballotOpen' : 'recognise.noBallot', { award: title.code, year, id: open?.id ?? '' });
  }
  const passed = await nominationsIn(trx, { year, award: title.code, statuses: ['passed'] });
  if (passed.length === 0) {
    const done = await listRecognitionViews(trx, { year, award: title.code });
    if (done.length > 0) throw new WorkflowError('recognise.already', { award: title.code, year, decision: done[0].decision_payload_symbol });
    throw new WorkflowError('recognise.nothingPassed', { award: title.code, year });
  }
  // The ballot each nomination passed in, and its minutes: the decision rests on them.
  const minutes: FollowedPaper[] = [];
  let heldOn = '0000-00-00';
  for (const b of closed) {
    const rounds = await roundsOf(trx, b.id);
    const last = rounds[rounds.length - 1];
    const results = (await resultsOf(trx, b.id)).filter((r) => r.round === last.round);
    if (!results.some((r) => passed.some((p) => p.id === r.nomination_id))) continue;
    if (b.held_on > heldOn) heldOn = b.held_on;
    const row = last.minutes_id ? await getDocumentRow(trx, last.minutes_id) : undefined;
    if (row) minutes.push({ kind: 'counting-minutes', number: toIssued(row).symbol, date: row.date });
  }
  if (date < heldOn) throw new ValidationError('recognise.beforeBallot', { date, heldOn });
  const units = await unitsOfPeople(trx, passed.filter((n) => n.kind === 'person').map((n) => n.subject));
  // People by given name, then units by name: the order of the attached list.
  const ordered = [...passed].sort((a, b) => (a.kind !== b.kind ? (a.kind === 'person' ? -1 : 1) : a.kind === 'person' ? compareNames(a.name, b.name) : compareText(a.name, b.name)));
  const bonuses = new Map<'person' | 'unit', Bonus>();
  for (const kind of ['person', 'unit'] as const) {
    if (ordered.some((n) => n.kind === kind)) bonuses.set(kind, await bonusOn(trx, title.code, title.subject_kind, kind, date));
  }
  const lines: DecisionLine[] = ordered.map((n) => ({ name: n.name, unitName: units.get(n.subject)?.name ?? n.name, kind: n.kind, bonus: bonuses.get(n.kind)!.bonus }));
  return { year, date, title, ordered, lines, bonuses, minutes };
}

/**
 * The legal basis and the money rules by their sources: the Law and its implementing decree in force on
 * the date, the base-salary decree when the decision pays, each coefficient's source (a school's own
 * setting under its Quy chế when it cites no legal document), and the rounding's (the decree's own
 * rule unless the school recorded another).
 */
async function moneyAndBasis(trx: Tx, plan: TitlePlan, school: SchoolBasis): Promise<{ legal: Source[]; pay: RecognitionDecisionData['pay']; rounding: RecognitionDecisionData['rounding'] }> {
  const { date, title } = plan;
  const [law, decree] = [await ruleSourceAt(trx, 'basis.law', date), await ruleSourceAt(trx, 'basis.decree', date)];
  const legal: Source[] = [law, decree].filter((s): s is Source => s !== null);
  const pay: RecognitionDecisionData['pay'] = {};
  const paid = [...plan.bonuses.values()].some((b) => b.bonus > 0);
  if (paid) {
    const salary = await ruleSourceAt(trx, 'base_salary', date);
    if (salary !== null) legal.push(salary);
  }
  for (const [kind, b] of plan.bonuses) {
    if (b.bonus <= 0) continue;
    const s = await ruleSourceAt(trx, coefficientKey(title.code, title.subject_kind, kind), date);
    const source: Source = s === null || (typeof s === 'string' && !citesLegalText(s)) ? school.regulation : s;
    legal.push(source);
    pay[kind] = { amount: b.bonus, coefficient: b.coefficient, source };
  }
  const any = [...plan.bonuses.values()][0];
  const recorded = await ruleSourceAt(trx, 'bonus.rounding', date);
  const roundingSource: Source = recorded !== null && typeof recorded !== 'string' ? recorded : (decree ?? school.regulation);
  if (paid && any.rounding !== 'none') legal.push(roundingSource);
  return { legal, pay, rounding: { mode: any.rounding, unit: any.roundingUnit, source: roundingSource } };
}

/** `recognise` before its confirmation: who it would recognise and the total bonus; nothing is written. */
export async function previewRecognition(ctx: ServiceContext, input: RecogniseInput & { initiatives?: boolean }): Promise<RecognitionPreview> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transact(ctx, async (trx) => {
    if (input.initiatives) {
      const works = await planInitiatives(trx, year, date);
      return {
        year, date, awardName: null, total: 0,
        recognised: works.flatMap((w) => w.authors.map((a) => ({ name: a.name, kind: 'person' as const, bonus: 0, work: w.title }))),
      };
    }
    const plan = await planTitle(trx, input, year, date);
    return {
      year, date, awardName: plan.title.name, total: plan.lines.reduce((a, l) => a + l.bonus, 0),
      recognised: plan.lines.map((l) => ({ name: l.name, kind: l.kind, bonus: l.bonus })),
    };
  });
}

/**
 * Refuses (exit 5) a title its rule of `date` gives to an authority above the school: the principal
 * cannot decide it; it goes into the proposal to the province (`report province`).
 */
async function requireSchoolDecides(trx: Tx, title: TitleRow, year: number, date: string): Promise<void> {
  const who = await authorityOf(trx, title, date);
  if (who.level === 'school') return;
  const head = (await identityAt(trx, date)).headTitle;
  throw new WorkflowError('authority.aboveSchool', { award: title.code, awardName: title.name, decider: who.decider, source: who.source, head, year });
}

/** What `recognise` would refuse before it asks for confirmation: an unknown title, one the principal does not decide. */
export async function checkRecognisable(ctx: ServiceContext, input: RecogniseInput): Promise<void> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  await transact(ctx, async (trx) => requireSchoolDecides(trx, await requireTitle(trx, input.award ?? ''), year, date));
}

export async function recognise(ctx: ServiceContext, input: RecogniseInput): Promise<Recognised> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const plan = await planTitle(trx, input, year, date);
    const { title, ordered, lines, bonuses } = plan;
    const form = title.form;
    const school = await schoolBasisAt(trx, date, { plan: form === 'recognition' });
    const identity = await identityAt(trx, date);
    const signer = await signerOf(trx, identity, input.signer);
    const money = await moneyAndBasis(trx, plan, school);
    const data: RecognitionDecisionData = {
      year, award: title.code, awardName: title.name, form, date,
      basis: {
        legal: money.legal, competence: school.competence, regulation: school.regulation, plan: form === 'recognition' ? school.plan : null,
        follows: plan.minutes,
      },
      office: school.office, recipients: school.recipients, lines, pay: money.pay, rounding: money.rounding,
      signer, exemplarRights: title.code === 'DHTT',
    };
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'recognition-decision',
      title: recognitionDecisionTitle(form, title.name, year),
      ref: `recognise:${year}:${title.code}`,
      build: (id, number) => recognitionDecisionModel(data, id, number, docSymbol(id.style, number.number, 'QĐ', id.symbol)),
    });
    const ids: number[] = [];
    for (const n of ordered) {
      const b = bonuses.get(n.kind)!;
      ids.push(await insertRecognition(trx, {
        year, subject_code: n.subject, award: title.code, nomination_id: n.id, initiative_code: null, decision_id: decision.id, decided_on: date,
        base_salary: b.baseSalary, coefficient: b.coefficient, bonus: b.bonus, rounding: `${b.rounding}:${b.roundingUnit}`, share: null,
        succession: title.code === 'DHTT' && n.kind === 'person' ? 1 : 0, status: 'active', revoked_on: null, revoked_reason: null, created_at: ctx.clock.now(),
      }));
      await moveNomination(trx, audit, n.id, 'recognised', date, `decision ${decision.symbol}`);
    }
    const recognitions = (await listRecognitionViews(trx, { decisionId: decision.id })).map(toRecognition);
    const byId = new Map(recognitions.map((r) => [r.id, r]));
    const inOrder = ids.map((i) => byId.get(i)!);
    for (const r of inOrder) await audit({ entity: 'recognition', entityId: String(r.id), action: 'create', after: r });
    return { decision, recognitions: inOrder };
  });
}

/** The initiative council's recognitions of a year without a decision yet, with their authors. */
async function planInitiatives(trx: Tx, year: number, date: string) {
  const works = await initiativesAwaitingDecision(trx, year);
  if (works.length === 0) throw new WorkflowError('recognise.noInitiatives', { year });
  const latest = works.reduce((a, w) => (w.decided_on > a ? w.decided_on : a), '0000');
  if (date < latest) throw new ValidationError('recognise.beforeCouncil', { date, decidedOn: latest });
  const authors = await authorsOf(trx, works.map((w) => w.code));
  return works.map((w) => ({
    code: w.code, kind: w.kind, title: w.title, unitName: w.unit_name, decidedOn: w.decided_on,
    authors: authors.filter((a) => a.initiative_code === w.code).map((a) => ({ code: a.person_code, name: a.name, share: a.share })),
  }));
}

/**
 * The initiative council's minutes as typed (`--minutes "05/BB-HĐSK ngày 01/12/2025"`, repeatable): each
 * a number and a date, none after the decision, and one for every day the council decided (exit 3).
 */
function minutesOrThrow(raws: readonly string[], decidedOn: readonly string[], date: string): FollowedPaper[] {
  if (raws.length === 0) throw new ValidationError('invalid.required', { field: 'minutes' });
  const papers: FollowedPaper[] = [];
  for (const raw of raws) {
    const p = parseNumberAndDate(raw);
    if (!p) throw new ValidationError('recognise.badMinutes', { value: raw.trim() });
    if (p.date > date) throw new ValidationError('recognise.minutesAfter', { value: raw.trim(), date: formatVnDate(date) });
    papers.push({ kind: 'initiative-minutes', ...p });
  }
  const uncovered = [...new Set(decidedOn)].filter((d) => !papers.some((p) => p.date === d)).sort();
  if (uncovered.length > 0) throw new ValidationError('recognise.minutesMissing', { dates: uncovered.map(formatVnDate).join(', ') });
  return papers.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
}

/** The initiative council's recognitions of a year that have no decision yet: one decision, a recognition per author. */
export async function recogniseInitiatives(ctx: ServiceContext, input: { year?: string | number; date?: string; signer?: string; minutes?: string[]; draft?: boolean }): Promise<Recognised> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const initiatives = await planInitiatives(trx, year, date);
    const minutes = minutesOrThrow(input.minutes ?? [], initiatives.map((w) => w.decidedOn), date);
    const school = await schoolBasisAt(trx, date);
    const identity = await identityAt(trx, date);
    const signer = await signerOf(trx, identity, input.signer);
    const legal = await legalBasisAt(trx, date, ['basis.law', 'basis.initiative']);
    const base = await ruleAt(trx, 'base_salary', date);
    const data: InitiativeDecisionData = {
      year, date, initiatives, signer, office: school.office, recipients: school.recipients,
      basis: { legal, competence: school.competence, regulation: school.regulation, plan: null, follows: minutes },
    };
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'initiative-decision',
      title: `Quyết định công nhận sáng kiến năm ${year}`,
      ref: `recognise:${year}:${INITIATIVE_AWARD}`,
      build: (id, number) => initiativeDecisionModel(data, id, number, docSymbol(id.style, number.number, 'QĐ', id.symbol)),
    });
    const ids: number[] = [];
    for (const w of initiatives) {
      for (const a of w.authors) {
        ids.push(await insertRecognition(trx, {
          year, subject_code: a.code, award: INITIATIVE_AWARD, nomination_id: null, initiative_code: w.code, decision_id: decision.id, decided_on: date,
          base_salary: Number(base?.value ?? 0), coefficient: '0', bonus: 0, rounding: 'none:1', share: a.share, succession: 0, status: 'active',
          revoked_on: null, revoked_reason: null, created_at: ctx.clock.now(),
        }));
      }
    }
    const recognitions = (await listRecognitionViews(trx, { decisionId: decision.id })).map(toRecognition);
    for (const r of recognitions) await audit({ entity: 'recognition', entityId: String(r.id), action: 'create', after: r });
    return { decision, recognitions };
  });
}

// ---------------------------------------------------------------------------------------------
// Lists and revocation

export async function listRecognitions(ctx: ServiceContext, filter: { year?: string | number; subject?: string; award?: string }): Promise<Recognition[]> {
  const year = filter.year === undefined ? undefined : yearOrThrow(filter.year);
  return transact(ctx, async (trx) => {
    const award = filter.award === undefined ? undefined : fold(filter.award) === 'sk' ? INITIATIVE_AWARD : (await requireTitle(trx, filter.award)).code;
    const rows = (await listRecognitionViews(trx, { year, subject: filter.subject ? normaliseCode(filter.subject) : undefined, award })).map(toRecognition);
    return rows.sort((a, b) => a.year - b.year || a.decidedOn.localeCompare(b.decidedOn) || (a.decisionId ?? 0) - (b.decisionId ?? 0) || a.id - b.id);
  });
}

/** Recognitions of one subject, all years (for `person show`). */
export async function recognitionsOf(trx: Tx, subject: string): Promise<Recognition[]> {
  return (await listRecognitionViews(trx, { subject })).map(toRecognition);
}

export async function revokeRecognition(ctx: ServiceContext, rawId: string | number, reasonRaw: string | undefined): Promise<Recognition> {
  const id = valueOrThrow(parseRecordId('recognise.badId', rawId));
  const reason = valueOrThrow(parseRequiredText('reason', reasonRaw, 1000));
  return transact(ctx, async (trx, audit) => revokeIn(trx, audit, id, reason, ctx.clock.today()));
}

/** Revokes recognition `id` inside the caller's transaction (exit 4 unknown, 5 already revoked). */
export async function revokeIn(trx: Tx, audit: Audit, id: number, reason: string, today: string): Promise<Recognition> {
  const [v] = await listRecognitionViews(trx, { id });
  if (!v) throw new NotFoundError('recognise.notFound', { id });
  const before = toRecognition(v);
  if (before.status === 'revoked') throw new WorkflowError('recognise.alreadyRevoked', { id: before.id, date: before.revokedOn ?? '', reason: before.revokedReason ?? '' });
  // A signed decision is final: it is revoked by a new numbered decision, never marked silently (issue 18).
  const [signed] = before.decisionId !== null ? await signaturesOf(trx, [before.decisionId]) : [];
  if (signed) throw new WorkflowError('recognise.signedDecision', { decision: before.decision, signer: signed.signer_name, date: signed.signed_at.slice(0, 10), id: before.id, reason });
  await revokeRecognitionRow(trx, before.id, today, reason);
  if (before.decisionId !== null) {
    // A decision whose every recognition is revoked is revoked in the register too (its number stays used).
    const siblings = await listRecognitionViews(trx, { decisionId: before.decisionId });
    if (siblings.every((s) => s.status === 'revoked')) await revokeDocumentRow(trx, before.decisionId, today, reason);
  } else if (v.nomination_id !== null) {
    // A recorded decision taken back (entered wrongly, or revoked above): the nomination awaits a decision again.
    await moveNomination(trx, audit, v.nomination_id, 'passed', today, `revoked: ${reason}`);
  }
  const [after] = (await listRecognitionViews(trx, { id: before.id })).map(toRecognition);
  await audit({ entity: 'recognition', entityId: String(before.id), action: 'revoke', before, after });
  return after;
}

// ---------------------------------------------------------------------------------------------
// Status

/** `status`: titles the principal decides whose ballot closed with people passed, and no decision yet. */
export const awaitingRecognition: SectionBuilder = async (trx, today) => {
  const items: Record<string, string | number>[] = [];
  // One query: per title and year, the first closed ballot with nominations passed (counted in SQL).
  const above = new Map<string, boolean>();
  for (const b of await ballotsAwaitingDecision(trx, today)) {
    // A title decided above the school awaits the province's decision, not the principal's (`awaitingProvince`).
    if (!above.has(b.award)) above.set(b.award, await decidedAbove(trx, b.award, today));
    if (above.get(b.award)) continue;
    items.push({ award: b.award, year: b.year, ballot: b.id, count: b.passed, heldOn: b.heldOn });
  }
  if (items.length === 0) return null;
  return {
    key: 'awaitingRecognition',
    columns: [
      { field: 'award', header: 'col.award' },
      { field: 'year', header: 'nominate.col.year' },
      { field: 'ballot', header: 'recognise.col.ballot' },
      { field: 'count', header: 'status.col.count' },
      { field: 'heldOn', header: 'ballot.col.heldOn', kind: 'date' },
    ],
    items,
  };
};

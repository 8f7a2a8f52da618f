/** `recognise`: the principal's decision recognising a title (planning, money and basis, the decision itself). */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { compareNames, compareText } from '../domain/names.js';
import { coefficientKey } from '../domain/titles.js';
import { docSymbol } from '../domain/documents.js';
import { citesLegalText, recognitionDecisionModel, recognitionDecisionTitle, type DecisionLine, type FollowedPaper, type RecognitionDecisionData, type Source } from '../reports/docs/decision.js';
import { listBallotRows, resultsOf, roundsOf, unitsOfPeople } from '../db/repos/ballots.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { authorsOf, initiativesAwaitingDecision, insertRecognition, listRecognitionViews } from '../db/repos/recognitions.js';
import { transact, type Tx } from './database.js';
import { identityAt, issueDocument, toIssued, transactDraft, type IssuedDocument } from './documents.js';
import { moveNomination, nominationsIn, type Nomination } from './nominations.js';
import { ruleSourceAt, schoolBasisAt, type SchoolBasis } from './decision-basis.js';
import { requireTitle } from './reference.js';
import { authorityOf } from './authority.js';
import type { TitleRow } from '../db/repos/reference.js';
import { type Recognition, toRecognition, type Bonus, bonusOn, yearOrThrow, decisionDate, signerOf } from './recognitions.js';

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
export async function planInitiatives(trx: Tx, year: number, date: string) {
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

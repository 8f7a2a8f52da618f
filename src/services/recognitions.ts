/**
 * Recognition (công nhận): the principal's decision for everyone who passed a closed ballot, numbered in
 * the register, with each bonus computed from the rules in force on the decision's date and stored as
 * paid; the initiative council's recognitions get their decision too. Revoking keeps the record.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { parseIsoDate, parseRecordId, parseRequiredText, parseYearField, valueOrThrow } from '../domain/fields.js';
import { amountInWords, computeBonus, isRounding, type Rounding } from '../domain/money.js';
import { compareNames, compareText, fold, normaliseCode } from '../domain/names.js';
import { coefficientKey } from '../domain/titles.js';
import { docSymbol, type DocIdentity } from '../domain/documents.js';
import { initiativeDecisionModel, recognitionDecisionModel, type DecisionLine, type Signer } from '../reports/docs/decision.js';
import { listBallotRows, resultsOf, roundsOf, unitsOfPeople } from '../db/repos/ballots.js';
import { getDocumentRow, revokeDocumentRow } from '../db/repos/documents.js';
import { ruleAt } from '../db/repos/reference.js';
import {
  authorsOf, initiativesAwaitingDecision, insertRecognition, listRecognitionViews, revokeRecognitionRow, type RecognitionView,
} from '../db/repos/recognitions.js';
import { listNominationViews } from '../db/repos/nominations.js';
import { transact, type Tx } from './database.js';
import { identityAt, issueDocument, toIssued, transactDraft, type IssuedDocument } from './documents.js';
import { moveNomination, nominationsIn } from './nominations.js';
import { requireTitle } from './reference.js';
import { requirePerson } from './subjects.js';
import type { SectionBuilder } from './status.js';

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
  decisionId: number;
  decision: string;
  decidedOn: string;
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

function toRecognition(v: RecognitionView): Recognition {
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

/** `rules bonus --award --date`: what a decision on that day would pay. */
export async function previewBonus(ctx: ServiceContext, input: { award?: string; date?: string; unit?: boolean }): Promise<Bonus> {
  const date = input.date === undefined ? ctx.clock.today() : valueOrThrow(parseIsoDate('date', input.date, { required: true }))!;
  return transact(ctx, async (trx) => {
    const title = await requireTitle(trx, input.award ?? '');
    const kind = title.subject_kind === 'unit' || (title.subject_kind === 'both' && input.unit) ? 'unit' : 'person';
    return bonusOn(trx, title.code, title.subject_kind, kind, date);
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

export async function recognise(ctx: ServiceContext, input: RecogniseInput): Promise<Recognised> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const title = await requireTitle(trx, input.award ?? '');
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
    const basis: string[] = [];
    let heldOn = '0000-00-00';
    for (const b of closed) {
      const rounds = await roundsOf(trx, b.id);
      const last = rounds[rounds.length - 1];
      const results = (await resultsOf(trx, b.id)).filter((r) => r.round === last.round);
      if (!results.some((r) => passed.some((p) => p.id === r.nomination_id))) continue;
      if (b.held_on > heldOn) heldOn = b.held_on;
      const minutes = last.minutes_id ? await getDocumentRow(trx, last.minutes_id) : undefined;
      if (minutes) basis.push(`Biên bản kiểm phiếu số ${toIssued(minutes).symbol} ngày ${minutes.date.split('-').reverse().join('/')} của Hội đồng Thi đua – Khen thưởng Trường`);
    }
    if (date < heldOn) throw new ValidationError('recognise.beforeBallot', { date, heldOn });
    const identity = await identityAt(trx, date);
    const signer = await signerOf(trx, identity, input.signer);
    const units = await unitsOfPeople(trx, passed.filter((n) => n.kind === 'person').map((n) => n.subject));
    // People by given name, then units by name: the order of the attached list.
    const ordered = [...passed].sort((a, b) => (a.kind !== b.kind ? (a.kind === 'person' ? -1 : 1) : a.kind === 'person' ? compareNames(a.name, b.name) : compareText(a.name, b.name)));
    const bonuses = new Map<string, Bonus>();
    for (const kind of ['person', 'unit'] as const) {
      if (ordered.some((n) => n.kind === kind)) bonuses.set(kind, await bonusOn(trx, title.code, title.subject_kind, kind, date));
    }
    const lines: DecisionLine[] = ordered.map((n) => ({ name: n.name, unitName: units.get(n.subject)?.name ?? n.name, kind: n.kind, bonus: bonuses.get(n.kind)!.bonus }));
    const anyBonus = [...bonuses.values()][0];
    const sources = [anyBonus.sources.baseSalary, ...[...bonuses.values()].map((b) => b.sources.coefficient).filter((s): s is string => !!s)];
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'recognition-decision',
      title: `Quyết định công nhận danh hiệu ${title.name} năm ${year}`,
      ref: `recognise:${year}:${title.code}`,
      build: (id, number) => {
        const symbol = docSymbol(id.style, number.number, 'QĐ', id.symbol);
        return recognitionDecisionModel(
          {
            year, award: title.code, awardName: title.name, date, basis, lines, baseSalary: anyBonus.baseSalary,
            coefficients: { person: bonuses.get('person')?.coefficient, unit: bonuses.get('unit')?.coefficient },
            moneySources: [...new Set(sources)], signer, exemplarRights: title.code === 'DHTT',
          },
          id, number, symbol,
        );
      },
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

/** The initiative council's recognitions of a year that have no decision yet: one decision, a recognition per author. */
export async function recogniseInitiatives(ctx: ServiceContext, input: { year?: string | number; date?: string; signer?: string; draft?: boolean }): Promise<Recognised> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const works = await initiativesAwaitingDecision(trx, year);
    if (works.length === 0) throw new WorkflowError('recognise.noInitiatives', { year });
    const latest = works.reduce((a, w) => (w.decided_on > a ? w.decided_on : a), '0000');
    if (date < latest) throw new ValidationError('recognise.beforeCouncil', { date, decidedOn: latest });
    const authors = await authorsOf(trx, works.map((w) => w.code));
    const identity = await identityAt(trx, date);
    const signer = await signerOf(trx, identity, input.signer);
    const initiatives = works.map((w) => ({
      code: w.code, title: w.title, unitName: w.unit_name, decidedOn: w.decided_on,
      authors: authors.filter((a) => a.initiative_code === w.code).map((a) => ({ code: a.person_code, name: a.name, share: a.share })),
    }));
    const base = await ruleAt(trx, 'base_salary', date);
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'initiative-decision',
      title: `Quyết định công nhận sáng kiến năm ${year}`,
      ref: `recognise:${year}:${INITIATIVE_AWARD}`,
      build: (id, number) => {
        const symbol = docSymbol(id.style, number.number, 'QĐ', id.symbol);
        return initiativeDecisionModel({ year, date, basis: ['Biên bản họp Hội đồng sáng kiến Trường năm ' + year], initiatives, signer }, id, number, symbol);
      },
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
    return rows.sort((a, b) => a.year - b.year || a.decidedOn.localeCompare(b.decidedOn) || a.decisionId - b.decisionId || a.id - b.id);
  });
}

/** Recognitions of one subject, all years (for `person show`). */
export async function recognitionsOf(trx: Tx, subject: string): Promise<Recognition[]> {
  return (await listRecognitionViews(trx, { subject })).map(toRecognition);
}

export async function revokeRecognition(ctx: ServiceContext, rawId: string | number, reasonRaw: string | undefined): Promise<Recognition> {
  const id = valueOrThrow(parseRecordId('recognise.badId', rawId));
  const reason = valueOrThrow(parseRequiredText('reason', reasonRaw, 1000));
  return transact(ctx, async (trx, audit) => {
    const [v] = await listRecognitionViews(trx, { id });
    if (!v) throw new NotFoundError('recognise.notFound', { id });
    const before = toRecognition(v);
    if (before.status === 'revoked') throw new WorkflowError('recognise.alreadyRevoked', { id: before.id, date: before.revokedOn ?? '', reason: before.revokedReason ?? '' });
    const today = ctx.clock.today();
    await revokeRecognitionRow(trx, before.id, today, reason);
    // A decision whose every recognition is revoked is revoked in the register too (its number stays used).
    const siblings = await listRecognitionViews(trx, { decisionId: before.decisionId });
    if (siblings.every((s) => s.status === 'revoked')) await revokeDocumentRow(trx, before.decisionId, today, reason);
    const [after] = (await listRecognitionViews(trx, { id: before.id })).map(toRecognition);
    await audit({ entity: 'recognition', entityId: String(before.id), action: 'revoke', before, after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Status

/** `status`: titles whose ballot closed with people passed, and no decision yet. */
export const awaitingRecognition: SectionBuilder = async (trx, today) => {
  const items: Record<string, string | number>[] = [];
  for (const b of await listBallotRows(trx, { status: 'closed' })) {
    if (b.held_on > today) continue;
    if (items.some((i) => i.award === b.award && i.year === b.year)) continue;
    // A count is enough here: eligibility is not needed to say a decision is due.
    const passed = await listNominationViews(trx, { year: b.year, award: b.award, statuses: ['passed'] });
    if (passed.length === 0) continue;
    items.push({ award: b.award, year: b.year, ballot: b.id, count: passed.length, heldOn: b.held_on });
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

/**
 * Recognition (công nhận): the principal's decision for everyone who passed a closed ballot, numbered in
 * the register, with each bonus computed from the rules in force on the decision's date and stored as
 * paid; the initiative council's recognitions get their decision too. A title the principal does not
 * decide (the rule `authority.<TITLE>` of the decision's date) is refused: it goes into the proposal to
 * the province, whose decision the clerk records (services/recorded.ts). Revoking keeps the record.
 * The decisions are their own steps (recognise.ts, recognise-initiatives.ts); this file keeps the
 * model, the money, the list, revocation and the status section.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { parseIsoDate, parseRecordId, parseRequiredText, parseYearField, valueOrThrow } from '../domain/fields.js';
import { amountInWords, computeBonus, isRounding, type Rounding } from '../domain/money.js';
import { fold, normaliseCode } from '../domain/names.js';
import { coefficientKey } from '../domain/titles.js';
import type { DocIdentity } from '../domain/documents.js';
import { deputyPosition, type Signer } from '../reports/docs/decision.js';
import { revokeDocumentRow } from '../db/repos/documents.js';
import { signaturesOf } from '../db/repos/signatures.js';
import { ruleAt } from '../db/repos/reference.js';
import { listRecognitionViews, revokeRecognitionRow, type RecognitionView } from '../db/repos/recognitions.js';
import { transact, type Audit, type Tx } from './database.js';
import { moveNomination } from './nominations.js';
import { requireTitle } from './reference.js';
import { requirePerson } from './subjects.js';
import { authorityOf, decidedAbove } from './authority.js';
import type { SectionBuilder } from './section.js';
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

export function yearOrThrow(raw: string | number | undefined): number {
  return valueOrThrow(parseYearField('year', raw));
}

export function decisionDate(ctx: ServiceContext, raw: string | undefined): string {
  const today = ctx.clock.today();
  const date = raw === undefined ? today : valueOrThrow(parseIsoDate('decisionDate', raw, { required: true }))!;
  if (date > today) throw new ValidationError('recognise.futureDate', { date, today });
  return date;
}

/** Who signs: the head (default), or a deputy given by their code, signing "KT." with their position. */
export async function signerOf(trx: Tx, identity: DocIdentity, raw: string | undefined): Promise<Signer> {
  if (raw === undefined || raw.trim() === '') return { deputy: false, position: identity.headTitle, name: identity.headName };
  const person = await requirePerson(trx, normaliseCode(raw));
  if (!person.active) throw new WorkflowError('recognise.signerLeft', { code: person.code, name: person.name });
  if (fold(person.name) === fold(identity.headName)) return { deputy: false, position: identity.headTitle, name: person.name };
  return { deputy: true, position: person.position ?? deputyPosition(identity.headTitle), name: person.name };
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

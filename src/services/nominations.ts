/**
 * Nominations (đề nghị) and their appraisal (thẩm định): a unit, or the person themself, proposes a
 * registered candidate for a title; every criterion is checked (data decides what it can; the unit
 * attests the rest); the emulation council accepts the dossier or returns it to be completed.
 * Eligibility is never stored: it is computed from the data each time (nomination-eligibility.ts).
 * The steps have their files (nominate.ts, nomination-appraisal.ts, nomination-list.ts); this one keeps
 * the model, its loading and input helpers, and the status section.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, type Detail } from '../domain/errors.js';
import { attestationProblems, parseAttestations, type Attestation, type CriterionResult } from '../domain/eligibility.js';
import { FieldCollector, parseRecordId, valueOrThrow } from '../domain/fields.js';
import { compareNames, compareText } from '../domain/names.js';
import { daysBetween } from '../domain/progress.js';
import { formatVnDate } from '../domain/dates.js';
import type { NominationStatus } from '../db/schema.js';
import { attestationsOf, getNominationView, listNominationViews, saveJudgement, updateNomination, certificateOfNomination, type NominationView } from '../db/repos/nominations.js';
import { transact, type Audit, type Tx } from './database.js';
import { toIssued } from './documents.js';
import type { SectionBuilder } from './section.js';
import { criteriaOf, toAttestation, judge } from './nomination-eligibility.js';

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
export function auditRecord(n: Nomination) {
  const { eligible: _e, criteria: _c, ...record } = n;
  return record;
}

/** The nomination as it stands, with its eligibility computed from today's data. */
export async function load(trx: Tx, id: number): Promise<Nomination> {
  const v = await getNominationView(trx, id);
  if (!v) throw new NotFoundError('nominate.notFound', { id });
  return present(trx, v);
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

/** Attestations typed with --criterion, checked against the criteria of this nomination (exit 3 with every problem). */
export async function attestationsFor(
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

export function throwIfProblems(c: FieldCollector): void {
  if (c.problems.length > 0) throw new ValidationError('nominate.invalid', {}, c.problems);
}

/** Records attestations for a nomination, as of today. */
export function attestationRows(id: number, attestations: Attestation[], today: string) {
  return attestations.map((a) => ({ nomination_id: id, code: a.code, status: a.status, evidence: a.evidence, attested_on: today }));
}

/** The certificate already printed for the recognition this nomination led to (its number), if any. */
export async function certificateOf(trx: Tx, id: number): Promise<string | null> {
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
export function nowDetail(n: { status: NominationStatus; status_on: string; status_reason: string | null }): Detail {
  return { key: `nomination.now.${n.status}`, params: { date: formatVnDate(n.status_on), reason: n.status_reason ?? '' } };
}

export async function change(
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

/**
 * Recognitions: what the principal's decisions granted, with the bonus as paid (never recomputed), and
 * the decisions taken above the school that the clerk recorded (no decision of the school's register,
 * no money from the school).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { RecognitionsTable } from '../schema.js';
import { docSymbol, type DocKind } from '../../domain/documents.js';
import type { HeaderStyle } from '../../domain/org.js';

export type RecognitionRow = Selectable<RecognitionsTable>;

/** A recognition with what lists show: the subject's name and unit, the decision's number and date. */
export interface RecognitionView extends RecognitionRow {
  subject_kind: 'person' | 'unit';
  subject_name: string;
  unit_code: string | null;
  unit_name: string | null;
  /** The school's decision's number in the register; null for a recorded decision. */
  decision_number: number | null;
  decision_kind: string | null;
  /** The decision as printed: `01/QĐ-TCT`, or a recorded one's number as typed (`512/QĐ-UBND`). */
  decision_payload_symbol: string;
  award_name: string | null;
}

/** The joins every listing of recognitions reads through (subject, decision, profile, title). */
function viewJoins(trx: Tx) {
  return trx
    .selectFrom('recognitions as r')
    .innerJoin('subjects as s', 's.code', 'r.subject_code')
    .leftJoin('documents as d', 'd.id', 'r.decision_id')
    .leftJoin('people as p', 'p.code', 'r.subject_code')
    .leftJoin('units as pu', 'pu.code', 'p.unit_code')
    .leftJoin('units as su', 'su.code', 'r.subject_code')
    .leftJoin('titles as t', 't.code', 'r.award')
    // The decision's number is printed in the style and with the symbol of the profile of its date
    // (profiles are never edited, only added): read from there, not parsed out of the frozen model.
    .leftJoin('org_profiles as o', 'o.valid_from', 'd.profile_valid_from');
}

const VIEW_COLUMNS = [
  's.kind as subject_kind', 'p.name as person_name', 'su.name as self_unit_name', 'pu.code as person_unit', 'pu.name as person_unit_name',
  'd.number as decision_number', 'd.kind as decision_kind', 't.name as award_name', 'o.style as doc_style', 'o.symbol as doc_symbol',
] as const;

function viewQuery(trx: Tx) {
  return viewJoins(trx).selectAll('r').select(VIEW_COLUMNS);
}

/** What the joined columns say: the subject's name and unit, the decision as printed. */
interface Joined {
  subject_code: string;
  subject_kind: 'person' | 'unit';
  person_name: string | null;
  self_unit_name: string | null;
  person_unit: string | null;
  person_unit_name: string | null;
  decision_number: number | null;
  decision_kind: string | null;
  doc_style: HeaderStyle | null;
  doc_symbol: string | null;
  recorded_number: string | null;
}

function joined(r: Joined) {
  const person = r.subject_kind === 'person';
  return {
    subject_name: (person ? r.person_name : r.self_unit_name) ?? '',
    unit_code: person ? r.person_unit : r.subject_code,
    unit_name: person ? r.person_unit_name : r.self_unit_name,
    decision_payload_symbol:
      r.decision_number === null || r.doc_style === null || r.doc_symbol === null
        ? (r.recorded_number ?? '')
        : docSymbol(r.doc_style, r.decision_number, r.decision_kind as DocKind, r.doc_symbol),
  };
}

type Raw = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

function toView(r: Raw): RecognitionView {
  const { person_name, self_unit_name, person_unit, person_unit_name, doc_style, doc_symbol, ...rest } = r;
  return { ...rest, ...joined(r) };
}

/** A recognition as the reports show it: only the columns they read (the report lists thousands). */
export type ReportRecognition = Pick<
  RecognitionView,
  'id' | 'year' | 'subject_code' | 'subject_kind' | 'subject_name' | 'unit_code' | 'unit_name' | 'award' | 'award_name' | 'decision_id' |
  'decision_payload_symbol' | 'decided_on' | 'bonus' | 'succession' | 'initiative_code'
>;

/**
 * The recognitions in force of a year (`year`) or decided in a span of days (`from`–`to`), or of
 * either when both are given (one read for a year's report and its quarterly lists), by id.
 */
export async function reportRecognitions(trx: Tx, f: { year?: number; from?: string; to?: string }): Promise<ReportRecognition[]> {
  const span = f.from !== undefined && f.to !== undefined ? { from: f.from, to: f.to } : null;
  if (!span && f.year === undefined) return [];
  const rows = await viewJoins(trx)
    .select(['r.id', 'r.year', 'r.subject_code', 'r.award', 'r.decision_id', 'r.decided_on', 'r.bonus', 'r.succession', 'r.initiative_code', 'r.recorded_number', ...VIEW_COLUMNS])
    .where('r.status', '=', 'active')
    .where((eb) => {
      const within = span ? [eb.and([eb('r.decided_on', '>=', span.from), eb('r.decided_on', '<=', span.to)])] : [];
      return eb.or([...(f.year !== undefined ? [eb('r.year', '=', f.year)] : []), ...within]);
    })
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, year: r.year, subject_code: r.subject_code, subject_kind: r.subject_kind, award: r.award, award_name: r.award_name, decision_id: r.decision_id,
    decided_on: r.decided_on, bonus: r.bonus, succession: r.succession, initiative_code: r.initiative_code, ...joined(r),
  }));
}

export interface RecognitionFilter {
  year?: number;
  subject?: string;
  /** Any of these subjects. */
  subjects?: string[];
  award?: string;
  decisionId?: number;
  /** Only decisions taken above the school and recorded (no decision of the school's register). */
  recorded?: boolean;
  id?: number;
  /** Only those in force (not revoked). */
  active?: boolean;
  /** Decided on or after this day. */
  from?: string;
  /** Decided on or before this day. */
  to?: string;
}

export async function listRecognitionViews(trx: Tx, f: RecognitionFilter): Promise<RecognitionView[]> {
  let q = viewQuery(trx);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.subject) q = q.where('r.subject_code', '=', f.subject);
  if (f.subjects) {
    if (f.subjects.length === 0) return [];
    q = q.where('r.subject_code', 'in', f.subjects);
  }
  if (f.recorded) q = q.where('r.decision_id', 'is', null);
  if (f.active) q = q.where('r.status', '=', 'active');
  if (f.award) q = q.where('r.award', '=', f.award);
  if (f.decisionId !== undefined) q = q.where('r.decision_id', '=', f.decisionId);
  if (f.id !== undefined) q = q.where('r.id', '=', f.id);
  if (f.from !== undefined) q = q.where('r.decided_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('r.decided_on', '<=', f.to);
  return (await q.orderBy('r.id').execute()).map(toView);
}

export async function insertRecognition(trx: Tx, row: Insertable<RecognitionsTable>): Promise<number> {
  return (await trx.insertInto('recognitions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function revokeRecognitionRow(trx: Tx, id: number, on: string, reason: string): Promise<void> {
  await trx.updateTable('recognitions').set({ status: 'revoked', revoked_on: on, revoked_reason: reason }).where('id', '=', id).execute();
}

/** Initiatives the initiative council recognised in a year, with no decision of the principal yet. */
export async function initiativesAwaitingDecision(trx: Tx, year: number) {
  return trx
    .selectFrom('initiative_decisions as d')
    .innerJoin('initiatives as i', 'i.code', 'd.initiative_code')
    .innerJoin('units as u', 'u.code', 'i.unit_code')
    .select(['i.code', 'i.title', 'i.kind', 'i.year', 'u.name as unit_name', 'd.decided_on'])
    .where('d.decision', '=', 'recognised')
    .where((eb) => eb(eb.fn('substr', ['d.decided_on', eb.val(1), eb.val(4)]), '=', String(year)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('recognitions as r').select('r.id').whereRef('r.initiative_code', '=', 'i.code'))))
    .orderBy('i.code')
    .execute();
}

export function authorsOf(trx: Tx, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('initiative_authors as a')
    .innerJoin('people as p', 'p.code', 'a.person_code')
    .select(['a.initiative_code', 'a.person_code', 'a.share', 'a.sort', 'p.name'])
    .where('a.initiative_code', 'in', codes)
    .orderBy('a.initiative_code')
    .orderBy('a.sort')
    .execute();
}

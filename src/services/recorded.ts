/**
 * `recognise record`: a decision taken above the school (the province's, on the school's Tờ trình),
 * recorded as the clerk reads it (number, date, issuer), so that award history, eligibility and reports
 * see the title. It is not in the school's register and the school pays no money and prints no
 * certificate for it. One decision may name several subjects; each gets a recognition, linked to the
 * nomination the council passed when there is one (which then reads "recognised").
 *
 * Correcting: `--corrects ID` revokes the recorded recognition ID (a wrong number, date or issuer) and
 * records the right one in the same transaction; `recognise revoke ID` takes one back. Either way the
 * old row stays, revoked, with its reason, and the audit trail keeps both.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parsePastDate, parseRecordId, parseRequiredText, parseYearField, type Parsed } from '../domain/fields.js';
import { normaliseCode } from '../domain/names.js';
import { formatVnDate } from '../domain/dates.js';
import { listNominationViews } from '../db/repos/nominations.js';
import { ballotsOfNomination, getBallot } from '../db/repos/ballots.js';
import { insertRecognition, listRecognitionViews } from '../db/repos/recognitions.js';
import { transact, type Tx } from './database.js';
import { authorityOf, decidedAbove } from './authority.js';
import { moveNomination } from './nominations.js';
import { requireTitle, requireTitleFits } from './reference.js';
import { requireSubject } from './subjects.js';
import { revokeIn, toRecognition, type Recognition } from './recognitions.js';
import type { SectionBuilder } from './section.js';
import { passedNominations } from '../db/repos/status.js';

export interface RecordInput {
  award?: string;
  subjects?: string[];
  number?: string;
  date?: string;
  issuer?: string;
  /** The title's year; by default the year of the subject's nomination the council passed, awaiting a decision. */
  year?: string | number;
  /** A recorded recognition this one replaces (entered wrongly). */
  corrects?: string | number;
}

export interface Recorded {
  number: string;
  date: string;
  issuer: string;
  award: string;
  awardName: string;
  year: number;
  recognitions: Recognition[];
  /** The recognition this one replaced (now revoked), with `--corrects`. */
  corrected: Recognition | null;
}

const NUMBER = /^[\p{L}\p{N}]+(?:[/.\-–][\p{L}\p{N}]+)+$/u;

/** A decision's number as printed on it: "512/QĐ-UBND" (a leading "Số:" is dropped). */
export function parseDecisionNumber(field: string, raw: string | undefined): Parsed<string> {
  const p = parseRequiredText(field, raw, 60);
  if (!p.ok) return p;
  const v = p.value.replace(/^(quyết định\s+)?số:?\s*/iu, '').replace(/\s*([/-])\s*/g, '$1');
  if (!NUMBER.test(v) || !/\p{N}/u.test(v)) return { ok: false, problem: { key: 'record.badNumber', params: { field, value: p.value } } };
  return { ok: true, value: v };
}

/** The day the council's ballot passed a nomination (its last closed ballot); null when it was not voted here. */
async function votedOn(trx: Tx, nomination: number): Promise<string | null> {
  let day: string | null = null;
  for (const id of await ballotsOfNomination(trx, nomination)) {
    const b = await getBallot(trx, id);
    if (b?.status === 'closed' && (day === null || b.held_on > day)) day = b.held_on;
  }
  return day;
}

export async function recordDecision(ctx: ServiceContext, input: RecordInput): Promise<Recorded> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const number = c.take(parseDecisionNumber('recordNumber', input.number));
  const issuer = c.take(parseRequiredText('recordIssuer', input.issuer, 300));
  const date = c.take(parsePastDate('decisionDate', input.date, today));
  const typedYear = input.year === undefined || String(input.year).trim() === '' ? null : c.take(parseYearField('year', input.year));
  const corrects = input.corrects === undefined ? null : c.take(parseRecordId('recognise.badId', input.corrects));
  const codes = [...new Set((input.subjects ?? []).map((s) => normaliseCode(s)).filter(Boolean))];
  if (c.problems.length > 0) throw new ValidationError('record.invalid', {}, c.problems);
  if (typedYear !== null && typedYear > Number(date.slice(0, 4))) throw new ValidationError('record.yearAfterDate', { year: typedYear, date: formatVnDate(date) });
  return transact(ctx, async (trx, audit) => {
    // What a correction replaces: a recorded decision still in force.
    let old: Recognition | null = null;
    if (corrects !== null) {
      const [v] = await listRecognitionViews(trx, { id: corrects });
      if (!v) throw new NotFoundError('recognise.notFound', { id: corrects });
      old = toRecognition(v);
      if (old.decisionId !== null) throw new WorkflowError('record.correctsOwn', { id: old.id, decision: old.decision });
    }
    const title = await requireTitle(trx, input.award ?? old?.award ?? '');
    if (old && codes.length === 0) codes.push(old.subject);
    if (codes.length === 0) throw new ValidationError('record.invalid', {}, [{ key: 'invalid.required', params: { field: 'subject' } }]);
    if (old && (codes.length > 1 || codes[0] !== old.subject || title.code !== old.award)) {
      throw new WorkflowError('record.correctsOther', { id: old.id, code: old.subject, award: old.award, newCode: codes.join(', '), newAward: title.code });
    }
    const who = await authorityOf(trx, title, date);
    if (who.level === 'school') {
      throw new WorkflowError('record.schoolDecides', { award: title.code, awardName: title.name, decider: who.decider, source: who.source, date: formatVnDate(date) });
    }
    let corrected: Recognition | null = null;
    if (old) corrected = await revokeIn(trx, audit, old.id, `Sửa thông tin quyết định: thay bằng Quyết định số ${number} ngày ${formatVnDate(date)} của ${issuer}`, today);
    const voted = await listNominationViews(trx, { award: title.code, statuses: ['passed', 'recognised'] });
    const ids: number[] = [];
    let year = typedYear;
    for (const code of codes) {
      const subject = await requireSubject(trx, code);
      requireTitleFits(title, subject);
      // The nomination this decision answers: the one the council passed, awaiting a decision.
      const mine = voted.filter((n) => n.subject_code === subject.code && (typedYear === null || n.year === typedYear));
      const waiting = mine.filter((n) => n.status === 'passed');
      let y = typedYear;
      if (y === null && waiting.length === 1) y = waiting[0].year;
      // Decided already (recorded before): the duplicate check below says so.
      else if (y === null && waiting.length === 0 && mine.length > 0) y = Math.max(...mine.map((n) => n.year));
      else if (y === null) {
        const key = waiting.length === 0 ? 'record.yearNeeded' : 'record.yearAmbiguous';
        throw new ValidationError(key, { code: subject.code, name: subject.name, award: title.code, years: waiting.map((n) => n.year).join(', ') });
      }
      const nomination = waiting.find((n) => n.year === y) ?? null;
      if (y > Number(date.slice(0, 4))) throw new ValidationError('record.yearAfterDate', { year: y, date: formatVnDate(date) });
      year ??= y;
      if (y !== year) throw new ValidationError('record.yearsDiffer', { years: `${year}, ${y}` });
      const heldOn = nomination && (await votedOn(trx, nomination.id));
      if (nomination && heldOn && heldOn > date) throw new ValidationError('record.beforeBallot', { date: formatVnDate(date), heldOn: formatVnDate(heldOn), id: nomination.id });
      const held = (await listRecognitionViews(trx, { subject: subject.code, award: title.code, year: y })).find((r) => r.status === 'active');
      if (held) {
        throw new WorkflowError('record.duplicate', {
          code: subject.code, name: subject.name, award: title.code, year: y, decision: held.decision_payload_symbol, date: formatVnDate(held.decided_on), id: held.id,
        });
      }
      ids.push(await insertRecognition(trx, {
        year: y, subject_code: subject.code, award: title.code, nomination_id: nomination?.id ?? null, initiative_code: null, decision_id: null, decided_on: date,
        base_salary: 0, coefficient: '0', bonus: 0, rounding: 'none:1', share: null, succession: 0, status: 'active', revoked_on: null, revoked_reason: null,
        created_at: ctx.clock.now(), recorded_number: number, recorded_issuer: issuer,
      }));
      if (nomination) await moveNomination(trx, audit, nomination.id, 'recognised', date, `decision ${number} (${issuer})`);
    }
    const recognitions: Recognition[] = [];
    for (const id of ids) {
      const [r] = (await listRecognitionViews(trx, { id })).map(toRecognition);
      await audit({ entity: 'recognition', entityId: String(id), action: 'record', before: corrected, after: r });
      recognitions.push(r);
    }
    return { number, date, issuer, award: title.code, awardName: title.name, year: year!, recognitions, corrected };
  });
}

/** `status`: nominations the council passed for a title decided above the school, with no decision recorded yet. */
export const awaitingProvince: SectionBuilder = async (trx, today) => {
  const items: Record<string, string | number>[] = [];
  // One query for the nominations and the day each was voted on; the authority rule once per title.
  const above = new Map<string, boolean>();
  for (const n of await passedNominations(trx, today)) {
    if (!above.has(n.award)) above.set(n.award, await decidedAbove(trx, n.award, today));
    if (!above.get(n.award)) continue;
    items.push({ award: n.award, year: n.year, code: n.subject, name: n.name, passedOn: n.votedOn ?? n.statusOn });
  }
  if (items.length === 0) return null;
  return {
    key: 'awaitingProvince',
    columns: [
      { field: 'award', header: 'col.award' },
      { field: 'year', header: 'nominate.col.year' },
      { field: 'code', header: 'col.code' },
      { field: 'name', header: 'col.name' },
      { field: 'passedOn', header: 'status.col.passedOn', kind: 'date' },
    ],
    items,
  };
};

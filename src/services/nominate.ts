/** `nominate create`: a unit (or a person) proposes someone registered for a title, with the criteria it attests. */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseCode, parseRequiredText, parseText } from '../domain/fields.js';
import { fold } from '../domain/names.js';
import { parseYear } from '../domain/periods.js';
import type { TitleRow } from '../db/repos/reference.js';
import { findRegistration } from '../db/repos/registrations.js';
import { findLiveNomination, insertNomination, saveAttestations } from '../db/repos/nominations.js';
import { transact, type Tx } from './database.js';
import { requireTitle } from './reference.js';
import { requireSubject, requireUnit, type Subject } from './subjects.js';
import { type Nomination, auditRecord, load, attestationsFor, throwIfProblems, attestationRows, nowDetail } from './nominations.js';

const SELF = new Set(['self', 'ban than', 'tu de nghi', 'ca nhan', 'chinh minh']);

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

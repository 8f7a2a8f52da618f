/** Lookups shared by every service that names a unit or a person by code. */
import { NotFoundError, WorkflowError } from '../domain/errors.js';
import { parseCode, valueOrThrow } from '../domain/fields.js';
import { getPerson, getUnit, subjectKind, type PersonWithUnit, type UnitRow } from '../db/repos/subjects.js';
import type { Tx } from './database.js';

export function codeOrThrow(field: string, raw: string | undefined): string {
  return valueOrThrow(parseCode(field, raw));
}

export async function requireUnit(trx: Tx, code: string, opts: { active?: boolean } = {}): Promise<UnitRow> {
  const unit = await getUnit(trx, code);
  if (!unit) {
    const kind = await subjectKind(trx, code);
    throw new NotFoundError(kind === 'person' ? 'unit.isPerson' : 'unit.notFound', { code });
  }
  if (opts.active && !unit.active) throw new WorkflowError('unit.retired', { code, name: unit.name });
  return unit;
}

export async function requirePerson(trx: Tx, code: string): Promise<PersonWithUnit> {
  const person = await getPerson(trx, code);
  if (!person) {
    const kind = await subjectKind(trx, code);
    throw new NotFoundError(kind === 'unit' ? 'person.isUnit' : 'person.notFound', { code });
  }
  return person;
}

/** A code not yet used by any unit or person. */
export async function requireFreeCode(trx: Tx, code: string): Promise<void> {
  const kind = await subjectKind(trx, code);
  if (kind) throw new WorkflowError(kind === 'unit' ? 'code.takenByUnit' : 'code.takenByPerson', { code });
}

export interface Subject {
  code: string;
  kind: 'person' | 'unit';
  name: string;
  /** The unit a person belongs to; a unit's own code. */
  unit: string;
  unitName: string;
  active: boolean;
  /** leader/staff for people; null for units. */
  category: 'leader' | 'staff' | null;
}

/** A person or a unit, by its code (codes are unique across both). */
export async function requireSubject(trx: Tx, code: string): Promise<Subject> {
  const kind = await subjectKind(trx, code);
  if (kind === 'person') {
    const p = await requirePerson(trx, code);
    return { code, kind, name: p.name, unit: p.unit_code, unitName: p.unit_name, active: p.active === 1, category: p.category };
  }
  if (kind === 'unit') {
    const u = await requireUnit(trx, code);
    return { code, kind, name: u.name, unit: u.code, unitName: u.name, active: u.active === 1, category: null };
  }
  throw new NotFoundError('subject.notFound', { code });
}

/** Lookups shared by every service that names a unit or a person by code. */
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { parseCode } from '../domain/fields.js';
import { getPerson, getUnit, subjectKind, type PersonWithUnit, type UnitRow } from '../db/repos/subjects.js';
import type { Tx } from './database.js';

export function codeOrThrow(field: string, raw: string | undefined): string {
  const p = parseCode(field, raw);
  if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
  return p.value;
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

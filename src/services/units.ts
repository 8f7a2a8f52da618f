import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { FieldCollector, parseChoice, parseName } from '../domain/fields.js';
import { compareText } from '../domain/names.js';
import { UNIT_KIND_ALIASES, UNIT_KINDS_ALLOWED, type UnitKind } from '../domain/units.js';
import { countMembers, insertUnit, listUnits as listUnitRows, updateUnit, type UnitRow } from '../db/repos/subjects.js';
import { transact } from './database.js';
import { codeOrThrow, requireFreeCode, requireUnit } from './subjects.js';

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  active: boolean;
  retiredOn: string | null;
  members: number;
}

function toUnit(r: UnitRow, members = 0): Unit {
  return { code: r.code, name: r.name, kind: r.kind, active: r.active === 1, retiredOn: r.retired_on, members };
}

export interface UnitInput {
  name?: string;
  kind?: string;
}

function parseUnitFields(input: UnitInput, whole: boolean): { name?: string; kind?: UnitKind } {
  const c = new FieldCollector();
  const out: { name?: string; kind?: UnitKind } = {};
  if (whole || input.name !== undefined) out.name = c.take(parseName('name', input.name, 150));
  if (whole || input.kind !== undefined) out.kind = c.take(parseChoice('kind', input.kind, UNIT_KIND_ALIASES, UNIT_KINDS_ALLOWED));
  if (c.problems.length > 0) throw new ValidationError('unit.invalid', {}, c.problems);
  return out;
}

export async function addUnit(ctx: ServiceContext, rawCode: string, input: UnitInput): Promise<Unit> {
  const code = codeOrThrow('code', rawCode);
  const { name, kind } = parseUnitFields(input, true);
  return transact(ctx, async (trx, audit) => {
    await requireFreeCode(trx, code);
    const row = { code, name: name!, kind: kind!, active: 1, retired_on: null, created_at: ctx.clock.now() };
    await insertUnit(trx, row);
    const unit = toUnit(row);
    await audit({ entity: 'unit', entityId: code, action: 'create', after: unit });
    return unit;
  });
}

/** Units in Vietnamese order of their names; retired ones only when asked. */
export async function listUnits(ctx: ServiceContext, opts: { all?: boolean } = {}): Promise<Unit[]> {
  return transact(ctx, async (trx) => {
    const counts = await countMembers(trx);
    return (await listUnitRows(trx))
      .filter((u) => opts.all || u.active === 1)
      .map((u) => toUnit(u, counts.get(u.code)?.active ?? 0))
      .sort((a, b) => compareText(a.name, b.name));
  });
}

export async function editUnit(ctx: ServiceContext, rawCode: string, input: UnitInput & { active?: boolean }): Promise<Unit> {
  const code = codeOrThrow('code', rawCode);
  const fields = parseUnitFields(input, false);
  if (fields.name === undefined && fields.kind === undefined && input.active === undefined) {
    throw new ValidationError('edit.nothing');
  }
  return transact(ctx, async (trx, audit) => {
    const before = await requireUnit(trx, code);
    const changes: Partial<UnitRow> = { ...fields };
    if (input.active === true && !before.active) Object.assign(changes, { active: 1, retired_on: null });
    if (input.active === false && before.active) Object.assign(changes, { active: 0, retired_on: ctx.clock.today() });
    const after = { ...before, ...changes };
    // Nothing differs (--active on an active unit, the same name again): nothing to write or audit.
    if (JSON.stringify(toUnit(after)) === JSON.stringify(toUnit(before))) return toUnit(before);
    await updateUnit(trx, code, changes);
    await audit({ entity: 'unit', entityId: code, action: 'update', before: toUnit(before), after: toUnit(after) });
    return toUnit(after);
  });
}

/** A retired unit keeps its history but takes no new members; its active members must move first. */
export async function retireUnit(ctx: ServiceContext, rawCode: string): Promise<Unit> {
  const code = codeOrThrow('code', rawCode);
  return transact(ctx, async (trx, audit) => {
    const before = await requireUnit(trx, code);
    if (!before.active) throw new WorkflowError('unit.alreadyRetired', { code, date: before.retired_on ?? '' });
    const members = (await countMembers(trx)).get(code)?.active ?? 0;
    if (members > 0) throw new WorkflowError('unit.hasMembers', { code, count: members });
    const changes = { active: 0, retired_on: ctx.clock.today() };
    await updateUnit(trx, code, changes);
    const after = toUnit({ ...before, ...changes });
    await audit({ entity: 'unit', entityId: code, action: 'retire', before: toUnit(before), after });
    return after;
  });
}

import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { matchesSearch, sortByName } from '../domain/names.js';
import { parsePerson, parsePersonChanges, type Category, type PersonFields, type PersonInput } from '../domain/people.js';
import { parseChoice } from '../domain/fields.js';
import { CATEGORY_ALIASES } from '../domain/people.js';
import { insertPerson, listPeople as listPeopleRows, updatePerson, type PersonRow, type PersonWithUnit } from '../db/repos/subjects.js';
import { listAudit } from '../db/repos/audit.js';
import { personRecord } from '../db/repos/person-record.js';
import type { Recognition } from './recognitions.js';
import { transact, type Tx } from './database.js';
import { codeOrThrow, requireFreeCode, requirePerson, requireUnit } from './subjects.js';

/** A person as `person list --json` prints it (CLI.md), plus the details `person show` adds. */
export interface Person {
  code: string;
  name: string;
  unit: string;
  unitName: string;
  category: Category;
  position: string | null;
  partyMember: boolean;
  gender: 'nam' | 'nữ' | null;
  born: string | null;
  active: boolean;
}

export function toPerson(r: PersonWithUnit): Person {
  return {
    code: r.code,
    name: r.name,
    unit: r.unit_code,
    unitName: r.unit_name,
    category: r.category,
    position: r.position,
    partyMember: r.party_member === 1,
    gender: r.gender,
    born: r.born,
    active: r.active === 1,
  };
}

export function toRow(p: PersonFields, createdAt: string): PersonRow {
  return {
    code: p.code,
    name: p.name,
    unit_code: p.unit,
    category: p.category,
    position: p.position,
    party_member: p.partyMember ? 1 : 0,
    gender: p.gender,
    born: p.born,
    active: 1,
    created_at: createdAt,
  };
}

/** The stored columns a change touches. */
function changedColumns(p: Partial<PersonFields>): Partial<PersonRow> {
  const out: Partial<PersonRow> = {};
  if (p.name !== undefined) out.name = p.name;
  if (p.unit !== undefined) out.unit_code = p.unit;
  if (p.category !== undefined) out.category = p.category;
  if (p.position !== undefined) out.position = p.position;
  if (p.partyMember !== undefined) out.party_member = p.partyMember ? 1 : 0;
  if (p.gender !== undefined) out.gender = p.gender;
  if (p.born !== undefined) out.born = p.born;
  return out;
}

/** Refuses a code already used by a person or a unit before anyone is asked the other questions. */
export async function assertNewPersonCode(ctx: ServiceContext, rawCode: string): Promise<void> {
  const code = codeOrThrow('code', rawCode);
  await transact(ctx, (trx) => requireFreeCode(trx, code));
}

export async function addPerson(ctx: ServiceContext, input: PersonInput): Promise<Person> {
  const { value, problems } = parsePerson(input, ctx.clock.today());
  if (problems.length > 0) throw new ValidationError('person.invalid', { code: input.code ?? '' }, problems);
  return transact(ctx, async (trx, audit) => {
    await requireFreeCode(trx, value.code);
    await requireUnit(trx, value.unit, { active: true });
    await insertPerson(trx, toRow(value, ctx.clock.now()));
    const person = toPerson((await requirePerson(trx, value.code)));
    await audit({ entity: 'person', entityId: value.code, action: 'create', after: person });
    return person;
  });
}

export interface PeopleFilter {
  unit?: string;
  category?: string;
  search?: string;
  /** Include people who have left (inactive). */
  all?: boolean;
}

/** People sorted the Vietnamese way: by given name, then full name. */
export async function listPeople(ctx: ServiceContext, filter: PeopleFilter = {}): Promise<Person[]> {
  const unit = filter.unit ? codeOrThrow('unit', filter.unit) : undefined;
  let category: Category | undefined;
  if (filter.category) {
    const p = parseChoice('category', filter.category, CATEGORY_ALIASES, 'leader, staff');
    if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
    category = p.value;
  }
  return transact(ctx, async (trx) => {
    if (unit) await requireUnit(trx, unit);
    const rows = await listPeopleRows(trx, { unit, category });
    const people = rows
      .map(toPerson)
      .filter((p) => filter.all || p.active)
      .filter((p) => !filter.search || matchesSearch(`${p.name} ${p.code}`, filter.search));
    return sortByName(people, (p) => p.name);
  });
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  command: string;
}

export type PersonRecord = Awaited<ReturnType<typeof personRecord>>;

export interface PersonView extends PersonRecord {
  person: Person;
  /** Every recognition, all years, with its decision and bonus (revoked ones marked). */
  recognitions: Recognition[];
  history: HistoryEntry[];
}

async function historyOf(trx: Tx, entity: string, code: string): Promise<HistoryEntry[]> {
  const rows = await listAudit(trx, { entity, entityId: code });
  return rows.reverse().map((r) => ({ at: r.at, actor: r.actor, action: r.action, entity: r.entity, command: r.command }));
}

/** Everything about a person, all years. */
export async function showPerson(ctx: ServiceContext, rawCode: string): Promise<PersonView> {
  const code = codeOrThrow('code', rawCode);
  return transact(ctx, async (trx) => {
    const person = toPerson(await requirePerson(trx, code));
    // A person's record alone needs the decisions (and what they import): a listing does not load them.
    const { recognitionsOf } = await import('./recognitions.js');
    return { person, ...(await personRecord(trx, code)), recognitions: await recognitionsOf(trx, code), history: await historyOf(trx, 'person', code) };
  });
}

export async function editPerson(ctx: ServiceContext, rawCode: string, input: PersonInput & { active?: boolean }): Promise<Person> {
  const code = codeOrThrow('code', rawCode);
  const { active, ...fields } = input;
  const { value, problems } = parsePersonChanges(fields, ctx.clock.today());
  if (problems.length > 0) throw new ValidationError('person.invalid', { code }, problems);
  const changes = changedColumns(value);
  if (active !== undefined) changes.active = active ? 1 : 0;
  if (Object.keys(changes).length === 0) throw new ValidationError('edit.nothing');
  return transact(ctx, async (trx, audit) => {
    const before = toPerson(await requirePerson(trx, code));
    if (value.unit !== undefined && value.unit !== before.unit) await requireUnit(trx, value.unit, { active: true });
    if (active === true && !before.active) {
      const unit = await requireUnit(trx, value.unit ?? before.unit);
      if (!unit.active) throw new WorkflowError('unit.retired', { code: unit.code, name: unit.name });
    }
    await updatePerson(trx, code, changes);
    const after = toPerson(await requirePerson(trx, code));
    // The same values again: nothing changed, nothing to audit (the update above wrote them as they were).
    if (JSON.stringify(after) !== JSON.stringify(before)) await audit({ entity: 'person', entityId: code, action: 'update', before, after });
    return after;
  });
}

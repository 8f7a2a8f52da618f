/** The councils (emulation, initiative): the roll of each for a year, who sits on it and in which role. */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError, type Detail } from '../domain/errors.js';
import { FieldCollector, parseChoice } from '../domain/fields.js';
import { parseYear } from '../domain/periods.js';
import { parseRegistrationYear } from '../domain/registrations.js';
import {
  COUNCIL_KIND_ALIASES, COUNCIL_KINDS, COUNCIL_KINDS_ALLOWED, orderRoll, parseRoll, sameRoll,
  type CouncilKind, type CouncilRole, type RollInput,
} from '../domain/review.js';
import {
  councilMemberRows, countScoresOfYear, getCouncil, insertCouncil, listCouncilRows, replaceCouncilMembers, type CouncilRow,
} from '../db/repos/councils.js';
import { listBallotRows } from '../db/repos/ballots.js';
import { transact, type Tx } from './database.js';
import { requirePerson } from './subjects.js';

export interface CouncilMember {
  code: string;
  name: string;
  role: CouncilRole;
  /** False once the person has left the school. */
  active: boolean;
}

export interface Council {
  id: number;
  kind: CouncilKind;
  year: number;
  /** Chair, vices, members (Vietnamese name order), secretary. */
  members: CouncilMember[];
}

export interface CouncilInput extends RollInput {
  kind?: string;
  year?: string | number;
}

export interface CouncilSet {
  council: Council;
  /** The roll it replaced; null for a new council. */
  before: Council | null;
  /** False when the roll given is the one already recorded (nothing written). */
  changed: boolean;
}

async function toCouncils(trx: Tx, rows: CouncilRow[]): Promise<Council[]> {
  const members = await councilMemberRows(trx, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    year: r.year,
    members: orderRoll(
      members.filter((m) => m.council_id === r.id).map((m) => ({ code: m.person_code, name: m.name, role: m.role, active: m.active === 1 })),
    ),
  }));
}

/** The council of a kind for a year, with its roll; null when none was set. */
export async function councilOf(trx: Tx, kind: CouncilKind, year: number): Promise<Council | null> {
  const row = await getCouncil(trx, kind, year);
  return row ? (await toCouncils(trx, [row]))[0]! : null;
}

/**
 * True once the roll has been used and may no longer change: an initiative council once any
 * initiative of its year has a score. An emulation council will be in use once a ballot uses it —
 * ballots come with a later feature: add that check here, one line (e.g. `return countBallotsOf(trx, council.id) > 0`).
 */
export async function councilInUse(trx: Tx, council: { kind: CouncilKind; year: number }): Promise<boolean> {
  if (council.kind === 'initiative') return (await countScoresOfYear(trx, council.year)) > 0;
  return (await listBallotRows(trx, { year: council.year })).length > 0;
}

/** Everyone on the roll must be a person (every unknown one: exit 4) who still works here (every one who left: exit 5). */
async function requireActiveMembers(trx: Tx, codes: string[]): Promise<Map<string, string>> {
  const unknown: Detail[] = [];
  const inactive: string[] = [];
  const names = new Map<string, string>();
  for (const code of codes) {
    try {
      const p = await requirePerson(trx, code);
      names.set(code, p.name);
      if (!p.active) inactive.push(`${p.code} – ${p.name}`);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      unknown.push({ key: e.key, params: e.params });
    }
  }
  if (unknown.length > 0) throw new NotFoundError('council.unknownMembers', { count: unknown.length }, unknown);
  if (inactive.length > 0) throw new WorkflowError('council.inactiveMembers', { names: inactive.join('; ') });
  return names;
}

/**
 * Sets the roll of a council for a year, replacing the one recorded (audited before and after),
 * unless that roll is already in use (exit 5).
 */
export async function setCouncil(ctx: ServiceContext, input: CouncilInput): Promise<CouncilSet> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const kind = c.take(parseChoice('councilKind', input.kind, COUNCIL_KIND_ALIASES, COUNCIL_KINDS_ALLOWED));
  // A council serves this year, a past one (recorded late) or next year, as registrations do.
  const y = parseRegistrationYear('year', input.year, today);
  const year = c.take(y.ok || y.problem.key !== 'registration.yearTooFar' ? y : { ok: false, problem: { ...y.problem, key: 'council.yearTooFar' } });
  const roll = parseRoll(input);
  const problems = [...c.problems, ...roll.problems];
  if (problems.length > 0) throw new ValidationError('council.invalid', {}, problems);

  return transact(ctx, async (trx, audit) => {
    await requireActiveMembers(trx, roll.value.map((m) => m.code));
    const before = await councilOf(trx, kind, year);
    if (before && sameRoll(before.members, roll.value)) return { council: before, before, changed: false };
    if (before && (await councilInUse(trx, before))) throw new WorkflowError(`council.inUse.${kind}`, { year });
    const id = before?.id ?? (await insertCouncil(trx, { kind, year, created_at: ctx.clock.now() }));
    await replaceCouncilMembers(trx, id, roll.value.map((m) => ({ person_code: m.code, role: m.role, sort: m.sort })));
    const council = (await councilOf(trx, kind, year))!;
    await audit({ entity: 'council', entityId: `${kind}-${year}`, action: before ? 'replace' : 'create', before: before ?? undefined, after: council });
    return { council, before, changed: true };
  });
}

export interface CouncilFilter {
  kind?: string;
  year?: string | number;
}

export interface CouncilShown {
  year: number;
  /** The kinds asked for, and the councils set among them. */
  kinds: CouncilKind[];
  councils: Council[];
}

/** The councils of a year (default: this year), of one kind or both. */
export async function showCouncils(ctx: ServiceContext, filter: CouncilFilter = {}): Promise<CouncilShown> {
  const c = new FieldCollector();
  const kind = filter.kind === undefined ? undefined : c.take(parseChoice('councilKind', filter.kind, COUNCIL_KIND_ALIASES, COUNCIL_KINDS_ALLOWED));
  const year = filter.year === undefined ? Number(ctx.clock.today().slice(0, 4)) : parseYear(String(filter.year));
  if (year === null) c.add('invalid.year', { field: 'year', value: String(filter.year) });
  if (c.problems.length > 0) throw new ValidationError('council.badFilter', {}, c.problems);
  return transact(ctx, async (trx) => ({
    year: year!,
    kinds: kind ? [kind] : [...COUNCIL_KINDS],
    councils: await toCouncils(trx, await listCouncilRows(trx, { kind, year: year! })),
  }));
}

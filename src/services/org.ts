import { existsSync } from 'node:fs';
import type { ServiceContext } from '../context.js';
import { DatabaseError, NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { ORG_FIELDS, parseOrgBasis, parseOrgFields, type OrgBasisInput, type OrgField, type OrgProfile } from '../domain/org.js';
import type { Citation } from '../domain/citations.js';
import { insertProfile, listProfiles, profileAt, profileFrom, type OrgProfileRow } from '../db/repos/org.js';
import { saveSource, sourcesByIds } from '../db/repos/legal.js';
import { inTransaction } from '../db/tx.js';
import { transact, type Tx } from './database.js';
import { requireUnit } from './subjects.js';

/** The first profile is in force from the start of time: documents of any date have an identity. */
export const FIRST_PROFILE_FROM = '1900-01-01';

/** A profile row as the profile; its basis documents from `sources` (without them, the identity alone is right). */
export function toProfile(r: OrgProfileRow, sources: ReadonlyMap<number, Citation> = new Map()): OrgProfile {
  const cite = (id: number | null) => (id === null ? null : (sources.get(id) ?? null));
  return {
    validFrom: r.valid_from,
    name: r.name,
    fullName: r.full_name,
    parentBody: r.parent_body,
    symbol: r.symbol,
    place: r.place,
    headTitle: r.head_title,
    headName: r.head_name,
    style: r.style,
    competence: cite(r.competence_id),
    regulation: cite(r.regulation_id),
    plan: cite(r.plan_id),
    office: r.office_code,
    officeAbbr: r.office_abbr,
    recipients: r.recipients ? (JSON.parse(r.recipients) as string[]) : [],
  };
}

/** Profiles with their basis documents. */
async function withSources(trx: Tx, rows: OrgProfileRow[]): Promise<OrgProfile[]> {
  const sources = await sourcesByIds(trx, rows.flatMap((r) => [r.competence_id, r.regulation_id, r.plan_id]));
  return rows.map((r) => toProfile(r, sources));
}

/** The whole profile in force on `date`, basis documents included. */
export async function profileWithBasisAt(trx: Tx, date: string): Promise<OrgProfile> {
  const row = await profileAt(trx, date);
  if (!row) throw new DatabaseError('org.missing');
  return (await withSources(trx, [row]))[0];
}

async function toRow(trx: Tx, p: OrgProfile, createdAt: string) {
  const source = async (c: Citation | null) => (c ? saveSource(trx, c, createdAt) : null);
  return {
    valid_from: p.validFrom,
    name: p.name,
    full_name: p.fullName,
    parent_body: p.parentBody,
    symbol: p.symbol,
    place: p.place,
    head_title: p.headTitle,
    head_name: p.headName,
    style: p.style,
    created_at: createdAt,
    competence_id: await source(p.competence),
    regulation_id: await source(p.regulation),
    plan_id: await source(p.plan),
    office_code: p.office,
    office_abbr: p.officeAbbr,
    recipients: p.recipients.length > 0 ? JSON.stringify(p.recipients) : null,
  };
}

export type OrgInput = Partial<Record<OrgField, string>>;

/** Creates the database and its first organisation profile. */
export async function initDatabase(ctx: ServiceContext, dbPath: string, input: OrgInput): Promise<OrgProfile> {
  const { value, problems } = parseOrgFields({ headTitle: 'Hiệu trưởng', style: 'state', ...input });
  const missing = ORG_FIELDS.filter((f) => value[f] === undefined && !problems.some((p) => p.params?.field === f));
  if (problems.length > 0 || missing.length > 0) {
    throw new ValidationError('org.invalid', {}, [...problems, ...missing.map((f) => ({ key: 'invalid.required', params: { field: f } }))]);
  }
  if (dbPath !== ':memory:' && existsSync(dbPath)) throw new WorkflowError('init.exists', { file: dbPath });
  const db = await ctx.db({ create: true });
  const profile = {
    validFrom: FIRST_PROFILE_FROM, ...value, competence: null, regulation: null, plan: null, office: null, officeAbbr: null, recipients: [],
  } as OrgProfile;
  await inTransaction(db, { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command }, async (trx, audit) => {
    await insertProfile(trx, await toRow(trx, profile, ctx.clock.now()));
    await audit({ entity: 'org', entityId: profile.validFrom, action: 'create', after: profile });
  });
  return profile;
}

export interface OrgView {
  current: OrgProfile;
  history: OrgProfile[];
}

export async function showOrg(ctx: ServiceContext, at?: string): Promise<OrgView> {
  return transact(ctx, async (trx) => {
    const date = at ?? ctx.clock.today();
    const current = await profileAt(trx, date);
    if (!current) throw new DatabaseError('org.missing');
    const history = await withSources(trx, await listProfiles(trx));
    return { current: history.find((p) => p.validFrom === current.valid_from)!, history };
  });
}

/**
 * A new dated profile: fields not given are carried over from the profile in force on that date. The
 * school's basis documents are full citations; the office is one of its units, in service.
 */
export async function setOrg(ctx: ServiceContext, from: string, input: OrgInput & OrgBasisInput): Promise<OrgProfile> {
  const { competence, regulation, plan, office, officeAbbr, recipients, ...identity } = input;
  const fields = parseOrgFields(identity);
  const basis = parseOrgBasis({ competence, regulation, plan, office, officeAbbr, recipients });
  const problems = [...fields.problems, ...basis.problems];
  if (problems.length > 0) throw new ValidationError('org.invalid', {}, problems);
  if (Object.keys(fields.value).length === 0 && Object.keys(basis.value).length === 0) throw new ValidationError('org.nothingToSet');
  return transact(ctx, async (trx, audit) => {
    if (await profileFrom(trx, from)) throw new WorkflowError('org.sameDate', { date: from });
    const row = await profileAt(trx, from);
    if (!row) throw new NotFoundError('org.missing');
    if (basis.value.office) await requireUnit(trx, basis.value.office, { active: true });
    const base = (await withSources(trx, [row]))[0];
    // A new office keeps no abbreviation typed for the old one.
    const abbr = basis.value.office && basis.value.office !== base.office && basis.value.officeAbbr === undefined ? { officeAbbr: null } : {};
    const profile: OrgProfile = { ...base, ...abbr, ...fields.value, ...basis.value, validFrom: from };
    await insertProfile(trx, await toRow(trx, profile, ctx.clock.now()));
    await audit({ entity: 'org', entityId: from, action: 'create', before: base, after: profile });
    return profile;
  });
}

import { existsSync } from 'node:fs';
import type { ServiceContext } from '../context.js';
import { DatabaseError, NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { ORG_FIELDS, parseOrgFields, type OrgField, type OrgProfile } from '../domain/org.js';
import { insertProfile, listProfiles, profileAt, profileFrom, type OrgProfileRow } from '../db/repos/org.js';
import { inTransaction } from '../db/tx.js';
import { transact } from './database.js';

/** The first profile is in force from the start of time: documents of any date have an identity. */
export const FIRST_PROFILE_FROM = '1900-01-01';

export function toProfile(r: OrgProfileRow): OrgProfile {
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
  };
}

function toRow(p: OrgProfile, createdAt: string) {
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
  const profile = { validFrom: FIRST_PROFILE_FROM, ...value } as OrgProfile;
  await inTransaction(db, { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command }, async (trx, audit) => {
    await insertProfile(trx, toRow(profile, ctx.clock.now()));
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
    return { current: toProfile(current), history: (await listProfiles(trx)).map(toProfile) };
  });
}

/** A new dated profile: fields not given are carried over from the profile in force on that date. */
export async function setOrg(ctx: ServiceContext, from: string, input: OrgInput): Promise<OrgProfile> {
  const { value, problems } = parseOrgFields(input);
  if (problems.length > 0) throw new ValidationError('org.invalid', {}, problems);
  if (Object.keys(value).length === 0) throw new ValidationError('org.nothingToSet');
  return transact(ctx, async (trx, audit) => {
    if (await profileFrom(trx, from)) throw new WorkflowError('org.sameDate', { date: from });
    const base = await profileAt(trx, from);
    if (!base) throw new NotFoundError('org.missing');
    const profile: OrgProfile = { ...toProfile(base), ...value, validFrom: from };
    await insertProfile(trx, toRow(profile, ctx.clock.now()));
    await audit({ entity: 'org', entityId: from, action: 'create', before: toProfile(base), after: profile });
    return profile;
  });
}

import type { Tx } from '../tx.js';
import type { OrgProfilesTable } from '../schema.js';
import type { Selectable, Insertable } from 'kysely';

export type OrgProfileRow = Selectable<OrgProfilesTable>;

/** The profile in force on `date`: the newest one that starts on or before it. */
export function profileAt(trx: Tx, date: string): Promise<OrgProfileRow | undefined> {
  return trx.selectFrom('org_profiles').selectAll().where('valid_from', '<=', date).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
}

export function listProfiles(trx: Tx): Promise<OrgProfileRow[]> {
  return trx.selectFrom('org_profiles').selectAll().orderBy('valid_from').execute();
}

export function profileFrom(trx: Tx, from: string): Promise<OrgProfileRow | undefined> {
  return trx.selectFrom('org_profiles').selectAll().where('valid_from', '=', from).executeTakeFirst();
}

export async function insertProfile(trx: Tx, row: Insertable<OrgProfilesTable>): Promise<OrgProfileRow> {
  return trx.insertInto('org_profiles').values(row).returningAll().executeTakeFirstOrThrow();
}

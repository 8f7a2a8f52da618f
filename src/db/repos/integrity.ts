/** What `db check` reads to compare the audited tables with the audit trail (services/integrity.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type Row = Record<string, unknown>;

/** Every row of a table, as stored. */
export function allRows(db: Kysely<DB>, table: keyof DB): Promise<Row[]> {
  return db.selectFrom(table).selectAll().execute() as Promise<Row[]>;
}

/** The audit trail of some entities, oldest first: each row's entity, its id and what it recorded after. */
export function auditTrail(db: Kysely<DB>, entities: string[]): Promise<{ entity: string; entity_id: string | null; action: string; after: string | null }[]> {
  return db.selectFrom('audit').select(['entity', 'entity_id', 'action', 'after']).where('entity', 'in', entities).orderBy('id').execute();
}

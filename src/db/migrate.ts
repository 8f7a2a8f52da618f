import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Migration } from '../../migrations/index.js';
import { writeAudit, type AuditMeta } from './audit.js';
import { DatabaseError } from '../domain/errors.js';

export interface MigrationPlan {
  applied: string[];
  pending: Migration[];
}

async function hasMigrationsTable(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** What is applied and what is pending. Only reads: a file that is not ours stays as it was. */
export async function migrationPlan(db: Kysely<DB>, all: Migration[]): Promise<MigrationPlan> {
  const applied = (await hasMigrationsTable(db))
    ? (await db.selectFrom('migrations').select('id').orderBy('id').execute()).map((r) => r.id)
    : [];
  const known = new Set(all.map((m) => m.id));
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DatabaseError('db.newer', { version: unknown[unknown.length - 1] });
  }
  const done = new Set(applied);
  return { applied, pending: all.filter((m) => !done.has(m.id)) };
}

/**
 * Runs each pending migration and its record in one transaction, in order. A step another process
 * applied meanwhile (it held the write lock first) is skipped, not run twice.
 */
export async function runMigrations(db: Kysely<DB>, pending: Migration[], meta: AuditMeta): Promise<void> {
  for (const m of pending) {
    await db.transaction().execute(async (trx) => {
      await sql`CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(trx);
      if (await trx.selectFrom('migrations').select('id').where('id', '=', m.id).executeTakeFirst()) return;
      await m.up(trx, meta.at);
      await trx.insertInto('migrations').values({ id: m.id, applied_at: meta.at }).execute();
      await writeAudit(trx, meta, { entity: 'migration', entityId: m.id, action: 'apply', after: { description: m.description } });
    });
  }
}

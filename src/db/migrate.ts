import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Engine, Migration } from '../../migrations/index.js';
import { writeAudit, type AuditMeta } from './audit.js';
import { DatabaseError, WorkflowError } from '../domain/errors.js';

export interface MigrationPlan {
  applied: string[];
  pending: Migration[];
}

/** The record of applied steps, as each engine writes it. */
export const MIGRATIONS_TABLE: Record<Engine, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
  postgres: `CREATE TABLE IF NOT EXISTS migrations (id TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT COLLATE "C" NOT NULL)`,
};

async function hasMigrationsTable(db: Kysely<DB>, engine: Engine): Promise<boolean> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`.execute(db)
      : await sql<{ n: number }>`SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'migrations'`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** What is applied and what is pending. Only reads: a database that is not ours stays as it was. */
export async function migrationPlan(db: Kysely<DB>, all: Migration[], engine: Engine = 'sqlite'): Promise<MigrationPlan> {
  const applied = (await hasMigrationsTable(db, engine))
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

/** One step: its DDL for this engine, its data changes, its record and its audit row. */
async function applyStep(trx: Kysely<DB>, m: Migration, meta: AuditMeta, engine: Engine): Promise<void> {
  for (const stmt of m.ddl[engine]) await sql.raw(stmt).execute(trx);
  if (m.up) await m.up(trx, meta.at);
  await trx.insertInto('migrations').values({ id: m.id, applied_at: meta.at }).execute();
  await writeAudit(trx, meta, { entity: 'migration', entityId: m.id, action: 'apply', after: { description: m.description } });
}

export interface RunOptions {
  /** The database is being created (`init`): if another program initialised it meanwhile, refuse. */
  fresh?: { file: string };
  /** Work for the same transaction once the steps are applied (PostgreSQL: the clerks' privileges on new tables). */
  after?: (trx: Kysely<DB>) => Promise<void>;
}

/**
 * Runs the pending steps, each with its record, in order. A step another process applied meanwhile
 * (it held the write lock first) is skipped, not run twice.
 *
 * SQLite runs each step in its own transaction (the write lock is the file's). PostgreSQL runs
 * them all in one transaction, which begins by taking the program's write lock (an advisory lock,
 * db/postgres.ts), so an upgrade is applied whole or not at all, and two clerks starting the
 * program at once cannot migrate twice.
 */
export async function runMigrations(db: Kysely<DB>, pending: Migration[], meta: AuditMeta, engine: Engine = 'sqlite', opts: RunOptions = {}): Promise<void> {
  const batches = engine === 'postgres' ? [pending] : pending.map((m) => [m]);
  for (const [i, batch] of batches.entries()) {
    await db.transaction().execute(async (trx) => {
      if (i === 0 && opts.fresh && (await hasMigrationsTable(trx, engine))) {
        throw new WorkflowError('init.exists', { file: opts.fresh.file });
      }
      await sql.raw(MIGRATIONS_TABLE[engine]).execute(trx);
      const done = new Set((await trx.selectFrom('migrations').select('id').execute()).map((r) => r.id));
      for (const m of batch) if (!done.has(m.id)) await applyStep(trx, m, meta, engine);
      if (i === batches.length - 1 && opts.after) await opts.after(trx);
    });
  }
}

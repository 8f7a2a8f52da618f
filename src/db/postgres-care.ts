/** Checks and facts of a PostgreSQL database (db/care.ts asks; the SQLite ones are there). */
import { sql } from 'kysely';
import type { PostgresDatabase } from './handle.js';

/**
 * The server keeps its pages itself; what can still be wrong is an index left invalid (a build that
 * failed) or a constraint added without checking the rows it covers.
 */
export async function pgIntegrityProblems(db: PostgresDatabase): Promise<string[]> {
  const { rows } = await sql<{ problem: string }>`
    SELECT 'index ' || c.relname || ' invalid' AS problem FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)
    UNION ALL
    SELECT 'trigger ' || g.tgname || ' disabled' FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT g.tgisinternal AND g.tgenabled = 'D'
    ORDER BY 1`.execute(db.kysely);
  return rows.map((r) => r.problem);
}

/** Foreign keys are always enforced on a server; one added NOT VALID has rows nobody checked. */
export async function pgForeignKeyProblems(db: PostgresDatabase): Promise<{ table: string; rowid: number; parent: string }[]> {
  const { rows } = await sql<{ table: string; parent: string }>`
    SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS parent FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND NOT c.convalidated
    ORDER BY 1, 2`.execute(db.kysely);
  return rows.map((r) => ({ table: r.table, rowid: 0, parent: r.parent }));
}

export async function pgFacts(db: PostgresDatabase): Promise<{ bytes: number; serverVersion: string }> {
  const { rows } = await sql<{ bytes: number; version: string }>`
    SELECT pg_database_size(current_database()) AS bytes, current_setting('server_version') AS version`.execute(db.kysely);
  return { bytes: Number(rows[0].bytes), serverVersion: `PostgreSQL ${rows[0].version}` };
}

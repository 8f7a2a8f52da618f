/**
 * A whole database from one engine to the other (a school's file onto the province's server, or a
 * server's records back into a file): the schema as each step writes it for the target's engine,
 * then every row as it is, the migrations' record and the audit chain included, so the copy has
 * the same audit head. The target is written in one transaction; the source is read in one.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './open.js';
import type { Migration } from '../../migrations/index.js';
import { migrations as allMigrations } from '../../migrations/index.js';
import { auditHead, verifyAudit, type AuditHead, type AuditProblem } from './audit.js';
import { primaryKey, tableNames, tablesInOrder } from './catalog.js';
import { applyClerkPolicy } from './postgres-roles.js';
import { MIGRATIONS_TABLE } from './migrate.js';
import { DatabaseError } from '../domain/errors.js';
import { stampSchema } from './schema-check.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyProof {
  tables: TableCount[];
  /** The audit head, the same on both. */
  audit: AuditHead;
  /** Problems found walking the target's audit chain (none when the copy is sound). */
  problems: AuditProblem[];
}

/** Rows read and written at a time: well within both engines' limits on bound values. */
function chunkSize(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(30_000 / Math.max(1, columns))));
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Every row of a table, read in key order a chunk at a time and written to the target as read. */
async function copyTable(source: Database, src: AnyDb, dst: AnyDb, table: string): Promise<number> {
  const key = await primaryKey(source, table, src);
  const order = key.map((k) => sql.ref(k));
  let last: unknown[] | null = null;
  let copied = 0;
  let size = 1000;
  for (;;) {
    const after: ReturnType<typeof sql> = last === null ? sql`` : sql`WHERE (${sql.join(order)}) > (${sql.join(last)})`;
    const ordering: ReturnType<typeof sql> = key.length > 0 ? sql`ORDER BY ${sql.join(order)}` : sql``;
    const limit: ReturnType<typeof sql> = key.length > 0 ? sql`LIMIT ${sql.lit(size)}` : sql``;
    const { rows } = await sql<Row>`SELECT * FROM ${sql.table(table)} ${after} ${ordering} ${limit}`.execute(src);
    if (rows.length === 0) break;
    size = chunkSize(Object.keys(rows[0]).length);
    for (let i = 0; i < rows.length; i += size) await dst.insertInto(table).values(rows.slice(i, i + size)).execute();
    copied += rows.length;
    // A table without a key is read whole.
    if (key.length === 0 || rows.length < size) break;
    const end = rows[rows.length - 1];
    last = key.map((k) => end[k]);
  }
  return copied;
}

/**
 * Foreign keys checked at the commit (`on`) or, again, row by row as the schema has them. SQLite
 * defers them for the transaction; PostgreSQL only defers a deferrable key, so the copy's own new
 * schema has its keys made deferrable for the copy and set back once every row is in (and checked).
 */
async function deferForeignKeys(target: Database, dst: AnyDb, on: boolean): Promise<void> {
  if (target.engine === 'sqlite') {
    if (on) await sql`PRAGMA defer_foreign_keys = ON`.execute(dst);
    return;
  }
  if (!on) await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(dst);
  await sql.raw(`DO $copy$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conrelid::regclass::text AS t, conname FROM pg_constraint
               WHERE contype = 'f' AND connamespace = current_schema()::regnamespace LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I ${on ? 'DEFERRABLE INITIALLY DEFERRED' : 'NOT DEFERRABLE'}', c.t, c.conname);
      END LOOP;
    END $copy$`).execute(dst);
}

/**
 * Copies `source` into `target`, a database just created empty on its engine (no steps applied),
 * then proves the copy: the same row count in every table, an intact audit chain on the target and
 * the same audit head on both.
 */
export async function copyDatabaseInto(source: Database, target: Database, migrations: Migration[] = allMigrations): Promise<CopyProof> {
  const tables = tablesInOrder(migrations);
  const foreign = (await tableNames(source)).filter((t) => !tables.includes(t));
  if (foreign.length > 0) throw new DatabaseError('copy.foreignTables', { tables: foreign.join(', ') });
  await target.kysely.transaction().execute(async (dst) => {
    await sql.raw(MIGRATIONS_TABLE[target.engine]).execute(dst);
    for (const m of migrations) for (const stmt of m.ddl[target.engine]) await sql.raw(stmt).execute(dst);
    // Links between records are checked at the end, not row by row: a table a later step links an
    // earlier one to (org_profiles → legal_sources), or a row naming a later row of its own table
    // (a document revoked by a later decision), is copied all the same.
    await deferForeignKeys(target, dst, true);
    await source.kysely.transaction().execute(async (src) => {
      for (const t of tables) await copyTable(source, src, dst, t);
    });
    await deferForeignKeys(target, dst, false);
    if (target.engine === 'postgres') await applyClerkPolicy(dst);
  });
  const counts: TableCount[] = [];
  for (const t of tables) counts.push({ table: t, source: await countRows(source.kysely, t), target: await countRows(target.kysely, t) });
  const [from, to] = [await auditHead(source.kysely), await auditHead(target.kysely)];
  const { problems } = await verifyAudit(target.kysely);
  const uneven = counts.filter((c) => c.source !== c.target);
  if (uneven.length > 0) throw new DatabaseError('copy.countsDiffer', { tables: uneven.map((c) => `${c.table} ${c.source}/${c.target}`).join(', ') });
  if (problems.length > 0 || from.hash !== to.hash || from.count !== to.count) {
    throw new DatabaseError('copy.auditDiffers', { source: `${from.count}:${from.hash}`, target: `${to.count}:${to.hash}` });
  }
  // A file records the number of its steps and its schema's fingerprint, as migrating it would have.
  if (target.engine === 'sqlite') stampSchema(target.raw, migrations.length);
  return { tables: counts, audit: to, problems };
}


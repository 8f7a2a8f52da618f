/** Checks and copies that need SQLite itself (pragmas, the backup API). */
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { copyDatabase, openDatabase, openSqlite, translateSqliteError, type Database } from './open.js';
import { migrations as allMigrations } from '../../migrations/index.js';
import { recordedSchemaProblems, schemaDifferences } from './schema-check.js';
import { verifyAudit, type AuditHead, type AuditMeta, type AuditProblem } from './audit.js';
import { copyDatabaseInto } from './copy.js';
import { pgFacts, pgForeignKeyProblems, pgIntegrityProblems } from './postgres-care.js';
import { createTemp, LinkInTheWay, replaceWith } from './atomic.js';

/**
 * A consistent copy through SQLite's backup API, written beside the target and renamed over it, so
 * the target is never half written and is readable by its owner only.
 */
export async function backupTo(db: Database, file: string, meta: AuditMeta): Promise<{ bytes: number; audit: AuditHead }> {
  if (db.engine === 'postgres') return serverBackupTo(db, file, meta);
  let audit: AuditHead | undefined;
  const bytes = await copyDatabase(db.raw, file, async (copy) => {
    audit = await auditHeadOfCopy(copy);
  });
  return { bytes, audit: audit! };
}

/**
 * A server's backup: a copy of its records in an SQLite file (db/copy.ts), written beside the target
 * and renamed over it, as SQLite's own backup is.
 */
async function serverBackupTo(db: Database, file: string, meta: AuditMeta): Promise<{ bytes: number; audit: AuditHead }> {
  let tmp: string | undefined;
  try {
    tmp = createTemp(file);
    // The temporary file is ours and empty: the copy writes its schema and rows into it.
    unlinkSync(tmp);
    const target = await openSqlite(tmp, { create: true, migrations: [], meta });
    try {
      await copyDatabaseInto(db, target);
    } finally {
      await target.close();
    }
    const audit = await auditHeadOfCopy(tmp);
    for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) unlinkSync(side);
    replaceWith(tmp, file);
    return { bytes: statSync(file).size, audit };
  } catch (e) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) if (tmp && f && existsSync(f)) unlinkSync(f);
    if (e instanceof LinkInTheWay) throw e;
    throw translateSqliteError(e, file);
  }
}

/**
 * The audit head of a database file (a backup just made), read through a connection of its own. It is
 * opened for writing (nothing is written) so that closing it leaves no -wal or -shm file beside it.
 */
export async function auditHeadOfCopy(file: string): Promise<AuditHead> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const raw = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const last = raw.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    return { count: last?.id ?? 0, hash: last?.hash ?? '0'.repeat(64) };
  } finally {
    raw.close();
  }
}

/** A database migrated afresh in memory: what the migrations make (close it when done). */
export async function freshDatabase(): Promise<Database> {
  return openDatabase(':memory:', { meta: { at: '1970-01-01T00:00:00.000Z', actor: 'db check', command: 'db check' } });
}

/**
 * The schema against its record and against what the migrations make: a migration missing from the
 * record, a foreign `user_version`, each table, column, index and trigger (the append-only rules of
 * the audit trail, documents and recognitions among them) missing, changed or added.
 */
export async function schemaProblems(db: Database, fresh: Database): Promise<string[]> {
  const applied = (await db.kysely.selectFrom('migrations').select('id').orderBy('id').execute()).map((r) => r.id);
  // On a server: the record of migrations (the schema itself is the owner role's, the clerk's cannot change it).
  if (db.engine === 'postgres') {
    const missing = allMigrations.slice(0, applied.length).map((m) => m.id).filter((id) => !applied.includes(id));
    return missing.length > 0 ? [`migrations ${missing.join(', ')} not recorded`] : [];
  }
  if (fresh.engine !== 'sqlite') throw new Error('the fresh schema is SQLite\'s');
  return [...recordedSchemaProblems(db.raw, applied, allMigrations), ...schemaDifferences(db.raw, fresh.raw)];
}

/** The rules a fresh database holds: those seeded by migrations. */
export function seededRules(fresh: Database): Promise<Record<string, unknown>[]> {
  return fresh.kysely.selectFrom('rules').selectAll().execute() as Promise<Record<string, unknown>[]>;
}

export async function integrityProblems(db: Database): Promise<string[]> {
  if (db.engine === 'postgres') return pgIntegrityProblems(db);
  const rows = db.raw.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
}

export async function foreignKeyProblems(db: Database): Promise<{ table: string; rowid: number; parent: string }[]> {
  if (db.engine === 'postgres') return pgForeignKeyProblems(db);
  return db.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

/** Units and people each have their entry in the shared code space, of the right kind, and no other. */
export async function subjectProblems(db: Database): Promise<string[]> {
  const { rows } = await sql<{ code: string; problem: string }>`
    SELECT s.code, 'orphan-subject' AS problem FROM subjects s
      WHERE (s.kind = 'unit' AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = s.code))
         OR (s.kind = 'person' AND NOT EXISTS (SELECT 1 FROM people p WHERE p.code = s.code))
    UNION ALL
    SELECT u.code, 'unit-not-subject' FROM units u
      WHERE NOT EXISTS (SELECT 1 FROM subjects s WHERE s.code = u.code AND s.kind = 'unit')
    UNION ALL
    SELECT p.code, 'person-not-subject' FROM people p
      WHERE NOT EXISTS (SELECT 1 FROM subjects s WHERE s.code = p.code AND s.kind = 'person')
    UNION ALL
    SELECT p.code, 'active-in-retired-unit' FROM people p JOIN units u ON u.code = p.unit_code
      WHERE p.active = 1 AND u.active = 0`.execute(db.kysely);
  return rows.map((r) => `${r.code}: ${r.problem}`);
}

export function auditProblems(db: Database): Promise<{ rows: number; problems: AuditProblem[] }> {
  return verifyAudit(db.kysely);
}

export interface DbFacts {
  /** The file's absolute path, or the server's address with the password masked. */
  file: string;
  engine: Database['engine'];
  bytes: number;
  /** SQLite only. */
  sqliteVersion?: string;
  journalMode?: string;
  /** PostgreSQL only: the server's version. */
  serverVersion?: string;
  migrations: { id: string; appliedAt: string }[];
  counts: Record<string, number>;
}

export async function dbFacts(db: Database): Promise<DbFacts> {
  const count = async (table: 'units' | 'people' | 'rules' | 'audit' | 'org_profiles') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const migrations = await db.kysely.selectFrom('migrations').selectAll().orderBy('id').execute();
  const engine =
    db.engine === 'postgres'
      ? { file: db.file, engine: db.engine, ...(await pgFacts(db)) }
      : {
          file: resolve(db.file),
          engine: db.engine,
          bytes: db.file === ':memory:' ? 0 : statSync(db.file).size,
          sqliteVersion: (db.raw.prepare('select sqlite_version() as v').get() as { v: string }).v,
          journalMode: String(db.raw.pragma('journal_mode', { simple: true })),
        };
  return {
    ...engine,
    migrations: migrations.map((m) => ({ id: m.id, appliedAt: m.applied_at })),
    counts: {
      units: await count('units'),
      people: await count('people'),
      rules: await count('rules'),
      orgProfiles: await count('org_profiles'),
      auditRows: await count('audit'),
    },
  };
}

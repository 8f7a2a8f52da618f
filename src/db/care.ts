/** Checks and copies that need SQLite itself (pragmas, the backup API). */
import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { copyDatabase, openSqlite, type Database } from './open.js';
import { verifyAudit, type AuditMeta, type AuditProblem } from './audit.js';
import { copyDatabaseInto } from './copy.js';
import { pgFacts, pgForeignKeyProblems, pgIntegrityProblems } from './postgres-care.js';

/**
 * A consistent copy through SQLite's backup API, written beside the target and renamed over it, so
 * the target is never half written and is readable by its owner only.
 */
export async function backupTo(db: Database, file: string, meta: AuditMeta): Promise<{ bytes: number }> {
  if (db.engine === 'sqlite') return { bytes: await copyDatabase(db.raw, file) };
  // A server's backup is a copy of its records in a file (db/copy.ts), written aside and renamed over the target.
  const tmp = `${file}.tmp-${process.pid}`;
  const target = await openSqlite(tmp, { create: true, migrations: [], meta });
  try {
    await copyDatabaseInto(db, target);
  } catch (e) {
    await target.close();
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) if (existsSync(f)) unlinkSync(f);
    throw e;
  }
  await target.close();
  renameSync(tmp, file);
  return { bytes: statSync(file).size };
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

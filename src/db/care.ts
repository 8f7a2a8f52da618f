/** Checks and copies that need SQLite itself (pragmas, the backup API). */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { copyDatabase, openDatabase, type Database } from './open.js';
import { migrations as allMigrations } from '../../migrations/index.js';
import { recordedSchemaProblems, schemaDifferences } from './schema-check.js';
import { verifyAudit, type AuditHead, type AuditProblem } from './audit.js';

/**
 * A consistent copy through SQLite's backup API, written beside the target and renamed over it, so
 * the target is never half written and is readable by its owner only.
 */
export async function backupTo(db: Database, file: string): Promise<{ bytes: number; audit: AuditHead }> {
  let audit: AuditHead | undefined;
  const bytes = await copyDatabase(db.raw, file, async (copy) => {
    audit = await auditHeadOfCopy(copy);
  });
  return { bytes, audit: audit! };
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
  return [...recordedSchemaProblems(db.raw, applied, allMigrations), ...schemaDifferences(db.raw, fresh.raw)];
}

/** The rules a fresh database holds: those seeded by migrations. */
export function seededRules(fresh: Database): Promise<Record<string, unknown>[]> {
  return fresh.kysely.selectFrom('rules').selectAll().execute() as Promise<Record<string, unknown>[]>;
}

export function integrityProblems(db: Database): string[] {
  const rows = db.raw.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
}

export function foreignKeyProblems(db: Database): { table: string; rowid: number; parent: string }[] {
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
  bytes: number;
  sqliteVersion: string;
  journalMode: string;
  migrations: { id: string; appliedAt: string }[];
  counts: Record<string, number>;
}

export async function dbFacts(db: Database): Promise<DbFacts> {
  const count = async (table: 'units' | 'people' | 'rules' | 'audit' | 'org_profiles') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const migrations = await db.kysely.selectFrom('migrations').selectAll().orderBy('id').execute();
  const bytes = db.file === ':memory:' ? 0 : statSync(db.file).size;
  return {
    bytes,
    sqliteVersion: (db.raw.prepare('select sqlite_version() as v').get() as { v: string }).v,
    journalMode: String(db.raw.pragma('journal_mode', { simple: true })),
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

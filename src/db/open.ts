import { closeSync, copyFileSync, existsSync, openSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema.js';
import { migrations } from '../../migrations/index.js';
import { migrationPlan, runMigrations } from './migrate.js';
import type { AuditMeta } from './audit.js';
import { DatabaseError } from '../domain/errors.js';

export interface Database {
  kysely: Kysely<DB>;
  raw: BetterSqlite3.Database;
  file: string;
  /** A database created by this open (init, demo). */
  created: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file when missing (only `init` and `demo`). */
  create?: boolean;
  /** For the audit rows of migrations. */
  meta: AuditMeta;
  busyTimeoutMs?: number;
}

/** Maps SQLite's own failures to the database exit code, with a message a clerk can act on. */
export function translateSqliteError(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DatabaseError('db.locked', { file });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new DatabaseError('db.corrupt', { file });
  if (code === 'SQLITE_CANTOPEN') return new DatabaseError('db.cantOpen', { file });
  if (code === 'SQLITE_READONLY') return new DatabaseError('db.readonly', { file });
  if (code === 'SQLITE_FULL') return new DatabaseError('db.full', { file });
  return e;
}

export async function openDatabase(file: string, opts: OpenOptions): Promise<Database> {
  const memory = file === ':memory:';
  let created = false;
  if (!memory && !existsSync(file)) {
    if (!opts.create) throw new DatabaseError('db.missing', { file });
    // Created by us first, so the records are readable by their owner only (WAL files inherit it).
    closeSync(openSync(file, 'wx', 0o600));
    created = true;
  } else if (!memory && !opts.create && statSync(file).size === 0) {
    throw new DatabaseError('db.notInitialised', { file });
  }
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file, { fileMustExist: !memory });
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    raw.pragma('synchronous = NORMAL');
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  const kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  const db: Database = {
    kysely,
    raw,
    file,
    created,
    async close() {
      await kysely.destroy();
    },
  };
  try {
    const plan = await migrationPlan(kysely, migrations);
    if (!created && !memory && plan.applied.length === 0) {
      throw new DatabaseError('db.notInitialised', { file });
    }
    if (plan.pending.length > 0) {
      if (plan.applied.length > 0 && !memory) {
        // A copy of the data as it was, before any schema change touches it.
        const last = plan.applied[plan.applied.length - 1];
        raw.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(file, `${file}.truoc-${plan.pending[0].id}.bak`);
        void last;
      }
      await runMigrations(kysely, plan.pending, opts.meta);
    }
  } catch (e) {
    await db.close().catch(() => undefined);
    throw translateSqliteError(e, file);
  }
  return db;
}

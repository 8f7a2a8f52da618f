import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import type { DB } from './schema.js';
import { migrations as allMigrations, type Migration } from '../../migrations/index.js';
import { migrationPlan, runMigrations } from './migrate.js';
import { DatabaseError, ValidationError, WorkflowError } from '../domain/errors.js';
import { isServerUrl } from '../domain/db-address.js';
import { createTemp, LinkInTheWay, replaceWith } from './atomic.js';
import { checkFileLength, recordedSchemaProblems, stampSchema } from './schema-check.js';
import { DEFAULT_BUSY_TIMEOUT_MS, type Database, type OpenOptions, type SqliteDatabase } from './handle.js';

export type { Database, OpenOptions, PostgresDatabase, SqliteDatabase } from './handle.js';
export { DEFAULT_BUSY_TIMEOUT_MS };

/** The primary result code of an SQLite error: SQLITE_BUSY_SNAPSHOT is still SQLITE_BUSY. */
function primaryCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return '';
  return code.split('_').slice(0, 2).join('_');
}

/** File-system failures around the database file (folder missing, no permission, disk full). */
function fsCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && !code.startsWith('SQLITE_') ? code : '';
}

/** Maps SQLite's own failures to the database exit code, with a message a clerk can act on. */
export function translateSqliteError(e: unknown, file: string): unknown {
  // A link planted where a copy of the database goes (the backup made before migrating).
  if (e instanceof LinkInTheWay) return new DatabaseError('files.isLink', { file: e.path });
  const code = primaryCode(e);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DatabaseError('db.locked', { file });
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new DatabaseError('db.corrupt', { file });
  if (code === 'SQLITE_CANTOPEN') return new DatabaseError('db.cantOpen', { file });
  if (code === 'SQLITE_READONLY') return new DatabaseError('db.readonly', { file });
  if (code === 'SQLITE_FULL') return new DatabaseError('db.full', { file });
  if (code === 'SQLITE_IOERR') return new DatabaseError('db.ioError', { file });
  // A query meeting a table or column the migrations made and someone removed.
  if (code === 'SQLITE_ERROR' && /^no such (table|column)|has no column named/.test((e as Error).message)) {
    return new DatabaseError('db.schemaMismatch', { file, detail: (e as Error).message });
  }
  const fs = fsCode(e);
  if (fs === 'ENOENT' || fs === 'ENOTDIR' || fs === 'EACCES' || fs === 'EPERM' || fs === 'EISDIR' || fs === 'ENAMETOOLONG') return new DatabaseError('db.cantOpen', { file });
  if (fs === 'EROFS') return new DatabaseError('db.readonly', { file });
  if (fs === 'ENOSPC' || fs === 'EDQUOT') return new DatabaseError('db.full', { file });
  return e;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), so a command that meets
 * another writer waits for it (up to the busy timeout) instead of failing at once half way through:
 * SQLite never waits for a lock a deferred transaction asks for after it has read. When the lock is
 * still held after the timeout, the transaction starts deferred, so a command that only reads still
 * reads what is committed, and one that writes fails with "locked".
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(private readonly raw: BetterSqlite3.Database, private readonly readOnly: boolean) {
    super({ database: raw });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // A command that only reads: a deferred transaction reads one snapshot and takes no lock.
    if (this.readOnly) {
      await connection.executeQuery(CompiledQuery.raw('begin'));
      return;
    }
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (e) {
      if (primaryCode(e) !== 'SQLITE_BUSY') throw e;
      await connection.executeQuery(CompiledQuery.raw('begin'));
    }
  }

  /**
   * SQLite ends a transaction by itself on a full disk or an I/O error: rolling back then would only
   * say "no transaction is active" and hide the error that ended it.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.raw.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

/** How many prepared statements a connection keeps for reuse. */
const STATEMENT_CACHE = 256;

/**
 * The connection kysely is given: better-sqlite3's, whose `prepare` reuses the statement already
 * prepared for the same SQL text. Kysely prepares every query afresh, and preparing cost more than
 * running the query itself in a bulk import (20,000 people: 2.6 of 10 s). SQLite re-prepares a
 * cached statement by itself after a schema change. Kysely never streams here (a streaming statement
 * could not be shared).
 */
function withStatementCache(raw: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return new Proxy(raw, {
    get(target, key) {
      if (key === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (stmt) {
            // Most recently used last, so the oldest is the first to go.
            cache.delete(source);
          } else {
            stmt = target.prepare(source);
            if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
          }
          cache.set(source, stmt);
          return stmt;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function dialect(raw: BetterSqlite3.Database, readOnly: boolean): SqliteDialect {
  const database = withStatementCache(raw);
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new ImmediateSqliteDriver(database, readOnly);
    }
  })({ database });
}

/**
 * A connection that only reads: `query_only`, so no statement can change the file (and, closed, it
 * leaves no -wal or -shm file behind, as a read-write connection does). A file that cannot be written
 * is opened read-only. A database in write-ahead-log mode in a folder nobody may write cannot be
 * opened even so (SQLite must make its -shm file there): when no log holds uncommitted pages (no -wal
 * file, or an empty one), the file itself is the whole database and is read from memory, its header
 * set back to rollback mode.
 */
function openForReading(file: string, timeout: number): BetterSqlite3.Database {
  const first = (raw: BetterSqlite3.Database) => {
    try {
      raw.pragma('query_only = 1');
      raw.pragma('schema_version');
      return raw;
    } catch (e) {
      raw.close();
      throw e;
    }
  };
  try {
    return first(new BetterSqlite3(file, { fileMustExist: true, timeout }));
  } catch {
    // A file or folder that cannot be written: read-only, below.
  }
  try {
    return first(new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout }));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const wal = `${file}-wal`;
    const logged = existsSync(wal) && statSync(wal).size > 0;
    if (logged || !/^SQLITE_(CANTOPEN|READONLY)/.test(code)) throw e;
    const bytes = readFileSync(file);
    if (bytes.length >= 20 && bytes[18] === 2) bytes[18] = bytes[19] = 1;
    return new BetterSqlite3(bytes, { readonly: true });
  }
}

/**
 * A copy of the whole database through SQLite's backup API: consistent even while others use it,
 * owner-only, into an exclusive temporary file (db/atomic.ts) renamed over the target, never over a link.
 */
export async function copyDatabase(raw: BetterSqlite3.Database, target: string, inspect?: (copy: string) => Promise<void>): Promise<number> {
  let tmp: string | undefined;
  try {
    tmp = createTemp(target);
    await raw.backup(tmp);
    // Read what the copy holds before it takes its final name (any name the user gave).
    await inspect?.(tmp);
    // A stale WAL beside the old file would be replayed onto the new one.
    for (const side of [`${target}-wal`, `${target}-shm`]) if (existsSync(side)) unlinkSync(side);
    replaceWith(tmp, target);
  } catch (e) {
    if (tmp && existsSync(tmp)) unlinkSync(tmp);
    for (const side of [`${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) if (tmp && existsSync(side)) unlinkSync(side);
    if (e instanceof LinkInTheWay) throw e;
    throw translateSqliteError(e, target);
  }
  return statSync(target).size;
}

/** Opens the database `--db` names: a `postgres://` address means a server, anything else an SQLite file. */
export async function openDatabase(target: string, opts: OpenOptions): Promise<Database> {
  if (isServerUrl(target)) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(target, opts);
  }
  return openSqlite(target, opts);
}

/** Translates SQLite's failures, constraint ones included, for messages naming `file`. */
export function translateSqlite(e: unknown, file: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return new ValidationError('db.constraint', { detail: (e as Error).message });
  return translateSqliteError(e, file);
}

export async function openSqlite(file: string, opts: OpenOptions): Promise<SqliteDatabase> {
  const memory = file === ':memory:';
  const migrations = opts.migrations ?? allMigrations;
  const timeout = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let created = false;
  try {
    if (!memory && !existsSync(file)) {
      if (!opts.create) throw new DatabaseError('db.missing', { file });
      // Created by us first, so the records are readable by their owner only (WAL files inherit it).
      try {
        closeSync(openSync(file, 'wx', 0o600));
      } catch (e) {
        // Another program created it a moment ago: never take over a file we did not make.
        if (fsCode(e) === 'EEXIST') throw new WorkflowError('init.exists', { file });
        throw e;
      }
      created = true;
    } else if (!memory && !opts.create && statSync(file).size === 0) {
      throw new DatabaseError('db.notInitialised', { file });
    }
    if (!memory && !created) await checkFileLength(file);
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  if (opts.readOnly && !memory && !created) {
    const db = await openReadOnly(file, opts, migrations, timeout);
    if (db) return db;
  }
  // SQLite opens a name with its leading spaces dropped: the path it is given is absolute.
  const path = memory ? file : resolve(file);
  let db: SqliteDatabase;
  try {
    db = wrap(file, created, false, () => new BetterSqlite3(path, { fileMustExist: !memory, timeout }));
  } catch (e) {
    if (created && existsSync(file)) unlinkSync(file);
    throw e;
  }
  const { raw, kysely } = db;
  try {
    // Settings of this connection only: nothing is written to the file yet.
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${timeout}`);
    // Read first, so a file that is not ours, or is from a newer version, is left exactly as it was.
    const plan = await migrationPlan(kysely, migrations);
    if (!created && !memory && plan.applied.length === 0) {
      throw new DatabaseError('db.notInitialised', { file });
    }
    // A database whose tables do not match its record is never migrated: refused, or examined as it is.
    const mismatch = plan.applied.length > 0 ? recordedSchemaProblems(raw, plan.applied, migrations) : [];
    if (mismatch.length > 0 && !opts.examine) throw new DatabaseError('db.schemaMismatch', { file, detail: mismatch[0] });
    if (mismatch.length === 0 && String(raw.pragma('journal_mode', { simple: true })) !== 'wal') raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    if (plan.pending.length > 0 && mismatch.length === 0) {
      if (plan.applied.length > 0 && !memory) {
        // A copy of the data as it was, before any schema change touches it.
        await copyDatabase(raw, `${file}.truoc-${plan.pending[0].id}.bak`);
      }
      await runMigrations(kysely, plan.pending, opts.meta);
      stampSchema(raw, plan.applied.length + plan.pending.length);
    }
  } catch (e) {
    await db.close().catch(() => undefined);
    // A file this call created and could not finish is removed, so `init` can simply be run again.
    if (created) for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) unlinkSync(f);
    throw translateSqliteError(e, file);
  }
  return db;
}

/** A connection opened by `connect` (its failure said as a database error), with kysely over it. */
function wrap(file: string, created: boolean, readOnly: boolean, connect: () => BetterSqlite3.Database): SqliteDatabase {
  let raw: BetterSqlite3.Database;
  try {
    raw = connect();
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  const kysely = new Kysely<DB>({ dialect: dialect(raw, readOnly) });
  return {
    engine: 'sqlite',
    kysely,
    raw,
    file,
    created,
    readOnly,
    translate: (e) => translateSqlite(e, file),
    async close() {
      await kysely.destroy();
    },
  };
}

/**
 * Opens for a command that only reads; null when the database must first be migrated (then it is
 * opened as usual, which migrates it).
 */
async function openReadOnly(file: string, opts: OpenOptions, migrations: Migration[], timeout: number): Promise<SqliteDatabase | null> {
  const db = wrap(file, false, true, () => openForReading(resolve(file), timeout));
  const { raw, kysely } = db;
  try {
    raw.pragma('foreign_keys = ON');
    const plan = await migrationPlan(kysely, migrations);
    if (plan.applied.length === 0) throw new DatabaseError('db.notInitialised', { file });
    const mismatch = recordedSchemaProblems(raw, plan.applied, migrations);
    if (mismatch.length > 0 && !opts.examine) throw new DatabaseError('db.schemaMismatch', { file, detail: mismatch[0] });
    if (plan.pending.length > 0 && mismatch.length === 0) {
      await db.close();
      return null;
    }
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw translateSqliteError(e, file);
  }
}

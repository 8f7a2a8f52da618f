/**
 * What an open database is (either engine) and how it is opened: the types open.ts and postgres.ts
 * share, below both, so the engine opened lazily does not import its opener back.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Migration } from '../../migrations/index.js';
import type { AuditMeta } from './audit.js';

interface DatabaseCommon {
  kysely: Kysely<DB>;
  /** What messages name: the file (SQLite) or the server's address with the password masked (PostgreSQL). */
  file: string;
  /** A database created by this open (init, demo). */
  created: boolean;
  /** This engine's own failures as the program's errors (the same keys and exit codes on both engines). */
  translate(e: unknown): unknown;
  /** Opened for a command that only reads: no write lock is ever taken (see `readOnly` below). */
  readOnly: boolean;
  close(): Promise<void>;
}

/** A file, the default: one clerk, one machine. */
export interface SqliteDatabase extends DatabaseCommon {
  engine: 'sqlite';
  raw: BetterSqlite3.Database;
}

/** A PostgreSQL server (db/postgres.ts): several clerks, a province. */
export interface PostgresDatabase extends DatabaseCommon {
  engine: 'postgres';
}

/** What services are given: the same kysely either way; what differs between engines stays under db/. */
export type Database = SqliteDatabase | PostgresDatabase;

export interface OpenOptions {
  /** Create the file when missing (only `init` and `demo`). */
  create?: boolean;
  /** For the audit rows of migrations. */
  meta: AuditMeta;
  /** How long to wait for another program's write lock before giving up (default 5000 ms). */
  busyTimeoutMs?: number;
  /** The ordered migrations (default: the program's static list; tests give their own). */
  migrations?: Migration[];
  /**
   * The operator confirmed (--yes) upgrading a server database that holds records: on PostgreSQL the
   * copy before an upgrade is theirs to make (pg_dump), so the program does not upgrade one unasked.
   */
  confirmed?: boolean;
  /** The environment, for a server's password (PGPASSWORD, PGPASSFILE, HOME). */
  env?: Record<string, string | undefined>;
  /**
   * The command only reads (lists, shows, reports without a file, status): its transactions take no
   * write lock, so it reads a consistent snapshot and never waits behind a writer; a database it
   * cannot write (a read-only file or folder) is read all the same.
   */
  readOnly?: boolean;
  /** `db check` and its kin: a database whose tables do not match its migrations is opened to be examined. */
  examine?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

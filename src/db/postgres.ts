/**
 * The PostgreSQL engine: opening a server database, its session settings, the write lock, the types
 * as the domain knows them, migrations and init. Loaded only when --db names a server, so SQLite
 * commands never load the driver.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { CompiledQuery, Kysely, PostgresDialect, PostgresDriver, sql, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import type { DB } from './schema.js';
import { DEFAULT_BUSY_TIMEOUT_MS, type OpenOptions, type PostgresDatabase } from './handle.js';
import { migrations as allMigrations } from '../../migrations/index.js';
import { migrationPlan, runMigrations } from './migrate.js';
import { translatePgError } from './postgres-errors.js';
import { applyClerkPolicy } from './postgres-roles.js';
import { maskUrl } from '../domain/db-address.js';
import { DatabaseError, WorkflowError } from '../domain/errors.js';

/**
 * The program's write lock (pg_advisory_xact_lock): every transaction takes it first, as SQLite's
 * BEGIN IMMEDIATE takes the file's, so writers follow one another. What SQLite's single writer
 * guarantees holds here too: the next document number, the next initiative code and the audit
 * chain's previous hash are read and written by one transaction at a time. Held until commit or
 * rollback (a killed program's connection ends and the server releases it).
 */
export const WRITE_LOCK = 7_468_696_475_610_001n;

/**
 * Like SQLite's: a transaction waits for the write lock up to the busy timeout (lock_timeout); when
 * another program still holds it then, the transaction goes on read only, so a command that only
 * reads still reads what is committed, and one that writes fails with "locked".
 */
class LockingPostgresDriver extends PostgresDriver {
  constructor(config: ConstructorParameters<typeof PostgresDriver>[0], private readonly mode: { readOnly: boolean }) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A command that only reads: one consistent snapshot, no write lock, never waiting behind a writer.
    if (this.mode.readOnly) {
      await connection.executeQuery(CompiledQuery.raw('begin transaction isolation level repeatable read read only'));
      return;
    }
    await super.beginTransaction(connection, settings);
    try {
      await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK})`));
    } catch (e) {
      if ((e as { code?: unknown }).code !== '55P03') throw e;
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      await connection.executeQuery(CompiledQuery.raw('begin transaction read only'));
    }
  }
}

// Types as the domain knows them: whole numbers (counts, money in đồng, ids) as JS numbers, dates
// and times as the ISO text they are stored as, booleans as 0/1 like SQLite's.
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

function int8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of range: ${text}`);
  return n;
}

const PARSERS: Record<number, (text: string) => unknown> = {
  [INT8]: int8,
  [NUMERIC]: Number,
  [BOOL]: (t) => (t === 't' ? 1 : 0),
  [DATE]: (t) => t,
  [TIMESTAMP]: (t) => t,
  [TIMESTAMPTZ]: (t) => t,
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary' && PARSERS[oid]) return PARSERS[oid];
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
} as pg.CustomTypesConfig;

/** One line of a password file: host:port:database:user:password, `*` matching anything, `\:` and `\\` escaped. */
function pgpassFields(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === ':' && fields.length < 4) {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  fields.push(cur);
  return fields;
}

/** The password for this connection from ~/.pgpass (or PGPASSFILE), as libpq reads it: ignored unless owner-only. */
export function pgpassLookup(env: Record<string, string | undefined>, want: { host: string; port: number; database: string; user: string }): string | undefined {
  const file = env.PGPASSFILE ?? join(env.HOME ?? homedir(), '.pgpass');
  let text: string;
  try {
    if ((statSync(file).mode & 0o077) !== 0) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const host = want.host.startsWith('/') ? 'localhost' : want.host;
  const wanted = [host, String(want.port), want.database, want.user];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = pgpassFields(line);
    if (f.length === 5 && wanted.every((w, i) => f[i] === '*' || f[i] === w)) return f[4];
  }
  return undefined;
}

/**
 * The pool's settings from the address: `sslmode` as libpq means it (require: encrypted, the
 * certificate not checked unless sslrootcert is given; verify-full: checked); the password from the
 * address, else PGPASSWORD, else ~/.pgpass.
 */
export function poolConfig(url: string, opts: { busyTimeoutMs?: number; env?: Record<string, string | undefined> } = {}): pg.PoolConfig {
  const env = opts.env ?? {};
  const own = /[?&]uselibpqcompat=/i.test(url);
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(url.trim(), own ? {} : { useLibpqCompat: true }) as Record<string, unknown>;
  } catch (e) {
    // Not an address (a bad port, an unclosed [), or a certificate file named in it that is not there.
    throw new DatabaseError('pg.badAddress', { url: maskUrl(url), reason: String((e as { code?: unknown }).code ?? (e as Error).message) });
  }
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== '' && v !== undefined && v !== null && k !== 'password') config[k] = v;
  const given = typeof parsed.password === 'string' && parsed.password !== '' ? parsed.password : undefined;
  return {
    ...config,
    password: async (params: { host: string; port: number; database: string; user: string }) =>
      given ?? env.PGPASSWORD ?? pgpassLookup(env, params) ?? '',
    max: 2,
    application_name: 'thidua',
    lock_timeout: Math.max(1, opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS),
    connectionTimeoutMillis: 15_000,
    types,
  } as pg.PoolConfig;
}

export function postgresKysely(url: string, opts: { busyTimeoutMs?: number; env?: Record<string, string | undefined>; mode?: { readOnly: boolean } } = {}): Kysely<DB> {
  const pool = new pg.Pool(poolConfig(url, opts));
  // An idle connection the server drops is replaced on next use, not a crash.
  pool.on('error', () => undefined);
  // PostgreSQL's text cannot hold U+0000, which SQLite's can: a value with one (only ever a lookup:
  // the program refuses it in anything it stores) is sent with U+FFFD in its place, which nothing
  // stored holds either, so it finds nothing on both engines instead of failing on one.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) =>
      query(text, Array.isArray(values) ? values.map((v) => (typeof v === 'string' && v.includes('\0') ? v.replace(/\0/g, '\uFFFD') : v)) : values, ...rest);
  });
  return new Kysely<DB>({
    dialect: new (class extends PostgresDialect {
      override createDriver(): Driver {
        return new LockingPostgresDriver({ pool }, opts.mode ?? { readOnly: false });
      }
    })({ pool }),
  });
}

/** Tables, views and sequences of anyone in the database, beside the server's own. */
async function relationCount(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r','p','v','m','S','f') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_%'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** A database with records a clerk made (anything beyond the program's own schema steps). */
async function holdsRecords(db: Kysely<DB>): Promise<boolean> {
  const r = await db.selectFrom('audit').select('id').where('entity', '<>', 'migration').limit(1).executeTakeFirst();
  return r !== undefined;
}

export async function openPostgres(url: string, opts: OpenOptions): Promise<PostgresDatabase> {
  const label = maskUrl(url);
  const migrations = opts.migrations ?? allMigrations;
  // Read-only (a command that only reads) once any upgrade is done.
  const mode = { readOnly: false };
  const kysely = postgresKysely(url, { busyTimeoutMs: opts.busyTimeoutMs, env: opts.env, mode });
  const db: PostgresDatabase = {
    engine: 'postgres',
    kysely,
    file: label,
    created: false,
    readOnly: false,
    translate: (e) => translatePgError(e, label),
    async close() {
      await kysely.destroy();
    },
  };
  try {
    const plan = await migrationPlan(kysely, migrations, 'postgres');
    if (opts.create) {
      if (plan.applied.length > 0) throw new WorkflowError('init.exists', { file: label });
      const count = await relationCount(kysely);
      if (count > 0) throw new WorkflowError('pg.notEmpty', { url: label, count });
      // (With no steps given, as `db copy` opens its target, nothing is written: the copy writes the schema.)
      if (plan.pending.length > 0) await runMigrations(kysely, plan.pending, opts.meta, 'postgres', { fresh: { file: label }, after: applyClerkPolicy });
      db.created = true;
    } else if (plan.applied.length === 0) {
      throw new DatabaseError('pg.notInitialised', { url: label });
    } else if (plan.pending.length > 0) {
      // The copy before an upgrade is the operator's (pg_dump): a database with records is upgraded only when they say so.
      if (!opts.confirmed && (await holdsRecords(kysely))) {
        throw new WorkflowError('pg.backupFirst', { url: label, version: plan.pending[plan.pending.length - 1].id, count: plan.pending.length });
      }
      try {
        await runMigrations(kysely, plan.pending, opts.meta, 'postgres', { after: applyClerkPolicy });
      } catch (e) {
        if ((e as { code?: unknown }).code === '42501') throw new DatabaseError('pg.upgradeNeedsOwner', { url: label, version: plan.pending[plan.pending.length - 1].id });
        throw e;
      }
    }
  } catch (e) {
    await db.close().catch(() => undefined);
    throw translatePgError(e, label);
  }
  db.readOnly = mode.readOnly = !!opts.readOnly && !opts.create;
  return db;
}

/**
 * Runs an administrator's script (db roles --apply) in one transaction on a database that need not
 * hold the program's schema yet.
 */
export async function runScript(url: string, statements: string[], env?: Record<string, string | undefined>): Promise<void> {
  const label = maskUrl(url);
  const kysely = postgresKysely(url, { env });
  try {
    await kysely.transaction().execute(async (trx) => {
      for (const s of statements) await sql.raw(s).execute(trx);
    });
  } catch (e) {
    throw translatePgError(e, label);
  } finally {
    await kysely.destroy();
  }
}

/**
 * Tests on both engines. A test database is a file path (SQLite) or a server address (PostgreSQL):
 * the same commands run on either, and these helpers read and write either with plain SQL, the way
 * a test peeks at the data behind the program's back. The server is the one the global set-up
 * started (helpers/global-setup.ts); each test gets a fresh database copied from a template.
 *
 * `forEachEngine` runs a block of tests on SQLite and on PostgreSQL; the PostgreSQL run is skipped
 * (and says so) when no server could be started. THIDUA_TEST_ENGINE=postgres makes PostgreSQL the
 * default engine of every test that takes one (to run the whole suite on a server).
 */
import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, inject } from 'vitest';

export type Engine = 'sqlite' | 'postgres';

/** The test server, or null when none could be started (read when a test runs, not at import). */
export function testServer() {
  return inject('server');
}

/** The engine tests use unless they name one. */
export function defaultEngine(): Engine {
  return process.env.THIDUA_TEST_ENGINE === 'postgres' && testServer() ? 'postgres' : 'sqlite';
}

export const isServer = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/** The engines a test can run on here: SQLite, and PostgreSQL when a server could be started. */
export function engines(): Engine[] {
  return testServer() ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Runs `fn` once per engine, in a describe block named after it; PostgreSQL's is skipped without a
 * server. Inside each block the engine is also the default one (defaultEngine(), so schoolDb() and
 * the seeds need no argument): a block wraps existing tests without changing a line of them.
 */
export function forEachEngine(fn: (engine: Engine) => void): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    (engine === 'postgres' ? describe.skipIf(!testServer()) : describe)(engine, () => {
      let before: string | undefined;
      beforeAll(() => {
        before = process.env.THIDUA_TEST_ENGINE;
        process.env.THIDUA_TEST_ENGINE = engine;
      });
      afterAll(() => {
        if (before === undefined) delete process.env.THIDUA_TEST_ENGINE;
        else process.env.THIDUA_TEST_ENGINE = before;
      });
      fn(engine);
    });
  }
}

let serial = 0;

/** A new database on the test server, copied from one of the templates, empty, or a copy of another (`from`). */
export function serverDb(template: 'fresh' | 'school' | 'empty', copyOf?: string): string {
  const server = testServer();
  if (!server) throw new Error('no PostgreSQL server for this test');
  const name = `t_${process.pid}_${++serial}_${Math.random().toString(36).slice(2, 8)}`;
  const from = copyOf ?? (template === 'empty' ? 'template0' : new URL(server.templates[template]).pathname.slice(1));
  psql(server.base + 'postgres', `CREATE DATABASE ${name} TEMPLATE ${from} STRATEGY FILE_COPY`);
  return server.base + name;
}

/** A value as an SQL literal (booleans as SQLite stores them: 1 and 0). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** `?` placeholders filled with literals (a `?` inside a quoted string is left alone). */
function bind(statement: string, params: unknown[]): string {
  let out = '';
  let quoted = false;
  let i = 0;
  for (const c of statement) {
    if (c === "'") quoted = !quoted;
    if (c === '?' && !quoted) {
      if (i >= params.length) throw new Error(`too few parameters for: ${statement}`);
      out += literal(params[i++]);
    } else out += c;
  }
  return out;
}

function psql(url: string, statement: string): string {
  const r = spawnSync(testServer()!.psql, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr.trim()} (${statement})`);
  return r.stdout;
}

/** Rows of a query, on either engine (reading only). */
export function queryDb<T>(db: string, statement: string, ...params: unknown[]): T[] {
  if (isServer(db)) {
    const text = psql(db, `WITH t AS (${bind(statement, params).replace(/;\s*$/, '')}) SELECT coalesce(json_agg(t), '[]'::json) FROM t`);
    return JSON.parse(text) as T[];
  }
  const conn = new BetterSqlite3(db, { readonly: /^\s*(select|with)\b/i.test(statement) });
  try {
    return conn.prepare(statement).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/** A change behind the program's back, on either engine. */
export function execDb(db: string, statement: string, ...params: unknown[]): void {
  if (isServer(db)) {
    psql(db, bind(statement, params));
    return;
  }
  const conn = new BetterSqlite3(db);
  try {
    conn.prepare(statement).run(...params);
  } finally {
    conn.close();
  }
}

export function countRows(db: string, table: string): number {
  return Number(queryDb<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0].n);
}

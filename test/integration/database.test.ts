/**
 * The database file itself: how it is created, opened, migrated, refused, locked, backed up and checked.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { freshDb, run, schoolDb, tempDir } from '../helpers/cli.js';
import { openDatabase, openSqlite } from '../../src/db/open.js';
import { migrationPlan, runMigrations } from '../../src/db/migrate.js';
import { verifyAudit } from '../../src/db/audit.js';
import { migrations } from '../../migrations/index.js';
import type { Migration } from '../../migrations/types.js';
import type { DB } from '../../src/db/schema.js';
import { DatabaseError } from '../../src/domain/errors.js';

const META = { at: '2026-11-28T08:00:00.000Z', actor: 'tester', command: 'test' };
const mode = (file: string) => statSync(file).mode & 0o777;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const json = (s: string) => JSON.parse(s);

/** Reads a database with a connection of our own, never through the program. */
function peek<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function memoryKysely(): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
}

/** A second schema step, as a later release would add it. */
const addNotes: Migration = {
  id: '9001-test-notes',
  description: 'test: a notes table',
  ddl: {
    sqlite: [`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`],
    postgres: [`CREATE TABLE notes (id BIGINT PRIMARY KEY, text TEXT NOT NULL)`],
  },
  async up(trx) {
    await sql`INSERT INTO notes (id, text) VALUES (1, 'seeded')`.execute(trx);
  },
};

/** A step that fails half way: what it did must not stay. */
const failing: Migration = {
  id: '9002-test-broken',
  description: 'test: fails after creating a table',
  ddl: { sqlite: [`CREATE TABLE half_done (id INTEGER)`], postgres: [`CREATE TABLE half_done (id BIGINT)`] },
  async up() {
    throw new Error('boom');
  },
};

const ids = (list: { id: string }[]) => list.map((m) => m.id);
const LAST = migrations[migrations.length - 1].id;

const tables = (db: BetterSqlite3.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('the database file', () => {
  it('is created readable by its owner only (0600), WAL files too', async () => {
    const { db } = await freshDb();
    expect(mode(db)).toBe(0o600);
    peek(db, (raw) => {
      raw.prepare(`INSERT INTO meta (key, value) VALUES ('test.wal', 'x')`).run();
      expect(existsSync(`${db}-wal`)).toBe(true);
      expect(mode(`${db}-wal`)).toBe(0o600);
    });
  });

  it('is in WAL mode on disk; the program connects with foreign keys on and a busy timeout', async () => {
    const { db } = await freshDb();
    expect(peek(db, (raw) => raw.pragma('journal_mode', { simple: true }))).toBe('wal');
    const opened = await openSqlite(db, { meta: META });
    try {
      expect(opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(opened.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(opened.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
      // Enforced, not just set: a person in a unit that does not exist is refused by SQLite itself.
      expect(() =>
        opened.raw
          .prepare(`INSERT INTO people (code, name, unit_code, category, created_at) VALUES ('X1', 'A', 'NOPE', 'staff', 'now')`)
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      await opened.close();
    }
    const quick = await openSqlite(db, { meta: META, busyTimeoutMs: 250 });
    expect(quick.raw.pragma('busy_timeout', { simple: true })).toBe(250);
    await quick.close();
  });
});

describe('seeded reference data', () => {
  it('has the base salary history and the rules in force', async () => {
    const { cli } = await freshDb();
    const salaries = json((await cli(['rules', 'list', '--all', '--key', 'base_salary', '--json'])).stdout);
    expect(salaries.map((r: { value: string; validFrom: string }) => [r.value, r.validFrom])).toEqual([
      ['1490000', '2019-07-01'],
      ['1800000', '2023-07-01'],
      ['2340000', '2024-07-01'],
      ['2530000', '2026-07-01'],
    ]);
    for (const r of salaries) expect(r.source).not.toBe('');

    const rules = json((await cli(['rules', 'list', '--json'])).stdout) as { key: string; value: string; inForce: boolean }[];
    const inForce = Object.fromEntries(rules.map((r) => [r.key, r.value]));
    expect(rules.every((r) => r.inForce)).toBe(true);
    expect(inForce).toMatchObject({
      base_salary: '2530000',
      'coefficient.LDTT': '0.3',
      'coefficient.CSTDCS': '1.0',
      'coefficient.TTLDTT': '0.8',
      'coefficient.TTLDXS': '1.5',
      'coefficient.GK': '0.3',
      'coefficient.GK.unit': '0.6',
      'coefficient.DHTT': '0.3',
      'coefficient.DHTT.unit': '0.6',
      'ballot.quorum': '2/3',
      'ballot.threshold': '0.7',
      'ballot.base': 'present',
      'bonus.rounding': 'up',
      'bonus.rounding_unit': '10000',
      'quota.CSTDCS': '0.15',
      'deadline.province': '01-31',
    });
    // Each key once: only the value in force is listed.
    expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
  });

  it('has the six titles with their subjects and coefficients', async () => {
    const { cli } = await freshDb();
    const titles = json((await cli(['rules', 'titles', '--json'])).stdout);
    expect(titles.map((t: { code: string; subjectKind: string; coefficient: string | null; coefficientUnit: string | null }) => [t.code, t.subjectKind, t.coefficient, t.coefficientUnit])).toEqual([
      ['DHTT', 'both', '0.3', '0.6'],
      ['LDTT', 'person', '0.3', null],
      ['CSTDCS', 'person', '1.0', null],
      ['TTLDTT', 'unit', null, '0.8'],
      ['TTLDXS', 'unit', null, '1.5'],
      ['GK', 'both', '0.3', '0.6'],
    ]);
    expect(titles.find((t: { code: string }) => t.code === 'LDTT').name).toBe('Lao động tiên tiến');
  });

  it('has the criteria of every title', async () => {
    const { cli } = await freshDb();
    const criteria = json((await cli(['rules', 'criteria', '--json'])).stdout) as { award: string; code: string; appliesTo: string; source: string }[];
    const codes = (award: string) => criteria.filter((c) => c.award === award).map((c) => c.code);
    expect(codes('DHTT')).toEqual(['L1', 'L2', 'L3', 'L4', 'S1', 'S2', 'S3', 'S4', 'S5', 'U1', 'U2', 'U3']);
    expect(codes('LDTT')).toEqual(['LDTT1', 'LDTT2']);
    expect(codes('CSTDCS')).toEqual(['CSTDCS1', 'CSTDCS2']);
    expect(codes('TTLDTT')).toEqual(['T1', 'T2', 'T3']);
    expect(codes('TTLDXS')).toEqual(['T1', 'T2', 'T3']);
    const by = (award: string, code: string) => criteria.find((c) => c.award === award && c.code === code)!;
    expect(by('DHTT', 'L1')).toMatchObject({ appliesTo: 'leader', source: 'attested' });
    expect(by('DHTT', 'L4')).toMatchObject({ appliesTo: 'leader', source: 'data' });
    expect(by('DHTT', 'S5')).toMatchObject({ appliesTo: 'staff', source: 'data' });
    expect(by('DHTT', 'U1')).toMatchObject({ appliesTo: 'unit' });
    expect(by('CSTDCS', 'CSTDCS1')).toMatchObject({ source: 'data' });
    expect(by('TTLDTT', 'T2')).toMatchObject({ source: 'data' });
    // --award is read the way clerks type it.
    const ldtt = json((await cli(['rules', 'criteria', '--award', 'ldtt', '--json'])).stdout);
    expect(ldtt.map((c: { code: string }) => c.code)).toEqual(['LDTT1', 'LDTT2']);
    expect((await cli(['rules', 'criteria', '--award', 'NOPE'])).code).toBe(3);
  });

  it('has the four rating levels in order', async () => {
    const { db } = await freshDb();
    const levels = peek(db, (raw) => raw.prepare('SELECT code, name FROM rating_levels ORDER BY rank DESC').all());
    expect(levels).toEqual([
      { code: 'HTXSNV', name: 'Hoàn thành xuất sắc nhiệm vụ' },
      { code: 'HTTNV', name: 'Hoàn thành tốt nhiệm vụ' },
      { code: 'HTNV', name: 'Hoàn thành nhiệm vụ' },
      { code: 'KHTNV', name: 'Không hoàn thành nhiệm vụ' },
    ]);
  });
});

describe('migrations', () => {
  it('plans and runs pending steps in order, each with its record and audit row', async () => {
    const k = memoryKysely();
    try {
      const all = [...migrations, addNotes];
      const first = await migrationPlan(k, all);
      expect(first.applied).toEqual([]);
      expect(ids(first.pending)).toEqual([...ids(migrations), '9001-test-notes']);
      await runMigrations(k, first.pending.slice(0, migrations.length), META);
      const second = await migrationPlan(k, all);
      expect(second.applied).toEqual(ids(migrations));
      expect(second.pending.map((m) => m.id)).toEqual(['9001-test-notes']);
      await runMigrations(k, second.pending, META);
      expect((await migrationPlan(k, all)).pending).toEqual([]);
      const audit = await k.selectFrom('audit').select(['entity', 'entity_id', 'action']).orderBy('id').execute();
      expect(audit).toEqual(ids(all).map((id) => ({ entity: 'migration', entity_id: id, action: 'apply' })));
      expect((await verifyAudit(k)).problems).toEqual([]);
    } finally {
      await k.destroy();
    }
  });

  it('rolls a failing step back entirely: no table, no record, no audit row', async () => {
    const k = memoryKysely();
    try {
      await runMigrations(k, migrations, META);
      await expect(runMigrations(k, [failing], META)).rejects.toThrow('boom');
      const names = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(k)).rows.map((r) => r.name);
      expect(names).not.toContain('half_done');
      expect((await migrationPlan(k, [...migrations, failing])).pending.map((m) => m.id)).toEqual(['9002-test-broken']);
      expect(await k.selectFrom('audit').select('id').execute()).toHaveLength(migrations.length);
    } finally {
      await k.destroy();
    }
  });

  it('refuses a database that has a step this program does not know', async () => {
    const k = memoryKysely();
    try {
      await runMigrations(k, migrations, META);
      await k.insertInto('migrations').values({ id: '0099-future', applied_at: META.at }).execute();
      const err = await migrationPlan(k, migrations).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseError);
      expect((err as DatabaseError).params).toMatchObject({ version: '0099-future' });
    } finally {
      await k.destroy();
    }
  });

  it('copies the database aside before running a pending step', async () => {
    const dir = tempDir();
    const file = join(dir, 'thidua.sqlite');
    const db1 = await openDatabase(file, { create: true, meta: META, migrations });
    await db1.kysely.insertInto('meta').values({ key: 'test.marker', value: 'before' }).execute();
    await db1.close();

    const db2 = await openDatabase(file, { meta: { ...META, command: 'upgrade' }, migrations: [...migrations, addNotes] });
    expect(db2.created).toBe(false);
    const notes = await sql<{ text: string }>`SELECT text FROM notes`.execute(db2.kysely);
    expect(notes.rows).toEqual([{ text: 'seeded' }]);
    expect((await verifyAudit(db2.kysely)).problems).toEqual([]);
    const last = await db2.kysely.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toMatchObject({ entity: 'migration', entity_id: '9001-test-notes', command: 'upgrade' });
    await db2.close();

    const bak = `${file}.truoc-9001-test-notes.bak`;
    expect(existsSync(bak)).toBe(true);
    expect(mode(bak)).toBe(0o600);
    peek(bak, (raw) => {
      expect(tables(raw)).not.toContain('notes');
      expect(raw.prepare(`SELECT value FROM meta WHERE key = 'test.marker'`).get()).toEqual({ value: 'before' });
      expect(raw.prepare('SELECT id FROM migrations ORDER BY id').all()).toEqual(ids(migrations).map((id) => ({ id })));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    });

    // Nothing pending: no new copy.
    const db3 = await openDatabase(file, { meta: META, migrations: [...migrations, addNotes] });
    await db3.close();
    const db4 = await openDatabase(file, { meta: META, migrations: [...migrations, addNotes] });
    await db4.close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual(['thidua.sqlite.truoc-9001-test-notes.bak']);
  });

  it('removes a new file whose first steps fail, so init can run again', async () => {
    const dir = tempDir();
    const file = join(dir, 'thidua.sqlite');
    const err = await openDatabase(file, { create: true, meta: META, migrations: [...migrations, failing] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(readdirSync(dir)).toEqual([]);
    await (await openDatabase(file, { create: true, meta: META, migrations })).close();
    expect(existsSync(file)).toBe(true);
  });

  it('leaves the database as it was when a pending step fails, with the copy made', async () => {
    const dir = tempDir();
    const file = join(dir, 'thidua.sqlite');
    await (await openDatabase(file, { create: true, meta: META, migrations })).close();
    const err = await openDatabase(file, { meta: META, migrations: [...migrations, failing] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(existsSync(`${file}.truoc-9002-test-broken.bak`)).toBe(true);
    peek(file, (raw) => {
      expect(tables(raw)).not.toContain('half_done');
      expect(raw.prepare('SELECT id FROM migrations ORDER BY id').all()).toEqual(ids(migrations).map((id) => ({ id })));
    });
  });
});

describe('databases the program must refuse', () => {
  it('refuses a database from a newer version (exit 6) and changes nothing', async () => {
    const { db, cli } = await schoolDb();
    peek(db, (raw) => raw.prepare(`INSERT INTO migrations (id, applied_at) VALUES ('0099-future', '2027-01-01T00:00:00Z')`).run());
    const before = sha(db);
    for (const argv of [['person', 'list'], ['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'], ['db', 'check']]) {
      const r = await cli(argv);
      expect(r.code).toBe(6);
      expect(r.stderr).toContain('0099-future');
      expect(r.stderr).toMatch(/phiên bản thidua mới hơn/);
      expect(r.stdout).toBe('');
    }
    const en = await cli(['--lang', 'en', 'person', 'list']);
    expect(en.stderr).toMatch(/newer version/);
    expect(sha(db)).toBe(before);
    expect(existsSync(`${db}.truoc-0099-future.bak`)).toBe(false);
    peek(db, (raw) => expect(raw.prepare(`SELECT count(*) AS n FROM units WHERE code = 'KDV'`).get()).toEqual({ n: 0 }));
  });

  it('refuses a file that is not SQLite (exit 6, a clear message) and leaves it alone', async () => {
    const file = join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'Danh sách thi đua năm 2025\n'.repeat(200));
    const before = sha(file);
    const r = await run(['--db', file, 'person', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/không phải cơ sở dữ liệu SQLite/);
    expect(r.stderr).not.toMatch(/SQLITE_|file is not a database/);
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const en = await run(['--db', file, '--lang', 'en', 'db', 'info']);
    expect(en.code).toBe(6);
    expect(en.stderr).toMatch(/not an SQLite database/);
  });

  it('refuses an empty file as not initialised (exit 6)', async () => {
    const file = join(tempDir(), 'empty.sqlite');
    writeFileSync(file, '');
    const r = await run(['--db', file, 'unit', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/chưa phải là cơ sở dữ liệu thidua/);
    expect(r.stderr).toContain('thidua init');
    expect(statSync(file).size).toBe(0);
  });

  it('refuses another program’s SQLite database without touching it', async () => {
    const file = join(tempDir(), 'other.sqlite');
    plainSqlite(file, (raw) => {
      raw.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan')`);
    });
    const before = sha(file);
    const r = await run(['--db', file, 'person', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/chưa phải là cơ sở dữ liệu thidua/);
    expect(sha(file)).toBe(before);
    peek(file, (raw) => {
      expect(tables(raw)).toEqual(['contacts']);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    });
  });

  it('fails with exit 6, not a crash, when the folder of the database does not exist or cannot be written', async () => {
    const dir = tempDir();
    const missing = await run(['--db', join(dir, 'no', 'such', 'dir', 'thidua.sqlite'), 'init', '--name', 'X', '--full-name', 'X', '--parent-body', 'X', '--symbol', 'X', '--place', 'X', '--head-name', 'X']);
    expect(missing.code).toBe(6);
    expect(missing.stderr).toMatch(/Không mở được/);
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const r = await run(['--db', join(ro, 'thidua.sqlite'), 'init', '--name', 'X', '--full-name', 'X', '--parent-body', 'X', '--symbol', 'X', '--place', 'X', '--head-name', 'X']);
      expect(r.code).toBe(6);
      chmodSync(ro, 0o700);
    }
  });
});

/** Creates a plain SQLite file (rollback journal), as another program would. */
function plainSqlite(file: string, fn: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('a locked database', () => {
  it('lets readers through, and fails a writer with exit 6 after the busy timeout instead of hanging', async () => {
    const { db, cli } = await schoolDb();
    const holder = new BetterSqlite3(db);
    try {
      holder.exec('BEGIN IMMEDIATE');
      holder.prepare(`INSERT INTO meta (key, value) VALUES ('test.lock', 'held')`).run();
      const read = await cli(['person', 'list', '--json'], { env: { THIDUA_BUSY_TIMEOUT_MS: '200' } });
      expect(read.code).toBe(0);
      expect(json(read.stdout)).toHaveLength(3);

      const started = Date.now();
      const write = await cli(['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'], { env: { THIDUA_BUSY_TIMEOUT_MS: '300' } });
      const waited = Date.now() - started;
      expect(write.code).toBe(6);
      expect(write.stderr).toMatch(/đang bị một chương trình khác giữ/);
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(5000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Once the other program lets go, the same command works.
    expect((await cli(['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'])).code).toBe(0);
  });
});

/** Another process that holds the write lock for `ms`, then commits; resolves once it holds it. */
function otherWriter(file: string, ms: number): Promise<{ done: Promise<number> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO meta (key, value) VALUES ('test.other', 'x')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number>((res) => child.on('exit', (code) => res(code ?? -1)));
  return new Promise((res, rej) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && res({ done }));
    child.on('exit', (code) => rej(new Error(`writer exited early (${code})`)));
  });
}

describe('two writers at once', () => {
  it('waits for the other writer to finish, then succeeds', async () => {
    const { db, cli } = await schoolDb();
    const other = await otherWriter(db, 800);
    const started = Date.now();
    const r = await cli(['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await other.done).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    peek(db, (raw) => {
      expect(raw.prepare(`SELECT value FROM meta WHERE key = 'test.other'`).get()).toEqual({ value: 'x' });
      expect(raw.prepare(`SELECT name FROM units WHERE code = 'KDV'`).get()).toEqual({ name: 'Khoa Dân vận' });
    });
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });
});

describe('db backup', () => {
  it('makes a consistent copy that opens and has the same people, owner-only', async () => {
    const { cli, dir } = await schoolDb();
    const target = join(dir, 'sao-luu.sqlite');
    const r = await cli(['db', 'backup', target, '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ file: target });
    expect(json(r.stdout).bytes).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/Đã sao lưu/);
    expect(mode(target)).toBe(0o600);
    const people = json((await cli(['person', 'list', '--json'])).stdout);
    const copy = await run(['--db', target, 'person', 'list', '--json']);
    expect(copy.code).toBe(0);
    expect(json(copy.stdout)).toEqual(people);
    expect((await run(['--db', target, 'db', 'check'])).code).toBe(0);
  });

  it('copies only what is committed while another program is writing', async () => {
    const { db, cli, dir } = await schoolDb();
    const target = join(dir, 'during.sqlite');
    const writer = new BetterSqlite3(db);
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare(`INSERT INTO meta (key, value) VALUES ('test.uncommitted', 'x')`).run();
      expect((await cli(['db', 'backup', target], { env: { THIDUA_BUSY_TIMEOUT_MS: '200' } })).code).toBe(0);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    peek(target, (raw) => {
      expect(raw.prepare(`SELECT count(*) AS n FROM meta WHERE key = 'test.uncommitted'`).get()).toEqual({ n: 0 });
      expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 3 });
    });
  });

  it('refuses an existing file (exit 5) unless --yes, and never the database itself', async () => {
    const { db, cli, dir } = await schoolDb();
    const target = join(dir, 'old.sqlite');
    writeFileSync(target, 'keep me');
    const refused = await cli(['db', 'backup', target]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('--yes');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const overwritten = await cli(['db', 'backup', target, '--yes']);
    expect(overwritten.code).toBe(0);
    expect(mode(target)).toBe(0o600);
    expect((await run(['--db', target, 'db', 'check'])).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);

    // An older backup of the same database is overwritten with --yes.
    expect((await cli(['db', 'backup', join(dir, 'b.sqlite')])).code).toBe(0);
    expect((await cli(['person', 'add', 'VC004', '--name', 'Lê Văn Bốn', '--unit', 'KLLCS', '--category', 'staff'])).code).toBe(0);
    expect((await cli(['db', 'backup', join(dir, 'b.sqlite')])).code).toBe(5);
    expect((await cli(['db', 'backup', join(dir, 'b.sqlite'), '--yes'])).code).toBe(0);
    const copy = json((await run(['--db', join(dir, 'b.sqlite'), 'person', 'list', '--json'])).stdout);
    expect(copy.map((p: { code: string }) => p.code)).toContain('VC004');

    const self = await cli(['db', 'backup', db, '--yes']);
    expect(self.code).toBe(5);
    // …nor the database under another name, which the copy would be renamed over.
    const alias = join(dir, 'alias.sqlite');
    symlinkSync(db, alias);
    const viaLink = await cli(['db', 'backup', alias, '--yes']);
    expect(viaLink.code).toBe(5);
    expect(viaLink.stderr).toMatch(/đang dùng/);
    expect(lstatSync(alias).isSymbolicLink()).toBe(true);
    expect(json((await cli(['person', 'list', '--json'])).stdout).map((p: { code: string }) => p.code)).toContain('VC004');
  });

  it('makes a missing target folder (sao-luu/…), and fails with exit 6, not a crash, when it cannot', async () => {
    const { cli, dir } = await schoolDb();
    const made = await cli(['db', 'backup', join(dir, 'sao-luu', '2026', 'x.sqlite')]);
    expect(made.code, made.stderr).toBe(0);
    expect(json((await run(['--db', join(dir, 'sao-luu', '2026', 'x.sqlite'), 'person', 'list', '--json'])).stdout).length).toBeGreaterThan(0);
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = await cli(['db', 'backup', join(dir, 'a-file', 'x.sqlite')]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/Không tạo được thư mục .*a-file/);
    expect(r.stderr).toMatch(/một phần của đường dẫn là tệp/);
  });
});

describe('db check', () => {
  it('passes on a good database', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['db', 'check', '--json']);
    expect(r.code).toBe(0);
    const result = json(r.stdout);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['integrity', true],
      ['schema', true],
      ['foreignKeys', true],
      ['subjects', true],
      ['auditChain', true],
      ['records', true],
    ]);
    const text = await cli(['db', 'check']);
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/toàn vẹn/);
  });

  it('fails with exit 6 when the audit log was tampered with', async () => {
    const { db, cli } = await schoolDb();
    peek(db, (raw) => {
      raw.exec('DROP TRIGGER audit_no_update');
      raw.prepare(`UPDATE audit SET actor = 'someone-else' WHERE id = 3`).run();
    });
    const r = await cli(['db', 'check', '--json']);
    expect(r.code).toBe(6);
    const result = json(r.stdout);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c: { name: string }) => c.name === 'auditChain')).toEqual({ name: 'auditChain', ok: false, problems: ['altered #3'] });
    expect(r.stderr).toMatch(/không đạt/);
    // The table says it in words, as audit verify does.
    const table = await cli(['db', 'check']);
    expect(table.code).toBe(6);
    expect(table.stdout).toContain('dòng 3 đã bị sửa sau khi ghi');
    expect(table.stdout).not.toContain('altered');
  });

  it('fails with exit 6 when records were changed behind the program’s back', async () => {
    const { db, cli } = await schoolDb();
    peek(db, (raw) => {
      raw.pragma('foreign_keys = OFF');
      raw.prepare(`UPDATE people SET unit_code = 'GONE' WHERE code = 'VC002'`).run();
      raw.prepare(`DELETE FROM subjects WHERE code = 'VC003'`).run();
    });
    const r = await cli(['db', 'check', '--json']);
    expect(r.code).toBe(6);
    const checks = json(r.stdout).checks as { name: string; ok: boolean; problems: string[] }[];
    expect(checks.find((c) => c.name === 'foreignKeys')!.ok).toBe(false);
    expect(checks.find((c) => c.name === 'subjects')!.problems).toContain('VC003: person-not-subject');
    expect(checks.find((c) => c.name === 'auditChain')!.ok).toBe(true);
  });
});

describe('db info', () => {
  it('gives the facts about the file as JSON', async () => {
    const { db, cli } = await schoolDb();
    const r = await cli(['db', 'info', '--json']);
    expect(r.code).toBe(0);
    const info = json(r.stdout);
    expect(Object.keys(info).sort()).toEqual(['bytes', 'counts', 'engine', 'file', 'journalMode', 'migrations', 'organisation', 'schemaVersion', 'sqliteVersion'].sort());
    expect(info).toMatchObject({
      file: db,
      engine: 'sqlite',
      schemaVersion: LAST,
      organisation: 'Trường Chính trị tỉnh Bình Phước',
      journalMode: 'wal',
      migrations: ids(migrations).map((id) => ({ id, appliedAt: '2026-11-28T08:00:00.000Z' })),
      // a row per migration, the first profile, 2 units, the profile with the school's basis documents and 3 people
      counts: { units: 2, people: 3, orgProfiles: 2, auditRows: migrations.length + 7 },
    });
    expect(info.bytes).toBeGreaterThan(0);
    expect(info.sqliteVersion).toMatch(/^3\.\d+\.\d+/);
    expect(info.counts.rules).toBeGreaterThan(20);
    const text = await cli(['db', 'info']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(LAST);
  });
});

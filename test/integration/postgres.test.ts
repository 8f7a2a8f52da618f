/**
 * The program on a PostgreSQL server: addresses and passwords (never printed), init in an empty
 * database only, the same refusals and exit codes as with a file, upgrades under the operator's
 * control, and least privilege (an owner role that migrates, a clerk role that works but cannot
 * change or remove the audit log or the document register).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDb, ORG_FLAGS, run, schoolDb, tempDir } from '../helpers/cli.js';
import { execDb, queryDb, serverDb, testServer } from '../helpers/engines.js';
import { SCHOOL_STEPS } from '../helpers/templates.js';
import { AT_MEETING, ENDED, ok, votes, json } from '../helpers/ballot-seed.js';
import { openDatabase } from '../../src/db/open.js';
import { verifyAudit } from '../../src/db/audit.js';
import { migrations } from '../../migrations/index.js';
import type { Migration } from '../../migrations/types.js';
import { AppError } from '../../src/domain/errors.js';
import { maskArg, maskUrl } from '../../src/domain/db-address.js';

const META = { at: '2026-11-28T08:00:00.000Z', actor: 'tester', command: 'test' };

/** The address with another user and password (or none). */
function as(url: string, user: string, password?: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? '';
  return u.toString();
}

describe('addresses', () => {
  it('masks the password wherever an address is shown', () => {
    expect(maskUrl('postgres://clerk:s3cr%40t@db.school:5432/thidua?sslmode=require')).toBe('postgres://clerk:***@db.school:5432/thidua?sslmode=require');
    expect(maskUrl('postgresql://clerk@db/thidua')).toBe('postgresql://clerk@db/thidua');
    expect(maskUrl('postgres://u:p@ss@h/db')).toBe('postgres://u:***@h/db');
    expect(maskUrl('postgres://h/db?user=u&password=pw&sslmode=require')).toBe('postgres://h/db?user=u&password=***&sslmode=require');
    expect(maskUrl('./thidua.sqlite')).toBe('./thidua.sqlite');
    expect(maskArg('--db=postgres://u:pw@h/db')).toBe('--db=postgres://u:***@h/db');
  });
});

describe.skipIf(!testServer())('a PostgreSQL database', () => {
  it('takes the password from the address, PGPASSWORD or ~/.pgpass, and never prints it', async () => {
    const url = serverDb('school');
    const password = new URL(url).password;
    const bare = as(url, 'postgres');
    const listed = (await run(['--db', url, 'unit', 'list', '--json'])).stdout;
    expect(JSON.parse(listed).length).toBe(2);
    expect((await run(['--db', bare, 'unit', 'list', '--json'], { env: { PGPASSWORD: password } })).stdout).toBe(listed);
    const dir = tempDir();
    const pgpass = join(dir, 'pgpass');
    const u = new URL(url);
    writeFileSync(pgpass, `# the office's server\n${u.hostname}:${u.port}:*:postgres:${password.replace(/:/g, '\\:')}\n`, { mode: 0o600 });
    expect((await run(['--db', bare, 'unit', 'list', '--json'], { env: { PGPASSFILE: pgpass } })).stdout).toBe(listed);
    // A password file others can read is not used (as libpq does).
    writeFileSync(pgpass, `*:*:*:*:${password}\n`);
    chmodSync(pgpass, 0o644);
    const unread = await run(['--db', bare, 'unit', 'list'], { env: { PGPASSFILE: pgpass } });
    expect(unread.code).toBe(6);
    // A wrong password: exit 6, the address shown masked, the password nowhere.
    const wrong = as(url, 'postgres', 'sai-mat-khau');
    const r = await run(['--db', wrong, 'unit', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/từ chối đăng nhập/);
    expect(r.stderr).toContain(maskUrl(wrong));
    expect(r.stderr + r.stdout).not.toContain('sai-mat-khau');
    // The audit trail records the command line with the password masked.
    expect((await run(['--db', url, 'unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'])).code).toBe(0);
    const last = queryDb<{ command: string }>(url, `SELECT command FROM audit ORDER BY id DESC LIMIT 1`)[0].command;
    expect(last).toContain(maskUrl(url));
    expect(last).not.toContain(password);
  });

  it('says clearly when the server, the database or TLS is not there (exit 6)', async () => {
    const url = serverDb('fresh');
    const u = new URL(url);
    const cases: [string, RegExp][] = [
      [`postgres://postgres:x@127.0.0.1:1/thidua`, /Không kết nối được máy chủ PostgreSQL .*ECONNREFUSED/],
      [`postgres://postgres:${u.password}@${u.host}/khong_co_csdl`, /chưa có cơ sở dữ liệu/],
      [`${url}?sslmode=require`, /Không kết nối được máy chủ PostgreSQL .*SSL/],
    ];
    for (const [target, message] of cases) {
      const r = await run(['--db', target, 'person', 'list']);
      expect(r.code, target).toBe(6);
      expect(r.stderr, target).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const en = await run(['--lang', 'en', '--db', cases[0][0], 'person', 'list']);
    expect(en.stderr).toMatch(/Could not reach the PostgreSQL server/);
  });

  it('init creates the schema in an empty database only; other commands refuse an empty one', async () => {
    const empty = serverDb('empty');
    const before = await run(['--db', empty, 'person', 'list']);
    expect(before.code).toBe(6);
    expect(before.stderr).toMatch(/chưa có dữ liệu thidua/);
    // Two clerks initialising at once: one does, the other is refused (exit 5), nothing twice.
    const [a, b] = await Promise.all([run(['--db', empty, 'init', ...ORG_FLAGS]), run(['--db', empty, 'init', ...ORG_FLAGS])]);
    expect([a.code, b.code].sort()).toEqual([0, 5]);
    expect(queryDb<{ n: number }>(empty, `SELECT count(*) AS n FROM migrations`)[0].n).toBe(migrations.length);
    expect(queryDb<{ n: number }>(empty, `SELECT count(*) AS n FROM org_profiles`)[0].n).toBe(1);
    expect((await run(['--db', empty, 'audit', 'verify'])).code).toBe(0);
    // Initialised already: exit 5, as for an existing file.
    expect((await run(['--db', empty, 'init', ...ORG_FLAGS])).code).toBe(5);
    // A database holding anything else: exit 5, left as it was.
    const other = serverDb('empty');
    execDb(other, `CREATE TABLE ledger (id int)`);
    const r = await run(['--db', other, 'init', ...ORG_FLAGS]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/không trống/);
    expect(queryDb<{ name: string }>(other, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).toEqual([{ name: 'ledger' }]);
  });

  it('upgrades a database with records only when told (the backup is pg_dump), in one transaction, once', async () => {
    const url = serverDb('school');
    const step: Migration = {
      id: '9001-test-notes',
      description: 'test: a notes table',
      ddl: { sqlite: [`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`], postgres: [`CREATE TABLE notes (id BIGINT PRIMARY KEY, text TEXT COLLATE "C" NOT NULL)`] },
    };
    const refused = await openDatabase(url, { meta: META, migrations: [...migrations, step] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).key).toBe('pg.backupFirst');
    expect(queryDb(url, `SELECT to_regclass('notes') IS NOT NULL AS present`)).toEqual([{ present: false }]);
    // Two programs told to upgrade at once: the step is applied once.
    const [a, b] = await Promise.all([0, 1].map(() => openDatabase(url, { meta: META, confirmed: true, migrations: [...migrations, step] })));
    await a.close();
    await b.close();
    expect(queryDb<{ id: string }>(url, `SELECT id FROM migrations WHERE id = ?`, step.id)).toHaveLength(1);
    expect(queryDb<{ n: number }>(url, `SELECT count(*) AS n FROM audit WHERE entity = 'migration' AND entity_id = ?`, step.id)[0].n).toBe(1);
    const after = await openDatabase(url, { meta: META, migrations: [...migrations, step] });
    expect((await verifyAudit(after.kysely)).problems).toEqual([]);
    await after.close();
    // A step that fails leaves nothing of itself.
    const broken: Migration = { id: '9002-test-broken', description: 'test', ddl: { sqlite: [], postgres: [`CREATE TABLE half_done (id int)`, `SELECT 1/0`] } };
    const err = await openDatabase(url, { meta: META, confirmed: true, migrations: [...migrations, step, broken] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(queryDb(url, `SELECT to_regclass('half_done') IS NOT NULL AS present`)).toEqual([{ present: false }]);
    // This program (without the test's step) refuses the newer database, as with a file.
    const cli = await run(['--db', url, 'person', 'list']);
    expect(cli.code).toBe(6);
    expect(cli.stderr).toMatch(/phiên bản thidua mới hơn/);
  });

  it('a lookup with U+0000 (which PostgreSQL text cannot hold) finds nothing, as on SQLite, instead of failing', async () => {
    const [pg, lite] = [serverDb('school'), (await freshDb('sqlite')).db];
    for (const argv of [['person', 'list', '--search', 'VC\u0000001', '--json'], ['recognise', 'list', '--subject', 'VC\u0000001', '--json'], ['person', 'show', 'VC\u0000001']]) {
      const [a, b] = [await run(['--db', lite, ...argv]), await run(['--db', pg, ...argv])];
      expect(b.code, b.stderr).not.toBe(1);
      expect({ code: b.code, stdout: b.stdout }, argv.join(' ')).toEqual({ code: a.code, stdout: a.stdout });
    }
  });

  it('db copy carries rows linked to tables a later step made, and a document revoked by a later one, both ways', async () => {
    // The school's profile names its basis documents (legal_sources, made by 0008 after org_profiles);
    // decision 1 names decision 2 as the one revoking it (a row naming a later row of its table).
    const { db: file, dir } = await schoolDb('sqlite');
    expect(queryDb<{ n: number }>(file, 'SELECT count(*) AS n FROM org_profiles WHERE competence_id IS NOT NULL')[0].n).toBeGreaterThan(0);
    for (const n of [1, 2]) {
      execDb(file, `INSERT INTO documents (kind, year, number, date, type, title, profile_valid_from, payload, created_at) VALUES ('QĐ', 2025, ?, '2025-12-15', 't', 't', '1900-01-01', '{}', 'x')`, n);
    }
    execDb(file, `UPDATE documents SET status = 'revoked', revoked_on = '2025-12-20', revoked_reason = 'r', revoked_by = 2 WHERE number = 1`);
    const url = serverDb('empty');
    const up = await run(['db', 'copy', file, url]);
    expect(up.code, up.stderr).toBe(0);
    const back = join(dir, 'back.sqlite');
    const down = await run(['db', 'copy', url, back]);
    expect(down.code, down.stderr).toBe(0);
    for (const db of [url, back]) {
      expect(queryDb<{ number: number; revoked_by: number | null }>(db, 'SELECT number, revoked_by FROM documents ORDER BY id').map((r) => [Number(r.number), r.revoked_by === null ? null : Number(r.revoked_by)])).toEqual([[1, 2], [2, null]]);
      expect(queryDb<{ n: number }>(db, 'SELECT count(*) AS n FROM org_profiles WHERE competence_id IS NOT NULL')[0].n).toEqual(queryDb<{ n: number }>(file, 'SELECT count(*) AS n FROM org_profiles WHERE competence_id IS NOT NULL')[0].n);
    }
    // The file made from the server is sound as a file: its schema stamped, its links whole (the
    // documents above were written behind the program's back, so only the records check names them).
    const check = await run(['--db', back, 'db', 'check', '--json']);
    const checks = (JSON.parse(check.stdout) as { checks: { name: string; ok: boolean }[] }).checks;
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['records']);
  });

  it('reads numbers, money and flags as the domain knows them', async () => {
    const url = serverDb('school');
    const db = await openDatabase(url, { meta: META });
    try {
      const { rows } = await sql<Record<string, unknown>>`SELECT count(*) AS n, sum(2530000::bigint * 3) AS money, avg(4) AS mean, 1 = 1 AS yes, 1 = 2 AS no,
        DATE '2025-12-20' AS day, TIMESTAMP '2025-12-20 08:00:00' AS at, 9007199254740991::bigint AS big`.execute(db.kysely);
      expect(rows[0]).toEqual({ n: 1, money: 7_590_000, mean: 4, yes: 1, no: 0, day: '2025-12-20', at: '2025-12-20 08:00:00', big: 9007199254740991 });
      const person = await db.kysely.selectFrom('people').selectAll().where('code', '=', 'VC003').executeTakeFirstOrThrow();
      expect(person).toMatchObject({ party_member: 1, active: 1 });
      await expect(sql`SELECT 9007199254740993::bigint AS n`.execute(db.kysely)).rejects.toThrow(/out of range/);
    } finally {
      await db.close();
    }
  });

  it('sorts the Vietnamese way in the program, as on SQLite, whatever the server collation; byte order in SQL', async () => {
    const url = serverDb('school');
    const lite = (await freshDb('sqlite')).db;
    // The test server's own collation is ICU Vietnamese (scripts/pg-server.mjs): SQL must not lean on it.
    expect(queryDb<{ collation: string }>(url, `SELECT coalesce(daticulocale, datcollate) AS collation FROM pg_database WHERE datname = current_database()`)[0].collation).toMatch(/vi|C/);
    const people = [['VC010', 'Đỗ Văn Ân'], ['VC011', 'Lê Thị Ánh'], ['VC012', 'Nguyễn Văn Anh'], ['VC013', 'Trần Thị Ẩn'], ['VC014', 'Phạm Văn Bình'], ['VC015', 'Đinh Văn Ðức'], ['VC016', 'Bùi Thị ánh']];
    for (const db of [url, lite]) {
      if (db === lite) await ok((argv) => run(['--db', db, ...argv]), ['unit', 'add', 'KLLCS', '--name', 'Khoa Lý luận cơ sở', '--kind', 'faculty']);
      for (const [code, name] of people) await ok((argv) => run(['--db', db, ...argv]), ['person', 'add', code, '--name', name, '--unit', 'KLLCS', '--category', 'staff']);
    }
    const names = async (db: string, extra: string[] = []) => (JSON.parse((await run(['--db', db, 'person', 'list', '--json', ...extra])).stdout) as { code: string }[]).map((p) => p.code);
    const onServer = await names(url);
    expect(onServer.filter((c) => c >= 'VC010')).toEqual((await names(lite)).filter((c) => c >= 'VC010'));
    expect(await names(url, ['--search', 'anh'])).toEqual(await names(lite, ['--search', 'anh']));
    // Text compares byte by byte, as SQLite's does (never the server's linguistic order).
    const order = 'SELECT code FROM people ORDER BY name, code';
    expect(queryDb<{ code: string }>(url, order).filter((r) => r.code >= 'VC010')).toEqual(queryDb<{ code: string }>(lite, order).filter((r) => r.code >= 'VC010'));
  });
});

describe.skipIf(!testServer())('least privilege: db roles', () => {
  it('prints the SQL without touching any database', async () => {
    const r = await run(['--db', join(tempDir(), 'khong-co.sqlite'), 'db', 'roles']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-- thidua: vai trò chủ sở hữu \(thidua_owner/);
    expect(r.stdout).toContain('CREATE ROLE thidua_owner LOGIN');
    expect(r.stdout).toContain('CREATE ROLE thidua_clerk LOGIN');
    expect((await run(['db', 'roles', '--clerk', 'Văn-thư'])).code).toBe(3);
    expect((await run(['db', 'roles', '--owner', 'x', '--clerk', 'x'])).code).toBe(3);
    expect((await run(['--db', join(tempDir(), 'a.sqlite'), 'db', 'roles', '--apply'])).code).toBe(5);
  });

  it('an owner creates and upgrades the schema; a clerk works the year but cannot change or remove the audit log or the register', async () => {
    const admin = serverDb('empty');
    const tag = randomBytes(3).toString('hex');
    const [owner, clerk] = [`o_${tag}`, `c_${tag}`];
    const applied = await run(['--db', admin, 'db', 'roles', '--apply', '--owner', owner, '--clerk', clerk]);
    expect(applied.code, applied.stderr).toBe(0);
    execDb(admin, `ALTER ROLE ${owner} PASSWORD 'chu-so-huu'`);
    execDb(admin, `ALTER ROLE ${clerk} PASSWORD 'van-thu'`);
    const asOwner = as(admin, owner, 'chu-so-huu');
    const asClerk = as(admin, clerk, 'van-thu');
    // The clerk cannot create the schema; the owner can.
    expect((await run(['--db', asClerk, 'init', ...ORG_FLAGS])).code).toBe(6);
    expect((await run(['--db', asOwner, 'init', ...ORG_FLAGS])).code).toBe(0);
    const cli = (argv: string[]) => run(['--db', asClerk, '--today', '2025-12-15', ...argv]);
    for (const s of SCHOOL_STEPS) await ok(cli, s);
    await ok(cli, ['council', 'set', '--kind', 'emulation', '--year', '2025', '--chair', 'VC001', '--member', 'VC002', '--secretary', 'VC003']);
    for (const p of ['VC002', 'VC003']) {
      await ok(cli, ['register', 'title', p, '--award', 'LDTT', '--year', '2025']);
      await ok(cli, ['evaluate', 'set', p, '--period', '2025', '--rating', 'HTTNV']);
    }
    const ids: number[] = [];
    for (const p of ['VC002', 'VC003']) {
      const n = await json<{ id: number }>(cli, ['nominate', p, '--award', 'LDTT', '--year', '2025', '--by', 'KLLCS', '--summary', 'Hoàn thành tốt nhiệm vụ', '--criterion', 'LDTT2=met:Biên bản']);
      await ok(cli, ['nominate', 'appraise', String(n.id), '--accept']);
      ids.push(n.id);
    }
    const b = await json<{ id: number }>(cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '3', ...AT_MEETING]);
    await ok(cli, ['ballot', 'tally', String(b.id), '--issued', '3', '--returned', '3', ...votes(ids, '3,0,0')]);
    await ok(cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
    const rec = await json<{ recognitions: { id: number }[] }>(cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    // Revoking is the one change the register allows: the decision's status, when all it decided is
    // revoked, and (the last one revoked by a numbered decision) the decision that revoked it.
    for (const [i, r] of rec.recognitions.entries()) {
      const byDecision = i === rec.recognitions.length - 1 ? ['--decision'] : [];
      await ok(cli, ['recognise', 'revoke', String(r.id), '--reason', 'Nhầm đối tượng', ...byDecision, '--yes']);
    }
    const qd = queryDb<{ id: number; number: number; status: string; revoked_by: number | null }>(admin, `SELECT id, number, status, revoked_by FROM documents WHERE kind = 'QĐ' ORDER BY number`);
    expect(qd.map((d) => [Number(d.number), d.status, d.revoked_by === null ? null : Number(d.revoked_by)])).toEqual([
      [1, 'revoked', Number(qd[1].id)],
      [2, 'issued', null],
    ]);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
    expect((await cli(['db', 'check'])).code).toBe(0);
    // Behind the program's back, the clerk can neither rewrite nor remove the log or the register.
    const denied = (statement: string) => {
      try {
        execDb(asClerk, statement);
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    };
    for (const s of [
      `UPDATE audit SET actor = 'x' WHERE id = 1`,
      `DELETE FROM audit WHERE id = 1`,
      `TRUNCATE audit`,
      `UPDATE documents SET number = 99`,
      `UPDATE documents SET payload = '{}'`,
      `DELETE FROM documents`,
      `TRUNCATE documents`,
      `DELETE FROM recognitions`,
      `INSERT INTO migrations (id, applied_at) VALUES ('9999-x', 'x')`,
      `ALTER TABLE audit DISABLE TRIGGER audit_no_update`,
      `DROP TRIGGER audit_no_delete ON audit`,
    ]) {
      expect(denied(s), s).toMatch(/permission denied|must be owner/);
    }
    // An upgrade is the owner's: the clerk is told so; after it the clerk's privileges cover the new table too.
    const step: Migration = {
      id: '9001-test-notes',
      description: 'test',
      ddl: { sqlite: [`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`], postgres: [`CREATE TABLE notes (id BIGINT PRIMARY KEY, text TEXT COLLATE "C" NOT NULL)`] },
    };
    const up = await openDatabase(asClerk, { meta: META, confirmed: true, migrations: [...migrations, step] }).catch((e: unknown) => e);
    expect((up as AppError).key).toBe('pg.upgradeNeedsOwner');
    await (await openDatabase(asOwner, { meta: META, confirmed: true, migrations: [...migrations, step] })).close();
    execDb(asClerk, `INSERT INTO notes (id, text) VALUES (1, 'x')`);
    expect(denied(`DROP TABLE notes`)).toMatch(/must be owner/);
  });
});

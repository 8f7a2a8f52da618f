/**
 * The audit trail: every change leaves a row; rows are append-only and hash-chained, so editing,
 * deleting or forging a row is found by `audit verify` and `db check`.
 */
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { runCli } from '../../src/cli/run.js';
import type { Io } from '../../src/context.js';
import { auditHash } from '../../src/db/audit.js';
import { migrations } from '../../migrations/index.js';
import type { AuditTable } from '../../src/db/schema.js';
import { join } from 'node:path';
import { ORG_FLAGS, schoolDb, freshDb, tempDir, type RunResult } from '../helpers/cli.js';

type Row = AuditTable;

interface Entry {
  id: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function withDb<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const rows = (file: string): Row[] => withDb(file, (db) => db.prepare('SELECT * FROM audit ORDER BY id').all() as Row[]);
const head = (file: string) => withDb(file, (db) => (db.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).get() as { value: string }).value);

/** Tampering the way someone with the file and an SQLite tool could: first the guards go. */
function tamper(file: string, fn: (db: BetterSqlite3.Database) => void): void {
  withDb(file, (db) => {
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    fn(db);
  });
}

/** The CLI at a given moment (the shared helper's clock is fixed). */
async function runAt(now: string, argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    columns: 120,
  };
  const code = await runCli({ argv, env: { THIDUA_TODAY: now.slice(0, 10) }, io, actor: 'clerk2', now: () => new Date(now) });
  return { code, stdout, stderr };
}

const M = migrations.length;

describe('every change is audited', () => {
  it('records who, which command, what entity, before and after', async () => {
    const { db, cli } = await freshDb();
    // init: one row per migration, then the first organisation profile.
    const afterInit = rows(db);
    expect(afterInit.map((r) => [r.entity, r.action])).toEqual([
      ...migrations.map(() => ['migration', 'apply']),
      ['org', 'create'],
    ]);
    expect(afterInit.map((r) => r.entity_id).slice(0, M)).toEqual(migrations.map((m) => m.id));
    const init = afterInit[M];
    expect(init).toMatchObject({ actor: 'tester', entity_id: '1900-01-01', before: null, at: '2026-11-28T08:00:00.000Z' });
    expect(init.command).toMatch(/^thidua --db \S+ init --name 'TRƯỜNG CHÍNH TRỊ'/);
    expect(JSON.parse(init.after!)).toMatchObject({ fullName: 'Trường Chính trị tỉnh Bình Phước', style: 'state' });

    const steps: [string[], string, string, string][] = [
      [['unit', 'add', 'KLLCS', '--name', 'Khoa Lý luận cơ sở', '--kind', 'faculty'], 'unit', 'KLLCS', 'create'],
      [['person', 'add', 'vc002', '--name', 'Nguyễn Thị Thu Thủy', '--unit', 'KLLCS', '--category', 'staff'], 'person', 'VC002', 'create'],
      [['person', 'edit', 'VC002', '--position', 'Giảng viên chính'], 'person', 'VC002', 'update'],
      [['rules', 'set', 'base_salary', '2.700.000', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'], 'rule', 'base_salary@2027-07-01', 'create'],
      [['org', 'set', '--from', '2025-07-01', '--parent-body', 'TỈNH ỦY ĐỒNG NAI'], 'org', '2025-07-01', 'create'],
    ];
    for (const [argv, entity, id, action] of steps) {
      const before = rows(db).length;
      const r = await cli(argv);
      expect(r.code, r.stderr).toBe(0);
      const added = rows(db).slice(before);
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ entity, entity_id: id, action, actor: 'tester' });
      expect(added[0].command).toContain(argv[0] + ' ' + argv[1]);
      expect(added[0].after).not.toBeNull();
    }
    const all = rows(db);
    const person = all.filter((r) => r.entity === 'person');
    expect(person[0].before).toBeNull();
    expect(JSON.parse(person[0].after!)).toMatchObject({ code: 'VC002', name: 'Nguyễn Thị Thu Thủy', position: null });
    expect(JSON.parse(person[1].before!)).toMatchObject({ position: null });
    expect(JSON.parse(person[1].after!)).toMatchObject({ position: 'Giảng viên chính' });
    const rule = all.find((r) => r.entity === 'rule')!;
    expect(JSON.parse(rule.before!)).toMatchObject({ key: 'base_salary', value: '2530000' });
    expect(JSON.parse(rule.after!)).toMatchObject({ key: 'base_salary', value: '2700000', validFrom: '2027-07-01' });
    const org = all.find((r) => r.entity === 'org' && r.entity_id === '2025-07-01')!;
    expect(JSON.parse(org.before!)).toMatchObject({ parentBody: 'TỈNH ỦY BÌNH PHƯỚC' });
    expect(JSON.parse(org.after!)).toMatchObject({ parentBody: 'TỈNH ỦY ĐỒNG NAI', fullName: 'Trường Chính trị tỉnh Bình Phước' });
    // The chain: each row points at the one before, the head at the last.
    all.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? '0'.repeat(64) : all[i - 1].hash));
    expect(head(db)).toBe(`${all[all.length - 1].id}:${all[all.length - 1].hash}`);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('writes nothing for a command that fails', async () => {
    const { db, cli } = await schoolDb();
    const count = rows(db).length;
    const h = head(db);
    const failures: [string[], number][] = [
      [['person', 'add', 'VC011', '--name', 'A', '--unit', 'KLLCS', '--category', 'boss'], 3],
      [['rules', 'set', 'base_salary', 'nhiều', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'], 3],
      [['org', 'set', '--from', '2025-07-01', '--style', 'royal'], 3],
      [['person', 'edit', 'VC002', '--unit', 'NONE'], 4],
      [['unit', 'add', 'VC002', '--name', 'X', '--kind', 'office'], 5],
      [['unit', 'retire', 'KLLCS'], 5],
    ];
    for (const [argv, code] of failures) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(code);
    }
    expect(rows(db)).toHaveLength(count);
    expect(head(db)).toBe(h);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });
});

describe('audit rows are append-only', () => {
  it('refuses UPDATE and DELETE in SQLite itself', async () => {
    const { db } = await schoolDb();
    withDb(db, (raw) => {
      expect(() => raw.prepare(`UPDATE audit SET actor = 'x' WHERE id = 2`).run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit WHERE id = 2').run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    });
    expect(rows(db)[1].actor).toBe('tester');
  });
});

describe('audit verify', () => {
  it('passes on an untouched log', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Nhật ký nguyên vẹn: \d+ dòng/);
    const j = JSON.parse((await cli(['audit', 'verify', '--json'])).stdout);
    // A row per migration, init, and the school's six steps (units, people, its basis documents).
    expect(j).toMatchObject({ ok: true, problems: [], rows: M + 7 });
  });

  it('(a) finds a row whose content was changed, and names it', async () => {
    const { db, cli } = await schoolDb();
    tamper(db, (raw) => raw.prepare(`UPDATE audit SET after = replace(after, 'Thủy', 'Thùy') WHERE entity_id = 'VC002'`).run());
    const id = rows(db).find((r) => r.entity_id === 'VC002')!.id;
    const r = await cli(['audit', 'verify']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`dòng ${id} đã bị sửa sau khi ghi`);
    const en = await cli(['--lang', 'en', 'audit', 'verify', '--json']);
    expect(en.code).toBe(6);
    expect(en.stderr).toContain(`row ${id} was changed after it was written`);
    expect(JSON.parse(en.stdout)).toMatchObject({ ok: false, problems: [{ id, problem: 'altered' }] });
    expect((await cli(['db', 'check'])).code).toBe(6);
  });

  it('(b) finds a deleted row in the middle', async () => {
    const { db, cli } = await schoolDb();
    const victim = rows(db)[M + 2].id;
    tamper(db, (raw) => raw.prepare('DELETE FROM audit WHERE id = ?').run(victim));
    const r = await cli(['audit', 'verify', '--json']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`dòng ${victim} đã bị xóa`);
    expect(JSON.parse(r.stdout).problems).toEqual([
      { id: victim, problem: 'missing' },
      { id: victim + 1, problem: 'broken-link' },
    ]);
  });

  it('(c) finds the last row deleted (the head no longer matches)', async () => {
    const { db, cli } = await schoolDb();
    const last = rows(db).at(-1)!.id;
    tamper(db, (raw) => raw.prepare('DELETE FROM audit WHERE id = ?').run(last));
    const r = await cli(['audit', 'verify', '--json']);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).problems).toEqual([{ id: last - 1, problem: 'head-mismatch' }]);
    expect(r.stderr).toMatch(/đầu chuỗi không khớp/);
  });

  it('(d) finds a changed row whose own hash was recomputed (the next link breaks)', async () => {
    const { db, cli } = await schoolDb();
    const target = rows(db)[M + 1];
    tamper(db, (raw) => {
      const after = target.after!.replace('Khoa Lý luận cơ sở', 'Khoa Lý luận chính trị');
      const forged = { ...target, after };
      const { hash: _old, ...rest } = forged;
      raw.prepare('UPDATE audit SET after = ?, hash = ? WHERE id = ?').run(after, auditHash(rest), target.id);
    });
    const r = await cli(['audit', 'verify', '--json']);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).problems).toEqual([{ id: target.id + 1, problem: 'broken-link' }]);
    expect(r.stderr).toContain(`dòng ${target.id + 1} không nối với dòng trước`);
  });

  it('(e) finds a forged row added at the end', async () => {
    const { db, cli } = await schoolDb();
    const last = rows(db).at(-1)!;
    withDb(db, (raw) => {
      const row = { ...last, id: last.id + 1, entity: 'person', entity_id: 'VC099', action: 'create', before: null, after: '{}', prev_hash: last.hash };
      const { hash: _h, ...rest } = row;
      raw.prepare('INSERT INTO audit (id, at, actor, command, entity, entity_id, action, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
        .run(row.id, row.at, row.actor, row.command, row.entity, row.entity_id, row.action, row.before, row.after, row.prev_hash, auditHash(rest));
    });
    const r = await cli(['audit', 'verify', '--json']);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).problems).toEqual([{ id: last.id + 1, problem: 'head-mismatch' }]);
  });

  it('(f) finds a log emptied together with its head', async () => {
    const { db, cli } = await schoolDb();
    tamper(db, (raw) => {
      raw.prepare('DELETE FROM audit').run();
      raw.prepare(`DELETE FROM meta WHERE key = 'audit.head'`).run();
    });
    const r = await cli(['audit', 'verify', '--json']);
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, rows: 0 });
  });
});

describe('audit list', () => {
  it('filters by entity and code, newest first', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['person', 'edit', 'VC002', '--position', 'Giảng viên'])).code).toBe(0);
    const r = await cli(['audit', 'list', '--entity', 'person', '--id', 'VC002', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Entry[];
    expect(list.map((e) => e.action)).toEqual(['update', 'create']);
    expect(Object.keys(list[0]).sort()).toEqual(['action', 'actor', 'after', 'at', 'before', 'command', 'entity', 'entityId', 'id'].sort());
    expect(list[0]).toMatchObject({ entity: 'person', entityId: 'VC002', actor: 'tester', before: { position: null }, after: { position: 'Giảng viên' } });
    expect(list[0].id).toBeGreaterThan(list[1].id);
    // Codes are read as clerks type them.
    const lower = JSON.parse((await cli(['audit', 'list', '--entity', 'PERSON', '--id', 'vc002', '--json'])).stdout);
    expect(lower).toEqual(list);
    const units = JSON.parse((await cli(['audit', 'list', '--entity', 'unit', '--json'])).stdout) as Entry[];
    expect(units.map((e) => e.entityId)).toEqual(['PTCHC', 'KLLCS']);
    expect(JSON.parse((await cli(['audit', 'list', '--entity', 'person', '--id', 'VC999', '--json'])).stdout)).toEqual([]);
    const limited = JSON.parse((await cli(['audit', 'list', '--limit', '2', '--json'])).stdout);
    expect(limited).toHaveLength(2);
    expect((await cli(['audit', 'list', '--limit', '0'])).code).toBe(3);
    const table = await cli(['audit', 'list', '--entity', 'person', '--id', 'VC002']);
    expect(table.stdout).toContain('VC002');
  });

  it('finds a rule by the key as typed', async () => {
    const { cli } = await freshDb();
    expect((await cli(['rules', 'set', 'coefficient.ldtt', '0,35', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
    for (const id of ['coefficient.LDTT@2027-01-01', 'coefficient.ldtt@2027-01-01']) {
      const list = JSON.parse((await cli(['audit', 'list', '--entity', 'rule', '--id', id, '--json'])).stdout) as Entry[];
      expect(list, id).toHaveLength(1);
      expect(list[0].after).toMatchObject({ key: 'coefficient.LDTT', value: '0.35' });
    }
  });

  it('lists changes since a date', async () => {
    const db = join(tempDir(), 'thidua.sqlite');
    const cli = (now: string, argv: string[]) => runAt(now, ['--db', db, ...argv]);
    expect((await cli('2026-11-01T01:00:00.000Z', ['init', ...ORG_FLAGS])).code).toBe(0);
    expect((await cli('2026-11-02T02:00:00.000Z', ['unit', 'add', 'KLLCS', '--name', 'Khoa Lý luận cơ sở', '--kind', 'faculty'])).code).toBe(0);
    expect((await cli('2026-11-20T03:00:00.000Z', ['person', 'add', 'VC002', '--name', 'Nguyễn Thị Thu Thủy', '--unit', 'KLLCS', '--category', 'staff'])).code).toBe(0);
    expect((await cli('2026-11-25T04:00:00.000Z', ['person', 'edit', 'VC002', '--position', 'Giảng viên'])).code).toBe(0);
    const since = async (date: string) =>
      (JSON.parse((await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--since', date, '--json'])).stdout) as Entry[]).map((e) => `${e.entity}:${e.action}`);
    expect(await since('2026-11-20')).toEqual(['person:update', 'person:create']);
    expect(await since('20/11/2026')).toEqual(['person:update', 'person:create']);
    expect(await since('2026-11-21')).toEqual(['person:update']);
    expect(await since('2026-11-26')).toEqual([]);
    expect(await since('2026-11-02')).toEqual(['person:update', 'person:create', 'unit:create']);
    expect((await since('2026-11-01')).slice(3)).toEqual(['org:create', ...migrations.map(() => 'migration:apply')]);
    const edit = JSON.parse((await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--entity', 'person', '--since', '2026-11-21', '--json'])).stdout) as Entry[];
    expect(edit[0]).toMatchObject({ actor: 'clerk2', at: '2026-11-25T04:00:00.000Z' });
    const bad = await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--since', '2026-13-01']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('2026-13-01');
  });

  it('reads --since as a day on the office clock, not in UTC', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const db = join(tempDir(), 'thidua.sqlite');
      const cli = (now: string, argv: string[]) => runAt(now, ['--db', db, ...argv]);
      expect((await cli('2026-11-01T01:00:00.000Z', ['init', ...ORG_FLAGS])).code).toBe(0);
      // 06:30 on 21 November in Việt Nam is still 20 November in UTC.
      expect((await cli('2026-11-20T23:30:00.000Z', ['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'])).code).toBe(0);
      const list = JSON.parse((await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--since', '2026-11-21', '--json'])).stdout) as Entry[];
      expect(list.map((e) => e.entityId)).toEqual(['KDV']);
      const none = JSON.parse((await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--since', '2026-11-22', '--json'])).stdout);
      expect(none).toEqual([]);
      // The times shown are the office's, in the audit list and in a person's history alike.
      expect((await cli('2026-11-20T23:30:00.000Z', ['person', 'add', 'VC001', '--name', 'Lê Văn Tám', '--unit', 'KDV', '--category', 'staff'])).code).toBe(0);
      const listed = (await cli('2026-11-28T08:00:00.000Z', ['audit', 'list', '--id', 'VC001'])).stdout;
      const shown = (await cli('2026-11-28T08:00:00.000Z', ['person', 'show', 'VC001'])).stdout;
      for (const text of [listed, shown]) {
        expect(text).toContain('2026-11-21 06:30:00');
        expect(text).not.toContain('2026-11-20 23:30');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

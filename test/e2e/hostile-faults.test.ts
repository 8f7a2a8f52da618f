/**
 * Issue 14: faults that say what they are (exit 6 in the user's language, never exit 1), reading that
 * never waits for writing and works on a database nobody may write, and tampering with the records
 * themselves (not only the log) named by `db check`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, openSync, closeSync, statSync, truncateSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, bin } from '../helpers/bin.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { schoolDb, tempDir } from '../helpers/cli.js';
import { sql } from '../helpers/db.js';

const STACK = /\n\s+at .+:\d+:\d+/;

function peopleCsv(file: string, n: number): void {
  let s = 'Mã,Họ và tên,Đơn vị,Loại\n';
  for (let i = 0; i < n; i++) s += `K${String(i).padStart(5, '0')},Nguyễn Văn Bình ${i},KLLCS,Viên chức\n`;
  writeFileSync(file, s);
}

/** Mounts a tmpfs of `bytes` on a fresh folder (root only); null where none can be mounted. */
function tinyDisk(bytes: number): string | null {
  const dir = tempDir('disk-');
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status === 0 ? dir : null;
}

describe('faults that say what they are', () => {
  it('a full disk during a write: exit 6 and the reason, never the failed rollback as an internal error', async (t) => {
    const { db, dir } = await schoolDb();
    const disk = tinyDisk(Math.ceil(statSync(db).size / 4096) * 4096 + 64 * 1024);
    if (!disk) return t.skip();
    try {
      const file = join(disk, 't.sqlite');
      copyFileSync(db, file);
      peopleCsv(join(dir, 'big.csv'), 3000);
      for (const lang of ['vi', 'en']) {
        const r = bin(['--lang', lang, '--db', file, 'person', 'import', join(dir, 'big.csv')]);
        expect(r.code, r.stderr).toBe(6);
        expect(r.stderr).toMatch(lang === 'vi' ? /Ổ đĩa đầy/ : /disk is full/);
        expect(r.stderr).not.toMatch(STACK);
      }
      const after = bin(['--db', file, 'person', 'list', '--json']);
      expect(after.code, after.stderr).toBe(0);
      expect(JSON.parse(after.stdout)).toHaveLength(3);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('db check on a damaged file: exit 6 saying what cannot be read, never an internal error', async () => {
    const { db } = await schoolDb();
    const raw = new BetterSqlite3(db, { readonly: true });
    const root = (raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'people'").get() as { rootpage: number }).rootpage;
    const pageSize = Number(raw.pragma('page_size', { simple: true }));
    raw.close();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    const r = bin(['--db', db, 'db', 'check']);
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).not.toMatch(/Lỗi nội bộ|STACK/);
    expect(r.stderr + r.stdout).toMatch(/hỏng|không đọc được|KHÔNG ĐẠT/);
  });

  it('a database whose recorded migrations do not match its tables: exit 6 at once, and db check names the difference', async () => {
    const cases: [string, (db: string) => void, RegExp][] = [
      ['a migration row removed', (db) => sql(db, "DELETE FROM migrations WHERE id LIKE '0005%'"), /0005-spread not recorded/],
      ['a column dropped', (db) => sql(db, 'ALTER TABLE people DROP COLUMN position'), /tables, columns, indexes or triggers changed/],
      ['a user_version from elsewhere', (db) => sql(db, 'PRAGMA user_version = 42'), /user_version 42/],
    ];
    for (const [what, change, detail] of cases) {
      const { db } = await schoolDb();
      change(db);
      for (const argv of [['person', 'list'], ['person', 'add', 'VC050', '--name', 'Lê Văn An', '--unit', 'KLLCS', '--category', 'staff', '--position', 'Giảng viên']]) {
        const r = bin(['--db', db, ...argv]);
        expect(r.code, `${what}: ${r.stderr}`).toBe(6);
        expect(r.stderr).toMatch(/không khớp với các bước nâng cấp/);
        expect(r.stderr).toMatch(detail);
      }
      const check = bin(['--db', db, 'db', 'check', '--json']);
      expect(check.code, what).toBe(6);
      const schema = (JSON.parse(check.stdout) as { checks: { name: string; ok: boolean; problems: string[] }[] }).checks.find((c) => c.name === 'schema')!;
      expect(schema.ok).toBe(false);
      if (what === 'a column dropped') expect(schema.problems).toContain('table people: column position missing');
    }
  });

  it('a file shorter than its own page count says: exit 6, and nothing is written into it', async () => {
    const { db } = await schoolDb();
    for (const cut of [100, 4096]) {
      const file = `${db}-${cut}.sqlite`;
      copyFileSync(db, file);
      truncateSync(file, statSync(file).size - cut);
      for (const argv of [['person', 'list'], ['unit', 'add', 'KX', '--name', 'Khoa X', '--kind', 'faculty'], ['db', 'check']]) {
        const r = bin(['--db', file, ...argv]);
        expect(r.code, `${cut} ${argv.join(' ')}: ${r.stderr}`).toBe(6);
        expect(r.stderr).toMatch(/ngắn hơn chính nó ghi/);
      }
    }
  });
});

describe('reading never waits for writing', () => {
  it('a list is read at once while another program holds the write lock, and shows what is committed', async () => {
    const { db } = await schoolDb();
    const writer = new BetterSqlite3(db);
    writer.exec("BEGIN IMMEDIATE; UPDATE people SET name = 'Chưa lưu' WHERE code = 'VC002'");
    try {
      const r = bin(['--db', db, 'person', 'list', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.ms).toBeLessThan(2500);
      expect(r.stdout).toContain('Nguyễn Thị Thu Thủy');
      expect(r.stdout).not.toContain('Chưa lưu');
      const status = bin(['--db', db, 'status']);
      expect(status.code, status.stderr).toBe(0);
      expect(status.ms).toBeLessThan(2500);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('a database nobody may write, in a folder nobody may write, is read; a change is refused with exit 6', async (t) => {
    if (process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0) return t.skip();
    const s = await certificateSchool();
    const dir = join(tempDir('ro-'), 'khoa');
    mkdirSync(dir);
    const db = join(dir, 'thidua.sqlite');
    copyFileSync(s.db, db);
    chownSync(dir, 65534, 65534);
    chownSync(db, 65534, 65534);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    chmodSync(join(dir, '..'), 0o755);
    const asNobody = (args: string[]) => {
      const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--db', db, ...args], {
        encoding: 'utf8', cwd: '/', env: { ...process.env, THIDUA_TODAY: '2025-12-20', HOME: '/' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const argv of [['person', 'list', '--json'], ['status'], ['document', 'list'], ['report', 'annual', '--year', '2025', '--json'], ['recognise', 'list'], ['audit', 'verify'], ['db', 'info']]) {
      const r = asNobody(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(JSON.parse(asNobody(['person', 'list', '--json']).stdout).length).toBeGreaterThan(3);
    const write = asNobody(['unit', 'add', 'KX', '--name', 'Khoa X', '--kind', 'faculty']);
    expect(write.code, write.stderr).toBe(6);
    expect(write.stderr).toMatch(/chỉ đọc/);
  });

  it('db backup --json gives the audit head of the copy it made', async () => {
    const { db, dir } = await schoolDb();
    const target = join(dir, 'b.sqlite');
    const r = bin(['--db', db, 'db', 'backup', target, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const copy = JSON.parse(bin(['--db', target, 'audit', 'head', '--json']).stdout);
    expect(JSON.parse(r.stdout).audit).toEqual(copy);
  });
});

describe('tampering with the records, not only the log', () => {
  it('db check compares the audited tables with the audit trail and names every row that differs', async () => {
    const s = await certificateSchool();
    // The test school takes two shortcuts through SQL (initiatives recognised by hand): db check sees them.
    const recordsOf = (out: string) => (JSON.parse(out) as { checks: { name: string; problems: string[] }[] }).checks.find((c) => c.name === 'records')!.problems;
    const seeded = recordsOf(bin(['--db', s.db, 'db', 'check', '--json']).stdout);
    expect(seeded).toEqual(['initiative SK-2025-001: status (differs)', 'initiative SK-2025-001: statusOn (differs)', 'initiative SK-2025-002: status (differs)', 'initiative SK-2025-002: statusOn (differs)', 'initiative_decision SK-2025-001 (unaudited)', 'initiative_decision SK-2025-002 (unaudited)']);
    const conn = new BetterSqlite3(s.db);
    const recognition = (conn.prepare("SELECT id FROM recognitions WHERE award = 'LDTT' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const ballot = (conn.prepare("SELECT ballot_id AS id, nomination_id AS n FROM ballot_results ORDER BY ballot_id, nomination_id LIMIT 1").get() as { id: number; n: number });
    const decision = (conn.prepare("SELECT id FROM documents WHERE kind = 'QĐ' ORDER BY id LIMIT 1").get() as { id: number }).id;
    conn.exec(`
      UPDATE recognitions SET bonus = bonus * 10 WHERE id = ${recognition};
      UPDATE rules SET value = '9990000' WHERE key = 'base_salary' AND valid_from = '2024-07-01';
      UPDATE ballot_results SET agree = agree + 3 WHERE ballot_id = ${ballot.id} AND nomination_id = ${ballot.n};
      UPDATE documents SET payload = replace(payload, 'Trần Văn Thịnh', 'Trần Văn Thính') WHERE id = ${decision};
      DROP TRIGGER audit_no_update;
    `);
    conn.close();
    const r = bin(['--db', s.db, 'db', 'check', '--json']);
    expect(r.code).toBe(6);
    const checks = (JSON.parse(r.stdout) as { checks: { name: string; problems: string[] }[] }).checks;
    const records = recordsOf(r.stdout);
    expect(records.filter((p) => !seeded.includes(p))).toEqual(expect.arrayContaining([
      `recognition ${recognition}: bonus (differs)`,
      'rule base_salary@2024-07-01: value (differs)',
      `ballot ${ballot.id}: nomination ${ballot.n} agree (differs)`,
      `document ${decision}: model (differs)`,
    ]));
    expect(checks.find((c) => c.name === 'schema')!.problems).toContain('trigger audit_no_update: missing');
    const text = bin(['--db', s.db, 'db', 'check']);
    expect(text.stdout).toMatch(new RegExp(`recognition ${recognition}: bonus là \\d+, nhật ký ghi \\d+`));
    expect(text.stdout).toMatch(/rule base_salary@2024-07-01: value là "9990000", nhật ký ghi "2340000"/);
  });
});

/**
 * Faults a province will meet over years: two clerks at once, a machine switched off mid-import,
 * damaged files, paths that cannot be made, a full disk. Each ends with a clear message and a
 * documented exit code, never a stack trace or a hang, and leaves the data sound.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, bin } from '../helpers/bin.js';
import { schoolDb } from '../helpers/cli.js';
import { auditHash } from '../../src/db/audit.js';

const STACK = /\n\s+at .+:\d+:\d+/;

function peopleCsv(file: string, prefix: string, n: number, unit = 'KLLCS'): void {
  let s = 'Mã,Họ và tên,Đơn vị,Loại\n';
  for (let i = 0; i < n; i++) s += `${prefix}${String(i).padStart(5, '0')},Nguyễn Văn ${prefix}${i},${unit},Viên chức\n`;
  writeFileSync(file, s);
}

function count(db: string, table: string): number {
  const raw = new BetterSqlite3(db, { readonly: true });
  try {
    return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

function spawnBin(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, THIDUA_TODAY: '2026-11-28' } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((res) => child.on('close', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}

describe('two programs writing at once', () => {
  it('both imports succeed and nothing is lost (WAL and the busy timeout)', async () => {
    const { db, dir } = await schoolDb();
    peopleCsv(join(dir, 'a.csv'), 'A', 1500);
    peopleCsv(join(dir, 'b.csv'), 'B', 1500, 'PTCHC');
    const a = spawnBin(['--db', db, 'person', 'import', join(dir, 'a.csv')]);
    const b = spawnBin(['--db', db, 'person', 'import', join(dir, 'b.csv')]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(count(db, 'people')).toBe(3 + 3000);
    expect(bin(['--db', db, 'audit', 'verify']).code).toBe(0);
  });
});

describe('a program killed in the middle of an import', () => {
  it('leaves the database sound with none of the rows, and the import can simply be run again', async () => {
    const { db, dir } = await schoolDb();
    peopleCsv(join(dir, 'big.csv'), 'K', 20_000);
    const before = count(db, 'audit');
    const run = spawnBin(['--db', db, 'person', 'import', join(dir, 'big.csv')]);
    // Killed once it is writing (the WAL grows), or after 1.5 s at the latest.
    const started = Date.now();
    while (Date.now() - started < 1500 && !(existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 64 * 1024)) await new Promise((r) => setTimeout(r, 20));
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(count(db, 'people')).toBe(3);
    expect(count(db, 'audit')).toBe(before);
    expect(bin(['--db', db, 'db', 'check']).code).toBe(0);
    // No half-written file under a final name beside the database.
    expect(readdirSync(dir).filter((f) => /tmp/.test(f))).toEqual([]);
    const again = bin(['--db', db, 'person', 'import', join(dir, 'big.csv')]);
    expect(again.code, again.stderr).toBe(0);
    expect(count(db, 'people')).toBe(20_003);
    expect(bin(['--db', db, 'audit', 'verify']).code).toBe(0);
  }, 60_000);
});

describe('damaged and wrong files', () => {
  it('a truncated database and a file that is not SQLite: exit 6, one clear line, no stack', async () => {
    const { db, dir } = await schoolDb();
    const cut = join(dir, 'cut.sqlite');
    copyFileSync(db, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 3));
    const notDb = join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'Đây là một văn bản, không phải cơ sở dữ liệu.\n'.repeat(200));
    for (const file of [cut, notDb]) {
      for (const args of [['person', 'list'], ['person', 'add', 'VC9', '--name', 'A B', '--unit', 'KLLCS', '--category', 'staff'], ['db', 'check']]) {
        const r = bin(['--db', file, ...args]);
        expect(r.code, `${file} ${args.join(' ')}: ${r.stderr}`).toBe(6);
        expect(r.stderr).toMatch(/bị hỏng|không phải cơ sở dữ liệu|ngắn hơn chính nó ghi/);
        expect(r.stderr).not.toMatch(STACK);
      }
    }
  });

  it('a database under a regular file (folder cannot exist): exit 6 with the reason', async () => {
    const { dir } = await schoolDb();
    writeFileSync(join(dir, 'plain'), 'x');
    const r = bin(['--db', join(dir, 'plain', 'x.sqlite'), 'init', '--name', 'T', '--full-name', 'T', '--parent-body', 'P', '--symbol', 'T', '--place', 'X', '--head-name', 'A B']);
    expect(r.code).toBe(6);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('backups and output that cannot be written', () => {
  it('db backup into /proc: exit 6 at once, not a spin', async () => {
    const { db } = await schoolDb();
    const r = spawnSync(process.execPath, [BIN, '--db', db, 'db', 'backup', '/proc/x/y.sqlite'], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/Không tạo được thư mục \/proc\/x/);
  });

  it('db backup onto a device (/dev/full) is refused (exit 3) and the device is left alone', async () => {
    const { db } = await schoolDb();
    const r = bin(['--db', db, 'db', 'backup', '/dev/full', '--yes']);
    expect(r.code).toBe(3);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('standard output on a full disk (/dev/full): exit 6 and the reason, in the chosen language', async () => {
    const { db } = await schoolDb();
    for (const [lang, text] of [['vi', /ổ đĩa đầy/], ['en', /the disk is full/]] as const) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --lang ${lang} --db "${db}" person list --json > /dev/full`], { encoding: 'utf8' });
      expect(r.status).toBe(6);
      expect(r.stderr).toMatch(text);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('backups and the database are readable by their owner only, and a backup prints the audit head', async () => {
    const { db, dir } = await schoolDb();
    const target = join(dir, 'sao-luu', 'b.sqlite');
    const r = bin(['--db', db, 'db', 'backup', target, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const head = JSON.parse(bin(['--db', db, 'audit', 'head', '--json']).stdout);
    expect(JSON.parse(r.stdout).audit).toEqual(head);
    expect(r.stderr).toContain(head.hash);
  });
});

describe('audit head and verify --anchor', () => {
  it('proves the log still extends a head kept earlier, and fails when every hash was rewritten', async () => {
    const { db } = await schoolDb();
    const head = JSON.parse(bin(['--db', db, 'audit', 'head', '--json']).stdout) as { count: number; hash: string };
    expect(head.count).toBeGreaterThan(3);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    const text = bin(['--db', db, 'audit', 'head']);
    expect(text.stdout).toContain(`${head.count}:${head.hash}`);
    expect(bin(['--db', db, 'unit', 'add', 'KX', '--name', 'Khoa X', '--kind', 'faculty']).code).toBe(0);
    const ok = bin(['--db', db, 'audit', 'verify', '--anchor', `${head.count}:${head.hash}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(bin(['--db', db, 'audit', 'verify', '--anchor', head.hash]).code).toBe(0);
    expect(bin(['--db', db, 'audit', 'verify', '--anchor', 'not-a-hash']).code).toBe(3);
    expect(bin(['--db', db, 'audit', 'verify', '--anchor', `${head.count + 1}:${head.hash}`]).code).toBe(6);

    // Someone edits a row and recomputes the whole chain: the chain alone looks intact…
    const raw = new BetterSqlite3(db);
    const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'`).all() as { name: string; sql: string }[];
    for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`);
    raw.prepare(`UPDATE audit SET actor = 'someone' WHERE id = 2`).run();
    let prev = '0'.repeat(64);
    const rows = raw.prepare('SELECT * FROM audit ORDER BY id').all() as Record<string, never>[];
    for (const r of rows) {
      const row = { ...(r as object), prev_hash: prev } as Parameters<typeof auditHash>[0] & { id: number };
      const hash = auditHash(row);
      raw.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    raw.prepare(`UPDATE meta SET value = ? WHERE key = 'audit.head'`).run(`${rows.length}:${prev}`);
    for (const t of triggers) raw.exec(t.sql);
    raw.close();
    expect(bin(['--db', db, 'audit', 'verify']).code).toBe(0);
    // …but it no longer extends the head kept outside the file.
    const r = bin(['--db', db, 'audit', 'verify', '--anchor', `${head.count}:${head.hash}`]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/không còn chứa mốc/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

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
import { countRows, forEachEngine, queryDb } from '../helpers/engines.js';
import { auditHash } from '../../src/db/audit.js';

const STACK = /\n\s+at .+:\d+:\d+/;

function peopleCsv(file: string, prefix: string, n: number, unit = 'KLLCS'): void {
  let s = 'Mã,Họ và tên,Đơn vị,Loại\n';
  for (let i = 0; i < n; i++) s += `${prefix}${String(i).padStart(5, '0')},Nguyễn Văn ${prefix}${i},${unit},Viên chức\n`;
  writeFileSync(file, s);
}

const count = countRows;

function spawnBin(args: string[], command = process.execPath, env: Record<string, string> = {}): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const argv = command === process.execPath ? [BIN, ...args] : args;
  const child = spawn(command, argv, { env: { ...process.env, THIDUA_TODAY: '2026-11-28', ...env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((res) => child.on('close', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}

/** A shell loop running the program once per item (one process after another, as a clerk would). */
function loop(db: string, items: string[], args: (item: string) => string[]) {
  const q = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const script = items.map((i) => [process.execPath, BIN, '--db', db, ...args(i)].map(q).join(' ') + ' || exit $?').join('\n');
  return spawnBin(['-c', script], 'sh');
}

/** Whether a program holds the write lock right now (SQLite: its WAL has grown; a server: the advisory lock is taken). */
function writing(db: string): boolean {
  if (/^postgres/.test(db)) return Number(queryDb<{ n: number }>(db, `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`)[0].n) > 0;
  return existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 64 * 1024;
}

forEachEngine((engine) => {
  describe('two programs writing at once', () => {
    it('both imports succeed and nothing is lost (the write lock and the busy timeout)', async () => {
      const { db, dir } = await schoolDb(engine);
      peopleCsv(join(dir, 'a.csv'), 'A', 1500);
      peopleCsv(join(dir, 'b.csv'), 'B', 1500, 'PTCHC');
      // The second waits for the first (a busy machine can take longer than the default 5 s over 1,500 rows).
      const wait = { THIDUA_BUSY_TIMEOUT_MS: '60000' };
      const a = spawnBin(['--db', db, 'person', 'import', join(dir, 'a.csv')], process.execPath, wait);
      const b = spawnBin(['--db', db, 'person', 'import', join(dir, 'b.csv')], process.execPath, wait);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      expect(count(db, 'people')).toBe(3 + 3000);
      expect(bin(['--db', db, 'audit', 'verify']).code).toBe(0);
    }, 120_000);
  });

  describe('four programs writing at once', () => {
    it('issuing documents, adding people and writing audit rows: unique numbers, an unbroken chain, nothing lost', async () => {
      const { db, dir } = await schoolDb(engine);
      const before = count(db, 'audit');
      const months = (from: number) => [0, 1, 2, 3, 4].map((i) => `2026-${String(from + i).padStart(2, '0')}`);
      const runs = [
        // Two programs each issuing five reports (BC numbers of the same kind and year)…
        loop(db, months(1), (m) => ['report', 'progress', '--month', m, '--format', 'docx', '--out', join(dir, `a-${m}.docx`)]),
        loop(db, months(6), (m) => ['report', 'progress', '--month', m, '--format', 'docx', '--out', join(dir, `b-${m}.docx`)]),
        // …one adding people, one recording achievements.
        loop(db, ['1', '2', '3', '4', '5'], (i) => ['person', 'add', `W${i}`, '--name', `Nguyễn Văn Tư ${i}`, '--unit', 'KLLCS', '--category', 'staff']),
        loop(db, ['1', '2', '3', '4', '5'], (i) => ['achieve', 'add', 'VC002', '--date', `2026-03-0${i}`, '--kind', 'task', '--text', `Việc ${i}`]),
      ];
      const done = await Promise.all(runs.map((r) => r.done));
      for (const r of done) expect(r.code, r.stderr).toBe(0);
      const numbers = queryDb<{ number: number }>(db, `SELECT number FROM documents WHERE kind = 'BC' AND year = 2026 ORDER BY number`).map((r) => Number(r.number));
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(count(db, 'people')).toBe(3 + 5);
      expect(count(db, 'achievements')).toBe(5);
      // Every change wrote its audit row, in one chain: 10 documents, 5 people, 5 achievements.
      expect(count(db, 'audit')).toBe(before + 20);
      const verify = bin(['--db', db, 'audit', 'verify']);
      expect(verify.code, verify.stderr).toBe(0);
    }, 180_000);
  });

  describe('a program killed in the middle of an import', () => {
    it('leaves the database sound with none of the rows, and the import can simply be run again', async () => {
      const { db, dir } = await schoolDb(engine);
      // Enough rows that the import is still writing when it is killed (a server takes longer per row).
      const rows = engine === 'postgres' ? 5_000 : 20_000;
      peopleCsv(join(dir, 'big.csv'), 'K', rows);
      const before = count(db, 'audit');
      const run = spawnBin(['--db', db, 'person', 'import', join(dir, 'big.csv')]);
      // Killed once it is writing, or after 3 s at the latest.
      const started = Date.now();
      while (Date.now() - started < 3000 && !writing(db)) await new Promise((r) => setTimeout(r, 5));
      // SQLite's WAL past 64 KB is already mid-transaction, and on a quiet machine the rest of it takes
      // well under 300 ms: kill at once. A server is slower per row: let it write a little first.
      if (engine === 'postgres') await new Promise((r) => setTimeout(r, 300));
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
      expect(count(db, 'people')).toBe(3 + rows);
      expect(bin(['--db', db, 'audit', 'verify']).code).toBe(0);
    }, 180_000);
  });
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

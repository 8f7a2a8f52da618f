/**
 * Issue 14, "Files written safely and privately" and "Irreversible steps only after every check":
 * temporary files are exclusive and unguessable, no link in an output folder makes the program write
 * another file, outputs are owner-only whatever the umask, a killed backup leaves nothing behind the
 * next time; a command that issues a number checks its outputs first, and says how to write what it
 * issued when writing fails after all.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ok, query, readyToRecognise } from '../helpers/ballot-seed.js';
import { BIN } from '../helpers/bin.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { run, schoolDb, tempDir } from '../helpers/cli.js';

const documents = (db: string, kind?: string) => query<{ n: number }>(db, `SELECT count(*) AS n FROM documents${kind ? ` WHERE kind = '${kind}'` : ''}`)[0]!.n;
const mode = (path: string) => statSync(path).mode & 0o777;

/** A folder on a file system of `bytes` (a tmpfs: needs root), or null where none can be mounted. */
function tinyDisk(bytes: number): string | null {
  const dir = tempDir('disk-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? dir : null;
}

function release(dir: string): void {
  spawnSync('umount', [dir]);
}

/** The built program under a umask that would leave everything open to everyone. */
function openUmask(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('sh', ['-c', `umask 000; ${quoted}`], { encoding: 'utf8', env: { ...process.env, THIDUA_TODAY: '2025-12-15', NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


describe('a command that issues a number', () => {
  it('recognise --out into a folder that cannot be made: exit 6 before the decision takes its number; the same command then works', async () => {
    const s = await readyToRecognise();
    writeFileSync(join(s.dir, 'plain'), 'x');
    const before = documents(s.db);
    const r = await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--yes', '--out', join(s.dir, 'plain', 'qd')]);
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toMatch(/Không tạo được thư mục/);
    expect(documents(s.db)).toBe(before);
    const out = join(s.dir, 'qd');
    const again = await json<{ decision: { symbol: string }; files: string[] }>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes', '--out', out]);
    expect(again.decision.symbol).toBe('01/QĐ-TCT');
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('when writing fails after the number is taken, the message says the decision is issued and gives the command that writes it', async () => {
    const s = await readyToRecognise();
    // The decision's file name, learned on a copy of the school.
    const copy = join(tempDir(), 'copy.sqlite');
    copyFileSync(s.db, copy);
    const learned = JSON.parse((await run(['--db', copy, '--today', '2025-12-15', 'recognise', '--year', '2025', '--award', 'LDTT', '--yes', '--out', tempDir(), '--json'])).stdout) as { files: string[] };
    const name = learned.files[0]!.split('/').pop()!;
    const out = tempDir('qd-');
    // A folder by that very name stands where the file goes.
    mkdirSync(join(out, name));
    const r = await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--yes', '--out', out]);
    expect(r.code, r.stderr).toBe(6);
    const id = query<{ id: number }>(s.db, "SELECT id FROM documents WHERE kind = 'QĐ'")[0]!.id;
    expect(r.stderr).toContain('Văn bản 01/QĐ-TCT đã được ban hành');
    expect(r.stderr).toContain(`thidua document render ${id} --out ${join(out, name)}`);
    const written = join(tempDir(), name);
    await ok(s.cli, ['document', 'render', String(id), '--out', written]);
    expect(readFileSync(written).equals(readFileSync(learned.files[0]!))).toBe(true);
  });

  it('a certificate batch stopped half way spends no number without its file, and the same command finishes it', async (t) => {
    const s = await certificateSchool();
    const copy = join(tempDir(), 'copy.sqlite');
    copyFileSync(s.db, copy);
    const whole = JSON.parse((await run(['--db', copy, '--today', '2025-12-15', 'certificate', '--year', '2025', '--out', tempDir(), '--json'])).stdout) as { certificates: { file: string; symbol: string }[] };
    expect(whole.certificates).toHaveLength(3);
    const names = whole.certificates.map((c) => c.file.split('/').pop()!);
    // A disk with room for the first certificate only: the second write fails half way.
    const disk = tinyDisk(Math.ceil(statSync(whole.certificates[0]!.file).size / 4096) * 4096 + 4096);
    if (!disk) return t.skip();
    try {
      const stopped = await s.cli(['certificate', '--year', '2025', '--out', disk]);
      expect(stopped.code, stopped.stderr).toBe(6);
      expect(stopped.stderr).toMatch(/ổ đĩa đầy/);
      expect(stopped.stderr).toMatch(/1 trong 3 giấy đã được lấy số và ghi tệp; chạy lại đúng lệnh này/);
      expect(documents(s.db, 'GCN')).toBe(1);
      expect(readdirSync(disk)).toEqual([names[0]]);
    } finally {
      release(disk);
    }
    const out = tempDir('gcn-');
    copyFileSync(whole.certificates[0]!.file, join(out, names[0]!));
    // As if a killed run had written the second file and died before its number was committed.
    copyFileSync(whole.certificates[1]!.file, join(out, names[1]!));
    const finished = await json<{ certificates: { symbol: string; file: string }[] }>(s.cli, ['certificate', '--year', '2025', '--out', out]);
    expect(finished.certificates.map((c) => c.symbol)).toEqual(whole.certificates.map((c) => c.symbol));
    finished.certificates.forEach((c, i) => expect(readFileSync(c.file).equals(readFileSync(whole.certificates[i]!.file))).toBe(true));
    expect(documents(s.db, 'GCN')).toBe(3);
    const listed = JSON.parse((await s.cli(['document', 'list', '--kind', 'GCN', '--json'])).stdout) as unknown[];
    expect(listed).toHaveLength(3);
  });
});

describe('links planted in an output folder', () => {
  it('never make a backup or a report write another file, through a guessable temporary name or the target', async () => {
    const { db, dir, cli } = await schoolDb();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'không được ghi đè');
    const out = join(dir, 'out');
    mkdirSync(out);
    // Every name the program used to choose for its temporary files in this process.
    for (let i = 0; i <= 60; i++) symlinkSync(victim, join(out, `.thidua-${process.pid}-${i}.tmp`));
    symlinkSync(victim, join(out, `b.sqlite.tmp-${process.pid}`));
    expect((await cli(['db', 'backup', join(out, 'b.sqlite')])).code).toBe(0);
    expect((await cli(['report', 'annual', '--year', '2026', '--out', join(out, 'bao-cao.csv')])).code).toBe(0);
    expect((await cli(['person', 'list', '--csv'])).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('không được ghi đè');
    // A link in place of the target itself is refused (exit 3), with or without --yes.
    symlinkSync(victim, join(out, 'lien-ket.sqlite'));
    symlinkSync(victim, join(out, 'lien-ket.csv'));
    for (const argv of [['db', 'backup', join(out, 'lien-ket.sqlite'), '--yes'], ['report', 'annual', '--year', '2026', '--out', join(out, 'lien-ket.csv'), '--force']]) {
      const r = await cli(argv);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/liên kết/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('không được ghi đè');
    expect(statSync(db).size).toBeGreaterThan(0);
  });
});

describe('files the program writes', () => {
  it('are owner-only (0600), and the folders it makes 0700, under a umask of 000', async () => {
    const s = await certificateSchool();
    const base = tempDir('out-');
    const checks: [string[], string[]][] = [
      [['db', 'backup', join(base, 'sao-luu', 'b.sqlite')], [join(base, 'sao-luu', 'b.sqlite')]],
      // The annual report needs the clerk's assessment to be issued: its draft is a file all the same.
      [['report', 'annual', '--year', '2025', '--draft', '--out', join(base, 'bc', 'nam.docx')], [join(base, 'bc', 'nam.docx')]],
      [['report', 'annual', '--year', '2025', '--out', join(base, 'bc', 'nam.csv')], [join(base, 'bc', 'nam.csv')]],
      [['commend', '--quarter', '2025-Q3', '--out', join(base, 'td')], [join(base, 'td', 'tuyen-duong-2025-Q3.docx'), join(base, 'td', 'tuyen-duong-2025-Q3.csv')]],
      [['certificate', '--year', '2025', '--out', join(base, 'gcn'), '--merge'], []],
      [['document', 'render', '1', '--out', join(base, 'qd', 'qd.docx')], [join(base, 'qd', 'qd.docx')]],
      [['spread', 'export', '--channel', 'website', '--year', '2025', '--out', join(base, 'web')], []],
    ];
    await ok(s.cli, ['spread', 'add', 'VC002', '--channel', 'website', '--date', '2025-12-01']);
    for (const [argv, files] of checks) {
      const r = openUmask(['--db', s.db, ...argv]);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      for (const f of files) expect(mode(f), f).toBe(0o600);
    }
    for (const folder of ['sao-luu', 'bc', 'td', 'gcn', 'qd', 'web']) {
      expect(mode(join(base, folder)), folder).toBe(0o700);
      for (const f of readdirSync(join(base, folder))) expect(mode(join(base, folder, f)), f).toBe(0o600);
    }
    expect(readdirSync(join(base, 'gcn')).length).toBeGreaterThan(3);
    expect(readdirSync(join(base, 'web')).length).toBeGreaterThan(0);
  });

  it('a killed backup leaves no temporary file once the next backup has run', async () => {
    const { db, dir } = await schoolDb();
    const folder = join(dir, 'sao-luu');
    mkdirSync(folder);
    // What a backup killed half way leaves: its temporary file, named for a process that is gone.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const left = join(folder, `.b.sqlite.thidua-${dead}-0123456789abcdef.tmp`);
    writeFileSync(left, 'nửa bản sao');
    const r = openUmask(['--db', db, 'db', 'backup', join(folder, 'b2.sqlite')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['b2.sqlite']);
  });
});

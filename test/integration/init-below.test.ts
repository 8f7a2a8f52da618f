/**
 * Issue 15: `init` in a folder below an existing database warns and asks on a terminal; without one it
 * refuses (exit 5) naming the database it found; `--force` goes on.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORG_FLAGS, run, tempDir } from '../helpers/cli.js';

async function officeWithSubfolder(): Promise<{ office: string; sub: string; deep: string }> {
  const office = tempDir();
  expect((await run(['--db', join(office, 'thidua.sqlite'), 'init', ...ORG_FLAGS])).code).toBe(0);
  const sub = join(office, 'van-ban');
  const deep = join(sub, '2026');
  mkdirSync(deep, { recursive: true });
  return { office, sub, deep };
}

describe('init below an existing database', () => {
  it('refuses without a terminal (exit 5), naming the database found one or two folders up, and writes nothing', async () => {
    const { office, sub, deep } = await officeWithSubfolder();
    for (const dir of [sub, deep]) {
      const db = join(dir, 'thidua.sqlite');
      const r = await run(['--db', db, 'init', ...ORG_FLAGS]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`Thư mục phía trên đã có cơ sở dữ liệu ${join(office, 'thidua.sqlite')}`);
      expect(r.stderr).toContain('--force');
      expect(existsSync(db)).toBe(false);
    }
    const en = await run(['--lang', 'en', '--db', join(sub, 'thidua.sqlite'), 'init', ...ORG_FLAGS]);
    expect(en.stderr).toContain(`A folder above already holds the database ${join(office, 'thidua.sqlite')}`);
  });

  it('goes on with --force', async () => {
    const { sub } = await officeWithSubfolder();
    const db = join(sub, 'thidua.sqlite');
    const r = await run(['--db', db, 'init', ...ORG_FLAGS, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('asks on a terminal: no leaves nothing (130), yes creates it', async () => {
    const { office, sub } = await officeWithSubfolder();
    const db = join(sub, 'thidua.sqlite');
    const question = new RegExp(`${join(office, 'thidua.sqlite').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*Vẫn tạo thêm`);
    const no = await run(['--db', db, 'init', ...ORG_FLAGS, '--head-title', 'Hiệu trưởng', '--style', 'state'], { tty: true, answers: [{ expect: question, answer: false }] });
    expect(no.code).toBe(130);
    expect(existsSync(db)).toBe(false);
    const yes = await run(['--db', db, 'init', ...ORG_FLAGS, '--head-title', 'Hiệu trưởng', '--style', 'state'], { tty: true, answers: [{ expect: question, answer: true }] });
    expect(yes.code, yes.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('a sibling folder, or a file that is not a database, is no reason to ask', async () => {
    await officeWithSubfolder();
    expect((await run(['--db', join(tempDir(), 'thidua.sqlite'), 'init', ...ORG_FLAGS])).code).toBe(0);
    const other = tempDir();
    writeFileSync(join(other, 'thidua.sqlite'), 'không phải SQLite');
    mkdirSync(join(other, 'con'));
    expect((await run(['--db', join(other, 'con', 'thidua.sqlite'), 'init', ...ORG_FLAGS])).code).toBe(0);
  });
});

/**
 * A year caught up late (issue 15): registrations dated back with `--date`, and progress reports
 * counted in every report of their month whatever the day the initiative was registered.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { json, ok, type Cli } from '../helpers/ballot-seed.js';

interface Listed {
  titles: { subject: string; award: string; registeredOn: string; status: string; withdrawnOn: string | null }[];
  initiatives: { code: string; registeredOn: string; statusOn: string; status: string }[];
}

/** The CLI on 20 January 2026, catching up the year 2025. */
async function lateOffice() {
  const env = await schoolDb();
  const cli: Cli = (argv, o) => env.cli(['--today', '2026-01-20', ...argv], o);
  return { ...env, cli };
}

describe('register … --date (a year entered late)', () => {
  it('dates a title registration, an initiative and an import back; today stays the default', async () => {
    const { cli, dir } = await lateOffice();
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025', '--date', '20/01/2025']);
    await ok(cli, ['register', 'title', 'VC003', '--award', 'LDTT', '--year', '2025']);
    const ini = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'sáng kiến', '--title', 'Số hóa hồ sơ', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025', '--date', '2025-02-03']);
    const f = join(dir, 'dang-ky.csv');
    await writeFile(f, 'Mã,Danh hiệu\nKLLCS,TTLDTT\nVC002,CSTDCS\n');
    await ok(cli, ['register', 'import', f, '--year', '2025', '--date', '2025-01-21']);
    const l = await json<Listed>(cli, ['register', 'list', '--year', '2025']);
    const on = Object.fromEntries(l.titles.map((t) => [`${t.subject} ${t.award}`, t.registeredOn]));
    expect(on).toEqual({ 'VC002 LDTT': '2025-01-20', 'VC003 LDTT': '2026-01-20', 'VC002 CSTDCS': '2025-01-21', 'KLLCS TTLDTT': '2025-01-21' });
    expect(l.initiatives).toMatchObject([{ code: ini.code, registeredOn: '2025-02-03', statusOn: '2025-02-03', status: 'registered' }]);
  });

  it('refuses a date after today or too early for the year (3), saying why, and writes nothing', async () => {
    const { cli, dir } = await lateOffice();
    const future = await cli(['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025', '--date', '2026-01-21']);
    expect(future.code).toBe(3);
    expect(future.stderr).toContain('Ngày đăng ký (--date): 21/01/2026 còn ở sau hôm nay (20/01/2026)');
    const early = await cli(['register', 'initiative', '--kind', 'initiative', '--title', 'X', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025', '--date', '2023-12-31']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('31/12/2023 quá sớm cho đăng ký năm 2025');
    const f = join(dir, 'dang-ky.csv');
    await writeFile(f, 'Mã,Danh hiệu\nKLLCS,TTLDTT\n');
    const bad = await cli(['register', 'import', f, '--year', '2025', '--date', '2026-02-01']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('sau hôm nay');
    const en = await cli(['--lang', 'en', 'register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025', '--date', '2026-01-21']);
    expect(en.stderr).toContain('Registration date (--date): 21/01/2026 is after today');
    const l = await json<Listed>(cli, ['register', 'list', '--year', '2025']);
    expect([l.titles, l.initiatives]).toEqual([[], []]);
  });

  it('dates a withdrawal back, not before the registration nor before a month already reported', async () => {
    const { cli } = await lateOffice();
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025', '--date', '2025-01-20']);
    const before = await cli(['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2025', '--reason', 'Nhầm', '--date', '2025-01-10']);
    expect(before.code).toBe(3);
    expect(before.stderr).toContain('trước ngày VC002 đăng ký LDTT năm 2025 (20/01/2025)');
    await ok(cli, ['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2025', '--reason', 'Nhầm', '--date', '2025-03-01']);
    expect((await json<Listed>(cli, ['register', 'list', '--year', '2025'])).titles[0]).toMatchObject({ status: 'withdrawn', withdrawnOn: '2025-03-01' });

    const { code } = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Mã QR thư viện', '--author', 'VC003', '--unit', 'KLLCS', '--year', '2025', '--date', '2025-02-03']);
    for (const month of ['2025-02', '2025-03', '2025-04']) await ok(cli, ['progress', 'add', code, '--month', month, '--percent', '20']);
    const early = await cli(['register', 'withdraw', code, '--reason', 'Trùng giải pháp', '--date', '2025-03-20']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain(`trước tháng 2025-04, tháng ${code} đã có báo cáo tiến độ`);
    await ok(cli, ['register', 'withdraw', code, '--reason', 'Trùng giải pháp', '--date', '2025-05-12']);
    expect((await json<Listed>(cli, ['register', 'list', '--year', '2025'])).initiatives[0]).toMatchObject({ status: 'withdrawn', statusOn: '2025-05-12' });
  });
});

interface Reporting {
  unit: string;
  due: number;
  made: number;
  missing: number;
  gapMonths: string;
}

describe('progress reports of months before the registration day', () => {
  it('are counted in every report of their month: progress, quarterly and annual', async () => {
    const { cli } = await lateOffice();
    // Registered today (the default), for 2025; its units reported February and March, entered now.
    const { code } = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa hồ sơ', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025']);
    await ok(cli, ['progress', 'add', code, '--month', '2025-02', '--percent', '20']);
    await ok(cli, ['progress', 'add', code, '--month', '2025-03', '--percent', '35']);

    const feb = await json<{ units: Reporting[]; initiatives: { code: string; percent: number | null; reported: boolean }[] }>(cli, ['report', 'progress', '--month', '2025-02']);
    expect(feb.units).toEqual([expect.objectContaining({ unit: 'KLLCS', due: 1, made: 1, missing: 0 })]);
    expect(feb.initiatives).toEqual([expect.objectContaining({ code, percent: 20, reported: true })]);
    const q1 = await json<{ reporting: Reporting[] }>(cli, ['report', 'quarterly', '--quarter', '2025-Q1']);
    expect(q1.reporting).toEqual([expect.objectContaining({ unit: 'KLLCS', due: 2, made: 2, missing: 0 })]);
    const year = await json<{ reporting: Reporting[] }>(cli, ['report', 'annual', '--year', '2025']);
    expect(year.reporting).toEqual([expect.objectContaining({ unit: 'KLLCS', due: 2, made: 2, missing: 0, gapMonths: '' })]);
  });

  it('an initiative registered for next year owes nothing this December, and cannot report for it (3, saying why)', async () => {
    const env = await schoolDb();
    const cli: Cli = (argv, o) => env.cli(['--today', '2025-12-20', ...argv], o);
    const { code } = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Kế hoạch 2026', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2026']);
    const r = await cli(['progress', 'add', code, '--month', '2025-12', '--percent', '5']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('trước năm đăng ký 2026');
    const dec = await json<{ units: Reporting[] }>(cli, ['report', 'progress', '--month', '2025-12']);
    expect(dec.units).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { schoolDb } from '../helpers/cli.js';
import { expectInOrder, seedInitiatives as seed, type InitiativeSeed as Seed, type ReportSeed } from '../helpers/progress-seed.js';

const json = (r: { stdout: string }) => JSON.parse(r.stdout);

async function school(initiatives: Seed[] = [], reports: ReportSeed[] = []) {
  const env = await schoolDb();
  seed(env.db, initiatives, reports);
  return env;
}

describe('progress add', () => {
  it('records a report, starts a registered initiative, and audits both', async () => {
    const { cli } = await school([{ code: 'SK-2026-001', title: 'Số hóa hồ sơ học viên', registeredOn: '2026-02-10' }]);
    const r = await cli(['progress', 'add', 'sk-2026-001', '--month', '2026-10', '--percent', '40', '--note', '  Đã  khảo sát ', '--json']);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({
      code: 'SK-2026-001', title: 'Số hóa hồ sơ học viên', unit: 'KLLCS', month: '2026-10', percent: 40, note: 'Đã khảo sát', reportedOn: '2026-11-28',
    });
    expect(r.stderr).toContain('10/2026');
    expect(r.stderr).toContain('đang thực hiện');

    const audit = json(await cli(['audit', 'list', '--json']));
    const progress = audit.filter((a: { entity: string }) => a.entity === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ entityId: 'SK-2026-001', action: 'create', before: null, after: { month: '2026-10', percent: 40 } });
    const moved = audit.filter((a: { entity: string }) => a.entity === 'initiative');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      entityId: 'SK-2026-001', action: 'status-report',
      before: { status: 'registered', statusOn: '2026-02-10' }, after: { status: 'in_progress', statusOn: '2026-11-28' },
    });
  });

  it('moves only a registered initiative: an in-progress one keeps its status date', async () => {
    const { cli, db } = await school([{ code: 'SK-2026-001', status: 'in_progress', statusOn: '2026-03-31' }]);
    expect((await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-11', '--percent', '50'])).code).toBe(0);
    const conn = new Database(db, { readonly: true });
    const row = conn.prepare('SELECT status, status_on FROM initiatives').get();
    conn.close();
    expect(row).toEqual({ status: 'in_progress', status_on: '2026-03-31' });
    const audit = json(await cli(['audit', 'list', '--entity', 'initiative', '--json']));
    expect(audit).toEqual([]);
  });

  it('replaces a second report for the same month; the audit keeps both', async () => {
    const { cli } = await school([{ code: 'DT-2026-001' }]);
    expect((await cli(['progress', 'add', 'DT-2026-001', '--month', '2026-09', '--percent', '30', '--note', 'lần 1'], { env: { THIDUA_TODAY: '2026-10-02' } })).code).toBe(0);
    const second = await cli(['progress', 'add', 'DT-2026-001', '--month', '09/2026', '--percent', '35']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('30% → 35%');
    const list = json(await cli(['progress', 'list', '--json']));
    expect(list).toEqual([{ code: 'DT-2026-001', title: 'Đề xuất DT-2026-001', unit: 'KLLCS', month: '2026-09', percent: 35, note: null, reportedOn: '2026-11-28' }]);
    const audit = json(await cli(['audit', 'list', '--entity', 'progress', '--json']));
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['replace', 'create']);
    expect(audit[0].before).toMatchObject({ month: '2026-09', percent: 30, note: 'lần 1', reportedOn: '2026-10-02' });
    expect(audit[0].after).toMatchObject({ month: '2026-09', percent: 35, note: null, reportedOn: '2026-11-28' });
    // The initiative started once, with the first report.
    expect(json(await cli(['audit', 'list', '--entity', 'initiative', '--json']))).toHaveLength(1);
  });

  it('warns on stderr, but records, when the percentage drops below the previous report', async () => {
    const { cli } = await school([{ code: 'SK-2026-001', status: 'in_progress' }], [['SK-2026-001', '2026-09', 60]]);
    const r = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10', '--percent', '45', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Lưu ý.*45%.*09\/2026.*60%/);
    expect(json(r).percent).toBe(45);
    const same = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-11', '--percent', '45']);
    expect(same.stderr).not.toContain('Lưu ý');
    const en = await cli(['--lang', 'en', 'progress', 'add', 'SK-2026-001', '--month', '2026-11', '--percent', '10']);
    expect(en.stderr).toMatch(/lower than for 10\/2026 \(45%\)/);
  });

  it.each([
    ['105', '105'],
    ['abc', 'abc'],
    ['-1', '-1'],
    ['12.5', '12.5'],
  ])('refuses --percent %s (exit 3) and writes nothing', async (value, shown) => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    const r = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10', '--percent', value]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(shown);
    expect(r.stderr).toContain('0 đến 100');
    expect(json(await cli(['progress', 'list', '--json']))).toEqual([]);
    expect(json(await cli(['audit', 'list', '--entity', 'initiative', '--json']))).toEqual([]);
  });

  it('accepts 0, 100 and "60%"', async () => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    expect((await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-08', '--percent', '0'])).code).toBe(0);
    expect((await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-09', '--percent', '60%'])).code).toBe(0);
    expect((await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10', '--percent', '100'])).code).toBe(0);
    expect(json(await cli(['progress', 'list', '--json'])).map((r: { percent: number }) => r.percent)).toEqual([0, 60, 100]);
  });

  it('refuses a month after the current one, and one before the initiative\'s year (exit 3)', async () => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    const future = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-12', '--percent', '10']);
    expect(future.code).toBe(3);
    expect(future.stderr).toContain('2026-12');
    expect(future.stderr).toContain('2026-11');
    const current = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-11', '--percent', '10']);
    expect(current.code).toBe(0);
    const before = await cli(['progress', 'add', 'SK-2026-001', '--month', '2025-12', '--percent', '10']);
    expect(before.code).toBe(3);
    expect(before.stderr).toContain('2026');
    const bad = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-13', '--percent', '10']);
    expect(bad.code).toBe(3);
    expect(json(await cli(['progress', 'list', '--json']))).toHaveLength(1);
  });

  it('reports a bad month and a bad percentage together', async () => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    const r = await cli(['progress', 'add', 'SK-2026-001', '--month', 'tháng mười', '--percent', 'abc']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('tháng mười');
    expect(r.stderr).toContain('abc');
  });

  it('names an unknown initiative (exit 4) and a malformed code (exit 3)', async () => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    const r = await cli(['progress', 'add', 'SK-2026-009', '--month', '2026-10', '--percent', '10']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('SK-2026-009');
    expect(r.stderr).toContain('register list');
    expect((await cli(['progress', 'add', 'SK@2026#1', '--month', '2026-10', '--percent', '10'])).code).toBe(3);
  });

  it.each([
    ['applied', 'đã nộp đơn đề nghị công nhận'],
    ['recognised', 'đã được công nhận'],
    ['rejected', 'không được công nhận'],
    ['withdrawn', 'đã rút đăng ký'],
  ] as const)('refuses an initiative that is %s (exit 5), naming its status', async (status, words) => {
    const { cli } = await school([{ code: 'SK-2026-001', status, statusOn: '2026-10-05' }]);
    const r = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10', '--percent', '90']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('05/10/2026');
    expect(json(await cli(['progress', 'list', '--json']))).toEqual([]);
  });

  it('needs --month and --percent: names the flag without a terminal, asks on one', async () => {
    const { cli } = await school([{ code: 'SK-2026-001' }]);
    const piped = await cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--percent');
    const tty = await cli(['progress', 'add', 'SK-2026-001'], {
      tty: true,
      answers: [
        { expect: /Tháng báo cáo/, answer: '2026-10' },
        { expect: /Tiến độ/, answer: '25' },
      ],
    });
    expect(tty.code).toBe(0);
  });
});

describe('progress list', () => {
  const initiatives: Seed[] = [
    { code: 'SK-2026-002', unit: 'PTCHC', authors: [['VC001', 100]] },
    { code: 'DT-2026-001', status: 'in_progress' },
    { code: 'SK-2025-004', registeredOn: '2025-03-01', status: 'recognised' },
  ];
  const reports: ReportSeed[] = [
    ['SK-2026-002', '2026-10', 50],
    ['SK-2026-002', '2026-09', 40],
    ['DT-2026-001', '2026-10', 70],
    ['SK-2025-004', '2025-10', 100],
  ];

  it('sorts by code then month, with exactly the contract fields', async () => {
    const { cli } = await school(initiatives, reports);
    const all = json(await cli(['progress', 'list', '--json']));
    expect(all.map((r: { code: string; month: string }) => `${r.code} ${r.month}`)).toEqual([
      'DT-2026-001 2026-10', 'SK-2025-004 2025-10', 'SK-2026-002 2026-09', 'SK-2026-002 2026-10',
    ]);
    expect(Object.keys(all[0]).sort()).toEqual(['code', 'month', 'note', 'percent', 'reportedOn', 'title', 'unit']);
  });

  it('filters by month, unit, initiative and year', async () => {
    const { cli } = await school(initiatives, reports);
    const codes = async (...flags: string[]) => json(await cli(['progress', 'list', ...flags, '--json'])).map((r: { code: string; month: string }) => `${r.code} ${r.month}`);
    expect(await codes('--month', '10/2026')).toEqual(['DT-2026-001 2026-10', 'SK-2026-002 2026-10']);
    expect(await codes('--unit', 'ptchc')).toEqual(['SK-2026-002 2026-09', 'SK-2026-002 2026-10']);
    expect(await codes('--initiative', 'sk-2026-002', '--month', '2026-09')).toEqual(['SK-2026-002 2026-09']);
    // the short form progress add accepts (sk-2026-2) names the same initiative here
    expect(await codes('--initiative', 'sk-2026-2')).toEqual(['SK-2026-002 2026-09', 'SK-2026-002 2026-10']);
    expect(await codes('--year', '2025')).toEqual(['SK-2025-004 2025-10']);
  });

  it('refuses unknown filters and bad values', async () => {
    const { cli } = await school(initiatives, reports);
    expect((await cli(['progress', 'list', '--unit', 'KHONG'])).code).toBe(4);
    expect((await cli(['progress', 'list', '--initiative', 'SK-2026-099'])).code).toBe(4);
    expect((await cli(['progress', 'list', '--month', '2026-13'])).code).toBe(3);
    expect((await cli(['progress', 'list', '--year', '26'])).code).toBe(3);
  });

  it('prints a table and a CSV', async () => {
    const { cli } = await school(initiatives, reports);
    const table = await cli(['progress', 'list', '--month', '2026-10']);
    expect(table.stdout).toContain('Tiến độ');
    expect(table.stdout).toContain('70%');
    expect(table.stdout).toContain('10/2026');
    expect(table.stdout).toContain('Phòng Tổ chức – Hành chính');
    const csv = await cli(['progress', 'list', '--csv']);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(5);
    const empty = await cli(['progress', 'list', '--month', '2026-01']);
    expect(empty.code).toBe(0);
  });
});

describe('progress missing', () => {
  async function withUnits() {
    const env = await school();
    // A unit whose code sorts first but whose name sorts between the two others.
    for (const s of [
      ['unit', 'add', 'AQL', '--name', 'Phòng Đào tạo', '--kind', 'office'],
      ['person', 'add', 'VC010', '--name', 'Lê Thị Hoa', '--unit', 'AQL', '--category', 'staff'],
    ]) expect((await env.cli(s)).code).toBe(0);
    seed(env.db, [
      { code: 'SK-2026-001', status: 'in_progress', title: 'Bài giảng điện tử' },
      { code: 'SK-2026-002', unit: 'PTCHC', authors: [['VC001', 100]] },
      { code: 'SK-2026-003', unit: 'AQL', authors: [['VC010', 100]], status: 'in_progress' },
      { code: 'DT-2026-001', status: 'registered' },
      { code: 'DT-2026-002', status: 'in_progress' },
      { code: 'DT-2026-003', status: 'withdrawn' },
      { code: 'SK-2026-004', status: 'applied' },
      { code: 'SK-2026-005', registeredOn: '2026-11-03' },
      { code: 'SK-2025-001', registeredOn: '2025-02-01', status: 'in_progress' },
    ], [
      ['SK-2026-001', '2026-08', 30],
      ['SK-2026-001', '2026-09', 40],
      ['DT-2026-002', '2026-10', 50],
      ['SK-2026-001', '2026-11', 50],
    ]);
    return env;
  }

  it('lists running initiatives of the month\'s year, registered by then, with no report, and their last month', async () => {
    const { cli } = await withUnits();
    const r = await cli(['progress', 'missing', '--month', '2026-10', '--json']);
    expect(r.code).toBe(0);
    expect(json(r)).toEqual([
      { code: 'DT-2026-001', title: 'Đề xuất DT-2026-001', unit: 'KLLCS', lastMonth: null },
      { code: 'SK-2026-001', title: 'Bài giảng điện tử', unit: 'KLLCS', lastMonth: '2026-09' },
      { code: 'SK-2026-003', title: 'Đề xuất SK-2026-003', unit: 'AQL', lastMonth: null },
      { code: 'SK-2026-002', title: 'Đề xuất SK-2026-002', unit: 'PTCHC', lastMonth: null },
    ]);
    // In November SK-2026-001 reported; SK-2026-005 registered on 3 November is now due.
    const nov = json(await cli(['progress', 'missing', '--month', '2026-11', '--json'])).map((m: { code: string }) => m.code);
    expect(nov).toEqual(['DT-2026-001', 'DT-2026-002', 'SK-2026-005', 'SK-2026-003', 'SK-2026-002']);
    // A 2025 initiative is checked against 2025's months only.
    expect(json(await cli(['progress', 'missing', '--month', '2025-05', '--json']))).toEqual([
      { code: 'SK-2025-001', title: 'Đề xuất SK-2025-001', unit: 'KLLCS', lastMonth: null },
    ]);
  });

  it('groups the table by unit, units in Vietnamese order of their names, each with its count', async () => {
    const { cli } = await withUnits();
    const r = await cli(['progress', 'missing', '--month', '2026-10']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expectInOrder(out, ['Khoa Lý luận cơ sở (KLLCS): 2', 'DT-2026-001', 'SK-2026-001', 'Phòng Đào tạo (AQL): 1', 'SK-2026-003', 'Phòng Tổ chức – Hành chính (PTCHC): 1', 'SK-2026-002']);
    expect(out).toContain('09/2026');
    expect(out).toContain('chưa báo cáo lần nào');
    expect(r.stderr).toContain('4 sáng kiến, đề tài chưa báo cáo tiến độ tháng 10/2026');
    const csv = await cli(['progress', 'missing', '--month', '2026-10', '--csv']);
    expect(csv.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(5);
  });

  it('filters by unit, and says so when nothing is missing (exit 0)', async () => {
    const { cli } = await withUnits();
    expect(json(await cli(['progress', 'missing', '--month', '2026-10', '--unit', 'aql', '--json'])).map((m: { code: string }) => m.code)).toEqual(['SK-2026-003']);
    const none = await cli(['progress', 'missing', '--month', '2026-01']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('01/2026');
    expect(json(await cli(['progress', 'missing', '--month', '2026-01', '--json']))).toEqual([]);
    expect((await cli(['progress', 'missing', '--month', '2026-10', '--unit', 'NOPE'])).code).toBe(4);
  });

  it('refuses a month in the future or not a month (exit 3), and needs --month', async () => {
    const { cli } = await withUnits();
    expect((await cli(['progress', 'missing', '--month', '2026-12'])).code).toBe(3);
    expect((await cli(['progress', 'missing', '--month', 'mười'])).code).toBe(3);
    const r = await cli(['progress', 'missing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--month');
  });
});

describe('with initiatives registered through the command line', () => {
  it('registers, reports, lists, shows what is missing and what is due', async () => {
    const { cli } = await schoolDb();
    const reg = await cli(['register', 'initiative', '--kind', 'research', '--title', 'Nâng cao chất lượng giảng dạy lý luận', '--author', 'VC002:60,VC003:40', '--unit', 'KLLCS', '--year', '2026', '--json', '--today', '2026-03-02']);
    expect(reg.code, reg.stderr).toBe(0);
    const code = json(reg).code as string;
    expect(json(reg).status).toBe('registered');

    const missing = json(await cli(['progress', 'missing', '--month', '2026-03', '--json', '--today', '2026-04-01']));
    expect(missing).toEqual([{ code, title: 'Nâng cao chất lượng giảng dạy lý luận', unit: 'KLLCS', lastMonth: null }]);

    const add = await cli(['progress', 'add', code.toLowerCase(), '--month', '2026-03', '--percent', '15', '--today', '2026-04-01']);
    expect(add.code, add.stderr).toBe(0);
    const list = json(await cli(['register', 'list', '--year', '2026', '--kind', 'research', '--json']));
    expect(list.initiatives).toMatchObject([{ code, status: 'in_progress' }]);
    expect(json(await cli(['progress', 'missing', '--month', '2026-03', '--json', '--today', '2026-04-01']))).toEqual([]);

    expect(json(await cli(['progress', 'list', '--initiative', code, '--json']))).toEqual([
      { code, title: 'Nâng cao chất lượng giảng dạy lý luận', unit: 'KLLCS', month: '2026-03', percent: 15, note: null, reportedOn: '2026-04-01' },
    ]);
    const due = json(await cli(['status', '--today', '2026-06-10', '--json']));
    expect(due.sections.map((s: { key: string }) => s.key)).toEqual(['missingReports', 'silentInitiatives']);
    expect(due.sections[1].items[0]).toMatchObject({ code, lastMonth: '2026-03' });
  });
});

import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { expectInOrder, seedInitiatives, seedWatches, type InitiativeStatus, type ReportSeed, type WatchSeed } from '../helpers/progress-seed.js';

/** [code, unit, status, registered on, report months] */
type Ini = [string, string, InitiativeStatus, string, string[]];

function seed(file: string, initiatives: Ini[], watches: WatchSeed[] = []): void {
  seedInitiatives(
    file,
    initiatives.map(([code, unit, status, registeredOn]) => ({ code, unit, status, registeredOn, title: `Tên ${code}` })),
    initiatives.flatMap(([code, , , , months]) => months.map((m): ReportSeed => [code, m, 50])),
  );
  seedWatches(file, watches);
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout);

const YEAR: Ini[] = [
  ['SK-2026-001', 'KLLCS', 'in_progress', '2026-02-15', ['2026-09', '2026-10']],
  ['SK-2026-002', 'PTCHC', 'registered', '2026-02-15', []],
  ['DT-2026-001', 'KLLCS', 'in_progress', '2026-02-15', ['2026-09']],
  ['DT-2026-002', 'KLLCS', 'in_progress', '2026-02-15', ['2026-08']],
  ['SK-2026-003', 'KLLCS', 'registered', '2026-10-05', []],
  ['SK-2026-004', 'KLLCS', 'registered', '2026-09-20', []],
  ['SK-2026-005', 'KLLCS', 'withdrawn', '2026-02-15', []],
  ['SK-2026-006', 'KLLCS', 'recognised', '2026-02-15', ['2026-05']],
  ['SK-2025-002', 'KLLCS', 'in_progress', '2025-03-01', ['2025-12']],
];

const WATCHES: WatchSeed[] = [
  {
    person: 'VC002',
    tasks: [
      ['Dự giờ hai tiết mẫu', '2026-11-01', null],
      ['Viết bài đăng tạp chí', '2026-11-10', null],
      ['Thi giảng viên giỏi', '2026-10-01', '2026-09-30'],
      ['Báo cáo chuyên đề', '2026-10-20', null],
    ],
  },
  { person: 'VC003', ended: '2026-06-30', tasks: [['Hướng dẫn học viên', '2026-10-01', null]] },
];

describe('status', () => {
  it('says in one line that nothing is due (exit 0)', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['status', '--today', '2026-11-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Ngày 10/11/2026: không có việc gì đến hạn.\n');
    expect(json(await cli(['status', '--today', '2026-11-10', '--json']))).toEqual({ today: '2026-11-10', sections: [] });
    expect((await cli(['--lang', 'en', 'status', '--today', '2026-11-10'])).stdout).toBe('10/11/2026: nothing is due.\n');
  });

  it('lists, as sections, what is due on --today', async () => {
    const { cli, db } = await schoolDb();
    seed(db, YEAR, WATCHES);
    const r = await cli(['status', '--today', '2026-11-10', '--json']);
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.today).toBe('2026-11-10');
    expect(report.sections.map((s: { key: string }) => s.key)).toEqual(['missingReports', 'silentInitiatives', 'overdueFosterTasks']);
    const [missing, silent, tasks] = report.sections.map((s: { items: unknown[] }) => s.items);
    // (1) last month (October): units, in the order of their names, with their initiatives still running.
    expect(missing).toEqual([
      { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', month: '2026-10', count: 4, codes: ['DT-2026-001', 'DT-2026-002', 'SK-2026-003', 'SK-2026-004'] },
      { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', month: '2026-10', count: 1, codes: ['SK-2026-002'] },
    ]);
    // (2) two whole months or more without a report, November (the current month) not counted: last
    // report in August or earlier, or never and registered in August or earlier. DT-2026-001 (last in
    // September) and SK-2026-004 (registered in September) have missed October only.
    expect(silent).toEqual([
      { code: 'DT-2026-002', title: 'Tên DT-2026-002', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2026-08' },
      { code: 'SK-2025-002', title: 'Tên SK-2025-002', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2025-12' },
      { code: 'SK-2026-002', title: 'Tên SK-2026-002', unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', lastMonth: null },
    ]);
    // in December, October and November have passed for them too
    const december = json(await cli(['status', '--today', '2026-12-01', '--json']));
    const silentThen = december.sections.find((x: { key: string }) => x.key === 'silentInitiatives').items.map((i: { code: string }) => i.code);
    expect(silentThen).toEqual(['DT-2026-001', 'DT-2026-002', 'SK-2025-002', 'SK-2026-004', 'SK-2026-002']);
    // (3) not done, due before today, of people still watched; oldest first.
    expect(tasks).toEqual([
      { person: 'VC002', name: 'Nguyễn Thị Thu Thủy', task: 'Báo cáo chuyên đề', due: '2026-10-20', daysOverdue: 21 },
      { person: 'VC002', name: 'Nguyễn Thị Thu Thủy', task: 'Dự giờ hai tiết mẫu', due: '2026-11-01', daysOverdue: 9 },
    ]);
    expect(Object.keys(report.sections[0]).sort()).toEqual(['items', 'key']);
  });

  it('shows a heading and a table per section with something due', async () => {
    const { cli, db } = await schoolDb();
    seed(db, YEAR, WATCHES);
    const r = await cli(['status', '--today', '2026-11-10']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expectInOrder(out, [
      'Đơn vị chưa báo cáo tiến độ tháng 10/2026 (2 đơn vị)',
      'Sáng kiến, đề tài không báo cáo tiến độ từ hai tháng trở lên (3)',
      'Nhiệm vụ bồi dưỡng nhân tố mới quá hạn (2)',
    ]);
    expect(out).toContain('DT-2026-001, DT-2026-002, SK-2026-003, SK-2026-004');
    expect(out).toContain('chưa báo cáo lần nào');
    expect(out).toContain('12/2025');
    expect(out).toContain('20/10/2026');
    expect(out).not.toContain('Viết bài đăng tạp chí');
    expect(out).not.toContain('Hướng dẫn học viên');
    const en = await cli(['--lang', 'en', 'status', '--today', '2026-11-10']);
    expect(en.stdout).toContain('Units missing progress reports for 10/2026 (2 units)');
    const csv = await cli(['status', '--today', '2026-11-10', '--csv']);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout.match(/\uFEFF/g)).toHaveLength(1);
    expect(csv.stdout).toContain('Báo cáo chuyên đề');
  });

  it('leaves out the sections with nothing due', async () => {
    const { cli, db } = await schoolDb();
    seed(db, [['SK-2026-001', 'KLLCS', 'in_progress', '2026-02-15', ['2026-10']]], WATCHES);
    const report = json(await cli(['status', '--today', '2026-11-10', '--json']));
    expect(report.sections.map((s: { key: string }) => s.key)).toEqual(['overdueFosterTasks']);
    const r = await cli(['status', '--today', '2026-11-10']);
    expect(r.stdout).not.toContain('Đơn vị chưa báo cáo');
    // Once the report for last month is in, the unit drops off the list.
    const clean = await schoolDb();
    seed(clean.db, [['SK-2026-001', 'KLLCS', 'registered', '2026-10-01', []]]);
    expect(json(await clean.cli(['status', '--today', '2026-11-10', '--json'])).sections.map((s: { key: string }) => s.key)).toEqual(['missingReports']);
    expect((await clean.cli(['progress', 'add', 'SK-2026-001', '--month', '2026-10', '--percent', '20', '--today', '2026-11-10'])).code).toBe(0);
    expect(json(await clean.cli(['status', '--today', '2026-11-10', '--json'])).sections).toEqual([]);
  });

  it('in January looks at December of the year before', async () => {
    const { cli, db } = await schoolDb();
    seed(db, [
      ['SK-2026-001', 'KLLCS', 'in_progress', '2026-02-15', ['2026-10']],
      ['SK-2026-002', 'KLLCS', 'in_progress', '2026-02-15', ['2026-12']],
      ['SK-2026-003', 'KLLCS', 'in_progress', '2026-02-15', ['2026-11', '2026-12']],
    ]);
    const report = json(await cli(['status', '--today', '2027-01-05', '--json']));
    expect(report.sections).toEqual([
      { key: 'provinceDeadline', items: [{ year: 2026, deadline: '2027-01-31', daysLeft: 26, what: 'province' }] },
      { key: 'missingReports', items: [{ unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', month: '2026-12', count: 1, codes: ['SK-2026-001'] }] },
      { key: 'silentInitiatives', items: [{ code: 'SK-2026-001', title: 'Tên SK-2026-001', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2026-10' }] },
    ]);
  });
});

describe('the province deadline', () => {
  it('shows from 60 days before 31 January until the day, with the days left, following the dated rule', async () => {
    const { cli } = await schoolDb();
    const keys = async (today: string) =>
      JSON.parse((await cli(['status', '--json', '--today', today])).stdout).sections.map((s: { key: string }) => s.key);
    expect(await keys('2025-11-20')).not.toContain('provinceDeadline');
    const dec = JSON.parse((await cli(['status', '--json', '--today', '2025-12-20'])).stdout);
    expect(dec.sections[0]).toEqual({ key: 'provinceDeadline', items: [{ year: 2025, deadline: '2026-01-31', daysLeft: 42, what: 'province' }] });
    const table = await cli(['status', '--today', '2026-01-31']);
    expect(table.stdout).toContain('31/01/2026');
    expect(table.stdout).toContain('báo cáo năm 2025');
    expect(await keys('2026-02-01')).not.toContain('provinceDeadline');
    // The school moves its own deadline: the rule is dated data.
    expect((await cli(['rules', 'set', 'deadline.province', '15/01', '--from', '2025-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
    const moved = JSON.parse((await cli(['status', '--json', '--today', '2026-01-20'])).stdout);
    expect(moved.sections.map((s: { key: string }) => s.key)).not.toContain('provinceDeadline');
    expect(JSON.parse((await cli(['status', '--json', '--today', '2026-01-10'])).stdout).sections[0].items[0].deadline).toBe('2026-01-15');
  });
});

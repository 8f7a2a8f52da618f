/**
 * `thidua movement add | list` and `thidua achieve add | list`: emulation movements and the
 * achievements logged as they happen, driven through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

interface Movement {
  code: string;
  name: string;
  by: string;
  from: string;
  to: string | null;
}

interface Listed {
  id: number;
  subject: string;
  name: string;
  unit: string;
  date: string;
  kind: string;
  text: string;
  movement: string | null;
}

const nfd = (s: string) => s.normalize('NFD');

async function json<T>(cli: Cli, argv: string[]): Promise<T> {
  const r = await cli([...argv, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const movements = (cli: Cli, extra: string[] = []) => json<Movement[]>(cli, ['movement', 'list', ...extra]);
const achievements = (cli: Cli, extra: string[] = []) => json<Listed[]>(cli, ['achieve', 'list', ...extra]);
const auditOf = (cli: Cli, entity: string) =>
  json<{ entityId: string; action: string; after: Record<string, unknown> }[]>(cli, ['audit', 'list', '--entity', entity, '--limit', '1000']);

const DHTT = ['movement', 'add', 'PT2025-DH', '--name', 'Dạy tốt, học tốt', '--by', 'school', '--from', '2025-01-01', '--to', '2025-12-31'];

describe('movement add', () => {
  it('adds a movement and prints exactly the promised fields', async () => {
    const { cli } = await schoolDb();
    const r = await cli([...DHTT, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ code: 'PT2025-DH', name: 'Dạy tốt, học tốt', by: 'school', from: '2025-01-01', to: '2025-12-31' });
    expect(r.stderr).toBe('Đã thêm phong trào PT2025-DH – Dạy tốt, học tốt (Nhà trường phát động), từ 01/01/2025 đến 31/12/2025.\n');
    const [audit] = await auditOf(cli, 'movement');
    expect(audit).toMatchObject({ entityId: 'PT2025-DH', action: 'create', after: { by: 'school' } });
  });

  it('accepts "trường", "công đoàn" (any case, decomposed), dd/mm/yyyy dates and an open end; stores NFC', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['movement', 'add', 'cd-nucong', '--name', nfd('  Giỏi việc trường,  đảm việc nhà '), '--by', nfd('Công Đoàn'), '--from', '01/03/2025'])).code).toBe(0);
    expect((await cli(['movement', 'add', 'PT-TRUONG', '--name', 'Thi đua yêu nước', '--by', 'truong', '--from', '2024-05-19', '--to', '19/05/2025'])).code).toBe(0);
    expect((await cli(['movement', 'add', 'CD2', '--name', 'Mái ấm công đoàn', '--by', 'cong doan', '--from', '2025-06-01'])).code).toBe(0);
    const list = await movements(cli);
    expect(list).toEqual([
      { code: 'PT-TRUONG', name: 'Thi đua yêu nước', by: 'school', from: '2024-05-19', to: '2025-05-19' },
      { code: 'CD-NUCONG', name: 'Giỏi việc trường, đảm việc nhà', by: 'union', from: '2025-03-01', to: null },
      { code: 'CD2', name: 'Mái ấm công đoàn', by: 'union', from: '2025-06-01', to: null },
    ]);
    expect(list[1]!.name).toBe(list[1]!.name.normalize('NFC'));
    const table = await cli(['movement', 'list']);
    expect(table.stdout).toContain('Công đoàn');
    expect(table.stdout).toContain('19/05/2024');
  });

  it('refuses an end before the start (3), a bad code or launcher (3), a duplicate code (5), and writes nothing', async () => {
    const { cli } = await schoolDb();
    const ends = await cli(['movement', 'add', 'PT1', '--name', 'X', '--by', 'school', '--from', '2025-06-01', '--to', '2025-05-31']);
    expect(ends.code).toBe(3);
    expect(ends.stderr).toContain('31/05/2025');
    const many = await cli(['movement', 'add', 'PT1', '--name', ' ', '--by', 'province', '--from', '31/02/2025']);
    expect(many.code).toBe(3);
    expect(many.stderr).toContain('Tên phong trào');
    expect(many.stderr).toContain('"province"');
    expect(many.stderr).toContain('"31/02/2025"');
    expect((await cli(['movement', 'add', 'PT MỘT', '--name', 'X', '--by', 'school', '--from', '2025-01-01'])).code).toBe(3);
    expect(await movements(cli)).toEqual([]);
    expect((await cli(DHTT)).code).toBe(0);
    const dup = await cli(['movement', 'add', 'pt2025-dh', '--name', 'Khác', '--by', 'union', '--from', '2025-02-01']);
    expect(dup.code).toBe(5);
    expect(dup.stderr).toContain('Dạy tốt, học tốt');
    expect(await movements(cli)).toHaveLength(1);
    expect(await auditOf(cli, 'movement')).toHaveLength(1);
  });

  it('asks for what is missing on a terminal, and names the flag without one', async () => {
    const { cli } = await schoolDb();
    const piped = await cli(['movement', 'add', 'PT1', '--by', 'school', '--from', '2025-01-01']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--name');
    const tty = await cli(['movement', 'add', 'PT1'], {
      tty: true,
      answers: [
        { expect: /Tên phong trào/, answer: 'Đoàn kết, sáng tạo' },
        { expect: /Cấp phát động/, answer: 'union' },
        { expect: /Ngày bắt đầu/, answer: '2025-02-03' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
    expect(await movements(cli)).toEqual([{ code: 'PT1', name: 'Đoàn kết, sáng tạo', by: 'union', from: '2025-02-03', to: null }]);
  });
});

describe('movement list --year', () => {
  it('lists the movements running at any time in that year, by first day', async () => {
    const { cli } = await schoolDb();
    const add = (code: string, from: string, to?: string) =>
      cli(['movement', 'add', code, '--name', `Phong trào ${code}`, '--by', 'school', '--from', from, ...(to ? ['--to', to] : [])]);
    expect((await add('B', '2025-03-01', '2025-06-30')).code).toBe(0);
    expect((await add('A', '2024-11-01', '2025-01-01')).code).toBe(0);
    expect((await add('C', '2023-01-01', '2024-12-31')).code).toBe(0);
    expect((await add('D', '2025-12-31')).code).toBe(0);
    expect((await add('E', '2026-01-01', '2026-03-01')).code).toBe(0);
    expect((await add('F', '2020-01-01')).code).toBe(0);
    expect((await movements(cli, ['--year', '2025'])).map((m) => m.code)).toEqual(['F', 'A', 'B', 'D']);
    expect((await movements(cli, ['--year', '2024'])).map((m) => m.code)).toEqual(['F', 'C', 'A']);
    expect((await movements(cli)).map((m) => m.code)).toEqual(['F', 'C', 'A', 'B', 'D', 'E']);
    expect(await movements(cli, ['--year', '2019'])).toEqual([]);
    expect((await cli(['movement', 'list', '--year', '25'])).code).toBe(3);
  });
});

/** A school with two movements, and the members of KLLCS. */
async function school() {
  const env = await schoolDb();
  expect((await env.cli(DHTT)).code).toBe(0);
  expect((await env.cli(['movement', 'add', 'CD-TT', '--name', 'Tháng tri ân', '--by', 'union', '--from', '2026-07-01', '--to', '2026-07-31'])).code).toBe(0);
  return env;
}

describe('achieve add', () => {
  it('records a person\'s achievement, prints its id, and lists it with the promised fields', async () => {
    const { cli } = await school();
    const r = await cli(['achieve', 'add', 'vc002', '--date', '20/10/2025', '--kind', 'nhiệm vụ', '--text', nfd('  Hoàn thành xuất sắc  đợt bồi dưỡng đột xuất ')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain('Đã ghi thành tích số 1: Nguyễn Thị Thu Thủy (VC002), ngày 20/10/2025, Nhiệm vụ.');
    const list = await achievements(cli);
    expect(list).toEqual([{
      id: 1, subject: 'VC002', name: 'Nguyễn Thị Thu Thủy', unit: 'KLLCS', date: '2025-10-20', kind: 'task',
      text: 'Hoàn thành xuất sắc đợt bồi dưỡng đột xuất', movement: null,
    }]);
    expect(list[0]!.text).toBe(list[0]!.text.normalize('NFC'));
    const [audit] = await auditOf(cli, 'achievement');
    expect(audit).toMatchObject({ entityId: '1', action: 'create', after: { subject: 'VC002', kind: 'task' } });
  });

  it('records a unit\'s achievement; --json prints exactly the promised fields', async () => {
    const { cli } = await school();
    const a = await json<Record<string, unknown>>(cli, ['achieve', 'add', 'KLLCS', '--date', '2025-05-15', '--kind', 'từ thiện', '--text', 'Quyên góp ủng hộ đồng bào lũ lụt']);
    expect(a).toEqual({ id: 1, subject: 'KLLCS', name: 'Khoa Lý luận cơ sở', date: '2025-05-15', kind: 'charity', text: 'Quyên góp ủng hộ đồng bào lũ lụt', movement: null });
    expect((await achievements(cli))[0]).toMatchObject({ subject: 'KLLCS', name: 'Khoa Lý luận cơ sở', unit: 'KLLCS' });
  });

  it('takes the kind from --movement, and checks the date falls within the movement', async () => {
    const { cli } = await school();
    const a = await json<Record<string, unknown>>(cli, ['achieve', 'add', 'VC003', '--date', '2025-12-31', '--movement', 'pt2025-dh', '--text', 'Giải nhất hội thi giảng viên giỏi']);
    expect(a).toMatchObject({ kind: 'movement', movement: 'PT2025-DH' });
    // another kind may still belong to a movement (the union's month of gratitude)
    const b = await json<Record<string, unknown>>(cli, ['achieve', 'add', 'VC002', '--date', '2026-07-01', '--kind', 'union', '--movement', 'CD-TT', '--text', 'Thăm gia đình chính sách']);
    expect(b).toMatchObject({ kind: 'union', movement: 'CD-TT' });
    const outside = await cli(['achieve', 'add', 'VC003', '--date', '2026-01-01', '--movement', 'PT2025-DH', '--text', 'X']);
    expect(outside.code).toBe(3);
    expect(outside.stderr).toContain('01/01/2026');
    expect(outside.stderr).toContain('01/01/2025 – 31/12/2025');
    expect((await cli(['achieve', 'add', 'VC003', '--date', '2026-08-01', '--kind', 'union', '--movement', 'CD-TT', '--text', 'X'])).code).toBe(3);
    const unknown = await cli(['achieve', 'add', 'VC003', '--date', '2025-06-01', '--movement', 'NOPE', '--text', 'X']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('NOPE');
    expect(await achievements(cli)).toHaveLength(2);
  });

  it('refuses a movement kind without --movement (3), a date after today (3), text too long (3): every problem at once', async () => {
    const { cli } = await school();
    const noMovement = await cli(['achieve', 'add', 'VC003', '--date', '2025-06-01', '--kind', 'phong trào', '--text', 'X']);
    expect(noMovement.code).toBe(3);
    expect(noMovement.stderr).toContain('--movement');
    const many = await cli(['achieve', 'add', 'VC003', '--date', '2026-11-29', '--kind', 'sport', '--text', 'x'.repeat(1001)]);
    expect(many.code).toBe(3);
    expect(many.stderr).toContain('29/11/2026');
    expect(many.stderr).toContain('"sport"');
    expect(many.stderr).toContain('1000');
    // today itself is allowed, and exactly 1000 characters (counted as letters, not bytes)
    expect((await cli(['achieve', 'add', 'VC003', '--date', '2026-11-28', '--kind', 'other', '--text', 'ệ'.repeat(1000)])).code).toBe(0);
    expect((await cli(['achieve', 'add', 'VC003', '--date', '2026-11-28', '--kind', 'other', '--text', '   '])).code).toBe(3);
    expect(await achievements(cli)).toHaveLength(1);
    expect(await auditOf(cli, 'achievement')).toHaveLength(1);
  });

  it('refuses an unknown subject (4)', async () => {
    const { cli } = await school();
    const r = await cli(['achieve', 'add', 'VC999', '--date', '2025-06-01', '--kind', 'task', '--text', 'X']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('VC999');
    expect(await achievements(cli)).toEqual([]);
  });

  it('asks for what is missing on a terminal (the date defaults to today), and names the flag without one', async () => {
    const { cli } = await school();
    const piped = await cli(['achieve', 'add', 'VC002', '--date', '2025-06-01', '--text', 'X']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--kind');
    expect((await cli(['achieve', 'add', 'VC002', '--kind', 'task', '--text', 'X'])).code).toBe(2);
    const tty = await cli(['achieve', 'add', 'VC002'], {
      tty: true,
      answers: [
        { expect: /Ngày đạt thành tích/, answer: '2026-11-27' },
        { expect: /Loại thành tích/, answer: 'charity' },
        { expect: /Nội dung thành tích/, answer: 'Hiến máu nhân đạo' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
    expect((await achievements(cli))[0]).toMatchObject({ date: '2026-11-27', kind: 'charity', text: 'Hiến máu nhân đạo' });
  });
});

describe('achieve list', () => {
  async function logged() {
    const env = await school();
    const { cli } = env;
    const add = async (subject: string, date: string, kind: string, text: string, movement?: string) => {
      const r = await cli(['achieve', 'add', subject, '--date', date, '--kind', kind, '--text', text, ...(movement ? ['--movement', movement] : [])]);
      expect(r.code, r.stderr).toBe(0);
    };
    await add('VC002', '2025-03-10', 'task', 'Biên soạn giáo trình');            // 1
    await add('KLLCS', '2025-11-20', 'movement', 'Khoa dẫn đầu phong trào', 'PT2025-DH'); // 2
    await add('VC001', '2025-11-20', 'union', 'Tổ chức hội thao');              // 3
    await add('VC003', '2026-07-15', 'charity', 'Ủng hộ quỹ vì người nghèo', 'CD-TT'); // 4
    await add('PTCHC', '2024-12-30', 'other', 'Lưu trữ hồ sơ điện tử');          // 5
    await add('VC003', '2025-11-20', 'task', 'Dạy thay đột xuất');              // 6
    return env;
  }

  it('lists newest first (same day: the later entry first), with exactly the promised fields', async () => {
    const { cli } = await logged();
    const all = await achievements(cli);
    expect(all.map((a) => a.id)).toEqual([4, 6, 3, 2, 1, 5]);
    expect(Object.keys(all[0]!).sort()).toEqual(['date', 'id', 'kind', 'movement', 'name', 'subject', 'text', 'unit']);
    expect(all.find((a) => a.id === 3)).toEqual({
      id: 3, subject: 'VC001', name: 'Trần Văn Thịnh', unit: 'PTCHC', date: '2025-11-20', kind: 'union', text: 'Tổ chức hội thao', movement: null,
    });
    const table = await cli(['achieve', 'list']);
    expect(table.stdout).toContain('Phòng Tổ chức – Hành chính');
    expect(table.stdout).toContain('20/11/2025');
    expect(table.stdout).toContain('Xã hội, từ thiện');
  });

  it('filters by subject, by unit (its own and its members\'), year, kind and movement', async () => {
    const { cli } = await logged();
    const ids = async (extra: string[]) => (await achievements(cli, extra)).map((a) => a.id);
    expect(await ids(['--subject', 'vc003'])).toEqual([4, 6]);
    expect(await ids(['--subject', 'KLLCS'])).toEqual([2]);
    expect(await ids(['--unit', 'KLLCS'])).toEqual([4, 6, 2, 1]);
    expect(await ids(['--unit', 'PTCHC'])).toEqual([3, 5]);
    expect(await ids(['--year', '2025'])).toEqual([6, 3, 2, 1]);
    expect(await ids(['--year', '2025', '--unit', 'KLLCS'])).toEqual([6, 2, 1]);
    expect(await ids(['--kind', 'nhiệm vụ'])).toEqual([6, 1]);
    expect(await ids(['--kind', 'tu thien'])).toEqual([4]);
    expect(await ids(['--movement', 'pt2025-dh'])).toEqual([2]);
    expect(await ids(['--year', '2023'])).toEqual([]);
  });

  it('refuses unknown filters: subject, unit, movement (4); kind, year (3)', async () => {
    const { cli } = await logged();
    expect((await cli(['achieve', 'list', '--subject', 'VC999'])).code).toBe(4);
    expect((await cli(['achieve', 'list', '--unit', 'VC001'])).code).toBe(4);
    expect((await cli(['achieve', 'list', '--movement', 'NOPE'])).code).toBe(4);
    expect((await cli(['achieve', 'list', '--kind', 'sport'])).code).toBe(3);
    expect((await cli(['achieve', 'list', '--year', 'năm nay'])).code).toBe(3);
  });
});

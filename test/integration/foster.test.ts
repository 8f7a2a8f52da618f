import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';

type Cli = Awaited<ReturnType<typeof schoolDb>>['cli'];

interface WatchJson {
  id: number;
  person: string;
  name: string;
  unit: string;
  mentor: string;
  mentorName: string;
  goal: string;
  since: string;
  ended: string | null;
  tasks: { id: number; text: string; due: string; done: string | null; result: string | null; overdue: boolean }[];
}

async function list(cli: Cli, ...flags: string[]): Promise<WatchJson[]> {
  const r = await cli(['foster', 'list', '--json', ...flags]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

async function ok(cli: Cli, argv: string[]): Promise<string> {
  const r = await cli(argv);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout.trim();
}

/** VC002 watched by VC001 since 2026-11-01. */
async function watched() {
  const env = await schoolDb();
  await ok(env.cli, ['--today', '2026-11-01', 'foster', 'add', 'VC002', '--mentor', 'VC001', '--goal', 'Chuẩn bị đề tài cấp trường']);
  return env;
}

describe('foster add', () => {
  it('puts a person on the watch list from today and prints the watch id', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['foster', 'add', 'vc002', '--mentor', 'VC001', '--goal', '  Chuẩn bị   đề tài cấp trường '.normalize('NFD')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain('Nguyễn Thị Thu Thủy');
    expect(r.stderr).toContain('Trần Văn Thịnh');
    const [w] = await list(cli);
    expect(w).toEqual({
      id: 1, person: 'VC002', name: 'Nguyễn Thị Thu Thủy', unit: 'KLLCS', mentor: 'VC001', mentorName: 'Trần Văn Thịnh',
      goal: 'Chuẩn bị đề tài cấp trường', since: '2026-11-28', ended: null, tasks: [],
    });
    const json = JSON.parse((await cli(['foster', 'add', 'VC003', '--mentor', 'VC001', '--goal', 'Giảng dạy', '--json'])).stdout);
    expect(json).toMatchObject({ id: 2, person: 'VC003', since: '2026-11-28' });
    const audit = JSON.parse((await cli(['audit', 'list', '--entity', 'foster', '--json'])).stdout);
    expect(audit).toHaveLength(2);
  });

  it('refuses an unknown person or mentor (4), the same person (3), a second open watch (5)', async () => {
    const { cli } = await watched();
    const unknown = await cli(['foster', 'add', 'VC999', '--mentor', 'VC001', '--goal', 'x']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('VC999');
    expect((await cli(['foster', 'add', 'VC003', '--mentor', 'VC998', '--goal', 'x'])).code).toBe(4);
    expect((await cli(['foster', 'add', 'KLLCS', '--mentor', 'VC001', '--goal', 'x'])).code).toBe(4);
    const self = await cli(['foster', 'add', 'VC003', '--mentor', 'vc003', '--goal', 'x']);
    expect(self.code).toBe(3);
    expect(self.stderr).toContain('--mentor');
    const twice = await cli(['foster', 'add', 'VC002', '--mentor', 'VC003', '--goal', 'Khác']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('Trần Văn Thịnh');
    expect(twice.stderr).toContain('01/11/2026');
    expect(twice.stderr).toContain('foster end VC002');
    expect(await list(cli)).toHaveLength(1);
  });

  it('reports every bad flag at once and writes nothing', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['foster', 'add', 'VC 2', '--mentor', 'VC001', '--goal', 'x'.repeat(501)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('VC 2');
    expect(r.stderr).toContain('500');
    expect(await list(cli)).toEqual([]);
  });

  it('refuses a person or mentor who has left (5)', async () => {
    const { cli } = await schoolDb();
    await ok(cli, ['person', 'edit', 'VC003', '--no-active']);
    const left = await cli(['foster', 'add', 'VC003', '--mentor', 'VC001', '--goal', 'x']);
    expect(left.code).toBe(5);
    expect(left.stderr).toContain('Đặng Văn An');
    const mentorLeft = await cli(['foster', 'add', 'VC002', '--mentor', 'VC003', '--goal', 'x']);
    expect(mentorLeft.code).toBe(5);
    expect(mentorLeft.stderr).toMatch(/kèm cặp/);
    expect(await list(cli)).toEqual([]);
  });

  it('asks for the mentor and the goal on a terminal, and names the flag without one', async () => {
    const { cli } = await schoolDb();
    const piped = await cli(['foster', 'add', 'VC002', '--goal', 'x']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--mentor');
    const tty = await cli(['foster', 'add', 'VC002'], {
      tty: true,
      answers: [
        { expect: /kèm cặp/, answer: 'VC001' },
        { expect: /Mục tiêu/, answer: 'Đề tài' },
      ],
    });
    expect(tty.code).toBe(0);
    expect((await list(cli))[0].goal).toBe('Đề tài');
  });
});

describe('foster task and done', () => {
  it('gives a task, prints its id, and marks it done today with the result', async () => {
    const { cli } = await watched();
    const id = await ok(cli, ['foster', 'task', 'VC002', '--text', 'Báo cáo chuyên đề', '--due', '15/12/2026']);
    expect(id).toBe('1');
    const json = JSON.parse(await ok(cli, ['foster', 'task', 'VC002', '--text', 'Dự giờ', '--due', '2026-12-20', '--json']));
    expect(json).toEqual({ person: 'VC002', id: 2, text: 'Dự giờ', due: '2026-12-20', done: null, result: null, overdue: false });
    expect((await list(cli))[0].tasks[0]).toEqual({ id: 1, text: 'Báo cáo chuyên đề', due: '2026-12-15', done: null, result: null, overdue: false });
    const done = await cli(['--today', '2026-12-01', 'foster', 'done', '1', '--result', 'Khoa đánh giá tốt']);
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('01/12/2026');
    expect((await list(cli))[0].tasks[0]).toMatchObject({ done: '2026-12-01', result: 'Khoa đánh giá tốt', overdue: false });
    const again = await cli(['foster', 'done', '1', '--result', 'Lần nữa']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('Khoa đánh giá tốt');
    expect((await list(cli))[0].tasks[0].result).toBe('Khoa đánh giá tốt');
  });

  it('a task needs the person on the open watch list (5, with the foster add hint)', async () => {
    const { cli } = await watched();
    const r = await cli(['foster', 'task', 'VC003', '--text', 'x', '--due', '2026-12-01']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('thidua foster add VC003');
    expect((await cli(['foster', 'task', 'VC404', '--text', 'x', '--due', '2026-12-01'])).code).toBe(4);
  });

  it('refuses a bad or past due date (3): today is fine', async () => {
    const { cli } = await watched();
    const bad = await cli(['foster', 'task', 'VC002', '--text', 'x', '--due', '31/02/2026']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('31/02/2026');
    const past = await cli(['foster', 'task', 'VC002', '--text', 'x', '--due', '2026-11-27']);
    expect(past.code).toBe(3);
    expect(past.stderr).toContain('27/11/2026');
    expect(past.stderr).toContain('28/11/2026');
    const both = await cli(['foster', 'task', 'VC002', '--text', ' ', '--due', 'mai']);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain('--text');
    expect(both.stderr).toContain('mai');
    expect((await list(cli))[0].tasks).toEqual([]);
    expect((await cli(['foster', 'task', 'VC002', '--text', 'x', '--due', '2026-11-28'])).code).toBe(0);
  });

  it('done --date records a result reported late: not after today, not before the task was assigned (3, nothing written)', async () => {
    const { cli } = await watched();
    await ok(cli, ['--today', '2026-11-05', 'foster', 'task', 'VC002', '--text', 'Báo cáo chuyên đề', '--due', '2026-11-20']);
    const future = await cli(['foster', 'done', '1', '--result', 'Tốt', '--date', '2026-11-29']);
    expect(future.code).toBe(3);
    expect(future.stderr).toContain('Ngày hoàn thành (--date): 29/11/2026 còn ở sau hôm nay (28/11/2026)');
    const early = await cli(['foster', 'done', '1', '--result', 'Tốt', '--date', '2026-11-04', '--lang', 'en']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('Task 1 was assigned on 05/11/2026; it cannot have been done on 04/11/2026, before that. Check --date.');
    expect((await list(cli))[0].tasks[0]).toMatchObject({ done: null, result: null, overdue: true });
    const late = await cli(['foster', 'done', '1', '--result', 'Khoa đánh giá tốt', '--date', '18/11/2026', '--json']);
    expect(late.code, late.stderr).toBe(0);
    expect(JSON.parse(late.stdout)).toMatchObject({ id: 1, done: '2026-11-18', result: 'Khoa đánh giá tốt', overdue: false });
    expect(late.stderr).toContain('hoàn thành ngày 18/11/2026');
    // done before its due date: never counted overdue
    expect((await list(cli, '--overdue'))).toEqual([]);
    const audit = JSON.parse((await cli(['audit', 'list', '--entity', 'foster-task', '--json'])).stdout);
    expect(audit.find((a: { action: string }) => a.action === 'update')).toMatchObject({ after: expect.objectContaining({ done: '2026-11-18' }) });
  });

  it('done: an unknown task is 4, a malformed id 3, a missing result 2', async () => {
    const { cli } = await watched();
    const unknown = await cli(['foster', 'done', '42', '--result', 'x']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('42');
    expect((await cli(['foster', 'done', 'abc', '--result', 'x'])).code).toBe(3);
    expect((await cli(['foster', 'done', '0', '--result', 'x'])).code).toBe(3);
    await ok(cli, ['foster', 'task', 'VC002', '--text', 'x', '--due', '2026-12-01']);
    const noResult = await cli(['foster', 'done', '1']);
    expect(noResult.code).toBe(2);
    expect(noResult.stderr).toContain('--result');
  });
});

describe('foster end', () => {
  it('closes the watch, keeps open tasks and says how many; the list hides it unless --all', async () => {
    const { cli } = await watched();
    await ok(cli, ['foster', 'task', 'VC002', '--text', 'Một', '--due', '2026-12-01']);
    await ok(cli, ['foster', 'task', 'VC002', '--text', 'Hai', '--due', '2026-12-02']);
    await ok(cli, ['foster', 'done', '1', '--result', 'Xong']);
    const end = await cli(['--today', '2026-12-20', 'foster', 'end', 'VC002', '--reason', 'Được bổ nhiệm']);
    expect(end.code).toBe(0);
    expect(end.stderr).toMatch(/1 nhiệm vụ chưa xong/);
    expect(await list(cli, '--today', '2026-12-20')).toEqual([]);
    const [w] = await list(cli, '--all', '--today', '2026-12-20');
    expect(w.ended).toBe('2026-12-20');
    // an ended watch chases nobody: its open task is not overdue
    expect(w.tasks.map((t) => [t.text, t.done, t.overdue])).toEqual([['Một', '2026-11-28', false], ['Hai', null, false]]);
    const again = await cli(['foster', 'end', 'VC002', '--reason', 'x']);
    expect(again.code).toBe(5);
    expect((await cli(['foster', 'task', 'VC002', '--text', 'x', '--due', '2026-12-30'])).code).toBe(5);
    expect((await cli(['foster', 'end', 'VC404', '--reason', 'x'])).code).toBe(4);
    expect((await cli(['foster', 'end', 'VC003'])).code).toBe(2);
    // a new watch may start once the old one has ended
    expect((await cli(['--today', '2026-12-21', 'foster', 'add', 'VC002', '--mentor', 'VC003', '--goal', 'Lượt hai'])).code).toBe(0);
    expect((await list(cli, '--all')).map((x) => [x.goal, x.since, x.ended])).toEqual([
      ['Lượt hai', '2026-12-21', null],
      ['Chuẩn bị đề tài cấp trường', '2026-11-01', '2026-12-20'],
    ]);
  });
});

describe('foster list', () => {
  it('sorts by given name, counts open and overdue tasks, and lists overdue tasks below', async () => {
    const { cli } = await schoolDb();
    await ok(cli, ['person', 'add', 'VC004', '--name', 'Lê Thị Bích', '--unit', 'PTCHC', '--category', 'staff']);
    for (const code of ['VC002', 'VC003', 'VC004']) await ok(cli, ['foster', 'add', code, '--mentor', 'VC001', '--goal', `Mục tiêu ${code}`]);
    await ok(cli, ['foster', 'task', 'VC002', '--text', 'Viết bài tạp chí', '--due', '2026-12-01']);
    await ok(cli, ['foster', 'task', 'VC002', '--text', 'Dự giờ', '--due', '2027-01-15']);
    await ok(cli, ['foster', 'task', 'VC004', '--text', 'Soạn giáo án', '--due', '2026-12-05']);
    // An < Bích < Thủy
    expect((await list(cli)).map((w) => w.person)).toEqual(['VC003', 'VC004', 'VC002']);

    const table = await cli(['--today', '2026-12-10', 'foster', 'list']);
    expect(table.code).toBe(0);
    const [main, below] = table.stdout.split('Nhiệm vụ quá hạn (2)');
    expect(main).toMatch(/Nguyễn Thị Thu Thủy.*Trần Văn Thịnh.*Mục tiêu VC002.*28\/11\/2026.*│ 2 .*│ 1 /);
    expect(below).toMatch(/Thủy \(VC002\).*Viết bài tạp chí.*01\/12\/2026.*│ 9 /);
    expect(below).toMatch(/Bích \(VC004\).*Soạn giáo án.*05\/12\/2026.*│ 5 /);
    expect(below.indexOf('VC002')).toBeLessThan(below.indexOf('VC004'));

    const overdue = await list(cli, '--overdue', '--today', '2026-12-10');
    expect(overdue.map((w) => w.person)).toEqual(['VC004', 'VC002']);
    expect(overdue[1].tasks.map((t) => t.overdue)).toEqual([true, false]);
    expect(await list(cli, '--overdue', '--today', '2026-12-01')).toEqual([]);
    expect((await cli(['--today', '2026-12-01', 'foster', 'list'])).stdout).not.toContain('quá hạn (');
    const csv = await cli(['--today', '2026-12-10', 'foster', 'list', '--csv']);
    expect(csv.stdout).not.toContain('Viết bài');
  });

  it('an empty list is success', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['foster', 'list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Danh sách trống');
    expect(await list(cli)).toEqual([]);
  });

  it('speaks English with --lang en', async () => {
    const { cli } = await watched();
    const r = await cli(['--lang', 'en', 'foster', 'task', 'VC003', '--text', 'x', '--due', '2026-12-01']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('not on the fostering watch list');
  });
});

/**
 * `thidua register`: titles, initiatives and research topics registered for a year (DOMAIN.md
 * "The yearly cycle", step 1), driven through the CLI; the initiative status changes other services
 * use, driven through `applyInitiativeEvent`.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';
import type { ServiceContext } from '../../src/context.js';
import { connect, transact } from '../../src/services/database.js';
import { applyInitiativeEvent, getInitiative } from '../../src/services/initiatives.js';
import { AppError } from '../../src/domain/errors.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

interface Listed {
  year: number;
  titles: { id: number; subject: string; name: string; kind: string; unit: string; award: string; status: string }[];
  initiatives: { code: string; kind: string; title: string; year: number; unit: string; authors: { code: string; name: string; share: number }[]; status: string }[];
}

async function ok(cli: Cli, argv: string[]): Promise<RunResult> {
  const r = await cli(argv);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

async function json<T>(cli: Cli, argv: string[]): Promise<T> {
  return JSON.parse((await ok(cli, [...argv, '--json'])).stdout) as T;
}

function list(cli: Cli, year = 2026, ...more: string[]): Promise<Listed> {
  return json<Listed>(cli, ['register', 'list', '--year', String(year), ...more]);
}

async function auditOf(cli: Cli, entity: string): Promise<{ action: string; entityId: string }[]> {
  return json(cli, ['audit', 'list', '--entity', entity, '--limit', '1000']);
}

/** A school with one more unit (empty, so it can be retired) and one person who has left. */
async function school() {
  const env = await schoolDb();
  await ok(env.cli, ['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty']);
  await ok(env.cli, ['unit', 'add', 'PDT', '--name', 'Phòng Đào tạo', '--kind', 'office']);
  await ok(env.cli, ['person', 'add', 'VC004', '--name', 'Lê Thị Bình', '--unit', 'PDT', '--category', 'staff']);
  await ok(env.cli, ['person', 'add', 'VC009', '--name', 'Phạm Văn Cường', '--unit', 'KLLCS', '--category', 'staff']);
  await ok(env.cli, ['person', 'edit', 'VC009', '--no-active']);
  await ok(env.cli, ['unit', 'retire', 'KDV']);
  return env;
}

function serviceContext(db: string, today = '2026-11-28'): ServiceContext & { close(): Promise<void> } {
  let opened: ReturnType<typeof connect> | undefined;
  const meta = { at: '2026-11-28T08:00:00.000Z', actor: 'tester', command: 'test' };
  return {
    db: () => (opened ??= connect(db, { meta })),
    clock: { today: () => today, now: () => meta.at },
    actor: 'tester',
    command: 'test',
    close: async () => void (await (await opened)?.close()),
  };
}

describe('register title', () => {
  it('registers a person and a unit, with codes in any case and titles with or without diacritics', async () => {
    const { cli } = await school();
    const r = await json<Record<string, unknown>>(cli, ['register', 'title', 'vc002', '--award', 'lđtt', '--year', '2026']);
    expect(r).toEqual({ id: expect.any(Number), subject: 'VC002', name: 'Nguyễn Thị Thu Thủy', award: 'LDTT', year: 2026, status: 'active' });
    const unit = await cli(['register', 'title', 'KLLCS', '--award', 'ttldtt', '--year', '2026']);
    expect(unit.code).toBe(0);
    expect(unit.stderr).toContain('Tập thể lao động tiên tiến');
    expect(unit.stderr).toMatch(/số \d+/);
    const dhtt = await cli(['register', 'title', 'VC001', '--award', 'Điển hình tiên tiến', '--year', '2026', '--note', 'Hội nghị  viên chức']);
    expect(dhtt.code, dhtt.stderr).toBe(0);
    const l = await list(cli);
    expect(l.titles.map((t) => [t.subject, t.award, t.kind, t.unit])).toEqual([
      ['VC001', 'DHTT', 'person', 'PTCHC'],
      ['VC002', 'LDTT', 'person', 'KLLCS'],
      ['KLLCS', 'TTLDTT', 'unit', 'KLLCS'],
    ]);
  });

  it('refuses a title that does not fit the subject (5), an unknown title (3) or subject (4)', async () => {
    const { cli } = await school();
    const personUnitTitle = await cli(['register', 'title', 'VC002', '--award', 'TTLDTT', '--year', '2026']);
    expect(personUnitTitle.code).toBe(5);
    expect(personUnitTitle.stderr).toContain('chỉ dành cho tập thể');
    const unitPersonTitle = await cli(['register', 'title', 'KLLCS', '--award', 'CSTDCS', '--year', '2026']);
    expect(unitPersonTitle.code).toBe(5);
    expect(unitPersonTitle.stderr).toContain('chỉ dành cho cá nhân');
    const unknownTitle = await cli(['register', 'title', 'VC002', '--award', 'XYZ', '--year', '2026']);
    expect(unknownTitle.code).toBe(3);
    expect(unknownTitle.stderr).toContain('LDTT');
    const unknownSubject = await cli(['register', 'title', 'VC777', '--award', 'LDTT', '--year', '2026']);
    expect(unknownSubject.code).toBe(4);
    expect(unknownSubject.stderr).toContain('VC777');
    expect((await list(cli)).titles).toEqual([]);
  });

  it('refuses a person who has left and a retired unit (5)', async () => {
    const { cli } = await school();
    const left = await cli(['register', 'title', 'VC009', '--award', 'LDTT', '--year', '2026']);
    expect(left.code).toBe(5);
    expect(left.stderr).toContain('không còn công tác');
    const retired = await cli(['register', 'title', 'KDV', '--award', 'GK', '--year', '2026']);
    expect(retired.code).toBe(5);
    expect(retired.stderr).toContain('ngừng hoạt động');
    expect((await list(cli)).titles).toEqual([]);
  });

  it('registers a subject, title and year once; a withdrawn registration can be made active again', async () => {
    const { cli } = await school();
    const first = await json<{ id: number }>(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2026']);
    const again = await cli(['register', 'title', 'VC002', '--award', 'ldtt', '--year', '2026']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain(`số ${first.id}`);
    // Another title or another year is another registration.
    await ok(cli, ['register', 'title', 'VC002', '--award', 'CSTDCS', '--year', '2026']);
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025']);

    const w = await json<{ status: string }>(cli, ['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2026', '--reason', 'Đăng ký nhầm']);
    expect(w.status).toBe('withdrawn');
    const shown = (await list(cli)).titles.find((t) => t.award === 'LDTT')!;
    expect(shown.status).toBe('withdrawn');
    const table = await ok(cli, ['register', 'list', '--year', '2026']);
    expect(table.stdout).toContain('Đã rút ngày 28/11/2026 (Đăng ký nhầm)');
    const twice = await cli(['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2026', '--reason', 'x']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('Đăng ký nhầm');

    const back = await json<{ id: number; status: string }>(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2026']);
    expect(back).toMatchObject({ id: first.id, status: 'active' });
    const actions = (await auditOf(cli, 'registration')).filter((a) => a.entityId === String(first.id)).map((a) => a.action);
    expect(actions.sort()).toEqual(['create', 'reactivate', 'withdraw']);
  });

  it('accepts this year, past years and next year only', async () => {
    const { cli } = await school();
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2027']);
    await ok(cli, ['register', 'title', 'VC003', '--award', 'LDTT', '--year', '2021']);
    const far = await cli(['register', 'title', 'VC001', '--award', 'LDTT', '--year', '2028']);
    expect(far.code).toBe(3);
    expect(far.stderr).toContain('2027');
    const bad = await cli(['register', 'title', 'VC001', '--award', 'LDTT', '--year', '26']);
    expect(bad.code).toBe(3);
    // The year follows --today.
    await ok(cli, ['register', 'title', 'VC001', '--award', 'LDTT', '--year', '2028', '--today', '2027-12-01']);
  });

  it('asks for the title and the year on a terminal, and fails naming the flag without one', async () => {
    const { cli } = await school();
    const piped = await cli(['register', 'title', 'VC002', '--award', 'LDTT']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--year');
    const tty = await cli(['register', 'title', 'VC002'], {
      tty: true,
      answers: [
        { expect: /Danh hiệu/, answer: 'LDTT' },
        { expect: /Năm/, answer: '2026' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
    expect((await list(cli)).titles).toHaveLength(1);
  });

  it('withdraws only what was registered (4 otherwise), with a reason (2 without)', async () => {
    const { cli } = await school();
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2026']);
    const none = await cli(['register', 'withdraw', 'VC003', '--award', 'LDTT', '--year', '2026', '--reason', 'x']);
    expect(none.code).toBe(4);
    const noReason = await cli(['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2026']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    expect((await list(cli)).titles[0]!.status).toBe('active');
  });
});

describe('register initiative', () => {
  it('numbers initiatives and topics per kind and year, and prints the contract JSON', async () => {
    const { cli } = await school();
    const sole = await json<Record<string, unknown>>(cli, [
      'register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa  hồ sơ thi đua', '--author', 'vc004', '--unit', 'pdt', '--year', '2026',
    ]);
    expect(sole).toEqual({
      code: 'SK-2026-001',
      kind: 'initiative',
      title: 'Số hóa hồ sơ thi đua',
      year: 2026,
      unit: 'PDT',
      authors: [{ code: 'VC004', name: 'Lê Thị Bình', share: 100 }],
      status: 'registered',
    });
    const two = await json<{ code: string; authors: unknown[] }>(cli, [
      'register', 'initiative', '--kind', 'sáng kiến', '--title', 'Bài giảng điện tử', '--author', 'VC002:60', '--author', 'VC003:40', '--unit', 'KLLCS', '--year', '2026',
    ]);
    expect(two.code).toBe('SK-2026-002');
    expect(two.authors).toEqual([{ code: 'VC002', name: 'Nguyễn Thị Thu Thủy', share: 60 }, { code: 'VC003', name: 'Đặng Văn An', share: 40 }]);
    const topic = await json<{ code: string; kind: string }>(cli, [
      'register', 'initiative', '--kind', 'research', '--title', 'Đổi mới giảng dạy', '--author', 'VC002:50,VC003:50', '--unit', 'KLLCS', '--year', '2026', '--field', 'Giảng dạy',
    ]);
    expect(topic).toMatchObject({ code: 'DT-2026-001', kind: 'research' });
    const lastYear = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'X', '--author', 'VC001', '--unit', 'PTCHC', '--year', '2025']);
    expect(lastYear.code).toBe('SK-2025-001');
    const created = (await auditOf(cli, 'initiative')).map((a) => `${a.entityId} ${a.action}`).sort();
    expect(created).toEqual(['DT-2026-001 create', 'SK-2025-001 create', 'SK-2026-001 create', 'SK-2026-002 create']);
  });

  it('never reuses the number of a withdrawn initiative', async () => {
    const { cli } = await school();
    const add = (title: string) => json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', title, '--author', 'VC002', '--unit', 'KLLCS', '--year', '2026']);
    await add('A');
    await add('B');
    await ok(cli, ['register', 'withdraw', 'sk-2026-2', '--reason', 'Trùng với sáng kiến A']);
    expect((await add('C')).code).toBe('SK-2026-003');
  });

  it.each([
    [['--author', 'VC002', '--author', 'VC003'], 'tỷ lệ đóng góp của từng người'],
    [['--author', 'VC002:60', '--author', 'VC003'], 'VC003'],
    [['--author', 'VC002:60', '--author', 'VC003:30'], '90%'],
    [['--author', 'VC002:50', '--author', 'vc002:50'], 'hai lần'],
    [['--author', 'VC002:0', '--author', 'VC003:100'], 'từ 1 đến 100'],
    [['--author', 'VC002:60.5', '--author', 'VC003:39.5'], 'số nguyên'],
    [['--author', 'VC002:150'], 'từ 1 đến 100'],
    [['--author', 'VC002:60'], '60%'],
  ])('refuses shares %j with exit 3 (%s)', async (authors, says) => {
    const { cli } = await school();
    const r = await cli(['register', 'initiative', '--kind', 'initiative', '--title', 'T', ...authors, '--unit', 'KLLCS', '--year', '2026']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(says);
    expect((await list(cli)).initiatives).toEqual([]);
  });

  it('says the sum in English too', async () => {
    const { cli } = await school();
    const r = await cli(['--lang', 'en', 'register', 'initiative', '--kind', 'initiative', '--title', 'T', '--author', 'VC002:70', '--author', 'VC003:40', '--unit', 'KLLCS', '--year', '2026']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('110%');
    expect(r.stderr).toContain('exactly 100%');
  });

  it('reports every problem of the input at once', async () => {
    const { cli } = await school();
    const r = await cli(['register', 'initiative', '--kind', 'project', '--title', 'x'.repeat(301), '--author', 'VC002:60', '--unit', 'KLLCS', '--year', '2030']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('project');
    expect(r.stderr).toContain('300');
    expect(r.stderr).toContain('60%');
    expect(r.stderr).toContain('2030');
  });

  it('needs authors and a unit that exist (4) and are active (5)', async () => {
    const { cli } = await school();
    const base = ['register', 'initiative', '--kind', 'initiative', '--title', 'T', '--year', '2026'];
    const unknown = await cli([...base, '--author', 'VC002:50', '--author', 'VC777:50', '--unit', 'KLLCS']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('VC777');
    const unitAsAuthor = await cli([...base, '--author', 'KLLCS', '--unit', 'KLLCS']);
    expect(unitAsAuthor.code).toBe(4);
    const left = await cli([...base, '--author', 'VC002:50', '--author', 'VC009:50', '--unit', 'KLLCS']);
    expect(left.code).toBe(5);
    expect(left.stderr).toContain('Phạm Văn Cường');
    const noUnit = await cli([...base, '--author', 'VC002', '--unit', 'KXX']);
    expect(noUnit.code).toBe(4);
    const retired = await cli([...base, '--author', 'VC002', '--unit', 'KDV']);
    expect(retired.code).toBe(5);
    expect((await list(cli)).initiatives).toEqual([]);
    expect(await auditOf(cli, 'initiative')).toEqual([]);
  });

  it('asks for what is missing on a terminal, and names the flag without one', async () => {
    const { cli } = await school();
    const piped = await cli(['register', 'initiative', '--kind', 'initiative', '--title', 'T', '--unit', 'KLLCS', '--year', '2026']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--author');
    const tty = await cli(['register', 'initiative'], {
      tty: true,
      answers: [
        { expect: /Sáng kiến hay đề tài/, answer: 'research' },
        { expect: /Tên sáng kiến/, answer: 'Nâng cao chất lượng bồi dưỡng' },
        { expect: /Tác giả/, answer: 'VC002:70, VC003:30' },
        { expect: /đơn vị/, answer: 'KLLCS' },
        { expect: /Năm/, answer: '2026' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
    const [i] = (await list(cli)).initiatives;
    expect(i).toMatchObject({ code: 'DT-2026-001', authors: [{ code: 'VC002', share: 70 }, { code: 'VC003', share: 30 }] });
  });
});

describe('register withdraw (initiatives) and the status machine', () => {
  it('withdraws before a decision with the reason, and refuses after one, saying why', async () => {
    const { cli, db } = await school();
    const add = () => json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'T', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2026']);
    const a = (await add()).code;
    const b = (await add()).code;
    const ctx = serviceContext(db);
    try {
      // b: registered → in progress → applied → recognised
      for (const event of ['report', 'report', 'apply', 'recognise'] as const) {
        await transact(ctx, (trx, audit) => applyInitiativeEvent(trx, audit, b.toLowerCase(), event, '2026-11-20'));
      }
      expect(await getInitiative(ctx, b)).toMatchObject({ status: 'recognised', statusOn: '2026-11-20', statusReason: null });
      // a: a decision before any application is refused, in words, and changes nothing
      const refused = await transact(ctx, (trx, audit) => applyInitiativeEvent(trx, audit, a, 'recognise', '2026-11-20')).catch((e) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.key).toBe('initiative.badTransition');
      expect(refused.details.map((d: { key: string }) => d.key)).toEqual(['initiative.now.registered', 'initiative.cannot.recognise']);
      expect((await getInitiative(ctx, a)).status).toBe('registered');
    } finally {
      await ctx.close();
    }
    const history = (await auditOf(cli, 'initiative')).filter((r) => r.entityId === b).map((r) => r.action);
    // The second report left the status as it was: no audit row for it.
    expect(history.sort()).toEqual(['create', 'status-apply', 'status-recognise', 'status-report']);

    const w = await json<{ code: string; status: string }>(cli, ['register', 'withdraw', a, '--reason', 'Tác giả chuyển công tác']);
    expect(w).toMatchObject({ code: a, status: 'withdrawn' });
    const again = await cli(['register', 'withdraw', a, '--reason', 'x']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('Tác giả chuyển công tác');
    expect(again.stderr).toContain('28/11/2026');
    const decided = await cli(['register', 'withdraw', b, '--reason', 'x']);
    expect(decided.code).toBe(5);
    expect(decided.stderr).toContain('đã được công nhận');
    expect(decided.stderr).toContain('chưa có quyết định');
    const listed = (await list(cli)).initiatives.map((i) => [i.code, i.status]);
    expect(listed).toEqual([[a, 'withdrawn'], [b, 'recognised']]);
    const table = await ok(cli, ['register', 'list', '--year', '2026']);
    expect(table.stdout).toContain('Được công nhận');
    expect(table.stdout).toContain('Đã rút');
  });

  it('needs a reason (2 without, prompt on a terminal) and a known code (4)', async () => {
    const { cli } = await school();
    await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'T', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2026']);
    const noReason = await cli(['register', 'withdraw', 'SK-2026-001']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    expect((await cli(['register', 'withdraw', 'SK-2026-009', '--reason', 'x'])).code).toBe(4);
    const mistyped = await cli(['register', 'withdraw', 'SK-26-1', '--reason', 'x']);
    expect(mistyped.code).toBe(3);
    expect(mistyped.stderr).toContain('SK-2025-001');
    const tty = await cli(['register', 'withdraw', 'SK-2026-001'], { tty: true, answers: [{ expect: /Lý do/, answer: 'Không còn phù hợp' }] });
    expect(tty.code, tty.stderr).toBe(0);
    expect((await list(cli)).initiatives[0]!.status).toBe('withdrawn');
  });
});

describe('register list', () => {
  async function filled() {
    const env = await school();
    const { cli } = env;
    for (const [s, a] of [['VC002', 'LDTT'], ['VC003', 'LDTT'], ['VC001', 'CSTDCS'], ['VC004', 'LDTT'], ['KLLCS', 'TTLDXS'], ['PTCHC', 'TTLDTT'], ['VC001', 'LDTT']]) {
      await ok(cli, ['register', 'title', s!, '--award', a!, '--year', '2026']);
    }
    await ok(cli, ['register', 'title', 'VC002', '--award', 'LDTT', '--year', '2025']);
    await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Bài giảng điện tử', '--author', 'VC002:60', '--author', 'VC003:40', '--unit', 'KLLCS', '--year', '2026']);
    await ok(cli, ['register', 'initiative', '--kind', 'research', '--title', 'Quản lý hồ sơ', '--author', 'VC004', '--unit', 'PDT', '--year', '2026']);
    await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Sổ tay tuyển sinh', '--author', 'VC004', '--unit', 'PDT', '--year', '2026']);
    return env;
  }

  it('lists people by given name the Vietnamese way, then units, then initiatives by code', async () => {
    const { cli } = await filled();
    const l = await list(cli);
    expect(l.year).toBe(2026);
    // An < Bình < Thịnh < Thủy; Thịnh's titles in catalogue order; then units by name.
    expect(l.titles.map((t) => `${t.subject} ${t.award}`)).toEqual([
      'VC003 LDTT', 'VC004 LDTT', 'VC001 LDTT', 'VC001 CSTDCS', 'VC002 LDTT', 'KLLCS TTLDXS', 'PTCHC TTLDTT',
    ]);
    expect(Object.keys(l.titles[0]!).sort()).toEqual(['award', 'id', 'kind', 'name', 'registeredOn', 'status', 'subject', 'unit', 'withdrawnOn']);
    expect(l.initiatives.map((i) => i.code)).toEqual(['DT-2026-001', 'SK-2026-001', 'SK-2026-002']);
    expect(Object.keys(l.initiatives[0]!).sort()).toEqual(['authors', 'code', 'kind', 'registeredOn', 'status', 'statusOn', 'title', 'unit', 'year']);
    expect((await list(cli, 2025)).titles.map((t) => t.subject)).toEqual(['VC002']);
    // Without --year: the year of --today.
    expect((await json<Listed>(cli, ['register', 'list'])).titles).toHaveLength(7);
    expect((await json<Listed>(cli, ['register', 'list', '--today', '2025-03-01'])).year).toBe(2025);
  });

  it('filters by unit (a unit counts as in itself) and by kind', async () => {
    const { cli } = await filled();
    const kllcs = await list(cli, 2026, '--unit', 'kllcs');
    expect(kllcs.titles.map((t) => t.subject)).toEqual(['VC003', 'VC002', 'KLLCS']);
    expect(kllcs.initiatives.map((i) => i.code)).toEqual(['SK-2026-001']);
    const titles = await list(cli, 2026, '--kind', 'title');
    expect(titles.titles).toHaveLength(7);
    expect(titles.initiatives).toEqual([]);
    const research = await list(cli, 2026, '--kind', 'đề tài');
    expect(research.titles).toEqual([]);
    expect(research.initiatives.map((i) => i.code)).toEqual(['DT-2026-001']);
    expect((await cli(['register', 'list', '--year', '2026', '--kind', 'nomination'])).code).toBe(3);
    expect((await cli(['register', 'list', '--year', '2026', '--unit', 'KXX'])).code).toBe(4);
  });

  it('prints two tables, and CSV as one list', async () => {
    const { cli } = await filled();
    const table = await ok(cli, ['register', 'list', '--year', '2026']);
    expect(table.stdout).toContain('Đăng ký danh hiệu thi đua năm 2026 (7)');
    expect(table.stdout).toContain('Sáng kiến, đề tài đăng ký năm 2026 (3)');
    expect(table.stdout).toContain('Nguyễn Thị Thu Thủy (60%), Đặng Văn An (40%)');
    expect(table.stdout).toContain('Đã đăng ký');
    const csv = (await ok(cli, ['register', 'list', '--year', '2026', '--csv'])).stdout;
    expect(csv).toContain('Lao động tiên tiến');
    expect(csv).not.toContain('Bài giảng điện tử');
    const csvInitiatives = (await ok(cli, ['register', 'list', '--year', '2026', '--kind', 'initiative', '--csv'])).stdout;
    expect(csvInitiatives).toContain('Nguyễn Thị Thu Thủy (60%), Đặng Văn An (40%)');
    expect(csvInitiatives).not.toContain('Lao động tiên tiến');
    const empty = await ok(cli, ['register', 'list', '--year', '2024']);
    expect(empty.stderr).toContain('Danh sách trống');
  });
});

describe('register import', () => {
  async function file(dir: string, name: string, content: string): Promise<string> {
    const p = join(dir, name);
    await writeFile(p, content);
    return p;
  }

  function badLines(stderr: string): [number, string][] {
    return [...stderr.matchAll(/^\s+dòng (\d+): (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]);
  }

  it('imports codes with title codes or full names, Vietnamese headers, and a year per row', async () => {
    const { cli, dir } = await school();
    const f = await file(dir, 'dang-ky.csv', '\uFEFFMã;Họ và tên;Danh hiệu;Năm\nvc002;Nguyễn Thị Thu Thủy;Lao động tiên tiến;\nVC003;Đặng Văn An;lđtt;2025\nKLLCS;;Tập thể lao động xuất sắc;\n');
    const dry = await json<Record<string, unknown>>(cli, ['register', 'import', f, '--year', '2026', '--dry-run']);
    expect(dry).toEqual({ file: f, rows: 3, added: 3, dryRun: true });
    expect((await list(cli)).titles).toEqual([]);
    const done = await cli(['register', 'import', f, '--year', '2026']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('3');
    expect((await list(cli)).titles.map((t) => `${t.subject} ${t.award}`)).toEqual(['VC002 LDTT', 'KLLCS TTLDXS']);
    expect((await list(cli, 2025)).titles.map((t) => `${t.subject} ${t.award}`)).toEqual(['VC003 LDTT']);
    expect(await auditOf(cli, 'registration')).toHaveLength(3);
  });

  it('cross-checks the optional name column against the code, to catch shifted rows (3, nothing written)', async () => {
    const { cli, dir } = await school();
    // the names slipped one row down against the codes
    const f = await file(dir, 'lech.csv', [
      'Mã,Họ và tên,Danh hiệu',
      'VC002,nguyen thi thu thuy,LDTT',   // 2: same name without diacritics nor case: fine
      'VC003,Lê Thị Bình,LDTT',           // 3: VC003 is Đặng Văn An
      'KLLCS,Khoa Lý luận cơ sở,TTLDTT',  // 4: a unit named right
      'VC004,Phòng Tổ chức – Hành chính,LDTT', // 5: wrong
    ].join('\n'));
    const r = await cli(['register', 'import', f, '--year', '2026']);
    expect(r.code).toBe(3);
    const lines = badLines(r.stderr);
    expect(lines.map(([n]) => n)).toEqual([3, 5]);
    expect(lines[0]![1]).toBe('họ tên trong tệp "Lê Thị Bình" khác với Đặng Văn An (mã VC003): có thể các dòng bị lệch, hãy kiểm tra lại.');
    expect((await list(cli)).titles).toEqual([]);
    expect(await auditOf(cli, 'registration')).toHaveLength(0);
    const en = await cli(['register', 'import', f, '--year', '2026', '--lang', 'en']);
    expect(en.stderr).toContain('the name in the file "Lê Thị Bình" differs from Đặng Văn An (code VC003): the rows may be shifted');
  });

  it('reports every bad row with its line and writes nothing', async () => {
    const { cli, dir } = await school();
    await ok(cli, ['register', 'title', 'VC001', '--award', 'LDTT', '--year', '2026']);
    const f = await file(dir, 'loi.csv', [
      'code,award,year',
      'VC002,LDTT,',          // 2: fine
      'VC777,LDTT,',          // 3: unknown code
      'VC003,TTLDTT,',        // 4: title for units
      'VC002,ldtt,2026',      // 5: duplicate of line 2
      'VC001,LDTT,',          // 6: already registered
      'VC009,LDTT,',          // 7: has left
      'VC004,LDTT,2029',      // 8: too far ahead
      'VC004,XYZ,',           // 9: unknown title
      'KDV,GK,',              // 10: retired unit
    ].join('\n'));
    const r = await cli(['register', 'import', f, '--year', '2026']);
    expect(r.code).toBe(3);
    const lines = badLines(r.stderr);
    expect(lines.map(([n]) => n)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines[0]![1]).toContain('VC777');
    expect(lines[2]![1]).toContain('dòng 2');
    expect(lines[3]![1]).toContain('đã đăng ký');
    expect(lines[5]![1]).toContain('2029');
    expect(r.stderr).toContain('8 trong 9');
    expect((await list(cli)).titles.map((t) => t.subject)).toEqual(['VC001']);
    expect(await auditOf(cli, 'registration')).toHaveLength(1);
  });

  it('needs a year for every row: --year, or the year column', async () => {
    const { cli, dir } = await school();
    const noColumn = await file(dir, 'a.csv', 'Mã,Danh hiệu\nVC002,LDTT\n');
    const r = await cli(['register', 'import', noColumn]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year');
    const someMissing = await file(dir, 'b.csv', 'Mã,Danh hiệu,Năm\nVC002,LDTT,2026\nVC003,LDTT,\n');
    const partial = await cli(['register', 'import', someMissing]);
    expect(partial.code).toBe(3);
    expect(badLines(partial.stderr).map(([n]) => n)).toEqual([3]);
    const tooFar = await cli(['register', 'import', noColumn, '--year', '2030']);
    expect(tooFar.code).toBe(3);
    expect(badLines(tooFar.stderr)).toEqual([]);
    expect(tooFar.stderr).toContain('2030');
    const full = await file(dir, 'c.csv', 'Mã,Danh hiệu,Năm\nVC002,LDTT,2026\nVC003,LDTT,2025\n');
    expect((await cli(['register', 'import', full])).code).toBe(0);
  });

  it('reads .xlsx, with the row numbers Excel shows', async () => {
    const { cli, dir } = await school();
    const f = join(dir, 'dang-ky.xlsx');
    await writeXlsxFile(
      [
        [{ value: 'DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2026' }],
        [{ value: 'Mã' }, { value: 'Danh hiệu' }],
        [{ value: 'VC002' }, { value: 'LDTT' }],
        [{ value: 'VC777' }, { value: 'LDTT' }],
      ] as never,
    ).toFile(f);
    const bad = await cli(['register', 'import', f, '--year', '2026']);
    expect(bad.code).toBe(3);
    expect(badLines(bad.stderr).map(([n]) => n)).toEqual([4]);
    const good = join(dir, 'dung.xlsx');
    await writeXlsxFile([[{ value: 'code' }, { value: 'award' }], [{ value: 'VC002' }, { value: 'Lao động tiên tiến' }]] as never).toFile(good);
    expect((await cli(['register', 'import', good, '--year', '2026'])).code).toBe(0);
    expect((await list(cli)).titles.map((t) => t.award)).toEqual(['LDTT']);
  });
});

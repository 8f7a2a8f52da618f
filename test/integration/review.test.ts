import { describe, expect, it } from 'vitest';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

async function ok(cli: Cli, argv: string[], opts?: RunOptions): Promise<RunResult> {
  const r = await cli(argv, opts);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} → ${r.code}: ${r.stderr}`);
  return r;
}

/**
 * schoolDb() plus VC004, VC005, VC010; the initiative council of 2026: chair VC001, members VC003
 * and VC002, secretary VC010. VC002 is the author of the initiatives made here, so the eligible
 * scorers are VC001, VC003, VC010.
 */
async function reviewSchool(opts: { council?: boolean } = {}): Promise<{ cli: Cli }> {
  const env = await schoolDb();
  for (const [code, name] of [['VC004', 'Phạm Minh Đức'], ['VC005', 'Lê Thị Bình'], ['VC010', 'Lê Văn Tư']]) {
    await ok(env.cli, ['person', 'add', code, '--name', name, '--unit', 'KLLCS', '--category', 'staff']);
  }
  if (opts.council !== false) {
    await ok(env.cli, ['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC003', '--member', 'VC002', '--secretary', 'VC010']);
  }
  return env;
}

/** Registers an initiative (on 2026-03-01) and reports progress for March, so it is in progress. */
async function running(cli: Cli, opts: { author?: string; kind?: string; title?: string } = {}): Promise<string> {
  const r = await ok(cli, [
    '--today', '2026-03-01', 'register', 'initiative', '--kind', opts.kind ?? 'initiative', '--title', opts.title ?? 'Số hóa hồ sơ thi đua',
    '--author', opts.author ?? 'VC002', '--unit', 'KLLCS', '--year', '2026', '--json',
  ]);
  const code = JSON.parse(r.stdout).code as string;
  await ok(cli, ['--today', '2026-03-31', 'progress', 'add', code, '--month', '2026-03', '--percent', '40']);
  return code;
}

async function applied(cli: Cli, date = '2026-11-01', opts: { author?: string } = {}): Promise<string> {
  const code = await running(cli, opts);
  await ok(cli, ['review', 'apply', code, '--first-applied', '2026-05-01', '--description', 'Phần mềm quản lý hồ sơ', '--date', date]);
  return code;
}

function score(cli: Cli, code: string, member: string, marks: [string, string, string], extra: string[] = []) {
  return cli(['review', 'score', code, '--member', member, '--novelty', marks[0], '--applicability', marks[1], '--benefit', marks[2], ...extra]);
}

async function scoreAll(cli: Cli, code: string, marks: [string, string, string][] = [['8', '8', '8'], ['6', '6', '6'], ['7', '7', '7']]) {
  for (const [i, member] of ['VC001', 'VC003', 'VC010'].entries()) {
    const r = await score(cli, code, member, marks[i]!);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}

async function listJson(cli: Cli) {
  return JSON.parse((await ok(cli, ['review', 'list', '--year', '2026', '--json'])).stdout);
}

async function auditOf(cli: Cli, entity: string) {
  return JSON.parse((await ok(cli, ['audit', 'list', '--entity', entity, '--json'])).stdout) as { action: string; entityId: string; before: unknown; after: unknown; command: string }[];
}

async function statusOf(cli: Cli, code: string): Promise<string> {
  const list = JSON.parse((await ok(cli, ['register', 'list', '--year', '2026', '--json'])).stdout);
  return list.initiatives.find((i: { code: string }) => i.code === code).status;
}

describe('review apply', () => {
  it('records the application, moves the initiative to applied and sets the deadline', async () => {
    const { cli } = await reviewSchool();
    const code = await running(cli);
    const r = await cli([
      'review', 'apply', code.toLowerCase(), '--first-applied', '01/05/2026', '--description', '  Phần mềm quản lý hồ sơ ',
      '--novelty', 'Lần đầu số hóa', '--benefit', 'Giảm thời gian', '--date', '2026-11-01', '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('30/01/2027');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ code, appliedOn: '2026-11-01', deadline: '2027-01-30', status: 'applied', scored: 0, scorers: 3, average: null, decision: null });
    expect(j.application).toMatchObject({ firstApplied: '2026-05-01', description: 'Phần mềm quản lý hồ sơ', novelty: 'Lần đầu số hóa', application: null });
    expect(await statusOf(cli, code)).toBe('applied');
    expect((await auditOf(cli, 'initiative_application')).map((a) => a.action)).toEqual(['create']);
  });

  it('takes research topics too (acceptance), and the date defaults to today', async () => {
    const { cli } = await reviewSchool();
    const code = await running(cli, { kind: 'research' });
    const r = await cli(['review', 'apply', code, '--first-applied', '2026-06-01', '--description', 'Đổi mới phương pháp', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code, appliedOn: '2026-11-28', deadline: '2027-02-26' });
  });

  it('refuses what does not fit: withdrawn (5), twice (5), no author still here (5); unknown (4), malformed (3)', async () => {
    const { cli } = await reviewSchool();
    // registered, never reported: it may still apply (the missing reports show in status)
    const reg = JSON.parse((await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Mới đăng ký', '--author', 'VC003', '--unit', 'KLLCS', '--year', '2026', '--json'])).stdout).code;
    await ok(cli, ['review', 'apply', reg, '--first-applied', '2026-05-01', '--description', 'X']);
    expect(await statusOf(cli, reg)).toBe('applied');
    const out = JSON.parse((await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Sẽ rút', '--author', 'VC003', '--unit', 'KLLCS', '--year', '2026', '--json'])).stdout).code;
    await ok(cli, ['register', 'withdraw', out, '--reason', 'Không tiếp tục']);
    const withdrawn = await cli(['review', 'apply', out, '--first-applied', '2026-05-01', '--description', 'X']);
    expect(withdrawn.code).toBe(5);
    expect(await statusOf(cli, out)).toBe('withdrawn');

    const code = await applied(cli);
    const twice = await cli(['review', 'apply', code, '--first-applied', '2026-05-01', '--description', 'X']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('01/11/2026');

    const gone = await running(cli, { author: 'VC005' });
    await ok(cli, ['person', 'edit', 'VC005', '--no-active']);
    const left = await cli(['review', 'apply', gone, '--first-applied', '2026-05-01', '--description', 'X']);
    expect(left.code).toBe(5);
    expect(left.stderr).toContain('Lê Thị Bình');
    expect(await statusOf(cli, gone)).toBe('in_progress');

    expect((await cli(['review', 'apply', 'SK-2026-099', '--first-applied', '2026-05-01', '--description', 'X'])).code).toBe(4);
    expect((await cli(['review', 'apply', 'ABC', '--first-applied', '2026-05-01', '--description', 'X'])).code).toBe(3);
  });

  it('checks the dates and the texts, every problem at once, and writes nothing (3); asks for what is missing (2 without a terminal)', async () => {
    const { cli } = await reviewSchool();
    const code = await running(cli);
    const bad = await cli(['review', 'apply', code, '--first-applied', '2026-11-20', '--description', 'X', '--date', '2026-11-10', '--novelty', 'y'.repeat(2001)]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('20/11/2026');
    expect(bad.stderr).toContain('2000');
    const future = await cli(['review', 'apply', code, '--first-applied', '2026-05-01', '--description', 'X', '--date', '2026-12-01']);
    expect(future.code).toBe(3);
    expect(future.stderr).toContain('sau hôm nay');
    expect((await cli(['review', 'apply', code, '--first-applied', '31/02/2026', '--description', 'X'])).code).toBe(3);
    const missing = await cli(['review', 'apply', code, '--first-applied', '2026-05-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--description');
    expect(await listJson(cli)).toEqual([]);
    expect(await statusOf(cli, code)).toBe('in_progress');

    const tty = await cli(['review', 'apply', code], {
      tty: true,
      answers: [
        { expect: /áp dụng lần đầu/, answer: '2026-05-01' },
        { expect: /Mô tả/, answer: 'Phần mềm' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
  });

  it('takes the deadline from the rule in force on the application date', async () => {
    const { cli } = await reviewSchool();
    await ok(cli, ['rules', 'set', 'review.deadline_days', '30', '--from', '2026-11-15', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const before = await applied(cli, '2026-11-10');
    const after = await applied(cli, '2026-11-20');
    const list = await listJson(cli);
    expect(list.find((r: { code: string }) => r.code === before).deadline).toBe('2027-02-08');
    expect(list.find((r: { code: string }) => r.code === after).deadline).toBe('2026-12-20');
  });
});

describe('review score', () => {
  it('records a member score and tells back only that score and the count', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    const r = await score(cli, code, 'vc001', ['8', '7,5', '9'], ['--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ code, member: 'VC001', novelty: 8, applicability: 7.5, benefit: 9, scoredOn: '2026-11-28', replaced: false, scored: 1, scorers: 3 });
    expect(r.stderr).toContain('7,5');
    expect(r.stderr).toContain('1/3');
    const second = await score(cli, code, 'VC003', ['5', '5', '5'], ['--json']);
    // the second member sees their own score, never the first member's
    expect(second.stdout).not.toMatch(/7\.5|"9"|: 9/);
    expect(second.stderr).not.toContain('7,5');
    expect(JSON.parse(second.stdout)).toMatchObject({ novelty: 5, scored: 2, scorers: 3 });
  });

  it('refuses outside the council: no council (5, with the hint), not on it (5), an author (5), unknown (4), not applied (5)', async () => {
    const { cli } = await reviewSchool({ council: false });
    const code = await applied(cli);
    const none = await score(cli, code, 'VC001', ['8', '8', '8']);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('council set --kind initiative --year 2026');
    await ok(cli, ['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC003', '--member', 'VC002', '--secretary', 'VC010']);

    const outsider = await score(cli, code, 'VC005', ['8', '8', '8']);
    expect(outsider.code).toBe(5);
    expect(outsider.stderr).toContain('Lê Thị Bình');
    const author = await score(cli, code, 'VC002', ['8', '8', '8']);
    expect(author.code).toBe(5);
    expect(author.stderr).toContain('xung đột lợi ích');
    expect((await score(cli, code, 'VC099', ['8', '8', '8'])).code).toBe(4);
    const notApplied = await running(cli);
    const early = await score(cli, notApplied, 'VC001', ['8', '8', '8']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain('review apply');
    expect(await auditOf(cli, 'initiative_score')).toEqual([]);
  });

  it('refuses scores outside 0..max or with two decimals, every one at once (3); the maximum is a dated rule', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    const bad = await score(cli, code, 'VC001', ['11', '7', '7.25']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('Điểm tính mới');
    expect(bad.stderr).toContain('Điểm hiệu quả');
    expect(bad.stderr).not.toContain('Điểm khả năng áp dụng');
    expect((await score(cli, code, 'VC001', ['-1', '7', '7'])).code).toBe(3);
    const early = await score(cli, code, 'VC001', ['7', '7', '7'], ['--date', '2026-10-31']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('01/11/2026');
    expect(await auditOf(cli, 'initiative_score')).toEqual([]);

    await ok(cli, ['rules', 'set', 'review.score_max', '20', '--from', '2026-11-20', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect((await score(cli, code, 'VC001', ['15', '7', '7'], ['--date', '2026-11-15'])).code).toBe(3);
    expect((await score(cli, code, 'VC001', ['15', '7', '7'], ['--date', '2026-11-25'])).code).toBe(0);
  });

  it('a second score by the same member replaces the first, audited as a replacement', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await ok(cli, ['review', 'score', code, '--member', 'VC001', '--novelty', '4', '--applicability', '4', '--benefit', '4']);
    const again = await score(cli, code, 'VC001', ['9', '9', '9'], ['--json']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Đã thay điểm');
    expect(JSON.parse(again.stdout)).toMatchObject({ replaced: true, scored: 1, scorers: 3 });
    // The audit listing does not give the scores away while scoring is incomplete.
    const hidden = await auditOf(cli, 'initiative_score');
    expect(hidden.map((a) => a.action).sort()).toEqual(['create', 'replace']);
    expect(hidden.every((a) => JSON.stringify([a.before, a.after]).match(/novelty/) === null)).toBe(true);
    const table = await cli(['audit', 'list', '--entity', 'initiative_score']);
    expect(table.stdout).toContain('điểm được ẩn');
    expect(table.stdout).not.toContain('novelty');
    // Nor does the command line each row keeps, whatever the entity (the application's council too).
    const lines = JSON.parse((await ok(cli, ['audit', 'list', '--json'])).stdout) as { command: string }[];
    const scoring = lines.filter((l) => / review score /.test(l.command));
    expect(scoring.length).toBeGreaterThanOrEqual(3);
    for (const l of scoring) expect(l.command).toMatch(/--novelty … --applicability … --benefit …/);
    await ok(cli, ['review', 'score', code, '--member', 'VC003', '--novelty', '9', '--applicability', '9', '--benefit', '9']);
    await ok(cli, ['review', 'score', code, '--member', 'VC010', '--novelty', '9', '--applicability', '9', '--benefit', '9']);
    expect((await listJson(cli))[0].average).toBe(9);
    // Once every member has scored, the audit shows the replacement with both scores.
    const audit = await auditOf(cli, 'initiative_score');
    const rep = audit.find((a) => a.action === 'replace')!;
    expect(rep.entityId).toBe(`${code}/VC001`);
    expect(rep.before).toMatchObject({ novelty: 4, applicability: 4, benefit: 4 });
    expect(rep.command).toMatch(/--novelty 9 --applicability 9 --benefit 9/);
    expect(rep.after).toMatchObject({ novelty: 9, applicability: 9, benefit: 9 });
  });

  it('asks for the member and the scores on a terminal; names the flag without one', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    expect((await cli(['review', 'score', code, '--member', 'VC001', '--novelty', '8', '--applicability', '8'])).code).toBe(2);
    const tty = await cli(['review', 'score', code], {
      tty: true,
      answers: [
        { expect: /Mã thành viên/, answer: 'VC001' },
        { expect: /tính mới/, answer: '8' },
        { expect: /khả năng áp dụng/, answer: '7' },
        { expect: /hiệu quả/, answer: '6' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
  });
});

describe('review show', () => {
  it('needs an application (5), and tells how to set up a missing council', async () => {
    const { cli } = await reviewSchool({ council: false });
    const code = await running(cli);
    const none = await cli(['review', 'show', code]);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('review apply');
    await ok(cli, ['review', 'apply', code, '--first-applied', '2026-05-01', '--description', 'Phần mềm']);
    const r = await ok(cli, ['review', 'show', code]);
    expect(r.stdout).toContain('Phần mềm');
    expect(r.stderr).toContain('council set --kind initiative --year 2026');
    expect(JSON.parse((await ok(cli, ['review', 'show', code, '--json'])).stdout)).toMatchObject({ council: null, scorers: null, scored: 0 });
  });
});

describe('hidden scores', () => {
  it('shows no score and no average anywhere until every eligible member has scored', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await ok(cli, ['review', 'score', code, '--member', 'VC001', '--novelty', '9.5', '--applicability', '9.5', '--benefit', '9.5']);
    await ok(cli, ['review', 'score', code, '--member', 'VC003', '--novelty', '3.5', '--applicability', '3.5', '--benefit', '3.5']);

    const list = await listJson(cli);
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]).sort()).toEqual(['appliedOn', 'authors', 'average', 'code', 'deadline', 'decidedOn', 'decision', 'scored', 'scorers', 'title'].sort());
    expect(list[0]).toMatchObject({ code, scored: 2, scorers: 3, average: null, decision: null });
    const shown = await ok(cli, ['review', 'show', code, '--json']);
    expect(shown.stdout).not.toMatch(/9\.5|3\.5/);
    expect(JSON.parse(shown.stdout)).toMatchObject({ scores: null, average: null, waiting: [{ code: 'VC010', name: 'Lê Văn Tư' }] });
    const table = await ok(cli, ['review', 'show', code]);
    expect(table.stdout + table.stderr).not.toMatch(/9,5|3,5/);
    expect(table.stdout).toContain('2/3');
    expect(table.stdout).toContain('Tác giả (không chấm)');
    expect(table.stdout).toContain('Chưa chấm');
    const csv = await ok(cli, ['review', 'list', '--year', '2026', '--csv']);
    expect(csv.stdout).not.toMatch(/9,5|3,5|6,5/);

    await ok(cli, ['review', 'score', code, '--member', 'VC010', '--novelty', '6', '--applicability', '6', '--benefit', '7']);
    const done = (await listJson(cli))[0];
    // (9.5 + 3.5 + 19/3) / 3 = 6.444…
    expect(done).toMatchObject({ scored: 3, scorers: 3, average: 6.44 });
    const full = JSON.parse((await ok(cli, ['review', 'show', code, '--json'])).stdout);
    expect(full.scores.map((s: { code: string; novelty: number }) => [s.code, s.novelty])).toEqual([['VC001', 9.5], ['VC003', 3.5], ['VC010', 6]]);
    expect(full.scores[2].mean).toBe(6.33);
    const fullTable = await ok(cli, ['review', 'show', code]);
    expect(fullTable.stdout).toContain('9,5');
    expect(fullTable.stdout).toContain('6,44');
  });

  it('a member who left is no longer waited for, and cannot score', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await ok(cli, ['review', 'score', code, '--member', 'VC001', '--novelty', '8', '--applicability', '8', '--benefit', '8']);
    await ok(cli, ['review', 'score', code, '--member', 'VC003', '--novelty', '6', '--applicability', '6', '--benefit', '6']);
    await ok(cli, ['person', 'edit', 'VC010', '--no-active']);
    expect((await score(cli, code, 'VC010', ['7', '7', '7'])).code).toBe(5);
    expect((await listJson(cli))[0]).toMatchObject({ scored: 2, scorers: 2, average: 7 });
  });
});

describe('review decide', () => {
  const ALL = ['--conditions', 'new,benefit,not-excluded'];

  it('recognises with the three conditions, complete scores and the pass mark; final afterwards', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await scoreAll(cli, code);
    const r = await cli(['review', 'decide', code, '--recognise', ...ALL, '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ code, decision: 'recognised', date: '2026-11-28', average: 7, reason: null });
    expect(r.stderr).toContain('Đã công nhận');
    expect(await statusOf(cli, code)).toBe('recognised');
    expect((await listJson(cli))[0]).toMatchObject({ decision: 'recognised', decidedOn: '2026-11-28', average: 7 });
    expect((await auditOf(cli, 'initiative_decision')).map((a) => a.action)).toEqual(['create']);

    const again = await cli(['review', 'decide', code, '--reject', '--reason', 'Nhầm', '--yes']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('cuối cùng');
    const rescore = await score(cli, code, 'VC001', ['1', '1', '1']);
    expect(rescore.code).toBe(5);
    expect(rescore.stderr).toContain('cuối cùng');
    expect((await listJson(cli))[0].average).toBe(7);
  });

  it('needs exactly one of --recognise and --reject (2), and --yes without a terminal (2)', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await scoreAll(cli, code);
    expect((await cli(['review', 'decide', code, '--yes'])).code).toBe(2);
    expect((await cli(['review', 'decide', code, '--recognise', '--reject', '--reason', 'x', '--yes'])).code).toBe(2);
    const noYes = await cli(['review', 'decide', code, '--recognise', ...ALL]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    expect(await statusOf(cli, code)).toBe('applied');
  });

  it('asks for confirmation on a terminal; no means nothing is written', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await scoreAll(cli, code);
    const no = await cli(['review', 'decide', code, '--recognise', ...ALL], { tty: true, answers: [{ expect: /Công nhận .*7,00.*không sửa được/, answer: false }] });
    expect(no.code).toBe(130);
    expect(await statusOf(cli, code)).toBe('applied');
    const yes = await cli(['review', 'decide', code, '--recognise', ...ALL], { tty: true, answers: [{ expect: /Công nhận/, answer: true }] });
    expect(yes.code, yes.stderr).toBe(0);
    expect(await statusOf(cli, code)).toBe('recognised');
  });

  it('refuses to recognise before every eligible member scored (5), naming who is missing', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await ok(cli, ['review', 'score', code, '--member', 'VC001', '--novelty', '8', '--applicability', '8', '--benefit', '8']);
    const r = await cli(['review', 'decide', code, '--recognise', ...ALL, '--yes']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('1/3');
    expect(r.stderr).toContain('Lê Văn Tư');
    expect(r.stderr).not.toContain('Nguyễn Thị Thu Thủy'); // the author is not waited for
  });

  it('lists the conditions not confirmed, in words (3), and unknown ones', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    await scoreAll(cli, code);
    const r = await cli(['review', 'decide', code, '--recognise', '--conditions', 'new', '--yes']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('đã được áp dụng và mang lại lợi ích');
    expect(r.stderr).toContain('không thuộc trường hợp');
    expect(r.stderr).not.toContain('có tính mới');
    const unknown = await cli(['review', 'decide', code, '--recognise', '--conditions', 'new,benefit,not-excluded,cheap', '--yes']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('cheap');
    expect(await statusOf(cli, code)).toBe('applied');
  });

  it('refuses an average below the pass mark (5), with the pass mark in force on the decision date', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli, '2026-11-01');
    // average 6, all scored on 10/11/2026
    for (const m of ['VC001', 'VC003', 'VC010']) await ok(cli, ['review', 'score', code, '--member', m, '--novelty', '6', '--applicability', '6', '--benefit', '6', '--date', '2026-11-10']);
    await ok(cli, ['rules', 'set', 'review.pass_mark', '7', '--from', '2026-11-20', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const late = await cli(['review', 'decide', code, '--recognise', ...ALL, '--date', '2026-11-25', '--yes']);
    expect(late.code).toBe(5);
    expect(late.stderr).toContain('6');
    expect(late.stderr).toContain('7');
    expect(late.stderr).toContain('25/11/2026');
    const early = await cli(['review', 'decide', code, '--recognise', ...ALL, '--date', '2026-11-15', '--yes', '--json']);
    expect(early.code, early.stderr).toBe(0);
    expect(JSON.parse(early.stdout)).toMatchObject({ decision: 'recognised', date: '2026-11-15', average: 6 });
  });

  it('writes a decimal average in the refusal the reader’s way: 5,83 in Vietnamese, 5.83 in English', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli, '2026-11-01');
    // (5 + 6 + 6.5) / 3 = 5.83
    await scoreAll(cli, code, [['5', '5', '5'], ['6', '6', '6'], ['6.5', '6.5', '6.5']]);
    await ok(cli, ['rules', 'set', 'review.pass_mark', '6.5', '--from', '2026-11-20', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const vi = await cli(['review', 'decide', code, '--recognise', ...ALL, '--yes']);
    expect(vi.code).toBe(5);
    expect(vi.stderr).toContain('là 5,83, dưới điểm đạt 6,5');
    const en = await cli(['review', 'decide', code, '--recognise', ...ALL, '--yes', '--lang', 'en']);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('5.83');
    expect(en.stderr).toContain('6.5');
  });

  it('checks the decision date: not after today, not before the application or the last score (3)', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli, '2026-11-01');
    expect((await cli(['review', 'decide', code, '--reject', '--reason', 'x', '--date', '2026-12-01', '--yes'])).code).toBe(3);
    const beforeApp = await cli(['review', 'decide', code, '--reject', '--reason', 'x', '--date', '2026-10-01', '--yes']);
    expect(beforeApp.code).toBe(3);
    expect(beforeApp.stderr).toContain('01/11/2026');
    await scoreAll(cli, code);
    const beforeScores = await cli(['review', 'decide', code, '--recognise', ...ALL, '--date', '2026-11-20', '--yes']);
    expect(beforeScores.code).toBe(3);
    expect(beforeScores.stderr).toContain('28/11/2026');
    expect(await statusOf(cli, code)).toBe('applied');
  });

  it('rejects with a reason (asked on a terminal, 2 without one), even before scoring is complete', async () => {
    const { cli } = await reviewSchool();
    const code = await applied(cli);
    const noReason = await cli(['review', 'decide', code, '--reject', '--yes']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const r = await cli(['review', 'decide', code, '--reject', '--json'], {
      tty: true,
      answers: [
        { expect: /Lý do/, answer: 'Chưa được áp dụng trong thực tế' },
        { expect: /Không công nhận/, answer: true },
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ code, decision: 'rejected', date: '2026-11-28', average: null, reason: 'Chưa được áp dụng trong thực tế' });
    expect(await statusOf(cli, code)).toBe('rejected');
    const list = await listJson(cli);
    expect(list[0]).toMatchObject({ decision: 'rejected', average: null });
  });
});

describe('overdue reviews', () => {
  it('lists applications without a decision past their deadline, in review overdue and in status', async () => {
    const { cli } = await reviewSchool();
    const old = await applied(cli, '2026-07-01'); // deadline 29/09/2026: 60 days overdue on 28/11/2026
    await applied(cli, '2026-11-01');
    const decided = await applied(cli, '2026-07-15');
    await ok(cli, ['review', 'decide', decided, '--reject', '--reason', 'Trùng với sáng kiến đã có', '--yes']);

    const r = await ok(cli, ['review', 'overdue', '--json']);
    const rows = JSON.parse(r.stdout);
    expect(rows).toEqual([{ code: old, title: 'Số hóa hồ sơ thi đua', unit: 'KLLCS', appliedOn: '2026-07-01', deadline: '2026-09-29', daysOverdue: 60, scored: 0, scorers: 3 }]);
    const table = await ok(cli, ['review', 'overdue']);
    expect(table.stdout).toContain('29/09/2026');

    const status = JSON.parse((await ok(cli, ['status', '--json'])).stdout);
    const section = status.sections.find((s: { key: string }) => s.key === 'overdueReviews');
    expect(section.items).toHaveLength(1);
    expect(section.items[0]).toMatchObject({ code: old, daysOverdue: 60, deadline: '2026-09-29' });
    const text = await ok(cli, ['status']);
    expect(text.stdout).toContain('quá hạn chưa quyết định (1)');

    // a withdrawn application is no longer waiting, and the list says how it ended
    const dropped = await applied(cli, '2026-07-02');
    await ok(cli, ['register', 'withdraw', dropped, '--reason', 'Tác giả rút đơn']);
    expect(JSON.parse((await ok(cli, ['review', 'overdue', '--json'])).stdout)).toHaveLength(1);
    expect((await listJson(cli)).find((r: { code: string }) => r.code === dropped)).toMatchObject({ decision: 'withdrawn', decidedOn: '2026-11-28' });
    // and the council can no longer score or decide it: the message says it was withdrawn, not "apply first"
    for (const argv of [
      ['review', 'score', dropped, '--member', 'VC001', '--novelty', '8', '--applicability', '8', '--benefit', '8'],
      ['review', 'decide', dropped, '--reject', '--reason', 'x', '--yes'],
    ]) {
      const refused = await cli(argv);
      expect(refused.code).toBe(5);
      expect(refused.stderr).toContain('đã được rút ngày 28/11/2026 (lý do: Tác giả rút đơn)');
      expect(refused.stderr).not.toContain('review apply');
    }

    const before = await ok(cli, ['--today', '2026-09-29', 'review', 'overdue', '--json']);
    expect(JSON.parse(before.stdout)).toEqual([]);
    const none = await ok(cli, ['--today', '2026-09-29', 'review', 'overdue']);
    expect(none.stderr).toContain('Không có đơn');
  });
});

describe('the council of the year an initiative applies in', () => {
  it('an initiative registered in 2025 and applied in 2026 is scored and decided by the 2026 council, and listed under 2026', async () => {
    const { cli } = await reviewSchool();
    // the 2025 council had VC004 and VC005, who are not on the 2026 council
    await ok(cli, ['council', 'set', '--kind', 'initiative', '--year', '2025', '--chair', 'VC004', '--member', 'VC005', '--secretary', 'VC003']);
    const r = await ok(cli, [
      '--today', '2025-10-01', 'register', 'initiative', '--kind', 'initiative', '--title', 'Tủ hồ sơ điện tử', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025', '--json',
    ]);
    const code = JSON.parse(r.stdout).code as string;
    expect(code).toBe('SK-2025-001');
    await ok(cli, ['review', 'apply', code, '--first-applied', '2026-01-10', '--description', 'Hồ sơ điện tử', '--date', '2026-02-01']);
    const wrong = await score(cli, code, 'VC004', ['8', '8', '8']);
    expect(wrong.code).toBe(5);
    expect(wrong.stderr).toContain('VC004 – Phạm Minh Đức không có tên trong Hội đồng sáng kiến năm 2026');
    await scoreAll(cli, code);
    const shown = JSON.parse((await ok(cli, ['review', 'show', code, '--json'])).stdout);
    expect(shown).toMatchObject({ code, scored: 3, scorers: 3 });
    await ok(cli, ['review', 'decide', code, '--recognise', '--conditions', 'new,benefit,not-excluded', '--yes']);
    expect((await listJson(cli)).map((x: { code: string }) => x.code)).toEqual([code]);
    expect(JSON.parse((await ok(cli, ['review', 'list', '--year', '2025', '--json'])).stdout)).toEqual([]);
    // the 2026 council has scored, so its roll is frozen; 2025's, which scored nothing, is not
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC003', '--member', 'VC004'])).code).toBe(5);
    await ok(cli, ['council', 'set', '--kind', 'initiative', '--year', '2025', '--chair', 'VC004', '--member', 'VC005', '--member', 'VC010']);
  });

  it('without a council for the year it applies in, scoring names that year', async () => {
    const { cli } = await reviewSchool({ council: false });
    await ok(cli, ['council', 'set', '--kind', 'initiative', '--year', '2025', '--chair', 'VC004', '--member', 'VC005', '--secretary', 'VC003']);
    const r = await ok(cli, ['--today', '2025-10-01', 'register', 'initiative', '--kind', 'research', '--title', 'Đề tài', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025', '--json']);
    const code = JSON.parse(r.stdout).code as string;
    await ok(cli, ['review', 'apply', code, '--first-applied', '2026-01-10', '--description', 'Nghiệm thu', '--date', '2026-02-01']);
    const s = await score(cli, code, 'VC004', ['8', '8', '8']);
    expect(s.code).toBe(5);
    expect(s.stderr).toContain('Chưa có Hội đồng sáng kiến năm 2026');
  });
});

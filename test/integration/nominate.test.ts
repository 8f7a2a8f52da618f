/**
 * `thidua nominate`: nominations checked against the criteria, and their appraisal (DOMAIN.md "The
 * yearly cycle" steps 7–8, "Criteria", "Other titles"), driven through the CLI. Ballots and the
 * initiative council's decisions come with later issues: the test sets those states in the database.
 */
import { describe, expect, it } from 'vitest';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';
import { sql } from '../helpers/db.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

interface Checked {
  id: number;
  subject: string;
  award: string;
  year: number;
  eligible: boolean;
  criteria: { code: string; status: string; source: string; detail: string }[];
}

interface Row {
  id: number;
  subject: string;
  name: string;
  award: string;
  year: number;
  by: string;
  status: string;
  eligible: boolean;
}

async function ok(cli: Cli, argv: string[], opts?: RunOptions): Promise<RunResult> {
  const r = await cli(argv, opts);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

async function json<T>(cli: Cli, argv: string[]): Promise<T> {
  return JSON.parse((await ok(cli, [...argv, '--json'])).stdout) as T;
}

const check = (cli: Cli, id: number) => json<Checked>(cli, ['nominate', 'check', String(id)]);
const list = (cli: Cli, ...more: string[]) => json<Row[]>(cli, ['nominate', 'list', '--year', '2026', ...more]);
const statusOf = (c: Checked, code: string) => c.criteria.find((x) => x.code === code);
const statuses = (c: Checked) => c.criteria.map((x) => [x.code, x.status]);

/** The unit of each subject of the harness (a unit is its own). */
const UNIT_OF: Record<string, string> = { VC001: 'PTCHC', PTCHC: 'PTCHC' };

/** `nominate SUBJECT --award A --year 2026 --by <its unit> --summary ..` with more flags, as JSON. */
function nominate(cli: Cli, subject: string, award: string, ...more: string[]): Promise<Checked> {
  const by = UNIT_OF[subject] ?? 'KLLCS';
  return json<Checked>(cli, ['nominate', subject, '--award', award, '--year', '2026', '--by', by, '--summary', 'Thành tích nổi bật', ...more]);
}

/** Registers each [subject, award] for 2026. */
async function registerAll(cli: Cli, ...pairs: [string, string][]): Promise<void> {
  for (const [subject, award] of pairs) await ok(cli, ['register', 'title', subject, '--award', award, '--year', '2026']);
}

async function rate(cli: Cli, person: string, rating: string, period = '2026'): Promise<void> {
  // A year's rating is entered from December on.
  await ok(cli, ['evaluate', 'set', person, '--period', period, '--rating', rating, '--today', '2026-12-01']);
}


const setNomination = (db: string, id: number, status: string) => sql(db, 'UPDATE nominations SET status = ? WHERE id = ?', status, id);
const recogniseWork = (db: string, code: string, on: string) =>
  sql(db, "UPDATE initiatives SET status = 'recognised', status_on = ? WHERE code = ?", on, code);

async function auditOf(cli: Cli): Promise<{ action: string; entityId: string; before: unknown; after: unknown }[]> {
  return json(cli, ['audit', 'list', '--entity', 'nomination', '--limit', '1000']);
}

/** The school of the harness, plus VC004 (staff, KLLCS) and a retired unit. */
async function school() {
  const env = await schoolDb();
  await ok(env.cli, ['person', 'add', 'VC004', '--name', 'Lê Thị Bình', '--unit', 'KLLCS', '--category', 'staff']);
  await ok(env.cli, ['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty']);
  await ok(env.cli, ['unit', 'retire', 'KDV']);
  return env;
}

describe('nominate: routing of the default verb and the subcommands', () => {
  it('creates with "nominate SUBJECT", checks with "nominate check ID", and lists with its own flags', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['VC003', 'GK']);
    const missing = await cli(['nominate', 'check', '5']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('Không có đề nghị số 5');
    const made = await cli(['nominate', 'VC002', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'Tốt']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('Đã lập đề nghị số 1: VC002 – Nguyễn Thị Thu Thủy');
    expect(made.stdout).toContain('Đề nghị số 1');
    expect(made.stdout).toContain('LDTT1');
    // the explicit name works too; "list --year/--award" are the list's own flags
    await ok(cli, ['nominate', 'create', 'VC003', '--award', 'GK', '--year', '2026', '--by', 'self', '--summary', 'Tốt']);
    expect((await list(cli, '--award', 'GK')).map((r) => r.subject)).toEqual(['VC003']);
    expect(await json(cli, ['nominate', 'list', '--year', '2025'])).toEqual([]);
    expect((await check(cli, 1)).id).toBe(1);
  });

  it('asks for what is missing on a terminal, and names the flag otherwise (exit 2)', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT']);
    const noSummary = await cli(['nominate', 'VC002', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS']);
    expect(noSummary.code).toBe(2);
    expect(noSummary.stderr).toContain('--summary');
    const noSubject = await cli(['nominate', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(noSubject.code).toBe(2);
    expect(await list(cli)).toEqual([]);
    const asked = await cli(['nominate', 'VC002', '--award', 'LDTT', '--year', '2026'], {
      tty: true,
      answers: [
        { expect: /Đơn vị đề nghị/, answer: 'self' },
        { expect: /Tóm tắt thành tích/, answer: 'Giảng dạy tốt' },
      ],
    });
    expect(asked.code, asked.stderr).toBe(0);
    expect(await list(cli)).toEqual([expect.objectContaining({ subject: 'VC002', by: 'self', status: 'submitted' })]);
  });
});

describe('nominate: who can be nominated', () => {
  it('only a subject registered for that title and year, once while the nomination is live', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['VC003', 'LDTT']);
    const unknown = await cli(['nominate', 'VC099', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(unknown.code).toBe(4);
    const badTitle = await cli(['nominate', 'VC002', '--award', 'XYZ', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(badTitle.code).toBe(3);
    const otherTitle = await cli(['nominate', 'VC002', '--award', 'CSTDCS', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(otherTitle.code).toBe(5);
    expect(otherTitle.stderr).toContain('chưa đăng ký danh hiệu CSTDCS năm 2026');
    expect(otherTitle.stderr).toContain('thidua register title VC002 --award CSTDCS --year 2026');
    const otherYear = await cli(['nominate', 'VC002', '--award', 'LDTT', '--year', '2025', '--by', 'KLLCS', '--summary', 'x']);
    expect(otherYear.code).toBe(5);
    await ok(cli, ['register', 'withdraw', 'VC003', '--award', 'LDTT', '--year', '2026', '--reason', 'Nhầm']);
    expect((await cli(['nominate', 'VC003', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x'])).code).toBe(5);

    const first = await nominate(cli, 'vc002', 'lđtt');
    expect(first.subject).toBe('VC002');
    const again = await cli(['nominate', 'VC002', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain(`đã có đề nghị LDTT năm 2026 (số ${first.id})`);
    await ok(cli, ['nominate', 'withdraw', String(first.id), '--reason', 'Lập lại']);
    const second = await nominate(cli, 'VC002', 'LDTT');
    expect(second.id).toBe(first.id + 1);
  });

  it('a registration a live nomination rests on cannot be withdrawn (exit 5, nothing written) until the nomination is', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT']);
    const n = await nominate(cli, 'VC002', 'LDTT', '--criterion', 'LDTT2=met:Biên bản họp khoa');
    const before = (await ok(cli, ['audit', 'list', '--json', '--limit', '1000'])).stdout;
    const refused = await cli(['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2026', '--reason', 'Nhầm']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`đề nghị khen thưởng số ${n.id}`);
    expect(refused.stderr).toContain(`thidua nominate withdraw ${n.id}`);
    expect((await ok(cli, ['audit', 'list', '--json', '--limit', '1000'])).stdout).toBe(before);
    const regs = await json<{ titles: { subject: string; status: string }[] }>(cli, ['register', 'list', '--year', '2026']);
    expect(regs.titles.find((t) => t.subject === 'VC002')?.status).toBe('active');
    await ok(cli, ['nominate', 'withdraw', String(n.id), '--reason', 'Đơn vị rút']);
    await ok(cli, ['register', 'withdraw', 'VC002', '--award', 'LDTT', '--year', '2026', '--reason', 'Nhầm']);
  });

  it('--by is the subject’s own unit (a unit: itself) or self; anything else is refused naming the right unit (exit 3)', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['KLLCS', 'TTLDTT'], ['VC001', 'LDTT']);
    const by = (subject: string, value: string, ...more: string[]) =>
      cli(['nominate', subject, '--award', subject === 'KLLCS' ? 'TTLDTT' : 'LDTT', '--year', '2026', '--by', value, '--summary', 'x', ...more]);
    for (const other of ['PTCHC', 'KXX', 'VC001', 'KDV']) {
      const r = await by('VC002', other);
      expect(r.code, other).toBe(3);
      expect(r.stderr).toContain(`--by ${other}: VC002 – Nguyễn Thị Thu Thủy thuộc KLLCS – Khoa Lý luận cơ sở`);
      expect(r.stderr).toContain('(--by KLLCS)');
    }
    const en = await by('VC001', 'KLLCS', '--lang', 'en');
    expect(en.code).toBe(3);
    expect(en.stderr).toContain("belongs to PTCHC – Phòng Tổ chức – Hành chính. A nomination is made by the person's own unit (--by PTCHC)");
    const unit = await by('KLLCS', 'PTCHC');
    expect(unit.code).toBe(3);
    expect(unit.stderr).toContain('do chính đơn vị đề nghị (--by KLLCS, hoặc --by self)');
    expect(await list(cli)).toEqual([]);
    await ok(cli, ['nominate', 'VC002', '--award', 'LDTT', '--year', '2026', '--by', 'kllcs', '--summary', 'x']);
    await ok(cli, ['nominate', 'KLLCS', '--award', 'TTLDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    await ok(cli, ['nominate', 'VC001', '--award', 'LDTT', '--year', '2026', '--by', 'self', '--summary', 'x']);
    expect((await list(cli)).map((r) => [r.subject, r.by])).toEqual([['VC001', 'self'], ['VC002', 'KLLCS'], ['KLLCS', 'KLLCS']]);
  });

  it('a person who has left cannot be nominated (exit 5, nothing written)', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC004', 'LDTT']);
    await ok(cli, ['person', 'edit', 'VC004', '--no-active']);
    const r = await cli(['nominate', 'VC004', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('VC004 – Lê Thị Bình đã nghỉ');
    expect(await list(cli)).toEqual([]);
  });
});

describe('nominate: criteria and eligibility', () => {
  it('prints exactly the JSON contract, with each criterion status, source and detail', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT']);
    const r = await nominate(cli, 'VC002', 'LDTT');
    expect(r).toEqual({
      id: 1,
      subject: 'VC002',
      award: 'LDTT',
      year: 2026,
      eligible: false,
      criteria: [
        { code: 'LDTT1', status: 'unknown', source: 'data', detail: expect.stringContaining('chưa có xếp loại cả năm 2026') },
        { code: 'LDTT2', status: 'unknown', source: 'attested', detail: expect.stringContaining('chưa xác nhận') },
      ],
    });
  });

  it('data criteria follow the data: check recomputes as ratings come in', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT']);
    const { id } = await nominate(cli, 'VC002', 'LDTT', '--criterion', 'LDTT2=met:Biên bản họp khoa');
    await rate(cli, 'VC002', 'HTNV');
    let c = await check(cli, id);
    expect(statusOf(c, 'LDTT1')).toMatchObject({ status: 'unmet', detail: 'xếp loại HTNV năm 2026, cần HTTNV trở lên' });
    expect(statusOf(c, 'LDTT2')).toMatchObject({ status: 'met', source: 'attested', detail: 'minh chứng: Biên bản họp khoa' });
    expect(c.eligible).toBe(false);
    await rate(cli, 'VC002', 'HTTNV');
    c = await check(cli, id);
    expect(statusOf(c, 'LDTT1')?.status).toBe('met');
    expect(c.eligible).toBe(true);
    const text = await ok(cli, ['nominate', 'check', String(id)]);
    expect(text.stdout).toContain('Kết luận: ĐỦ điều kiện');
    const en = await ok(cli, ['nominate', 'check', String(id), '--lang', 'en']);
    expect(en.stdout).toContain('Rated HTTNV or better');
    expect(en.stdout).toContain('Verdict: ELIGIBLE');
    expect(en.stdout).toContain('rated HTTNV for 2026');
  });

  it('refuses hand-set data criteria, codes that are not this nomination’s, and "met" without evidence (exit 3, nothing written)', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'DHTT']);
    const r = await cli([
      'nominate', 'VC002', '--award', 'DHTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x',
      '--criterion', 'S5=met:Tự đánh giá', '--criterion', 'L1=met:Báo cáo', '--criterion', 'S1=met', '--criterion', 'S2',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('S5 do dữ liệu quyết định');
    expect(r.stderr).toContain('L1 không phải tiêu chí của đề nghị DHTT này. Tiêu chí cần đơn vị xác nhận: S1, S2, S3, S4.');
    expect(r.stderr).toContain('S1: tiêu chí đạt phải kèm minh chứng');
    expect(r.stderr).toContain('không hiểu "S2"');
    expect(await list(cli)).toEqual([]);
    // unmet needs no evidence
    const n = await nominate(cli, 'VC002', 'DHTT', '--criterion', 'S3=unmet', '--criterion', 's1=met:Giảng viên giỏi cấp trường');
    expect(statusOf(n, 'S3')).toMatchObject({ status: 'unmet', source: 'attested' });
    expect(statusOf(n, 'S1')).toMatchObject({ status: 'met', detail: 'minh chứng: Giảng viên giỏi cấp trường' });
    expect(statusOf(n, 'S2')?.status).toBe('unknown');
  });

  it('takes the category at nomination: leader L1–L4, staff S1–S5, kept when the person changes', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC001', 'DHTT'], ['VC002', 'DHTT']);
    const leader = await nominate(cli, 'VC001', 'DHTT');
    const staff = await nominate(cli, 'VC002', 'DHTT');
    expect(leader.criteria.map((c) => c.code)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(staff.criteria.map((c) => c.code)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    await ok(cli, ['person', 'edit', 'VC002', '--category', 'leader']);
    expect((await check(cli, staff.id)).criteria.map((c) => c.code)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
  });

  it('L2: a recognised initiative of the year decides it; otherwise the unit attests it', async () => {
    const { cli, db } = await school();
    await registerAll(cli, ['VC001', 'DHTT']);
    await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa hồ sơ', '--author', 'VC001', '--unit', 'PTCHC', '--year', '2026']);
    const { id } = await nominate(cli, 'VC001', 'DHTT');
    expect(statusOf(await check(cli, id), 'L2')).toMatchObject({ status: 'unknown', source: 'attested' });
    await ok(cli, ['nominate', 'amend', String(id), '--criterion', 'L2=met:Giải pháp điều hành']);
    expect(statusOf(await check(cli, id), 'L2')).toMatchObject({ status: 'met', source: 'attested' });
    recogniseWork(db, 'SK-2026-001', '2026-10-20');
    expect(statusOf(await check(cli, id), 'L2')).toMatchObject({ status: 'met', source: 'data', detail: 'được công nhận: SK-2026-001' });
  });

  it('L2: a research topic accepted in the year counts as CSTDCS2 counts it', async () => {
    const { cli, db } = await school();
    await registerAll(cli, ['VC001', 'DHTT']);
    await ok(cli, ['register', 'initiative', '--kind', 'research', '--title', 'Quản trị nhà trường', '--author', 'VC001', '--unit', 'PTCHC', '--year', '2026']);
    const { id } = await nominate(cli, 'VC001', 'DHTT');
    expect(statusOf(await check(cli, id), 'L2')).toMatchObject({ status: 'unknown', source: 'attested' });
    expect(statusOf(await check(cli, id), 'L2')?.detail).toContain('không có sáng kiến được công nhận hay đề tài được nghiệm thu trong năm 2026');
    recogniseWork(db, 'DT-2026-001', '2026-11-02');
    expect(statusOf(await check(cli, id), 'L2')).toMatchObject({ status: 'met', source: 'data', detail: 'được công nhận: DT-2026-001' });
  });

  it('CSTDCS: needs LDTT the same year and a recognised initiative or accepted topic, within the quota', async () => {
    const { cli, db } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['VC002', 'CSTDCS'], ['VC003', 'LDTT'], ['VC003', 'CSTDCS']);
    await ok(cli, ['register', 'initiative', '--kind', 'research', '--title', 'Đổi mới phương pháp', '--author', 'VC002:60', '--author', 'VC003:40', '--unit', 'KLLCS', '--year', '2026']);
    const ldtt = await nominate(cli, 'VC002', 'LDTT');
    const c = await nominate(cli, 'VC002', 'CSTDCS');
    expect(statuses(c)).toEqual([['CSTDCS1', 'unknown'], ['CSTDCS2', 'unmet'], ['QUOTA', 'unmet']]);
    expect(statusOf(c, 'CSTDCS1')?.detail).toBe(`đề nghị LDTT số ${ldtt.id} chưa có kết quả`);
    // the base is the LDTT dossiers the council accepted: none yet
    expect(statusOf(c, 'QUOTA')?.detail).toBe(
      'suất thứ 1, vượt chỉ tiêu tối đa 0 (15% của 0 hồ sơ LDTT đã được chấp nhận; suất theo thứ tự ngày chấp nhận hồ sơ, rồi số đề nghị)',
    );
    const byHand = await cli(['nominate', 'amend', String(c.id), '--criterion', 'CSTDCS1=met:Quyết định LĐTT']);
    expect(byHand.code).toBe(3);
    expect(byHand.stderr).toContain('CSTDCS1 do dữ liệu quyết định');

    setNomination(db, ldtt.id, 'passed');
    recogniseWork(db, 'DT-2026-001', '2026-11-15');
    await ok(cli, ['rules', 'set', 'quota.CSTDCS', '50%', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    // 1 LDTT × 50% rounds down to no place at all
    expect(statusOf(await check(cli, c.id), 'QUOTA')).toMatchObject({ status: 'unmet', detail: expect.stringContaining('suất thứ 1, vượt chỉ tiêu tối đa 0 (50% của 1 hồ sơ LDTT') });
    // 2 LDTT × 50% = 1 place; neither CSTDCS dossier is accepted, so each would take it if accepted next
    const ldtt3 = await nominate(cli, 'VC003', 'LDTT');
    setNomination(db, ldtt3.id, 'passed');
    const c3 = await nominate(cli, 'VC003', 'CSTDCS');
    for (const n of [await check(cli, c.id), c3]) {
      expect(statuses(n)).toEqual([['CSTDCS1', 'met'], ['CSTDCS2', 'met'], ['QUOTA', 'met']]);
      expect(statusOf(n, 'QUOTA')?.detail).toContain('sẽ giữ suất thứ 1 trong tối đa 1 khi được chấp nhận (50% của 2 hồ sơ LDTT');
    }
    // the place goes to the dossier accepted first, not to the lower number
    await ok(cli, ['nominate', 'appraise', String(c3.id), '--accept', '--today', '2026-12-01']);
    expect(statusOf(await check(cli, c3.id), 'QUOTA')?.detail).toContain('giữ suất thứ 1 trong tối đa 1');
    const behind = await check(cli, c.id);
    expect(statusOf(behind, 'QUOTA')).toMatchObject({ status: 'unmet', detail: expect.stringContaining('suất thứ 2, vượt chỉ tiêu tối đa 1') });
    expect(behind.eligible).toBe(false);
    const refused = await cli(['nominate', 'appraise', String(c.id), '--accept', '--today', '2026-12-02']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('QUOTA');
    // a dossier that turns out ineligible takes no place: the other moves up
    // (a correction of the topic's authors leaves VC003 without a recognised work)
    sql(db, "UPDATE initiative_authors SET person_code = 'VC001' WHERE initiative_code = 'DT-2026-001' AND person_code = 'VC003'");
    expect(statusOf(await check(cli, c3.id), 'CSTDCS2')?.status).toBe('unmet');
    expect(statusOf(await check(cli, c.id), 'QUOTA')).toMatchObject({ status: 'met', detail: expect.stringContaining('sẽ giữ suất thứ 1') });
    sql(db, "UPDATE initiative_authors SET person_code = 'VC003' WHERE initiative_code = 'DT-2026-001' AND person_code = 'VC001'");
    expect(statusOf(await check(cli, c.id), 'QUOTA')?.status).toBe('unmet');
    // withdrawing the holder frees its place
    await ok(cli, ['nominate', 'withdraw', String(c3.id), '--reason', 'Nhường chỉ tiêu']);
    await ok(cli, ['nominate', 'appraise', String(c.id), '--accept', '--today', '2026-12-03']);
    const now = await check(cli, c.id);
    expect(statusOf(now, 'CSTDCS1')?.detail).toBe(`đề nghị LDTT số ${ldtt.id} đã đạt số phiếu`);
    expect(statusOf(now, 'CSTDCS2')?.detail).toBe('được công nhận: DT-2026-001');
    expect(statusOf(now, 'QUOTA')?.detail).toContain('giữ suất thứ 1 trong tối đa 1 (50% của 2 hồ sơ LDTT');
    expect(now.eligible).toBe(true);
  });

  it('collective titles: member shares of LDTT, unknown while a member’s nomination is pending', async () => {
    const { cli, db } = await school();
    await registerAll(cli, ['KLLCS', 'TTLDTT'], ['VC002', 'LDTT'], ['VC003', 'LDTT'], ['VC004', 'LDTT']);
    const a = await nominate(cli, 'VC002', 'LDTT');
    const b = await nominate(cli, 'VC003', 'LDTT');
    const unit = await nominate(cli, 'KLLCS', 'TTLDTT', '--criterion', 'T1=met:Báo cáo tổng kết', '--criterion', 'T3=met:Không có kỷ luật');
    expect(unit.criteria.map((x) => x.code)).toEqual(['T1', 'T2', 'T3']);
    expect(statusOf(unit, 'T2')).toMatchObject({ status: 'unknown', source: 'data' });
    expect(statusOf(unit, 'T2')?.detail).toBe('LDTT: 0/3 thành viên (cần > 50%); 2 thành viên có đề nghị LDTT chưa có kết quả');
    setNomination(db, a.id, 'passed');
    expect(statusOf(await check(cli, unit.id), 'T2')?.status).toBe('unknown');
    setNomination(db, b.id, 'failed');
    expect(statusOf(await check(cli, unit.id), 'T2')).toMatchObject({ status: 'unmet', detail: 'LDTT: 1/3 thành viên (cần > 50%)' });
    setNomination(db, b.id, 'recognised');
    const done = await check(cli, unit.id);
    expect(statusOf(done, 'T2')).toMatchObject({ status: 'met', detail: 'LDTT: 2/3 thành viên (cần > 50%)' });
    expect(done.eligible).toBe(true);
  });

  it('GK has no criteria: eligible once registered', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC003', 'GK']);
    const r = await nominate(cli, 'VC003', 'GK');
    expect(r).toMatchObject({ eligible: true, criteria: [] });
    const text = await ok(cli, ['nominate', 'check', String(r.id)]);
    expect(text.stdout).toContain('không có tiêu chí riêng');
  });
});

describe('nominate appraise, amend, withdraw', () => {
  async function eligibleLdtt() {
    const env = await school();
    await registerAll(env.cli, ['VC002', 'LDTT'], ['VC003', 'LDTT']);
    await rate(env.cli, 'VC002', 'HTXSNV');
    const good = await nominate(env.cli, 'VC002', 'LDTT', '--criterion', 'LDTT2=met:Biên bản');
    const open = await nominate(env.cli, 'VC003', 'LDTT');
    return { ...env, good: good.id, open: open.id };
  }

  it('takes exactly one of --accept and --return (exit 2)', async () => {
    const { cli, good } = await eligibleLdtt();
    expect((await cli(['nominate', 'appraise', String(good), '--accept', '--return', '--reason', 'x'])).code).toBe(2);
    expect((await cli(['nominate', 'appraise', String(good)])).code).toBe(2);
    const noReason = await cli(['nominate', 'appraise', String(good), '--return']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    expect((await cli(['nominate', 'appraise', 'abc', '--accept'])).code).toBe(3);
    expect((await cli(['nominate', 'appraise', '99', '--accept'])).code).toBe(4);
    expect((await list(cli)).map((r) => r.status)).toEqual(['submitted', 'submitted']);
  });

  it('accepts only an eligible dossier, naming what is not met or not known', async () => {
    const { cli, good, open } = await eligibleLdtt();
    const refused = await cli(['nominate', 'appraise', String(open), '--accept']);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`Chưa chấp nhận được đề nghị số ${open}`);
    expect(refused.stderr).toContain('LDTT1: chưa xác định');
    expect(refused.stderr).toContain('LDTT2: chưa xác định');
    const accepted = await json<Row>(cli, ['nominate', 'appraise', String(good), '--accept']);
    expect(accepted).toEqual({ id: good, subject: 'VC002', name: 'Nguyễn Thị Thu Thủy', award: 'LDTT', year: 2026, by: 'KLLCS', status: 'accepted', eligible: true });
    const twice = await cli(['nominate', 'appraise', String(good), '--accept']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('đã được chấp nhận ngày 28/11/2026');
    const amend = await cli(['nominate', 'amend', String(good), '--summary', 'Mới']);
    expect(amend.code).toBe(5);
  });

  it('returns a dossier with the reason; amended, it is submitted again and can be appraised again', async () => {
    const { cli, open } = await eligibleLdtt();
    const returned = await ok(cli, ['nominate', 'appraise', String(open), '--return', '--reason', 'Thiếu minh chứng LDTT2', '--today', '2026-12-01']);
    expect(returned.stderr).toContain('Lý do: Thiếu minh chứng LDTT2');
    expect((await list(cli, '--status', 'returned')).map((r) => r.id)).toEqual([open]);
    const again = await cli(['nominate', 'appraise', String(open), '--return', '--reason', 'x']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('đã bị trả lại ngày 01/12/2026 (lý do: Thiếu minh chứng LDTT2)');
    expect((await cli(['nominate', 'amend', String(open)])).code).toBe(3);
    await rate(cli, 'VC003', 'HTTNV');
    const amended = await ok(cli, ['nominate', 'amend', String(open), '--criterion', 'LDTT2=met:Biên bản họp khoa', '--today', '2026-12-03']);
    expect(amended.stderr).toContain('trạng thái: đã nộp, chờ thẩm định');
    expect(amended.stdout).toContain('Kết luận: ĐỦ điều kiện');
    await ok(cli, ['nominate', 'appraise', String(open), '--accept']);
    expect((await list(cli, '--status', 'accepted')).map((r) => r.id)).toEqual([open]);
  });

  it('a new attestation replaces the old one; a submitted dossier stays submitted', async () => {
    const { cli, good } = await eligibleLdtt();
    await ok(cli, ['nominate', 'amend', String(good), '--criterion', 'LDTT2=unmet:Chưa tham gia phong trào']);
    const c = await check(cli, good);
    expect(statusOf(c, 'LDTT2')).toMatchObject({ status: 'unmet', detail: 'minh chứng: Chưa tham gia phong trào' });
    expect((await list(cli)).find((r) => r.id === good)?.status).toBe('submitted');
  });

  it('withdraws a nomination not yet voted on, with the reason; never twice, never after the ballot', async () => {
    const { cli, db, good, open } = await eligibleLdtt();
    expect((await cli(['nominate', 'withdraw', String(open)])).code).toBe(2);
    await ok(cli, ['nominate', 'appraise', String(good), '--accept']);
    const w = await json<Row>(cli, ['nominate', 'withdraw', String(good), '--reason', 'Chuyển công tác']);
    expect(w.status).toBe('withdrawn');
    const twice = await cli(['nominate', 'withdraw', String(good), '--reason', 'x']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('đã rút ngày 28/11/2026 (lý do: Chuyển công tác)');
    setNomination(db, open, 'passed');
    expect((await cli(['nominate', 'withdraw', String(open), '--reason', 'x'])).code).toBe(5);
  });

  it('audits every change with before and after', async () => {
    const { cli, good, open } = await eligibleLdtt();
    await ok(cli, ['nominate', 'appraise', String(open), '--return', '--reason', 'Thiếu']);
    await ok(cli, ['nominate', 'amend', String(open), '--summary', 'Bổ sung']);
    await ok(cli, ['nominate', 'appraise', String(good), '--accept']);
    await ok(cli, ['nominate', 'withdraw', String(good), '--reason', 'Rút']);
    const rows = await auditOf(cli);
    expect(rows.map((r) => [r.action, r.entityId]).sort()).toEqual(
      [['create', String(good)], ['create', String(open)], ['return', String(open)], ['amend', String(open)], ['accept', String(good)], ['withdraw', String(good)]].sort(),
    );
    const amend = rows.find((r) => r.action === 'amend')!;
    expect(amend.before).toMatchObject({ status: 'returned', summary: 'Thành tích nổi bật' });
    expect(amend.after).toMatchObject({ status: 'submitted', summary: 'Bổ sung' });
  });
});

describe('nominate list and status', () => {
  it('sorts by title then by given name, with status in words and eligibility', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['VC003', 'LDTT'], ['VC004', 'LDTT'], ['VC001', 'DHTT'], ['KLLCS', 'DHTT']);
    await nominate(cli, 'VC002', 'LDTT');
    await nominate(cli, 'VC004', 'LDTT');
    await nominate(cli, 'KLLCS', 'DHTT');
    await nominate(cli, 'VC003', 'LDTT');
    await nominate(cli, 'VC001', 'DHTT');
    const rows = await list(cli);
    // DHTT before LDTT (catalogue order); people by given name (An, Bình, Thịnh, Thủy), then units
    expect(rows.map((r) => [r.award, r.subject])).toEqual([
      ['DHTT', 'VC001'],
      ['DHTT', 'KLLCS'],
      ['LDTT', 'VC003'],
      ['LDTT', 'VC004'],
      ['LDTT', 'VC002'],
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual(['award', 'by', 'eligible', 'id', 'name', 'status', 'subject', 'year']);
    const table = await ok(cli, ['nominate', 'list', '--year', '2026', '--award', 'ldtt']);
    expect(table.stdout).toContain('đã nộp, chờ thẩm định');
    expect(table.stdout).not.toContain('VC001');
    expect((await cli(['nominate', 'list', '--year', '2026', '--status', 'pending'])).code).toBe(3);
    expect(await list(cli, '--status', 'withdrawn')).toEqual([]);
  });

  it('status lists the dossiers waiting for appraisal, the longest waiting first', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT'], ['VC003', 'LDTT']);
    await ok(cli, ['nominate', 'VC003', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x', '--today', '2026-11-20']);
    await ok(cli, ['nominate', 'VC002', '--award', 'LDTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'x', '--today', '2026-11-25']);
    const s = await json<{ sections: { key: string; items: Record<string, unknown>[] }[] }>(cli, ['status', '--today', '2026-11-28']);
    const section = s.sections.find((x) => x.key === 'nominationsAwaitingAppraisal');
    expect(section?.items.map((i) => [i.subject, i.daysWaiting])).toEqual([
      ['VC003', 8],
      ['VC002', 3],
    ]);
    const text = await ok(cli, ['status', '--today', '2026-11-28']);
    expect(text.stdout).toContain('Hồ sơ đề nghị chờ thẩm định (2)');
    // as of an earlier day, a dossier submitted later is not waiting yet (never a negative wait)
    const earlier = await json<{ sections: { key: string; items: Record<string, unknown>[] }[] }>(cli, ['status', '--today', '2026-11-22']);
    expect(earlier.sections.find((x) => x.key === 'nominationsAwaitingAppraisal')?.items.map((i) => [i.subject, i.daysWaiting])).toEqual([['VC003', 2]]);
    const before = await json<{ sections: { key: string }[] }>(cli, ['status', '--today', '2026-11-01']);
    expect(before.sections.map((x) => x.key)).not.toContain('nominationsAwaitingAppraisal');
    await ok(cli, ['nominate', 'appraise', '1', '--return', '--reason', 'Thiếu']);
    const after = await json<{ sections: { key: string; items: unknown[] }[] }>(cli, ['status', '--today', '2026-11-28']);
    expect(after.sections.find((x) => x.key === 'nominationsAwaitingAppraisal')?.items).toHaveLength(1);
  });

  it('detect keeps subjects already nominated for the year, saying so (issue 15)', async () => {
    const { cli } = await school();
    await registerAll(cli, ['VC002', 'LDTT']);
    const vc002 = async () => (await json<{ subject: string; state: string[] }[]>(cli, ['detect', '--year', '2026', '--all'])).find((d) => d.subject === 'VC002');
    expect((await vc002())?.state).toEqual([]);
    const n = await nominate(cli, 'VC002', 'LDTT');
    expect((await vc002())?.state).toEqual([`đã đề nghị LDTT (số ${n.id}): đã nộp, chờ thẩm định`]);
    await ok(cli, ['nominate', 'withdraw', String(n.id), '--reason', 'x']);
    expect((await vc002())?.state).toEqual([]);
  });
});

describe('nominate: hints never send the clerk to attest what data will decide (issue 15)', () => {
  it('U3 of a unit registered for TTLDTT waits for that ballot; without the registration the unit attests it', async () => {
    const { cli } = await school();
    await registerAll(cli, ['KLLCS', 'TTLDTT'], ['KLLCS', 'DHTT'], ['PTCHC', 'DHTT']);
    const n = await nominate(cli, 'KLLCS', 'DHTT', '--criterion', 'U1=met:Phong trào thi đua của khoa', '--criterion', 'U2=met:Giải pháp số hóa');
    expect(statusOf(n, 'U3')).toMatchObject({ status: 'unknown', source: 'data' });
    const shown = await ok(cli, ['nominate', 'check', String(n.id)]);
    expect(shown.stdout).toContain('đã đăng ký TTLDTT năm 2026, chưa có đề nghị');
    expect(shown.stdout).not.toContain('nominate amend');
    const p = await nominate(cli, 'PTCHC', 'DHTT', '--criterion', 'U1=met:Phong trào', '--criterion', 'U2=met:Giải pháp');
    expect(statusOf(p, 'U3')).toMatchObject({ status: 'unknown', source: 'attested' });
    expect((await ok(cli, ['nominate', 'check', String(p.id)])).stdout).toContain(`thidua nominate amend ${p.id} --criterion "U3=met:`);
  });

  it('L2 of a leader whose initiative waits for the initiative council is not for the unit to attest', async () => {
    const { cli, db } = await school();
    await registerAll(cli, ['VC001', 'DHTT']);
    const sk = JSON.parse((await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa', '--author', 'VC001', '--unit', 'PTCHC', '--year', '2026', '--json'])).stdout).code as string;
    sql(db, "UPDATE initiatives SET status = 'applied', status_on = '2026-10-01' WHERE code = ?", sk);
    const n = await nominate(cli, 'VC001', 'DHTT', '--criterion', 'L1=met:Báo cáo tổng kết', '--criterion', 'L3=met:Nhận xét chi bộ');
    expect(statusOf(n, 'L2')).toMatchObject({ status: 'unknown', source: 'data' });
    const shown = await ok(cli, ['nominate', 'check', String(n.id)]);
    expect(shown.stdout).toContain(`chờ Hội đồng sáng kiến quyết định: ${sk}`);
    expect(shown.stdout).not.toContain('L2=met');
  });
});

describe('nominate: a recognised result is judged as of its decision date', () => {
  it('people joining the unit after the decision do not make a recognised TTLDTT ineligible', async () => {
    const { reportSchool } = await import('../helpers/report-seed.js');
    const { MEETING, AT_MEETING, ENDED } = await import('../helpers/ballot-seed.js');
    const s = await reportSchool();
    // KLLCS: its three members (VC002–VC004) were recognised LDTT: T2 is met; the council votes TTLDTT.
    await ok(s.cli, ['nominate', 'appraise', String(s.ttldtt), '--accept']);
    const b = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'TTLDTT', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', '--vote', `${s.ttldtt}=5,0,0`]);
    await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
    await ok(s.cli, ['recognise', '--year', '2025', '--award', 'TTLDTT', '--date', MEETING, '--yes']);
    // Three people join KLLCS afterwards, none of them LDTT in 2025: 3 of 6 is not more than half.
    for (const [code, name] of [['VC007', 'Trần Văn Tâm'], ['VC008', 'Ngô Thị Lan'], ['VC009', 'Đỗ Minh Khoa']]) {
      await ok(s.cli, ['person', 'add', code, '--name', name, '--unit', 'KLLCS', '--category', 'staff']);
    }
    const checked = await json<Checked>(s.cli, ['nominate', 'check', String(s.ttldtt)]);
    expect(checked.eligible).toBe(true);
    expect(checked.criteria.find((c) => c.code === 'T2')).toMatchObject({ status: 'met', source: 'data' });
    expect(checked.criteria.find((c) => c.code === 'T2')?.detail).toContain('3/3');
    const listed = await json<Row[]>(s.cli, ['nominate', 'list', '--year', '2025', '--award', 'TTLDTT']);
    expect(listed).toEqual([expect.objectContaining({ id: s.ttldtt, status: 'recognised', eligible: true })]);
    const table = await s.cli(['nominate', 'check', String(s.ttldtt)]);
    expect(table.stdout + table.stderr).not.toMatch(/không đủ điều kiện|chưa đủ điều kiện/i);
  });
});

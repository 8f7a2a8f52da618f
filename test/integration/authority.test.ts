/**
 * Who decides a title (DOMAIN.md "Who decides, and what the school sends up"): the dated rule
 * `authority.<TITLE>`; `recognise` refusing a title decided above the school; the proposal to the
 * province (Tờ trình) listing what the council passed for it; `recognise record` keeping the province's
 * decision so history, eligibility and reports see it, with no certificate and no bonus from the school.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDED, AT_MEETING, ballotSchool, json, ok, query, votes, type Seeded } from '../helpers/ballot-seed.js';
import { expectHeader, expectWellFormedDocument, readDocx } from '../helpers/docx.js';
import { freshDb } from '../helpers/cli.js';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { runMigrations } from '../../src/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import type { DB } from '../../src/db/schema.js';

const ISSUER = 'Chủ tịch Ủy ban nhân dân tỉnh Bình Phước';
const LATER = '2026-03-12';

interface RecognitionJson {
  id: number; subject: string; award: string; year: number; decision: string; decidedOn: string; issuer: string | null; recorded: boolean; bonus: number; status: string;
}

/** One closed ballot of a title for the given nominations, every one passing unless told otherwise. */
async function vote(s: Seeded, award: string, ids: number[], except: Record<number, string> = {}): Promise<number> {
  const b = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', award, '--present', '5', ...AT_MEETING]);
  await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', except)]);
  await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
  return b.id;
}

interface Province extends Seeded {
  /** The unit's TTLDXS nomination, passed by the council. */
  ttldxs: number;
}

/**
 * The ballot school after its council met on 15/12/2025: LDTT (everyone but VC006), CSTDCS (VC002) and
 * TTLDXS for the faculty KLLCS passed. The faculty's TTLDTT dossier is left waiting.
 */
async function provinceSchool(opts: { style?: 'state' | 'party' } = {}): Promise<Province> {
  const s = await ballotSchool(opts);
  await vote(s, 'LDTT', Object.values(s.ldtt), { [s.ldtt.VC006]: '2,3,0' });
  // Four LDTT passed: a quarter of them leaves the one CSTDCS place.
  await ok(s.cli, ['rules', 'set', 'quota.CSTDCS', '25%', '--from', '2025-06-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
  await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
  await vote(s, 'CSTDCS', [s.cstdcs]);
  await ok(s.cli, ['register', 'title', 'KLLCS', '--award', 'TTLDXS', '--year', '2025']);
  const ttldxs = (await json<{ id: number }>(s.cli, [
    'nominate', 'KLLCS', '--award', 'TTLDXS', '--year', '2025', '--by', 'self', '--summary', 'Khoa dẫn đầu phong trào thi đua “Dạy tốt, học tốt”; 100% giảng viên đạt Lao động tiên tiến',
    '--criterion', 'T1=met:Báo cáo tổng kết năm', '--criterion', 'T3=met:Không có cá nhân bị kỷ luật',
  ])).id;
  await ok(s.cli, ['nominate', 'appraise', String(ttldxs), '--accept']);
  await vote(s, 'TTLDXS', [ttldxs]);
  return { ...s, ttldxs };
}

const record = (more: string[] = []) => ['recognise', 'record', '--award', 'TTLDXS', '--subject', 'KLLCS', '--number', '512/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER, ...more];

describe('migration 0014', () => {
  it('keeps every recognition of an older database, and lets a recorded one have no school decision but never money', async () => {
    const raw = new BetterSqlite3(':memory:');
    const k = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
    const meta = { at: '2026-01-02T08:00:00.000Z', actor: 'tester', command: 'test' };
    const at = migrations.findIndex((m) => m.id === '0014-authority');
    try {
      await runMigrations(k, migrations.slice(0, at), meta);
      raw.exec(`INSERT INTO org_profiles (valid_from, name, full_name, parent_body, symbol, place, head_title, head_name, style, created_at)
                  VALUES ('2000-01-01', 'TRƯỜNG CHÍNH TRỊ', 'Trường Chính trị tỉnh Bình Phước', 'TỈNH ỦY BÌNH PHƯỚC', 'TCT', 'Bình Phước', 'Hiệu trưởng', 'Trần Văn Thịnh', 'state', 'x');
                INSERT INTO subjects (code, kind) VALUES ('KLLCS', 'unit');
                INSERT INTO units (code, name, kind, created_at) VALUES ('KLLCS', 'Khoa Lý luận cơ sở', 'faculty', 'x');
                INSERT INTO documents (kind, year, number, date, type, title, profile_valid_from, payload, created_at)
                  VALUES ('QĐ', 2025, 4, '2025-12-20', 'recognition-decision', 'Quyết định', '2000-01-01', '{}', 'x');
                INSERT INTO recognitions (year, subject_code, award, decision_id, decided_on, base_salary, coefficient, bonus, rounding, created_at)
                  VALUES (2025, 'KLLCS', 'TTLDXS', 1, '2025-12-20', 2340000, '1.5', 3510000, 'up:10000', 'x');`);
      await runMigrations(k, migrations.slice(at, at + 1), meta);
      expect(raw.prepare('SELECT subject_code, award, decision_id, bonus, recorded_number FROM recognitions').all()).toEqual([
        { subject_code: 'KLLCS', award: 'TTLDXS', decision_id: 1, bonus: 3_510_000, recorded_number: null },
      ]);
      const recorded = (bonus: number, number: string | null) => () =>
        raw.prepare(`INSERT INTO recognitions (year, subject_code, award, decided_on, base_salary, coefficient, bonus, rounding, created_at, recorded_number, recorded_issuer)
                     VALUES (2024, 'KLLCS', 'TTLDXS', '2025-02-20', 0, '0', ?, 'none:1', 'x', ?, 'Chủ tịch Ủy ban nhân dân tỉnh')`).run(bonus, number);
      expect(recorded(100, '88/QĐ-UBND')).toThrow(/CHECK/);
      expect(recorded(0, null)).toThrow(/CHECK/);
      recorded(0, '88/QĐ-UBND')();
      expect(recorded(0, '89/QĐ-UBND')).toThrow(/UNIQUE/);
      expect(() => raw.prepare('DELETE FROM recognitions').run()).toThrow(/never deleted/);
      const indexes = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'recognitions'").all() as { name: string }[]).map((r) => r.name).sort();
      expect(indexes).toEqual(['recognitions_decided', 'recognitions_decision', 'recognitions_one_per_nomination', 'recognitions_one_recorded', 'recognitions_subject', 'recognitions_year_award']);
    } finally {
      await k.destroy();
    }
  });
});

describe('who decides a title', () => {
  it('is a dated rule of each title, seeded with its source; a clerk changes it from a date', async () => {
    const { cli } = await freshDb();
    const rules = await json<{ key: string; value: string; source: string }[]>(cli, ['rules', 'list']);
    const rule = (key: string) => rules.find((r) => r.key === key);
    expect(rule('authority.TTLDXS')).toMatchObject({ value: 'province', source: expect.stringContaining('Điều 79 Luật Thi đua, khen thưởng số 06/2022/QH15') });
    for (const t of ['LDTT', 'CSTDCS', 'TTLDTT', 'GK']) expect(rule(`authority.${t}`)).toMatchObject({ value: 'school', source: expect.stringContaining('Điều 80') });
    expect(rule('authority.DHTT')).toMatchObject({ value: 'school', source: expect.stringContaining('Kế hoạch') });
    expect(rule('province.decider')?.value).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
    expect((await cli(['rules', 'set', 'authority.TTLDXS', 'tinh', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(3);
    expect((await cli(['rules', 'set', 'province.addressee', '', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(3);
  });

  it('applies a change from its first day: CSTDCS decided by the province from 18/12/2025', async () => {
    const s = await provinceSchool();
    await ok(s.cli, ['rules', 'set', 'authority.cstdcs', 'province', '--from', '2025-12-18', '--source', 'Quyết định số 30/2025/QĐ-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh ban hành Quy chế công tác thi đua, khen thưởng']);
    const after = await s.on('2025-12-20')(['recognise', '--year', '2025', '--award', 'CSTDCS', '--date', '2025-12-18', '--yes']);
    expect(after.code).toBe(5);
    expect(after.stderr).toContain('Quyết định số 30/2025/QĐ-UBND ngày 01 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh');
    const before = await json<{ decision: { symbol: string } }>(s.on('2025-12-20'), ['recognise', '--year', '2025', '--award', 'CSTDCS', '--date', '2025-12-17', '--yes']);
    expect(before.decision.symbol).toBe('01/QĐ-TCT');
  });
});

describe('recognise refuses a title decided above the school', () => {
  it('exit 5, naming who decides and the way to the province; nothing is written, nothing is asked', async () => {
    const s = await provinceSchool();
    const docs = () => query<{ n: number }>(s.db, "SELECT count(*) AS n FROM documents WHERE kind = 'QĐ'")[0].n;
    // No --yes and no terminal: refused before any confirmation is asked for.
    const r = await s.on('2025-12-20')(['recognise', '--year', '2025', '--award', 'ttldxs']);
    expect(r.code).toBe(5);
    for (const w of ['“Tập thể lao động xuất sắc”', 'Chủ tịch Ủy ban nhân dân tỉnh quyết định', 'Điều 79', 'không thuộc thẩm quyền của Hiệu trưởng', 'thidua report province --year 2025', 'thidua recognise record --award TTLDXS']) {
      expect(r.stderr).toContain(w);
    }
    const en = await s.on('2025-12-20')(['--lang', 'en', 'recognise', '--year', '2025', '--award', 'TTLDXS', '--yes']);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('is decided by Chủ tịch Ủy ban nhân dân tỉnh');
    expect(docs()).toBe(0);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE id = ?', s.ttldxs)[0].status).toBe('passed');
    // status: the faculty awaits the province's decision, not the principal's.
    const status = await json<{ sections: { key: string; items: { award: string; code?: string }[] }[] }>(s.on('2025-12-20'), ['status']);
    expect(status.sections.find((x) => x.key === 'awaitingProvince')?.items).toEqual([expect.objectContaining({ award: 'TTLDXS', code: 'KLLCS' })]);
    expect(status.sections.find((x) => x.key === 'awaitingRecognition')?.items.map((i) => i.award)).toEqual(['LDTT', 'CSTDCS']);
  });
});

describe('recognise record: the province\'s decision', () => {
  it('validates everything and writes nothing when refused', async () => {
    const s = await provinceSchool();
    const at = s.on(LATER);
    const count = () => query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM recognitions')[0].n;
    const cases: [string[], number, string][] = [
      [['recognise', 'record', '--award', 'TTLDXS', '--subject', 'KXYZ', '--number', '512/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER], 4, 'KXYZ'],
      [['recognise', 'record', '--award', 'LDTT', '--subject', 'VC003', '--number', '512/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER], 5, 'thidua recognise --year'],
      [['recognise', 'record', '--award', 'TTLDXS', '--subject', 'VC003', '--number', '512/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER], 5, 'VC003'],
      [record(['--date', '2026-03-13']), 3, 'sau hôm nay'],
      [record(['--number', 'năm trăm']), 3, '512/QĐ-UBND'],
      [record(['--date', '2025-12-01']), 3, 'trước ngày Hội đồng bỏ phiếu'],
      [['recognise', 'record', '--award', 'TTLDXS', '--subject', 'PTCHC', '--number', '512/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER], 3, '--year'],
      [record(['--year', '2027']), 3, 'năm 2027'],
      [['recognise', 'record', '--award', 'TTLDXS', '--subject', 'KLLCS', '--date', '2026-03-10', '--issuer', ISSUER], 2, '--number'],
      // Several subjects in one decision: one unknown, none is recorded.
      [record(['--subject', 'KXYZ']), 4, 'KXYZ'],
    ];
    for (const [argv, code, words] of cases) {
      const r = await at(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toContain(words);
    }
    expect(count()).toBe(0);
    await ok(at, record());
    const twice = await at(record(['--number', '513/QĐ-UBND']));
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('đã có danh hiệu TTLDXS năm 2025 (Quyết định số 512/QĐ-UBND');
    expect(count()).toBe(1);
  });

  it('history, eligibility and reports see it; no certificate and no bonus from the school', async () => {
    const s = await provinceSchool();
    const at = s.on(LATER);
    // The faculty is also nominated as an exemplar: U3 ("TTLDTT or better that year") rests on a title held.
    await ok(s.cli, ['register', 'title', 'KLLCS', '--award', 'DHTT', '--year', '2025']);
    const dhtt = await json<{ id: number; criteria: { code: string; status: string; detail: string }[] }>(s.cli, [
      'nominate', 'KLLCS', '--award', 'DHTT', '--year', '2025', '--by', 'self', '--summary', 'Phong trào thi đua hiệu quả', '--criterion', 'U1=met:Báo cáo', '--criterion', 'U2=met:Báo cáo',
    ]);
    const u3 = async () => (await json<{ criteria: { code: string; status: string; detail: string }[] }>(at, ['nominate', 'check', String(dhtt.id)])).criteria.find((c) => c.code === 'U3')!;
    expect((await u3()).status).toBe('unknown');
    await ok(s.on('2025-12-20'), ['recognise', '--year', '2025', '--award', 'CSTDCS', '--yes']);

    const r = await json<{ number: string; recognitions: RecognitionJson[] }>(at, record());
    expect(r.recognitions).toEqual([expect.objectContaining({ subject: 'KLLCS', award: 'TTLDXS', year: 2025, decision: '512/QĐ-UBND', decidedOn: '2026-03-10', issuer: ISSUER, recorded: true, bonus: 0, status: 'active' })]);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE id = ?', s.ttldxs)[0].status).toBe('recognised');
    expect(query<{ n: number }>(s.db, "SELECT count(*) AS n FROM audit WHERE entity = 'recognition' AND action = 'record'")[0].n).toBe(1);
    expect(query<{ n: number }>(s.db, "SELECT count(*) AS n FROM documents WHERE kind = 'QĐ'")[0].n).toBe(1);
    // History.
    const listed = await ok(at, ['recognise', 'list', '--subject', 'KLLCS']);
    expect(listed.stdout).toContain(`512/QĐ-UBND, ${ISSUER} (10/03/2026)`);
    expect(listed.stdout).toContain('không (cấp trên quyết định)');
    // Eligibility: the title is now held.
    expect(await u3()).toMatchObject({ status: 'met' });
    // Reports: the annual report counts the title; its bonus total and the benefits list leave it out.
    const annual = await json<{ recognitions: { award: string; subject: string }[]; bonusTotal: number }>(at, ['report', 'annual', '--year', '2025']);
    expect(annual.recognitions.map((x) => x.award)).toContain('TTLDXS');
    expect(annual.bonusTotal).toBe(2_340_000);
    const benefits = await ok(at, ['report', 'benefits', '--year', '2025']);
    expect(benefits.stdout).not.toContain('512/QĐ-UBND');
    const status = await json<{ sections: { key: string }[] }>(at, ['status']);
    expect(status.sections.map((x) => x.key)).not.toContain('awaitingProvince');
    // Certificates: asked for explicitly, refused with the reason; asked for the year, left out.
    const out = join(s.dir, 'giay');
    const asked = await at(['certificate', '--year', '2025', '--award', 'TTLDXS', '--out', out]);
    expect(asked.code).toBe(5);
    expect(asked.stderr).toContain('512/QĐ-UBND');
    expect(asked.stderr).toContain('cấp trên');
    const byNumber = await at(['certificate', '--decision', '512/QĐ-UBND', '--year', '2025', '--out', out]);
    expect(byNumber.code).toBe(5);
    expect(byNumber.stderr).toContain('cấp trên');
    // A certificate addresses its person as Ông or Bà.
    await ok(at, ['person', 'edit', 'VC002', '--gender', 'nữ']);
    await ok(at, ['certificate', '--year', '2025', '--out', out]);
    expect(readdirSync(out).filter((f) => f.includes('TTLDXS'))).toEqual([]);
    expect(readdirSync(out).some((f) => f.includes('CSTDCS'))).toBe(true);
    // The money the school would pay for it: none; `rules bonus` says who pays.
    const bonus = await json<{ paidBy: string; bonus: number }>(at, ['rules', 'bonus', '--award', 'TTLDXS', '--date', '2026-03-10']);
    expect(bonus.paidBy).toBe('above');
    expect((await ok(at, ['rules', 'bonus', '--award', 'TTLDXS', '--date', '2026-03-10'])).stdout).toContain('Trường không chi');
  });

  it('a decision without a nomination here counts for eligibility of its year', async () => {
    const s = await provinceSchool();
    for (const argv of [['register', 'title', 'PTCHC', '--award', 'DHTT', '--year', '2024']]) await ok(s.cli, argv);
    const n = await json<{ id: number }>(s.cli, ['nominate', 'PTCHC', '--award', 'DHTT', '--year', '2024', '--by', 'self', '--summary', 'Phòng làm tốt công tác tổ chức', '--criterion', 'U1=met:x', '--criterion', 'U2=met:y']);
    const u3 = async () => (await json<{ criteria: { code: string; status: string }[] }>(s.cli, ['nominate', 'check', String(n.id)])).criteria.find((c) => c.code === 'U3')!;
    expect((await u3()).status).not.toBe('met');
    await ok(s.cli, ['recognise', 'record', '--award', 'TTLDXS', '--subject', 'PTCHC', '--year', '2024', '--number', '88/QĐ-UBND', '--date', '2025-02-20', '--issuer', ISSUER]);
    expect((await u3()).status).toBe('met');
    const check = await ok(s.cli, ['nominate', 'check', String(n.id)]);
    expect(check.stdout).toContain('88/QĐ-UBND');
  });

  it('a person\'s title decided above the school: person show and the quarterly commendation see it', async () => {
    const s = await ballotSchool();
    await vote(s, 'LDTT', Object.values(s.ldtt), { [s.ldtt.VC006]: '2,3,0' });
    await ok(s.cli, ['rules', 'set', 'authority.CSTDCS', 'province', '--from', '2025-01-01', '--source', 'Quyết định số 30/2025/QĐ-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh ban hành Quy chế công tác thi đua, khen thưởng']);
    await ok(s.cli, ['rules', 'set', 'quota.CSTDCS', '25%', '--from', '2025-06-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
    await vote(s, 'CSTDCS', [s.cstdcs]);
    const at = s.on('2026-04-02');
    await ok(at, ['recognise', 'record', '--award', 'CSTDCS', '--subject', 'VC002', '--number', '40/QĐ-UBND', '--date', '2026-01-15', '--issuer', ISSUER]);
    const shown = await ok(at, ['person', 'show', 'VC002']);
    expect(shown.stdout).toContain('40/QĐ-UBND');
    expect(shown.stdout).toContain('không (cấp trên quyết định)');
    const list = await json<{ entries: { subject: string; reasons: string[] }[] }>(at, ['commend', '--quarter', '2026-Q1']);
    expect(list.entries.find((e) => e.subject === 'VC002')?.reasons.join(' ')).toContain('40/QĐ-UBND');
  });

  it('is corrected in one step (--corrects) or revoked; the old entry stays, revoked, in the history', async () => {
    const s = await provinceSchool();
    const at = s.on(LATER);
    const first = (await json<{ recognitions: RecognitionJson[] }>(at, record())).recognitions[0];
    const fixed = await json<{ recognitions: RecognitionJson[]; corrected: RecognitionJson }>(at, ['recognise', 'record', '--corrects', String(first.id), '--number', '521/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER]);
    expect(fixed.corrected).toMatchObject({ id: first.id, status: 'revoked' });
    expect(fixed.recognitions[0]).toMatchObject({ subject: 'KLLCS', award: 'TTLDXS', decision: '521/QĐ-UBND', status: 'active' });
    const history = await json<RecognitionJson[]>(at, ['recognise', 'list', '--subject', 'KLLCS']);
    expect(history.map((h) => [h.decision, h.status])).toEqual([['512/QĐ-UBND', 'revoked'], ['521/QĐ-UBND', 'active']]);
    expect(query<{ revoked_reason: string }>(s.db, 'SELECT revoked_reason FROM recognitions WHERE id = ?', first.id)[0].revoked_reason).toContain('521/QĐ-UBND');
    // A decision of the school is not corrected this way.
    const own = await json<{ recognitions: { id: number }[] }>(s.on('2025-12-20'), ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect((await at(['recognise', 'record', '--corrects', String(own.recognitions[0].id), '--number', '1/QĐ-UBND', '--date', '2026-03-10', '--issuer', ISSUER])).code).toBe(5);
    // Revoked: the nomination awaits the province's decision again.
    await ok(at, ['recognise', 'revoke', String(fixed.recognitions[0].id), '--reason', 'Quyết định bị hủy', '--yes']);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE id = ?', s.ttldxs)[0].status).toBe('passed');
    const status = await json<{ sections: { key: string }[] }>(at, ['status']);
    expect(status.sections.map((x) => x.key)).toContain('awaitingProvince');
  });
});

describe('report province: the Tờ trình', () => {
  /** The province school with an exemplar too: VC003 (Giảng viên chính) recognised DHTT by the principal. */
  async function withExemplar(style: 'state' | 'party' = 'state'): Promise<Province> {
    const s = await provinceSchool({ style });
    await ok(s.cli, ['person', 'edit', 'VC003', '--position', 'Giảng viên chính']);
    await ok(s.cli, ['register', 'title', 'VC003', '--award', 'DHTT', '--year', '2025']);
    const n = await json<{ id: number }>(s.cli, [
      'nominate', 'VC003', '--award', 'DHTT', '--year', '2025', '--by', 'KLLCS', '--summary', 'Giảng viên dạy giỏi cấp tỉnh; chủ trì chuyên đề “Học tập và làm theo tư tưởng Hồ Chí Minh”',
      '--criterion', 'S1=met:a', '--criterion', 'S2=met:b', '--criterion', 'S3=met:c', '--criterion', 'S4=met:d',
    ]);
    await ok(s.cli, ['nominate', 'appraise', String(n.id), '--accept']);
    await vote(s, 'DHTT', [n.id]);
    await ok(s.on('2025-12-20'), ['recognise', '--year', '2025', '--award', 'DHTT', '--yes']);
    return s;
  }

  it('lists each nominee with position and achievement, in table, JSON and CSV', async () => {
    const s = await withExemplar();
    const at = s.on('2026-01-05');
    const j = await json<{ addressees: string[]; decider: string; proposed: { group: string; award: string; subject: string; position: string | null; unitName: string; achievement: string }[] }>(at, ['report', 'province', '--year', '2025']);
    expect(j.addressees).toEqual(['Hội đồng Thi đua – Khen thưởng tỉnh']);
    expect(j.decider).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
    expect(j.proposed).toEqual([
      expect.objectContaining({ group: 'title', award: 'TTLDXS', subject: 'KLLCS', position: null, achievement: expect.stringContaining('Khoa dẫn đầu phong trào thi đua') }),
      expect.objectContaining({ group: 'exemplar', award: 'DHTT', subject: 'VC003', position: 'Giảng viên chính', unitName: 'Khoa Lý luận cơ sở', achievement: expect.stringContaining('Giảng viên dạy giỏi cấp tỉnh') }),
    ]);
    const table = (await ok(at, ['report', 'province', '--year', '2025'])).stdout;
    for (const w of ['Danh hiệu “Tập thể lao động xuất sắc” năm 2025 (1 tập thể)', 'Điển hình tiên tiến cấp tỉnh năm 2025 (1 cá nhân)', 'Giảng viên chính, Khoa Lý luận cơ sở', 'Khoa dẫn đầu phong trào thi đua', 'Thời hạn']) expect(table).toContain(w);
    const csv = (await ok(at, ['--csv', 'report', 'province', '--year', '2025'])).stdout;
    expect(csv).toContain('"Chức vụ, đơn vị công tác",Thành tích');
    expect(csv).toContain('Giảng viên chính, Khoa Lý luận cơ sở');
    // The proposal as sent does not change when the province decides: the same document again.
    const file = join(s.dir, 'to-trinh.docx');
    await ok(at, ['report', 'province', '--year', '2025', '--out', file]);
    await ok(s.on(LATER), record());
    const again = await ok(s.on(LATER), ['report', 'province', '--year', '2025', '--out', join(s.dir, 'lai.docx')]);
    expect(again.stderr).toContain('dùng lại văn bản số 01/TTr-TCT');
  });

  for (const style of ['state', 'party'] as const) {
    it(`reads as a Tờ trình to the province (${style})`, async () => {
      const s = await withExemplar(style);
      const at = s.on('2026-01-05');
      await ok(at, ['rules', 'set', 'province.addressee', 'Ủy ban nhân dân tỉnh; Hội đồng Thi đua – Khen thưởng tỉnh', '--from', '2026-01-01', '--source', 'Quyết định số 30/2025/QĐ-UBND ngày 01/12/2025 của Ủy ban nhân dân tỉnh ban hành Quy chế công tác thi đua, khen thưởng']);
      const file = join(s.dir, `to-trinh-${style}.docx`);
      const r = await ok(at, ['report', 'province', '--year', '2025', '--format', 'docx', '--out', file]);
      const number = style === 'party' ? '01-TTr/TCT' : '01/TTr-TCT';
      expect(r.stderr).toContain(number);
      const d = await readDocx(file);
      expectWellFormedDocument(d);
      expectHeader(d, style, { parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', place: 'Bình Phước', number });
      const text = d.text.replace(/\s+/g, ' ');
      for (const w of [
        'TỜ TRÌNH',
        // HD 36 writes the summary of a Party document with a small letter ("về …", "đề nghị …").
        style === 'party' ? 'đề nghị tặng danh hiệu thi đua và công nhận điển hình tiên tiến cấp tỉnh năm 2025' : 'Đề nghị tặng danh hiệu thi đua và công nhận điển hình tiên tiến cấp tỉnh năm 2025',
        'Kính gửi: - Ủy ban nhân dân tỉnh; - Hội đồng Thi đua – Khen thưởng tỉnh.',
        'Căn cứ Biên bản kiểm phiếu số', 'ngày 15 tháng 12 năm 2025 của Hội đồng Thi đua – Khen thưởng Trường về kết quả bỏ phiếu danh hiệu “Tập thể lao động xuất sắc” năm 2025;',
        'Căn cứ Quyết định số', 'ngày 20 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước về việc công nhận điển hình tiên tiến năm 2025.',
        'Trường Chính trị tỉnh Bình Phước đề nghị tặng danh hiệu “Tập thể lao động xuất sắc” năm 2025 cho 01 tập thể; công nhận điển hình tiên tiến cấp tỉnh năm 2025 cho 01 cá nhân',
        'Khoa Lý luận cơ sở', 'Khoa dẫn đầu phong trào thi đua “Dạy tốt, học tốt”; 100% giảng viên đạt Lao động tiên tiến',
        'Đặng Văn An', 'Giảng viên chính, Khoa Lý luận cơ sở', 'Giảng viên dạy giỏi cấp tỉnh',
        'Chức vụ, đơn vị công tác', 'Thành tích',
        'kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.',
        // Decree 30 ends each recipient line with ";", HD 36 with ",".
        'Nơi nhận:', style === 'party' ? '- Như trên,' : '- Như trên;', 'Trần Văn Thịnh',
      ]) {
        expect(text).toContain(w);
      }
      // Titles by their names, no internal codes, no figures for dates in the running text, no screen-only deadline.
      for (const w of ['TTLDXS', 'DHTT', 'KLLCS', 'VC003', 'Hạn gửi tỉnh', 'Số ngày còn lại', '15/12/2025', '20/12/2025']) expect(text).not.toContain(w);
    });
  }

  it('leaves out a title the principal decided, and a title that is not voted yet', async () => {
    const s = await provinceSchool();
    const j = await json<{ proposed: { award: string }[] }>(s.on('2026-01-05'), ['report', 'province', '--year', '2025']);
    expect(j.proposed.map((p) => p.award)).toEqual(['TTLDXS']);
  });
});

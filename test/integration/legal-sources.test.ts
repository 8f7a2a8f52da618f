/**
 * Legal sources stored whole (issue 13, "Legal text from data"): the seeded rules carry full citations,
 * `rules set --source` takes one typed as documents write it (and refuses what it cannot read, writing
 * nothing), `rules list` shows it; the school's own basis documents and the office in charge of
 * emulation work live in the dated organisation profile.
 */
import { describe, expect, it } from 'vitest';
import { freshDb, schoolDb } from '../helpers/cli.js';
import { query } from '../helpers/ballot-seed.js';

interface Rule {
  key: string;
  value: string;
  validFrom: string;
  source: string;
  citation: { kind: string; number: string | null; date: string; issuer: string; subject: string } | null;
  inForce: boolean;
}

const json = <T>(s: string): T => JSON.parse(s) as T;
const SALARY = 'quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang';
const LAW_DETAIL = 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng';

async function ruleAt(cli: Awaited<ReturnType<typeof freshDb>>['cli'], key: string, at: string): Promise<Rule> {
  const r = await cli(['rules', 'list', '--key', key, '--at', at, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<Rule[]>(r.stdout)[0];
}

describe('seeded legal sources', () => {
  it('carry full citations: kind, number, date, issuer and subject, and no notes', async () => {
    const { cli } = await freshDb();
    expect(await ruleAt(cli, 'base_salary', '2025-12-20')).toMatchObject({
      value: '2340000',
      source: `Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ ${SALARY}`,
      citation: { kind: 'Nghị định', number: '73/2024/NĐ-CP', date: '2024-06-30', issuer: 'Chính phủ', subject: SALARY },
    });
    expect((await ruleAt(cli, 'base_salary', '2026-07-01')).citation).toMatchObject({ number: '161/2026/NĐ-CP', date: '2026-05-15' });
    expect((await ruleAt(cli, 'base_salary', '2020-01-01')).citation).toMatchObject({ number: '38/2019/NĐ-CP', date: '2019-05-09' });
    expect((await ruleAt(cli, 'base_salary', '2023-12-01')).citation).toMatchObject({ number: '24/2023/NĐ-CP', date: '2023-05-14' });
    // The implementing decree of the Law in force on each date: 98/2023 until 30/06/2025, then 152/2025.
    expect((await ruleAt(cli, 'basis.decree', '2025-06-30')).citation).toMatchObject({ number: '98/2023/NĐ-CP', date: '2023-12-31', subject: LAW_DETAIL });
    expect((await ruleAt(cli, 'basis.decree', '2025-07-01')).citation).toMatchObject({ number: '152/2025/NĐ-CP', date: '2025-06-14', issuer: 'Chính phủ' });
    expect((await ruleAt(cli, 'coefficient.LDTT', '2025-07-01')).citation).toMatchObject({ number: '152/2025/NĐ-CP' });
    expect((await ruleAt(cli, 'coefficient.LDTT', '2024-06-01')).citation).toMatchObject({ number: '98/2023/NĐ-CP' });
    expect(await ruleAt(cli, 'basis.law', '2025-12-20')).toMatchObject({
      value: '06/2022/QH15',
      source: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội',
      citation: { kind: 'Luật', number: '06/2022/QH15', date: '2022-06-15', issuer: 'Quốc hội', subject: 'Thi đua, khen thưởng' },
    });
    const all = json<Rule[]>((await cli(['rules', 'list', '--all', '--json'])).stdout);
    // Every legal document the seeded rules rest on is stored whole; no notes, no dates in figures.
    for (const key of ['base_salary', 'coefficient.LDTT', 'coefficient.TTLDXS', 'coefficient.GK.unit', 'quota.CSTDCS', 'basis.law', 'basis.decree', 'basis.initiative']) {
      for (const r of all.filter((x) => x.key === key)) expect(r.citation, `${key} ${r.validFrom}`).not.toBeNull();
    }
    for (const r of all) expect(r.source).not.toMatch(/thay thế|\d{1,2}\/\d{1,2}\/\d{4}/);
    for (const r of all.filter((x) => x.citation)) expect(r.source).not.toMatch(/[()]/);
    const table = await cli(['rules', 'list', '--at', '2025-12-20']);
    expect(table.stdout).toContain('Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ');
  });
});

describe('rules set --source', () => {
  it('takes a citation as documents write it, stores its parts, and lists it in words', async () => {
    const { cli, db } = await freshDb();
    const set = await cli([
      'rules', 'set', 'base_salary', '2.700.000', '--from', '2027-07-01',
      '--source', `Căn cứ Nghị định số 99/2027/nđ-cp ngày 20/5/2027 của Chính phủ ${SALARY};`, '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const expected = { kind: 'Nghị định', number: '99/2027/NĐ-CP', date: '2027-05-20', issuer: 'Chính phủ', subject: SALARY };
    expect(json<Rule>(set.stdout)).toMatchObject({ source: `Nghị định số 99/2027/NĐ-CP ngày 20 tháng 5 năm 2027 của Chính phủ ${SALARY}`, citation: expected });
    expect((await ruleAt(cli, 'base_salary', '2027-07-01')).citation).toEqual(expected);
    expect(query(db, 'SELECT kind, number, issued_on, issuer, subject FROM legal_sources WHERE number = ?', '99/2027/NĐ-CP')).toEqual([
      { kind: 'Nghị định', number: '99/2027/NĐ-CP', issued_on: '2027-05-20', issuer: 'Chính phủ', subject: SALARY },
    ]);
    // A school's own regulation, the date in words; an issuer of several words.
    const own = await cli([
      'rules', 'set', 'ballot.threshold', '3/4', '--from', '2027-01-01',
      '--source', 'Quyết định số 12/QĐ-TCT ngày 05 tháng 01 năm 2027 của Hiệu trưởng Trường Chính trị tỉnh Đồng Nai ban hành Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng', '--json',
    ]);
    expect(own.code, own.stderr).toBe(0);
    expect(json<Rule>(own.stdout).citation).toEqual({
      kind: 'Quyết định', number: '12/QĐ-TCT', date: '2027-01-05', issuer: 'Hiệu trưởng Trường Chính trị tỉnh Đồng Nai',
      subject: 'ban hành Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng',
    });
    // A new implementing decree: the value is its number.
    const decree = await cli([
      'rules', 'set', 'basis.decree', '200/2027/NĐ-CP', '--from', '2027-09-01', '--source', `Nghị định số 200/2027/NĐ-CP ngày 15/8/2027 của Chính phủ ${LAW_DETAIL}`,
    ]);
    expect(decree.code, decree.stderr).toBe(0);
    expect((await ruleAt(cli, 'basis.decree', '2027-09-01')).citation).toMatchObject({ number: '200/2027/NĐ-CP' });
    const table = await cli(['rules', 'list', '--at', '2027-09-01']);
    expect(table.stdout).toContain('Nghị định số 200/2027/NĐ-CP ngày 15 tháng 8 năm 2027 của Chính phủ');
  });

  it.each([
    ['a free text', 'Thử nghiệm', 'không bắt đầu bằng loại văn bản'],
    ['a note in brackets', 'Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết (thay thế Nghị định 98/2023/NĐ-CP)', 'ngoặc'],
    ['no date', 'Nghị định số 99/2027/NĐ-CP của Chính phủ quy định mức lương cơ sở', 'thiếu ngày ban hành'],
    ['a date that does not exist', 'Nghị định số 99/2027/NĐ-CP ngày 31/02/2027 của Chính phủ quy định mức lương cơ sở', 'thiếu ngày ban hành'],
    ['no number', 'Nghị định ngày 20/5/2027 của Chính phủ quy định mức lương cơ sở', 'thiếu số, ký hiệu'],
    ['no issuer', 'Nghị định số 99/2027/NĐ-CP ngày 20/5/2027', 'thiếu cơ quan ban hành'],
    ['no subject', 'Nghị định số 99/2027/NĐ-CP ngày 20/5/2027 của Chính phủ', 'thiếu trích yếu'],
    ['a law without its name', 'Luật số 06/2022/QH15 ngày 15/6/2022', 'thiếu tên của luật'],
  ])('refuses %s (exit 3) naming what is missing, and writes nothing', async (_what, source, said) => {
    const { cli, db } = await freshDb();
    const before = query<{ n: number }>(db, 'SELECT count(*) AS n FROM legal_sources')[0].n;
    const r = await cli(['rules', 'set', 'base_salary', '2700000', '--from', '2027-07-01', '--source', source]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(said);
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM rules WHERE valid_from = '2027-07-01'")[0].n).toBe(0);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM legal_sources')[0].n).toBe(before);
  });

  it('refuses a basis rule whose value is not the number its source cites', async () => {
    const { cli } = await freshDb();
    const r = await cli(['rules', 'set', 'basis.law', '07/2027/QH15', '--from', '2028-01-01', '--source', 'Luật Thi đua, khen thưởng số 08/2027/QH15 ngày 15/6/2027']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('08/2027/QH15');
    const ok = await cli(['rules', 'set', 'basis.law', '08/2027/QH15', '--from', '2028-01-01', '--source', 'Luật Thi đua, khen thưởng số 08/2027/QH15 ngày 15/6/2027', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(json<Rule>(ok.stdout).citation).toEqual({ kind: 'Luật', number: '08/2027/QH15', date: '2027-06-15', issuer: 'Quốc hội', subject: 'Thi đua, khen thưởng' });
  });

  it('keeps a free-text source entered before sources were stored whole', async () => {
    const { cli, db } = await freshDb();
    const Database = (await import('better-sqlite3')).default;
    const conn = new Database(db);
    conn.prepare("INSERT INTO rules (key, value, valid_from, source, created_at) VALUES ('base_salary', '2700000', '2027-07-01', 'Nghị định mới về lương', '2027-01-01T00:00:00Z')").run();
    conn.close();
    expect(await ruleAt(cli, 'base_salary', '2027-07-01')).toMatchObject({ value: '2700000', source: 'Nghị định mới về lương', citation: null });
  });
});

describe('org set: the school\'s basis documents', () => {
  it('records the competence, the Quy chế, the plan, the office and the recipients, dated, carried over', async () => {
    const { cli } = await schoolDb();
    const set = await cli([
      'org', 'set', '--from', '2025-07-01', '--parent-body', 'TỈNH ỦY ĐỒNG NAI', '--office-abbr', 'tchc',
      '--regulation', 'Quyết định số 88/QĐ-TCT ngày 10/7/2025 của Hiệu trưởng Trường Chính trị tỉnh Đồng Nai ban hành Quy chế thi đua, khen thưởng',
      '--recipient', '- Ban Giám hiệu;', '--recipient', 'Công đoàn Trường', '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const now = json<{ current: Record<string, unknown> }>((await cli(['org', 'show', '--at', '2025-07-01', '--json'])).stdout).current;
    expect(now).toMatchObject({
      parentBody: 'TỈNH ỦY ĐỒNG NAI',
      office: 'PTCHC',
      officeAbbr: 'TCHC',
      recipients: ['Ban Giám hiệu', 'Công đoàn Trường'],
      regulation: { kind: 'Quyết định', number: '88/QĐ-TCT', date: '2025-07-10', issuer: 'Hiệu trưởng Trường Chính trị tỉnh Đồng Nai' },
      // Carried over from the profile of 2024.
      competence: { kind: 'Quyết định', number: '1234-QĐ/TU', date: '2020-03-05', issuer: 'Ban Thường vụ Tỉnh ủy Bình Phước' },
      plan: { kind: 'Kế hoạch', number: '12/KH-TCT', date: '2021-03-15' },
    });
    const before = json<{ current: Record<string, unknown> }>((await cli(['org', 'show', '--at', '2025-06-30', '--json'])).stdout).current;
    expect(before).toMatchObject({ regulation: { number: '45/QĐ-TCT' }, recipients: [], officeAbbr: null });
    const shown = await cli(['org', 'show', '--at', '2025-07-01']);
    expect(shown.stdout).toContain('Quyết định số 88/QĐ-TCT ngày 10 tháng 7 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Đồng Nai ban hành Quy chế thi đua, khen thưởng');
    expect(shown.stdout).toContain('PTCHC (TCHC)');
  });

  it('refuses a citation it cannot read (exit 3), an unknown office (exit 4), and writes nothing', async () => {
    const { cli, db } = await schoolDb();
    const count = () => query<{ n: number }>(db, 'SELECT count(*) AS n FROM org_profiles')[0].n;
    const before = count();
    const bad = await cli(['org', 'set', '--from', '2025-07-01', '--competence', 'Quyết định thành lập Trường', '--regulation', 'Quy chế thi đua của Trường']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--competence');
    expect(bad.stderr).toContain('--regulation');
    const office = await cli(['org', 'set', '--from', '2025-07-01', '--office', 'PKHTC']);
    expect(office.code).toBe(4);
    expect(office.stderr).toContain('PKHTC');
    expect(count()).toBe(before);
  });
});

/**
 * The principal's decisions as read back from the .docx (issue 13, "Legal text from data"): basis lines
 * in Decree 30's form and order, each ending with ";" and the last with "."; the effect article; articles
 * that fit their subjects; the bonus by its amounts and its source (no "×", rounding credited to the
 * decree); Điều 3 and "Lưu" naming the office of the profile; "điển hình tiên tiến" as the plan names it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ENDED, AT_MEETING, ballotSchool, json, ok, query, votes, type Seeded } from '../helpers/ballot-seed.js';
import { expectWellFormedDocument, readDocx, type DocxFacts } from '../helpers/docx.js';
import { COMPETENCE, REGULATION } from '../helpers/templates.js';

interface RecognisedJson {
  decision: { id: number; number: number; symbol: string; date: string };
  recognitions: { subject: string; bonus: number }[];
  files: string[];
}

const SALARY = 'quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang';
const D152 = 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng';

/** The paragraphs of the decision's first part (up to the attached list), as printed. */
function paragraphs(d: DocxFacts): string[] {
  return d.text.split('DANH SÁCH')[0].split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

/** Căn cứ … and Xét đề nghị … lines, in order. */
function basis(d: DocxFacts): string[] {
  return paragraphs(d).filter((p) => /^(Căn cứ|Xét đề nghị)/.test(p));
}

/** The text of "Điều N." up to the next article or the recipients. */
function articleOf(d: DocxFacts, n: number): string {
  const ps = paragraphs(d);
  const i = ps.findIndex((p) => p.startsWith(`Điều ${n}.`));
  return i < 0 ? '' : ps[i];
}

/** The school's documents as the template school recorded them (test/helpers/templates.ts), cited. */
const competence = 'Căn cứ Quyết định số 1234-QĐ/TU ngày 05 tháng 3 năm 2020 của Ban Thường vụ Tỉnh ủy Bình Phước về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Bình Phước;';
const regulation = 'Căn cứ Quyết định số 45/QĐ-TCT ngày 10 tháng 01 năm 2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế thi đua, khen thưởng của Trường;';

async function voteLdtt(s: Seeded): Promise<void> {
  const b = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
  await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(b.nominees.map((n) => n.nomination), '5,0,0', { [s.ldtt.VC006]: '2,3,0' })]);
  await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
}

async function decide(s: Seeded, award: string, today = '2025-12-20', extra: string[] = []): Promise<DocxFacts> {
  const r = await json<RecognisedJson>(s.on(today), ['recognise', '--year', '2025', '--award', award, '--out', join(s.dir, `qd-${award}`), '--yes', ...extra]);
  const d = await readDocx(r.files[0]);
  expectWellFormedDocument(d);
  return d;
}

describe('a recognition decision for people', () => {
  it('cites the law, the decrees of its date, the school\'s documents and the minutes, in Decree 30\'s form', async () => {
    // The checks below hold the school's documents as test/helpers/templates.ts records them.
    expect(COMPETENCE).toContain('1234-QĐ/TU');
    expect(REGULATION).toContain('45/QĐ-TCT');
    const s = await ballotSchool();
    await voteLdtt(s);
    const d = await decide(s, 'LDTT');
    expect(basis(d)).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      `Căn cứ ${D152};`,
      `Căn cứ Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ ${SALARY};`,
      competence,
      regulation,
      'Căn cứ Biên bản kiểm phiếu số 01/BB-HĐTĐKT ngày 15 tháng 12 năm 2025 của Hội đồng Thi đua – Khen thưởng Trường;',
      'Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường và Trưởng phòng Tổ chức – Hành chính.',
    ]);
    // At least 6 pt (120 twips) after each basis line.
    for (const p of d.xml.split('</w:p>').filter((x) => /Căn cứ|Xét đề nghị/.test(x))) {
      expect(Number(/w:after="(\d+)"/.exec(p)?.[1])).toBeGreaterThanOrEqual(120);
    }
    expect(articleOf(d, 1)).toBe('Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho 4 cá nhân (có danh sách kèm theo).');
    expect(articleOf(d, 2)).toBe(
      'Điều 2. Mỗi cá nhân có tên tại Điều 1 được thưởng 710.000 đồng (Bằng chữ: Bảy trăm mười nghìn đồng), bằng 0,3 lần mức lương cơ sở, ' +
        'làm tròn lên hàng chục nghìn đồng, theo quy định tại Nghị định số 152/2025/NĐ-CP. Tổng số tiền thưởng là 2.840.000 đồng ' +
        '(Bằng chữ: Hai triệu tám trăm bốn mươi nghìn đồng), chi từ Quỹ thi đua, khen thưởng của Trường.',
    );
    expect(articleOf(d, 3)).toBe(
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Trưởng phòng Tổ chức – Hành chính, Thủ trưởng các đơn vị có liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
    const all = d.text.split('DANH SÁCH')[0];
    expect(all).not.toContain('cá nhân, tập thể');
    expect(all).not.toContain('×');
    expect(all).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(all).not.toMatch(/\(thay thế|Quy chế;|theo Quy chế/);
    expect(paragraphs(d)).toContain('- Lưu: VT, TCHC.');
    expect(paragraphs(d)).toContain('- Như Điều 3;');
    expect(d.text).toContain('(Kèm theo Quyết định số 01/QĐ-TCT ngày 20 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước)');
  });

  it('names the office, its head and its abbreviation from the profile in force, and its recipients', async () => {
    const s = await ballotSchool({ style: 'party' });
    await voteLdtt(s);
    await ok(s.cli, ['unit', 'add', 'VP', '--name', 'Văn phòng', '--kind', 'office']);
    await ok(s.cli, ['org', 'set', '--from', '2025-12-16', '--office', 'VP', '--recipient', 'Ban Giám hiệu', '--recipient', 'Công đoàn Trường']);
    const d = await decide(s, 'LDTT');
    expect(basis(d).at(-1)).toBe('Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường và Chánh Văn phòng.');
    expect(articleOf(d, 3)).toContain('Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các đơn vị có liên quan');
    expect(d.text.split('DANH SÁCH')[0]).not.toContain('Tổ chức – Hành chính');
    const recipients = paragraphs(d).filter((p) => p.startsWith('- '));
    // As 36-HD/VPTW writes "Nơi nhận" (this school uses the party style).
    expect(recipients).toEqual(['- Như Điều 3,', '- Ban Giám hiệu,', '- Công đoàn Trường,', '- Lưu VT, VP.']);
    // The abbreviation as the office writes it. Four LDTT passed: a quarter leaves the one CSTDCS place.
    await ok(s.cli, ['rules', 'set', 'quota.CSTDCS', '25%', '--from', '2025-06-01', '--source', REGULATION]);
    await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
    await ok(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'CSTDCS', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', '2', '--issued', '5', '--returned', '5', '--vote', 'VC002=5,0,0']);
    await ok(s.cli, ['ballot', 'close', '2', '--yes', ...ENDED]);
    await ok(s.cli, ['org', 'set', '--from', '2025-12-17', '--office', 'PTCHC', '--office-abbr', 'P.TCHC']);
    const c = await decide(s, 'CSTDCS');
    expect(paragraphs(c)).toContain('- Lưu VT, P.TCHC.');
    expect(articleOf(c, 3)).toContain('Trưởng phòng Tổ chức – Hành chính, Thủ trưởng');
  });

  it('is refused (exit 5) while the profile lacks the school\'s basis documents, saying what to record; nothing is numbered', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    const conn = new Database(s.db);
    conn.prepare('UPDATE org_profiles SET regulation_id = NULL, office_code = NULL').run();
    conn.close();
    const r = await s.on('2025-12-20')(['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('thidua org set --from 2025-12-20 --regulation');
    expect(r.stderr).toContain('--office');
    expect(r.stderr).not.toContain('--competence');
    expect(query<{ n: number }>(s.db, "SELECT count(*) AS n FROM documents WHERE kind = 'QĐ'")[0].n).toBe(0);
  });
});

describe('a decision for units alone', () => {
  it('speaks of "tập thể" only', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    await ok(s.cli, ['nominate', 'appraise', String(s.ttldtt), '--accept']);
    const b = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'TTLDTT', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', '--vote', 'KLLCS=5,0,0']);
    await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
    const d = await decide(s, 'TTLDTT');
    expect(articleOf(d, 1)).toBe('Điều 1. Công nhận danh hiệu “Tập thể lao động tiên tiến” năm 2025 cho 1 tập thể (có danh sách kèm theo).');
    // 0,8 × 2.340.000 = 1.872.000 → 1.880.000.
    expect(articleOf(d, 2)).toMatch(/^Điều 2\. Mỗi tập thể có tên tại Điều 1 được thưởng 1\.880\.000 đồng \(Bằng chữ: Một triệu tám trăm tám mươi nghìn đồng\), bằng 0,8 lần mức lương cơ sở/);
    expect(articleOf(d, 3)).toContain('và các tập thể có tên tại Điều 1 chịu trách nhiệm');
    expect(d.text.split('DANH SÁCH')[0]).not.toContain('cá nhân');
  });
});

describe('điển hình tiên tiến', () => {
  it('is recognised under the school\'s plan: "công nhận điển hình tiên tiến", cited with the plan; the register names it so', async () => {
    const s = await ballotSchool();
    await ok(s.cli, ['register', 'title', 'VC004', '--award', 'DHTT', '--year', '2025']);
    await ok(s.cli, ['register', 'title', 'PTCHC', '--award', 'DHTT', '--year', '2025']);
    const p = await json<{ id: number }>(s.cli, [
      'nominate', 'VC004', '--award', 'DHTT', '--year', '2025', '--by', 'KLLCS', '--summary', 'giảng dạy tốt',
      '--citation', 'Đã có thành tích xuất sắc trong giảng dạy lý luận chính trị năm 2025',
      ...['S1', 'S2', 'S3', 'S4'].flatMap((c) => ['--criterion', `${c}=met:Nhận xét của khoa`]),
    ]);
    const u = await json<{ id: number }>(s.cli, [
      'nominate', 'PTCHC', '--award', 'DHTT', '--year', '2025', '--by', 'self', '--summary', 'Phòng dẫn đầu phong trào',
      ...['U1', 'U2', 'U3'].flatMap((c) => ['--criterion', `${c}=met:Báo cáo tổng kết`]),
    ]);
    await ok(s.cli, ['nominate', 'appraise', String(p.id), '--accept']);
    await ok(s.cli, ['nominate', 'appraise', String(u.id), '--accept']);
    const b = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'DHTT', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', '--vote', 'VC004=5,0,0', '--vote', 'PTCHC=5,0,0']);
    await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
    const d = await decide(s, 'DHTT');
    const ps = paragraphs(d);
    expect(ps).toContain('Về việc công nhận điển hình tiên tiến năm 2025');
    expect(d.text).not.toContain('danh hiệu “Điển hình tiên tiến”');
    expect(basis(d)).toContain('Căn cứ Kế hoạch số 12/KH-TCT ngày 15 tháng 3 năm 2021 của Trường Chính trị tỉnh Bình Phước về phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021–2025;');
    expect(basis(d).indexOf(regulation)).toBeLessThan(basis(d).findIndex((l) => l.includes('Kế hoạch số 12/KH-TCT')));
    expect(articleOf(d, 1)).toBe('Điều 1. Công nhận điển hình tiên tiến năm 2025 cho 1 cá nhân và 1 tập thể (có danh sách kèm theo).');
    // A school's own figure is credited to its Quy chế, the rounding to the decree.
    expect(articleOf(d, 2)).toBe(
      'Điều 2. Mỗi cá nhân có tên tại Điều 1 được thưởng 710.000 đồng (Bằng chữ: Bảy trăm mười nghìn đồng), bằng 0,3 lần mức lương cơ sở theo Quyết định số 45/QĐ-TCT; ' +
        'mỗi tập thể được thưởng 1.410.000 đồng (Bằng chữ: Một triệu bốn trăm mười nghìn đồng), bằng 0,6 lần mức lương cơ sở theo Quyết định số 45/QĐ-TCT; ' +
        'làm tròn lên hàng chục nghìn đồng theo quy định tại Nghị định số 152/2025/NĐ-CP. Tổng số tiền thưởng là 2.120.000 đồng (Bằng chữ: Hai triệu một trăm hai mươi nghìn đồng), chi từ Quỹ thi đua, khen thưởng của Trường.',
    );
    expect(articleOf(d, 3)).toContain('và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm');
    expect(d.text).toContain('Cá nhân, tập thể được công nhận điển hình tiên tiến năm 2025');
    const docs = await json<{ title: string }[]>(s.cli, ['document', 'list', '--kind', 'QĐ', '--year', '2025']);
    expect(docs.map((x) => x.title)).toContain('Quyết định công nhận điển hình tiên tiến năm 2025');
    // Its certificate is the plan's "Giấy công nhận điển hình tiên tiến", with the clerk's words as typed.
    await ok(s.cli, ['person', 'edit', 'VC004', '--gender', 'nữ', '--position', 'Giảng viên chính']);
    const printed = await json<{ certificates: { file: string }[] }>(s.cli, ['certificate', '--year', '2025', '--award', 'DHTT', '--out', join(s.dir, 'gcn')]);
    const [person, unit] = await Promise.all(printed.certificates.map((c) => readDocx(c.file)));
    expect(person.text).toContain('GIẤY CÔNG NHẬN');
    expect(person.text).toContain('ĐIỂN HÌNH TIÊN TIẾN NĂM 2025');
    expect(person.text).toContain('Bà Lê Thị Hoa');
    expect(person.text).toContain('Giảng viên chính');
    expect(person.text).toContain('Đã có thành tích xuất sắc trong giảng dạy lý luận chính trị năm 2025');
    expect(unit.text).toContain('Phòng dẫn đầu phong trào');
    const gcn = await json<{ title: string }[]>(s.cli, ['document', 'list', '--kind', 'GCN', '--year', '2025']);
    expect(gcn.map((x) => x.title)).toEqual(['Giấy công nhận điển hình tiên tiến năm 2025 – Lê Thị Hoa', 'Giấy công nhận điển hình tiên tiến năm 2025 – Phòng Tổ chức – Hành chính']);
  });
});

describe('the initiative decision', () => {
  it('cites the decree on initiatives and the council\'s minutes by number and date in words, and ends with its effect', async () => {
    const s = await ballotSchool();
    const conn = new Database(s.db);
    conn.prepare("INSERT INTO initiative_decisions (initiative_code, decision, decided_on, reason, average, conditions, created_at) VALUES ('SK-2025-001', 'recognised', '2025-11-20', NULL, NULL, NULL, '2025-11-20T08:00:00Z')").run();
    conn.close();
    const run = (minutes: string[]) => s.on('2025-12-20')(['recognise', '--year', '2025', '--initiatives', ...minutes.flatMap((m) => ['--minutes', m]), '--out', join(s.dir, 'sk'), '--yes', '--json']);
    expect((await s.on('2025-12-20')(['recognise', '--year', '2025', '--initiatives', '--yes'])).code).toBe(2);
    const bad = await run(['05/BB-HĐSK']);
    expect(bad.code).toBe(3);
    const wrongDay = await run(['05/BB-HĐSK ngày 21/11/2025']);
    expect(wrongDay.code).toBe(3);
    expect(wrongDay.stderr).toContain('20/11/2025');
    const r = await run(['05/BB-HĐSK ngày 20/11/2025']);
    expect(r.code, r.stderr).toBe(0);
    const d = await readDocx((JSON.parse(r.stdout) as RecognisedJson).files[0]);
    expect(basis(d)).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;',
      competence,
      regulation,
      'Căn cứ Biên bản họp Hội đồng sáng kiến Trường số 05/BB-HĐSK ngày 20 tháng 11 năm 2025;',
      'Xét đề nghị của Hội đồng sáng kiến Trường và Trưởng phòng Tổ chức – Hành chính.',
    ]);
    expect(articleOf(d, 3)).toBe(
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Trưởng phòng Tổ chức – Hành chính, Thủ trưởng các đơn vị có liên quan và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
    // Initiatives by their titles, never by the program's codes.
    expect(d.text).not.toContain('SK-2025-001');
    expect(d.text).toContain('Số hóa hồ sơ học viên');
  });
});

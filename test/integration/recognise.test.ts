/**
 * `thidua recognise` and `rules bonus`: the principal's decision for those who passed, the bonus from
 * the rules in force on the decision's date (stored as paid), revocation, the identity of each date.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AT_MEETING, ENDED, ballotSchool, json, ok, query, votes, type Seeded } from '../helpers/ballot-seed.js';
import { expectHeader, expectWellFormedDocument, readDocx } from '../helpers/docx.js';
import { freshDb } from '../helpers/cli.js';
import { forEachEngine } from '../helpers/engines.js';

interface RecognisedJson {
  decision: { id: number; number: number; symbol: string; date: string };
  recognitions: { id: number; subject: string; name: string; award: string; bonus: number; bonusInWords: string; baseSalary: number; coefficient: number; status: string }[];
  files: string[];
}

/** Votes the LDTT ballot: everyone passes but VC006 (2 of 5). */
async function voteLdtt(s: Seeded): Promise<number[]> {
  const b = await json<{ nominees: { nomination: number; subject: string }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
  const ids = b.nominees.map((n) => n.nomination);
  await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [s.ldtt.VC006]: '2,3,0' })]);
  await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
  return ids;
}

forEachEngine(() => {
describe('recognise', () => {
  it('needs a closed ballot with someone passed (exit 5), a date between the ballot and today (exit 3)', async () => {
    const s = await ballotSchool();
    const none = await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('thidua ballot open --year 2025 --award LDTT');
    await ok(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
    const open = await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(open.code).toBe(5);
    expect(open.stderr).toContain('thidua ballot close 1');
    expect((await s.cli(['recognise', '--year', '2025', '--award', 'LDTT'])).code).toBe(2);
    const s2 = await ballotSchool();
    await voteLdtt(s2);
    expect((await s2.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--date', '2025-12-16', '--yes'])).code).toBe(3);
    const early = await s2.on('2025-12-20')(['recognise', '--year', '2025', '--award', 'LDTT', '--date', '2025-12-14', '--yes']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('trước ngày bỏ phiếu (15/12/2025)');
    expect(query<{ n: number }>(s2.db, 'SELECT count(*) AS n FROM documents WHERE kind = ?', 'QĐ')[0].n).toBe(0);
  });

  it('issues one numbered decision with each bonus from the rules of its date, stored as paid', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    const status = await json<{ sections: { key: string }[] }>(s.cli, ['status']);
    expect(status.sections.map((x) => x.key)).toContain('awaitingRecognition');
    const out = join(s.dir, 'van-ban');
    const r = await json<RecognisedJson>(s.on('2025-12-20'), ['recognise', '--year', '2025', '--award', 'ldtt', '--out', out, '--yes']);
    expect(r.decision).toMatchObject({ number: 1, symbol: '01/QĐ-TCT', date: '2025-12-20' });
    // DOMAIN.md: LDTT decided 2025-12-20 → 0.3 × 2.340.000 = 702.000 → 710.000.
    expect(r.recognitions.map((x) => x.subject)).toEqual(['VC003', 'VC004', 'VC002', 'VC005']);
    for (const x of r.recognitions) {
      expect(x).toMatchObject({ award: 'LDTT', bonus: 710_000, bonusInWords: 'Bảy trăm mười nghìn đồng', baseSalary: 2_340_000, coefficient: 0.3, status: 'active' });
    }
    expect(query<{ status: string; n: number }>(s.db, 'SELECT status, count(*) AS n FROM nominations WHERE award = ? GROUP BY status ORDER BY status', 'LDTT')).toEqual([
      { status: 'failed', n: 1 },
      { status: 'recognised', n: 4 },
    ]);
    // The decision as a Word file.
    expect(r.files).toHaveLength(1);
    const d = await readDocx(r.files[0]);
    expectWellFormedDocument(d);
    expectHeader(d, 'state', { parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', place: 'Bình Phước', number: '01/QĐ-TCT' });
    for (const w of [
      'QUYẾT ĐỊNH', 'Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025', 'HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH BÌNH PHƯỚC', 'Căn cứ Luật Thi đua, khen thưởng',
      'Căn cứ Biên bản kiểm phiếu số 01/BB-HĐTĐKT ngày 15 tháng 12 năm 2025', 'Điều 1.', 'cho 4 cá nhân', 'Điều 2.', '2.840.000 đồng', 'Hai triệu tám trăm bốn mươi nghìn đồng',
      'Điều 3.', 'Nơi nhận:', '- Lưu: VT, TCHC.', 'Trần Văn Thịnh', 'DANH SÁCH', '(Kèm theo Quyết định số 01/QĐ-TCT ngày 20 tháng 12 năm 2025', 'Đặng Văn An', '710.000', 'Tổng cộng',
    ]) {
      expect(d.text).toContain(w);
    }
    expect(d.text).not.toContain('Hồ Thị Bích');
    // A new base salary later changes nothing already paid.
    await ok(s.cli, ['rules', 'set', 'base_salary', '3.000.000', '--from', '2025-12-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const listed = await json<{ bonus: number }[]>(s.cli, ['recognise', 'list', '--year', '2025']);
    expect(listed.map((x) => x.bonus)).toEqual([710_000, 710_000, 710_000, 710_000]);
    // Twice: refused.
    const again = await s.on('2025-12-20')(['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('01/QĐ-TCT');
    const after = await json<{ sections: { key: string }[] }>(s.on('2025-12-20'), ['status']);
    expect(after.sections.map((x) => x.key)).not.toContain('awaitingRecognition');
  });

  it('keeps the identity of each decision\'s date and signs KT. for a deputy', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    await ok(s.cli, ['person', 'edit', 'VC003', '--position', 'Phó Hiệu trưởng']);
    const first = await json<RecognisedJson>(s.on('2025-12-15'), ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    // Bình Phước merged into Đồng Nai from 16/12: the next decision carries the new identity.
    await ok(s.cli, ['org', 'set', '--from', '2025-12-16', '--parent-body', 'TỈNH ỦY ĐỒNG NAI', '--full-name', 'Trường Chính trị tỉnh Đồng Nai', '--place', 'Đồng Nai']);
    // Four LDTT passed: a quarter of them leaves the one CSTDCS place.
    await ok(s.cli, ['rules', 'set', 'quota.CSTDCS', '25%', '--from', '2025-06-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
    await ok(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'CSTDCS', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', '2', '--issued', '5', '--returned', '5', '--vote', 'VC002=5,0,0']);
    await ok(s.cli, ['ballot', 'close', '2', '--yes', ...ENDED]);
    const second = await json<RecognisedJson>(s.on('2025-12-17'), ['recognise', '--year', '2025', '--award', 'CSTDCS', '--signer', 'VC003', '--out', join(s.dir, 'vb'), '--yes']);
    expect(second.decision.symbol).toBe('02/QĐ-TCT');
    // CSTDCS: 1.0 × 2.340.000.
    expect(second.recognitions[0]).toMatchObject({ subject: 'VC002', bonus: 2_340_000, bonusInWords: 'Hai triệu ba trăm bốn mươi nghìn đồng' });
    const d = await readDocx(second.files[0]);
    expectHeader(d, 'state', { parentBody: 'TỈNH ỦY ĐỒNG NAI', name: 'TRƯỜNG CHÍNH TRỊ', place: 'Đồng Nai', number: '02/QĐ-TCT' });
    expect(d.text).toContain('KT. HIỆU TRƯỞNG');
    expect(d.text).toContain('PHÓ HIỆU TRƯỞNG');
    expect(d.text).toContain('Đặng Văn An');
    const firstFile = join(s.dir, 'first.docx');
    await ok(s.cli, ['document', 'render', String(first.decision.id), '--out', firstFile]);
    const f = await readDocx(firstFile);
    expectHeader(f, 'state', { parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', place: 'Bình Phước', number: '01/QĐ-TCT' });
    expect(f.text).not.toContain('Đồng Nai');
  });

  it('asks before the decision takes its number, showing who is recognised and the total bonus', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    const cli = s.on('2025-12-20');
    const asked: string[] = [];
    const no = await cli(['recognise', '--year', '2025', '--award', 'LDTT'], {
      tty: true,
      answers: [{ expect: /Ban hành quyết định này\?/, answer: false }],
    });
    expect(no.code).toBe(130);
    expect(query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM documents')[0].n).toBe(1); // the minutes only
    const yes = await cli(['recognise', '--year', '2025', '--award', 'LDTT'], {
      tty: true,
      answers: [{
        expect: {
          test: (q: string) => {
            asked.push(q);
            return /Ban hành quyết định này\?/.test(q);
          },
        } as RegExp,
        answer: true,
      }],
    });
    expect(yes.code, yes.stderr).toBe(0);
    const q = asked[0];
    // Every name, in the order of the attached list, each with the bonus; then the total, before the number.
    expect(q).toContain('Lao động tiên tiến năm 2025, ngày 20/12/2025, cho 4 người (tập thể)');
    const names = ['Đặng Văn An', 'Lê Thị Hoa', 'Nguyễn Thị Thu Thủy', 'Võ Minh Tuấn'];
    for (const [i, n] of names.entries()) expect(q).toContain(`${i + 1}. ${n}: 710.000 đồng`);
    expect(q).not.toContain('Hồ Thị Bích');
    expect(q).toContain('Tổng tiền thưởng: 2.840.000 đồng.');
    expect(q.indexOf('Tổng tiền thưởng')).toBeLessThan(q.indexOf('Ban hành quyết định này?'));
  });

  it('revokes a recognition without deleting it; the number stays used', async () => {
    const s = await ballotSchool();
    await voteLdtt(s);
    const r = await json<RecognisedJson>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    const target = r.recognitions.find((x) => x.subject === 'VC004')!;
    expect((await s.cli(['recognise', 'revoke', String(target.id), '--yes'])).code).toBe(2);
    await ok(s.cli, ['recognise', 'revoke', String(target.id), '--reason', 'Bị kỷ luật khiển trách', '--yes']);
    const again = await s.cli(['recognise', 'revoke', String(target.id), '--reason', 'Lần nữa', '--yes']);
    expect(again.code).toBe(5);
    expect((await s.cli(['recognise', 'revoke', '999', '--reason', 'x', '--yes'])).code).toBe(4);
    const shown = await ok(s.cli, ['person', 'show', 'VC004']);
    expect(shown.stdout).toContain('Danh hiệu được công nhận (1)');
    expect(shown.stdout).toContain('đã thu hồi ngày 15/12/2025 (Bị kỷ luật khiển trách)');
    const list = await json<{ id: number; status: string }[]>(s.cli, ['recognise', 'list', '--subject', 'VC004']);
    expect(list).toEqual([expect.objectContaining({ id: target.id, status: 'revoked' })]);
    expect(query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM recognitions')[0].n).toBe(4);
    const docs = await json<{ symbol: string; status: string }[]>(s.cli, ['document', 'list', '--kind', 'qd', '--year', '2025']);
    expect(docs).toEqual([expect.objectContaining({ symbol: '01/QĐ-TCT', status: 'issued' })]);
  });
});
});

describe('rules bonus', () => {
  it.each([
    ['LDTT', '2025-12-20', [], 2_340_000, 0.3, 710_000, 'Bảy trăm mười nghìn đồng'],
    ['LDTT', '2026-07-15', [], 2_530_000, 0.3, 760_000, 'Bảy trăm sáu mươi nghìn đồng'],
    ['TTLDXS', '2025-12-20', [], 2_340_000, 1.5, 3_510_000, 'Ba triệu năm trăm mười nghìn đồng'],
    ['CSTDCS', '2023-08-01', [], 1_800_000, 1, 1_800_000, 'Một triệu tám trăm nghìn đồng'],
    ['GK', '2025-12-20', ['--unit'], 2_340_000, 0.6, 1_410_000, 'Một triệu bốn trăm mười nghìn đồng'],
    ['DHTT', '2020-06-01', [], 1_490_000, 0, 0, 'Không đồng'],
  ] as const)('%s on %s', async (award, date, more, baseSalary, coefficient, bonus, words) => {
    const { cli } = await freshDb();
    const r = JSON.parse((await cli(['rules', 'bonus', '--award', award, '--date', date, ...more, '--json'])).stdout);
    expect(r).toMatchObject({ award, date, baseSalary, coefficient, bonus, bonusInWords: words });
  });

  it('says plainly when a title carries no money, and follows a new rounding rule', async () => {
    const { cli } = await freshDb();
    const none = await cli(['rules', 'bonus', '--award', 'DHTT', '--date', '2020-06-01']);
    expect(none.stdout).toContain('không kèm tiền thưởng');
    expect((await cli(['rules', 'set', 'bonus.rounding', 'none', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
    const exact = JSON.parse((await cli(['rules', 'bonus', '--award', 'LDTT', '--date', '2026-07-15', '--json'])).stdout);
    expect(exact.bonus).toBe(759_000);
    expect((await cli(['rules', 'bonus', '--award', 'XYZ'])).code).toBe(3);
    expect((await cli(['rules', 'bonus', '--award', 'LDTT', '--date', '31/02/2026'])).code).toBe(3);
  });
});

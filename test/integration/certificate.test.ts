/**
 * `thidua certificate`: one landscape, bordered certificate per title that carries one, numbered in the
 * register on first print and the same after; LDTT money only; revoked skipped; --merge, --force,
 * --pdf (missing and real LibreOffice), and an office's own Word template.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, ok, query } from '../helpers/ballot-seed.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { tempDir } from '../helpers/cli.js';
import { expectHeader, expectWellFormedDocument, readDocx } from '../helpers/docx.js';
import { findSoffice } from '../../src/services/pdf.js';
import { engines } from '../helpers/engines.js';

interface Printed {
  files: string[];
  certificates: { id: number; number: number; symbol: string; subject: string; name: string; award: string; file: string }[];
}

const gcnCount = (db: string) => query<{ n: number }>(db, "SELECT count(*) AS n FROM documents WHERE kind = 'GCN'")[0].n;
const ORG = { parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', place: 'Bình Phước' };

describe('printing the certificates of a year', () => {
  // On both engines: the same certificates, numbers and words from a server's records.
  it.each(engines())('writes one landscape, bordered certificate per CSTDCS and per initiative, numbered GCN in order (%s)', async (engine) => {
    const s = await certificateSchool({ engine });
    const out = tempDir('gcn-');
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', out]);
    expect(r.certificates.map((c) => [c.symbol, c.subject, c.award])).toEqual([
      ['01/GCN-TCT', 'VC002', 'CSTDCS'],
      ['02/GCN-TCT', 'SK-2025-001', 'SK'],
      ['03/GCN-TCT', 'SK-2025-002', 'SK'],
    ]);
    expect(r.certificates.map((c) => c.file.split('/').pop())).toEqual([
      'GCN-CSTDCS-2025-VC002-Nguyen-Thi-Thu-Thuy.docx',
      'GCN-SK-2025-001-So-hoa-ho-so-hoc-vien.docx',
      'GCN-SK-2025-002-Doi-moi-phuong-phap-danh-gia-hoc-vien.docx',
    ]);
    expect(r.files).toEqual(r.certificates.map((c) => c.file));
    for (const [i, c] of r.certificates.entries()) {
      const d = await readDocx(c.file);
      expectWellFormedDocument(d, { orientation: 'landscape' });
      expectHeader(d, 'state', { ...ORG, number: c.symbol });
      expect(d.xml).toMatch(/<w:pgBorders[^>]*>.*<w:top [^>]*w:val="thickThinMediumGap"/s);
      expect(d.text).toContain('HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH BÌNH PHƯỚC');
      expect(d.text).toContain('Bình Phước, ngày 15 tháng 12 năm 2025');
      expect(d.text).toContain('Trần Văn Thịnh');
      // Every certificate credits the principal's decision (an initiative's too, not the council).
      expect(d.text).toContain(`Theo Quyết định số 0${i === 0 ? 2 : 3}/QĐ-TCT ngày 15 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước`);
      expect(d.text).not.toContain('Hội đồng sáng kiến');
    }
    const cstdcs = (await readDocx(r.certificates[0].file)).text;
    // With no wording written for the certificate, the nomination's summary exactly as typed.
    for (const w of ['GIẤY CHỨNG NHẬN', 'CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2025', 'Bà Nguyễn Thị Thu Thủy', 'Đơn vị: Khoa Lý luận cơ sở', '\n\nSáng kiến số hóa hồ sơ\n\n']) {
      expect(cstdcs).toContain(w);
    }
    expect(cstdcs).not.toContain('sáng kiến số hóa hồ sơ');
    const sk = (await readDocx(r.certificates[2].file)).text;
    for (const w of ['GIẤY CHỨNG NHẬN SÁNG KIẾN', 'Sáng kiến: “Đổi mới phương pháp đánh giá học viên”', 'Tác giả: Đặng Văn An (60%), Lê Thị Hoa (40%)', 'Được công nhận là sáng kiến năm 2025.']) expect(sk).toContain(w);
    const register = await json<{ number: number; symbol: string; kind: string; date: string }[]>(s.cli, ['document', 'list', '--kind', 'GCN']);
    expect(register.map((d) => [d.symbol, d.date])).toEqual([['01/GCN-TCT', '2025-12-15'], ['02/GCN-TCT', '2025-12-15'], ['03/GCN-TCT', '2025-12-15']]);
  });

  it('prints again with the same numbers and the same bytes (not an error); refuses to overwrite another file without --force, numbering nothing', async () => {
    const s = await certificateSchool();
    const out = tempDir('gcn-');
    const first = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', out]);
    const bytes = first.certificates.map((c) => readFileSync(c.file));
    // Files holding the same bytes are no obstacle (issue 15); one edited since is.
    const same = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', out]);
    expect(same.certificates.map((c) => c.symbol)).toEqual(first.certificates.map((c) => c.symbol));
    writeFileSync(first.certificates[1].file, 'sửa tay');
    const again = await s.cli(['certificate', '--year', '2025', '--out', out]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('--force');
    expect(gcnCount(s.db)).toBe(3);
    const forced = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', out, '--force']);
    expect(forced.certificates.map((c) => c.id)).toEqual(first.certificates.map((c) => c.id));
    forced.certificates.forEach((c, i) => expect(readFileSync(c.file).equals(bytes[i])).toBe(true));
    // By the decision, in either form or by its register id, into another folder: the same file.
    const decision = query<{ id: number }>(s.db, "SELECT id FROM documents WHERE kind = 'QĐ' AND number = 2")[0].id;
    for (const ref of ['02/QĐ-TCT', '02-QĐ/TCT', String(decision)]) {
      const other = tempDir('gcn-');
      const one = await json<Printed>(s.cli, ['certificate', '--decision', ref, '--out', other]);
      expect(one.certificates.map((c) => c.symbol)).toEqual(['01/GCN-TCT']);
      expect(readFileSync(one.certificates[0].file).equals(bytes[0])).toBe(true);
    }
    // `document render` gives back the registered certificate byte for byte.
    const file = join(tempDir('gcn-'), 'x.docx');
    await ok(s.cli, ['document', 'render', String(first.certificates[0].id), '--out', file]);
    expect(readFileSync(file).equals(bytes[0])).toBe(true);
    expect(gcnCount(s.db)).toBe(3);
  });

  it('says LDTT carries money only (exit 5) and prints nothing', async () => {
    const s = await certificateSchool();
    const out = tempDir('gcn-');
    for (const argv of [['--year', '2025', '--award', 'LDTT'], ['--decision', '01/QĐ-TCT', '--year', '2025']]) {
      const r = await s.cli(['certificate', ...argv, '--out', out]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('LDTT chỉ kèm tiền thưởng, không có giấy chứng nhận');
    }
    const en = await s.cli(['certificate', '--year', '2025', '--award', 'LDTT', '--out', out, '--lang', 'en']);
    expect(en.stderr).toContain('carry money only');
    expect(readdirSync(out)).toEqual([]);
    expect(gcnCount(s.db)).toBe(0);
  });

  it('gives a revoked recognition no certificate', async () => {
    const s = await certificateSchool();
    const [rec] = query<{ id: number }>(s.db, "SELECT id FROM recognitions WHERE award = 'CSTDCS'");
    await ok(s.cli, ['recognise', 'revoke', String(rec.id), '--reason', 'Hồ sơ sai', '--yes']);
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', tempDir('gcn-')]);
    expect(r.certificates.map((c) => c.subject)).toEqual(['SK-2025-001', 'SK-2025-002']);
    const none = await s.cli(['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', tempDir('gcn-')]);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('Không có lần công nhận nào còn hiệu lực');
  });

  it('--merge adds one print file with a bordered landscape section per certificate', async () => {
    const s = await certificateSchool();
    const out = tempDir('gcn-');
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--out', out, '--merge']);
    const merged = r.files.find((f) => f.endsWith('GCN-2025-in-chung.docx'))!;
    expect(r.files).toHaveLength(4);
    const d = await readDocx(merged);
    expectWellFormedDocument(d, { orientation: 'landscape' });
    expect(d.pages).toHaveLength(3);
    expect(d.xml.match(/<w:pgBorders/g)).toHaveLength(3);
    for (const c of r.certificates) expect(d.text).toContain(c.symbol);
  });

  it('prints the party header style with party numbers', async () => {
    const s = await certificateSchool({ style: 'party' });
    const r = await json<Printed>(s.cli, ['certificate', '--decision', '02-QĐ/TCT', '--year', '2025', '--out', tempDir('gcn-')]);
    const d = await readDocx(r.certificates[0].file);
    expectWellFormedDocument(d, { orientation: 'landscape' });
    expectHeader(d, 'party', { ...ORG, number: '01-GCN/TCT' });
    expect(d.text).toContain('Theo Quyết định số 02-QĐ/TCT ngày 15 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước');
    expect(d.text).toContain('Bà Nguyễn Thị Thu Thủy');
  });
});

describe('the words of a certificate', () => {
  it('prints the achievement the clerk wrote for it, as typed, and the person\'s position; the words are frozen once printed', async () => {
    const s = await certificateSchool();
    const cstdcs = String(s.cstdcs);
    await ok(s.cli, ['person', 'edit', 'VC002', '--position', 'Giảng viên chính']);
    // Written after the decision (the nomination is recognised), decomposed as some keyboards send it.
    const typed = 'Đã có Sáng kiến “Số hóa hồ sơ học viên” được Hội đồng sáng kiến Trường công nhận, áp dụng tại 3 khoa';
    const amended = await s.cli(['nominate', 'amend', cstdcs, '--citation', typed.normalize('NFD')]);
    expect(amended.code, amended.stderr).toBe(0);
    expect(amended.stdout).toContain(`Thành tích in trên giấy chứng nhận: ${typed}`);
    expect(query<{ citation: string; status: string }>(s.db, 'SELECT citation, status FROM nominations WHERE id = ?', s.cstdcs)).toEqual([{ citation: typed, status: 'recognised' }]);
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', tempDir('gcn-')]);
    const d = await readDocx(r.certificates[0].file);
    expect(d.text).toContain(`\n\n${typed}\n\n`);
    expect(d.text).toContain('Bà Nguyễn Thị Thu Thủy');
    expect(d.text).toContain('\n\nGiảng viên chính\n\n');
    expect(d.text).not.toContain('Sáng kiến số hóa hồ sơ');
    expect(d.text).not.toMatch(/CSTDCS|VC002/);
    // Printed: its words no longer change.
    const late = await s.cli(['nominate', 'amend', cstdcs, '--citation', 'Lời khác']);
    expect(late.code).toBe(5);
    expect(late.stderr).toContain('01/GCN-TCT');
    expect(query<{ citation: string }>(s.db, 'SELECT citation FROM nominations WHERE id = ?', s.cstdcs)[0].citation).toBe(typed);
    // The summary and criteria stay the dossier's: not amendable once voted on.
    expect((await s.cli(['nominate', 'amend', cstdcs, '--summary', 'Khác'])).code).toBe(5);
  });

  it('refuses (exit 5) to address a person whose gender is unknown, naming them and how to record it; nothing is numbered', async () => {
    const s = await certificateSchool({ gender: false });
    const out = tempDir('gcn-');
    const r = await s.cli(['certificate', '--year', '2025', '--out', out]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('VC002 Nguyễn Thị Thu Thủy');
    expect(r.stderr).toContain('thidua person edit VC002 --gender nam');
    expect(gcnCount(s.db)).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    // Initiative certificates name their authors without Ông or Bà: they print.
    expect((await s.cli(['certificate', '--year', '2025', '--award', 'SK', '--out', out])).code).toBe(0);
    await ok(s.cli, ['person', 'edit', 'VC002', '--gender', 'nam']);
    const d = await readDocx((await json<Printed>(s.cli, ['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', out])).certificates[0].file);
    expect(d.text).toContain('Ông Nguyễn Thị Thu Thủy');
  });
});

describe('--pdf', () => {
  it('without LibreOffice on the PATH: exit 5 with how to install it, nothing numbered or written', async () => {
    const s = await certificateSchool();
    const out = join(tempDir('gcn-'), 'giay');
    for (const lang of ['vi', 'en']) {
      const r = await s.cli(['certificate', '--year', '2025', '--out', out, '--pdf', '--lang', lang], { env: { PATH: '/nonexistent' } });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('apt-get install libreoffice-writer-nogui fonts-liberation2');
    }
    expect(existsSync(out)).toBe(false);
    expect(gcnCount(s.db)).toBe(0);
  });

  it('converts the whole batch to PDF when LibreOffice is installed', async (ctx) => {
    const path = process.env.PATH ?? '';
    if (!findSoffice({ PATH: path })) ctx.skip();
    const s = await certificateSchool();
    const out = tempDir('gcn-');
    const run = await ok(s.cli, ['certificate', '--year', '2025', '--award', 'SK', '--out', out, '--merge', '--pdf', '--json'], { env: { PATH: path } });
    const r = JSON.parse(run.stdout) as Printed;
    const pdfs = r.files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.map((f) => f.split('/').pop())).toEqual(['GCN-SK-2025-001-So-hoa-ho-so-hoc-vien.pdf', 'GCN-SK-2025-002-Doi-moi-phuong-phap-danh-gia-hoc-vien.pdf', 'GCN-2025-SK-in-chung.pdf']);
    for (const f of pdfs) expect(readFileSync(f).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);
});

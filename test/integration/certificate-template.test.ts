/**
 * `thidua certificate --template`: an office's own copy of a default template, edited in Word (which
 * splits a placeholder over several runs), filled keeping its formatting; unknown or missing
 * placeholders refused (exit 3) before anything is numbered or written.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { json, query } from '../helpers/ballot-seed.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { tempDir } from '../helpers/cli.js';
import { expectWellFormedDocument, readDocx } from '../helpers/docx.js';

const DEFAULT = resolve(__dirname, '../../templates/giay-chung-nhan.docx');
const gcnCount = (db: string) => query<{ n: number }>(db, "SELECT count(*) AS n FROM documents WHERE kind = 'GCN'")[0].n;

/** A copy of the default template with its document.xml changed. */
function edited(change: (xml: string) => string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(DEFAULT)));
  parts['word/document.xml'] = strToU8(change(strFromU8(parts['word/document.xml'])));
  const file = join(tempDir('mau-'), 'mau-cua-truong.docx');
  writeFileSync(file, zipSync(parts));
  return file;
}

/** As Word leaves `{{ten}}` after an edit: three runs with the same formatting, `{{`, `te`, `n}}`. */
function splitRuns(xml: string, key: string): string {
  const re = new RegExp(`<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)<w:t xml:space="preserve">\\{\\{${key}\\}\\}</w:t></w:r>`);
  expect(xml).toMatch(re);
  return xml.replace(re, (_m, rPr: string) => {
    const r = (t: string) => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    return `${r('{{')}<w:proofErr w:type="spellStart"/>${r(key.slice(0, 2))}<w:proofErr w:type="spellEnd"/>${r(`${key.slice(2)}}}`)}`;
  });
}

interface Printed {
  files: string[];
  certificates: { symbol: string; file: string }[];
}

describe('an office template', () => {
  it('is filled even where Word split a placeholder over several runs, keeping its formatting', async () => {
    const s = await certificateSchool();
    const template = edited((xml) => splitRuns(xml.replace('{{tieu_de_phu}}', '{{tieu_de_phu}} – BẢN CỦA TRƯỜNG'), 'ten'));
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(template)))['word/document.xml'])).not.toContain('{{ten}}');
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', tempDir('gcn-'), '--template', template]);
    const d = await readDocx(r.certificates[0].file);
    expectWellFormedDocument(d, { orientation: 'landscape' });
    for (const w of [
      'Bà Nguyễn Thị Thu Thủy', 'CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2025 – BẢN CỦA TRƯỜNG', 'Số: 01/GCN-TCT', 'TỈNH ỦY BÌNH PHƯỚC',
      'Theo Quyết định số 02/QĐ-TCT ngày 15 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước', 'Bình Phước, ngày 15 tháng 12 năm 2025', 'HIỆU TRƯỞNG', 'Trần Văn Thịnh',
    ]) {
      expect(d.text).toContain(w);
    }
    // The name keeps the template's 24 pt bold.
    expect(d.xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:sz w:val="48"\/>(?:(?!<\/w:r>).)*Nguyễn Thị Thu Thủy/);
    expect(d.xml).toMatch(/<w:pgBorders/);
    // The same template again gives the same bytes.
    const again = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', tempDir('gcn-'), '--template', template]);
    expect(readFileSync(again.certificates[0].file).equals(readFileSync(r.certificates[0].file))).toBe(true);
  });

  it('refuses unknown placeholders and a missing {{ten}} (exit 3), listing them, with nothing numbered or written', async () => {
    const s = await certificateSchool();
    const out = tempDir('gcn-');
    const unknown = edited((xml) => xml.replace('{{don_vi}}', '{{chuc_danh}}').replace('{{nam_sinh}}', '').replace('{{nguoi_ky}}', '{{nguoi_ky}} {{ngay_sinh}}'));
    const r = await s.cli(['certificate', '--year', '2025', '--out', out, '--template', unknown]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('{{chuc_danh}}, {{ngay_sinh}}');
    expect(r.stderr).toContain('{{don_vi}}'); // among the usable ones
    const missing = edited((xml) => xml.replace('{{ten}}', 'Họ tên'));
    const m = await s.cli(['certificate', '--year', '2025', '--out', out, '--template', missing, '--lang', 'en']);
    expect(m.code).toBe(3);
    expect(m.stderr).toContain('required but missing {{ten}}');
    expect(readdirSync(out)).toEqual([]);
    expect(gcnCount(s.db)).toBe(0);
    const merge = await s.cli(['certificate', '--year', '2025', '--out', out, '--template', DEFAULT, '--merge']);
    expect(merge.code).toBe(2);
  });
});

describe('data in a template', () => {
  it('is printed as typed, never read as a placeholder: a value holding {{…}} is not filled again', async () => {
    const s = await certificateSchool();
    const conn = new (await import('better-sqlite3')).default(s.db);
    conn.prepare("UPDATE nominations SET summary = 'Sáng kiến {{ten}} ở {{don_vi}}, số {{so}}' WHERE id = ?").run(s.cstdcs);
    conn.prepare("UPDATE people SET name = 'Nguyễn {{thanh_tich}} Thủy' WHERE code = 'VC002'").run();
    conn.close();
    const r = await json<Printed>(s.cli, ['certificate', '--year', '2025', '--award', 'CSTDCS', '--out', tempDir('gcn-'), '--template', DEFAULT]);
    const d = await readDocx(r.certificates[0].file);
    expect(d.orientations).toEqual(['landscape']);
    expect(d.text).toContain('Nguyễn {{thanh_tich}} Thủy');
    expect(d.text).toContain('Sáng kiến {{ten}} ở {{don_vi}}, số {{so}}'); // the achievement as typed
    expect(d.text).not.toContain('Sáng kiến Nguyễn');
  });
});

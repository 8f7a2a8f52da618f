/**
 * `thidua document check` as a clerk runs it: exit 0 when the format holds, 3 with every departure
 * (rule, where, measured, expected) in a table or as JSON, 4 for a missing file; the printed pages
 * checked through LibreOffice when it is installed (and said so when it is not).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { decisionDocx, withPart, wordTypedDocx } from '../helpers/format.js';

const hasPrinting = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice && command -v pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const PRINTING = { PATH: process.env.PATH };

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const f = join(tempDir(), name);
  writeFileSync(f, bytes);
  return f;
}

describe('document check', () => {
  it('exit 0 for the program’s own decision, in both styles; says the printed pages were not checked, and why', async () => {
    for (const style of ['state', 'party'] as const) {
      const f = await file(`qd-${style}.docx`, await decisionDocx(style));
      const r = await run(['document', 'check', f]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(style === 'party' ? 'Đảng (Hướng dẫn 36-HD/VPTW)' : 'Nhà nước (Nghị định 30/2020/NĐ-CP)');
      expect(r.stderr).toContain('đúng thể thức');
      expect(r.stderr).toContain('Không kiểm tra bản in vì máy chưa có soffice, pdftotext');
    }
  });

  it('exit 3 listing each departure: rule, where, measured, expected (text and --json)', async () => {
    const bad = withPart(await decisionDocx(), 'word/document.xml', (x) =>
      x.replace(/w:left="1701"/, 'w:left="1134"').replace('ngày 05 tháng 9 năm 2025', 'ngày 5 tháng 9 năm 2025').replace('ngày 15 tháng 6 năm 2022;', 'ngày 15 tháng 6 năm 2022,').replace('<w:titlePg/>', ''),
    );
    const f = await file('sai.docx', bad);
    const r = await run(['document', 'check', f, '--no-pdf']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('4 chỗ chưa đúng thể thức');
    expect(r.stderr).toContain('Không kiểm tra bản in (--no-pdf).');
    for (const w of ['Lề trái', '20 mm', '30–35 mm', 'Số 0 ở ngày dưới 10 và tháng 1, 2', '“ngày 5 tháng 9”', '“ngày 05 tháng 9”', 'Căn cứ: dấu cuối dòng', 'Không đánh số trang 1', 'trang 1 có số trang', 'từ trang 2, giữa lề trên']) {
      expect(r.stdout).toContain(w);
    }
    const j = await run(['document', 'check', f, '--no-pdf', '--json']);
    expect(j.code).toBe(3);
    const out = JSON.parse(j.stdout);
    expect(out).toMatchObject({ file: f, style: 'state', styleSource: 'detected', kind: 'document', conforms: false, printed: { checked: false } });
    expect(out.departures).toEqual([
      { rule: 'margin.left', where: { section: 1 }, measured: '20 mm', expected: '30–35 mm' },
      expect.objectContaining({ rule: 'header.datePadding', measured: '“ngày 5 tháng 9”', expected: '“ngày 05 tháng 9”' }),
      expect.objectContaining({ rule: 'basis.ending', expected: '“…;”' }),
      { rule: 'page.numberFirst', where: { section: 1, page: 1 }, measured: '@page1Numbered', expected: '@fromPage2' },
    ]);
    const en = await run(['--lang', 'en', 'document', 'check', f, '--no-pdf']);
    expect(en.stdout).toContain('Leading zero: days below 10, months 1 and 2');
    expect(en.stdout).toContain('page 1 numbered');
  });

  it('a document typed in Word: checked through its styles; --style party checks it as the Party writes', async () => {
    const f = await file('go-tay.docx', wordTypedDocx());
    expect((await run(['document', 'check', f, '--no-pdf'])).code).toBe(0);
    const party = await run(['document', 'check', f, '--no-pdf', '--style', 'party', '--json']);
    expect(party.code).toBe(3);
    const out = JSON.parse(party.stdout);
    expect(out).toMatchObject({ style: 'party', styleSource: 'given' });
    expect(out.departures.map((d: { rule: string }) => d.rule)).toEqual(expect.arrayContaining(['header.missing', 'header.numberForm', 'kind.format', 'summary.lowerFirst', 'recipients.label', 'recipients.ending']));
  });

  it('bad input: a missing file (4), a file that is not Word (3), a bad --style (3), --pdf without LibreOffice (5)', async () => {
    const dir = tempDir();
    expect((await run(['document', 'check', join(dir, 'khong-co.docx')])).code).toBe(4);
    const csv = join(dir, 'ds.csv');
    writeFileSync(csv, 'Mã,Họ và tên\n');
    const notWord = await run(['document', 'check', csv]);
    expect(notWord.code).toBe(3);
    expect(notWord.stderr).toContain('không phải là tệp Word (.docx) đọc được');
    const f = await file('qd.docx', await decisionDocx());
    expect((await run(['document', 'check', f, '--style', 'đảng bộ'])).code).toBe(3);
    const pdf = await run(['document', 'check', f, '--pdf'], { env: { PATH: '' } });
    expect(pdf.code).toBe(5);
    expect(pdf.stderr).toContain('sudo apt-get install libreoffice-writer-nogui poppler-utils');
  });

  it.skipIf(!hasPrinting)('with LibreOffice: the printed pages too; a blank page is found on paper', async () => {
    const ok = await file('qd.docx', await decisionDocx());
    const r = await run(['document', 'check', ok, '--pdf', '--json'], { env: PRINTING });
    expect(r.code, r.stderr).toBe(0);
    // Two pages of decision (its basis cites the school's documents), the attached list on the third.
    expect(JSON.parse(r.stdout).printed).toEqual({ checked: true, pages: 3 });
    const brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    const blank = await file('trang-trang.docx', withPart(await decisionDocx(), 'word/document.xml', (x) => x.replace(/(<w:p>(?:(?!<w:p>).)*?<w:pageBreakBefore\/>)/s, `${brk}${brk}$1`)));
    const b = await run(['document', 'check', blank, '--json'], { env: PRINTING });
    expect(b.code).toBe(3);
    const out = JSON.parse(b.stdout);
    expect(out.printed).toEqual({ checked: true, pages: 4 });
    expect(out.departures).toContainEqual({ rule: 'printed.blankPage', where: { page: 3 }, measured: '@blankPage', expected: '@noBlankPage', printed: true });
  }, 120_000);

  it.skipIf(!hasPrinting)('a decision saved again by LibreOffice Writer (its own styles and runs) still conforms, in both styles', async () => {
    for (const style of ['state', 'party'] as const) {
      const dir = tempDir();
      const f = await file('qd.docx', await decisionDocx(style));
      const profile = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
      try {
        execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, f], { stdio: 'ignore', timeout: 120_000 });
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const r = await run(['document', 'check', join(dir, 'qd.docx'), '--no-pdf', '--json']);
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ style, styleSource: 'detected', conforms: true });
    }
  }, 120_000);
});

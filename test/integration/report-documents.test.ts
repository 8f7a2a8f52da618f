/**
 * The reports as the principal signs them (issue 13): no internal code anywhere a person reads (tables,
 * charts and the workbooks behind them), a recognised initiative listed once and as an initiative, the
 * annual report without repeated sections and with its total in words, the clerk's own assessment
 * (`--notes`), and the period report as a "Tổng kết" that says nothing for years without data.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, ok, query, type Seeded } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { readDocx } from '../helpers/docx.js';
import { sharedDemo } from '../helpers/shared-demo.js';
import { codesIn, readableParts } from '../helpers/docx-words.js';
import { NOTES } from '../helpers/notes.js';

const AFTER = '2026-01-05';


describe('no internal codes in the documents the demo writes', () => {
  let dir: string;
  beforeAll(async () => {
    // The run's shared demo: only read.
    ({ dir } = await sharedDemo('state'));
  }, 180_000);

  it('reports, quarterly notices and their charts name titles, ratings and initiatives in words', () => {
    const files = readdirSync(dir).filter((f) => /^(bao-cao|tuyen-duong|tien-do|quyen-loi).*\.docx$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(9);
    const units = /(?<![\p{L}\d])(BGH|PTCHC|PQLDT|KXDD|KLLCS|KNNPL|KDV)(?![\p{L}\d])/u;
    const leaks = files.flatMap((f) => codesIn(readableParts(join(dir, f)), [units]).map((l) => `${f} ${l}`));
    expect(leaks).toEqual([]);
    // The charts are there, and name what they count in words.
    const annual = readableParts(join(dir, 'bao-cao-nam-2025.docx'));
    const charts = Object.keys(annual.parts).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    expect(annual.all).toContain('Lao động tiên tiến');
    expect(annual.all).toContain('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('the annual report counts initiatives as initiatives and writes its total in words', async () => {
    const doc = await readDocx(join(dir, 'bao-cao-nam-2025.docx'));
    // The recognitions table lists titles only; the initiatives recognised are counted as initiatives.
    const recognitions = doc.text.slice(doc.text.indexOf('tiền thưởng'));
    expect(recognitions).not.toMatch(/\nSáng kiến\n+\d+\n+0\n/);
    expect(doc.text).toMatch(/\d+ sáng kiến, đề tài được công nhận/);
    expect(doc.text).toMatch(/tổng tiền thưởng đã chi [\d.]+ đồng \(Bằng chữ: [A-ZĐ][^)]* đồng\)/);
    // The assessment is the clerk's (the demo's own notes), under its headings, once each.
    for (const h of ['Ưu điểm', 'Hạn chế', 'Nguyên nhân', 'Phương hướng năm 2026']) expect(doc.text.split(h).length - 1).toBe(1);
  });

  it('the period report is a "Tổng kết" and has no rows for years without data', async () => {
    const doc = await readDocx(join(dir, 'bao-cao-giai-doan-2021-2025.docx'));
    expect(doc.text).toContain('Tổng kết thực hiện Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn 2021–2025');
    expect(doc.text).not.toContain('Sơ kết');
    for (const y of ['2021', '2022', '2023', '2024']) expect(doc.text).not.toMatch(new RegExp(`(^|\\n)${y}\\n`));
    expect(doc.text).toMatch(/(^|\n)2025\n/);
  });
});

describe('the quarterly notice', () => {
  it('lists a recognised initiative once, as an initiative by its title, with dates in words', async () => {
    const s = await certificateSchool();
    const cli = s.on(AFTER);
    const r = await json<{ entries: { subject: string; reasons: string[] }[] }>(cli, ['commend', '--quarter', '2025-Q4']);
    const vc003 = r.entries.find((e) => e.subject === 'VC003')!;
    expect(vc003.reasons).toEqual([
      'Tác giả sáng kiến “Đổi mới phương pháp đánh giá học viên” được công nhận ngày 20 tháng 11 năm 2025',
      'Được công nhận danh hiệu “Lao động tiên tiến” theo Quyết định số 01/QĐ-TCT ngày 15 tháng 12 năm 2025',
    ]);
    const vc002 = r.entries.find((e) => e.subject === 'VC002')!;
    expect(vc002.reasons.filter((x) => /sáng kiến/i.test(x))).toHaveLength(1);
    for (const e of r.entries) for (const x of e.reasons) {
      expect(x).not.toMatch(/“SK”|Sáng kiến”|SK-\d{4}/);
      expect(x).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    }
    const out = join(s.dir, 'tb');
    await ok(cli, ['commend', '--quarter', '2025-Q4', '--out', out]);
    const notice = readableParts(join(out, 'tuyen-duong-2025-Q4.docx'));
    expect(codesIn(notice)).toEqual([]);
    expect(notice.all).not.toContain('danh hiệu “Sáng kiến”');
    expect(notice.all).toContain('Được công nhận danh hiệu “Lao động tiên tiến” theo Quyết định số 01/QĐ-TCT ngày 15 tháng 12 năm 2025');
  }, 60_000);
});

describe('the annual report', () => {
  let s: Seeded;
  let notes: string;
  beforeAll(async () => {
    s = await reportSchool();
    notes = join(s.dir, 'danh-gia.md');
    writeFileSync(notes, NOTES);
  }, 60_000);
  const cli = () => s.on(AFTER);

  it('prints each section once (a chart does not repeat its table)', async () => {
    const text = (await ok(cli(), ['report', 'annual', '--year', '2025'])).stdout;
    for (const h of ['Kết quả đánh giá, xếp loại', 'Đăng ký thi đua theo danh hiệu và đơn vị', 'Tuyên dương hàng quý']) {
      expect(text.split(`\n${h}\n`).length - 1, h).toBe(1);
    }
    expect(text).toMatch(/tiền thưởng\n/);
    const csv = (await ok(cli(), ['--csv', 'report', 'annual', '--year', '2025'])).stdout;
    expect(csv.split('\r\n"Kết quả đánh giá, xếp loại"\r\n').length - 1).toBe(1);
    // Titles and levels by their names on the terminal too.
    expect(text).toContain('Lao động tiên tiến');
    expect(text).not.toMatch(/│ LDTT │|│ HTXSNV/);
  });

  it('takes the clerk\'s assessment from --notes and writes it under its headings', async () => {
    const file = join(s.dir, 'bc-nam.docx');
    const r = await ok(cli(), ['report', 'annual', '--year', '2025', '--notes', notes, '--out', file]);
    expect(r.stderr).toMatch(/Đã vào sổ văn bản số \d\d\/BC-TCT/);
    const doc = await readDocx(file);
    expect(doc.text).toContain('Phong trào thi đua được triển khai đồng bộ ở các khoa, phòng.');
    expect(doc.text).toContain('- Tỷ lệ đăng ký thi đua đạt 100%.');
    expect(doc.text).toContain('Duy trì báo cáo tiến độ đúng hạn');
    expect(doc.text).not.toContain('Đánh giá năm 2025\n');
    expect(doc.text).toMatch(/Ưu điểm[\s\S]*Hạn chế[\s\S]*Nguyên nhân[\s\S]*Phương hướng năm 2026/);
    expect(doc.text).toContain('(Bằng chữ: Hai triệu tám trăm bốn mươi nghìn đồng)');
    // Every numbered section heading is there once.
    const headings = [...doc.text.matchAll(/\n([IVX]+)\. ([^\n]+)/g)].map((m) => m[2]);
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings.length).toBeGreaterThanOrEqual(9);
    expect(codesIn(readableParts(file), [/(?<![\p{L}\d])(KLLCS|PTCHC)(?![\p{L}\d])/u])).toEqual([]);
  });

  it('accepts the headings without diacritics and in any case', async () => {
    const plain = join(s.dir, 'plain.md');
    writeFileSync(plain, '## UU DIEM\nTốt.\n\n## han che:\nChưa đều.\n\n## 3. Nguyen nhan\nÍt người.\n\n## phuong huong nam 2026\nTiếp tục.\n');
    const r = await ok(cli(), ['--json', 'report', 'annual', '--year', '2025', '--notes', plain]);
    expect(JSON.parse(r.stdout).assessment).toEqual({ strengths: ['Tốt.'], shortcomings: ['Chưa đều.'], causes: ['Ít người.'], direction: ['Tiếp tục.'] });
  });

  it('refuses unknown and missing headings (exit 3, naming them) and a missing file (exit 4); writes nothing', async () => {
    const before = query(s.db, 'SELECT count(*) AS n FROM documents');
    const bad = join(s.dir, 'bad.md');
    writeFileSync(bad, '## Ưu điểm\nTốt.\n\n## Kiến nghị\nKhông.\n\n## Phương hướng năm 2026\nTiếp tục.\n');
    const r = await cli()(['report', 'annual', '--year', '2025', '--notes', bad, '--out', join(s.dir, 'x.docx')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/dòng 4: tiêu đề lạ "## Kiến nghị"/);
    expect(r.stderr).toMatch(/còn thiếu mục ## Hạn chế/);
    expect(r.stderr).toMatch(/còn thiếu mục ## Nguyên nhân/);
    expect(r.stderr).not.toMatch(/thiếu mục ## Ưu điểm/);
    const year = join(s.dir, 'year.md');
    writeFileSync(year, NOTES.replace('Phương hướng năm 2026', 'Phương hướng năm 2027'));
    const y = await cli()(['report', 'annual', '--year', '2025', '--notes', year]);
    expect(y.code).toBe(3);
    expect(y.stderr).toContain('2027');
    const outside = join(s.dir, 'outside.md');
    writeFileSync(outside, `Lời mở đầu không thuộc mục nào.\n${NOTES}`);
    const o = await cli()(['report', 'annual', '--year', '2025', '--notes', outside]);
    expect(o.code).toBe(3);
    expect(o.stderr).toMatch(/dòng 1/);
    const twice = join(s.dir, 'twice.md');
    writeFileSync(twice, `${NOTES}\n## uu diem\nLần nữa.\n`);
    expect((await cli()(['report', 'annual', '--year', '2025', '--notes', twice])).code).toBe(3);
    const gone = await cli()(['report', 'annual', '--year', '2025', '--notes', join(s.dir, 'khong-co.md')]);
    expect(gone.code).toBe(4);
    expect(query(s.db, 'SELECT count(*) AS n FROM documents')).toEqual(before);
    expect(readdirSync(s.dir)).not.toContain('x.docx');
  });

  it('is refused as a Word document without the assessment (exit 5, naming what is missing)', async () => {
    const before = query(s.db, 'SELECT count(*) AS n FROM documents');
    const r = await cli()(['report', 'annual', '--year', '2025', '--out', join(s.dir, 'none.docx')]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('--notes');
    expect(r.stderr).toContain('--draft');
    expect(query(s.db, 'SELECT count(*) AS n FROM documents')).toEqual(before);
  });
});

describe('the period report', () => {
  it('says nothing for years without data, and is a "Sơ kết" while its last year runs', async () => {
    const s = await reportSchool();
    const j = await json<{ years: { year: number }[] }>(s.on(AFTER), ['report', 'period', '--from', '2021', '--to', '2025']);
    expect(j.years.map((y) => y.year)).toEqual([2025]);
    const text = (await ok(s.on(AFTER), ['report', 'period', '--from', '2021', '--to', '2025'])).stdout;
    expect(text).toContain('Tổng kết giai đoạn 2021–2025');
    for (const y of ['2021', '2022', '2023', '2024']) expect(text).not.toContain(`│ ${y} `);
    // One year of data: no trend to tell and no line to draw.
    expect(text).not.toContain('Xu hướng');
    const running = (await ok(s.on('2025-12-20'), ['report', 'period', '--from', '2021', '--to', '2025'])).stdout;
    expect(running).toContain('Sơ kết giai đoạn 2021–2025');
  }, 60_000);
});

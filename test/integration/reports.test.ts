/**
 * Reports through the CLI with a fixed clock: golden files for each renderer (text, JSON, CSV), the Word
 * version read back (words, structure, the native chart), the register, and byte-identical re-issues.
 * Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, query, type Seeded } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { readDocx } from '../helpers/docx.js';
import { testServer } from '../helpers/engines.js';
import { NOTES } from '../helpers/notes.js';

const GOLDEN = resolve(__dirname, '../golden');
const AFTER = '2026-01-05';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

let s: Seeded;
beforeAll(async () => {
  s = await reportSchool();
}, 60_000);

const run = (argv: string[]) => ok(s.on(AFTER), argv);

const CASES: [string, string[]][] = [
  ['annual', ['report', 'annual', '--year', '2025']],
  ['quarterly', ['report', 'quarterly', '--quarter', '2025-Q4']],
  ['progress', ['report', 'progress', '--month', '2025-11']],
  ['province', ['report', 'province', '--year', '2025']],
  ['period', ['report', 'period', '--from', '2024', '--to', '2025']],
  ['benefits', ['report', 'benefits', '--year', '2025']],
  ['commend', ['commend', '--quarter', '2025-Q4']],
];

describe('report renderers (golden files, clock fixed at 2026-01-05)', () => {
  for (const [name, argv] of CASES) {
    it(`${name}: table, JSON and CSV`, async () => {
      golden(`${name}.txt`, (await run(argv)).stdout);
      golden(`${name}.json`, (await run(['--json', ...argv])).stdout);
      const csv = (await run(['--csv', ...argv])).stdout;
      expect(csv.startsWith('\uFEFF')).toBe(true);
      golden(`${name}.csv`, csv);
      if (name !== 'commend') expect((await run([...argv, '--format', 'csv'])).stdout).toBe(csv);
    });
  }

  it('report annual --json has the fields scripts rely on', async () => {
    const j = JSON.parse((await run(['--json', 'report', 'annual', '--year', '2025'])).stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['year', 'units', 'registrations', 'initiatives', 'nominations', 'recognitions', 'bonusTotal']));
    expect(j.year).toBe(2025);
    // Four LDTT at 0.3 × 2,340,000 = 702,000 → 710,000 each.
    expect(j.recognitions).toHaveLength(4);
    expect(j.bonusTotal).toBe(4 * 710_000);
    expect(j.dissemination).toEqual([]);
  });

  it('the province proposal says the days left, and plainly when late', async () => {
    const early = JSON.parse((await run(['--json', 'report', 'province', '--year', '2025'])).stdout);
    expect(early).toMatchObject({ deadline: '2026-01-31', daysLeft: 26, late: false });
    const late = await ok(s.on('2026-02-03'), ['report', 'province', '--year', '2025']);
    expect(late.stdout).toContain('Đã quá hạn 31/01/2026 3 ngày');
  });

  it('refuses an unknown format (exit 2) and a Word report without a file (exit 2)', async () => {
    expect((await s.on(AFTER)(['report', 'annual', '--year', '2025', '--format', 'pdf'])).code).toBe(2);
    expect((await s.on(AFTER)(['report', 'annual', '--year', '2025', '--format', 'docx'])).code).toBe(2);
  });
});

describe.skipIf(!testServer())('report renderers on PostgreSQL: the same golden files, byte for byte', () => {
  let p: Seeded;
  beforeAll(async () => {
    p = await reportSchool({ engine: 'postgres' });
  }, 120_000);
  for (const [name, argv] of CASES) {
    it(`${name}: table, JSON and CSV as on SQLite`, async () => {
      const on = (a: string[]) => ok(p.on(AFTER), a);
      expect((await on(argv)).stdout).toBe(readFileSync(join(GOLDEN, `${name}.txt`), 'utf8'));
      expect((await on(['--json', ...argv])).stdout).toBe(readFileSync(join(GOLDEN, `${name}.json`), 'utf8'));
      expect((await on(['--csv', ...argv])).stdout).toBe(readFileSync(join(GOLDEN, `${name}.csv`), 'utf8'));
    });
  }
});

describe('Word reports', () => {
  it('the annual report: numbered BC, tables and a native chart, the same bytes when issued again', async () => {
    const file = join(s.dir, 'bao-cao-2025.docx');
    const notes = join(s.dir, 'danh-gia.md');
    writeFileSync(notes, NOTES);
    const first = await run(['report', 'annual', '--year', '2025', '--notes', notes, '--out', file]);
    expect(first.stderr).toContain('Đã vào sổ văn bản số 01/BC-TCT');
    const bytes = readFileSync(file);
    const doc = await readDocx(bytes);
    expect(doc.text).toContain('BÁO CÁO');
    expect(doc.text).toContain('Kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm 2025');
    for (const h of ['I. Đăng ký thi đua theo danh hiệu và đơn vị', 'Danh hiệu được công nhận và tiền thưởng', 'Tuyên dương hàng quý', 'Tuyên truyền, nhân rộng điển hình tiên tiến']) expect(doc.text).toContain(h);
    expect(doc.text).toContain('2.840.000');
    expect(doc.parts).toEqual(expect.arrayContaining(['word/charts/chart1.xml', 'word/charts/chart2.xml']));
    expect(doc.parts.some((p) => p.startsWith('word/embeddings/'))).toBe(true);
    const chart = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/charts/chart2.xml']);
    expect(chart).toContain('Số danh hiệu được công nhận năm 2025');
    // Again, the next day, into another file: the registered document is reused, byte for byte.
    const file2 = join(s.dir, 'lan-2.docx');
    const again = await ok(s.on('2026-01-06'), ['report', 'annual', '--year', '2025', '--notes', notes, '--out', file2]);
    expect(again.stderr).toContain('dùng lại văn bản số 01/BC-TCT');
    expect(readFileSync(file2)).toEqual(bytes);
    const id = query<{ id: number }>(s.db, "SELECT id FROM documents WHERE kind = 'BC' AND type = 'report-annual'")[0].id;
    await ok(s.on(AFTER), ['document', 'render', String(id), '--out', join(s.dir, 'render.docx')]);
    expect(readFileSync(join(s.dir, 'render.docx'))).toEqual(bytes);
    // Changed data: a new number; the old one stays issued.
    await ok(s.on(AFTER), ['register', 'title', 'VC006', '--award', 'CSTDCS', '--year', '2025']);
    const changed = await ok(s.on(AFTER), ['report', 'annual', '--year', '2025', '--notes', notes, '--out', join(s.dir, 'lan-3.docx')]);
    expect(changed.stderr).toContain('02/BC-TCT');
  });

  it('each report kind has its document kind, title and words', async () => {
    const expectations: [string[], string, string[]][] = [
      [['report', 'province', '--year', '2025'], 'TTr', ['TỜ TRÌNH', 'Đề nghị công nhận điển hình tiên tiến cấp tỉnh năm 2025']],
      [['report', 'quarterly', '--quarter', '2025-Q4'], 'BC', ['Kết quả công tác thi đua, khen thưởng quý IV năm 2025', 'Đặng Văn An']],
      [['report', 'progress', '--month', '2025-11'], 'BC', ['Tiến độ thực hiện sáng kiến, đề tài tháng 11 năm 2025']],
      [['report', 'period', '--from', '2024', '--to', '2025'], 'BC', ['Tổng kết thực hiện Kế hoạch', 'giai đoạn 2024–2025']],
      [['report', 'benefits', '--year', '2025'], 'BC', ['Tiền thưởng và quyền lợi', 'Lê Thị Hoa', '710.000']],
    ];
    for (const [argv, kind, words] of expectations) {
      const file = join(s.dir, `${argv[1]}.docx`);
      const r = await run([...argv, '--format', 'docx', '--out', file]);
      expect(r.stderr).toContain(`/${kind}-TCT`);
      const doc = await readDocx(file);
      for (const w of words) expect(doc.text).toContain(w);
      expect(doc.text).not.toContain('{{');
      expect(doc.fonts).toContain('Times New Roman');
    }
  });
});

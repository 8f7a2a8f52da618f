/** `thidua spread`: replication records, and the website articles and LED lines built from them. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { expectWellFormedDocument, readDocx } from '../helpers/docx.js';
import { join } from 'node:path';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';
import { count, sql } from '../helpers/db.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

async function ok(cli: Cli, argv: string[], opts?: RunOptions): Promise<RunResult> {
  const r = await cli(argv, opts);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

const json = async <T>(cli: Cli, argv: string[]): Promise<T> => JSON.parse((await ok(cli, [...argv, '--json'])).stdout) as T;



interface Rec { id: number; subject: string; name: string; kind: string; unit: string; unitName: string; channel: string; date: string; note: string | null }

describe('spread add', () => {
  it('records a replication (channel by code or Vietnamese words), prints its id, and audits it', async () => {
    const { cli } = await schoolDb();
    const r = await ok(cli, ['spread', 'add', 'vc002', '--channel', 'website', '--date', '15/11/2026', '--note', '  Bài viết trên trang tin  ']);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain('Đã ghi nhân rộng số 1: VC002 – Nguyễn Thị Thu Thủy, Trang thông tin điện tử, ngày 15/11/2026.');
    const j = await json<Rec>(cli, ['spread', 'add', 'KLLCS', '--channel', 'Ngày Pháp luật', '--date', '2026-11-20']);
    expect(j).toEqual({ id: 2, subject: 'KLLCS', name: 'Khoa Lý luận cơ sở', kind: 'unit', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', channel: 'legal-day', date: '2026-11-20', note: null });
    await ok(cli, ['spread', 'add', 'VC003', '--channel', 'cum thi dua', '--date', '2026-11-28']);
    const audit = await json<{ entity: string; action: string; after: Rec }[]>(cli, ['audit', 'list', '--entity', 'spread']);
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => a.after.note).filter(Boolean)).toEqual(['Bài viết trên trang tin']);
  });

  it('refuses a future date, an unknown channel (3, every problem at once), an unknown subject (4), and writes nothing', async () => {
    const { cli, db } = await schoolDb();
    const bad = await cli(['spread', 'add', 'VC002', '--channel', 'facebook', '--date', '2026-11-29']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('"facebook"');
    expect(bad.stderr).toContain('website, led, meeting, legal-day, bloc, cluster, exchange');
    expect(bad.stderr).toContain('29/11/2026 còn ở sau hôm nay (28/11/2026)');
    const unknown = await cli(['spread', 'add', 'VC999', '--channel', 'led', '--date', '2026-11-01']);
    expect(unknown.code).toBe(4);
    const noDate = await cli(['spread', 'add', 'VC002', '--channel', 'led']);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain('--date');
    expect(count(db, 'spread_records')).toBe(0);
    expect(count(db, 'audit')).toBeGreaterThan(0);
  });
});

describe('spread list', () => {
  it('people first by given name the Vietnamese way, then units; filters by year, channel and subject; table, JSON and CSV', async () => {
    const { cli } = await schoolDb();
    await ok(cli, ['spread', 'add', 'KLLCS', '--channel', 'meeting', '--date', '2026-03-01']);
    await ok(cli, ['spread', 'add', 'VC002', '--channel', 'led', '--date', '2026-05-01']);
    await ok(cli, ['spread', 'add', 'VC003', '--channel', 'website', '--date', '2025-12-01']);
    await ok(cli, ['spread', 'add', 'VC001', '--channel', 'website', '--date', '2026-02-01']);
    await ok(cli, ['spread', 'add', 'VC002', '--channel', 'website', '--date', '2026-01-10']);
    const all = await json<Rec[]>(cli, ['spread', 'list']);
    // An (Đặng Văn An), Thịnh (Trần Văn Thịnh), Thủy (Nguyễn Thị Thu Thủy), then the unit
    expect(all.map((r) => `${r.subject} ${r.date}`)).toEqual(['VC003 2025-12-01', 'VC001 2026-02-01', 'VC002 2026-01-10', 'VC002 2026-05-01', 'KLLCS 2026-03-01']);
    expect(all[0]).toMatchObject({ unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở' });
    expect((await json<Rec[]>(cli, ['spread', 'list', '--year', '2026'])).map((r) => r.id)).toEqual([4, 5, 2, 1]);
    expect((await json<Rec[]>(cli, ['spread', 'list', '--channel', 'trang thong tin'])).map((r) => r.id)).toEqual([3, 4, 5]);
    expect((await json<Rec[]>(cli, ['spread', 'list', '--subject', 'VC002', '--year', '2026'])).map((r) => r.channel)).toEqual(['website', 'led']);
    expect(await json(cli, ['spread', 'list', '--year', '2024'])).toEqual([]);
    const table = await ok(cli, ['spread', 'list', '--year', '2026']);
    expect(table.stdout).toContain('Bảng điện tử LED');
    expect(table.stdout).toContain('10/01/2026');
    const csv = await ok(cli, ['spread', 'list', '--csv']);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout).toContain('Hội nghị, cuộc họp');
    expect((await cli(['spread', 'list', '--channel', 'tv'])).code).toBe(3);
    expect((await cli(['spread', 'list', '--subject', 'VC404'])).code).toBe(4);
  });
});

/** VC002 voted exemplar of 2026 (DHTT passed), with achievements, a recognised initiative and a topic. */
async function exemplarSchool() {
  const env = await schoolDb();
  const { cli, db } = env;
  await ok(cli, ['register', 'title', 'VC002', '--award', 'DHTT', '--year', '2026']);
  await ok(cli, ['nominate', 'VC002', '--award', 'DHTT', '--year', '2026', '--by', 'KLLCS', '--summary', 'Giảng viên dạy giỏi, tiên phong chuyển đổi số bài giảng']);
  sql(db, "UPDATE nominations SET status = 'passed' WHERE subject_code = 'VC002'");
  await ok(cli, ['achieve', 'add', 'VC002', '--date', '2026-05-10', '--kind', 'task', '--text', 'Giải Nhất hội thi giảng viên dạy giỏi cấp tỉnh']);
  await ok(cli, ['achieve', 'add', 'VC002', '--date', '2025-05-10', '--kind', 'task', '--text', 'Thành tích năm trước']);
  await ok(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Bài giảng điện tử tương tác', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2026']);
  await ok(cli, ['register', 'initiative', '--kind', 'research', '--title', 'Đổi mới phương pháp giảng dạy lý luận', '--author', 'VC002:50', '--author', 'VC003:50', '--unit', 'KLLCS', '--year', '2026']);
  sql(db, "UPDATE initiatives SET status = 'recognised', status_on = '2026-10-15'");
  return env;
}

describe('spread export --channel website', () => {
  it('prints a Markdown article per exemplar: summary, the year’s achievements, recognised works', async () => {
    const { cli } = await exemplarSchool();
    const r = await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026']);
    expect(r.stdout).toBe([
      '# Điển hình tiên tiến năm 2026: Nguyễn Thị Thu Thủy',
      '',
      'Nguyễn Thị Thu Thủy (Khoa Lý luận cơ sở) được Hội đồng Thi đua – Khen thưởng Trường bình chọn là điển hình tiên tiến năm 2026.',
      '',
      'Giảng viên dạy giỏi, tiên phong chuyển đổi số bài giảng',
      '',
      '## Thành tích nổi bật năm 2026',
      '',
      '- 10/05/2026: Giải Nhất hội thi giảng viên dạy giỏi cấp tỉnh',
      '',
      '## Sáng kiến, đề tài được công nhận',
      '',
      '- Đổi mới phương pháp giảng dạy lý luận (đề tài DT-2026-001)',
      '- Bài giảng điện tử tương tác (sáng kiến SK-2026-001)',
      '',
      'Nhà trường đề nghị cán bộ, viên chức, người lao động học tập, làm theo tấm gương của đồng chí Nguyễn Thị Thu Thủy.',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('');
    const j = await json<{ source: string; items: { subject: string; article: { title: string; blocks: { kind: string }[] } }[] }>(
      cli, ['spread', 'export', '--channel', 'website', '--year', '2026']);
    expect(j.source).toBe('exemplars');
    expect(j.items.map((i) => i.subject)).toEqual(['VC002']);
    expect(j.items[0]!.article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'list', 'heading', 'list', 'paragraph']);
  });

  it('with no exemplar yet, falls back to the subjects spread in the year and says so; nothing at all is exit 0 with a hint', async () => {
    const { cli } = await schoolDb();
    const none = await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026']);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('không có gì để soạn');
    await ok(cli, ['spread', 'add', 'KLLCS', '--channel', 'meeting', '--date', '2026-03-01']);
    await ok(cli, ['spread', 'add', 'VC003', '--channel', 'bloc', '--date', '2026-04-01']);
    await ok(cli, ['spread', 'add', 'VC001', '--channel', 'bloc', '--date', '2025-04-01']);
    const r = await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026']);
    expect(r.stderr).toContain('Năm 2026 chưa có điển hình tiên tiến nào được bình chọn');
    expect(r.stderr).toContain('soạn cho 2 người, đơn vị');
    expect(r.stdout).toContain('# Gương điển hình năm 2026: Đặng Văn An');
    expect(r.stdout).toContain('# Gương điển hình năm 2026: Khoa Lý luận cơ sở');
    expect(r.stdout).not.toContain('Trần Văn Thịnh');
    expect(r.stdout.indexOf('Đặng Văn An')).toBeLessThan(r.stdout.indexOf('Khoa Lý luận cơ sở'));
  });

  it('--out writes the article per exemplar as Markdown and Word, atomically, never over an existing file without --force or --yes', async () => {
    const { cli, dir } = await exemplarSchool();
    const out = join(dir, 'nhan-rong');
    const r = await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026', '--out', out]);
    const file = join(out, 'dien-hinh-2026-VC002.md');
    const docx = join(out, 'dien-hinh-2026-VC002.docx');
    expect(r.stdout).toBe(`${file}\n${docx}\n`);
    expect(readFileSync(file, 'utf8')).toContain('# Điển hình tiên tiến năm 2026: Nguyễn Thị Thu Thủy');
    const word = await readDocx(docx);
    expectWellFormedDocument(word);
    expect(word.text).toContain('Điển hình tiên tiến năm 2026: Nguyễn Thị Thu Thủy');
    expect(word.text).toContain('Trường Chính trị tỉnh Bình Phước');
    writeFileSync(file, 'bản đã sửa tay');
    const again = await cli(['spread', 'export', '--channel', 'website', '--year', '2026', '--out', out]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('bản đã sửa tay');
    await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026', '--out', out, '--force']);
    expect(readFileSync(file, 'utf8')).toContain('Nguyễn Thị Thu Thủy');
    await ok(cli, ['spread', 'export', '--channel', 'website', '--year', '2026', '--out', out, '--yes']);
    expect(readdirSync(out).sort()).toEqual(['dien-hinh-2026-VC002.docx', 'dien-hinh-2026-VC002.md']);
    const notDir = join(dir, 'tep.txt');
    writeFileSync(notDir, 'x');
    expect((await cli(['spread', 'export', '--channel', 'website', '--year', '2026', '--out', notDir])).code).toBe(3);
  });

  it('takes only website or led (3), and asks for the year (2 without a terminal)', async () => {
    const { cli } = await schoolDb();
    const bad = await cli(['spread', 'export', '--channel', 'meeting', '--year', '2026']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('website, led');
    expect((await cli(['spread', 'export', '--channel', 'led'])).code).toBe(2);
    expect((await cli(['spread', 'export', '--channel', 'led', '--year', '26'])).code).toBe(3);
  });
});

describe('spread export --channel led', () => {
  it('writes upper-case lines within the dated line width, broken between words, Vietnamese diacritics kept', async () => {
    const { cli, dir } = await exemplarSchool();
    const r = await ok(cli, ['spread', 'export', '--channel', 'led', '--year', '2026']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('CHÚC MỪNG NGUYỄN THỊ THU THỦY – ĐIỂN');
    expect(lines.every((l) => [...l].length <= 40)).toBe(true);
    expect(r.stdout).toContain('GIẢI NHẤT HỘI THI GIẢNG VIÊN DẠY GIỎI');
    expect(r.stdout).toBe(r.stdout.toLocaleUpperCase('vi'));
    // a narrower screen from 2026-11-01: the rule in force today applies
    await ok(cli, ['rules', 'set', 'led.line_width', '16', '--from', '2026-11-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const narrow = await json<{ lineWidth: number; items: { led: { lines: string[]; overlong: string[] } }[] }>(cli, ['spread', 'export', '--channel', 'led', '--year', '2026']);
    expect(narrow.lineWidth).toBe(16);
    expect(narrow.items[0]!.led.lines.slice(0, 4)).toEqual(['CHÚC MỪNG NGUYỄN', 'THỊ THU THỦY –', 'ĐIỂN HÌNH TIÊN', 'TIẾN NĂM 2026']);
    const out = join(dir, 'led');
    mkdirSync(out);
    await ok(cli, ['spread', 'export', '--channel', 'led', '--year', '2026', '--out', out]);
    expect(existsSync(join(out, 'led-2026-VC002.txt'))).toBe(true);
  });

  it('a word longer than the line stands alone, uncut, with a warning', async () => {
    const { cli } = await exemplarSchool();
    await ok(cli, ['rules', 'set', 'led.line_width', '5', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const r = await ok(cli, ['spread', 'export', '--channel', 'led', '--year', '2026']);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('NGUYỄN');
    expect(lines).toContain('PHƯƠNG');
    expect(lines.filter((l) => [...l].length > 5).sort()).toEqual(['NGUYỄN', 'PHƯƠNG']);
    expect(r.stderr).toContain('Từ "NGUYỄN" (VC002) dài hơn một dòng LED (5 ký tự): để riêng một dòng, không cắt.');
    expect((await cli(['rules', 'set', 'led.line_width', '0', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(3);
  });
});

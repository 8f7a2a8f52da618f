/**
 * `thidua evaluate set | import | list`: quarterly and annual quality ratings (DOMAIN.md "Ratings"),
 * driven through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

interface Listed {
  person: string;
  name: string;
  unit: string;
  category: string;
  rating: string | null;
  ratingName: string | null;
}

interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const nfd = (s: string) => s.normalize('NFD');

async function listed(cli: Cli, period: string, extra: string[] = []): Promise<Listed[]> {
  const r = await cli(['evaluate', 'list', '--period', period, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** person → rating for a period, as `evaluate list` shows it. */
async function ratings(cli: Cli, period: string): Promise<Record<string, string | null>> {
  return Object.fromEntries((await listed(cli, period)).map((r) => [r.person, r.rating]));
}

async function ratingAudit(cli: Cli): Promise<AuditEntry[]> {
  const r = await cli(['audit', 'list', '--entity', 'rating', '--json', '--limit', '1000']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function fixture(dir: string, name: string, content: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The "dòng N: …" lines of an error, as [N, text]. */
function badLines(stderr: string): [number, string][] {
  return [...stderr.matchAll(/^\s+dòng (\d+): (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]);
}

describe('evaluate set', () => {
  it('records a rating typed as a code, and prints exactly the promised JSON', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['evaluate', 'set', 'vc002', '--period', '2025', '--rating', 'htxsnv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ person: 'VC002', name: 'Nguyễn Thị Thu Thủy', period: '2025', rating: 'HTXSNV', ratingName: 'Hoàn thành xuất sắc nhiệm vụ' });
    expect(await ratings(cli, '2025')).toEqual({ VC003: null, VC001: null, VC002: 'HTXSNV' });
    const [audit] = await ratingAudit(cli);
    expect(audit).toMatchObject({ entityId: 'VC002@2025', action: 'create', before: null });
    expect(audit!.after).toMatchObject({ rating: 'HTXSNV', period: '2025', ratedOn: '2026-11-28' });
  });

  it('takes the full Vietnamese words, with or without diacritics, decomposed or not, and quarters in any spelling', async () => {
    const { cli } = await schoolDb();
    const a = await cli(['evaluate', 'set', 'VC001', '--period', '2025-q3', '--rating', nfd('Hoàn thành tốt nhiệm vụ')]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe('');
    expect(a.stderr).toContain('Đã xếp loại Trần Văn Thịnh (VC001) kỳ 2025-Q3: Hoàn thành tốt nhiệm vụ.');
    expect((await cli(['evaluate', 'set', 'VC002', '--period', 'Q3/2025', '--rating', 'khong hoan thanh nhiem vu'])).code).toBe(0);
    expect((await cli(['evaluate', 'set', 'VC003', '--period', '2025Q3', '--rating', 'Hoàn thành nhiệm vụ'])).code).toBe(0);
    expect(await ratings(cli, '2025-Q3')).toEqual({ VC003: 'HTNV', VC001: 'HTTNV', VC002: 'KHTNV' });
    // the year is a different period
    expect(await ratings(cli, '2025')).toEqual({ VC003: null, VC001: null, VC002: null });
  });

  it('replaces an earlier rating for the same period, keeping before and after in the audit', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTTNV', '--today', '2026-01-05'])).code).toBe(0);
    const r = await cli(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTXSNV', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ');
    expect(JSON.parse(r.stdout)).toMatchObject({ person: 'VC003', rating: 'HTXSNV' });
    expect((await ratings(cli, '2025')).VC003).toBe('HTXSNV');
    const audit = await ratingAudit(cli);
    expect(audit.map((a) => a.action)).toEqual(['replace', 'create']);
    expect(audit[0]).toMatchObject({
      entityId: 'VC003@2025',
      before: { rating: 'HTTNV', ratingName: 'Hoàn thành tốt nhiệm vụ', ratedOn: '2026-01-05' },
      after: { rating: 'HTXSNV', ratingName: 'Hoàn thành xuất sắc nhiệm vụ', ratedOn: '2026-11-28' },
    });
    // the audit list shows the action in the user's language
    const table = await cli(['audit', 'list', '--entity', 'rating']);
    expect(table.stdout).toContain('thay thế');
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('writes nothing when the same rating is given again', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTTNV'])).code).toBe(0);
    const again = await cli(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'Hoàn thành tốt nhiệm vụ']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('không có gì thay đổi');
    expect(await ratingAudit(cli)).toHaveLength(1);
  });

  it('speaks English with --lang en', async () => {
    const { cli } = await schoolDb();
    await cli(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTNV']);
    const r = await cli(['--lang', 'en', 'evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTTNV']);
    expect(r.stderr).toContain('Changed the rating of Đặng Văn An (VC003) for 2025: Completed tasks → Completed tasks well.');
  });

  it('takes a rating only from the last month of its period, judged on today (exit 5 before, nothing written)', async () => {
    const { cli } = await schoolDb();
    // today is 28/11/2026: the year 2026 is rated from 01/12/2026
    const year = await cli(['evaluate', 'set', 'VC002', '--period', '2026', '--rating', 'HTTNV']);
    expect(year.code).toBe(5);
    expect(year.stderr).toContain('xếp loại năm được ghi từ tháng 12, tức từ 01/12/2026 (hôm nay là 28/11/2026)');
    // 2026-Q4 runs October–December: its rating waits for December too
    const quarter = await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q4', '--rating', 'HTTNV', '--lang', 'en']);
    expect(quarter.code).toBe(5);
    expect(quarter.stderr).toContain("a quarter's rating is entered from the quarter's last month, that is from 01/12/2026 (today is 28/11/2026)");
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2027', '--rating', 'HTTNV'])).code).toBe(5);
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2027-Q1', '--rating', 'HTTNV'])).code).toBe(5);
    expect(await ratingAudit(cli)).toEqual([]);
    // the last day before the last month is refused, its first day is allowed
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q3', '--rating', 'HTTNV', '--today', '2026-08-31'])).code).toBe(5);
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q3', '--rating', 'HTTNV', '--today', '2026-09-01'])).code).toBe(0);
    // a past quarter any time later
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q2', '--rating', 'HTTNV'])).code).toBe(0);
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2026', '--rating', 'HTTNV', '--today', '2026-12-01'])).code).toBe(0);
    expect(await ratingAudit(cli)).toHaveLength(3);
  });

  it('refuses a bad rating (3) or period (3), an unknown person or a unit (4), and writes nothing', async () => {
    const { cli } = await schoolDb();
    const bad = await cli(['evaluate', 'set', 'VC002', '--period', '2025', '--rating', 'giỏi']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('"giỏi"');
    expect(bad.stderr).toContain('HTXSNV');
    const period = await cli(['evaluate', 'set', 'VC002', '--period', '2025-Q5', '--rating', 'HTNV']);
    expect(period.code).toBe(3);
    expect(period.stderr).toContain('2025-Q5');
    const nobody = await cli(['evaluate', 'set', 'VC999', '--period', '2025', '--rating', 'HTNV']);
    expect(nobody.code).toBe(4);
    expect(nobody.stderr).toContain('VC999');
    const unit = await cli(['evaluate', 'set', 'KLLCS', '--period', '2025', '--rating', 'HTNV']);
    expect(unit.code).toBe(4);
    expect(unit.stderr).toContain('đơn vị');
    expect(await ratingAudit(cli)).toEqual([]);
    expect(await ratings(cli, '2025')).toEqual({ VC003: null, VC001: null, VC002: null });
  });

  it('still rates a person who has left, for a period they worked in', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['person', 'edit', 'VC002', '--no-active'])).code).toBe(0);
    const r = await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q2', '--rating', 'HTTNV', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ person: 'VC002', rating: 'HTTNV' });
    // the list shows active people only
    expect((await listed(cli, '2026-Q2')).map((p) => p.person)).toEqual(['VC003', 'VC001']);
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2027', '--rating', 'HTTNV'])).code).toBe(5);
  });

  it('asks for the period and rating on a terminal, and names the flag without one', async () => {
    const { cli } = await schoolDb();
    const piped = await cli(['evaluate', 'set', 'VC002', '--period', '2025']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--rating');
    const noPeriod = await cli(['evaluate', 'set', 'VC002', '--rating', 'HTNV']);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toContain('--period');
    const tty = await cli(['evaluate', 'set', 'VC002'], {
      tty: true,
      answers: [
        { expect: /Kỳ đánh giá/, answer: '2025' },
        { expect: /Mức xếp loại/, answer: 'HTTNV' },
      ],
    });
    expect(tty.code, tty.stderr).toBe(0);
    expect((await ratings(cli, '2025')).VC002).toBe('HTTNV');
  });
});

describe('evaluate list', () => {
  async function rated() {
    const env = await schoolDb();
    const { cli } = env;
    for (const [code, name, unit, cat] of [
      ['VC004', 'Lê Thị Ánh', 'PTCHC', 'staff'],
      ['VC005', 'Phạm Văn Ấn', 'KLLCS', 'staff'],
      ['VC006', nfd('Võ Thị Út'), 'KLLCS', 'staff'],
    ]) {
      expect((await cli(['person', 'add', code!, '--name', name!, '--unit', unit!, '--category', cat!])).code).toBe(0);
    }
    for (const [code, rating] of [['VC001', 'HTXSNV'], ['VC002', 'HTTNV'], ['VC004', 'HTTNV'], ['VC006', 'KHTNV']]) {
      expect((await cli(['evaluate', 'set', code!, '--period', '2025', '--rating', rating!])).code).toBe(0);
    }
    return env;
  }

  it('lists every active person in Vietnamese order with their rating, and the counts on stderr', async () => {
    const { cli } = await rated();
    const rows = await listed(cli, '2025');
    // An < Ánh < Ấn < Thịnh < Thủy < Út (by given name, Vietnamese collation)
    expect(rows.map((r) => r.name)).toEqual(['Đặng Văn An', 'Lê Thị Ánh', 'Phạm Văn Ấn', 'Trần Văn Thịnh', 'Nguyễn Thị Thu Thủy', 'Võ Thị Út']);
    for (const r of rows) expect(r.name).toBe(r.name.normalize('NFC'));
    expect(Object.keys(rows[0]!).sort()).toEqual(['category', 'name', 'person', 'rating', 'ratingName', 'unit']);
    expect(rows[0]).toEqual({ person: 'VC003', name: 'Đặng Văn An', unit: 'KLLCS', category: 'staff', rating: null, ratingName: null });
    expect(rows[3]).toEqual({ person: 'VC001', name: 'Trần Văn Thịnh', unit: 'PTCHC', category: 'leader', rating: 'HTXSNV', ratingName: 'Hoàn thành xuất sắc nhiệm vụ' });
    const table = await cli(['evaluate', 'list', '--period', '2025']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Hoàn thành tốt nhiệm vụ');
    expect(table.stdout).toContain('(chưa xếp loại)');
    expect(table.stderr).toContain('Kỳ 2025: 6 người đang công tác; HTXSNV 1, HTTNV 2, HTNV 0, KHTNV 1; chưa xếp loại 2.');
    // JSON and CSV carry data only
    expect((await cli(['evaluate', 'list', '--period', '2025', '--json'])).stderr).toBe('');
    const csv = await cli(['evaluate', 'list', '--period', '2025', '--csv']);
    expect(csv.stderr).toBe('');
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(7);
  });

  it('--missing lists only the people not yet rated; --unit only that unit', async () => {
    const { cli } = await rated();
    expect((await listed(cli, '2025', ['--missing'])).map((r) => r.person)).toEqual(['VC003', 'VC005']);
    expect((await listed(cli, '2025', ['--unit', 'kllcs'])).map((r) => r.person)).toEqual(['VC003', 'VC005', 'VC002', 'VC006']);
    expect((await listed(cli, '2025', ['--unit', 'PTCHC', '--missing']))).toEqual([]);
    const r = await cli(['evaluate', 'list', '--period', '2025', '--unit', 'KLLCS', '--missing']);
    expect(r.stderr).toContain('Kỳ 2025: 4 người đang công tác; HTXSNV 0, HTTNV 1, HTNV 0, KHTNV 1; chưa xếp loại 2.');
    expect((await listed(cli, '2025-Q1', ['--missing']))).toHaveLength(6);
  });

  it('refuses an unknown unit (4) and a bad period (3)', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['evaluate', 'list', '--period', '2025', '--unit', 'NOPE'])).code).toBe(4);
    expect((await cli(['evaluate', 'list', '--period', 'năm ngoái'])).code).toBe(3);
    expect((await cli(['evaluate', 'list'])).code).toBe(2);
  });
});

describe('evaluate import', () => {
  it('imports a CSV with Vietnamese headers and ratings in words (NFD, semicolons, BOM), all rows', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'xep-loai.csv', '\ufeff' + nfd([
      'BẢNG XẾP LOẠI NĂM 2025;;',
      'STT;Mã;Họ và tên;Xếp loại',
      '1;vc001;Trần Văn Thịnh;Hoàn thành xuất sắc nhiệm vụ',
      '2;VC002;nguyen thi thu thuy;httnv',
      '3;VC003;Đặng  Văn An;Hoàn thành nhiệm vụ',
    ].join('\r\n')) + '\r\n');
    const r = await cli(['evaluate', 'import', file, '--period', '2025', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file, period: '2025', rows: 3, added: 3, replaced: 0, unchanged: 0, dryRun: false });
    expect(await ratings(cli, '2025')).toEqual({ VC003: 'HTNV', VC001: 'HTXSNV', VC002: 'HTTNV' });
    const audit = await ratingAudit(cli);
    expect(audit.map((a) => a.action)).toEqual(['import', 'import', 'import']);
  });

  it('replaces ratings already there, counting added, replaced and unchanged; --dry-run writes nothing', async () => {
    const { cli, dir } = await schoolDb();
    await cli(['evaluate', 'set', 'VC001', '--period', '2025-Q3', '--rating', 'HTTNV']);
    await cli(['evaluate', 'set', 'VC002', '--period', '2025-Q3', '--rating', 'HTNV']);
    const file = await fixture(dir, 'quy3.csv', 'code,rating\nVC001,HTTNV\nVC002,HTXSNV\nVC003,KHTNV\n');
    const dry = await cli(['evaluate', 'import', file, '--period', '2025-Q3', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ file, period: '2025-Q3', rows: 3, added: 1, replaced: 1, unchanged: 1, dryRun: true });
    expect(await ratings(cli, '2025-Q3')).toEqual({ VC003: null, VC001: 'HTTNV', VC002: 'HTNV' });
    expect(await ratingAudit(cli)).toHaveLength(2);
    const real = await cli(['evaluate', 'import', file, '--period', '2025-Q3']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr).toContain('thêm 1, thay 1, giữ nguyên 1');
    expect(await ratings(cli, '2025-Q3')).toEqual({ VC003: 'KHTNV', VC001: 'HTTNV', VC002: 'HTXSNV' });
    const audit = await ratingAudit(cli);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'import', 'import-replace']);
    expect(audit.find((a) => a.action === 'import-replace')).toMatchObject({
      entityId: 'VC002@2025-Q3', before: { rating: 'HTNV' }, after: { rating: 'HTXSNV' },
    });
  });

  it('reports every bad row with its line and writes nothing', async () => {
    const { cli, dir } = await schoolDb();
    await cli(['evaluate', 'set', 'VC001', '--period', '2025', '--rating', 'HTTNV']);
    const file = await fixture(dir, 'loi.csv', [
      'Mã,Họ và tên,Xếp loại',
      'VC001,Trần Văn Thịnh,HTXSNV',
      'VC999,Ai Đó,HTTNV',
      'VC002,Nguyễn Thị Thu Thủy,giỏi',
      'VC001,Trần Văn Thịnh,HTNV',
      'VC003,Nguyễn Thị Thu Thủy,HTNV',
      'KLLCS,Khoa Lý luận cơ sở,HTNV',
      'VC002,Nguyễn Thị Thu Thủy,',
      '??,Ai,HTNV',
    ].join('\n') + '\n');
    const r = await cli(['evaluate', 'import', file, '--period', '2025']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('7 trong 8 dòng có lỗi');
    const lines = badLines(r.stderr);
    expect(lines.map(([n]) => n)).toEqual([3, 4, 5, 6, 7, 8, 8, 9]);
    expect(lines[0]![1]).toContain('VC999');
    expect(lines[1]![1]).toContain('"giỏi"');
    expect(lines[2]![1]).toContain('dòng 2');
    expect(lines[3]![1]).toContain('"Nguyễn Thị Thu Thủy" khác với Đặng Văn An');
    expect(lines[4]![1]).toContain('KLLCS là mã của một đơn vị');
    expect(lines[5]![1]).toContain('Xếp loại');
    expect(lines[6]![1]).toContain('dòng 4');
    expect(lines[7]![1]).toContain('"??"');
    expect(await ratings(cli, '2025')).toEqual({ VC003: null, VC001: 'HTTNV', VC002: null });
    expect(await ratingAudit(cli)).toHaveLength(1);
  });

  it('reads .xlsx (the row numbers Excel shows)', async () => {
    const { cli, dir } = await schoolDb();
    const file = join(dir, 'xep-loai.xlsx');
    const sheet = [
      [{ value: 'Xếp loại quý III năm 2025' }, null, null],
      [{ value: 'Mã' }, { value: 'Họ và tên' }, { value: 'Xếp loại' }],
      [{ value: 'VC001' }, { value: 'Trần Văn Thịnh' }, { value: 'Hoàn thành tốt nhiệm vụ' }],
      [{ value: 'VC003' }, { value: 'Đặng Văn An' }, { value: 'hoàn thành xuất sắc' }],
      [{ value: 'VC002' }, { value: 'Đặng Văn An' }, { value: 'HTNV' }],
    ];
    await writeXlsxFile(sheet as never).toFile(file);
    const bad = await cli(['evaluate', 'import', file, '--period', '2025-Q3']);
    expect(bad.code).toBe(3);
    expect(badLines(bad.stderr).map(([n]) => n)).toEqual([5]);
    const good = join(dir, 'xep-loai-dung.xlsx');
    await writeXlsxFile(sheet.slice(0, 4) as never).toFile(good);
    const r = await cli(['evaluate', 'import', good, '--period', '2025-Q3']);
    expect(r.code, r.stderr).toBe(0);
    expect(await ratings(cli, '2025-Q3')).toEqual({ VC003: 'HTXSNV', VC001: 'HTTNV', VC002: null });
  });

  it('refuses a period that has not started, a missing file, a missing column', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'ok.csv', 'code,rating\nVC001,HTTNV\n');
    const early = await cli(['evaluate', 'import', file, '--period', '2026']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain('từ 01/12/2026');
    expect((await cli(['evaluate', 'import', file, '--period', '2026', '--today', '2026-12-01', '--dry-run'])).code).toBe(0);
    expect((await cli(['evaluate', 'import', join(dir, 'none.csv'), '--period', '2025'])).code).toBe(4);
    const noRating = await fixture(dir, 'thieu-cot.csv', 'code,name\nVC001,Trần Văn Thịnh\n');
    const r = await cli(['evaluate', 'import', noRating, '--period', '2025']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Xếp loại');
    expect(await ratingAudit(cli)).toEqual([]);
  });
});

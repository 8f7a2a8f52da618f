/**
 * Dated reference data: the rules (legal figures, school settings) and the organisation profile,
 * and `init`, which creates the database and the first profile.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, ORG_FLAGS, run, tempDir } from '../helpers/cli.js';

interface Rule {
  key: string;
  value: string;
  validFrom: string;
  source: string;
  inForce: boolean;
}

const json = (s: string) => JSON.parse(s);
/** A profile before the school records its basis documents (`org set --competence …`). */
const NO_BASIS = { competence: null, regulation: null, plan: null, office: null, officeAbbr: null, recipients: [] };
const SALARY = 'quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang';
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('rules list', () => {
  it('shows the base salary in force on --today or --at', async () => {
    const { cli } = await freshDb();
    const salary = async (argv: string[]) => {
      const r = await cli(['rules', 'list', '--key', 'base_salary', '--json', ...argv]);
      expect(r.code, r.stderr).toBe(0);
      const rules = json(r.stdout) as Rule[];
      expect(rules).toHaveLength(1);
      return rules[0];
    };
    expect(await salary(['--today', '2026-06-30'])).toMatchObject({ value: '2340000', validFrom: '2024-07-01', inForce: true });
    expect(await salary(['--today', '2026-07-01'])).toMatchObject({ value: '2530000', validFrom: '2026-07-01' });
    expect(await salary(['--at', '2026-06-30'])).toMatchObject({ value: '2340000' });
    expect(await salary(['--at', '01/07/2026'])).toMatchObject({ value: '2530000' });
    expect(await salary(['--at', '2024-06-30'])).toMatchObject({ value: '1800000' });
    expect(await salary(['--at', '2019-07-01'])).toMatchObject({ value: '1490000' });
    // --at wins over --today.
    expect(await salary(['--today', '2026-07-01', '--at', '2026-06-30'])).toMatchObject({ value: '2340000' });
    // Before the first row nothing is in force.
    expect(json((await cli(['rules', 'list', '--key', 'base_salary', '--at', '2019-06-30', '--json'])).stdout)).toEqual([]);
    expect((await cli(['rules', 'list', '--at', '2026-02-30'])).code).toBe(3);
    const table = await cli(['rules', 'list', '--today', '2026-06-30']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('2.340.000');
    expect(table.stdout).not.toContain('2.530.000');
    const all = json((await cli(['rules', 'list', '--all', '--key', 'BASE_SALARY', '--at', '2026-06-30', '--json'])).stdout) as Rule[];
    expect(all.map((r) => [r.value, r.inForce])).toEqual([
      ['1490000', false],
      ['1800000', false],
      ['2340000', true],
      ['2530000', false],
    ]);
  });
});

describe('rules set', () => {
  it('adds a dated base salary, written the Vietnamese way', async () => {
    const { cli } = await freshDb();
    const r = await cli(['rules', 'set', 'base_salary', '2.700.000', '--from', '2027-07-01', '--source', `Nghị định số 99/2027/NĐ-CP ngày 20/5/2027 của Chính phủ ${SALARY}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({
      key: 'base_salary', value: '2700000', validFrom: '2027-07-01', source: `Nghị định số 99/2027/NĐ-CP ngày 20 tháng 5 năm 2027 của Chính phủ ${SALARY}`, inForce: false,
    });
    expect(r.stderr).toContain('01/07/2027');
    const at = async (date: string) => (json((await cli(['rules', 'list', '--key', 'base_salary', '--at', date, '--json'])).stdout) as Rule[])[0].value;
    expect(await at('2027-06-30')).toBe('2530000');
    expect(await at('2027-07-01')).toBe('2700000');
    // Older values stay for the documents of their dates.
    expect(await at('2025-12-20')).toBe('2340000');
  });

  it('reads money in the forms clerks type, and refuses what is ambiguous', async () => {
    const { cli } = await freshDb();
    const set = (value: string, from: string) => cli(['rules', 'set', 'base_salary', value, '--from', from, '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng', '--json']);
    const ok: [string, string][] = [
      ['2700000', '2700000'],
      ['2.700.000', '2700000'],
      ['2,700,000', '2700000'],
      ['2 700 000', '2700000'],
      ['2.700.000 đồng', '2700000'],
      ['2.700.000đ', '2700000'],
    ];
    let year = 2030;
    for (const [value, stored] of ok) {
      const r = await set(value, `${year++}-07-01`);
      expect(r.code, `${value}: ${r.stderr}`).toBe(0);
      expect(json(r.stdout).value, value).toBe(stored);
    }
    for (const value of ['2.700.000,50', '2,7', '27.00.000', 'hai triệu', '0', '-2700000', '']) {
      const r = await set(value, '2040-07-01');
      expect(r.code, value).toBe(3);
    }
  });

  it('refuses a bad value naming the allowed form (exit 3), and writes nothing', async () => {
    const { cli } = await freshDb();
    const money = await cli(['rules', 'set', 'base_salary', 'hai triệu', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(money.code).toBe(3);
    expect(money.stderr).toContain('hai triệu');
    expect(money.stderr).toContain('1.800.000');
    const ratio = await cli(['rules', 'set', 'ballot.threshold', '3/2', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(ratio.code).toBe(3);
    expect(ratio.stderr).toContain('2/3, 0.7, 70%');
    const rounding = await cli(['rules', 'set', 'bonus.rounding', 'sideways', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(rounding.code).toBe(3);
    expect(rounding.stderr).toContain('up, nearest, down, none');
    const date = await cli(['rules', 'set', 'base_salary', '2700000', '--from', '31/06/2027', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(date.code).toBe(3);
    expect(date.stderr).toContain('31/06/2027');
    const all = json((await cli(['rules', 'list', '--all', '--json'])).stdout) as Rule[];
    expect(all.filter((r) => r.validFrom.startsWith('2027'))).toEqual([]);
  });

  it('refuses an unknown key (exit 3) listing the known ones', async () => {
    const { cli } = await freshDb();
    const r = await cli(['rules', 'set', 'salary.base', '2700000', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('salary.base');
    expect(r.stderr).toContain('base_salary');
    const title = await cli(['rules', 'set', 'coefficient.NOPE', '0.5', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(title.code).toBe(3);
  });

  it('keeps a units\' coefficient only for titles open to people and units; a unit-only title\'s is the units\' one', async () => {
    const { cli } = await freshDb();
    for (const key of ['coefficient.TTLDTT.unit', 'coefficient.ldtt.unit']) {
      const r = await cli(['rules', 'set', key, '0.9', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
      expect(r.code, key).toBe(3);
      expect(r.stderr).toContain(`thidua rules set ${key.split('.').slice(0, 2).join('.').replace('ldtt', 'LDTT')} `);
    }
    expect((await cli(['rules', 'list', '--all', '--key', 'coefficient.TTLDTT.unit', '--json'])).stdout.trim()).toBe('[]');
    expect((await cli(['rules', 'set', 'coefficient.GK.unit', '0.9', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
    const table = (await cli(['rules', 'list'])).stdout;
    expect(table).toContain('Hệ số tiền thưởng TTLDTT (tập thể)');
    expect(table).toContain('Hệ số tiền thưởng TTLDXS (tập thể)');
    expect(table).toContain('Hệ số tiền thưởng LDTT (cá nhân)');
    expect(table).not.toContain('TTLDTT (cá nhân)');
  });

  it('refuses the same key and date twice (exit 5)', async () => {
    const { cli } = await freshDb();
    const args = ['rules', 'set', 'base_salary', '2700000', '--from', '2027-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'];
    expect((await cli(args)).code).toBe(0);
    const again = await cli(['rules', 'set', 'base_salary', '2800000', '--from', '01/07/2027', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('2700000');
    expect(again.stderr).toContain('01/07/2027');
    // The seeded row too.
    expect((await cli(['rules', 'set', 'base_salary', '2530000', '--from', '2026-07-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(5);
  });

  it('needs --source (and --from) when nobody is at the keyboard (exit 2), asks on a terminal', async () => {
    const { cli } = await freshDb();
    const noSource = await cli(['rules', 'set', 'base_salary', '2700000', '--from', '2027-07-01']);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('--source');
    const noFrom = await cli(['rules', 'set', 'base_salary', '2700000', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain('--from');
    expect((await cli(['rules', 'set', 'base_salary', '2700000', '--from', '2027-07-01', '--no-input'], { tty: true })).code).toBe(2);
    const asked = await cli(['rules', 'set', 'base_salary', '2700000'], {
      tty: true,
      answers: [
        { expect: /Áp dụng từ ngày/, answer: '01/07/2027' },
        { expect: /Căn cứ/, answer: `Nghị định số 99/2027/NĐ-CP ngày 20 tháng 5 năm 2027 của Chính phủ ${SALARY}` },
      ],
    });
    expect(asked.code, asked.stderr).toBe(0);
    const rule = (json((await cli(['rules', 'list', '--key', 'base_salary', '--at', '2027-07-01', '--json'])).stdout) as Rule[])[0];
    expect(rule).toMatchObject({ value: '2700000', validFrom: '2027-07-01', citation: { kind: 'Nghị định', number: '99/2027/NĐ-CP', date: '2027-05-20' } });
  });

  it('reads keys in any case, ratios, shares and month-day deadlines', async () => {
    const { cli } = await freshDb();
    const set = async (key: string, value: string, from = '2027-01-01') => {
      const r = await cli(['rules', 'set', key, value, '--from', from, '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng', '--json']);
      expect(r.code, `${key} ${value}: ${r.stderr}`).toBe(0);
      return json(r.stdout) as Rule;
    };
    expect(await set('coefficient.ldtt', '0,35')).toMatchObject({ key: 'coefficient.LDTT', value: '0.35' });
    expect(await set('Coefficient.gk.UNIT', '0.7')).toMatchObject({ key: 'coefficient.GK.unit', value: '0.7' });
    expect(await set('coefficient.ĐHTT', '0.4')).toMatchObject({ key: 'coefficient.DHTT' });
    expect(await set('ballot.threshold.CSTDCS', '2/3')).toMatchObject({ key: 'ballot.threshold.CSTDCS', value: '2/3' });
    expect(await set('ballot.threshold.ldtt', '75%')).toMatchObject({ key: 'ballot.threshold.LDTT', value: '0.75' });
    expect(await set('ballot.base.cstdcs', 'MEMBERS')).toMatchObject({ key: 'ballot.base.CSTDCS', value: 'members' });
    expect(await set('deadline.province', '31/01')).toMatchObject({ key: 'deadline.province', value: '01-31' });
    expect(await set('deadline.province', '02-15', '2028-01-01')).toMatchObject({ value: '02-15' });
    expect(await set('BONUS.ROUNDING', 'nearest')).toMatchObject({ key: 'bonus.rounding', value: 'nearest' });
    const inForce = Object.fromEntries((json((await cli(['rules', 'list', '--at', '2027-06-01', '--json'])).stdout) as Rule[]).map((r) => [r.key, r.value]));
    expect(inForce).toMatchObject({
      'coefficient.LDTT': '0.35',
      'ballot.threshold.CSTDCS': '2/3',
      'deadline.province': '01-31',
      'ballot.threshold': '0.7',
    });
    for (const bad of ['31/02', '01-32', '13-01', '31']) {
      const r = await cli(['rules', 'set', 'deadline.province', bad, '--from', '2029-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
      expect(r.code, bad).toBe(3);
      expect(r.stderr).toContain('01-31');
    }
  });
});

describe('init', () => {
  it('creates the database with every flag given', async () => {
    const db = join(tempDir(), 'thidua.sqlite');
    const r = await run(['--db', db, 'init', ...ORG_FLAGS, '--head-title', 'Hiệu trưởng', '--style', 'state', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Trường Chính trị tỉnh Bình Phước');
    expect(json(r.stdout)).toEqual({
      validFrom: '1900-01-01',
      name: 'TRƯỜNG CHÍNH TRỊ',
      fullName: 'Trường Chính trị tỉnh Bình Phước',
      parentBody: 'TỈNH ỦY BÌNH PHƯỚC',
      symbol: 'TCT',
      place: 'Bình Phước',
      headTitle: 'Hiệu trưởng',
      headName: 'Trần Văn Thịnh',
      style: 'state',
      ...NO_BASIS,
    });
    const shown = json((await run(['--db', db, 'org', 'show', '--json'])).stdout);
    expect(shown.current).toMatchObject({ style: 'state', symbol: 'TCT' });
    expect(shown.history).toHaveLength(1);
  });

  it('defaults the head title and the style without a terminal', async () => {
    const db = join(tempDir(), 'thidua.sqlite');
    expect((await run(['--db', db, 'init', ...ORG_FLAGS])).code).toBe(0);
    const shown = json((await run(['--db', db, 'org', 'show', '--json'])).stdout);
    expect(shown.current).toMatchObject({ headTitle: 'Hiệu trưởng', style: 'state' });
  });

  it('asks for what is missing on a terminal', async () => {
    const db = join(tempDir(), 'thidua.sqlite');
    const r = await run(['--db', db, 'init', '--name', 'TRƯỜNG CHÍNH TRỊ', '--symbol', 'tct'], {
      tty: true,
      answers: [
        { expect: /Tên đầy đủ/, answer: 'Trường Chính trị tỉnh Bình Phước' },
        { expect: /Cơ quan cấp trên/, answer: 'TỈNH ỦY BÌNH PHƯỚC' },
        { expect: /Địa danh/, answer: 'Bình Phước' },
        { expect: /Chức danh người đứng đầu/, answer: 'Hiệu trưởng' },
        { expect: /Họ và tên người đứng đầu/, answer: 'Trần Văn Thịnh' },
        { expect: /Kiểu tiêu đề/, answer: 'party' },
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    const shown = json((await run(['--db', db, 'org', 'show', '--json'])).stdout);
    expect(shown.current).toMatchObject({
      name: 'TRƯỜNG CHÍNH TRỊ',
      fullName: 'Trường Chính trị tỉnh Bình Phước',
      parentBody: 'TỈNH ỦY BÌNH PHƯỚC',
      symbol: 'TCT',
      place: 'Bình Phước',
      headName: 'Trần Văn Thịnh',
      style: 'party',
    });
  });

  it('on a terminal, checks the flags before asking and each answer as it is given', async () => {
    const dir = tempDir();
    const db = join(dir, 'thidua.sqlite');
    // A bad flag fails at once: no question is asked (the scripted terminal has no answers).
    const early = await run(['--db', db, 'init', '--style', 'bogus', '--symbol', 'T C T'], { tty: true });
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('bogus');
    expect(early.stderr).toContain('T C T');
    expect(readdirSync(dir)).toEqual([]);
    // A bad answer is refused with the reason and asked again.
    const r = await run(['--db', db, 'init', '--name', 'TRƯỜNG CHÍNH TRỊ', '--full-name', 'Trường Chính trị tỉnh Bình Phước'], {
      tty: true,
      answers: [
        { expect: /Cơ quan cấp trên/, answer: 'TỈNH ỦY BÌNH PHƯỚC' },
        { expect: /Chữ viết tắt/, answer: 'TCT/TU' },
        { expect: /Chữ viết tắt/, answer: 'tct' },
        { expect: /Địa danh/, answer: 'Bình Phước' },
        { expect: /Chức danh người đứng đầu/, answer: 'Hiệu trưởng' },
        { expect: /Họ và tên người đứng đầu/, answer: 'Trần Văn Thịnh' },
        { expect: /Kiểu tiêu đề/, answer: 'party' },
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('"TCT/TU" không hợp lệ');
    expect(json((await run(['--db', db, 'org', 'show', '--json'])).stdout).current.symbol).toBe('TCT');
  });

  it('without a terminal, fails naming every missing flag (exit 2) and creates nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'thidua.sqlite');
    const flags = ORG_FLAGS.slice(2); // all but --name
    const r = await run(['--db', db, 'init', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
    expect(existsSync(db)).toBe(false);
    const several = await run(['--db', db, 'init', '--name', 'TRƯỜNG CHÍNH TRỊ', '--symbol', 'TCT']);
    expect(several.code).toBe(2);
    for (const flag of ['--full-name', '--parent-body', '--place', '--head-name']) expect(several.stderr).toContain(flag);
    expect(several.stderr).not.toContain('--symbol');
    expect((await run(['--db', db, 'init', ...flags, '--no-input'], { tty: true })).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses bad values (exit 3) and creates nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'thidua.sqlite');
    const r = await run(['--db', db, 'init', ...ORG_FLAGS, '--style', 'royal']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('royal');
    const sym = await run(['--db', db, 'init', ...ORG_FLAGS.slice(0, 6), '--symbol', 'T/CT', ...ORG_FLAGS.slice(8)]);
    expect(sym.code).toBe(3);
    expect(sym.stderr).toContain('T/CT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an existing file (exit 5) and leaves it unchanged', async () => {
    const { db } = await freshDb();
    const before = sha(db);
    const r = await run(['--db', db, 'init', ...ORG_FLAGS.slice(0, 2), '--full-name', 'Trường khác', ...ORG_FLAGS.slice(4)]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('thidua org set');
    expect(sha(db)).toBe(before);
    // Even on a terminal, before asking anything.
    expect((await run(['--db', db, 'init'], { tty: true })).code).toBe(5);
    const other = join(tempDir(), 'notes.txt');
    writeFileSync(other, 'không phải cơ sở dữ liệu');
    expect((await run(['--db', other, 'init', ...ORG_FLAGS])).code).toBe(5);
    expect(readFileSync(other, 'utf8')).toBe('không phải cơ sở dữ liệu');
  });
});

describe('org', () => {
  it('keeps a dated identity: Bình Phước until 30 June 2025, Đồng Nai from 1 July', async () => {
    const { cli } = await freshDb();
    const set = await cli(['org', 'set', '--from', '2025-07-01', '--parent-body', 'TỈNH ỦY ĐỒNG NAI', '--full-name', 'Trường Chính trị tỉnh Đồng Nai', '--place', 'Đồng Nai', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(json(set.stdout)).toMatchObject({ validFrom: '2025-07-01', parentBody: 'TỈNH ỦY ĐỒNG NAI' });
    const at = async (date: string) => json((await cli(['org', 'show', '--at', date, '--json'])).stdout);
    const before = await at('2025-06-30');
    expect(before.current).toMatchObject({ parentBody: 'TỈNH ỦY BÌNH PHƯỚC', fullName: 'Trường Chính trị tỉnh Bình Phước', place: 'Bình Phước', validFrom: '1900-01-01' });
    const after = await at('2025-07-01');
    expect(after.current).toEqual({
      validFrom: '2025-07-01',
      name: 'TRƯỜNG CHÍNH TRỊ',
      fullName: 'Trường Chính trị tỉnh Đồng Nai',
      parentBody: 'TỈNH ỦY ĐỒNG NAI',
      symbol: 'TCT',
      place: 'Đồng Nai',
      headTitle: 'Hiệu trưởng',
      headName: 'Trần Văn Thịnh',
      style: 'state',
      ...NO_BASIS,
    });
    expect(after.history.map((p: { validFrom: string }) => p.validFrom)).toEqual(['1900-01-01', '2025-07-01']);
    // Today (2026-11-28) the newest profile is in force.
    expect(json((await cli(['org', 'show', '--json'])).stdout).current.parentBody).toBe('TỈNH ỦY ĐỒNG NAI');
    expect(json((await cli(['--today', '2025-06-30', 'org', 'show', '--json'])).stdout).current.parentBody).toBe('TỈNH ỦY BÌNH PHƯỚC');
    const table = await cli(['org', 'show']);
    expect(table.stdout).toContain('TỈNH ỦY ĐỒNG NAI');
    expect(table.stdout).toContain('TỈNH ỦY BÌNH PHƯỚC');
  });

  it('carries over the fields not given', async () => {
    const { cli } = await freshDb();
    expect((await cli(['org', 'set', '--from', '2025-07-01', '--parent-body', 'TỈNH ỦY ĐỒNG NAI'])).code).toBe(0);
    expect((await cli(['org', 'set', '--from', '01/01/2026', '--head-name', 'Nguyễn Văn Mới', '--style', 'state'])).code).toBe(0);
    const now = json((await cli(['org', 'show', '--at', '2026-01-01', '--json'])).stdout).current;
    expect(now).toMatchObject({ parentBody: 'TỈNH ỦY ĐỒNG NAI', headName: 'Nguyễn Văn Mới', style: 'state', fullName: 'Trường Chính trị tỉnh Bình Phước', symbol: 'TCT' });
    const mid = json((await cli(['org', 'show', '--at', '2025-12-31', '--json'])).stdout).current;
    expect(mid).toMatchObject({ parentBody: 'TỈNH ỦY ĐỒNG NAI', headName: 'Trần Văn Thịnh', style: 'state' });
  });

  it('refuses the same date twice (exit 5), a bad style (exit 3), nothing to set (exit 3)', async () => {
    const { cli } = await freshDb();
    expect((await cli(['org', 'set', '--from', '2025-07-01', '--parent-body', 'TỈNH ỦY ĐỒNG NAI'])).code).toBe(0);
    const twice = await cli(['org', 'set', '--from', '01/07/2025', '--place', 'Đồng Nai']);
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('01/07/2025');
    const style = await cli(['org', 'set', '--from', '2025-08-01', '--style', 'royal']);
    expect(style.code).toBe(3);
    expect(style.stderr).toContain('royal');
    expect(style.stderr).toMatch(/party/);
    expect((await cli(['org', 'set', '--from', '2025-08-01'])).code).toBe(3);
    expect((await cli(['org', 'set', '--from', '2025-02-30', '--place', 'X'])).code).toBe(3);
    expect((await cli(['org', 'set', '--place', 'X'])).code).toBe(2);
    const history = json((await cli(['org', 'show', '--json'])).stdout).history;
    expect(history.map((p: { validFrom: string }) => p.validFrom)).toEqual(['1900-01-01', '2025-07-01']);
  });
});

describe('initiative review rules', () => {
  it('refuses a pass mark above the maximum score in force, either way round (exit 3)', async () => {
    const { cli } = await freshDb();
    const high = await cli(['rules', 'set', 'review.pass_mark', '11', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(high.code).toBe(3);
    expect(high.stderr).toContain('10');
    const lowMax = await cli(['rules', 'set', 'review.score_max', '4', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect(lowMax.code).toBe(3);
    expect((await cli(['rules', 'set', 'review.score_max', '100', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
    expect((await cli(['rules', 'set', 'review.pass_mark', '50', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'])).code).toBe(0);
  });
});

/**
 * `thidua person import`: the staff list a clerk brings from Excel (CLI.md "Import files",
 * DOMAIN.md "Names and text"), driven through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { schoolDb, type RunOptions, type RunResult } from '../helpers/cli.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

interface ListedPerson {
  code: string;
  name: string;
  unit: string;
  category: string;
  position: string | null;
  partyMember: boolean;
  active: boolean;
}

const nfd = (s: string) => s.normalize('NFD');
const isNfc = (s: string) => s === s.normalize('NFC');

async function fixture(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

async function people(cli: Cli): Promise<ListedPerson[]> {
  const r = await cli(['person', 'list', '--all', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

async function show(cli: Cli, code: string) {
  const r = await cli(['person', 'show', code, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    person: ListedPerson & { gender: string | null; born: string | null; unitName: string };
    history: { action: string }[];
  };
}

async function auditRows(cli: Cli): Promise<unknown[]> {
  const r = await cli(['audit', 'list', '--json', '--entity', 'person', '--limit', '100000']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** What the database holds about people: to check that a refused import wrote nothing. */
async function snapshot(cli: Cli) {
  return { people: await people(cli), audit: await auditRows(cli) };
}

/** The "dòng N: …" lines of an error, as [N, text]. */
function badLines(stderr: string): [number, string][] {
  return [...stderr.matchAll(/^\s+dòng (\d+): (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]);
}

const EXCEL_HEADER = ['MÃ', 'Họ Và Tên', 'Loại', 'Đơn vị', 'Chức vụ', 'Đảng viên', 'Giới tính', 'Ngày sinh'];

describe('person import: a CSV saved by Excel', () => {
  const rows = [
    ['vc101', '  Nguyễn   Văn  Đức ', 'Lãnh đạo', 'kllcs', 'Trưởng khoa', 'x', 'Nam', '05/09/1980'],
    ['VC102', 'Lê Thị Ánh Tuyết', 'Viên chức', 'PTCHC', '', '', 'Nữ', '29/02/1988'],
    ['VC103', '\tHồ  Thị Thu Hà', 'lanh dao', 'PTCHC', 'Phó Trưởng phòng', 'X', 'nữ', '1/2/1975'],
    ['VC104', 'Đinh Công Tráng', 'viên chức', 'KLLCS', '', '', '', ''],
  ];
  const expected = {
    VC101: { name: 'Nguyễn Văn Đức', unit: 'KLLCS', category: 'leader', position: 'Trưởng khoa', partyMember: true, gender: 'nam', born: '1980-09-05' },
    VC102: { name: 'Lê Thị Ánh Tuyết', unit: 'PTCHC', category: 'staff', position: null, partyMember: false, gender: 'nữ', born: '1988-02-29' },
    VC103: { name: 'Hồ Thị Thu Hà', unit: 'PTCHC', category: 'leader', position: 'Phó Trưởng phòng', partyMember: true, gender: 'nữ', born: '1975-02-01' },
    VC104: { name: 'Đinh Công Tráng', unit: 'KLLCS', category: 'staff', position: null, partyMember: false, gender: null, born: null },
  } as const;

  async function check(cli: Cli) {
    const list = await people(cli);
    expect(list).toHaveLength(7);
    for (const [code, want] of Object.entries(expected)) {
      const { person, history } = await show(cli, code);
      expect(person).toMatchObject({ code, ...want, active: true });
      for (const v of Object.values(person)) if (typeof v === 'string') expect(isNfc(v), v).toBe(true);
      expect(history.map((h) => h.action)).toEqual(['import']);
      const listed = list.find((p) => p.code === code)!;
      expect(listed.name).toBe(want.name.normalize('NFC'));
    }
    // Sorted the Vietnamese way by given name: An, Đức, Hà, Thịnh, Thủy, Tráng, Tuyết.
    expect(list.map((p) => p.code)).toEqual(['VC003', 'VC101', 'VC103', 'VC001', 'VC002', 'VC104', 'VC102']);
  }

  it('reads a BOM, CRLF, NFD text, headers in any order and case, and a title row above', async () => {
    const { cli, dir } = await schoolDb();
    const text =
      '\ufeff' +
      nfd(
        [
          'DANH SÁCH CÁN BỘ VIÊN CHỨC NĂM 2026,,,,,,,',
          ',,,,,,,',
          EXCEL_HEADER.join(','),
          ...rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')),
        ].join('\r\n') + '\r\n',
      );
    const file = await fixture(dir, 'danh-sach.csv', text);
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Đã nhập');
    expect(r.stderr).toContain('thêm 4, cập nhật 0, giữ nguyên 0');
    await check(cli);
    expect(await auditRows(cli)).toHaveLength(3 + 4);
  });

  it('reads the semicolon-separated variant (Excel in a Vietnamese locale)', async () => {
    const { cli, dir } = await schoolDb();
    const text =
      '\ufeff' +
      nfd(
        [
          'Trường Chính trị tỉnh Bình Phước;;;;;;;',
          'Danh sách cán bộ, viên chức;;;;;;;',
          EXCEL_HEADER.join(';'),
          ...rows.map((r) => r.join(';')),
        ].join('\r\n') + '\r\n',
      );
    const file = await fixture(dir, 'danh-sach-cham-phay.CSV', text);
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('thêm 4, cập nhật 0, giữ nguyên 0');
    await check(cli);
  });

  it('counts lines in a file saved with old Mac line ends (CR only)', async () => {
    const { cli, dir } = await schoolDb();
    const text = ['Mã,Họ và tên,Đơn vị,Loại', 'VC201,Mai Lan,KLLCS,staff', 'VC202,Mai Hoa,NOWHERE,staff'].join('\r');
    const file = await fixture(dir, 'mac.csv', text);
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(badLines(r.stderr).map(([n]) => n)).toEqual([3]);
  });

  it('accepts English headers', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(
      dir,
      'staff.csv',
      [
        'code,name,unit,category,position,partyMember,gender,born',
        'VC301,Phan Văn Khải,KLLCS,leader,Dean,yes,male,1970-03-15',
        'VC302,Võ Thị Sáu,PTCHC,staff,,no,female,',
        'VC303,"Trương Vĩnh Ký, Jr",PTCHC,staff,"Clerk, part-time",1,,02/01/1999',
      ].join('\n') + '\n',
    );
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('thêm 3');
    expect((await show(cli, 'VC301')).person).toMatchObject({
      name: 'Phan Văn Khải', unit: 'KLLCS', category: 'leader', position: 'Dean', partyMember: true, gender: 'nam', born: '1970-03-15',
    });
    expect((await show(cli, 'VC302')).person).toMatchObject({ category: 'staff', partyMember: false, gender: 'nữ', born: null, position: null });
    expect((await show(cli, 'VC303')).person).toMatchObject({ name: 'Trương Vĩnh Ký, Jr', position: 'Clerk, part-time', partyMember: true, born: '1999-01-02' });
  });
});

describe('person import: the shape of a real staff list', () => {
  it('reads a form-style header: hints in brackets, a row of column numbers, STT pre-filled, a footer', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(
      dir,
      'bieu-mau.csv',
      '\ufeff' +
        [
          'BIỂU MẪU DANH SÁCH;;;;;;;',
          'STT;Mã (*);Họ và tên (*);Ngày, tháng, năm sinh (dd/mm/yyyy);Đơn vị công tác;Đối tượng [Lãnh đạo/Viên chức];Đảng viên (x);Ghi chú',
          '(1);(2);(3);(4);(5);(6);(7);(8)',
          '1;VC111;Phạm Ngọc Thạch;10/05/1979;Khoa Lý luận cơ sở;Viên chức;x;',
          '2;VC112;Tôn Thất Tùng;;ptchc;Lãnh đạo;;chuyển đến 2026',
          '3;;;;;;;',
          '4;;;;;;;',
          ';;;;;;;Người lập biểu',
        ].join('\r\n') + '\r\n',
    );
    const r = await cli(['person', 'import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, added: 2 });
    expect((await show(cli, 'VC111')).person).toMatchObject({ unit: 'KLLCS', born: '1979-05-10', partyMember: true, category: 'staff' });
    expect((await show(cli, 'VC112')).person).toMatchObject({ unit: 'PTCHC', born: null, partyMember: false, category: 'leader' });
  });

  it('leaves out the signature block under the list, even when it sits under the known columns', async () => {
    const { cli, dir } = await schoolDb();
    const header = 'STT,Mã CB,Họ và tên,Ngày sinh,Đơn vị công tác,Chức vụ,Đối tượng';
    const people = ['1,VC131,Hoàng Văn Thụ,05/09/1985,KLLCS,Giảng viên,Viên chức', '2,VC132,Võ Thị Sáu,,PTCHC,Hiệu trưởng,Lãnh đạo'];
    const footer = [
      ',,,,,"Bình Phước, ngày 05 tháng 01 năm 2026",',
      ',NGƯỜI LẬP BIỂU,,,,KT. HIỆU TRƯỞNG,',
      ',,,,,PHÓ HIỆU TRƯỞNG,',
      ',"(Ký, ghi rõ họ tên)",,,,,',
      ',Lý Thị Bích Trâm,,,,Trần Văn Thịnh,',
    ];
    const file = await fixture(dir, 'co-chu-ky.csv', '\ufeff' + nfd([header, ...people, '', ...footer].join('\r\n')) + '\r\n');
    const r = await cli(['person', 'import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, added: 2 });
    expect((await show(cli, 'VC132')).person).toMatchObject({ position: 'Hiệu trưởng', category: 'leader' });

    // A person's row below what looks like a footer keeps every row in: nothing is dropped unseen.
    const after = await fixture(dir, 'sau-chu-ky.csv', [header, '1,VC134,Hoàng Văn Thái,,KLLCS,,Viên chức', footer[0], '3,VC133,Lê Văn Tám,,KXYZ,,Viên chức', ',,Trần Phú,,,Hiệu trưởng,'].join('\n'));
    const bad = await cli(['person', 'import', after]);
    expect(bad.code).toBe(3);
    // (an empty category is taken from the position, so those rows miss one error less)
    expect(badLines(bad.stderr).map(([line]) => line)).toEqual([3, 3, 3, 4, 5, 5]);
  });

  it('accepts a unit written by its name, and still refuses a name that is no unit', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(
      dir,
      'ten-don-vi.csv',
      nfd('Mã,Họ và tên,Đơn vị,Loại\nVC121,Tạ Quang Bửu,khoa ly luan co so,staff\nVC122,Trần Đại Nghĩa,Phòng Đào tạo,staff\n'),
    );
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(badLines(r.stderr)).toEqual([[3, expect.stringContaining('Phòng Đào tạo')]]);
    const ok = await fixture(dir, 'ten-don-vi-dung.csv', nfd('Mã,Họ và tên,Đơn vị,Loại\nVC121,Tạ Quang Bửu,Khoa Lý luận cơ sở,staff\n'));
    expect((await cli(['person', 'import', ok])).code).toBe(0);
    expect((await show(cli, 'VC121')).person.unit).toBe('KLLCS');
  });

  it('matches a unit name typed with a hyphen or comma for its dash, and says when a name names no unit', async () => {
    const { cli, dir } = await schoolDb();
    // The unit is "Phòng Tổ chức – Hành chính" (en dash); Excel users type a hyphen.
    const file = await fixture(
      dir,
      'gach-noi.csv',
      'Mã,Họ và tên,Đơn vị,Loại\nVC141,Lê Quý Đôn,Phòng Tổ chức - Hành chính,staff\nVC142,Ngô Sĩ Liên,"Phòng Tổ chức-Hành chính",staff\n' +
        'VC143,Phan Huy Chú,Phòng Hành chính,staff\n',
    );
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(badLines(r.stderr)).toEqual([[4, 'không có đơn vị nào có mã hoặc tên "Phòng Hành chính". Ghi mã đơn vị (xem: thidua unit list) hoặc tên đúng như trong danh sách đơn vị.']]);
    const ok = await fixture(dir, 'gach-noi-dung.csv', 'Mã,Họ và tên,Đơn vị,Loại\nVC141,Lê Quý Đôn,Phòng Tổ chức - Hành chính,staff\nVC142,Ngô Sĩ Liên,"Phòng Tổ chức-Hành chính",staff\n');
    expect((await cli(['person', 'import', ok])).code).toBe(0);
    expect((await show(cli, 'VC141')).person.unit).toBe('PTCHC');
    expect((await show(cli, 'VC142')).person.unit).toBe('PTCHC');
  });
});

describe('person import: bad rows', () => {
  it('reports every bad row with its line, counts lines across a multi-line cell, and writes nothing', async () => {
    const { cli, dir } = await schoolDb();
    const before = await snapshot(cli);
    const lines = [
      /* 1 */ 'Mã,Họ và tên,Đơn vị,Loại,Chức vụ,Ngày sinh',
      /* 2 */ 'VC401,Ngô Bảo Châu,KLLCS,staff,,',
      /* 3 */ 'VC402,Trịnh Công Sơn,KXDD,staff,,', // unknown unit
      /* 4-5 */ 'VC403,Lý Thường Kiệt,KLLCS,leader,"Trưởng khoa\r\nkiêm Bí thư chi bộ",', // good, two lines
      /* 6 */ 'VC404,Hàn Mặc Tử,PTCHC,staff,,',
      /* 7 */ 'vc404,Xuân Diệu,PTCHC,staff,,', // duplicate of line 6
      /* 8 */ 'VC002,Nguyễn Thị Thu Thủy,KLLCS,staff,,', // already a person
      /* 9 */ 'VC405,Tố Hữu,KLLCS,staff,,31/02/1990', // impossible date
      /* 10 */ 'VC406,   ,KLLCS,staff,,', // empty name
      /* 11 */ 'VC407,Huy Cận,KLLCS,boss,,', // bad category
      /* 12 */ 'KLLCS,Chế Lan Viên,KLLCS,staff,,', // a unit's code
      /* 13 */ 'VC408,Nam Cao,VC001,staff,,', // a person's code as unit
      /* 14 */ 'VC409,Vũ Trọng Phụng,PTCHC,staff,,',
    ];
    const file = await fixture(dir, 'loi.csv', lines.join('\r\n') + '\r\n');
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Không nhập gì');
    expect(r.stderr).toContain('8 trong 12 dòng có lỗi');
    const bad = badLines(r.stderr);
    expect(bad.map(([n]) => n)).toEqual([3, 7, 8, 9, 10, 11, 12, 13]);
    const at = (n: number) => bad.filter(([l]) => l === n).map(([, t]) => t).join(' | ');
    expect(at(3)).toContain('KXDD');
    expect(at(7)).toMatch(/VC404.*dòng 6/);
    expect(at(8)).toContain('VC002');
    expect(at(8)).toContain('--update');
    expect(at(9)).toContain('31/02/1990');
    expect(at(10)).toContain('Họ và tên');
    expect(at(11)).toContain('boss');
    expect(at(11)).toContain('leader');
    expect(at(12)).toContain('KLLCS');
    expect(at(12)).toMatch(/đơn vị/);
    expect(at(13)).toContain('VC001');
    expect(await snapshot(cli)).toEqual(before);
  });

  it('says "N in M" with the bad-line count when a line has several problems', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'nhieu-loi.csv', 'Mã,Họ và tên,Đơn vị,Loại,Ngày sinh\nVC501,,NOPE,boss,30/02/1990\nVC502,An,KLLCS,staff,\n');
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 trong 2 dòng có lỗi');
    const bad = badLines(r.stderr);
    expect(bad.map(([n]) => n)).toEqual([2, 2, 2, 2]);
    const text = bad.map(([, t]) => t).join('\n');
    for (const s of ['Họ và tên', 'NOPE', 'boss', '30/02/1990']) expect(text).toContain(s);
    expect((await people(cli)).map((p) => p.code)).not.toContain('VC502');
  });

  it('speaks English with --lang en', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'bad.csv', 'code,name,unit,category\nVC601,An,NOPE,staff\n');
    const r = await cli(['--lang', 'en', 'person', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 2: .*NOPE/);
  });
});

describe('person import: --dry-run and --update', () => {
  const header = 'Mã,Họ và tên,Đơn vị,Loại,Chức vụ,Đảng viên';

  it('--dry-run checks everything, reports what would happen and writes nothing', async () => {
    const { cli, dir } = await schoolDb();
    const before = await snapshot(cli);
    const file = await fixture(dir, 'thu.csv', [header, 'VC701,Đoàn Thị Điểm,KLLCS,staff,,', 'VC702,Bà Huyện Thanh Quan,PTCHC,staff,,x'].join('\n'));
    const r = await cli(['person', 'import', file, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 dòng đều hợp lệ');
    expect(r.stderr).toContain('sẽ thêm 2');
    expect(r.stderr).toContain('--dry-run');
    expect(await snapshot(cli)).toEqual(before);

    const bad = await fixture(dir, 'thu-loi.csv', [header, 'VC701,Đoàn Thị Điểm,NOPE,staff,,'].join('\n'));
    const rb = await cli(['person', 'import', bad, '--dry-run']);
    expect(rb.code).toBe(3);
    expect(badLines(rb.stderr).map(([n]) => n)).toEqual([2]);
  });

  it('refuses an existing code without --update; with it updates, and reports unchanged people', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(
      dir,
      'cap-nhat.csv',
      [
        header,
        'VC001,Trần Văn Thịnh,PTCHC,leader,Hiệu trưởng,', // exactly as stored
        'VC002,Nguyễn Thị Thu Thủy,PTCHC,leader,Trưởng phòng,x', // moved and promoted
        'VC801,Đào Duy Từ,KLLCS,staff,,', // new
      ].join('\r\n'),
    );
    const before = await snapshot(cli);
    const refused = await cli(['person', 'import', file]);
    expect(refused.code).toBe(3);
    expect(badLines(refused.stderr).map(([n]) => n)).toEqual([2, 3]);
    expect(refused.stderr).toContain('--update');
    expect(await snapshot(cli)).toEqual(before);

    const dry = await cli(['person', 'import', file, '--update', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ file, rows: 3, added: 1, updated: 1, unchanged: 1, dryRun: true, inferred: 0, inferredLeaders: 0, codes: [] });
    expect(dry.stderr).toContain('sẽ thêm 1, cập nhật 1, giữ nguyên 1)');
    expect(await snapshot(cli)).toEqual(before);

    const r = await cli(['person', 'import', file, '--update']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('thêm 1, cập nhật 1, giữ nguyên 1');
    expect((await show(cli, 'VC002')).person).toMatchObject({ unit: 'PTCHC', category: 'leader', position: 'Trưởng phòng', partyMember: true });
    expect((await show(cli, 'VC002')).history.map((h) => h.action)).toEqual(['create', 'import-update']);
    expect((await show(cli, 'VC001')).history.map((h) => h.action)).toEqual(['create']);
    expect((await show(cli, 'VC801')).history.map((h) => h.action)).toEqual(['import']);
    expect(await auditRows(cli)).toHaveLength(before.audit.length + 2);

    // Run again: nothing changes.
    const again = await cli(['person', 'import', file, '--update', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 3, rows: 3 });
    expect(await auditRows(cli)).toHaveLength(before.audit.length + 2);
  });

  it('--update leaves alone what the file has no column for', async () => {
    const { cli, dir } = await schoolDb();
    expect((await cli(['person', 'edit', 'VC003', '--born', '1985-09-05', '--gender', 'nam', '--position', 'Giảng viên chính'])).code).toBe(0);
    // Only the required columns: VC003 moves unit; birth date, gender, position and party stay.
    const file = await fixture(dir, 'chuyen.csv', 'Mã,Họ và tên,Đơn vị,Loại\nVC003,Đặng Văn An,PTCHC,staff\n');
    const r = await cli(['person', 'import', file, '--update', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await show(cli, 'VC003')).person).toMatchObject({
      unit: 'PTCHC', born: '1985-09-05', gender: 'nam', position: 'Giảng viên chính', partyMember: true,
    });
    // A column that is there but empty does clear the field.
    const cleared = await fixture(dir, 'xoa.csv', 'Mã,Họ và tên,Đơn vị,Loại,Chức vụ\nVC003,Đặng Văn An,PTCHC,staff,\n');
    expect((await cli(['person', 'import', cleared, '--update'])).code).toBe(0);
    expect((await show(cli, 'VC003')).person).toMatchObject({ position: null, born: '1985-09-05', partyMember: true });
  });

  it('--update still refuses a code that belongs to a unit', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'u.csv', [header, 'PTCHC,Ai Đó,PTCHC,staff,,'].join('\n'));
    const r = await cli(['person', 'import', file, '--update']);
    expect(r.code).toBe(3);
    expect(badLines(r.stderr)).toEqual([[2, expect.stringContaining('PTCHC')]]);
  });
});

describe('person import: .xlsx', () => {
  it('finds the header on row 3, reads real date cells, and names the Excel row of a bad one', async () => {
    const { cli, dir } = await schoolDb();
    const file = join(dir, 'danh-sach.xlsx');
    const date = (y: number, m: number, d: number) => ({ value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'dd/mm/yyyy' });
    const sheet = [
      [{ value: 'DANH SÁCH VIÊN CHỨC NĂM 2026', type: String }],
      [{ value: 'Trường Chính trị tỉnh Bình Phước', type: String }],
      ['STT', 'MÃ', 'Họ Và Tên', 'Đơn vị', 'Loại', 'Đảng viên', 'Ngày sinh'].map((v) => ({ value: nfd(v), type: String })),
      [1, 'VC901', nfd(' Lương  Thế Vinh '), 'KLLCS', 'Lãnh đạo', 'x', date(1982, 12, 31)],
      [2, 'VC902', 'Mạc Đĩnh Chi', 'PTCHC', 'Viên chức', null, date(1990, 1, 1)],
      [null, null, null, null, null, null, null],
      [3, 'VC903', 'Chu Văn An', 'KHONGCO', 'Viên chức', null, null],
    ].map((row) => row.map((c) => (c === null || typeof c === 'object' ? c : { value: c, type: typeof c === 'number' ? Number : String })));
    await writeXlsxFile(sheet as never).toFile(file);

    const before = await snapshot(cli);
    const bad = await cli(['person', 'import', file]);
    expect(bad.code).toBe(3);
    expect(badLines(bad.stderr)).toEqual([[7, expect.stringContaining('KHONGCO')]]);
    expect(await snapshot(cli)).toEqual(before);

    const good = join(dir, 'danh-sach-dung.xlsx');
    await writeXlsxFile(sheet.slice(0, 5) as never).toFile(good);
    const r = await cli(['person', 'import', good]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('thêm 2');
    expect((await show(cli, 'VC901')).person).toMatchObject({ name: 'Lương Thế Vinh', category: 'leader', partyMember: true, born: '1982-12-31' });
    expect((await show(cli, 'VC902')).person).toMatchObject({ name: 'Mạc Đĩnh Chi', category: 'staff', partyMember: false, born: '1990-01-01' });
    expect(isNfc((await show(cli, 'VC901')).person.name)).toBe(true);
  });
});

describe('person import: files it cannot read', () => {
  it('refuses a file that is not UTF-8 with the "CSV UTF-8" advice', async () => {
    const { cli, dir } = await schoolDb();
    // "Mã,Họ và tên,…" as Windows-1252 can hold it: ã = 0xE3, ç = 0xE7.
    const bytes = Buffer.from('M\xe3,H\xe7 v\xe0 t\xean,\xd0on vi,Loai\r\nVC010,Fran\xe7ois,KLLCS,staff\r\n', 'latin1');
    const file = await fixture(dir, 'ansi.csv', bytes);
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('CSV UTF-8');
    expect(r.stderr).toContain('UTF-8');
  });

  it('exit 4 for a missing file, 3 for a .txt', async () => {
    const { cli, dir } = await schoolDb();
    const missing = await cli(['person', 'import', join(dir, 'khong-co.csv')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('khong-co.csv');
    const txt = await fixture(dir, 'danh-sach.txt', 'code,name,unit,category\nVC010,An,KLLCS,staff\n');
    const r = await cli(['person', 'import', txt]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('.csv');
    expect(r.stderr).toContain('.xlsx');
  });

  it('exit 3, not a crash, for a folder named like a file', async () => {
    const { cli, dir } = await schoolDb();
    const folder = join(dir, 'thu-muc.csv');
    await mkdir(folder);
    const r = await cli(['person', 'import', folder]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('thu-muc.csv');
  });

  it('names a missing required column', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'thieu.csv', '\ufeffMã;Họ và tên;Loại;Chức vụ\r\nVC010;An;staff;\r\n');
    const r = await cli(['person', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Đơn vị');
    const empty = await fixture(dir, 'rong.csv', '\ufeffMã,Họ và tên,Đơn vị,Loại\r\n,,,\r\n');
    const re = await cli(['person', 'import', empty]);
    expect(re.code).toBe(3);
    expect(re.stderr).toContain('không có dòng dữ liệu');
  });
});

describe('person import: --json and a large file', () => {
  it('prints the result as JSON', async () => {
    const { cli, dir } = await schoolDb();
    const file = await fixture(dir, 'j.csv', 'code,name,unit,category\nVC020,An,KLLCS,staff\nVC021,Bình,PTCHC,leader\n');
    const r = await cli(['person', 'import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file, rows: 2, added: 2, updated: 0, unchanged: 0, dryRun: false, inferred: 0, inferredLeaders: 0, codes: [] });
    const q = await cli(['person', 'import', file, '--update', '--json', '--quiet']);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stderr).toBe('');
    expect(JSON.parse(q.stdout)).toEqual({ file, rows: 2, added: 0, updated: 0, unchanged: 2, dryRun: false, inferred: 0, inferredLeaders: 0, codes: [] });
  });

  it('imports 2,000 rows in one go, well under 20 s', async () => {
    const { cli, dir } = await schoolDb();
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
    const middle = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh', 'Thanh'];
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Quân', 'Thủy'];
    const lines = ['\ufeffMã;Họ và tên;Đơn vị;Loại;Chức vụ;Đảng viên;Giới tính;Ngày sinh'];
    for (let i = 0; i < 2000; i++) {
      const name = nfd(`${family[i % family.length]} ${middle[i % middle.length]} ${given[i % given.length]}`);
      const born = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1960 + (i % 40)}`;
      lines.push(`NV${String(i).padStart(4, '0')};${name};${i % 2 ? 'KLLCS' : 'PTCHC'};${i % 10 ? 'Viên chức' : 'Lãnh đạo'};;${i % 3 ? '' : 'x'};${i % 2 ? 'Nam' : 'Nữ'};${born}`);
    }
    const file = await fixture(dir, 'lon.csv', lines.join('\r\n') + '\r\n');
    const auditBefore = (await auditRows(cli)).length;
    const started = performance.now();
    const r = await cli(['person', 'import', file, '--json']);
    const seconds = (performance.now() - started) / 1000;
    console.log(`person import: 2,000 rows in ${seconds.toFixed(2)} s`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2000, added: 2000 });
    expect(seconds).toBeLessThan(10);
    expect(await people(cli)).toHaveLength(2003);
    expect(await auditRows(cli)).toHaveLength(auditBefore + 2000);
    expect((await show(cli, 'NV1999')).person).toMatchObject({ unit: 'KLLCS', category: 'staff', born: '1999-08-12' });

    // One bad row at the end: still all or nothing.
    const { cli: cli2, dir: dir2 } = await schoolDb();
    const bad = await fixture(dir2, 'lon-loi.csv', [...lines, 'NV2000;X;NOPE;staff'].join('\r\n'));
    const before = await snapshot(cli2);
    const rb = await cli2(['person', 'import', bad]);
    expect(rb.code).toBe(3);
    expect(badLines(rb.stderr)).toEqual([[2002, expect.stringContaining('NOPE')]]);
    expect(await snapshot(cli2)).toEqual(before);
  });
});

describe('staff lists as offices keep them', () => {
  it('joins "Họ và tên đệm" + "Tên", takes the category from the position, reads a Party joining date as yes', async () => {
    const { cli, dir } = await schoolDb();
    const file = join(dir, 'ds-tach-ten.csv');
    await writeFile(
      file,
      '\uFEFF' +
        [
          'STT;Mã CB;Họ và tên đệm;Tên;Đơn vị;Chức vụ;Đảng viên',
          '1;GV01;Nguyễn Thị;Hoa;KLLCS;Phó Trưởng khoa;12/03/2010',
          '2;GV02;Trần Văn;Bình;KLLCS;Giảng viên;',
          '3;GV03;Lê;Minh;PTCHC;Trưởng phòng;x',
        ].join('\r\n'),
    );
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('3 người');
    expect(r.stderr).toContain('2 lãnh đạo');
    const people = JSON.parse((await cli(['person', 'list', '--json'])).stdout) as { code: string; name: string; category: string; partyMember: boolean }[];
    const by = (c: string) => people.find((p) => p.code === c)!;
    expect(by('GV01')).toMatchObject({ name: 'Nguyễn Thị Hoa', category: 'leader', partyMember: true });
    expect(by('GV02')).toMatchObject({ name: 'Trần Văn Bình', category: 'staff', partyMember: false });
    expect(by('GV03')).toMatchObject({ name: 'Lê Minh', category: 'leader', partyMember: true });
  });

  it('refuses a list with neither a category nor a position column, and one with no name column (exit 3)', async () => {
    const { cli, dir } = await schoolDb();
    const noCat = join(dir, 'no-cat.csv');
    await writeFile(noCat, 'Mã,Họ và tên,Đơn vị\nGV09,Ngô Văn Tâm,KLLCS\n');
    const a = await cli(['person', 'import', noCat]);
    expect(a.code).toBe(3);
    expect(a.stderr).toContain('Chức vụ');
    const noName = join(dir, 'no-name.csv');
    await writeFile(noName, 'Mã,Đơn vị,Loại\nGV09,KLLCS,Viên chức\n');
    const b = await cli(['person', 'import', noName]);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain('Họ và tên');
  });
});

describe('person import: a staff list as offices keep it, with no code column (issue 15)', () => {
  /** STT, Họ và tên, Chức vụ, Đơn vị (names, as typed), Ngày sinh: no Mã, no Loại. */
  const LIST = [
    'STT,Họ và tên,Chức vụ,Đơn vị,Ngày sinh',
    '1,Trần Văn Thịnh,Hiệu trưởng,Phòng Tổ chức - Hành chính,',
    '2,Lê Thị Mai,Trưởng khoa,Khoa Lý luận cơ sở,12/05/1978',
    '3,Phan Văn Hùng,Giảng viên,KLLCS,03/11/1990',
    '4,Đỗ Thị Hạnh,Chuyên viên,Phòng Tổ chức – Hành chính,21/02/1995',
  ].join('\n');

  it('gives codes to new people after the highest in use, zero-padded; matches people already here; a second import adds nobody', async () => {
    const { cli, dir } = await schoolDb();
    await cli(['person', 'add', 'CB007', '--name', 'Ngô Văn Bảy', '--unit', 'KLLCS', '--category', 'staff']);
    await cli(['person', 'add', 'CB012', '--name', 'Vũ Thị Mười Hai', '--unit', 'KLLCS', '--category', 'staff']);
    const f = await fixture(dir, 'danh-sach.csv', LIST);
    const r = await cli(['person', 'import', f, '--code-prefix', 'cb']);
    expect(r.code, r.stderr).toBe(0);
    // Trần Văn Thịnh (no date of birth on either side) is VC001 already: kept, not added.
    expect(r.stderr).toContain('thêm 3, cập nhật 0, giữ nguyên 1');
    expect(r.stderr).toContain('Mã đã cấp cho 3 người mới');
    expect(r.stdout).toMatch(/3\s.*CB013.*Lê Thị Mai.*KLLCS/);
    expect(r.stdout).toMatch(/5\s.*CB015.*Đỗ Thị Hạnh.*PTCHC/);
    const listed = await people(cli);
    const added = Object.fromEntries(listed.filter((p) => ['CB013', 'CB014', 'CB015'].includes(p.code)).map((p) => [p.code, [p.name, p.unit, p.category]]));
    expect(added).toEqual({
      CB013: ['Lê Thị Mai', 'KLLCS', 'leader'],
      CB014: ['Phan Văn Hùng', 'KLLCS', 'staff'],
      CB015: ['Đỗ Thị Hạnh', 'PTCHC', 'staff'],
    });
    expect((await show(cli, 'CB013')).person.born).toBe('1978-05-12');
    // The same list again: everyone is found by name and date of birth.
    const again = await cli(['person', 'import', f, '--code-prefix', 'CB', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, unchanged: 4, codes: [] });
    expect((await people(cli)).length).toBe(listed.length);
  });

  it('prints the codes in --json, and a dry run gives them without writing', async () => {
    const { cli, dir } = await schoolDb();
    const f = await fixture(dir, 'danh-sach.csv', LIST);
    const dry = await cli(['person', 'import', f, '--code-prefix', 'CB', '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).codes).toEqual([
      { line: 3, code: 'CB001', name: 'Lê Thị Mai', unit: 'KLLCS' },
      { line: 4, code: 'CB002', name: 'Phan Văn Hùng', unit: 'KLLCS' },
      { line: 5, code: 'CB003', name: 'Đỗ Thị Hạnh', unit: 'PTCHC' },
    ]);
    expect((await people(cli)).map((p) => p.code)).not.toContain('CB001');
  });

  it('without a code column and without --code-prefix: exit 3 saying to add the flag', async () => {
    const { cli, dir } = await schoolDb();
    const f = await fixture(dir, 'danh-sach.csv', LIST);
    const r = await cli(['person', 'import', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('không có cột Mã. Thêm --code-prefix');
    const bad = await cli(['person', 'import', f, '--code-prefix', 'CB1']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--code-prefix "CB1"');
  });

  it('an ambiguous match, or the same person twice in the file, is a validation error naming both; nothing is written', async () => {
    const { cli, dir } = await schoolDb();
    await cli(['person', 'add', 'VC010', '--name', 'Phan Văn Hùng', '--unit', 'KLLCS', '--category', 'staff', '--born', '1990-11-03']);
    await cli(['person', 'add', 'VC011', '--name', 'Phan Văn Hùng', '--unit', 'PTCHC', '--category', 'staff', '--born', '1990-11-03']);
    const f = await fixture(dir, 'danh-sach.csv', `${LIST}\n5,Lê Thị Mai,Giảng viên,KLLCS,12/05/1978\n`);
    const r = await cli(['person', 'import', f, '--code-prefix', 'CB']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('dòng 4: Phan Văn Hùng (ngày sinh 03/11/1990) khớp với nhiều người đã có: VC010 (Khoa Lý luận cơ sở), VC011 (Phòng Tổ chức – Hành chính)');
    expect(r.stderr).toContain('dòng 6: Lê Thị Mai (ngày sinh 12/05/1978) trùng với dòng 3');
    expect((await people(cli)).map((p) => p.code)).not.toContain('CB001');
  });

  it('a person found with other details is refused without --update, and updated with it', async () => {
    const { cli, dir } = await schoolDb();
    const f = await fixture(dir, 'danh-sach.csv', LIST);
    expect((await cli(['person', 'import', f, '--code-prefix', 'CB'])).code).toBe(0);
    const moved = await fixture(dir, 'chuyen.csv', LIST.replace('3,Phan Văn Hùng,Giảng viên,KLLCS', '3,Phan Văn Hùng,Giảng viên,PTCHC'));
    const r = await cli(['person', 'import', moved, '--code-prefix', 'CB']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Phan Văn Hùng đã có với mã CB002');
    const u = await cli(['person', 'import', moved, '--code-prefix', 'CB', '--update', '--json']);
    expect(JSON.parse(u.stdout)).toMatchObject({ added: 0, updated: 1, unchanged: 3 });
    expect((await show(cli, 'CB002')).person.unit).toBe('PTCHC');
  });
});

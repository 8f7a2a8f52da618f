import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readTable, type ColumnSpec } from '../../src/services/import/read-table.js';
import { NotFoundError, ValidationError } from '../../src/domain/errors.js';

const COLUMNS: ColumnSpec[] = [
  { key: 'code', titles: ['code', 'Mã', 'Mã số'], required: true },
  { key: 'name', titles: ['name', 'Họ và tên'], required: true },
  { key: 'unit', titles: ['unit', 'Đơn vị'], required: true },
  { key: 'born', titles: ['born', 'Ngày sinh'], required: false },
  { key: 'position', titles: ['position', 'Chức vụ'], required: false },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-read-table-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('readTable: CSV', () => {
  it('reads UTF-8 with BOM, Vietnamese headers, and NFD text as NFC', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const file = await fixture(
      'people.csv',
      '\ufeff' +
        nfd('Mã,Họ và tên,Đơn vị,Ngày sinh,Ghi chú\r\n') +
        nfd('vc001,  Nguyễn   Văn Đức ,KLLCS,05/09/1980,x\r\n') +
        '\r\n' +
        ',,,,\r\n' +
        nfd('VC002,Trần Thị Ánh,PDT,,\r\n'),
    );
    const table = await readTable(file, COLUMNS);
    expect(table.file).toBe(file);
    expect(table.headerLine).toBe(1);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: { code: 'vc001', name: 'Nguyễn Văn Đức', unit: 'KLLCS', born: '05/09/1980', position: '' },
      },
      { line: 5, cells: { code: 'VC002', name: 'Trần Thị Ánh', unit: 'PDT', born: '', position: '' } },
    ]);
    for (const row of table.rows) {
      for (const v of Object.values(row.cells)) expect(v).toBe(v.normalize('NFC'));
    }
    expect(table.rows[0]!.cells.name).toBe('Nguyễn Văn Đức'.normalize('NFC'));
  });

  it('reads semicolon-separated files, with titles in any case or spelling', async () => {
    const file = await fixture(
      'semi.CSV',
      'MA SO;HO_VA_TEN;don vi;Chức  Vụ\n"VC001";"Lê Văn An, Jr";KLLCS;Trưởng khoa\nVC002;Phạm Thị Bình;PDT;"Phó phòng; kiêm nhiệm"\n',
    );
    const table = await readTable(file, COLUMNS);
    expect(table.rows).toEqual([
      { line: 2, cells: { code: 'VC001', name: 'Lê Văn An, Jr', unit: 'KLLCS', born: '', position: 'Trưởng khoa' } },
      {
        line: 3,
        cells: { code: 'VC002', name: 'Phạm Thị Bình', unit: 'PDT', born: '', position: 'Phó phòng; kiêm nhiệm' },
      },
    ]);
  });

  it('counts the physical lines of a quoted multi-line cell', async () => {
    const file = await fixture(
      'multiline.csv',
      'code,name,unit,position\nA1,"Hà\nThị\r\nLan",U1,"dòng 1\ndòng 2"\n\nA2,Võ Minh,U2,\nA3,Đỗ Thu,U3,\n',
    );
    const table = await readTable(file, COLUMNS);
    expect(table.rows.map((r) => [r.line, r.cells.code, r.cells.name, r.cells.position])).toEqual([
      [2, 'A1', 'Hà Thị Lan', 'dòng 1 dòng 2'],
      [7, 'A2', 'Võ Minh', ''],
      [8, 'A3', 'Đỗ Thu', ''],
    ]);
  });

  it('finds the header below a title row; extra and duplicate columns are handled', async () => {
    const file = await fixture(
      'titled.csv',
      'DANH SÁCH VIÊN CHỨC, NĂM 2025\n\nSTT,Mã,Họ và tên,Đơn vị,Mã,Ngày sinh\n1,VC9,Bùi Văn Tâm,KLLCS,IGNORED,1980-01-02\n',
    );
    const table = await readTable(file, COLUMNS);
    expect(table.headerLine).toBe(3);
    expect(table.rows).toEqual([
      { line: 4, cells: { code: 'VC9', name: 'Bùi Văn Tâm', unit: 'KLLCS', born: '1980-01-02', position: '' } },
    ]);
  });

  it('falls back to the other delimiter when the commoner one finds no header', async () => {
    const file = await fixture(
      'commas-in-text.csv',
      'Danh sách, đợt 1, năm 2025, khoa A, khoa B\nMã;Họ và tên;Đơn vị\nVC1;Lê A, Lê B, Lê C;KLLCS\n',
    );
    const table = await readTable(file, COLUMNS);
    expect(table.headerLine).toBe(2);
    expect(table.rows[0]).toMatchObject({ line: 3, cells: { code: 'VC1', name: 'Lê A, Lê B, Lê C', unit: 'KLLCS' } });
  });

  it('reports a broken quote with its line', async () => {
    const file = await fixture('badquote.csv', 'code,name,unit\nA1,An,U1\nA2,"Bình,U2\n');
    const e = await failure(readTable(file, COLUMNS));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ key: 'import.csvSyntax', params: { file, line: 3 } });
  });

  it('rejects a file that is not UTF-8 (Windows-1252)', async () => {
    // "code,name,unit\nA1,José Müller,U1" in Windows-1252: é = 0xE9, ü = 0xFC
    const bytes = Buffer.concat([
      Buffer.from('code,name,unit\nA1,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(' M'),
      Buffer.from([0xfc]),
      Buffer.from('ller,U1\n'),
    ]);
    const file = await fixture('ansi.csv', bytes);
    const e = await failure(readTable(file, COLUMNS));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ key: 'import.notUtf8', params: { file } });
  });

  it('reports a missing required column by its titles', async () => {
    const file = await fixture('nounit.csv', 'Mã,Họ và tên,Chức vụ\nVC1,An,\n');
    const e = await failure(readTable(file, COLUMNS));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({
      key: 'import.missingColumn',
      params: { file, column: 'unit', titles: 'unit / Đơn vị' },
    });
  });

  it('rejects empty files and files without data rows', async () => {
    for (const [name, content] of [
      ['empty.csv', ''],
      ['blank.csv', '\ufeff\n\n ,  \n'],
      ['headeronly.csv', 'code,name,unit\n\n'],
    ] as const) {
      const file = await fixture(name, content);
      expect(await failure(readTable(file, COLUMNS))).toMatchObject({ key: 'import.empty', params: { file } });
    }
  });

  it('rejects other formats and missing files', async () => {
    const txt = await fixture('people.txt', 'code,name,unit\n');
    const e1 = await failure(readTable(txt, COLUMNS));
    expect(e1).toBeInstanceOf(ValidationError);
    expect(e1).toMatchObject({ key: 'import.badFormat', params: { file: txt } });
    const missing = join(dir, 'nowhere.csv');
    const e2 = await failure(readTable(missing, COLUMNS));
    expect(e2).toBeInstanceOf(NotFoundError);
    expect(e2).toMatchObject({ key: 'import.fileMissing', params: { file: missing } });
  });
});

describe('readTable: XLSX', () => {
  it('uses Excel row numbers, converts dates to ISO and numbers to text', async () => {
    const file = join(dir, 'people.xlsx');
    await writeXlsxFile(
      [
        [null, null, null],
        ['Danh sách viên chức', null, null],
        [null, null, null],
        ['Mã số', 'HỌ VÀ TÊN'.normalize('NFD'), 'Đơn vị', 'Ngày sinh', 'Chức vụ'],
        ['VC001', ' Nguyễn  Văn An ', 'KLLCS', new Date(Date.UTC(1980, 8, 5)), 'Trưởng khoa'],
        [null, null, null, null, null],
        [12345, 'Lê Thị Bích'.normalize('NFD'), 'PDT', null, null],
        [null, null, null, null, null],
        [null, null, null, null, null],
        ['VC003', 'Hồ Đức', 'PDT', new Date(Date.UTC(2000, 1, 29)), 1.5],
      ],
      { dateFormat: 'dd/mm/yyyy' },
    ).toFile(file);

    const table = await readTable(file, COLUMNS);
    expect(table.headerLine).toBe(4);
    expect(table.rows).toEqual([
      {
        line: 5,
        cells: { code: 'VC001', name: 'Nguyễn Văn An', unit: 'KLLCS', born: '1980-09-05', position: 'Trưởng khoa' },
      },
      { line: 7, cells: { code: '12345', name: 'Lê Thị Bích', unit: 'PDT', born: '', position: '' } },
      { line: 10, cells: { code: 'VC003', name: 'Hồ Đức', unit: 'PDT', born: '2000-02-29', position: '1.5' } },
    ]);
    expect(table.rows[1]!.cells.name).toBe('Lê Thị Bích'.normalize('NFC'));
  });

  it('counts blank rows that the sheet XML leaves out', async () => {
    // write-excel-file writes an empty <row r="N"/> for a blank row; Excel and other writers often
    // omit it. Strip them so the sheet data starts at row 3 and skips row 5.
    const xlsx = await writeXlsxFile([
      [null],
      [null],
      ['code', 'name', 'unit'],
      ['A1', 'Đinh Lan', 'U1'],
      [null],
      ['A2', 'Mai Hương', 'U2'],
    ]).toBuffer();
    const zip = unzipSync(new Uint8Array(xlsx));
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    const stripped = sheet.replace(/<row r="\d+"\/>/g, '');
    expect(stripped).not.toBe(sheet);
    zip['xl/worksheets/sheet1.xml'] = strToU8(stripped);
    const file = await fixture('sparse.xlsx', Buffer.from(zipSync(zip)));

    const table = await readTable(file, COLUMNS);
    expect(table.headerLine).toBe(3);
    expect(table.rows.map((r) => [r.line, r.cells.code, r.cells.name])).toEqual([
      [4, 'A1', 'Đinh Lan'],
      [6, 'A2', 'Mai Hương'],
    ]);
  });

  it('rejects a file that is not a real .xlsx', async () => {
    const file = await fixture('fake.xlsx', 'code,name,unit\n');
    expect(await failure(readTable(file, COLUMNS))).toMatchObject({ key: 'import.unreadable', params: { file } });
  });
});

/**
 * Issue 14: imports keep what the clerk typed (numbers as written, no U+FFFD, no reference to a
 * character XML forbids) and cannot exhaust the machine: a workbook or CSV past the limits of a staff
 * list is refused at once (exit 3), before the sheet is expanded, in bounded memory.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { schoolDb } from '../helpers/cli.js';
import { count } from '../helpers/db.js';
import { basePackage, HEADER_ROW as header, SHEET, SHEET_HEAD as HEAD, sharedStrings, STRINGS, workbook } from '../helpers/xlsx.js';

/** A person row: the code as a number cell (`n`) or a string, the rest shared strings 4–6. */
const row = (r: number, code: string, nameAt = 4) =>
  `<row r="${r}"><c r="A${r}"><v>${code}</v></c><c r="B${r}" t="s"><v>${nameAt}</v></c><c r="C${r}" t="s"><v>5</v></c><c r="D${r}" t="s"><v>6</v></c></row>`;

/** A zip of deflated entries, each declaring the uncompressed size given (CRC left 0: never checked first). */
function zipOf(entries: { name: string; data: Buffer; size: number }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dirBytes, end]);
}

function timed(args: string[]): { code: number | null; stderr: string; ms: number } {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, THIDUA_TODAY: '2026-11-28' } });
  return { code: r.status, stderr: r.stderr, ms: Date.now() - start };
}

describe('an import keeps what the clerk typed', () => {
  it('a numeric code in an .xlsx stays the digits the file holds: no float rounding, no INFINITY', async () => {
    const { cli, dir } = await schoolDb();
    const file = await workbook(dir, 'ds.xlsx', row(2, '12345678901234567890') + row(3, '1E309', 7));
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    const codes = (JSON.parse((await cli(['person', 'list', '--json'])).stdout) as { code: string }[]).map((p) => p.code);
    expect(codes).toContain('12345678901234567890');
    expect(codes).toContain('1E309');
    expect(codes).not.toContain('INFINITY');
    expect(codes).not.toContain('12345678901234567000');
  });

  it('bytes that are not UTF-8, or a reference to a surrogate or a forbidden character, are refused, never stored as U+FFFD', async () => {
    const { cli, dir, db } = await schoolDb();
    const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã</t></si><si><t>Họ và tên</t></si><si><t>Đơn vị</t></si><si><t>Loại</t></si><si><t>L'), Buffer.from([0xea, 0x20, 0x56, 0xe3, 0x6e]), Buffer.from('</t></si><si><t>KLLCS</t></si><si><t>staff</t></si></sst>')]);
    for (const [name, strings, said] of [
      ['latin1.xlsx', new Uint8Array(latin1), /không phải UTF-8/],
      ['surrogate.xlsx', sharedStrings(['L&#xD800;n', 'KLLCS', 'staff']), /U\+D800/],
      ['decimal.xlsx', sharedStrings(['L&#56320;n', 'KLLCS', 'staff']), /U\+DC00/],
      ['nul.xlsx', sharedStrings(['L&#0;n', 'KLLCS', 'staff']), /U\+0000/],
      ['ffff.xlsx', sharedStrings(['L&#xFFFF;n', 'KLLCS', 'staff']), /U\+FFFF/],
    ] as const) {
      const file = await workbook(dir, name, row(2, 'VC050'), strings);
      const r = await cli(['person', 'import', file]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(said);
    }
    expect(count(db, 'people')).toBe(3);
  });
});

describe('a file that would exhaust the machine', () => {
  it('one cell at XFD1048576 is refused at once (exit 3), in bounded memory', async () => {
    const { dir, db } = await schoolDb();
    const file = await workbook(dir, 'xfd.xlsx', '<row r="1048576"><c r="XFD1048576" t="s"><v>4</v></c></row>');
    expect(readFileSync(file).length).toBeLessThan(4096);
    const r = timed(['--db', db, 'person', 'import', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('XFD1048576');
    expect(r.ms).toBeLessThan(5000);
  });

  it('a declared dimension, too many rows or columns, too many cells: each refused with its limit', async () => {
    const { cli, dir } = await schoolDb();
    const dimension = await workbook(dir, 'dim.xlsx', row(2, 'VC050'));
    const parts = unzipSync(new Uint8Array(readFileSync(dimension)));
    parts[SHEET] = strToU8(new TextDecoder().decode(parts[SHEET]).replace('<sheetData>', '<dimension ref="A1:ZZ900000"/><sheetData>'));
    writeFileSync(dimension, zipSync(parts));
    const wide = await workbook(dir, 'wide.xlsx', '<row r="2"><c r="HZ2" t="s"><v>4</v></c></row>');
    const rows = Array.from({ length: 100_001 }, (_, i) => `<row><c><v>${i}</v></c></row>`).join('');
    const many = await workbook(dir, 'many.xlsx', rows);
    for (const [file, said] of [[dimension, /ZZ900000/], [wide, /HZ2/], [many, /D100002 \(100002 dòng/]] as const) {
      const r = await cli(['person', 'import', file]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(3);
      expect(r.stderr, r.stderr).toMatch(said);
    }
  });

  it('a zip bomb is refused while it inflates, whatever sizes its directory declares', async () => {
    const { dir, db } = await schoolDb();
    const parts = await basePackage(dir);
    parts[SHEET] = strToU8(`${HEAD}<sheetData>${header}</sheetData></worksheet>`);
    // sharedStrings.xml inflates to 300 MB; its headers say it is 300 bytes. The same flushed block
    // of a megabyte of "A", 300 times, is a valid deflate stream.
    const flush = (data: string | Buffer) => deflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const mega = flush(Buffer.alloc(1024 * 1024, 'A'));
    const bomb = Buffer.concat([flush('<?xml version="1.0"?><sst><si><t>'), ...Array<Buffer>(300).fill(mega), deflateRawSync('</t></si></sst>')]);
    const entries = Object.entries(parts).filter(([name]) => name !== STRINGS).map(([name, data]) => ({ name, data: deflateRawSync(data), size: data.length }));
    entries.push({ name: STRINGS, data: bomb, size: 300 });
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, zipOf(entries));
    expect(readFileSync(file).length).toBeLessThan(2 * 1024 * 1024);
    const r = timed(['--db', db, 'person', 'import', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/giải nén lớn tới \d+ MB/);
    expect(r.ms).toBeLessThan(8000);
  });

  it('a CSV of too many rows, or a row of too many columns, is refused before it is parsed', async () => {
    const { cli, dir } = await schoolDb();
    const long = join(dir, 'long.csv');
    writeFileSync(long, 'Mã,Họ và tên,Đơn vị,Loại\n' + 'VC,An,KLLCS,staff\n'.repeat(150_000));
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `Mã,Họ và tên,Đơn vị,Loại\nVC050,An,KLLCS,staff${',x'.repeat(500)}\n`);
    for (const file of [long, wide]) {
      const r = await cli(['person', 'import', file]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/quá lớn để là một danh sách/);
    }
  });
});


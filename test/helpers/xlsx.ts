/** Workbooks built part by part: a real one (write-excel-file) with its sheet and strings replaced. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';

export const SHEET = 'xl/worksheets/sheet1.xml';
export const STRINGS = 'xl/sharedStrings.xml';
export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** The parts of a real workbook, to change one part at a time. */
export async function basePackage(dir: string): Promise<Record<string, Uint8Array>> {
  const file = join(dir, 'base.xlsx');
  await writeXlsxFile([[{ value: 'Mã' }, { value: 'Họ và tên' }, { value: 'Đơn vị' }, { value: 'Loại' }]] as never).toFile(file);
  return unzipSync(new Uint8Array(readFileSync(file)));
}

/** Shared strings 0–3 are the header (Mã, Họ và tên, Đơn vị, Loại); `extra` follow from index 4. */
export function sharedStrings(extra: string[]): Uint8Array {
  const si = ['Mã', 'Họ và tên', 'Đơn vị', 'Loại', ...extra].map((s) => `<si><t>${s}</t></si>`).join('');
  return strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si}</sst>`);
}

export const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';

/** A staff list workbook: the header row, then `rows` (sheet XML), with the shared strings given. */
export async function workbook(dir: string, name: string, rows: string, strings: Uint8Array = sharedStrings(['Lê Văn An', 'KLLCS', 'staff', 'Trần Thị Bình'])): Promise<string> {
  const parts = await basePackage(dir);
  parts[SHEET] = strToU8(`${SHEET_HEAD}<sheetData>${HEADER_ROW}${rows}</sheetData></worksheet>`);
  parts[STRINGS] = strings;
  const file = join(dir, name);
  writeFileSync(file, zipSync(parts));
  return file;
}

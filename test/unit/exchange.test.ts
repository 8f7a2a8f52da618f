/**
 * The pieces of the exchange with the province: the package's zip read defensively, the import's own
 * JSON Schema checker agreeing with ajv (an independent validator) on the published schema, and the
 * province's Excel layout naming each gap.
 */
import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../docs/export.schema.json' with { type: 'json' };
import { ValidationError } from '../../src/domain/errors.js';
import { unprintableText } from '../../src/domain/names.js';
import { SchemaChecker } from '../../src/domain/json-schema.js';
import { DEFAULT_LAYOUT, layoutRows, parseLayout, type SheetNominee } from '../../src/domain/province-layout.js';
import { readPackage, writePackage } from '../../src/services/exchange/zip.js';
import { crc32 } from '../../src/services/exchange/crc32.js';
import { excelSerial, columnName } from '../../src/render/xlsx.js';

const te = (s: string) => new TextEncoder().encode(s);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.key;
    throw e;
  }
  return 'accepted';
}

/** A zip with one stored entry, its central directory written by hand (names fflate would not write). */
function rawZip(name: string, data: Uint8Array, opts: { external?: number; declared?: number; method?: number; body?: Uint8Array } = {}): Uint8Array {
  const n = Buffer.from(name, 'latin1');
  const body = Buffer.from(opts.body ?? data);
  const method = opts.method ?? 0;
  const size = opts.declared ?? data.length;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE((opts.external ?? 0o100644 * 65536) >>> 0, 38);
  central.writeUInt32LE(0, 42);
  const cdOffset = 30 + n.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

describe('the package zip', () => {
  it('reads back what it wrote, the same bytes every time', () => {
    const files = [{ name: 'manifest.json', data: te('{}') }, { name: 'data.json', data: te('{"a":1}') }, { name: 'documents/2025-QD-01.docx', data: te('PK…') }];
    const a = writePackage(files, '2025-12-31');
    expect(Buffer.from(writePackage(files, '2025-12-31')).equals(Buffer.from(a))).toBe(true);
    const back = readPackage('x.zip', a);
    expect([...back.keys()]).toEqual(files.map((f) => f.name));
    expect(Buffer.from(back.get('data.json')!).toString()).toBe('{"a":1}');
  });

  it.each([
    ['../data.json', 'import.zip.traversal'],
    ['/etc/passwd', 'import.zip.traversal'],
    ['documents/../../x.docx', 'import.zip.traversal'],
    ['C:/x.docx', 'import.zip.traversal'],
    ['documents/x.exe', 'import.zip.badName'],
    ['script.js', 'import.zip.badName'],
  ])('refuses the entry %s (%s)', (name, key) => {
    expect(refusal(() => readPackage('x.zip', rawZip(name, te('x'))))).toBe(key);
  });

  it('refuses a symbolic link, a bomb, a lying size, a wrong CRC and what is not a zip', () => {
    expect(refusal(() => readPackage('x.zip', rawZip('data.json', te('x'), { external: 0o120777 * 65536 })))).toBe('import.zip.symlink');
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const packed = deflateRawSync(zeros, { level: 9 });
    expect(refusal(() => readPackage('x.zip', rawZip('data.json', zeros, { method: 8, body: packed })))).toBe('import.zip.bomb');
    // Declares 10 bytes, inflates to far more: stopped at the ceiling.
    const lying = deflateRawSync(new Uint8Array(5000));
    expect(refusal(() => readPackage('x.zip', rawZip('data.json', new Uint8Array(5000), { method: 8, body: lying, declared: 10 })))).toBe('import.zip.bomb');
    const good = Buffer.from(zipSync({ 'data.json': te('{"a":1}') }, { level: 0 }));
    const at = good.indexOf('{"a":1}');
    good[at + 5] ^= 1;
    expect(refusal(() => readPackage('x.zip', good))).toBe('import.zip.corrupt');
    expect(refusal(() => readPackage('x.zip', te('not a zip at all, not at all')))).toBe('import.zip.notZip');
  });
});

describe("the import's schema checker", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'export');
  const defs = (schema as { $defs: Record<string, unknown> }).$defs;
  const checker = (def: string) => new SchemaChecker({ $defs: defs, $ref: `#/$defs/${def}` });
  const school = { id: `sch-${'a'.repeat(24)}`, name: 'TRƯỜNG CHÍNH TRỊ', fullName: 'Trường Chính trị tỉnh Đồng Nai', parentBody: 'TỈNH ỦY ĐỒNG NAI', symbol: 'TCT', place: 'Đồng Nai', headTitle: 'HIỆU TRƯỞNG', headName: 'Nguyễn Văn A' };
  const manifest = { format: 'thidua-export-1', school, period: '2025', version: '0.1.0', files: [{ name: 'data.json', size: 10, sha256: 'b'.repeat(64) }] };
  const mutations: [string, (m: Record<string, unknown>) => void][] = [
    ['as is', () => {}],
    ['a wrong format', (m) => void (m.format = 'other')],
    ['an extra field', (m) => void (m.extra = 1)],
    ['a missing school', (m) => void delete m.school],
    ['a period with a quarter', (m) => void (m.period = '2025-Q1')],
    ['a short hash', (m) => void ((m.files as { sha256: string }[])[0].sha256 = 'abc')],
    ['a negative size', (m) => void ((m.files as { size: number }[])[0].size = -1)],
    ['a fractional size', (m) => void ((m.files as { size: number }[])[0].size = 1.5)],
    ['a path out of the package', (m) => void ((m.files as { name: string }[])[0].name = '../x.docx')],
    ['no files', (m) => void (m.files = [])],
    ['an empty school name', (m) => void ((m.school as { name: string }).name = '')],
    ['a school id of another shape', (m) => void ((m.school as { id: string }).id = 'sch-1')],
  ];
  it.each(mutations)('agrees with ajv on a manifest with %s', (_, mutate) => {
    const m = structuredClone(manifest) as Record<string, unknown>;
    mutate(m);
    const ours = checker('manifest').check(m);
    expect(ours.length === 0).toBe(ajv.validate('export#/$defs/manifest', m));
  });

  it('says where and what: the path and the rule', () => {
    const m = structuredClone(manifest) as Record<string, unknown>;
    (m.files as { sha256: string }[])[0].sha256 = 'xyz';
    expect(checker('manifest').check(m)).toEqual([{ path: '/files/0/sha256', rule: expect.stringMatching(/^pattern /) }]);
  });

  it('refuses a schema with a keyword it does not apply (never silently ignored)', () => {
    expect(() => new SchemaChecker({ type: 'object', patternProperties: { x: {} } })).toThrow(/patternProperties/);
  });
});

describe("the province's Excel layout", () => {
  const nominee: SheetNominee = {
    code: 'VC001', name: 'Lê Thị An', kind: 'person', gender: 'nữ', born: '1980-02-29', position: 'Giảng viên', unitName: 'Khoa Lý luận cơ sở', school: 'Trường Chính trị',
    category: 'staff', award: 'TTLDXS', awardName: 'Tập thể lao động xuất sắc', form: 'title', achievement: 'x',
  };

  it('the default layout is valid and codes stay text', () => {
    const { layout, gaps } = parseLayout(structuredClone(DEFAULT_LAYOUT));
    expect(gaps).toEqual([]);
    const { rows } = layoutRows(layout!, [nominee]);
    expect(rows[0]).toEqual([
      { number: 1 }, { text: 'Lê Thị An' }, { text: 'Nữ' }, { date: '1980-02-29' }, { text: 'Giảng viên' }, { text: 'Khoa Lý luận cơ sở' }, { text: 'Trường Chính trị' },
      { text: '02' }, { text: '0001' }, { text: '0022' },
    ]);
  });

  it('names every gap: unknown field, missing table, a field that takes no codes, a title without a code', () => {
    const raw = { columns: [{ title: 'A', field: 'cccd' }, { title: 'B', field: 'award', codes: 'none' }, { title: 'C', field: 'name', codes: 'award' }, { field: 'no' }], codes: { award: {} } };
    expect(parseLayout(raw).gaps.map((g) => g.key)).toEqual(['layout.gap.field', 'layout.gap.noTable', 'layout.gap.notCoded', 'layout.gap.columnTitle']);
    const { layout } = parseLayout({ columns: [{ title: 'Mã danh hiệu', field: 'award', codes: 'award' }], codes: { award: { LDTT: '1' } } });
    const { gaps } = layoutRows(layout!, [nominee, { ...nominee, code: 'VC002' }]);
    expect(gaps).toEqual([{ key: 'layout.gap.awardCode', params: { title: 'Mã danh hiệu', table: 'award', value: 'TTLDXS', name: 'Tập thể lao động xuất sắc' } }]);
    expect(parseLayout([]).gaps.map((g) => g.key)).toEqual(['layout.gap.notObject']);
  });

  it('Excel dates and column names', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2025-12-31')).toBe(46022);
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe('a document model line break', () => {
  it('is not a character Word refuses; a control character still is', () => {
    expect(unprintableText({ rows: [{ reasons: 'Hoàn thành xuất sắc nhiệm vụ quý IV năm 2025\nTác giả sáng kiến' }] })).toBeNull();
    expect(unprintableText({ rows: [{ reasons: 'a\nb\u0007c' }] })).toBe('a\nb[U+0007]c');
  });
});

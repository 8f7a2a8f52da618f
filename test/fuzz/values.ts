/**
 * Malformed values for the bad-input test (issue 10): the same hostile strings for every flag, plus
 * the ones each kind of value (dates, years, counts, codes, votes…) invites.
 */

const HUGE = 'x'.repeat(100_000);
const HUGE_VI = 'Nguyễn Thị Ánh '.repeat(6_700).trim();

/** Every value-taking flag and argument gets these. */
export const GENERIC: string[] = [
  '',
  '   ',
  '\t\r\n',
  '\u0000',
  '\u0007',
  '\u001b[31mĐỏ\u001b[0m',
  HUGE,
  '  Nguyễn Văn Ánh  '.normalize('NFD'),
  '\u202eVC001',
  'VC\u200b001',
  '\u200b\u200d\ufeff',
  "'; DROP TABLE people; --",
  '../../../../../../etc/passwd',
  '-1',
  '1e309',
  '١٢',
];

/** Issue 14: a noncharacter Word cannot open, and a word every object answers to (where words are looked up). */
const NOT_A_CHARACTER = '\uffff';
const PROTO = ['__proto__', 'constructor'];

/** Extra values for each kind of slot. */
export const EXTRA: Record<string, string[]> = {
  text: [
    '２０２５', '%', '_', '\\', 'Nguyễn\u0301', '\ud800', 'VC\u0000001', 'ab\r', HUGE_VI, '" OR 1=1 --', '{{name}}', '<w:t>&amp;</w:t>', 'null',
    // Issue 14: lone surrogates, noncharacters, a decoder's replacement mark, a formula, template braces.
    NOT_A_CHARACTER, 'An\udc00', '\ufdd0', 'Nguy\ufffdn', '=HYPERLINK("http://x.example","Bấm")', '{{ten}} {{don_vi}}',
  ],
  code: ['0x10', 'ＶＣ００１', 'VC\u0000001', 'VC 001', 'ĐƠNVỊ', 'A'.repeat(33), '-X', '.', 'VC001,VC002', 'vc00\u0131', ...PROTO, '=A1', NOT_A_CHARACTER],
  date: ['-0', '2025-02-30', '2025-13-01', '0000-00-00', '31/12/99999', '2025-12-15T00:00:00Z', '١٥/١٢/٢٠٢٥', '15.12.2025.', '1e309-01-01', '99/99/2025', '2025-12-1'],
  year: ['２０２５', '0', '999', '20255', '2025.0', '+2025', '2101', '1899', '٢٠٢٥', '2025-Q1', ' 2025x'],
  period: ['2025-Q5', '2025-Q0', 'Q3/20255', '2025Q', '2025-Q1-Q2', '2025-13', 'Q3', '1999'],
  month: ['2025-00', '2025-13', '13/2025', '2025-1-1', '2025/10', '0/2025', '2025-1e1'],
  count: ['0x10', '２', '-0', 'NaN', '0', '1.5', '999999999999999999999', '1,000', '+5', '5 5', '0b11', '1_000', 'Infinity', '9007199254740993'],
  percent: ['-0', 'NaN', '101', '-5', '50.5', '50%', '1e2', '100.0000000001', 'Infinity'],
  score: ['-0', 'NaN', '11', '-5', '7.5', '1e1', '10.0', '١٠', 'Infinity'],
  id: ['0x10', '１', '-0', 'NaN', '0', '1.0', '01', '1e0', '2147483648', '9223372036854775808', '9'.repeat(400), ' 1', '#1'],
  choice: ['STAFF ', 'Lãnh đạo'.normalize('NFD'), 'staf', 'lead er', 'party|state', 'vi,en', ...PROTO],
  hash: ['abc', 'g'.repeat(64), '0'.repeat(64), 'f'.repeat(65), '1:' + '0'.repeat(64)],
  path: ['C:\\Windows\\System32\\con', 'VC\u0000001', '/dev/null/x.docx', '/dev/full', '/proc/version', '.', '..', 'khong-co/thu-muc/x.docx', 'x.docx/', '../../../../../../thidua.sqlite', '/proc', NOT_A_CHARACTER],
  vote: ['1=5,0,0,0', '1=a,b,c', '1=5,0', '=5,0,0', '1==5,0,0', '1=-1,6,0', '1=5,0,0;2=5,0,0', '1=1e309,0,0', '999=5,0,0', '1=5.5,0,0'],
  author: ['VC002:', 'VC002:abc', 'VC002:101', 'VC002:-5', 'VC002:1e309', 'VC002:0', ':100', 'VC002:50:50', 'VC002:NaN'],
  criterion: ['LDTT2', 'LDTT2=', 'LDTT2=maybe', '=met', `T1=met:${HUGE}`, 'T1=met:\u0000', 'T1=MET', 'XX=met', 'T1=__proto__', 'T1=met:\uffff'],
  money: ['0x10', '-0', 'NaN', '1.000.000', '1,5', '0.', '.5', '1e-400', '2.34e6', '-2340000', '100%', '0', '99999999999999999999999'],
  ratio: ['2/0', '0/0', '3/2', '1.5', '-0.1', '1/3/4', '0', '1e-400', '٢/٣', '2/3 '],
  integer: ['0', '1.5', '99999999999999999999', '-10', '1e3'],
  monthday: ['02-30', '13-01', '1-31', '31/01', '00-00', '12-32'],
  enum: ['UP', 'sideways', 'pres ent', ...PROTO],
  citation: [
    'Nghị định', 'Nghị định số ngày của', 'Nghị định số 1/2026/NĐ-CP ngày 31/02/2026 của Chính phủ quy định x', 'Luật số 1/2026/QH15 ngày 1/1/2026',
    'Quyết định số 12/QĐ-TCT ngày 01/01/2026 của Hiệu trưởng (ghi chú) quy định', 'Quyết định số 12/QĐ-TCT ngày 01/01/2026 của',
    'Nghị định số ./. ngày 01/01/2026 của Chính phủ quy định x', `Nghị định số 1/2026/NĐ-CP ngày 01/01/2026 của Chính phủ quy định ${'x'.repeat(700)}`,
    'căn cứ nghị định số 1/2026/nđ-cp ngày 1 tháng 1 năm 2026 của chính phủ quy định mức lương cơ sở;',
  ],
  minutes: ['05/BB-HĐSK', 'ngày 01/12/2025', '05/BB-HĐSK ngày 31/11/2025', '05/BB-HĐSK ngày 01/12/2099', '05 ngày 01/12/2025', 'số 05/BB ngày 1 tháng 12 năm 2025 x'],
  time: ['25:00', '14:60', '14', '14:', '1400', '2pm', '14h61', '-1:00', '１４:００', '14:00:00', '٢:٣٠', '14 giờ 30 phút', '7.5', '24:00'],
  list: ['VC002,,VC003', ',', 'VC002,VC002', 'VC002;VC003', 'VC002, VC003', 'VC999'],
};

export type Kind = keyof typeof EXTRA;

export function valuesFor(kind: Kind): string[] {
  return [...GENERIC, ...EXTRA[kind]!];
}

/** A value as a short, printable label for reports. */
export function label(v: string): string {
  const shown = v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v;
  return JSON.stringify(shown);
}

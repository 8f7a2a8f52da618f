/** Documents as data: numbers in both styles, the date line, signature leads, file names. */
import { describe, expect, it } from 'vitest';
import { asciiFileName, dateInWords, docSymbol, numberLine, parseDocKind, placeDateLine, safeFileName, signatureLead } from '../../src/domain/documents.js';

describe('document numbers', () => {
  it.each([
    ['state', 1, 'QĐ', 'Số: 01/QĐ-TCT', '01/QĐ-TCT'],
    ['state', 12, 'BB', 'Số: 12/BB-TCT', '12/BB-TCT'],
    ['party', 1, 'QĐ', 'Số 01-QĐ/TCT', '01-QĐ/TCT'],
    ['party', 125, 'TTr', 'Số 125-TTr/TCT', '125-TTr/TCT'],
  ] as const)('%s %i %s', (style, n, kind, line, symbol) => {
    expect(numberLine(style, n, kind, 'TCT')).toBe(line);
    expect(docSymbol(style, n, kind, 'TCT')).toBe(symbol);
  });

  it('reads kinds as clerks type them', () => {
    expect(parseDocKind('qd')).toBe('QĐ');
    expect(parseDocKind('QĐ')).toBe('QĐ');
    expect(parseDocKind('ttr')).toBe('TTr');
    expect(parseDocKind('GCN')).toBe('GCN');
    expect(parseDocKind('XYZ')).toBeNull();
  });
});

describe('the place and date line (DOMAIN.md examples)', () => {
  it.each([
    ['2025-09-05', 'ngày 05 tháng 9 năm 2025'],
    ['2026-01-20', 'ngày 20 tháng 01 năm 2026'],
    ['2025-12-15', 'ngày 15 tháng 12 năm 2025'],
    ['2026-02-01', 'ngày 01 tháng 02 năm 2026'],
    ['2026-03-31', 'ngày 31 tháng 3 năm 2026'],
  ])('%s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });
  it('starts with the place', () => {
    expect(placeDateLine('Bình Phước', '2025-09-05')).toBe('Bình Phước, ngày 05 tháng 9 năm 2025');
  });
});

describe('signature leads', () => {
  it('writes KT./TM. in state style and K/T, T/M in party style', () => {
    expect(signatureLead('state', 'KT', 'Hiệu trưởng')).toBe('KT. HIỆU TRƯỞNG');
    expect(signatureLead('party', 'KT', 'Hiệu trưởng')).toBe('K/T HIỆU TRƯỞNG');
    expect(signatureLead('state', 'TM', 'Hội đồng')).toBe('TM. HỘI ĐỒNG');
    expect(signatureLead('party', 'TM', 'Hội đồng')).toBe('T/M HỘI ĐỒNG');
    expect(signatureLead('state', null, 'Hiệu trưởng')).toBe('HIỆU TRƯỞNG');
  });
});

describe('file names', () => {
  it('are plain ASCII without reserved characters', () => {
    expect(asciiFileName('Nguyễn Thị Thu Thủy')).toBe('Nguyen-Thi-Thu-Thuy');
    expect(asciiFileName('Đặng Văn Ân / Khoa: "Dân vận"?')).toBe('Dang-Van-An-Khoa-Dan-van');
    expect(asciiFileName('Nguye\u0302\u0303n')).toBe('Nguyen');
    expect(asciiFileName('???')).toBe('van-ban');
  });
  it('keep Vietnamese letters when asked, without characters Windows refuses', () => {
    expect(safeFileName('Quyết định: số 01/QĐ-TCT?')).toBe('Quyết định số 01 QĐ-TCT');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('tên. ')).toBe('tên');
  });
});

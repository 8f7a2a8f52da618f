import { describe, it, expect } from 'vitest';
import {
  clean,
  compareNames,
  fold,
  givenName,
  isValidCode,
  matchesSearch,
  normaliseCode,
  sortByName,
} from '../../src/domain/names.js';

describe('clean', () => {
  it('normalises to NFC', () => {
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn Đức');
    expect(clean(nfd)).toBe('Nguyễn Văn Đức'.normalize('NFC'));
  });
  it.each([
    ['  Trần   Thị\tHoa  ', 'Trần Thị Hoa'],
    ['Lê\u00a0\u00a0Văn\nAn', 'Lê Văn An'],
    ['', ''],
    ['   ', ''],
  ])('clean(%j) = %j', (input, out) => {
    expect(clean(input)).toBe(out);
  });
});

describe('fold', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐẶNG  THỊ   ÁNH', 'dang thi anh'],
    ['Phòng Đào tạo'.normalize('NFD'), 'phong dao tao'],
    ['Hoàn thành xuất sắc nhiệm vụ', 'hoan thanh xuat sac nhiem vu'],
  ])('fold(%j) = %j', (input, out) => {
    expect(fold(input)).toBe(out);
  });
});

describe('givenName', () => {
  it.each([
    ['Nguyễn Văn An', 'An'],
    ['  Lê   Thị Bích  ', 'Bích'],
    ['Hùng', 'Hùng'],
    ['', ''],
  ])('givenName(%j) = %j', (input, out) => {
    expect(givenName(input)).toBe(out);
  });
});

describe('compareNames / sortByName', () => {
  it('sorts by given name first, then by full name', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Phạm Đức', 'Đỗ Thị Dung', 'Võ Chí Công'];
    expect(sortByName(names, (n) => n)).toEqual([
      'Lê Văn An',
      'Nguyễn Thị An',
      'Trần Văn Bình',
      'Võ Chí Công',
      'Đỗ Thị Dung',
      'Phạm Đức',
    ]);
  });
  it('orders Vietnamese letters the Vietnamese way (d < đ < e, a < ă < â)', () => {
    expect(compareNames('X Dũng', 'X Đạt')).toBeLessThan(0);
    expect(compareNames('X Đạt', 'X Em')).toBeLessThan(0);
    expect(compareNames('X Anh', 'X Ăn')).toBeLessThan(0);
    expect(compareNames('X Ăn', 'X Ân')).toBeLessThan(0);
  });
  it('treats NFD and NFC spellings alike', () => {
    expect(compareNames('Nguyễn Văn Đức'.normalize('NFD'), 'Nguyễn Văn Đức')).toBe(0);
  });
  it('is stable and returns a new array', () => {
    const rows = [
      { id: 1, name: 'Lê An' },
      { id: 2, name: 'Lê An' },
      { id: 3, name: 'Hà Bình' },
      { id: 4, name: 'Lê An' },
    ];
    const sorted = sortByName(rows, (r) => r.name);
    expect(sorted.map((r) => r.id)).toEqual([1, 2, 4, 3]);
    expect(sorted).not.toBe(rows);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('matchesSearch', () => {
  it.each([
    ['Nguyễn Văn Đức', 'duc', true],
    ['Nguyễn Văn Đức', 'ĐỨC', true],
    ['Nguyễn Văn Đức', 'van  duc', true],
    ['Nguyễn Văn Đức', 'nguyên', true],
    ['Nguyễn Văn Đức', '', true],
    ['Nguyễn Văn Đức', 'an d', true],
    ['Nguyễn Văn Đức', 'dung', false],
  ])('matchesSearch(%j, %j) = %s', (hay, needle, out) => {
    expect(matchesSearch(hay, needle)).toBe(out);
  });
});

describe('codes', () => {
  it.each([
    [' vc012 ', 'VC012'],
    ['kllcs', 'KLLCS'],
    ['sk-2025-001', 'SK-2025-001'],
  ])('normaliseCode(%j) = %j', (input, out) => {
    expect(normaliseCode(input)).toBe(out);
  });
  it.each([
    ['VC012', true],
    ['SK-2025-001', true],
    ['A.B_C', true],
    ['1', true],
    ['A'.repeat(32), true],
    ['A'.repeat(33), false],
    ['', false],
    ['-A', false],
    ['VC 012', false],
    ['ĐHTT', false],
    ['vc012', false],
  ])('isValidCode(%j) = %s', (code, ok) => {
    expect(isValidCode(code)).toBe(ok);
  });
});

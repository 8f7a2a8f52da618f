import { describe, it, expect } from 'vitest';
import {
  addDays,
  compareIso,
  formatVnDate,
  isIsoDate,
  isoMonth,
  parseDate,
  parseTimeOfDay,
  timeInWords,
  todayIso,
} from '../../src/domain/dates.js';

describe('parseDate', () => {
  it.each<[string | number, string | null]>([
    ['2025-12-20', '2025-12-20'],
    [' 2025-12-20 ', '2025-12-20'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['20/12/2025', '2025-12-20'],
    ['5/9/2025', '2025-09-05'],
    ['05/09/2025', '2025-09-05'],
    ['5-9-2025', '2025-09-05'],
    ['05.09.2025', '2025-09-05'],
    ['1/1/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
    // impossible or out of range
    ['31/02/2020', null],
    ['2021-02-29', null],
    ['1900-02-29', null],
    ['2025-13-01', null],
    ['2025-00-10', null],
    ['2025-01-00', null],
    ['32/1/2025', null],
    ['1/13/2025', null],
    ['31/12/1899', null],
    ['1/1/2101', null],
    ['5/9-2025', null],
    ['2025-9-5', null],
    ['5/9/25', null],
    ['', null],
    ['hôm nay', null],
    // Excel serials (1900 date system)
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null],
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [46011.75, '2025-12-20'],
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [73415, '2100-12-31'],
    [73416, null],
  ])('parseDate(%j) = %j', (input, out) => {
    expect(parseDate(input)).toBe(out);
  });

  it.each<[Date, string | null]>([
    [new Date(Date.UTC(2025, 11, 20)), '2025-12-20'],
    [new Date(Date.UTC(2025, 11, 20, 23, 59)), '2025-12-20'],
    [new Date(Date.UTC(1899, 11, 31)), null],
    [new Date(Number.NaN), null],
  ])('parseDate(Date %s) = %j', (input, out) => {
    expect(parseDate(input)).toBe(out);
  });
});

describe('ISO helpers', () => {
  it.each([
    ['2025-12-20', true],
    ['2021-02-29', false],
    ['20/12/2025', false],
    ['2025-1-2', false],
  ])('isIsoDate(%j) = %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });

  it.each<[string, number, string]>([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-31', 30, '2025-03-02'],
    ['2025-10-26', 0, '2025-10-26'],
  ])('addDays(%j, %i) = %j', (iso, n, out) => {
    expect(addDays(iso, n)).toBe(out);
  });

  it('addDays rejects a non-date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it.each<[string, string, number]>([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ])('compareIso(%j, %j) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareIso(a, b))).toBe(sign);
  });

  it('todayIso uses the local date', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
    expect(todayIso(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31');
  });

  it.each<[string, string | null]>([
    ['2025-09', '2025-09'],
    [' 2025-12 ', '2025-12'],
    ['2025-13', null],
    ['2025-00', null],
    ['2025-9', null],
    ['1899-12', null],
    ['09/2025', null],
  ])('isoMonth(%j) = %j', (s, out) => {
    expect(isoMonth(s)).toBe(out);
  });

  it.each([
    ['2025-09-05', '05/09/2025'],
    ['2026-01-20', '20/01/2026'],
  ])('formatVnDate(%j) = %j', (iso, out) => {
    expect(formatVnDate(iso)).toBe(out);
  });
});

describe('times of day (the minutes of a meeting)', () => {
  it.each([
    ['14:00', '14:00'],
    ['9:05', '09:05'],
    ['14h30', '14:30'],
    ['14h', '14:00'],
    ['14 giờ 30', '14:30'],
    ['14 giờ 30 phút', '14:30'],
    ['14g30', '14:30'],
    [' 7.45 ', '07:45'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['14:60', null],
    ['14', null],
    ['14:', null],
    ['1400', null],
    ['2pm', null],
    ['14:00:00', null],
    ['-1:00', null],
    ['١٤:٣٠', null],
    ['', null],
  ])('parseTimeOfDay(%j) = %j', (raw, out) => {
    expect(parseTimeOfDay(raw)).toBe(out);
  });

  it.each([
    ['14:00', '14 giờ 00 phút'],
    ['08:05', '8 giờ 05 phút'],
    ['00:30', '0 giờ 30 phút'],
  ])('timeInWords(%j) = %j', (t, out) => {
    expect(timeInWords(t)).toBe(out);
  });
});

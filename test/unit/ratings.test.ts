import { describe, expect, it } from 'vitest';
import {
  RATING_CODES, RATING_NAMES, atLeast, compareRatings, parseRating, parseRatingField, ratingRank, type Rating,
} from '../../src/domain/ratings.js';
import { parseChoice } from '../../src/domain/fields.js';
import {
  ACHIEVEMENT_KIND_ALIASES, ACHIEVEMENT_KINDS_ALLOWED, LAUNCHED_BY_ALIASES, LAUNCHED_BY_ALLOWED, spanHolds, spanOverlaps,
} from '../../src/domain/records.js';

describe('parseRating', () => {
  it.each<[string, Rating]>([
    ['HTXSNV', 'HTXSNV'],
    ['htxsnv', 'HTXSNV'],
    [' HtTnV ', 'HTTNV'],
    ['HTNV', 'HTNV'],
    ['khtnv', 'KHTNV'],
    ['HT XS NV', 'HTXSNV'],
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
    ['hoan thanh xuat sac nhiem vu', 'HTXSNV'],
    ['HOÀN THÀNH XUẤT SẮC NHIỆM VỤ', 'HTXSNV'],
    ['Hoàn thành tốt nhiệm vụ', 'HTTNV'],
    ['hoan thanh tot nhiem vu', 'HTTNV'],
    ['Hoàn thành tốt nhiệm vụ.', 'HTTNV'],
    ['Hoàn thành nhiệm vụ', 'HTNV'],
    ['Không hoàn thành nhiệm vụ', 'KHTNV'],
    ['khong hoan thanh nhiem vu', 'KHTNV'],
    ['Hoàn thành tốt', 'HTTNV'],
    ['Không hoàn thành', 'KHTNV'],
    ['Hoàn thành', 'HTNV'],
    ['Xuất sắc', 'HTXSNV'],
    ['Tốt', 'HTTNV'],
    // decomposed text from a Windows keyboard, and extra spaces
    ['Hoàn  thành   tốt nhiệm vụ'.normalize('NFD'), 'HTTNV'],
  ])('%j → %s', (input, expected) => {
    expect(parseRating(input)).toBe(expected);
  });

  it.each(['', 'A', 'HTX', 'Hoàn thành rất tốt', 'good', 'LDTT', 'HTXSNV1', 'nhiệm vụ'])('%j is not a rating', (input) => {
    expect(parseRating(input)).toBeNull();
  });

  it('never mistakes "Không hoàn thành nhiệm vụ" for "Hoàn thành nhiệm vụ"', () => {
    expect(parseRating('Không hoàn thành nhiệm vụ')).toBe('KHTNV');
    expect(parseRating('Hoàn thành nhiệm vụ')).toBe('HTNV');
  });

  it('knows the full name of every level', () => {
    for (const code of RATING_CODES) expect(parseRating(RATING_NAMES[code])).toBe(code);
  });
});

describe('parseRatingField', () => {
  it('names the field when empty or unknown', () => {
    expect(parseRatingField('rating', '  ')).toEqual({ ok: false, problem: { key: 'invalid.required', params: { field: 'rating' } } });
    const bad = parseRatingField('rating', ' giỏi ');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problem.key).toBe('invalid.rating');
      expect(bad.problem.params).toMatchObject({ field: 'rating', value: 'giỏi' });
    }
    expect(parseRatingField('rating', 'httnv')).toEqual({ ok: true, value: 'HTTNV' });
  });
});

describe('rating order', () => {
  it('ranks HTXSNV > HTTNV > HTNV > KHTNV', () => {
    expect(RATING_CODES.map(ratingRank)).toEqual([4, 3, 2, 1]);
    const shuffled: Rating[] = ['HTNV', 'HTXSNV', 'KHTNV', 'HTTNV'];
    expect([...shuffled].sort(compareRatings)).toEqual(['KHTNV', 'HTNV', 'HTTNV', 'HTXSNV']);
  });

  it.each<[Rating | string | null | undefined, Rating, boolean]>([
    ['HTXSNV', 'HTXSNV', true],
    ['HTXSNV', 'HTTNV', true],
    ['HTTNV', 'HTTNV', true],
    ['HTTNV', 'HTXSNV', false],
    ['HTNV', 'HTTNV', false],
    ['HTNV', 'HTNV', true],
    ['KHTNV', 'HTNV', false],
    ['KHTNV', 'KHTNV', true],
    [null, 'KHTNV', false],
    [undefined, 'HTNV', false],
    ['XYZ', 'KHTNV', false],
  ])('atLeast(%j, %s) = %j', (rating, level, expected) => {
    expect(atLeast(rating, level)).toBe(expected);
  });
});

describe('movement and achievement choices', () => {
  it.each([
    ['school', 'school'],
    ['trường', 'school'],
    ['Truong', 'school'],
    ['Nhà trường', 'school'],
    ['union', 'union'],
    ['công đoàn', 'union'],
    ['CONG DOAN', 'union'],
  ])('--by %j → %s', (raw, expected) => {
    expect(parseChoice('launchedBy', raw, LAUNCHED_BY_ALIASES, LAUNCHED_BY_ALLOWED)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['task', 'task'],
    ['nhiệm vụ', 'task'],
    ['Nhiem vu', 'task'],
    ['phong trào', 'movement'],
    ['movement', 'movement'],
    ['Công đoàn', 'union'],
    ['từ thiện', 'charity'],
    ['xã hội', 'charity'],
    ['khác', 'other'],
    ['OTHER', 'other'],
  ])('--kind %j → %s', (raw, expected) => {
    expect(parseChoice('achievementKind', raw, ACHIEVEMENT_KIND_ALIASES, ACHIEVEMENT_KINDS_ALLOWED)).toEqual({ ok: true, value: expected });
  });

  it('refuses an unknown kind, naming the choices', () => {
    const p = parseChoice('achievementKind', 'sport', ACHIEVEMENT_KIND_ALIASES, ACHIEVEMENT_KINDS_ALLOWED);
    expect(p).toMatchObject({ ok: false, problem: { key: 'invalid.choice', params: { value: 'sport', allowed: ACHIEVEMENT_KINDS_ALLOWED } } });
  });
});

describe('movement dates', () => {
  const closed = { from: '2025-03-01', to: '2025-06-30' };
  const open = { from: '2025-03-01', to: null };
  it.each<[typeof closed | typeof open, string, boolean]>([
    [closed, '2025-02-28', false],
    [closed, '2025-03-01', true],
    [closed, '2025-06-30', true],
    [closed, '2025-07-01', false],
    [open, '2025-02-28', false],
    [open, '2031-01-01', true],
  ])('spanHolds(%j, %s) = %j', (span, date, expected) => {
    expect(spanHolds(span, date)).toBe(expected);
  });

  it.each<[typeof closed | typeof open, number, boolean]>([
    [closed, 2024, false],
    [closed, 2025, true],
    [closed, 2026, false],
    [{ from: '2024-11-01', to: '2025-01-01' }, 2025, true],
    [{ from: '2025-12-31', to: '2026-02-01' }, 2025, true],
    [open, 2024, false],
    [open, 2030, true],
  ])('spanOverlaps(%j, year %i) = %j', (span, year, expected) => {
    expect(spanOverlaps(span, `${year}-01-01`, `${year}-12-31`)).toBe(expected);
  });
});

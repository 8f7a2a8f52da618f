/** Bonus money across the base-salary dates and rounding modes, with DOMAIN.md's worked examples. */
import { describe, expect, it } from 'vitest';
import { amountInWords, coefficientFraction, computeBonus, formatMoney } from '../../src/domain/money.js';

describe('bonus = coefficient × base salary, rounded', () => {
  it.each([
    // DOMAIN.md worked examples
    ['LDTT decided 2025-12-20', '0.3', 2_340_000, 'up', 10_000, 710_000],
    ['LDTT decided 2026-07-15', '0.3', 2_530_000, 'up', 10_000, 760_000],
    ['TTLDXS decided 2025-12-20', '1.5', 2_340_000, 'up', 10_000, 3_510_000],
    // Each base salary in the history
    ['LDTT on 2019-07-01 pay', '0.3', 1_490_000, 'up', 10_000, 450_000],
    ['CSTDCS on 2023-07-01 pay', '1.0', 1_800_000, 'up', 10_000, 1_800_000],
    ['TTLDTT on 2024-07-01 pay', '0.8', 2_340_000, 'up', 10_000, 1_880_000],
    ['TTLDTT on 2026-07-01 pay', '0.8', 2_530_000, 'up', 10_000, 2_030_000],
    // Rounding modes
    ['down', '0.3', 2_340_000, 'down', 10_000, 700_000],
    ['nearest rounds 702.000 down', '0.3', 2_340_000, 'nearest', 10_000, 700_000],
    ['nearest rounds 759.000 up', '0.3', 2_530_000, 'nearest', 10_000, 760_000],
    ['nearest on a half goes up', '0.5', 2_530_000, 'nearest', 10_000, 1_270_000],
    ['none keeps whole đồng', '0.3', 2_340_000, 'none', 10_000, 702_000],
    ['a unit of 1.000', '0.3', 2_530_000, 'up', 1_000, 759_000],
    ['a unit of 100.000', '0.3', 2_340_000, 'up', 100_000, 800_000],
    ['exact products are not moved', '1.0', 2_340_000, 'up', 10_000, 2_340_000],
    ['a comma decimal', '1,5', 2_530_000, 'up', 10_000, 3_800_000],
    ['two decimals', '0.15', 2_340_000, 'up', 10_000, 360_000],
    ['none with a fraction of a đồng', '0.333', 1_490_001, 'none', 10_000, 496_170],
  ] as const)('%s', (_name, coefficient, base, rounding, unit, bonus) => {
    expect(computeBonus(coefficient, base, rounding, unit)).toBe(bonus);
  });

  it('computes exactly where floating point would not (1,1 × 1.800.000 is 1.980.000, not 1.980.000,0000000002)', () => {
    expect(Math.ceil((1.1 * 1_800_000) / 10_000) * 10_000).toBe(1_990_000);
    expect(computeBonus('1.1', 1_800_000, 'up', 10_000)).toBe(1_980_000);
    expect(computeBonus('0.7', 1_490_000, 'none', 1)).toBe(1_043_000);
    expect(coefficientFraction('0.3')).toEqual({ num: 3n, den: 10n });
    expect(coefficientFraction('abc')).toBeNull();
  });
});

describe('amounts in figures and words', () => {
  it.each([
    [1_800_000, '1.800.000', 'Một triệu tám trăm nghìn đồng'],
    [710_000, '710.000', 'Bảy trăm mười nghìn đồng'],
    [3_510_000, '3.510.000', 'Ba triệu năm trăm mười nghìn đồng'],
    [2_005_000, '2.005.000', 'Hai triệu không trăm lẻ năm nghìn đồng'],
    [0, '0', 'Không đồng'],
  ])('%i', (n, figures, words) => {
    expect(formatMoney(n)).toBe(figures);
    expect(amountInWords(n)).toBe(words);
  });
});

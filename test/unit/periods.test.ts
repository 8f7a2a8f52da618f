import { describe, expect, it } from 'vitest';
import { parsePeriod, ratableFrom } from '../../src/domain/periods.js';

describe('ratableFrom: a rating is entered from the last month of its period', () => {
  it.each([
    ['2026-Q1', '2026-03-01'],
    ['2026-Q2', '2026-06-01'],
    ['2026-Q3', '2026-09-01'],
    ['2026-Q4', '2026-12-01'],
    ['2026', '2026-12-01'],
    ['2000', '2000-12-01'],
  ])('%s from %s', (period, from) => {
    expect(ratableFrom(parsePeriod(period)!)).toBe(from);
  });
});

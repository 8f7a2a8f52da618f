import { describe, expect, it } from 'vitest';
import { daysBetween, isRunning, isSilent, monthEnd, parsePercent, parseReport, parseReportMonth } from '../../src/domain/progress.js';

describe('parsePercent', () => {
  it.each([
    ['0', 0],
    ['100', 100],
    ['45', 45],
    [' 45% ', 45],
    ['45 %', 45],
    ['007', 7],
  ])('%j is %i', (raw, value) => {
    expect(parsePercent('percent', raw)).toEqual({ ok: true, value });
  });
  it.each(['101', '105', '-1', 'abc', '12.5', '1e2', '50%%', '1000'])('%j is refused', (raw) => {
    const p = parsePercent('percent', raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem).toMatchObject({ key: 'progress.invalidPercent', params: { field: 'percent', value: raw } });
  });
  it('is required', () => {
    expect(parsePercent('percent', ' ')).toEqual({ ok: false, problem: { key: 'invalid.required', params: { field: 'percent' } } });
  });
});

describe('parseReportMonth', () => {
  const today = '2026-11-28';
  it.each([
    ['2026-11', '2026-11'],
    ['11/2026', '2026-11'],
    ['2026-1', '2026-01'],
    ['2025-12', '2025-12'],
  ])('%j is %s', (raw, value) => {
    expect(parseReportMonth('month', raw, today)).toEqual({ ok: true, value });
  });
  it.each([
    ['2026-12', 'progress.futureMonth'],
    ['2027-01', 'progress.futureMonth'],
    ['2026-13', 'invalid.month'],
    ['tháng 10', 'invalid.month'],
    ['', 'invalid.required'],
  ])('%j is refused with %s', (raw, key) => {
    const p = parseReportMonth('month', raw, today);
    expect(p.ok ? null : p.problem.key).toBe(key);
  });
});

describe('parseReport', () => {
  it('reports every problem at once', () => {
    const { problems } = parseReport({ month: '2027-01', percent: 'abc', note: 'x'.repeat(501) }, '2026-11-28');
    expect(problems.map((p) => p.key)).toEqual(['progress.futureMonth', 'progress.invalidPercent', 'invalid.tooLong']);
  });
  it('cleans the note; an empty note is null', () => {
    expect(parseReport({ month: '2026-10', percent: '5', note: '  a   b ' }, '2026-11-28')).toEqual({ value: { month: '2026-10', percent: 5, note: 'a b' }, problems: [] });
    expect(parseReport({ month: '2026-10', percent: '5', note: ' ' }, '2026-11-28').value.note).toBeNull();
  });
});

describe('isRunning', () => {
  it.each([
    ['registered', true],
    ['in_progress', true],
    ['applied', false],
    ['recognised', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('%s → %s', (status, running) => {
    expect(isRunning(status)).toBe(running);
  });
});

describe('isSilent', () => {
  it.each([
    // whole past months without a report: the current month never counts
    ['2026-08', '2026-02-15', '2026-11', true],
    ['2026-09', '2026-02-15', '2026-11', false],
    ['2026-09', '2026-02-15', '2026-12', true],
    ['2026-10', '2026-02-15', '2026-11', false],
    ['2026-11', '2026-02-15', '2026-11', false],
    ['2025-11', '2025-02-15', '2026-02', true],
    ['2025-12', '2025-02-15', '2026-02', false],
    ['2025-12', '2025-02-15', '2026-03', true],
    [null, '2026-08-31', '2026-11', true],
    [null, '2026-09-30', '2026-11', false],
    [null, '2026-09-01', '2026-12', true],
    [null, '2026-10-01', '2026-11', false],
    [null, '2026-11-02', '2026-11', false],
  ] as const)('last %s, registered %s, in %s → %s', (last, registered, month, silent) => {
    expect(isSilent(last, registered, month)).toBe(silent);
  });
});

describe('monthEnd and daysBetween', () => {
  it.each([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, end) => {
    expect(monthEnd(month)).toBe(end);
  });
  it.each([
    ['2026-11-01', '2026-11-10', 9],
    ['2026-10-20', '2026-11-10', 21],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-11-10', '2026-11-10', 0],
    ['2026-11-11', '2026-11-10', -1],
  ])('%s → %s is %i days', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });
});

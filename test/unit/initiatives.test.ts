import { describe, expect, it } from 'vitest';
import {
  formatInitiativeCode, INITIATIVE_EVENTS, INITIATIVE_STATUSES, isFinal, looksLikeInitiativeCode, nextStatus, parseAuthorSpec, parseAuthors,
  parseInitiativeCode, type InitiativeEvent, type InitiativeStatus,
} from '../../src/domain/initiatives.js';
import { matchTitle, parseRegistrationYear } from '../../src/domain/registrations.js';

describe('initiative codes', () => {
  it.each([
    ['initiative', 2025, 1, 'SK-2025-001'],
    ['research', 2025, 12, 'DT-2025-012'],
    ['initiative', 2026, 999, 'SK-2026-999'],
    ['initiative', 2026, 1000, 'SK-2026-1000'],
  ] as const)('%s %i no. %i is %s', (kind, year, seq, code) => {
    expect(formatInitiativeCode(kind, year, seq)).toBe(code);
  });

  it.each([
    ['SK-2025-001', 'SK-2025-001', 'initiative', 1],
    ['sk-2025-001', 'SK-2025-001', 'initiative', 1],
    ['sk-2025-1', 'SK-2025-001', 'initiative', 1],
    ['SK2025001', 'SK-2025-001', 'initiative', 1],
    [' dt 2025 07 ', 'DT-2025-007', 'research', 7],
    ['ĐT-2025-010', 'DT-2025-010', 'research', 10],
    ['đt/2025/10', 'DT-2025-010', 'research', 10],
  ] as const)('reads %j as %s', (raw, code, kind, seq) => {
    expect(parseInitiativeCode(raw)).toEqual({ code, kind, year: 2025, seq });
  });

  it.each(['', 'VC001', 'SK-25-001', 'XX-2025-001', 'SK-2025-000', 'SK-2025-', 'SK-2025-00001'])('%j is not a code', (raw) => {
    expect(parseInitiativeCode(raw)).toBeNull();
  });
});

describe('what reads as an initiative code', () => {
  it.each([
    ['SK-2025-001', true],
    ['sk-25-1', true],
    ['ĐT 2025', true],
    ['DT2025001', true],
    ['VC012', false],
    ['SKH01', false],
    ['KLLCS', false],
  ])('%j → %s', (raw, yes) => {
    expect(looksLikeInitiativeCode(raw)).toBe(yes);
  });
});

describe('author specs', () => {
  it.each([
    ['VC012', { code: 'VC012', share: null }],
    ['vc012', { code: 'VC012', share: null }],
    ['VC012:60', { code: 'VC012', share: 60 }],
    [' vc012 : 60% ', { code: 'VC012', share: 60 }],
    ['VC012=100', { code: 'VC012', share: 100 }],
  ])('%j', (raw, value) => {
    expect(parseAuthorSpec(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['VC012:0', 'initiative.badShare'],
    ['VC012:101', 'initiative.badShare'],
    ['VC012:33.5', 'initiative.badShare'],
    ['VC012:-5', 'initiative.badShare'],
    ['VC012:', 'initiative.badShare'],
    [':60', 'initiative.authorSpec'],
    ['Nguyễn Văn A', 'invalid.code'],
  ])('%j is refused with %s', (raw, key) => {
    const p = parseAuthorSpec(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.key).toBe(key);
  });
});

describe('author shares', () => {
  it.each([
    [['VC001'], [{ code: 'VC001', share: 100 }]],
    [['VC001:100'], [{ code: 'VC001', share: 100 }]],
    [['VC001:60', 'VC002:40'], [{ code: 'VC001', share: 60 }, { code: 'VC002', share: 40 }]],
    [['VC001:34', 'VC002:33', 'vc003:33'], [{ code: 'VC001', share: 34 }, { code: 'VC002', share: 33 }, { code: 'VC003', share: 33 }]],
  ])('%j is accepted', (raws, value) => {
    expect(parseAuthors(raws)).toEqual({ value, problems: [] });
  });

  it.each([
    [[], 'invalid.required', {}],
    [['VC001:60'], 'initiative.sharesSum', { sum: 60 }],
    [['VC001', 'VC002'], 'initiative.sharesNeeded', { count: 2, codes: 'VC001, VC002' }],
    [['VC001:60', 'VC002'], 'initiative.sharesMixed', { codes: 'VC002' }],
    [['VC001:60', 'VC002:50'], 'initiative.sharesSum', { sum: 110 }],
    [['VC001:50', 'vc001:50'], 'initiative.authorTwice', { code: 'VC001' }],
    [['VC001:0', 'VC002:100'], 'initiative.badShare', { code: 'VC001' }],
  ])('%j is refused with %s', (raws, key, params) => {
    const r = parseAuthors(raws);
    expect(r.value).toEqual([]);
    expect(r.problems[0]!.key).toBe(key);
    expect(r.problems[0]!.params).toMatchObject(params);
  });
});

describe('the status machine', () => {
  const table: [InitiativeStatus, InitiativeEvent, InitiativeStatus | null][] = [
    ['registered', 'report', 'in_progress'],
    ['in_progress', 'report', 'in_progress'],
    ['applied', 'report', null],
    ['recognised', 'report', null],
    ['withdrawn', 'report', null],
    ['registered', 'apply', 'applied'],
    ['in_progress', 'apply', 'applied'],
    ['applied', 'apply', null],
    ['applied', 'recognise', 'recognised'],
    ['applied', 'reject', 'rejected'],
    ['in_progress', 'recognise', null],
    ['registered', 'reject', null],
    ['recognised', 'reject', null],
    ['rejected', 'recognise', null],
    ['registered', 'withdraw', 'withdrawn'],
    ['in_progress', 'withdraw', 'withdrawn'],
    ['applied', 'withdraw', 'withdrawn'],
    ['recognised', 'withdraw', null],
    ['rejected', 'withdraw', null],
    ['withdrawn', 'withdraw', null],
  ];
  it.each(table)('%s + %s → %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it('lets nothing happen after a final state except nothing', () => {
    for (const s of INITIATIVE_STATUSES.filter(isFinal)) {
      for (const e of INITIATIVE_EVENTS) expect(nextStatus(s, e), `${s} ${e}`).toBeNull();
    }
  });
});

describe('registration years', () => {
  it.each([
    ['2026', 2026],
    ['2027', 2027],
    ['2020', 2020],
    [2025, 2025],
  ] as const)('%j is accepted on 2026-11-28', (raw, year) => {
    expect(parseRegistrationYear('year', raw, '2026-11-28')).toEqual({ ok: true, value: year });
  });

  it.each([
    ['2028', 'registration.yearTooFar'],
    ['26', 'invalid.year'],
    ['năm nay', 'invalid.year'],
    ['', 'invalid.required'],
  ])('%j is refused with %s', (raw, key) => {
    const p = parseRegistrationYear('year', raw, '2026-11-28');
    expect(p.ok ? null : p.problem.key).toBe(key);
  });
});

describe('titles as clerks write them', () => {
  const titles = [
    { code: 'LDTT', name: 'Lao động tiên tiến' },
    { code: 'TTLDTT', name: 'Tập thể lao động tiên tiến' },
    { code: 'DHTT', name: 'Điển hình tiên tiến' },
  ];
  it.each([
    ['LDTT', 'LDTT'],
    ['lđtt', 'LDTT'],
    ['Lao động tiên tiến', 'LDTT'],
    ['lao dong tien tien', 'LDTT'],
    ['TẬP THỂ LAO ĐỘNG TIÊN TIẾN', 'TTLDTT'],
    ['đhtt', 'DHTT'],
    ['Giấy khen', undefined],
  ])('%j → %s', (raw, code) => {
    expect(matchTitle(titles, raw)?.code).toBe(code);
  });
});

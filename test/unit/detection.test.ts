import { describe, expect, it } from 'vitest';
import {
  assessPerson, assessUnit, compareRanked, workInYear, type Line, type PersonEvidence, type Ranked, type UnitEvidence, type Work,
} from '../../src/domain/detection.js';
import { daysBetween, daysOverdue } from '../../src/domain/foster.js';

const person = (over: Partial<PersonEvidence>): PersonEvidence => ({
  year: 2025, category: 'staff', annual: null, quarters: [], works: [], achievements: [], registrations: [], fosteredSince: null, ...over,
});
const unit = (over: Partial<UnitEvidence>): UnitEvidence => ({
  year: 2025, members: 0, ratedGood: 0, ratedExcellent: 0, unrated: 0, works: [], achievements: [], registrations: [], ...over,
});
const work = (over: Partial<Work>): Work => ({ code: 'SK-2025-001', kind: 'initiative', year: 2025, status: 'registered', statusOn: '2025-02-01', share: 100, ...over });
const keys = (lines: Line[]) => lines.map((l) => l.key);
const q = (...quarters: [number, string][]) => quarters.map(([quarter, rating]) => ({ quarter, rating }));

describe('workInYear', () => {
  it.each([
    ['recognised in the year', work({ status: 'recognised', statusOn: '2025-10-15' }), 'recognised'],
    ['recognised in the year, registered earlier', work({ year: 2024, status: 'recognised', statusOn: '2025-03-01' }), 'recognised'],
    ['recognised the year before', work({ year: 2024, status: 'recognised', statusOn: '2024-12-01' }), null],
    ['recognised the year after (it was running)', work({ status: 'recognised', statusOn: '2026-01-20' }), 'running'],
    ['registered, still so', work({}), 'running'],
    ['in progress since an earlier year', work({ year: 2023, status: 'in_progress', statusOn: '2023-05-01' }), 'running'],
    ['applied', work({ status: 'applied', statusOn: '2025-11-01' }), 'running'],
    ['registered the year after', work({ year: 2026, statusOn: '2026-02-01' }), null],
    ['rejected in the year', work({ status: 'rejected', statusOn: '2025-12-01' }), null],
    ['withdrawn the year after (it was running)', work({ status: 'withdrawn', statusOn: '2026-02-01' }), 'running'],
  ])('%s', (_name, w, expected) => {
    expect(workInYear(w, 2025)).toBe(expected);
  });
});

describe('assessPerson', () => {
  it.each([
    // name, evidence, candidate, score, first missing key (or null for none), keys that must be missing, keys that must be evidence
    ['staff HTTNV registered, one achievement', person({ annual: 'HTTNV', registrations: ['DHTT'], achievements: ['task'] }), true, 35, null, [], ['detect.ev.met']],
    ['staff HTXSNV not registered, nothing logged', person({ annual: 'HTXSNV' }), true, 40, 'detect.miss.notRegistered', ['detect.miss.s4'], ['detect.ev.annual']],
    ['staff HTNV is disqualified', person({ annual: 'HTNV', registrations: ['DHTT'] }), false, 10, 'detect.reason.disqualified', [], []],
    ['staff KHTNV is disqualified', person({ annual: 'KHTNV', quarters: q([1, 'HTXSNV'], [2, 'HTXSNV']) }), false, 16, 'detect.reason.disqualified', [], []],
    ['leader HTTNV with an achievement: L4 and L2 still missing', person({ category: 'leader', annual: 'HTTNV', achievements: ['task'] }), true, 25, 'detect.miss.notRegistered', ['detect.miss.l4', 'detect.miss.l2'], []],
    ['HTTNV with nothing that stands out is not a candidate', person({ annual: 'HTTNV', registrations: ['DHTT'] }), false, 30, 'detect.reason.ordinary', [], []],
    ['leader HTNV is disqualified', person({ category: 'leader', annual: 'HTNV' }), false, 0, 'detect.reason.disqualified', ['detect.miss.l2'], []],
    [
      'leader HTXSNV with a recognised initiative (share 60%)',
      person({ category: 'leader', annual: 'HTXSNV', registrations: ['DHTT'], works: [work({ status: 'recognised', statusOn: '2025-10-15', share: 60 })] }),
      true, 68, null, [], ['detect.ev.recognised', 'detect.ev.met'],
    ],
    ['no annual rating, two quarters HTXSNV', person({ quarters: q([1, 'HTXSNV'], [3, 'HTXSNV'], [2, 'HTTNV']) }), true, 16, 'detect.miss.notRegistered', ['detect.miss.noAnnual', 'detect.miss.s4'], ['detect.ev.quarters']],
    ['no annual rating, one quarter HTXSNV', person({ quarters: q([1, 'HTXSNV'], [2, 'HTTNV']) }), false, 8, 'detect.reason.noRating', ['detect.miss.s4'], []],
    ['nothing at all', person({}), false, 0, 'detect.reason.noRating', [], []],
    ['running work counts by share', person({ annual: 'HTTNV', works: [work({ status: 'in_progress', share: 50 })] }), true, 25, 'detect.miss.notRegistered', [], ['detect.ev.running']],
    ['achievements are capped at 20', person({ annual: 'HTTNV', achievements: ['task', 'task', 'union', 'charity', 'other', 'movement'] }), true, 40, 'detect.miss.notRegistered', [], ['detect.ev.achievements']],
    ['fostered adds 5', person({ annual: 'HTTNV', fosteredSince: '2025-03-01' }), true, 25, 'detect.miss.notRegistered', [], ['detect.ev.fostered']],
  ])('%s', (_name, e, candidate, score, first, mustMiss, mustShow) => {
    const a = assessPerson(e);
    expect(a.candidate).toBe(candidate);
    expect(a.score).toBe(score);
    expect(a.missing[0]?.key ?? null).toBe(first);
    for (const k of mustMiss) expect(keys(a.missing)).toContain(k);
    for (const k of mustShow) expect(keys(a.evidence)).toContain(k);
  });

  it('names the criterion each rating decides', () => {
    expect(assessPerson(person({ annual: 'HTNV' })).missing[0].params).toMatchObject({ rating: 'HTNV', criterion: 'S5', year: 2025 });
    expect(assessPerson(person({ category: 'leader', annual: 'KHTNV' })).missing[0].params).toMatchObject({ criterion: 'L4' });
    expect(assessPerson(person({ category: 'leader', quarters: q([1, 'HTXSNV'], [2, 'HTXSNV']) })).missing.find((l) => l.key === 'detect.miss.noAnnual')?.params)
      .toMatchObject({ criterion: 'L4' });
    const staff = assessPerson(person({ annual: 'HTTNV' }));
    expect(staff.evidence.find((l) => l.key === 'detect.ev.met')?.params).toEqual({ criterion: 'S5' });
    const leader = assessPerson(person({ category: 'leader', annual: 'HTXSNV' }));
    expect(leader.evidence.filter((l) => l.key === 'detect.ev.met').map((l) => l.params?.criterion)).toEqual(['L4']);
    expect(keys(leader.missing)).not.toContain('detect.miss.l4');
    // S4 is a staff criterion, L2/L4 leaders' only
    expect(keys(assessPerson(person({ category: 'leader', annual: 'HTXSNV' })).missing)).not.toContain('detect.miss.s4');
    expect(keys(assessPerson(person({ annual: 'HTTNV' })).missing)).not.toContain('detect.miss.l2');
  });

  it('lists quarters in order and achievements by kind', () => {
    const a = assessPerson(person({ quarters: q([3, 'HTXSNV'], [1, 'HTXSNV']), achievements: ['charity', 'task', 'task'] }));
    expect(a.evidence.find((l) => l.key === 'detect.ev.quarters')?.params).toMatchObject({ count: 2, quarters: 'Q1, Q3' });
    const ach = a.evidence.find((l) => l.key === 'detect.ev.achievements')!;
    expect(ach.params?.count).toBe(3);
    expect((ach.params?.kinds as Line[]).map((l) => [(l.params?.kind as Line).key, l.params?.count])).toEqual([
      ['detect.achievement.task', 2],
      ['detect.achievement.charity', 1],
    ]);
  });

  it('does not count a registration for another title as DHTT', () => {
    const a = assessPerson(person({ annual: 'HTTNV', registrations: ['LDTT'] }));
    expect(a.score).toBe(20);
    expect(keys(a.missing)).toContain('detect.miss.notRegistered');
    expect(a.evidence.find((l) => l.key === 'detect.ev.registered')?.params).toMatchObject({ titles: 'LDTT' });
  });
});

describe('assessUnit', () => {
  it.each([
    ['70% rated HTTNV or better', unit({ members: 10, ratedGood: 7 }), true, 28, 'detect.miss.notRegistered'],
    ['69% is not enough', unit({ members: 13, ratedGood: 9 }), false, 27.7, 'detect.reason.unit'],
    ['60% and no own work', unit({ members: 10, ratedGood: 6, ratedExcellent: 2 }), false, 28, 'detect.reason.unit'],
    ['all members, half of them HTXSNV', unit({ members: 4, ratedGood: 4, ratedExcellent: 2 }), true, 50, 'detect.miss.notRegistered'],
    ['an achievement of its own', unit({ members: 10, ratedGood: 2, achievements: ['movement'] }), true, 13, 'detect.miss.notRegistered'],
    ['an initiative of its own running', unit({ works: [work({})] }), true, 5, 'detect.miss.notRegistered'],
    ['an initiative recognised', unit({ works: [work({ status: 'recognised', statusOn: '2025-06-01' })] }), true, 15, 'detect.miss.notRegistered'],
    ['no members, nothing of its own', unit({}), false, 0, 'detect.reason.unit'],
  ])('%s', (_name, e, candidate, score, first) => {
    const a = assessUnit(e);
    expect(a.candidate).toBe(candidate);
    expect(a.score).toBe(score);
    expect(a.missing[0].key).toBe(first);
  });

  it('says which registrations and ratings are missing', () => {
    const none = assessUnit(unit({ members: 5, ratedGood: 4, unrated: 1 }));
    expect(keys(none.missing)).toEqual(['detect.miss.notRegistered', 'detect.miss.notRegisteredCollective', 'detect.miss.unrated', 'detect.miss.unitAchievements']);
    expect(none.evidence[0]).toEqual({ key: 'detect.ev.members', params: { good: 4, members: 5, percent: 80, excellent: 0, year: 2025 } });
    const full = assessUnit(unit({ members: 5, ratedGood: 5, registrations: ['TTLDXS', 'DHTT'], achievements: ['task'] }));
    expect(full.missing).toEqual([]);
    expect(full.evidence.find((l) => l.key === 'detect.ev.registered')?.params).toMatchObject({ titles: 'DHTT, TTLDXS' });
    expect(keys(assessUnit(unit({ registrations: ['TTLDTT'] })).missing)).not.toContain('detect.miss.notRegisteredCollective');
  });

  it('shows unit works without a share', () => {
    const a = assessUnit(unit({ works: [work({ kind: 'research', code: 'DT-2025-001', status: 'applied' })] }));
    expect(a.evidence[0]).toEqual({
      key: 'detect.ev.runningUnit',
      params: { kind: { key: 'detect.work.research' }, code: 'DT-2025-001', status: { key: 'detect.status.applied' } },
    });
  });
});

describe('compareRanked', () => {
  const r = (subject: string, name: string, score: number, candidate = true, kind: 'person' | 'unit' = 'person'): Ranked => ({ subject, name, score, candidate, kind });
  it('puts candidates first, then by score, people before units, then by given name', () => {
    const rows = [
      r('X1', 'Lê Văn Bình', 90, false),
      r('KLLCS', 'Khoa Lý luận cơ sở', 40, true, 'unit'),
      r('VC2', 'Trần Thị Bích', 40),
      r('VC3', 'Nguyễn Văn An', 40),
      r('VC4', 'Phạm Đức', 78),
      r('VC5', 'Đỗ Văn Cường', 10, false),
    ];
    expect([...rows].sort(compareRanked).map((x) => x.subject)).toEqual(['VC4', 'VC3', 'VC2', 'KLLCS', 'X1', 'VC5']);
  });
});

describe('foster: overdue tasks', () => {
  it.each([
    ['due yesterday', { due: '2026-11-27', doneOn: null }, '2026-11-28', true, 1],
    ['due today', { due: '2026-11-28', doneOn: null }, '2026-11-28', true, 0],
    ['due across a year end', { due: '2025-12-30', doneOn: null }, '2026-01-02', true, 3],
    ['done late', { due: '2026-11-01', doneOn: '2026-11-20' }, '2026-11-28', true, 0],
    ['watch ended', { due: '2026-11-01', doneOn: null }, '2026-11-28', false, 0],
  ])('%s', (_name, task, today, open, days) => {
    expect(daysOverdue(task, today, open)).toBe(days);
  });
  it('counts days between dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  averageOf, eligibleScorers, memberMean, orderRoll, parseConditions, parseRoll, parseScore, parseScores, recognitionBlock,
  reviewDeadline, roundAverage, ruleNumber, sameRoll, scoringProgress, visible, type CouncilRole, type Scores,
} from '../../src/domain/review.js';

describe('parseScore', () => {
  it.each([
    ['0', 10, 0],
    ['10', 10, 10],
    ['7.5', 10, 7.5],
    ['7,5', 10, 7.5],
    [' 8 ', 10, 8],
    ['20', 20, 20],
  ])('%s (max %d) is %d', (raw, max, value) => {
    expect(parseScore('scoreNovelty', raw, max)).toEqual({ ok: true, value });
  });

  it.each([
    ['10.5', 10, 'review.badScore'],
    ['11', 10, 'review.badScore'],
    ['7.25', 10, 'review.badScore'],
    ['-1', 10, 'review.badScore'],
    ['abc', 10, 'review.badScore'],
    ['7.', 10, 'review.badScore'],
    ['', 10, 'invalid.required'],
  ])('%s (max %d) is refused with %s', (raw, max, key) => {
    const p = parseScore('scoreNovelty', raw, max);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.key).toBe(key);
  });

  it('reports every bad criterion at once', () => {
    const r = parseScores({ novelty: '11', applicability: '7', benefit: 'x' }, 10);
    expect(r.problems.map((p) => p.params?.field)).toEqual(['scoreNovelty', 'scoreBenefit']);
  });
});

describe('averages', () => {
  const s = (novelty: number, applicability: number, benefit: number): Scores => ({ novelty, applicability, benefit });
  it.each([
    [[s(9, 6, 6)], 7],
    [[s(8, 7, 9), s(6, 6, 6)], 7],
    // mean of members' means, not of all nine numbers weighted otherwise: (7 + 5 + 6.5) / 3
    [[s(7, 7, 7), s(5, 5, 5), s(6, 7, 6.5)], (7 + 5 + 19.5 / 3) / 3],
    [[], null],
  ])('averageOf %j is %s', (scores, expected) => {
    const a = averageOf(scores);
    if (expected === null) expect(a).toBeNull();
    else expect(a).toBeCloseTo(expected, 10);
  });

  it.each([
    [6.666666, 6.67],
    [4.995, 5],
    [5.005, 5.01],
    [7, 7],
  ])('roundAverage(%d) is %d', (x, r) => expect(roundAverage(x)).toBe(r));

  it('compares the unrounded average with the pass mark', () => {
    // 4.997 shows as 5.00 but is below a pass mark of 5
    const progress = scoringProgress(['A'], new Set(['A']));
    expect(recognitionBlock(progress, 4.997, 5)).toEqual({ kind: 'belowPass', average: 4.997, passMark: 5 });
  });

  it('memberMean is the mean of the three criteria', () => expect(memberMean(s(9, 6, 6))).toBe(7));
});

describe('who scores', () => {
  const roll = [
    { code: 'A', active: true },
    { code: 'B', active: true },
    { code: 'C', active: false },
    { code: 'D', active: true },
  ];
  it.each([
    [[], [], ['A', 'B', 'D']],
    [['B'], [], ['A', 'D']],
    [['B', 'X'], [], ['A', 'D']],
    // a member who left still counts when they scored before leaving
    [[], ['C'], ['A', 'B', 'C', 'D']],
    [['A', 'B', 'D'], [], []],
  ])('authors %j, scored %j → %j', (authors, scored, expected) => {
    expect(eligibleScorers(roll, authors, new Set(scored))).toEqual(expected);
  });

  it.each([
    [['A', 'B'], [], { scored: 0, scorers: 2, waiting: ['A', 'B'], complete: false }],
    [['A', 'B'], ['B'], { scored: 1, scorers: 2, waiting: ['A'], complete: false }],
    [['A', 'B'], ['A', 'B'], { scored: 2, scorers: 2, waiting: [], complete: true }],
    [[], [], { scored: 0, scorers: 0, waiting: [], complete: false }],
  ])('progress of %j with %j scored', (eligible, scored, expected) => {
    expect(scoringProgress(eligible, new Set(scored))).toEqual(expected);
  });

  it('hides values until complete', () => {
    expect(visible(scoringProgress(['A', 'B'], new Set(['A'])), 7)).toBeNull();
    expect(visible(scoringProgress(['A', 'B'], new Set(['A', 'B'])), 7)).toBe(7);
  });
});

describe('the decision rule', () => {
  const done = scoringProgress(['A', 'B'], new Set(['A', 'B']));
  const half = scoringProgress(['A', 'B'], new Set(['A']));
  const none = scoringProgress([], new Set());
  it.each([
    ['passes at the mark', done, 5, 5, null],
    ['passes above', done, 8.2, 5, null],
    ['below the mark', done, 4.99, 5, { kind: 'belowPass', average: 4.99, passMark: 5 }],
    ['a higher mark', done, 6, 7, { kind: 'belowPass', average: 6, passMark: 7 }],
    ['incomplete', half, null, 5, { kind: 'incomplete', scored: 1, scorers: 2 }],
    ['nobody can score', none, null, 5, { kind: 'noScorers' }],
  ] as const)('%s', (_name, progress, average, passMark, expected) => {
    expect(recognitionBlock(progress, average, passMark)).toEqual(expected);
  });

  it.each([
    [['new,benefit,not-excluded'], [], []],
    [['new', 'benefit'], ['not-excluded'], []],
    [['Tính mới; hiệu quả', 'not excluded'], [], []],
    [[], ['new', 'benefit', 'not-excluded'], []],
    [['new,useful'], ['benefit', 'not-excluded'], ['useful']],
  ])('conditions %j: missing %j, unknown %j', (raws, missing, unknown) => {
    const r = parseConditions(raws);
    expect(r.missing).toEqual(missing);
    expect(r.unknown).toEqual(unknown);
  });
});

describe('the roll', () => {
  it('orders chair, vices, members by given name, secretary', () => {
    const m = (name: string, role: CouncilRole) => ({ name, role });
    const ordered = orderRoll([
      m('Lê Văn Tư', 'secretary'),
      m('Nguyễn Thị Thu Thủy', 'member'),
      m('Đặng Văn An', 'member'),
      m('Phạm Minh Đức', 'vice'),
      m('Trần Văn Thịnh', 'chair'),
    ]);
    expect(ordered.map((x) => x.name)).toEqual(['Trần Văn Thịnh', 'Phạm Minh Đức', 'Đặng Văn An', 'Nguyễn Thị Thu Thủy', 'Lê Văn Tư']);
  });

  it.each([
    ['a full roll', { chair: 'vc001', vice: ['VC004'], members: ['VC002', 'VC003'], secretary: 'VC010' }, [], 5],
    ['three without members', { chair: 'VC001', vice: ['VC004'], secretary: 'VC010' }, [], 3],
    ['no chair', { members: ['VC002', 'VC003', 'VC004'] }, ['invalid.required'], 0],
    ['too few', { chair: 'VC001', members: ['VC002'] }, ['council.tooFew'], 0],
    ['one person twice', { chair: 'VC001', members: ['VC001', 'VC002', 'VC003'] }, ['council.personTwice'], 0],
    ['a bad code', { chair: 'VC 001', members: ['VC002', 'VC003'] }, ['invalid.code'], 0],
  ])('%s', (_name, input, keys, count) => {
    const r = parseRoll(input);
    expect(r.problems.map((p) => p.key)).toEqual(keys);
    expect(r.value).toHaveLength(count);
  });

  it('names the flags of a person given twice', () => {
    const r = parseRoll({ chair: 'VC001', members: ['VC002', 'VC003'], secretary: 'vc002' });
    expect(r.problems[0]).toEqual({ key: 'council.personTwice', params: { code: 'VC002', flags: '--member, --secretary' } });
  });

  it('keeps the order given, chair first', () => {
    const r = parseRoll({ chair: 'C', vice: ['V'], members: ['M2', 'M1'], secretary: 'S' });
    expect(r.value).toEqual([
      { code: 'C', role: 'chair', sort: 1 },
      { code: 'V', role: 'vice', sort: 2 },
      { code: 'M2', role: 'member', sort: 3 },
      { code: 'M1', role: 'member', sort: 4 },
      { code: 'S', role: 'secretary', sort: 5 },
    ]);
  });

  it('compares rolls by people and roles, not order', () => {
    expect(sameRoll([{ code: 'A', role: 'chair' }, { code: 'B', role: 'member' }], [{ code: 'B', role: 'member' }, { code: 'A', role: 'chair' }])).toBe(true);
    expect(sameRoll([{ code: 'A', role: 'chair' }, { code: 'B', role: 'member' }], [{ code: 'B', role: 'chair' }, { code: 'A', role: 'member' }])).toBe(false);
  });
});

describe('rules and dates', () => {
  it.each([
    ['90', 10, 90],
    ['7.5', 5, 7.5],
    ['7,5', 5, 7.5],
    [undefined, 5, 5],
    ['x', 10, 10],
  ])('ruleNumber(%s, %d) is %d', (raw, fallback, n) => expect(ruleNumber(raw, fallback)).toBe(n));

  it.each([
    ['2026-10-01', 90, '2026-12-30'],
    ['2026-12-15', 30, '2027-01-14'],
  ])('deadline of %s + %d days is %s', (from, days, to) => expect(reviewDeadline(from, days)).toBe(to));
});

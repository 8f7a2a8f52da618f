/** The ballot's arithmetic (DOMAIN.md "Secret ballot rules"), table-driven. */
import { describe, expect, it } from 'vitest';
import { computeResults, formatShare, parseVote, quorumMet, quorumNeeded, tallyDifferences, tallyProblems, type Tally } from '../../src/domain/tally.js';

describe('quorum', () => {
  it.each([
    // present, members, quorum, met
    [6, 9, '2/3', true],
    [5, 9, '2/3', false],
    [7, 10, '2/3', true],
    [6, 10, '2/3', false],
    [10, 10, '2/3', true],
    [0, 10, '2/3', false],
    [5, 10, '0.5', true],
    [4, 10, '50%', false],
    [8, 12, '2/3', true],
  ] as const)('%i of %i with %s → %s', (present, members, quorum, met) => {
    expect(quorumMet(present, members, quorum)).toBe(met);
  });

  it('says how many are needed', () => {
    expect(quorumNeeded(9, '2/3')).toBe(6);
    expect(quorumNeeded(10, '2/3')).toBe(7);
    expect(quorumNeeded(12, '2/3')).toBe(8);
    expect(quorumNeeded(10, '0.5')).toBe(5);
  });
});

const tally = (issued: number, returned: number, invalid: number, ...votes: [number, number, number, number][]): Tally => ({
  issued, returned, invalid, votes: votes.map(([nomination, agree, disagree, blank]) => ({ nomination, agree, disagree, blank })),
});

describe('counting checks (numbered rules)', () => {
  it.each([
    ['a sound count', tally(9, 9, 0, [1, 7, 2, 0], [2, 9, 0, 0]), 10, []],
    ['rule 1: returned above issued', tally(9, 10, 0, [1, 7, 3, 0], [2, 10, 0, 0]), 10, ['tally.rule.1']],
    ['rule 2: issued above the roll', tally(11, 11, 0, [1, 11, 0, 0], [2, 11, 0, 0]), 10, ['tally.rule.2']],
    ['rule 3: invalid above returned', tally(9, 2, 3, [1, 0, 0, 0], [2, 0, 0, 0]), 10, ['tally.rule.3']],
    ['rule 4: a nominee that does not add up', tally(9, 9, 1, [1, 7, 2, 0], [2, 8, 0, 0]), 10, ['tally.rule.4']],
    ['invalid papers leave fewer valid ones', tally(9, 9, 2, [1, 5, 2, 0], [2, 7, 0, 0]), 10, []],
    ['all blank adds up', tally(9, 9, 0, [1, 0, 0, 9], [2, 0, 0, 9]), 10, []],
    ['every paper invalid', tally(9, 9, 9, [1, 0, 0, 0], [2, 0, 0, 0]), 10, []],
    ['a nominee missing', tally(9, 9, 0, [1, 9, 0, 0]), 10, ['tally.missingVote']],
    ['a nominee twice', tally(9, 9, 0, [1, 9, 0, 0], [2, 9, 0, 0], [2, 9, 0, 0]), 10, ['tally.duplicate']],
    ['someone not on the ballot', tally(9, 9, 0, [1, 9, 0, 0], [2, 9, 0, 0], [7, 9, 0, 0]), 10, ['tally.notOnBallot']],
    ['several rules at once', tally(12, 13, 0, [1, 1, 1, 1], [2, 13, 0, 0]), 10, ['tally.rule.1', 'tally.rule.2', 'tally.rule.4']],
  ] as const)('%s', (_name, t, roll, keys) => {
    expect(tallyProblems(t, roll, [1, 2]).map((p) => p.key)).toEqual(keys);
  });

  it('names the rule, the numbers and the nominee as the label says (the code the clerk types)', () => {
    const label = (n: number) => (n === 1 ? 'VC012 – Nguyễn Văn A' : `VC0${n}`);
    const [p, missing] = tallyProblems(tally(9, 9, 0, [1, 7, 1, 0]), 10, [1, 2], label);
    expect(p).toEqual({ key: 'tally.rule.4', params: { who: 'VC012 – Nguyễn Văn A', agree: 7, disagree: 1, blank: 0, sum: 8, valid: 9 } });
    expect(missing).toEqual({ key: 'tally.missingVote', params: { who: 'VC02' } });
  });
});

describe('two entries of the same papers', () => {
  it('agree when every number is the same', () => {
    expect(tallyDifferences(tally(9, 9, 0, [1, 7, 2, 0]), tally(9, 9, 0, [1, 7, 2, 0]))).toEqual([]);
  });
  it('lists every difference', () => {
    const diffs = tallyDifferences(tally(9, 9, 0, [1, 7, 2, 0], [2, 9, 0, 0]), tally(9, 8, 0, [1, 6, 2, 0], [2, 8, 0, 0]), (n) => `VC00${n}`);
    expect(diffs.map((d) => [d.key, d.params?.who, d.params?.first, d.params?.second])).toEqual([
      ['tally.diff.returned', undefined, 9, 8],
      ['tally.diff.agree', 'VC001', 7, 6],
      ['tally.diff.agree', 'VC002', 9, 8],
    ]);
  });
});

describe('results against the threshold and base', () => {
  it.each([
    // agree, present, members, threshold, base, passed
    ['tie at the threshold passes', 7, 10, 12, '0.7', 'present', true],
    ['one short fails', 6, 10, 12, '0.7', 'present', false],
    ['2/3 exactly passes', 6, 9, 9, '2/3', 'present', true],
    ['base of all members: 7 of 12 fails', 7, 10, 12, '0.7', 'members', false],
    ['base of all members: 9 of 12 passes', 9, 10, 12, '0.75', 'members', true],
    ['70% as a percent', 7, 10, 10, '70%', 'present', true],
    ['nobody agreeing fails', 0, 10, 10, '0.7', 'present', false],
    ['a bare majority rule', 5, 9, 9, '0.5', 'present', true],
  ] as const)('%s', (_n, agree, present, members, threshold, base, passed) => {
    const [r] = computeResults(tally(present, present, 0, [1, agree, present - agree, 0]), { threshold, base, present, members });
    expect(r.passed).toBe(passed);
    expect(r.baseCount).toBe(base === 'members' ? members : present);
    expect(r.share).toBeCloseTo(agree / (base === 'members' ? members : present), 10);
  });

  it('all blank fails everyone', () => {
    const rs = computeResults(tally(9, 9, 0, [1, 0, 0, 9], [2, 0, 0, 9]), { threshold: '0.7', base: 'present', present: 9, members: 10 });
    expect(rs.map((r) => r.passed)).toEqual([false, false]);
  });

  it('invalid papers count against a nominee on the present base', () => {
    // 9 present, 2 papers invalid: 7 valid, all agree: 7/9 = 77.8% ≥ 70%.
    const [r] = computeResults(tally(9, 9, 2, [1, 7, 0, 0]), { threshold: '0.7', base: 'present', present: 9, members: 10 });
    expect(r.passed).toBe(true);
    const [s] = computeResults(tally(9, 9, 3, [1, 6, 0, 0]), { threshold: '0.7', base: 'present', present: 9, members: 10 });
    expect(s.passed).toBe(false);
  });
});

describe('typing', () => {
  it.each([
    ['12=7,1,0', { nomination: 12, agree: 7, disagree: 1, blank: 0 }],
    [' #3 = 9 , 0 , 1 ', { nomination: 3, agree: 9, disagree: 0, blank: 1 }],
    ['12=7,1', null],
    ['12=-1,1,0', null],
    ['x=1,2,3', null],
    ['12=7;1;0', null],
  ] as const)('%s', (raw, vote) => {
    expect(parseVote(raw)).toEqual(vote);
  });

  it('writes shares the reader\'s way', () => {
    expect(formatShare(7 / 9)).toBe('77,78%');
    expect(formatShare(7 / 9, 'en')).toBe('77.78%');
    expect(formatShare(0.7)).toBe('70%');
    expect(formatShare(1)).toBe('100%');
  });
});

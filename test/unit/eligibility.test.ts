/** Eligibility of a nomination: every check rule, leader/staff/unit criteria, quotas, attestations. */
import { describe, expect, it } from 'vitest';
import {
  assessEligibility, attestationProblems, criteriaFor, evaluateRule, parseAttestation, parseMemberPart, quotaPosition,
  type Attestation, type QuotaContender, type CriterionDef, type EligibilityFacts, type MemberFact, type NominationState, type TitleFact,
} from '../../src/domain/eligibility.js';

type Row = CriterionDef & { title: string };

/** The seeded catalogue (migrations/0001-base.ts), as the service reads it. */
const CATALOGUE: Row[] = [
  ['DHTT', 'L1', 'leader', 'attested', null],
  ['DHTT', 'L2', 'leader', 'data_or_attested', 'initiative_recognised'],
  ['DHTT', 'L3', 'leader', 'attested', null],
  ['DHTT', 'L4', 'leader', 'data', 'rating>=HTXSNV'],
  ['DHTT', 'S1', 'staff', 'attested', null],
  ['DHTT', 'S2', 'staff', 'attested', null],
  ['DHTT', 'S3', 'staff', 'attested', null],
  ['DHTT', 'S4', 'staff', 'attested', null],
  ['DHTT', 'S5', 'staff', 'data', 'rating>=HTTNV'],
  ['DHTT', 'U1', 'unit', 'attested', null],
  ['DHTT', 'U2', 'unit', 'attested', null],
  ['DHTT', 'U3', 'unit', 'data_or_attested', 'title:TTLDTT|TTLDXS'],
  ['LDTT', 'LDTT1', 'person', 'data', 'rating>=HTTNV'],
  ['LDTT', 'LDTT2', 'person', 'attested', null],
  ['CSTDCS', 'CSTDCS1', 'person', 'data', 'title:LDTT'],
  ['CSTDCS', 'CSTDCS2', 'person', 'data', 'initiative_recognised'],
  ['TTLDTT', 'T1', 'unit', 'attested', null],
  ['TTLDTT', 'T2', 'unit', 'data', 'members:LDTT>0.5'],
  ['TTLDTT', 'T3', 'unit', 'attested', null],
  ['TTLDXS', 'T1', 'unit', 'attested', null],
  ['TTLDXS', 'T2', 'unit', 'data', 'members:rating>=HTNV=1;members:LDTT>=0.7;members:CSTDCS>=1n'],
  ['TTLDXS', 'T3', 'unit', 'attested', null],
].map(([title, code, appliesTo, source, checkRule]) => ({ title, code, appliesTo, source, checkRule }) as Row);

const of = (award: string) => CATALOGUE.filter((c) => c.title === award);
const crit = (award: string, code: string) => of(award).find((c) => c.code === code)!;

function facts(over: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return { year: 2025, award: 'DHTT', rating: null, works: [], titles: [], members: [], quota: null, ...over };
}

const title = (award: string, status: NominationState, id = 1): TitleFact => ({ award, status, id });
const work = (code: string, status = 'recognised', statusOn = '2025-06-10') => ({
  code, kind: code.startsWith('DT') ? ('research' as const) : ('initiative' as const), status, statusOn,
});

/** `n` members: each with a rating and the statuses of their nominations for titles. */
function members(...specs: [string | null, ...[string, NominationState][]][]): MemberFact[] {
  return specs.map(([rating, ...titles], i) => ({ code: `M${i + 1}`, rating, titles: titles.map(([a, s]) => title(a, s, 100 + i)) }));
}

const att = (code: string, status: 'met' | 'unmet', evidence: string | null = status === 'met' ? 'Biên bản' : null): Attestation => ({ code, status, evidence });

describe('criteriaFor', () => {
  it.each([
    ['DHTT', 'person', 'leader', ['L1', 'L2', 'L3', 'L4']],
    ['DHTT', 'person', 'staff', ['S1', 'S2', 'S3', 'S4', 'S5']],
    ['DHTT', 'unit', null, ['U1', 'U2', 'U3']],
    ['LDTT', 'person', 'leader', ['LDTT1', 'LDTT2']],
    ['LDTT', 'person', 'staff', ['LDTT1', 'LDTT2']],
    ['CSTDCS', 'person', 'staff', ['CSTDCS1', 'CSTDCS2']],
    ['TTLDTT', 'unit', null, ['T1', 'T2', 'T3']],
    ['TTLDXS', 'unit', null, ['T1', 'T2', 'T3']],
    ['GK', 'person', 'staff', []],
    ['GK', 'unit', null, []],
  ] as const)('%s for a %s (%s) → %j', (award, kind, category, codes) => {
    expect(criteriaFor(of(award), kind, category).map((c) => c.code)).toEqual(codes);
  });
});

describe('parseAttestation', () => {
  it.each([
    ['L1=met:Báo cáo tổng kết', { code: 'L1', status: 'met', evidence: 'Báo cáo tổng kết' }],
    ['l1 = MET : Báo cáo: phần II', { code: 'L1', status: 'met', evidence: 'Báo cáo: phần II' }],
    ['s4=unmet', { code: 'S4', status: 'unmet', evidence: null }],
    ['S4=unmet:Chưa tham gia', { code: 'S4', status: 'unmet', evidence: 'Chưa tham gia' }],
    ['LDTT2=đạt:Biên bản', { code: 'LDTT2', status: 'met', evidence: 'Biên bản' }],
    ['t3=không đạt', { code: 'T3', status: 'unmet', evidence: null }],
    ['U1=met:Phong tra\u0300o', { code: 'U1', status: 'met', evidence: 'Phong trào' }],
  ])('%s', (raw, value) => {
    expect(parseAttestation(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['L1', 'elig.attest.format'],
    ['L1=maybe:x', 'elig.attest.format'],
    ['=met:x', 'elig.attest.format'],
    ['L1=met', 'elig.attest.evidenceRequired'],
    ['L1=met:   ', 'elig.attest.evidenceRequired'],
    [`L1=met:${'x'.repeat(1001)}`, 'elig.attest.tooLong'],
  ])('%s is refused (%s)', (raw, key) => {
    const p = parseAttestation(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem.key).toBe(key);
  });
});

describe('attestationProblems', () => {
  const staff = criteriaFor(of('DHTT'), 'person', 'staff');
  it.each([
    [[att('S1', 'met')], []],
    [[att('S5', 'met')], ['elig.attest.byData']],
    [[att('QUOTA', 'met')], ['elig.attest.byData']],
    [[att('L1', 'met')], ['elig.attest.notACriterion']],
    [[att('S1', 'met'), att('S1', 'unmet')], ['elig.attest.duplicate']],
    [[att('L1', 'met'), att('S5', 'unmet'), att('S2', 'met')], ['elig.attest.notACriterion', 'elig.attest.byData']],
  ])('%j → %j', (given, keys) => {
    expect(attestationProblems(staff, 'DHTT', given).map((p) => p.key)).toEqual(keys);
  });

  it('names the codes the unit can attest', () => {
    const [p] = attestationProblems(staff, 'DHTT', [att('L9', 'met')]);
    expect(p.params).toMatchObject({ code: 'L9', award: 'DHTT', codes: 'S1, S2, S3, S4' });
    // data_or_attested criteria may be attested
    expect(attestationProblems(criteriaFor(of('DHTT'), 'person', 'leader'), 'DHTT', [att('L2', 'met')])).toEqual([]);
  });
});

describe('rating rules', () => {
  it.each([
    ['rating>=HTXSNV', 'HTXSNV', 'met', 'elig.rating.met'],
    ['rating>=HTXSNV', 'HTTNV', 'unmet', 'elig.rating.unmet'],
    ['rating>=HTXSNV', null, 'unknown', 'elig.rating.none'],
    ['rating>=HTTNV', 'HTXSNV', 'met', 'elig.rating.met'],
    ['rating>=HTTNV', 'HTTNV', 'met', 'elig.rating.met'],
    ['rating>=HTTNV', 'HTNV', 'unmet', 'elig.rating.unmet'],
    ['rating>=HTTNV', 'KHTNV', 'unmet', 'elig.rating.unmet'],
    ['rating>=HTTNV', null, 'unknown', 'elig.rating.none'],
    ['rating>=XYZ', 'HTTNV', 'unknown', 'elig.rule.unknown'],
  ])('%s with %s → %s', (rule, rating, status, key) => {
    const o = evaluateRule(rule, facts({ rating }));
    expect(o.status).toBe(status);
    expect(o.detail[0].key).toBe(key);
  });
});

describe('initiative_recognised', () => {
  it.each([
    ['DHTT', [work('SK-2025-001')], 'met', 'SK-2025-001'],
    ['DHTT', [work('SK-2025-002'), work('SK-2024-009', 'recognised', '2025-01-15')], 'met', 'SK-2024-009, SK-2025-002'],
    ['DHTT', [work('DT-2025-001')], 'unmet', undefined],
    ['DHTT', [work('SK-2025-001', 'recognised', '2024-12-31')], 'unmet', undefined],
    // An application not decided yet: the council's decision will settle it.
    ['DHTT', [work('SK-2025-001', 'applied')], 'unknown', 'SK-2025-001'],
    ['DHTT', [work('SK-2025-001', 'rejected')], 'unmet', undefined],
    ['DHTT', [], 'unmet', undefined],
  ])('%s with %j → %s', (award, works, status, codes) => {
    const o = evaluateRule('initiative_recognised', facts({ award, works }));
    expect(o.status).toBe(status);
    if (codes) expect(o.detail[0].params).toEqual({ codes });
    else expect(o.detail[0].key).toBe('elig.works.none');
  });

  // CSTDCS2 and L2 ("initiatives or solutions") count a research topic accepted in the year too.
  it.each([
    ['CSTDCS2', [work('DT-2025-001')], 'met', 'DT-2025-001'],
    ['CSTDCS2', [work('DT-2025-001', 'in_progress')], 'unmet', undefined],
    ['L2', [work('DT-2025-001')], 'met', 'DT-2025-001'],
    ['L2', [work('DT-2025-001'), work('SK-2025-004')], 'met', 'DT-2025-001, SK-2025-004'],
    ['L2', [work('DT-2025-001', 'recognised', '2024-12-20')], 'unmet', undefined],
    ['L2', [work('DT-2025-001', 'applied')], 'unknown', 'DT-2025-001'],
    ['L2', [], 'unmet', undefined],
  ])('criterion %s with %j → %s', (criterion, works, status, codes) => {
    const o = evaluateRule('initiative_recognised', facts({ works }), criterion);
    expect(o.status).toBe(status);
    if (codes) expect(o.detail[0].params).toEqual({ codes });
    else expect(o.detail[0].key).toBe('elig.works.noneOrResearch');
  });

  it('L2 in a leader nomination: an accepted topic decides it by data', () => {
    const r = assessEligibility([crit('DHTT', 'L2')], facts({ works: [work('DT-2025-002')] }), []);
    expect(r.criteria[0]).toMatchObject({ code: 'L2', status: 'met', source: 'data' });
  });
});

describe('title rules', () => {
  it.each([
    ['title:LDTT', [title('LDTT', 'recognised', 4)], 'met', 'elig.title.recognised'],
    ['title:LDTT', [title('LDTT', 'passed', 4)], 'met', 'elig.title.passed'],
    ['title:LDTT', [title('LDTT', 'submitted', 4)], 'unknown', 'elig.title.pending'],
    ['title:LDTT', [title('LDTT', 'accepted', 4)], 'unknown', 'elig.title.pending'],
    ['title:LDTT', [title('LDTT', 'returned', 4)], 'unknown', 'elig.title.pending'],
    ['title:LDTT', [title('LDTT', 'failed', 4)], 'unmet', 'elig.title.failed'],
    ['title:LDTT', [title('GK', 'recognised', 4)], 'unmet', 'elig.title.none'],
    ['title:LDTT', [], 'unmet', 'elig.title.none'],
    ['title:TTLDTT|TTLDXS', [title('TTLDXS', 'passed', 7)], 'met', 'elig.title.passed'],
    ['title:TTLDTT|TTLDXS', [title('TTLDTT', 'submitted', 6), title('TTLDXS', 'failed', 7)], 'unknown', 'elig.title.pending'],
    ['title:TTLDTT|TTLDXS', [title('TTLDTT', 'failed', 6)], 'unmet', 'elig.title.failed'],
    ['title:TTLDTT|TTLDXS', [], 'unmet', 'elig.title.none'],
  ])('%s with %j → %s', (rule, titles, status, key) => {
    const o = evaluateRule(rule, facts({ titles }));
    expect(o.status).toBe(status);
    expect(o.detail[0].key).toBe(key);
  });

  it('registered for the title but not nominated yet: the ballot will decide, so it is not for the unit to attest', () => {
    const o = evaluateRule('title:TTLDTT|TTLDXS', facts({ registered: ['TTLDTT', 'DHTT'] }));
    expect(o).toMatchObject({ status: 'unknown', recorded: true, detail: [{ key: 'elig.title.registered', params: { award: 'TTLDTT', year: 2025 } }] });
    const u3 = assessEligibility([{ code: 'U3', appliesTo: 'unit', source: 'data_or_attested', checkRule: 'title:TTLDTT|TTLDXS' }], facts({ registered: ['TTLDTT'] }), [
      { code: 'U3', status: 'met', evidence: 'Khoa dự kiến đạt' },
    ]);
    expect(u3.criteria[0]).toMatchObject({ code: 'U3', status: 'unknown', source: 'data' });
    // Not registered for it: nothing will be recorded, the unit's word decides.
    expect(evaluateRule('title:TTLDTT|TTLDXS', facts({ registered: ['DHTT'] })).status).toBe('unmet');
  });

  it('says which nomination is pending, and both titles when none', () => {
    expect(evaluateRule('title:LDTT', facts({ titles: [title('LDTT', 'submitted', 12)] })).detail[0].params).toEqual({ award: 'LDTT', id: 12 });
    expect(evaluateRule('title:TTLDTT|TTLDXS', facts()).detail[0].params).toEqual({ award: 'TTLDTT/TTLDXS', year: 2025 });
  });
});

describe('member rules', () => {
  const L = (s: NominationState = 'passed'): [string, NominationState] => ['LDTT', s];
  const C = (s: NominationState = 'recognised'): [string, NominationState] => ['CSTDCS', s];

  it.each([
    ['2 of 4 LDTT is not more than half', members(['HTTNV', L()], ['HTTNV', L()], ['HTNV'], ['HTNV']), 'unmet'],
    ['3 of 4 LDTT', members(['HTTNV', L()], ['HTTNV', L('recognised')], ['HTTNV', L()], ['HTNV']), 'met'],
    ['2 of 4 and one pending: not known yet', members(['HTTNV', L()], ['HTTNV', L()], ['HTNV', L('submitted')], ['HTNV']), 'unknown'],
    ['3 of 4 and one pending: already met', members(['HTTNV', L()], ['HTTNV', L()], ['HTTNV', L()], ['HTNV', L('accepted')]), 'met'],
    ['1 of 4 and one pending: cannot be met', members(['HTTNV', L()], ['HTNV', L('returned')], ['HTNV'], ['HTNV']), 'unmet'],
    ['a failed or withdrawn-away LDTT does not count', members(['HTTNV', L()], ['HTTNV', L('failed')], ['HTNV']), 'unmet'],
    ['no members', [], 'unmet'],
  ])('members:LDTT>0.5 – %s', (_label, m, status) => {
    expect(evaluateRule('members:LDTT>0.5', facts({ members: m })).status).toBe(status);
  });

  it('gives k/n in the detail, and the pending count', () => {
    const o = evaluateRule('members:LDTT>0.5', facts({ members: members(['HTTNV', L()], ['HTTNV', L()], ['HTNV', L('submitted')], ['HTNV']) }));
    expect(o.detail).toEqual([
      { key: 'elig.members.title', params: expect.objectContaining({ award: 'LDTT', count: 2, total: 4, need: '> 50%' }) },
      { key: 'elig.members.titlePending', params: expect.objectContaining({ pending: 1 }) },
    ]);
    expect(evaluateRule('members:LDTT>0.5', facts()).detail[0].key).toBe('elig.members.none');
  });

  const TTLDXS = 'members:rating>=HTNV=1;members:LDTT>=0.7;members:CSTDCS>=1n';
  const ten = (over: Partial<Record<number, [string | null, ...[string, NominationState][]]>> = {}) =>
    members(...Array.from({ length: 10 }, (_, i) => over[i] ?? (i < 7 ? (['HTTNV', L()] as [string, [string, NominationState]]) : (['HTNV'] as [string]))));

  it.each([
    ['7 of 10 LDTT (exactly 70%), all rated, one CSTDCS', ten({ 0: ['HTXSNV', L(), C()] }), 'met'],
    ['6 of 10 LDTT', ten({ 0: ['HTXSNV', L(), C()], 6: ['HTNV'] }), 'unmet'],
    ['nobody CSTDCS', ten(), 'unmet'],
    ['CSTDCS still pending', ten({ 0: ['HTXSNV', L(), C('submitted')] }), 'unknown'],
    ['one member did not complete their duties', ten({ 0: ['HTXSNV', L(), C()], 9: ['KHTNV'] }), 'unmet'],
    ['one member not rated yet', ten({ 0: ['HTXSNV', L(), C()], 9: [null] }), 'unknown'],
    ['not rated yet, but already too few LDTT', ten({ 0: ['HTXSNV', L(), C()], 6: ['HTNV'], 9: [null] }), 'unmet'],
  ])('TTLDXS T2 – %s', (_label, m, status) => {
    expect(evaluateRule(TTLDXS, facts({ award: 'TTLDXS', members: m })).status).toBe(status);
  });

  it.each([
    ['LDTT>0.5', { fact: 'LDTT', op: '>', value: 0.5, count: false }],
    ['rating>=HTNV=1', { fact: 'rating>=HTNV', op: '=', value: 1, count: false }],
    ['CSTDCS>=1n', { fact: 'CSTDCS', op: '>=', value: 1, count: true }],
    ['LDTT>=70', null],
    ['rating>=BEST=1', null],
    ['LDTT~0.5', null],
  ])('parses %s', (text, part) => {
    expect(parseMemberPart(text)).toEqual(part);
  });

  it('a rule it cannot read is unknown, never met', () => {
    expect(evaluateRule('members:LDTT~0.5', facts({ members: members(['HTTNV', L()]) })).status).toBe('unknown');
    expect(evaluateRule('unheard_of', facts()).detail[0]).toEqual({ key: 'elig.rule.unknown', params: { rule: 'unheard_of' } });
  });
});

describe('assessEligibility', () => {
  const leader = criteriaFor(of('DHTT'), 'person', 'leader');

  it('attested criteria are unknown until attested, then met or unmet as the unit says', () => {
    const r = assessEligibility(leader, facts({ rating: 'HTXSNV', works: [work('SK-2025-001')] }), [att('L1', 'met', 'Báo cáo'), att('L3', 'unmet')]);
    expect(r.criteria.map((c) => [c.code, c.status, c.source])).toEqual([
      ['L1', 'met', 'attested'],
      ['L2', 'met', 'data'],
      ['L3', 'unmet', 'attested'],
      ['L4', 'met', 'data'],
    ]);
    expect(r.criteria[0].detail).toEqual([{ key: 'elig.evidence', params: { evidence: 'Báo cáo' } }]);
    expect(r.criteria[2].detail).toEqual([{ key: 'elig.attestedUnmet', params: undefined }]);
    expect(r.eligible).toBe(false);
    const none = assessEligibility(leader, facts({ rating: 'HTXSNV' }), []);
    expect(none.criteria.filter((c) => c.source === 'attested').map((c) => c.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it.each([
    ['data says met: data decides, the word is not needed', [work('SK-2025-001')], [], 'met', 'data'],
    ['data says met, even when the unit said unmet', [work('SK-2025-001')], [att('L2', 'unmet')], 'met', 'data'],
    ['data says no: the unit attests it', [], [att('L2', 'met', 'Giải pháp số hóa')], 'met', 'attested'],
    ['data says no, the unit agrees', [], [att('L2', 'unmet')], 'unmet', 'attested'],
    ['data says no, nobody attested yet', [], [], 'unknown', 'attested'],
  ])('data_or_attested – %s', (_label, works, attestations, status, source) => {
    const r = assessEligibility([crit('DHTT', 'L2')], facts({ works }), attestations);
    expect(r.criteria[0]).toMatchObject({ code: 'L2', status, source });
  });

  it.each([
    ['no nomination recorded: the unit word decides', [], 'met', 'attested', ['elig.title.none', 'elig.evidence']],
    ['a pending nomination is recorded: data decides (unknown), the word cannot override', [title('TTLDTT', 'submitted', 9)], 'unknown', 'data', ['elig.title.pending']],
    ['a failed nomination is recorded: data decides (unmet)', [title('TTLDTT', 'failed', 9)], 'unmet', 'data', ['elig.title.failed']],
    ['a passed nomination: met by data', [title('TTLDXS', 'passed', 9)], 'met', 'data', ['elig.title.passed']],
  ])('U3 is data when recorded, else attested – %s', (_label, titles, status, source, details) => {
    const r = assessEligibility([crit('DHTT', 'U3')], facts({ titles }), [att('U3', 'met', 'Quyết định năm trước')]);
    expect(r.criteria[0]).toMatchObject({ code: 'U3', status, source });
    expect(r.criteria[0].detail.map((x) => x.key)).toEqual(details);
  });

  it.each([
    ['first of max 3', 0.15, 20, 3, 'met', 3],
    ['fourth of max 3', 0.15, 20, 4, 'unmet', 3],
    ['no LDTT nominations: max 0', 0.15, 0, 1, 'unmet', 0],
    ['6 LDTT: 0.9 rounds down to 0', 0.15, 6, 1, 'unmet', 0],
    ['7 LDTT: 1.05 → 1', 0.15, 7, 1, 'met', 1],
    ['floating point: 0.07 × 100 = 7', 0.07, 100, 7, 'met', 7],
  ])('quota – %s', (_label, ratio, base, position, status, max) => {
    const r = assessEligibility(criteriaFor(of('CSTDCS'), 'person', 'staff'), facts({ award: 'CSTDCS', quota: { ratio, base, position, holds: true } }), []);
    const q = r.criteria.find((c) => c.code === 'QUOTA')!;
    expect(q).toMatchObject({ status, source: 'data' });
    expect(q.detail[0]).toEqual({ key: status === 'met' ? 'elig.quota.met' : 'elig.quota.unmet', params: expect.objectContaining({ position, max, base }) });
  });

  it('quota – a place not held yet reads as the next one to take', () => {
    const r = assessEligibility([], facts({ award: 'CSTDCS', quota: { ratio: 0.5, base: 4, position: 2, holds: false } }), []);
    expect(r.criteria[0]).toMatchObject({ code: 'QUOTA', status: 'met' });
    expect(r.criteria[0].detail[0].key).toBe('elig.quota.next');
  });

  it('no quota criterion for titles without a quota', () => {
    expect(assessEligibility(of('LDTT'), facts({ award: 'LDTT' }), []).criteria.map((c) => c.code)).toEqual(['LDTT1', 'LDTT2']);
  });

  it.each([
    ['LDTT: rated HTTNV and attested', 'LDTT', 'staff', facts({ award: 'LDTT', rating: 'HTTNV' }), [att('LDTT2', 'met')], true],
    ['LDTT: not rated yet', 'LDTT', 'staff', facts({ award: 'LDTT' }), [att('LDTT2', 'met')], false],
    ['LDTT: attested unmet', 'LDTT', 'leader', facts({ award: 'LDTT', rating: 'HTXSNV' }), [att('LDTT2', 'unmet')], false],
    ['CSTDCS: LDTT passed, research accepted, within quota', 'CSTDCS', 'staff',
      facts({ award: 'CSTDCS', titles: [title('LDTT', 'passed')], works: [work('DT-2025-003')], quota: { ratio: 0.15, base: 10, position: 1, holds: true } }), [], true],
    ['CSTDCS: LDTT pending', 'CSTDCS', 'staff', facts({ award: 'CSTDCS', titles: [title('LDTT', 'accepted')], works: [work('SK-2025-003')] }), [], false],
    ['DHTT staff: all attested, rated HTTNV', 'DHTT', 'staff', facts({ rating: 'HTTNV' }), ['S1', 'S2', 'S3', 'S4'].map((c) => att(c, 'met')), true],
    ['DHTT leader: rated HTTNV only', 'DHTT', 'leader', facts({ rating: 'HTTNV', works: [work('SK-2025-001')] }), ['L1', 'L3'].map((c) => att(c, 'met')), false],
    ['GK: no criteria, eligible when registered', 'GK', 'staff', facts({ award: 'GK' }), [], true],
  ] as const)('%s → eligible %s', (_label, award, category, f, attestations, eligible) => {
    expect(assessEligibility(criteriaFor(of(award), 'person', category), f, attestations).eligible).toBe(eligible);
  });

  it.each([
    ['TTLDTT', members(['HTTNV', ['LDTT', 'passed']], ['HTTNV', ['LDTT', 'recognised']], ['HTNV']), ['T1', 'T3'], true],
    ['TTLDTT', members(['HTTNV', ['LDTT', 'passed']], ['HTNV'], ['HTNV']), ['T1', 'T3'], false],
    ['TTLDTT', members(['HTTNV', ['LDTT', 'passed']], ['HTTNV', ['LDTT', 'passed']], ['HTNV']), ['T1'], false],
  ] as const)('unit %s → eligible %s', (award, m, attested, eligible) => {
    const r = assessEligibility(criteriaFor(of(award), 'unit', null), facts({ award, members: m as MemberFact[] }), attested.map((c) => att(c, 'met')));
    expect(r.eligible).toBe(eligible);
  });
});

describe('quotaPosition: places go to accepted, eligible dossiers, by acceptance date then number', () => {
  const c = (id: number, status: NominationState, acceptedOn: string | null, eligible = true): QuotaContender => ({ id, status, acceptedOn, eligible });
  it.each([
    ['the only accepted dossier holds place 1', [c(1, 'accepted', '2025-12-01')], 1, { position: 1, holds: true }],
    ['accepted earlier comes first, whatever the number', [c(1, 'accepted', '2025-12-05'), c(2, 'accepted', '2025-12-01')], 1, { position: 2, holds: true }],
    ['the same day: by number', [c(7, 'accepted', '2025-12-01'), c(3, 'accepted', '2025-12-01')], 7, { position: 2, holds: true }],
    ['passed and recognised keep their places', [c(1, 'passed', '2025-12-01'), c(2, 'recognised', '2025-12-02'), c(3, 'accepted', '2025-12-03')], 3, { position: 3, holds: true }],
    ['a submitted dossier holds none: it would be next', [c(1, 'accepted', '2025-12-01'), c(2, 'submitted', null)], 2, { position: 2, holds: false }],
    ['an earlier number still submitted pushes nobody down', [c(1, 'submitted', null), c(2, 'accepted', '2025-12-01')], 2, { position: 1, holds: true }],
    ['a returned dossier takes no place', [c(1, 'returned', '2025-12-01'), c(2, 'accepted', '2025-12-02')], 2, { position: 1, holds: true }],
    ['a withdrawn dossier takes no place', [c(1, 'withdrawn', '2025-12-01'), c(2, 'accepted', '2025-12-02')], 2, { position: 1, holds: true }],
    ['a failed dossier takes no place', [c(1, 'failed', '2025-12-01'), c(2, 'accepted', '2025-12-02')], 2, { position: 1, holds: true }],
    ['an accepted dossier no longer eligible takes no place', [c(1, 'accepted', '2025-12-01', false), c(2, 'accepted', '2025-12-02')], 2, { position: 1, holds: true }],
    ['…and is shown behind every place held', [c(1, 'accepted', '2025-12-01', false), c(2, 'accepted', '2025-12-02')], 1, { position: 2, holds: false }],
    ['nobody: place 1', [], 9, { position: 1, holds: false }],
  ] as const)('%s', (_label, contenders, id, expected) => {
    expect(quotaPosition(contenders, id)).toEqual(expected);
  });
});

/**
 * A nomination's eligibility, computed from the data each time (domain/eligibility.ts): the criteria
 * of its title, the facts (ratings, titles, works, the quota), the judgement kept for a recognised one.
 */
import { ACCEPTED_STATES, assessEligibility, criteriaFor, quotaPosition, type Attestation, type CriterionDef, type Eligibility, type EligibilityFacts, type NominationState, type QuotaContender, type TitleFact } from '../domain/eligibility.js';
import { parseRatio } from '../domain/rules.js';
import { listCriteria } from '../db/repos/reference.js';
import { activeMembers, annualRatings, attestationsOf, getJudgement, listNominationViews, registeredTitles, titlesOf, worksOf, type NominationView } from '../db/repos/nominations.js';
import type { Tx } from './database.js';
import { ruleValue } from './reference.js';
import { decidedAbove } from './authority.js';
import { listRecognitionViews } from '../db/repos/recognitions.js';

type Criterion = CriterionDef & { text: string; textEn: string };

export async function criteriaOf(trx: Tx, award: string, year: number, kind: 'person' | 'unit', category: 'leader' | 'staff' | null): Promise<Criterion[]> {
  const rows = (await listCriteria(trx)).filter((c) => c.title_code === award && c.valid_from <= `${year}-12-31`);
  const defs = rows.map((c) => ({ code: c.code, appliesTo: c.applies_to, source: c.source, checkRule: c.check_rule, text: c.text, textEn: c.text_en }));
  return criteriaFor(defs, kind, category);
}

interface Key {
  id: number;
  year: number;
  subject: string;
  kind: 'person' | 'unit';
  award: string;
}

/** Eligible on every criterion but the quota (whether the dossier can hold a quota place). */
async function eligibleButQuota(trx: Tx, v: NominationView): Promise<boolean> {
  const criteria = await criteriaOf(trx, v.award, v.year, v.subject_kind, v.category);
  const facts = await factsOf(trx, keyOf(v), false);
  return assessEligibility(criteria, facts, (await attestationsOf(trx, v.id)).map(toAttestation)).eligible;
}

/**
 * The quota (`quota.<TITLE>` in force at the end of the year): at most that share of the year's LDTT
 * dossiers the council accepted (accepted, passed or recognised). Places go to the title's accepted
 * dossiers still eligible on every other criterion, by acceptance date then number (`quotaPosition`).
 */
async function quotaFact(trx: Tx, k: Key): Promise<EligibilityFacts['quota']> {
  const raw = await ruleValue(trx, `quota.${k.award}`, `${k.year}-12-31`);
  const ratio = raw === undefined ? null : parseRatio(raw);
  if (ratio === null) return null;
  const accepted = await listNominationViews(trx, { year: k.year, award: k.award, statuses: [...ACCEPTED_STATES] });
  const contenders: QuotaContender[] = [];
  for (const v of accepted) contenders.push({ id: v.id, status: v.status, acceptedOn: v.accepted_on, eligible: await eligibleButQuota(trx, v) });
  const base = (await listNominationViews(trx, { year: k.year, award: 'LDTT', statuses: [...ACCEPTED_STATES] })).length;
  return { ratio, base, ...quotaPosition(contenders, k.id) };
}

function keyOf(v: NominationView): Key {
  return { id: v.id, year: v.year, subject: v.subject_code, kind: v.subject_kind, award: v.award };
}

async function factsOf(trx: Tx, k: Key, withQuota = true): Promise<EligibilityFacts> {
  const people = k.kind === 'person' ? [k.subject] : await activeMembers(trx, k.subject);
  const ratings = await annualRatings(trx, k.year, people);
  const subjects = [k.subject, ...(k.kind === 'unit' ? people : [])];
  const titles = await titlesOf(trx, k.year, subjects);
  // A title decided above the school is held once that decision is recorded, not when the ballot passes it.
  const end = `${k.year}-12-31`;
  const above = new Set<string>();
  for (const award of new Set(titles.map((t) => t.award))) if (await decidedAbove(trx, award, end)) above.add(award);
  const recorded = await recordedTitlesOf(trx, k.year, subjects);
  const titlesFor = (code: string): TitleFact[] => [
    ...titles.filter((t) => t.subject_code === code && t.id !== k.id).map((t) => ({ award: t.award, id: t.id, status: t.status as NominationState, proposed: above.has(t.award) })),
    ...recorded.filter((r) => r.subject_code === code).map((r) => ({ award: r.award, id: r.id, status: 'recognised' as const, decision: r.decision_payload_symbol })),
  ];
  const works = k.kind === 'person' ? await worksOf(trx, k.subject) : [];
  return {
    year: k.year,
    award: k.award,
    rating: k.kind === 'person' ? (ratings.get(k.subject) ?? null) : null,
    works: works.map((w) => ({ code: w.code, kind: w.kind, status: w.status, statusOn: w.status_on })),
    titles: titlesFor(k.subject),
    registered: await registeredTitles(trx, k.year, k.subject),
    members: k.kind === 'unit' ? people.map((code) => ({ code, rating: ratings.get(code) ?? null, titles: titlesFor(code) })) : [],
    quota: withQuota ? await quotaFact(trx, k) : null,
  };
}

/** Decisions taken above the school and recorded without a nomination here (the ones with one move it to "recognised"). */
async function recordedTitlesOf(trx: Tx, year: number, subjects: string[]) {
  return (await listRecognitionViews(trx, { year, subjects, recorded: true })).filter((r) => r.nomination_id === null && r.status === 'active');
}

export function toAttestation(r: { code: string; status: 'met' | 'unmet'; evidence: string | null }): Attestation {
  return { code: r.code, status: r.status, evidence: r.evidence };
}

/**
 * Eligibility from today's data; a recognised nomination keeps the judgement of its decision's date
 * (members who joined the unit later, a quota changed later, do not make it ineligible now).
 */
export async function judge(trx: Tx, v: NominationView, criteria: Criterion[], attestations: Attestation[]): Promise<Eligibility> {
  if (v.status === 'recognised') {
    const judged = await getJudgement(trx, v.id);
    if (judged) return { eligible: judged.eligible === 1, criteria: JSON.parse(judged.criteria) as Eligibility['criteria'] };
  }
  return assessEligibility(criteria, await factsOf(trx, keyOf(v)), attestations);
}

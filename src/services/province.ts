/**
 * Loads the proposal to the province (reports/province.ts builds it): on the day it is written, every
 * title the rules give to an authority above the school, for each nomination of the year the council's
 * ballot passed (still awaiting the decision, or decided and recorded since: the proposal as sent does
 * not change); and the school's exemplars of the year, recognised by the principal, proposed for the
 * provincial level. With the counting minutes and decisions it rests on, whom it is addressed to and
 * who decides. One transaction.
 */
import type { ServiceContext } from '../context.js';
import { compareNames, compareText } from '../domain/names.js';
import { listTitles } from '../db/repos/reference.js';
import { listNominationViews, type NominationView } from '../db/repos/nominations.js';
import { listRecognitionViews, type RecognitionView } from '../db/repos/recognitions.js';
import { ballotsOfNomination, resultsOf, roundsOf } from '../db/repos/ballots.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { listPeople } from '../db/repos/subjects.js';
import { exemplarDecisionBasis, minutesBasis, type ProvinceBasis, type ProvinceGroup, type ProvinceNominee, type ProvinceProposal } from '../reports/province.js';
import { decidedAbove, provinceAddressees, provinceDecider } from './authority.js';
import { transact, type Tx } from './database.js';
import { identityAt, toIssued } from './documents.js';
import { ruleValue } from './reference.js';
import { requireYear } from './reports.js';

/** The exemplar title the school recognises and proposes for the provincial level. */
const EXEMPLAR = 'DHTT';

/** What the nominee achieved as typed: the citation written for documents when there is one, else the summary. */
function achievementOf(n: NominationView | undefined): string {
  if (!n) return '';
  const citation = (n as NominationView & { citation?: string | null }).citation;
  return (citation?.trim() ? citation : n.summary).normalize('NFC').trim();
}

/** People by given name, then units by name (the order of the school's lists). */
function byName(a: ProvinceNominee, b: ProvinceNominee): number {
  if (a.kind !== b.kind) return a.kind === 'person' ? -1 : 1;
  return a.kind === 'person' ? compareNames(a.name, b.name) : compareText(a.name, b.name);
}

/** The counting minutes of the ballot a nomination passed in (its last round). */
async function minutesOf(trx: Tx, nomination: number, awardName: string, year: number): Promise<ProvinceBasis | null> {
  for (const ballot of (await ballotsOfNomination(trx, nomination)).sort((a, b) => b - a)) {
    const rounds = await roundsOf(trx, ballot);
    const last = rounds[rounds.length - 1];
    if (!last?.minutes_id) continue;
    const passed = (await resultsOf(trx, ballot)).some((r) => r.round === last.round && r.nomination_id === nomination && r.passed === 1);
    if (!passed) continue;
    const doc = await getDocumentRow(trx, last.minutes_id);
    if (!doc) continue;
    return minutesBasis(toIssued(doc).symbol, doc.date, awardName, year);
  }
  return null;
}

export async function loadProvinceProposal(ctx: ServiceContext, rawYear: string | number | undefined): Promise<ProvinceProposal> {
  const year = requireYear(rawYear);
  return transact(ctx, (trx) => provinceProposalIn(trx, year, ctx.clock.today()));
}

/** The proposal as it stands on `asOf`, inside the caller's transaction (the export reads it with the rest of the year). */
export async function provinceProposalIn(trx: Tx, year: number, asOf: string): Promise<ProvinceProposal> {
  const identity = await identityAt(trx, asOf);
  const people = new Map((await listPeople(trx)).map((p) => [p.code, p]));
  const nominations = await listNominationViews(trx, { year });
  const recognitions = (await listRecognitionViews(trx, { year })).filter((r) => r.status === 'active');
  const nominee = (subject: string, name: string, kind: 'person' | 'unit', n: NominationView | undefined, recorded: RecognitionView | undefined): ProvinceNominee => {
    const p = kind === 'person' ? people.get(subject) : undefined;
    return {
      subject, name, kind, position: p?.position?.trim() || null, unit: p?.unit_code ?? subject, unitName: p?.unit_name ?? name,
      achievement: achievementOf(n), nomination: n?.id ?? null,
      decided: recorded ? { number: recorded.decision_payload_symbol, date: recorded.decided_on, issuer: recorded.recorded_issuer ?? '' } : null,
    };
  };
  const groups: ProvinceGroup[] = [];
  const basis: ProvinceBasis[] = [];
  const addBasis = (b: ProvinceBasis | null) => {
    if (b && !basis.some((x) => x.kind === b.kind && x.symbol === b.symbol)) basis.push(b);
  };
  for (const title of (await listTitles(trx)).sort((a, b) => a.sort - b.sort)) {
    if (!(await decidedAbove(trx, title.code, asOf))) continue;
    // Passed by the ballot and not decided by the principal (an old decision of the school is its own).
    const own = new Set(recognitions.filter((r) => r.award === title.code && r.decision_id !== null).map((r) => r.nomination_id));
    const list = nominations.filter((n) => n.award === title.code && (n.status === 'passed' || n.status === 'recognised') && !own.has(n.id));
    if (list.length === 0) continue;
    const nominees: ProvinceNominee[] = [];
    for (const n of list) {
      const recorded = recognitions.find((r) => r.nomination_id === n.id && r.decision_id === null);
      nominees.push(nominee(n.subject_code, n.subject_name, n.subject_kind, n, recorded));
      addBasis(await minutesOf(trx, n.id, title.name, year));
    }
    groups.push({ kind: 'title', award: title.code, awardName: title.name, nominees: nominees.sort(byName) });
  }
  // The school's exemplars of the year (the principal's decision), proposed for the provincial level.
  const exemplars = (await decidedAbove(trx, EXEMPLAR, asOf)) ? [] : recognitions.filter((r) => r.award === EXEMPLAR && r.decision_id !== null);
  if (exemplars.length > 0) {
    const byId = new Map(nominations.map((n) => [n.id, n]));
    const nominees = exemplars.map((r) => nominee(r.subject_code, r.subject_name, r.subject_kind, r.nomination_id === null ? undefined : byId.get(r.nomination_id), undefined));
    for (const r of exemplars) {
      const at = await identityAt(trx, r.decided_on);
      addBasis(exemplarDecisionBasis(r.decision_payload_symbol, r.decided_on, at, year));
    }
    groups.push({ kind: 'exemplar', award: EXEMPLAR, awardName: exemplars[0].award_name ?? EXEMPLAR, nominees: nominees.sort(byName) });
  }
  const monthDay = (await ruleValue(trx, 'deadline.province', asOf)) ?? '01-31';
  return {
    year, asOf, deadline: `${year + 1}-${monthDay}`, addressees: await provinceAddressees(trx, asOf), decider: await provinceDecider(trx, asOf),
    school: identity.fullName, basis: basis.sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol)), groups,
  };
}

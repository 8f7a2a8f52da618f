/** Reading a ballot whole (`ballot show`, `ballot list`): its nominees, entries, rounds and results as they stand. */
import type { ServiceContext } from '../context.js';
import { NotFoundError } from '../domain/errors.js';
import { parseRecordId, parseYearField, valueOrThrow } from '../domain/fields.js';
import { parseRatio } from '../domain/rules.js';
import { quorumMet, validPapers, type NomineeLabel } from '../domain/tally.js';
import type { BallotNominee } from '../reports/docs/ballot.js';
import { getBallot, itemsOf, listBallotRows, resultsOf, rollOf, roundsOf, talliesOf, unitsOfPeople, votesOf, type BallotRow, type TallyRow } from '../db/repos/ballots.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { transact, type Tx } from './database.js';
import { toIssued } from './documents.js';
import { nominationsIn } from './nominations.js';
import { requireTitle } from './reference.js';
import type { EnteredVote, BallotEntry, RollMember, BallotRound, Ballot } from './ballots.js';

export function ballotIdOrThrow(raw: string | number | undefined): number {
  return valueOrThrow(parseRecordId('ballot.badId', raw));
}

async function requireBallotRow(trx: Tx, id: number): Promise<BallotRow> {
  const b = await getBallot(trx, id);
  if (!b) throw new NotFoundError('ballot.notFound', { id });
  return b;
}

async function nomineesOf(trx: Tx, ballotId: number, year: number, award: string): Promise<BallotNominee[]> {
  const ids = await itemsOf(trx, ballotId);
  const all = await nominationsIn(trx, { year, award });
  const byId = new Map(all.map((n) => [n.id, n]));
  const units = await unitsOfPeople(trx, all.filter((n) => n.kind === 'person').map((n) => n.subject));
  return ids.map((id) => {
    const n = byId.get(id)!;
    return { nomination: id, subject: n.subject, name: n.name, kind: n.kind, unitName: n.kind === 'unit' ? n.name : (units.get(n.subject)?.name ?? '') };
  });
}

function entryOf(t: TallyRow, votes: EnteredVote[]): BallotEntry {
  return { entry: t.entry, issued: t.issued, returned: t.returned, valid: validPapers(t), invalid: t.invalid, enteredOn: t.entered_on, votes };
}

/** The counts of each entry, each nominee's in the order of the ballot, by code and name. */
async function entriesOf(trx: Tx, ballotId: number, nominees: BallotNominee[]): Promise<(BallotEntry & { round: number; reason: string | null })[]> {
  const tallies = await talliesOf(trx, ballotId);
  const votes = await votesOf(trx, tallies.map((t) => t.id));
  const order = new Map(nominees.map((n, i) => [n.nomination, i]));
  return tallies.map((t) => ({
    ...entryOf(
      t,
      votes
        .filter((v) => v.tally_id === t.id)
        .sort((a, b) => (order.get(a.nomination_id) ?? 0) - (order.get(b.nomination_id) ?? 0))
        .map((v) => {
          const n = nominees[order.get(v.nomination_id) ?? -1];
          return { nomination: v.nomination_id, subject: n?.subject ?? '', name: n?.name ?? '', agree: v.agree, disagree: v.disagree, blank: v.blank };
        }),
    ),
    round: t.round,
    reason: t.reason,
  }));
}

/** Names a nominee in a message the way the clerk names them: `VC012 – Nguyễn Văn A`. */
export function labelOf(nominees: BallotNominee[]): NomineeLabel {
  const byId = new Map(nominees.map((n) => [n.nomination, n]));
  return (id) => {
    const n = byId.get(id);
    return n ? `${n.subject} – ${n.name}` : `#${id}`;
  };
}

export async function loadBallot(trx: Tx, id: number): Promise<Ballot> {
  const b = await requireBallotRow(trx, id);
  const title = await requireTitle(trx, b.award);
  const roll = await rollOf(trx, id);
  const nominees = await nomineesOf(trx, id, b.year, b.award);
  const names = new Map(nominees.map((n) => [n.nomination, n]));
  const order = new Map(nominees.map((n, i) => [n.nomination, i]));
  const rounds = await roundsOf(trx, id);
  const results = await resultsOf(trx, id);
  const entries = await entriesOf(trx, id, nominees);
  const members: RollMember[] = roll.map((r) => ({
    code: r.person_code, name: r.name, role: r.role, counter: r.counter === 1, attended: r.attended === null ? null : r.attended === 1, counterRank: r.counter_rank,
  }));
  // Ballots opened before the committee's order was kept list it in the roll's order.
  const counters = members.filter((m) => m.counter).sort((a, b) => (a.counterRank ?? 1e9) - (b.counterRank ?? 1e9));
  const roundViews: BallotRound[] = [];
  for (const r of rounds) {
    const doc = r.minutes_id ? await getDocumentRow(trx, r.minutes_id) : undefined;
    const counted = entries.find((e) => e.round === r.round);
    roundViews.push({
      round: r.round,
      closedOn: r.closed_on,
      reason: r.reason,
      minutes: doc ? toIssued(doc).symbol : null,
      minutesId: r.minutes_id,
      issued: counted?.issued ?? 0,
      returned: counted?.returned ?? 0,
      invalid: counted?.invalid ?? 0,
      // In the order of the ballot (Vietnamese order of names), not the order rows come back in.
      results: results
        .filter((x) => x.round === r.round)
        .sort((a, b) => (order.get(a.nomination_id) ?? 0) - (order.get(b.nomination_id) ?? 0))
        .map((x) => ({
          nomination: x.nomination_id,
          subject: names.get(x.nomination_id)?.subject ?? '',
          name: names.get(x.nomination_id)?.name ?? '',
          agree: x.agree,
          disagree: x.disagree,
          blank: x.blank,
          share: x.base > 0 ? x.agree / x.base : 0,
          passed: x.passed === 1,
        })),
    });
  }
  const current = rounds.length > 0 ? rounds[rounds.length - 1].round + 1 : 1;
  return {
    id,
    year: b.year,
    award: b.award,
    awardName: title.name,
    status: b.status,
    heldOn: b.held_on,
    closedOn: b.closed_on,
    membersTotal: b.members_total,
    present: b.present,
    quorum: b.quorum,
    quorumMet: quorumMet(b.present, b.members_total, b.quorum),
    threshold: parseRatio(b.threshold) ?? 0,
    thresholdText: b.threshold,
    base: b.base,
    source: (JSON.parse(b.rule_sources) as { threshold: string }).threshold,
    startsAt: b.starts_at,
    endsAt: b.ends_at,
    place: b.place,
    roll: members,
    presiding: members.find((m) => m.code === b.presiding_code) ?? null,
    secretary: members.find((m) => m.code === b.secretary_code) ?? null,
    counters,
    nominees,
    entries: b.status === 'open' ? entries.filter((e) => e.round === current) : [],
    rounds: roundViews,
    results: roundViews.length > 0 ? roundViews[roundViews.length - 1].results : [],
  };
}

export async function showBallot(ctx: ServiceContext, rawId: string | number): Promise<Ballot> {
  const id = ballotIdOrThrow(rawId);
  return transact(ctx, (trx) => loadBallot(trx, id));
}

export async function listBallots(ctx: ServiceContext, filter: { year?: string | number }): Promise<Ballot[]> {
  const year = filter.year === undefined ? undefined : valueOrThrow(parseYearField('year', filter.year));
  return transact(ctx, async (trx) => {
    const out: Ballot[] = [];
    for (const b of await listBallotRows(trx, { year })) out.push(await loadBallot(trx, b.id));
    return out;
  });
}

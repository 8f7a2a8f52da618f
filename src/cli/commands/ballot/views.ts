/** How a ballot looks: `ballot show` / `ballot close` (CLI.md fields), its list row, its results table. */
import type { Context } from '../../../context.js';
import type { Ballot, BallotEntry } from '../../../services/ballots.js';
import { formatShare } from '../../../domain/tally.js';
import { formatVnDate } from '../../../domain/dates.js';
import { emitHeading, emitList, emitRecord, emitResult } from '../../output.js';

/** `--json` of show and close: exactly the fields of CLI.md, and a few more for people who read it. */
export function ballotJson(b: Ballot) {
  return {
    id: b.id,
    status: b.status,
    year: b.year,
    award: b.award,
    heldOn: b.heldOn,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    place: b.place,
    presiding: b.presiding && { code: b.presiding.code, name: b.presiding.name },
    secretary: b.secretary && { code: b.secretary.code, name: b.secretary.name },
    absent: b.roll.filter((r) => r.attended === false).map((r) => ({ code: r.code, name: r.name })),
    counters: b.counters.map((r) => ({ code: r.code, name: r.name })),
    membersTotal: b.membersTotal,
    present: b.present,
    quorumMet: b.quorumMet,
    threshold: b.threshold,
    base: b.base,
    results: b.results.map((r) => ({ nomination: r.nomination, subject: r.subject, name: r.name, agree: r.agree, disagree: r.disagree, blank: r.blank, share: Math.round(r.share * 10000) / 10000, passed: r.passed })),
    nominees: b.nominees.map((n) => ({ nomination: n.nomination, subject: n.subject, name: n.name, unit: n.unitName })),
    entries: b.entries.map((e) => ({ entry: e.entry, issued: e.issued, returned: e.returned, valid: e.valid, invalid: e.invalid, votes: e.votes })),
    rounds: b.rounds.map((r) => ({ round: r.round, closedOn: r.closedOn, reason: r.reason, minutes: r.minutes, issued: r.issued, returned: r.returned, valid: r.returned - r.invalid, invalid: r.invalid, results: r.results.map((x) => ({ nomination: x.nomination, agree: x.agree, disagree: x.disagree, blank: x.blank, passed: x.passed })) })),
  };
}

export function ballotRowJson(b: Ballot) {
  return { id: b.id, year: b.year, award: b.award, heldOn: b.heldOn, status: b.status, present: b.present, membersTotal: b.membersTotal, nominees: b.nominees.length, passed: b.results.filter((r) => r.passed).length };
}

function baseText(ctx: Context, b: Ballot): string {
  return b.base === 'members' ? ctx.t('ballot.base.members', { count: b.membersTotal }) : ctx.t('ballot.base.present', { count: b.present });
}

/** When and where the council met, as the minutes will say it. */
function meetingText(ctx: Context, b: Ballot): string {
  if (!b.startsAt || !b.place) return ctx.t('ballot.meetingNoTime', { date: formatVnDate(b.heldOn) });
  return ctx.t('ballot.meeting', { date: formatVnDate(b.heldOn), start: b.startsAt, end: b.endsAt ?? ctx.t('ballot.notYet'), place: b.place });
}

/**
 * One clerk's entry as typed, for checking against the papers: the papers line, then each nominee's
 * counts by code and name, in the order of the ballot (the Vietnamese order of names).
 */
export async function emitEntry(ctx: Context, e: BallotEntry): Promise<void> {
  if (!ctx.options.csv) ctx.io.out(ctx.t('ballot.checkEntry', { entry: e.entry, issued: e.issued, returned: e.returned, valid: e.valid, invalid: e.invalid }) + '\n');
  await emitList(ctx, e.votes.map((v, i) => ({ ...v, index: i + 1 })), [
    { header: 'ballot.col.index', value: (v) => v.index },
    { header: 'col.code', value: (v) => v.subject },
    { header: 'col.name', value: (v) => v.name },
    { header: 'ballot.col.agree', value: (v) => v.agree },
    { header: 'ballot.col.disagree', value: (v) => v.disagree },
    { header: 'ballot.col.blank', value: (v) => v.blank },
  ]);
}

/** The whole ballot: the meeting, rules, nominees, each entry's counts or the results, rounds. */
export async function emitBallot(ctx: Context, b: Ballot): Promise<void> {
  if (ctx.options.json) return emitResult(ctx, ballotJson(b));
  const pct = (x: number) => formatShare(x, ctx.lang);
  if (!ctx.options.csv) {
    const absent = b.roll.filter((r) => r.attended === false).map((r) => r.name);
    await emitHeading(ctx, ctx.t('ballot.heading', { id: b.id, award: b.award, name: b.awardName, year: b.year, status: ctx.t(`ballotStatus.${b.status}`) }));
    await emitRecord(ctx, {}, [
      ['ballot.field.meeting', meetingText(ctx, b)],
      ['ballot.field.presence', ctx.t('ballot.presence', { present: b.present, members: b.membersTotal, quorum: b.quorum })],
      ['ballot.field.absent', b.roll.some((r) => r.attended === null) ? '—' : absent.join(', ') || ctx.t('ballot.nobody')],
      ['ballot.field.presiding', b.presiding?.name ?? '—'],
      ['ballot.field.secretary', b.secretary?.name ?? '—'],
      ['ballot.field.rule', ctx.t('ballot.rule', { threshold: pct(b.threshold), base: baseText(ctx, b) })],
      ['ballot.field.counters', b.counters.map((r) => r.name).join(', ') || '—'],
    ]);
  }
  if (b.status === 'open') {
    if (b.entries.length > 0 && !ctx.options.csv) {
      for (const e of b.entries) await emitEntry(ctx, e);
      return;
    }
    await emitList(ctx, b.nominees, [
      { header: 'col.id', value: (n) => n.nomination },
      { header: 'col.code', value: (n) => n.subject },
      { header: 'col.name', value: (n) => n.name },
      { header: 'col.unit', value: (n) => (n.kind === 'unit' ? '' : n.unitName) },
    ]);
    if (!ctx.options.csv && b.entries.length === 0) ctx.io.out(ctx.t('ballot.noEntryYet', { id: b.id }) + '\n');
    return;
  }
  await emitList(ctx, b.results, [
    { header: 'col.code', value: (r) => r.subject },
    { header: 'col.name', value: (r) => r.name },
    { header: 'ballot.col.agree', value: (r) => r.agree },
    { header: 'ballot.col.disagree', value: (r) => r.disagree },
    { header: 'ballot.col.blank', value: (r) => r.blank },
    { header: 'ballot.col.share', value: (r) => pct(r.share) },
    { header: 'ballot.col.result', value: (r) => ctx.t(r.passed ? 'ballot.passed' : 'ballot.failed') },
  ]);
  if (ctx.options.csv) return;
  for (const r of b.rounds) {
    ctx.io.out(ctx.t('ballot.papersLine', { round: r.round, issued: r.issued, returned: r.returned, valid: r.returned - r.invalid, invalid: r.invalid }) + '\n');
    ctx.io.out(ctx.t(r.round === 1 ? 'ballot.roundLine' : 'ballot.recountLine', { round: r.round, date: formatVnDate(r.closedOn), minutes: r.minutes ?? '—', reason: r.reason ?? '' }) + '\n');
  }
}

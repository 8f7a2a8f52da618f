/**
 * Opening a ballot at the council's meeting (DOMAIN.md "Secret ballot rules"): the roll and the rules
 * frozen, the meeting as its minutes will say it (start, place, who presided, who kept the minutes, who
 * was absent, the counting committee in the order named), every accepted and eligible nomination on it.
 */
import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError, type Detail } from '../domain/errors.js';
import { FieldCollector, parseIsoDate, parseRequiredText, parseTimeField } from '../domain/fields.js';
import { normaliseCode } from '../domain/names.js';
import { parseYear } from '../domain/periods.js';
import { quorumMet, quorumNeeded } from '../domain/tally.js';
import { councilMemberRows, getCouncil } from '../db/repos/councils.js';
import { ruleAt } from '../db/repos/reference.js';
import { insertBallot, insertItems, insertRoll, openBallotOf } from '../db/repos/ballots.js';
import { transact, type Tx } from './database.js';
import { nominationsIn } from './nominations.js';
import { requireTitle } from './reference.js';
import { awaitedTitles, parseCount, summary, type Ballot } from './ballots.js';
import { loadBallot } from './ballot-read.js';

// ---------------------------------------------------------------------------------------------
// Opening

export interface OpenInput {
  year?: string | number;
  award?: string;
  present?: string | number;
  date?: string;
  counters?: string[];
  /** The meeting's start (`HH:MM`) and place: the minutes carry them. */
  time?: string;
  place?: string;
  /** Members of the council absent from the meeting, by code. */
  absent?: string[];
  /** Who keeps the minutes, when not the council's secretary (absent, or none on the council). */
  secretary?: string;
}

export interface Opened {
  ballot: Ballot;
  /** Nominations of the title and year left off, with why (not accepted at appraisal, no longer eligible). */
  leftOff: { id: number; subject: string; name: string; reason: 'notAccepted' | 'notEligible' }[];
}

async function frozenRule(trx: Tx, keys: string[], date: string): Promise<{ value: string; source: string }> {
  for (const key of keys) {
    const r = await ruleAt(trx, key, date);
    if (r) return { value: r.value, source: r.source };
  }
  throw new WorkflowError('ballot.noRule', { key: keys[keys.length - 1], date });
}

const codesOf = (raw: string[] | undefined) => [...new Set((raw ?? []).flatMap((s) => s.split(',')).map((s) => normaliseCode(s)).filter(Boolean))];

type CouncilMemberRow = Awaited<ReturnType<typeof councilMemberRows>>[number];

/**
 * Who sits where at the meeting, checked against the roll: the absent (by code) agree with the number
 * present; the counting committee and the secretary are members present; the chair presides, or a
 * vice-chair when the chair is absent. Every problem at once (exit 3).
 */
function meetingRoles(members: CouncilMemberRow[], present: number, input: { absent: string[]; counters: string[]; secretary: string | null; year: number }) {
  const problems: Detail[] = [];
  const onRoll = (code: string) => members.some((m) => m.person_code === code);
  const name = (code: string) => members.find((m) => m.person_code === code)?.name ?? code;
  const absent = new Set(input.absent);
  const notOnRoll = (codes: string[]) => codes.filter((c) => !onRoll(c));
  const strangers = notOnRoll(input.absent);
  if (strangers.length > 0) problems.push({ key: 'ballot.absentNotOnRoll', params: { codes: strangers.join(', ') } });
  if (present > members.length) problems.push({ key: 'ballot.tooManyPresent', params: { present, members: members.length } });
  else if (strangers.length === 0 && present !== members.length - absent.size) {
    const names = [...absent].map(name).join(', ');
    problems.push({ key: absent.size === 0 ? 'ballot.presentNoAbsent' : 'ballot.presentMismatch', params: { present, members: members.length, absent: absent.size, names, expected: members.length - absent.size } });
  }
  const unknownCounters = notOnRoll(input.counters);
  if (unknownCounters.length > 0) problems.push({ key: 'ballot.counterNotOnRoll', params: { codes: unknownCounters.join(', ') } });
  const absentCounters = input.counters.filter((c) => absent.has(c));
  if (absentCounters.length > 0) problems.push({ key: 'ballot.counterAbsent', params: { names: absentCounters.map((c) => `${c} – ${name(c)}`).join(', ') } });
  const here = members.filter((m) => !absent.has(m.person_code));
  const chair = members.find((m) => m.role === 'chair');
  const presiding = here.find((m) => m.role === 'chair') ?? here.find((m) => m.role === 'vice');
  if (!presiding) problems.push({ key: 'ballot.noPresiding', params: { chair: chair ? `${chair.person_code} – ${chair.name}` : '' } });
  let secretary: CouncilMemberRow | undefined;
  if (input.secretary) {
    secretary = here.find((m) => m.person_code === input.secretary);
    if (!onRoll(input.secretary)) problems.push({ key: 'ballot.secretaryNotOnRoll', params: { code: input.secretary } });
    else if (!secretary) problems.push({ key: 'ballot.secretaryAbsent', params: { code: input.secretary, name: name(input.secretary) } });
  } else {
    const own = members.find((m) => m.role === 'secretary');
    secretary = own && !absent.has(own.person_code) ? own : undefined;
    if (!secretary) problems.push(own ? { key: 'ballot.councilSecretaryAbsent', params: { code: own.person_code, name: own.name } } : { key: 'ballot.noSecretary', params: { year: input.year } });
  }
  if (secretary && presiding && secretary.person_code === presiding.person_code) {
    problems.push({ key: 'ballot.secretaryPresides', params: { code: secretary.person_code, name: secretary.name } });
  }
  if (problems.length > 0) throw new ValidationError('ballot.invalid', {}, problems);
  return { absent, presiding: presiding!, secretary: secretary! };
}

export async function openBallot(ctx: ServiceContext, input: OpenInput): Promise<Opened> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const yearText = String(input.year ?? '').trim();
  const year = parseYear(yearText);
  if (year === null) c.add(yearText === '' ? 'invalid.required' : 'invalid.year', { field: 'year', value: yearText });
  const present = parseCount(c, 'present', input.present);
  const date = input.date === undefined ? today : c.take(parseIsoDate('ballotDate', input.date, { required: true }));
  if (date && date > today) c.add('ballot.futureDate', { date, today });
  const startsAt = c.take(parseTimeField('startTime', input.time));
  const place = c.take(parseRequiredText('meetingPlace', input.place, 200));
  const counters = codesOf(input.counters);
  const absentCodes = codesOf(input.absent);
  const secretaryCode = input.secretary === undefined ? null : normaliseCode(input.secretary) || null;
  if (c.problems.length > 0) throw new ValidationError('ballot.invalid', {}, c.problems);
  const y = year as number;
  const held = date as string;
  return transact(ctx, async (trx, audit) => {
    const title = await requireTitle(trx, input.award ?? '');
    const council = await getCouncil(trx, 'emulation', y);
    if (!council) throw new WorkflowError('ballot.noCouncil', { year: y });
    const members = await councilMemberRows(trx, [council.id]);
    const roles = meetingRoles(members, present, { absent: absentCodes, counters, secretary: secretaryCode, year: y });
    const quorum = await frozenRule(trx, ['ballot.quorum'], held);
    const threshold = await frozenRule(trx, [`ballot.threshold.${title.code}`, 'ballot.threshold'], held);
    const base = await frozenRule(trx, [`ballot.base.${title.code}`, 'ballot.base'], held);
    if (!quorumMet(present, members.length, quorum.value)) {
      throw new WorkflowError('ballot.noQuorum', { present, members: members.length, needed: quorumNeeded(members.length, quorum.value), quorum: quorum.value });
    }
    const open = await openBallotOf(trx, y, title.code);
    if (open) throw new WorkflowError('ballot.alreadyOpen', { id: open.id, award: title.code, year: y });

    const pending = await nominationsIn(trx, { year: y, award: title.code, statuses: ['submitted', 'accepted', 'returned'] });
    const waiting = pending.map((n) => ({ n, on: awaitedTitles(n) })).filter((w) => w.on.length > 0);
    if (waiting.length > 0) {
      const first = [...new Set(waiting.flatMap((w) => w.on))];
      throw new WorkflowError(
        'ballot.waitsOn',
        { award: title.code, year: y, first: first.join(', ') },
        waiting.map((w) => ({ key: 'ballot.waiting', params: { id: w.n.id, code: w.n.subject, name: w.n.name, on: w.on.join(', ') } })),
      );
    }
    const onBallot = pending.filter((n) => n.status === 'accepted' && n.eligible);
    const leftOff = pending
      .filter((n) => !onBallot.includes(n))
      .map((n) => ({ id: n.id, subject: n.subject, name: n.name, reason: n.status === 'accepted' ? ('notEligible' as const) : ('notAccepted' as const) }));
    if (onBallot.length === 0) throw new WorkflowError('ballot.nothingToVote', { award: title.code, year: y, count: pending.length });

    const id = await insertBallot(trx, {
      year: y,
      award: title.code,
      council_id: council.id,
      held_on: held,
      members_total: members.length,
      present,
      quorum: quorum.value,
      threshold: threshold.value,
      base: base.value === 'members' ? 'members' : 'present',
      rule_sources: JSON.stringify({ quorum: quorum.source, threshold: threshold.source, base: base.source }),
      status: 'open',
      closed_on: null,
      created_at: ctx.clock.now(),
      starts_at: startsAt,
      place,
      presiding_code: roles.presiding.person_code,
      secretary_code: roles.secretary.person_code,
    });
    // The counting committee in the order named (the first heads it), or the meeting's secretary alone.
    const counting = counters.length > 0 ? counters : [roles.secretary.person_code];
    await insertRoll(trx, members.map((m, i) => {
      const rank = counting.indexOf(m.person_code);
      return {
        ballot_id: id, person_code: m.person_code, name: m.name, role: m.role, counter: rank >= 0 ? 1 : 0, sort: i + 1,
        attended: roles.absent.has(m.person_code) ? 0 : 1, counter_rank: rank >= 0 ? rank + 1 : null,
      };
    }));
    await insertItems(trx, id, onBallot.map((n) => n.id));
    const ballot = await loadBallot(trx, id);
    await audit({ entity: 'ballot', entityId: String(id), action: 'open', after: { ...summary(ballot), leftOff } });
    return { ballot, leftOff };
  });
}

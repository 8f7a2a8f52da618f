/**
 * Notable achievements of people and units (regular and ad-hoc tasks, movements, trade-union, social
 * and charity activities), logged as they happen: evidence for criteria and for detection.
 */
import type { ServiceContext } from '../context.js';
import { ValidationError } from '../domain/errors.js';
import { formatVnDate } from '../domain/dates.js';
import { FieldCollector, parseChoice, parseCode, parseRequiredDate, parseRequiredText, type Parsed } from '../domain/fields.js';
import { ACHIEVEMENT_KIND_ALIASES, ACHIEVEMENT_KINDS_ALLOWED, spanHolds, type AchievementKind } from '../domain/records.js';
import { insertAchievement, listAchievements as listAchievementRows, type AchievementWithSubject } from '../db/repos/records.js';
import { transact } from './database.js';
import { requireMovement } from './movements.js';
import { codeOrThrow, requireSubject, requireUnit } from './subjects.js';

/** An achievement as `achieve add --json` prints it. */
export interface Achievement {
  id: number;
  subject: string;
  name: string;
  date: string;
  kind: AchievementKind;
  text: string;
  movement: string | null;
}

/** A line of `achieve list`: with the unit (the subject's own code for a unit). */
export interface AchievementListRow extends Achievement {
  unit: string;
  unitName: string;
}

export interface AchievementInput {
  date?: string;
  kind?: string;
  text?: string;
  movement?: string;
}

const MAX_TEXT = 1000;

function parseKind(raw: string | undefined): Parsed<AchievementKind> {
  return parseChoice('achievementKind', raw, ACHIEVEMENT_KIND_ALIASES, ACHIEVEMENT_KINDS_ALLOWED);
}

/** Every problem with the flags at once; a kind left out is `movement` when a movement is named. */
function parseInput(rawSubject: string, input: AchievementInput, today: string) {
  const c = new FieldCollector();
  const subject = c.take(parseCode('subject', rawSubject));
  const date = c.take(parseRequiredDate('achievedOn', input.date));
  const movement = input.movement === undefined ? null : c.take(parseCode('movement', input.movement));
  const kind: AchievementKind = input.kind === undefined && input.movement !== undefined ? 'movement' : c.take(parseKind(input.kind));
  const text = c.take(parseRequiredText('achievementText', input.text, MAX_TEXT));
  if (date && date > today) c.add('achievement.future', { date: formatVnDate(date), today: formatVnDate(today) });
  if (kind === 'movement' && input.movement === undefined) c.add('achievement.movementNeeded', {});
  if (c.problems.length > 0) throw new ValidationError('achievement.invalid', { subject: rawSubject }, c.problems);
  return { subject, date, movement, kind, text };
}

export async function addAchievement(ctx: ServiceContext, rawSubject: string, input: AchievementInput): Promise<Achievement> {
  const v = parseInput(rawSubject, input, ctx.clock.today());
  return transact(ctx, async (trx, audit) => {
    const subject = await requireSubject(trx, v.subject);
    if (v.movement) {
      const m = await requireMovement(trx, v.movement);
      if (!spanHolds({ from: m.from_date, to: m.to_date }, v.date)) {
        throw new ValidationError('achievement.outsideMovement', {
          date: formatVnDate(v.date), movement: m.code, name: m.name, from: formatVnDate(m.from_date), to: m.to_date ? formatVnDate(m.to_date) : '…',
        });
      }
    }
    const id = await insertAchievement(trx, {
      subject_code: v.subject, date: v.date, kind: v.kind, text: v.text, movement_code: v.movement, created_at: ctx.clock.now(),
    });
    const achievement: Achievement = { id, subject: v.subject, name: subject.name, date: v.date, kind: v.kind, text: v.text, movement: v.movement };
    await audit({ entity: 'achievement', entityId: String(id), action: 'create', after: achievement });
    return achievement;
  });
}

export interface AchievementFilter {
  subject?: string;
  unit?: string;
  year?: number;
  kind?: string;
  movement?: string;
}

function toListRow(r: AchievementWithSubject): AchievementListRow {
  return {
    id: r.id,
    subject: r.subject_code,
    name: r.person_name ?? r.unit_name ?? '',
    unit: r.person_unit ?? r.subject_code,
    unitName: r.unit_name ?? '',
    date: r.date,
    kind: r.kind,
    text: r.text,
    movement: r.movement_code,
  };
}

/** Achievements, newest first; `unit` covers the unit's own and its members'. */
export async function listAchievements(ctx: ServiceContext, f: AchievementFilter = {}): Promise<AchievementListRow[]> {
  const subject = f.subject === undefined ? undefined : codeOrThrow('subject', f.subject);
  const unit = f.unit === undefined ? undefined : codeOrThrow('unit', f.unit);
  const movement = f.movement === undefined ? undefined : codeOrThrow('movement', f.movement);
  let kind: AchievementKind | undefined;
  if (f.kind !== undefined) {
    const p = parseKind(f.kind);
    if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
    kind = p.value;
  }
  return transact(ctx, async (trx) => {
    if (subject) await requireSubject(trx, subject);
    if (unit) await requireUnit(trx, unit);
    if (movement) await requireMovement(trx, movement);
    const year = f.year === undefined ? {} : { from: `${f.year}-01-01`, to: `${f.year}-12-31` };
    return (await listAchievementRows(trx, { subject, unit, movement, kind, ...year })).map(toListRow);
  });
}

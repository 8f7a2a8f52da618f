/**
 * Quarterly and annual quality ratings (DOMAIN.md "Ratings"): one rating per person and period; a
 * second replaces the first, and the audit keeps both.
 */
import type { ProgressBar, ServiceContext } from '../context.js';
import { ValidationError, WorkflowError, type Detail } from '../domain/errors.js';
import { parseCode } from '../domain/fields.js';
import { formatVnDate } from '../domain/dates.js';
import { sortByName } from '../domain/names.js';
import { ratableFrom, type Period } from '../domain/periods.js';
import { RATING_CODES, RATING_NAMES, parseRatingField, type Rating } from '../domain/ratings.js';
import { getPerson, listPeople, subjectKind, type PersonWithUnit } from '../db/repos/subjects.js';
import { getRating, insertRating, listRatings, updateRating, type RatingRow } from '../db/repos/records.js';
import { transact, type Audit, type Tx } from './database.js';
import { nameMismatch } from './import/name-check.js';
import { readTable, type ColumnSpec } from './import/read-table.js';
import { ratingLevels } from './reference.js';
import { codeOrThrow, requirePerson, requireUnit } from './subjects.js';

/** A person's rating for a period, as `evaluate set --json` prints it. */
export interface PersonRating {
  person: string;
  name: string;
  period: string;
  rating: Rating;
  ratingName: string;
}

export type RatingOutcome = 'added' | 'replaced' | 'unchanged';

export interface SetRatingResult {
  rating: PersonRating;
  outcome: RatingOutcome;
  /** The rating this one replaced (null when the person had none for the period). */
  previous: Rating | null;
}

/** A rating is entered from the period's last month on (`ratableFrom`), judged on the command's today (exit 5 before). */
function requireRatable(period: Period, today: string): void {
  const from = ratableFrom(period);
  if (from > today) throw new WorkflowError(`rating.tooEarly.${period.kind}`, { period: period.text, from, today: formatVnDate(today) });
}

async function levelNames(trx: Tx): Promise<Map<string, string>> {
  return new Map((await ratingLevels(trx)).map((l) => [l.code, l.name]));
}

function toPersonRating(person: PersonWithUnit, period: string, rating: Rating, names: Map<string, string>): PersonRating {
  return { person: person.code, name: person.name, period, rating, ratingName: names.get(rating) ?? RATING_NAMES[rating] };
}

/** What the audit keeps of a rating. */
function snapshot(r: PersonRating, ratedOn: string) {
  return { ...r, ratedOn };
}

interface Stamp {
  today: string;
  now: string;
  audit: Audit;
  /** Audit actions for a new rating and for one that replaces another. */
  actions: { add: string; replace: string };
  names: Map<string, string>;
}

/** Records one rating (or replaces the one already there) with its audit row; writes nothing when unchanged. */
async function applyRating(trx: Tx, person: PersonWithUnit, period: string, rating: Rating, existing: RatingRow | undefined, s: Stamp): Promise<RatingOutcome> {
  const after = toPersonRating(person, period, rating, s.names);
  const entityId = `${person.code}@${period}`;
  if (!existing) {
    await insertRating(trx, { person_code: person.code, period, rating, rated_on: s.today, created_at: s.now });
    await s.audit({ entity: 'rating', entityId, action: s.actions.add, after: snapshot(after, s.today) });
    return 'added';
  }
  if (existing.rating === rating) return 'unchanged';
  const before = toPersonRating(person, period, existing.rating as Rating, s.names);
  await updateRating(trx, existing.id, { rating, rated_on: s.today });
  await s.audit({ entity: 'rating', entityId, action: s.actions.replace, before: snapshot(before, existing.rated_on), after: snapshot(after, s.today) });
  return 'replaced';
}

/** `evaluate set`: the rating of one person for one period. */
export async function setRating(ctx: ServiceContext, rawPerson: string, period: Period, rawRating: string): Promise<SetRatingResult> {
  const code = codeOrThrow('person', rawPerson);
  const parsed = parseRatingField('rating', rawRating);
  if (!parsed.ok) throw new ValidationError(parsed.problem.key, parsed.problem.params);
  const rating = parsed.value;
  const today = ctx.clock.today();
  requireRatable(period, today);
  return transact(ctx, async (trx, audit) => {
    // A person who has left may still be rated for a period they worked in.
    const person = await requirePerson(trx, code);
    const names = await levelNames(trx);
    const existing = await getRating(trx, code, period.text);
    const outcome = await applyRating(trx, person, period.text, rating, existing, {
      today, now: ctx.clock.now(), audit, names, actions: { add: 'create', replace: 'replace' },
    });
    return { rating: toPersonRating(person, period.text, rating, names), outcome, previous: (existing?.rating as Rating | undefined) ?? null };
  });
}

/** The ratings file (CLI.md "Import files"); the name column only guards against shifted rows. */
export const RATING_COLUMNS: ColumnSpec[] = [
  { key: 'code', titles: ['code', 'Mã', 'Mã số', 'Mã cán bộ', 'Mã CB'], required: true },
  { key: 'rating', titles: ['rating', 'Xếp loại', 'Mức xếp loại', 'Kết quả xếp loại', 'Đánh giá, xếp loại'], required: true },
  { key: 'name', titles: ['name', 'Họ và tên', 'Họ tên'], required: false },
];

export interface RatingImportOptions {
  dryRun?: boolean;
  progress?: (total: number) => Promise<ProgressBar>;
}

export interface RatingImportResult {
  file: string;
  period: string;
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
  dryRun: boolean;
}

interface GoodRow {
  person: PersonWithUnit;
  rating: Rating;
}

/** Checks one row of the file: the problems it has, or the person and rating it gives. */
async function checkRow(trx: Tx, cells: Record<string, string>, line: number, seen: Map<string, number>): Promise<Detail[] | GoodRow> {
  const problems: Detail[] = [];
  const code = parseCode('code', cells.code);
  const rating = parseRatingField('rating', cells.rating);
  if (!rating.ok) problems.push({ ...rating.problem, line });
  if (!code.ok) return [{ ...code.problem, line }, ...problems];
  const earlier = seen.get(code.value);
  if (earlier !== undefined) problems.push({ line, key: 'import.duplicateInFile', params: { code: code.value, other: earlier } });
  else seen.set(code.value, line);
  const person = await getPerson(trx, code.value);
  if (!person) {
    const kind = await subjectKind(trx, code.value);
    problems.push({ line, key: kind === 'unit' ? 'ratingImport.codeIsUnit' : 'ratingImport.unknownPerson', params: { code: code.value } });
  } else {
    const differs = nameMismatch(cells.name, person, line);
    if (differs) problems.push(differs);
  }
  return problems.length > 0 || !person || !rating.ok ? problems : { person, rating: rating.value };
}

/** `evaluate import`: all rows or none; ratings already there for the period are replaced. */
export async function importRatings(ctx: ServiceContext, file: string, period: Period, opts: RatingImportOptions = {}): Promise<RatingImportResult> {
  const today = ctx.clock.today();
  requireRatable(period, today);
  const table = await readTable(file, RATING_COLUMNS);
  return transact(ctx, async (trx, audit) => {
    const seen = new Map<string, number>();
    const problems: Detail[] = [];
    const good: GoodRow[] = [];
    for (const row of table.rows) {
      const checked = await checkRow(trx, row.cells, row.line, seen);
      if (Array.isArray(checked)) problems.push(...checked);
      else good.push(checked);
    }
    if (problems.length > 0) {
      const bad = new Set(problems.map((p) => p.line)).size;
      throw new ValidationError('import.rejected', { file, bad, total: table.rows.length }, problems);
    }
    const existing = new Map((await listRatings(trx, period.text)).map((r) => [r.person_code, r]));
    const result: RatingImportResult = { file, period: period.text, rows: good.length, added: 0, replaced: 0, unchanged: 0, dryRun: !!opts.dryRun };
    if (opts.dryRun) {
      for (const { person, rating } of good) {
        const had = existing.get(person.code);
        result[!had ? 'added' : had.rating === rating ? 'unchanged' : 'replaced']++;
      }
      return result;
    }
    const stamp: Stamp = { today, now: ctx.clock.now(), audit, names: await levelNames(trx), actions: { add: 'import', replace: 'import-replace' } };
    const bar = await opts.progress?.(good.length);
    try {
      for (const { person, rating } of good) {
        result[await applyRating(trx, person, period.text, rating, existing.get(person.code), stamp)]++;
        bar?.tick();
      }
    } finally {
      bar?.stop();
    }
    return result;
  });
}

/** One line of `evaluate list`. */
export interface RatingListRow {
  person: string;
  name: string;
  unit: string;
  unitName: string;
  category: 'leader' | 'staff';
  rating: Rating | null;
  ratingName: string | null;
}

export interface RatingListing {
  period: string;
  rows: RatingListRow[];
  /** Over every active person the filter covers (also with --missing). */
  counts: Record<Rating, number>;
  missing: number;
  total: number;
}

/** `evaluate list`: every active person and their rating for the period, in Vietnamese order. */
export async function listPeriodRatings(ctx: ServiceContext, period: Period, opts: { unit?: string; missing?: boolean } = {}): Promise<RatingListing> {
  const unit = opts.unit ? codeOrThrow('unit', opts.unit) : undefined;
  return transact(ctx, async (trx) => {
    if (unit) await requireUnit(trx, unit);
    const names = await levelNames(trx);
    const rated = new Map((await listRatings(trx, period.text)).map((r) => [r.person_code, r.rating as Rating]));
    const all = (await listPeople(trx, { unit }))
      .filter((p) => p.active === 1)
      .map((p): RatingListRow => {
        const rating = rated.get(p.code) ?? null;
        const ratingName = rating ? (names.get(rating) ?? RATING_NAMES[rating]) : null;
        return { person: p.code, name: p.name, unit: p.unit_code, unitName: p.unit_name, category: p.category, rating, ratingName };
      });
    const counts = Object.fromEntries(RATING_CODES.map((c) => [c, all.filter((r) => r.rating === c).length])) as Record<Rating, number>;
    const missing = all.filter((r) => r.rating === null).length;
    const rows = sortByName(opts.missing ? all.filter((r) => r.rating === null) : all, (r) => r.name);
    return { period: period.text, rows, counts, missing, total: all.length };
  });
}

/**
 * Field parsers shared by every command and import: each returns the clean value or a Detail that
 * names the field, the value and what is allowed.
 */
import { ValidationError, type Detail } from './errors.js';
import { clean, fold, FORMULA_START, hasUnprintable, isValidCode, normaliseCode } from './names.js';
import { formatVnDate, parseDate, parseTimeOfDay } from './dates.js';
import { parseYear } from './periods.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Detail };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: string, params: Detail['params']): Parsed<never> => ({ ok: false, problem: { key, params } });

export function parseCode(field: string, raw: string | undefined): Parsed<string> {
  const v = normaliseCode(raw ?? '');
  if (v === '') return bad('invalid.required', { field });
  if (!isValidCode(v)) return bad('invalid.code', { field, value: clean(raw ?? '') });
  return ok(v);
}

/**
 * Control characters, direction marks and characters that are not characters (domain/names.ts): they
 * break Word documents, spreadsheets and terminals, and hide what a name really says.
 */
export { hasUnprintable };

/**
 * The value a table of words holds under `key`, only when it is the table's own entry: a value typed
 * as `__proto__`, `constructor` or `toString` is an unknown word, never a property every object has.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function parseText(field: string, raw: string | undefined, opts: { required?: boolean; max?: number } = {}): Parsed<string | null> {
  const v = clean(raw ?? '');
  if (hasUnprintable(v)) return bad('invalid.control', { field });
  if (v === '') return opts.required ? bad('invalid.required', { field }) : ok(null);
  const max = opts.max ?? 200;
  if ([...v].length > max) return bad('invalid.tooLong', { field, max });
  return ok(v);
}

export function parseRequiredText(field: string, raw: string | undefined, max?: number): Parsed<string> {
  return parseText(field, raw, { required: true, max }) as Parsed<string>;
}

/**
 * The name of a person or a unit: required text that does not start as a spreadsheet formula does
 * (`=`, `+`, `-`, `@`): no Vietnamese name starts so, and a list opened in Excel would run it.
 */
export function parseName(field: string, raw: string | undefined, max: number): Parsed<string> {
  const p = parseRequiredText(field, raw, max);
  if (p.ok && FORMULA_START.test(p.value)) return bad('invalid.formulaStart', { field, value: p.value.slice(0, 40) });
  return p;
}

/** One of a fixed set of values; `aliases` maps folded spellings (any case, with or without diacritics) to the value. */
export function parseChoice<T extends string>(field: string, raw: string | undefined, aliases: Record<string, T>, allowed: string): Parsed<T> {
  const key = fold(raw ?? '');
  if (key === '') return bad('invalid.required', { field });
  const v = ownValue(aliases, key);
  if (v === undefined) return bad('invalid.choice', { field, value: clean(raw ?? ''), allowed });
  return ok(v);
}

const YES = new Set(['x', 'co', 'yes', 'y', '1', 'true', 'dang vien', 'v']);
const NO = new Set(['', 'khong', 'no', 'n', '0', 'false', '-']);

export function parseYesNo(field: string, raw: string | undefined): Parsed<boolean> {
  const key = fold(raw ?? '');
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return bad('invalid.yesNo', { field, value: clean(raw ?? '') });
}

export function parseIsoDate(field: string, raw: string | undefined, opts: { required?: boolean } = {}): Parsed<string | null> {
  const v = clean(raw ?? '');
  if (v === '') return opts.required ? bad('invalid.required', { field }) : ok(null);
  const iso = parseDate(v);
  if (!iso) return bad('invalid.date', { field, value: v });
  return ok(iso);
}

export function parseRequiredDate(field: string, raw: string | undefined): Parsed<string> {
  return parseIsoDate(field, raw, { required: true }) as Parsed<string>;
}

/** The day something happened, as typed: required, and not after `today` (the command's today). */
export function parsePastDate(field: string, raw: string | undefined, today: string): Parsed<string> {
  const p = parseRequiredDate(field, raw);
  if (p.ok && p.value > today) return bad('invalid.futureDate', { field, value: formatVnDate(p.value), today: formatVnDate(today) });
  return p;
}

/** The value of a parse, or the validation error (exit 3) it describes. */
export function valueOrThrow<T>(p: Parsed<T>): T {
  if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
  return p.value;
}

/** Collects problems from several parses; `value` is only read when `problems` is empty. */
export class FieldCollector {
  readonly problems: Detail[] = [];
  take<T>(p: Parsed<T>): T {
    if (p.ok) return p.value;
    this.problems.push(p.problem);
    return undefined as T;
  }
  add(key: string, params: Detail['params']): void {
    this.problems.push({ key, params });
  }
}

/** A year field (`--year 2025`): empty is "required", anything else not a year is exit 3 naming it. */
export function parseYearField(field: string, raw: string | number | undefined): Parsed<number> {
  const text = String(raw ?? '').trim();
  if (text === '') return bad('invalid.required', { field, value: text });
  const y = parseYear(text);
  return y === null ? bad('invalid.year', { field, value: text }) : ok(y);
}

/**
 * A record number as clerks type it (`5`, `#5`, `số 5`, `no. 5`); a Parsed failure with `key`
 * (the record's own "not a number" message) otherwise.
 */
export function parseRecordId(key: string, raw: string | number | undefined): Parsed<number> {
  const text = fold(String(raw ?? '')).replace(/^(#|so|no\.?)\s*/, '');
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) return bad(key, { value: String(raw ?? '') });
  return ok(Number(text));
}

/** A time of day field (`--time 14:30`, also `14h30`): required, `HH:MM` on the 24-hour clock. */
export function parseTimeField(field: string, raw: string | undefined): Parsed<string> {
  const text = clean(raw ?? '');
  if (text === '') return bad('invalid.required', { field });
  const t = parseTimeOfDay(text);
  return t ? ok(t) : bad('invalid.time', { field, value: text });
}

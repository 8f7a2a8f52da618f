/** Registrations of titles (đăng ký thi đua): which years can be registered, and titles as clerks write them. */
import { clean, fold } from './names.js';
import { parseYear } from './periods.js';
import type { Parsed } from './fields.js';
import { normaliseTitleCode } from './titles.js';

/**
 * The year of a registration: the current year, a past year (registrations recorded late), or the
 * next one (registering in December for the coming year); further ahead is a typo.
 */
export function parseRegistrationYear(field: string, raw: string | number | undefined, today: string): Parsed<number> {
  const text = clean(String(raw ?? ''));
  if (text === '') return { ok: false, problem: { key: 'invalid.required', params: { field } } };
  const year = parseYear(text);
  if (year === null) return { ok: false, problem: { key: 'invalid.year', params: { field, value: text } } };
  const max = Number(today.slice(0, 4)) + 1;
  if (year > max) return { ok: false, problem: { key: 'registration.yearTooFar', params: { field, value: year, max } } };
  return { ok: true, value: year };
}

/** A title by its code in any case and with or without diacritics ("lđtt"), or by its full name ("Lao động tiên tiến"). */
export function matchTitle<T extends { code: string; name: string }>(titles: readonly T[], raw: string): T | undefined {
  const code = normaliseTitleCode(raw);
  const name = fold(raw);
  return titles.find((t) => t.code === code) ?? titles.find((t) => fold(t.name) === name);
}

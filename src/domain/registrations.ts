/** Registrations of titles (đăng ký thi đua): which years can be registered, and titles as clerks write them. */
import { clean, fold } from './names.js';
import { parseYear } from './periods.js';
import { parsePastDate, type Parsed } from './fields.js';
import { formatVnDate } from './dates.js';
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

/**
 * The day a registration was made (`--date`, for a year recorded late): today when not given; never
 * after today, nor before 1 January of the year before the one registered for (registering in
 * December for the coming year is the earliest a registration can be).
 */
export function parseRegistrationDate(field: string, raw: string | undefined, today: string, year?: number): Parsed<string> {
  if (raw === undefined) return { ok: true, value: today };
  const date = parsePastDate(field, raw, today);
  if (!date.ok || year === undefined) return date;
  const earliest = `${year - 1}-01-01`;
  if (date.value < earliest) {
    return { ok: false, problem: { key: 'registration.dateTooEarly', params: { field, value: formatVnDate(date.value), year, earliest: formatVnDate(earliest) } } };
  }
  return date;
}

/** A title by its code in any case and with or without diacritics ("lđtt"), or by its full name ("Lao động tiên tiến"). */
export function matchTitle<T extends { code: string; name: string }>(titles: readonly T[], raw: string): T | undefined {
  const code = normaliseTitleCode(raw);
  const name = fold(raw);
  return titles.find((t) => t.code === code) ?? titles.find((t) => fold(t.name) === name);
}

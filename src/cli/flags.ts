/** Reading flag values that every command reads the same way. */
import { ValidationError } from '../domain/errors.js';
import { parseRequiredDate, parseYearField, valueOrThrow } from '../domain/fields.js';
import { parseMonth, parsePeriod, type Period } from '../domain/periods.js';

export const orThrow = valueOrThrow;

/** A date flag (YYYY-MM-DD or dd/mm/yyyy) as ISO, or undefined when absent. */
export function dateFlag(field: string, raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : orThrow(parseRequiredDate(field, raw));
}

/** A positive whole number flag. */
export function countFlag(field: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw.trim()) || Number(raw) < 1) throw new ValidationError('invalid.count', { field, value: raw });
  return Number(raw);
}

/** A year flag (`--year 2025`). */
export function yearFlag(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : orThrow(parseYearField('year', raw));
}

/** A rating period flag (`--period 2025` or `2025-Q3`). */
export function periodFlag(raw: string | undefined): Period | undefined {
  if (raw === undefined) return undefined;
  const p = parsePeriod(raw);
  if (!p) throw new ValidationError('invalid.period', { field: 'period', value: raw });
  return p;
}

/** A month flag (`--month 2025-10`) as YYYY-MM. */
export function monthFlag(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = parseMonth(raw);
  if (!m) throw new ValidationError('invalid.month', { field: 'month', value: raw });
  return m;
}

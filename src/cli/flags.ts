/** Reading flag values that every command reads the same way. */
import { ValidationError } from '../domain/errors.js';
import { parseRequiredDate, type Parsed } from '../domain/fields.js';

export function orThrow<T>(p: Parsed<T>): T {
  if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
  return p.value;
}

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

/**
 * Stable identifiers (docs/export.md "Identifiers"): a record's id is derived from the school's
 * identifier and the record's natural key (a person's code, a registration's year, subject and title,
 * a document's kind, year and number…), never from the database's row numbers alone, so the same
 * record has the same id in every export, and a province that holds it can tell a correction from a
 * new record.
 */
import { createHash } from 'node:crypto';
import type { OrgProfileRow } from '../../db/repos/org.js';

const hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24);

/** `rec-3f9a…`: a prefix naming the kind, then 24 hex digits of SHA-256 over the school and the key. */
export function stableId(prefix: string, school: string, ...key: (string | number | null)[]): string {
  return `${prefix}-${hex(JSON.stringify([school, prefix, ...key]))}`;
}

/**
 * The school's identifier: from its first organisation profile (the moment the database was made, the
 * school's name and symbol then). Profiles are only ever added, so it stays the same through every
 * later rename or merger, and a copy of the database (backup, another engine) keeps it.
 */
export function schoolIdOf(first: OrgProfileRow): string {
  return `sch-${hex(JSON.stringify(['thidua-school', first.created_at, first.full_name, first.symbol]))}`;
}

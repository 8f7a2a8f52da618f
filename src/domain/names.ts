/** Names and text: normalising, folding for search, Vietnamese sorting, codes (DOMAIN.md "Names and text"). */

/** NFC, without zero-width characters, trimmed, every run of whitespace (tabs, NBSP, …) turned into one space. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Characters no document or spreadsheet can hold: controls (NUL, bell, escapes), the invisible marks
 * that turn text right to left, lone surrogate halves (half of an emoji, or a broken `&#xD800;`),
 * noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane: XML 1.0 forbids or
 * discourages them, and Word refuses a file that holds one) and U+FFFD, the mark a decoder leaves where
 * it met bytes that were not UTF-8 (what the clerk typed is lost there).
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\ufffd\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function hasUnprintable(s: string): boolean {
  return UNPRINTABLE.test(s);
}

/**
 * The first text anywhere in a value (a document's model: its blocks, rows, fields) that holds a
 * character no document can hold, shown with that character named (`Lê Văn [U+FFFF]`); null when none.
 */
export function unprintableText(value: unknown): string | null {
  if (typeof value === 'string') {
    // A model may break its own lines (a table cell's reasons, one per line): tab and line ends are XML's own.
    const bad = (ch: string) => hasUnprintable(ch) && ch !== '\n' && ch !== '\t' && ch !== '\r';
    if (![...value].some(bad)) return null;
    const shown = [...value].map((ch) => (bad(ch) ? `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]` : ch)).join('');
    return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = unprintableText(v);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') return unprintableText(Object.values(value));
  return null;
}

/**
 * What a spreadsheet reads as a formula when a cell starts with it (OWASP "CSV injection"): `=`, `+`,
 * `-`, `@`, a tab or a carriage return. No name or code of a person or unit starts so.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Search key: cleaned, lower-case, without diacritics, đ → d. */
export function fold(s: string): string {
  return clean(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd');
}

/** The given name: the last word of a full name. */
export function givenName(fullName: string): string {
  const words = clean(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

let collator: Intl.Collator | undefined;

/** Vietnamese list order: by given name, then by the full name. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator('vi');
  return collator.compare(givenName(a), givenName(b)) || collator.compare(clean(a), clean(b));
}

/** Plain Vietnamese order of two texts (unit names, titles): not by given name. */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('vi');
  return collator.compare(clean(a), clean(b));
}

/**
 * A new array in the Vietnamese order of a text (a unit's name: compareText), ties by `then`. Each
 * distinct text is compared once, not at every comparison: thousands of rows share a few hundred units.
 */
export function sortByText<T>(rows: readonly T[], text: (r: T) => string, then: (a: T, b: T) => number): T[] {
  const distinct = [...new Set(rows.map(text))].sort(compareText);
  const rank = new Map<string, number>();
  distinct.forEach((s, i) => rank.set(s, i > 0 && compareText(distinct[i - 1], s) === 0 ? rank.get(distinct[i - 1])! : i));
  return [...rows].sort((a, b) => rank.get(text(a))! - rank.get(text(b))! || then(a, b));
}

/** A new array sorted the Vietnamese way (stable). */
export function sortByName<T>(rows: readonly T[], get: (r: T) => string): T[] {
  collator ??= new Intl.Collator('vi');
  const c = collator;
  // Each name is cleaned and split once, not at every comparison (20,000 people: ~600,000 of them).
  const keyed = rows.map((row) => {
    const full = clean(get(row));
    return { row, full, given: givenName(full) };
  });
  keyed.sort((x, y) => c.compare(x.given, y.given) || c.compare(x.full, y.full));
  return keyed.map((k) => k.row);
}

/** True when `needle` occurs in `haystack`, ignoring case and diacritics. */
export function matchesSearch(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle));
}

/** A code as stored: cleaned and upper-case. */
export function normaliseCode(s: string): string {
  return clean(s).toUpperCase();
}

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,31}$/;

/** Codes are ASCII letters, digits, `_`, `.`, `-` (1–32 characters, starting with a letter or digit). */
export function isValidCode(code: string): boolean {
  return CODE.test(code);
}

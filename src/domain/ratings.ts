/**
 * Quality ratings (đánh giá, xếp loại chất lượng; DOMAIN.md "Ratings"): four ordered levels that
 * clerks type as codes (`HTXSNV`, `httnv`) or in words, with or without diacritics.
 */
import type { Parsed } from './fields.js';
import { clean, fold } from './names.js';

export const RATING_CODES = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATING_CODES)[number];

export const RATING_NAMES: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Higher is better (the same ranks as the `rating_levels` table). */
const RANK: Record<Rating, number> = { HTXSNV: 4, HTTNV: 3, HTNV: 2, KHTNV: 1 };

/** What the levels may be written as, for messages. */
export const RATINGS_ALLOWED = 'HTXSNV, HTTNV, HTNV, KHTNV, "Hoàn thành tốt nhiệm vụ"…';

/** Folded words, without punctuation: "Hoàn thành tốt nhiệm vụ." → "hoan thanh tot nhiem vu". */
function words(raw: string): string {
  return fold(raw).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Every accepted spelling (folded words) → level: the code, the full name, and the short forms of forms. */
const SPELLINGS = new Map<string, Rating>();
for (const code of RATING_CODES) {
  const name = words(RATING_NAMES[code]);
  SPELLINGS.set(code.toLowerCase(), code);
  SPELLINGS.set(name, code);
  SPELLINGS.set(name.replace(/ nhiem vu$/, ''), code); // "Hoàn thành tốt", "Không hoàn thành"
}
SPELLINGS.set('xuat sac', 'HTXSNV');
SPELLINGS.set('tot', 'HTTNV');

/** The level a clerk typed, or null when it is not one. */
export function parseRating(raw: string): Rating | null {
  const w = words(raw);
  return SPELLINGS.get(w) ?? SPELLINGS.get(w.replace(/ /g, '')) ?? null;
}

/** A rating field, as the other field parsers: the level or a problem naming the field. */
export function parseRatingField(field: string, raw: string | undefined): Parsed<Rating> {
  const value = clean(raw ?? '');
  if (value === '') return { ok: false, problem: { key: 'invalid.required', params: { field } } };
  const rating = parseRating(value);
  if (!rating) return { ok: false, problem: { key: 'invalid.rating', params: { field, value, allowed: RATINGS_ALLOWED } } };
  return { ok: true, value: rating };
}

export function isRating(s: string): s is Rating {
  return (RATING_CODES as readonly string[]).includes(s);
}

export function ratingRank(r: Rating): number {
  return RANK[r];
}

/** Negative when `a` is the lower level, like a sort comparator (best last). */
export function compareRatings(a: Rating, b: Rating): number {
  return RANK[a] - RANK[b];
}

/** True when `rating` is `level` or better; false when there is no rating. */
export function atLeast(rating: Rating | string | null | undefined, level: Rating): boolean {
  if (!rating || !isRating(rating)) return false;
  return RANK[rating] >= RANK[level];
}

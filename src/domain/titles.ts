import { fold } from './names.js';

export const TITLE_CODES = ['DHTT', 'LDTT', 'CSTDCS', 'TTLDTT', 'TTLDXS', 'GK'] as const;
export type TitleCode = (typeof TITLE_CODES)[number];

/** Title codes as clerks type them: any case, with or without diacritics ("đhtt", "Ldtt"). */
export function normaliseTitleCode(raw: string): string {
  return fold(raw).replace(/[\s._-]/g, '').toUpperCase();
}

/**
 * The rule key of a title's bonus coefficient for a subject: `coefficient.LDTT`; a title open to
 * both people and units keeps the units' figure under `coefficient.GK.unit`.
 */
export function coefficientKey(title: string, titleKind: 'person' | 'unit' | 'both', subject: 'person' | 'unit'): string {
  return titleKind === 'both' && subject === 'unit' ? `coefficient.${title}.unit` : `coefficient.${title}`;
}

/**
 * Who decides a title on a date (DOMAIN.md "Who decides"): the rule `authority.<TITLE>` in force then.
 * `school`: the head of the school (Law 06/2022/QH15 Art. 80; điển hình tiên tiến under the school's
 * plan); `province`: decided above the school, on the school's proposal (the Tờ trình).
 */
export const AUTHORITIES = ['school', 'province'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export function authorityKey(title: string): string {
  return `authority.${title}`;
}

export function isAuthority(v: string | undefined): v is Authority {
  return v !== undefined && (AUTHORITIES as readonly string[]).includes(v);
}

/** The addressees of a proposal as a rule holds them: "A; B" (one a line in the document). */
export function splitAddressees(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

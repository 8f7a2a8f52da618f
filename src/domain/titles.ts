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

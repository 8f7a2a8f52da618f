import type { MessageParams } from '../domain/errors.js';
import { formatVnDate, isIsoDate } from '../domain/dates.js';
import type { vi } from './vi.js';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Translate = (key: string, params?: MessageParams) => string;

/** Catalogues are loaded on demand: start-up reads only the language in use. */
const loaded: Partial<Record<Lang, Record<string, string>>> = {};

export function isLang(s: string): s is Lang {
  return s === 'vi' || s === 'en';
}

/**
 * Loads a language. The build writes each catalogue as JSON (`dir`, given by main.ts), which loads
 * several times faster than the modules; from source (tests) the modules are used.
 */
export async function loadCatalogue(lang: Lang, dir?: URL): Promise<Record<string, string>> {
  if (loaded[lang]) return loaded[lang]!;
  let cat: Record<string, string> | undefined;
  if (dir) {
    const { readFileSync } = await import('node:fs');
    try {
      cat = JSON.parse(readFileSync(new URL(`${lang}.json`, dir), 'utf8')) as Record<string, string>;
    } catch {
      cat = undefined;
    }
  }
  cat ??= lang === 'vi' ? (await import('./vi.js')).vi : (await import('./en.js')).en;
  loaded[lang] = cat;
  return cat;
}

/** Parameters that hold a date (`date`, `from`, `due`, `deadline`, `…On`, `…Date`). */
const DATE_PARAM = /^(date|from|since|due|deadline|\w+On|\w+Date)$/;

/** Fills `{name}` placeholders; an unknown key is shown as itself so nothing is lost. */
export function translator(lang: Lang): Translate {
  const cat = loaded[lang];
  if (!cat) throw new Error(`message catalogue "${lang}" used before loadCatalogue()`);
  return (key, params = {}) => {
    const text = cat[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined || v === null) return m;
      // A field is named the way the user knows it ("Ngày sinh"), not by its code name.
      if (name === 'field') return cat[`field.${v}`] ?? String(v);
      // A decimal reads the reader's way, as in the tables: 5,83 in Vietnamese, 5.83 in English.
      if (lang === 'vi' && typeof v === 'number' && !Number.isInteger(v)) return String(v).replace('.', ',');
      // Dates read as in the tables and documents (dd/mm/yyyy), whatever a service passed.
      if (DATE_PARAM.test(name) && typeof v === 'string' && isIsoDate(v)) return formatVnDate(v);
      return String(v);
    });
  };
}

import type { MessageParams } from '../domain/errors.js';
import { vi } from './vi.js';
import { en } from './en.js';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Translate = (key: string, params?: MessageParams) => string;

const catalogues: Record<Lang, Record<string, string>> = { vi, en };

export function isLang(s: string): s is Lang {
  return s === 'vi' || s === 'en';
}

/** Fills `{name}` placeholders; an unknown key is shown as itself so nothing is lost. */
export function translator(lang: Lang): Translate {
  const cat = catalogues[lang];
  return (key, params = {}) => {
    const text = cat[key] ?? vi[key as MessageKey] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined || v === null) return m;
      // A field is named the way the user knows it ("Ngày sinh"), not by its code name.
      if (name === 'field') return cat[`field.${v}`] ?? String(v);
      return String(v);
    });
  };
}

export function catalogue(lang: Lang): Record<string, string> {
  return catalogues[lang];
}

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
      return v === undefined || v === null ? m : String(v);
    });
  };
}

export function catalogue(lang: Lang): Record<string, string> {
  return catalogues[lang];
}

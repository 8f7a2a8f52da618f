import type { Detail } from './errors.js';
import { FieldCollector, parseChoice, parseRequiredText } from './fields.js';
import { clean } from './names.js';

export type HeaderStyle = 'party' | 'state';

export const STYLE_ALIASES: Record<string, HeaderStyle> = {
  party: 'party',
  dang: 'party',
  state: 'state',
  'nha nuoc': 'state',
  'chinh quyen': 'state',
};

/** The organisation's identity as printed on documents, in force from `validFrom`. */
export interface OrgProfile {
  validFrom: string;
  name: string;
  fullName: string;
  parentBody: string;
  symbol: string;
  place: string;
  headTitle: string;
  headName: string;
  style: HeaderStyle;
}

export type OrgField = Exclude<keyof OrgProfile, 'validFrom'>;
export const ORG_FIELDS: OrgField[] = ['name', 'fullName', 'parentBody', 'symbol', 'place', 'headTitle', 'headName', 'style'];
/** The flag that sets each field. */
export const ORG_FLAGS: Record<OrgField, string> = {
  name: '--name',
  fullName: '--full-name',
  parentBody: '--parent-body',
  symbol: '--symbol',
  place: '--place',
  headTitle: '--head-title',
  headName: '--head-name',
  style: '--style',
};

/** Checks the given fields of a profile; every problem at once. */
export function parseOrgFields(input: Partial<Record<OrgField, string>>): { value: Partial<Omit<OrgProfile, 'validFrom'>>; problems: Detail[] } {
  const c = new FieldCollector();
  const value: Partial<Omit<OrgProfile, 'validFrom'>> = {};
  for (const f of ORG_FIELDS) {
    const raw = input[f];
    if (raw === undefined) continue;
    if (f === 'style') {
      value.style = c.take(parseChoice('style', raw, STYLE_ALIASES, 'party (Đảng), state (Nhà nước)'));
    } else if (f === 'symbol') {
      // Written in capitals on every document number; typed in any case.
      const v = clean(raw).toLocaleUpperCase('vi');
      if (!/^[\p{Lu}\p{N}-]{1,20}$/u.test(v)) c.add('invalid.symbol', { field: 'symbol', value: clean(raw) });
      else value.symbol = v;
    } else {
      value[f] = c.take(parseRequiredText(f, raw, 200));
    }
  }
  return { value, problems: c.problems };
}

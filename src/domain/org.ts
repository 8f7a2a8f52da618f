import type { Detail } from './errors.js';
import { FieldCollector, parseChoice, parseCode, parseRequiredText } from './fields.js';
import { clean } from './names.js';
import { parseCitation, type Citation } from './citations.js';

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
  /** The decision on the school's functions, tasks and organisation (its competence); null until set. */
  competence: Citation | null;
  /** The decision that issued its Quy chế thi đua, khen thưởng. */
  regulation: Citation | null;
  /** Its plan for detecting, fostering and replicating exemplars (the ground of "điển hình tiên tiến"). */
  plan: Citation | null;
  /** The unit in charge of emulation work (its head executes the decisions; it keeps a copy). */
  office: string | null;
  /** That unit's abbreviation as offices write it ("TCHC"); null: from its name. */
  officeAbbr: string | null;
  /** Who else receives the decisions, besides "Như Điều 3" and the archive. */
  recipients: string[];
}

/** The school's basis documents and the unit in charge of emulation work (`org set --competence …`). */
export type OrgBasis = Pick<OrgProfile, 'competence' | 'regulation' | 'plan' | 'office' | 'officeAbbr' | 'recipients'>;

export type OrgField = Exclude<keyof OrgProfile, 'validFrom' | keyof OrgBasis>;
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

export interface OrgBasisInput {
  competence?: string;
  regulation?: string;
  plan?: string;
  office?: string;
  officeAbbr?: string;
  recipients?: string[];
}

/** The flag that sets each basis field. */
export const BASIS_FLAGS: Record<keyof OrgBasisInput, string> = {
  competence: '--competence',
  regulation: '--regulation',
  plan: '--plan',
  office: '--office',
  officeAbbr: '--office-abbr',
  recipients: '--recipient',
};

/** A recipient typed as printed or not: "- Ban Giám hiệu;" and "Ban Giám hiệu" are the same recipient. */
export function recipientText(raw: string): string {
  return clean(raw).replace(/^[-–•]\s*/u, '').replace(/[;.,]+$/u, '');
}

/** Checks the basis fields given (citations whole, the office a unit code); every problem at once. */
export function parseOrgBasis(input: OrgBasisInput): { value: Partial<OrgBasis>; problems: Detail[] } {
  const c = new FieldCollector();
  const value: Partial<OrgBasis> = {};
  for (const f of ['competence', 'regulation', 'plan'] as const) {
    if (input[f] !== undefined) value[f] = c.take(parseCitation(f, input[f]));
  }
  if (input.office !== undefined) value.office = c.take(parseCode('office', input.office));
  if (input.officeAbbr !== undefined) {
    const v = clean(input.officeAbbr).toLocaleUpperCase('vi');
    if (!/^[\p{Lu}\p{N}][\p{Lu}\p{N}.&-]{0,19}$/u.test(v)) c.add('invalid.officeAbbr', { field: 'officeAbbr', value: clean(input.officeAbbr) });
    else value.officeAbbr = v;
  }
  if (input.recipients !== undefined) {
    const list: string[] = [];
    for (const raw of input.recipients) {
      // Typed as printed or not: "- Ban Giám hiệu;" and "Ban Giám hiệu" are the same recipient.
      const v = c.take(parseRequiredText('recipient', recipientText(raw), 200));
      if (v !== undefined) list.push(v);
    }
    value.recipients = list;
  }
  return { value, problems: c.problems };
}

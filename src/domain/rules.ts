/**
 * The catalogue of dated rules (legal figures and school settings). Values are stored as text;
 * each key has a kind that says how to read and check its value.
 */
import { clean, fold } from './names.js';
import { hasUnprintable, ownValue, type Parsed } from './fields.js';
import { AUTHORITIES } from './titles.js';
import { recipientText } from './org.js';

/**
 * `citation`: the value is the number of the document its source cites (the basis of every decision).
 * `recipients`: the "Nơi nhận" of a kind of document besides "Lưu", several separated by ";".
 */
export type RuleKind = 'money' | 'coefficient' | 'ratio' | 'enum' | 'integer' | 'monthday' | 'text' | 'citation' | 'recipients';

export interface RuleDef {
  kind: RuleKind;
  /** Allowed values for `enum`. */
  allowed?: string[];
  /** Message key describing the rule. */
  about: string;
}

/** The reports whose "Nơi nhận" is a dated rule `recipients.<kind>` (a decision's comes from the profile). */
export const RECIPIENT_KINDS = ['annual', 'period', 'quarterly', 'benefits', 'commend', 'progress', 'province', 'received'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const recipientsKey = (kind: RecipientKind): string => `recipients.${kind}`;

/** A `recipients` rule's value as its lines. */
export function splitRecipients(value: string): string[] {
  return value.split(';').map(recipientText).filter(Boolean);
}

const FIXED: Record<string, RuleDef> = {
  base_salary: { kind: 'money', about: 'rule.base_salary' },
  'ballot.quorum': { kind: 'ratio', about: 'rule.ballot.quorum' },
  'ballot.threshold': { kind: 'ratio', about: 'rule.ballot.threshold' },
  'ballot.base': { kind: 'enum', allowed: ['present', 'members'], about: 'rule.ballot.base' },
  'bonus.rounding': { kind: 'enum', allowed: ['up', 'nearest', 'down', 'none'], about: 'rule.bonus.rounding' },
  'bonus.rounding_unit': { kind: 'integer', about: 'rule.bonus.rounding_unit' },
  'deadline.province': { kind: 'monthday', about: 'rule.deadline.province' },
  'review.score_max': { kind: 'integer', about: 'rule.review.score_max' },
  'review.pass_mark': { kind: 'coefficient', about: 'rule.review.pass_mark' },
  'review.deadline_days': { kind: 'integer', about: 'rule.review.deadline_days' },
  'led.line_width': { kind: 'integer', about: 'rule.led.line_width' },
  // The basis a decision cites before anything else (DOMAIN.md "Citations and basis lines").
  'basis.law': { kind: 'citation', about: 'rule.basis.law' },
  'basis.decree': { kind: 'citation', about: 'rule.basis.decree' },
  'basis.initiative': { kind: 'citation', about: 'rule.basis.initiative' },
  'province.decider': { kind: 'text', about: 'rule.province.decider' },
  'province.addressee': { kind: 'text', about: 'rule.province.addressee' },
  // Whom each kind of report is sent to ("Nơi nhận"); "Lưu: VT, …" is added from the profile's office.
  ...Object.fromEntries(RECIPIENT_KINDS.map((k) => [recipientsKey(k), { kind: 'recipients', about: `rule.recipients.${k}` } satisfies RuleDef])),
};

const PER_TITLE: [RegExp, RuleDef][] = [
  [/^coefficient\.([A-Z]+)$/, { kind: 'coefficient', about: 'rule.coefficient' }],
  [/^coefficient\.([A-Z]+)\.unit$/, { kind: 'coefficient', about: 'rule.coefficient.unit' }],
  [/^ballot\.threshold\.([A-Z]+)$/, { kind: 'ratio', about: 'rule.ballot.threshold.title' }],
  [/^ballot\.base\.([A-Z]+)$/, { kind: 'enum', allowed: ['present', 'members'], about: 'rule.ballot.base.title' }],
  [/^quota\.([A-Z]+)$/, { kind: 'ratio', about: 'rule.quota' }],
  [/^authority\.([A-Z]+)$/, { kind: 'enum', allowed: [...AUTHORITIES], about: 'rule.authority' }],
];

/** Keys as clerks type them: any case; a title code segment in any case or with diacritics. */
export function normaliseRuleKey(raw: string, titleCodes: readonly string[]): string {
  return raw
    .trim()
    .split('.')
    .map((p) => {
      const upper = fold(p).toUpperCase();
      return titleCodes.includes(upper) ? upper : p.toLowerCase();
    })
    .join('.');
}

/** The definition of a key, and the title it is about (for per-title keys). */
export function ruleDef(key: string, titleCodes: readonly string[]): (RuleDef & { title?: string }) | undefined {
  const fixed = ownValue(FIXED, key);
  if (fixed) return fixed;
  for (const [re, def] of PER_TITLE) {
    const m = re.exec(key);
    if (m && titleCodes.includes(m[1])) return { ...def, title: m[1] };
  }
  return undefined;
}

export function knownRulePatterns(): string[] {
  return [...Object.keys(FIXED), 'coefficient.<TITLE>', 'coefficient.<TITLE>.unit', 'ballot.threshold.<TITLE>', 'ballot.base.<TITLE>', 'quota.<TITLE>', 'authority.<TITLE>'];
}

/**
 * "2.340.000", "2,340,000", "2 340 000" and "2340000" (optionally followed by đ, đồng or VND) are all
 * two million three hundred and forty thousand. Separators must group by thousands: "2.340.000,50"
 * or "2,34" would otherwise be read as 234 000 050 or 234 đồng, so they are refused.
 */
function parseMoney(raw: string): number | null {
  const s = raw
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/\s*(đồng|đ|vnđ|vnd|d)$/i, '');
  const grouped = /^\d{1,3}(?:([.,]|\s)\d{3})(?:\1\d{3})*$/.exec(s);
  if (!/^\d{1,12}$/.test(s) && !grouped) return null;
  const digits = s.replace(/[\s.,]/g, '');
  if (digits.length > 12) return null;
  const n = Number(digits);
  return n > 0 ? n : null;
}

function parseDecimal(raw: string): number | null {
  const s = raw.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A share: "2/3", "0.7", "70%". */
export function parseRatio(raw: string): number | null {
  const s = raw.trim();
  let m = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (m) return Number(m[2]) === 0 ? null : Number(m[1]) / Number(m[2]);
  m = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(s);
  if (m) return Number(m[1].replace(',', '.')) / 100;
  return parseDecimal(s);
}

/** Reads and checks a rule value; returns the text to store. */
export function parseRuleValue(key: string, def: RuleDef, raw: string): Parsed<string> {
  const value = raw.trim();
  const bad = (allowed: string): Parsed<string> => ({ ok: false, problem: { key: 'invalid.ruleValue', params: { field: key, value, allowed } } });
  switch (def.kind) {
    case 'money': {
      const n = parseMoney(value);
      return n === null ? bad('1.800.000') : { ok: true, value: String(n) };
    }
    case 'coefficient': {
      const n = parseDecimal(value);
      return n === null || n <= 0 || n > 100 ? bad('0.3, 1.0, 1.5') : { ok: true, value: String(n) };
    }
    case 'ratio': {
      const n = parseRatio(value);
      if (n === null || n <= 0 || n > 1) return bad('2/3, 0.7, 70%');
      return { ok: true, value: /\//.test(value) ? value.replace(/\s/g, '') : String(n) };
    }
    case 'enum': {
      const v = fold(value);
      return def.allowed!.includes(v) ? { ok: true, value: v } : bad(def.allowed!.join(', '));
    }
    case 'integer': {
      if (!/^\d{1,9}$/.test(value) || Number(value) < 1) return bad('10000');
      return { ok: true, value: String(Number(value)) };
    }
    case 'citation': {
      const v = value.normalize('NFC').replace(/^số\s+/iu, '').toLocaleUpperCase('vi');
      return /^[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)+$/u.test(v) && /\d/.test(v) ? { ok: true, value: v } : bad('152/2025/NĐ-CP');
    }
    case 'monthday': {
      const m = /^(\d{1,2})[-/](\d{1,2})$/.exec(value);
      // Entered as day/month ("31/01") or month-day ("01-31").
      if (!m) return bad('01-31');
      const [a, b] = [Number(m[1]), Number(m[2])];
      const [month, day] = value.includes('/') ? [b, a] : [a, b];
      const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      if (!max || day < 1 || day > max) return bad('01-31');
      return { ok: true, value: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
    }
    case 'recipients': {
      const list = splitRecipients(raw);
      const example = 'Ban Giám hiệu; Các khoa, phòng';
      if (list.length === 0 || list.some((r) => hasUnprintable(r) || [...r].length > 300)) return bad(example);
      // The file copy is the office's ("Lưu: VT, TCHC"), written from the profile.
      if (list.some((r) => /^Lưu\b/iu.test(r))) return { ok: false, problem: { key: 'rule.recipientsFile', params: { field: key, value } } };
      return { ok: true, value: list.join('; ') };
    }
    case 'text': {
      const text = clean(raw);
      if (text === '' || hasUnprintable(text) || [...text].length > 300) return bad('Hội đồng Thi đua – Khen thưởng tỉnh');
      return { ok: true, value: text };
    }
  }
}

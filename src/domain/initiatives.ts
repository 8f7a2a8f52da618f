/**
 * Initiatives (sáng kiến) and research topics (đề tài): their codes, their authors' shares and the
 * states they go through (DOMAIN.md "The yearly cycle").
 */
import type { Detail } from './errors.js';
import type { Parsed } from './fields.js';
import { clean, fold, isValidCode, normaliseCode } from './names.js';

export const INITIATIVE_KINDS = ['initiative', 'research'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const INITIATIVE_STATUSES = ['registered', 'in_progress', 'applied', 'recognised', 'rejected', 'withdrawn'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const INITIATIVE_EVENTS = ['report', 'apply', 'recognise', 'reject', 'withdraw'] as const;
export type InitiativeEvent = (typeof INITIATIVE_EVENTS)[number];

/** The letters a code starts with: SK for sáng kiến, DT for đề tài. */
export const KIND_PREFIX: Record<InitiativeKind, 'SK' | 'DT'> = { initiative: 'SK', research: 'DT' };

/** `--kind` as clerks type it (folded: any case, with or without diacritics). */
export const INITIATIVE_KIND_ALIASES: Record<string, InitiativeKind> = {
  initiative: 'initiative',
  'sang kien': 'initiative',
  sangkien: 'initiative',
  sk: 'initiative',
  research: 'research',
  'de tai': 'research',
  detai: 'research',
  'de tai khoa hoc': 'research',
  dt: 'research',
};
export const INITIATIVE_KINDS_ALLOWED = 'initiative (sáng kiến), research (đề tài)';

/** `SK-2025-001`: the prefix of the kind, the year and the number within kind and year (3 digits at least). */
export function formatInitiativeCode(kind: InitiativeKind, year: number, seq: number): string {
  return `${KIND_PREFIX[kind]}-${year}-${String(seq).padStart(3, '0')}`;
}

export interface InitiativeCode {
  code: string;
  kind: InitiativeKind;
  year: number;
  seq: number;
}

const CODE_RE = /^(SK|DT)[-_./ ]?(\d{4})[-_./ ]?(\d{1,4})$/;

/** A code as typed (`sk-2025-1`, `ĐT 2025 001`, `SK2025001`) in its stored form, or null when it is not one. */
export function parseInitiativeCode(raw: string): InitiativeCode | null {
  const m = CODE_RE.exec(fold(raw).toUpperCase());
  if (!m) return null;
  const kind: InitiativeKind = m[1] === 'SK' ? 'initiative' : 'research';
  const year = Number(m[2]);
  const seq = Number(m[3]);
  if (seq < 1) return null;
  return { code: formatInitiativeCode(kind, year, seq), kind, year, seq };
}

/** True when `raw` starts like an initiative code (`SK-…`, `DT 20…`), even a mistyped one. */
export function looksLikeInitiativeCode(raw: string): boolean {
  return /^(SK|DT)[-_./ ]?\d/.test(fold(raw).toUpperCase());
}

/** One `--author` value: `VC012` or `VC012:60` (a share in whole percent; `60%` is accepted). */
export interface AuthorSpec {
  code: string;
  share: number | null;
}

export interface Author {
  code: string;
  share: number;
}

export function parseAuthorSpec(raw: string): Parsed<AuthorSpec> {
  const text = clean(raw);
  const at = text.search(/[:=]/);
  const code = normaliseCode(at < 0 ? text : text.slice(0, at));
  if (code === '') return { ok: false, problem: { key: 'initiative.authorSpec', params: { value: text } } };
  if (!isValidCode(code)) return { ok: false, problem: { key: 'invalid.code', params: { field: 'author', value: code } } };
  if (at < 0) return { ok: true, value: { code, share: null } };
  const share = text.slice(at + 1).replace(/\s*%$/, '').trim();
  if (!/^\d{1,3}$/.test(share) || Number(share) < 1 || Number(share) > 100) {
    return { ok: false, problem: { key: 'initiative.badShare', params: { code, value: text.slice(at + 1).trim() } } };
  }
  return { ok: true, value: { code, share: Number(share) } };
}

/**
 * The authors and their shares: whole percents from 1 to 100 summing to exactly 100; a sole author
 * without a share holds 100; several authors must all be given a share; nobody twice.
 */
export function parseAuthors(raws: readonly string[]): { value: Author[]; problems: Detail[] } {
  const problems: Detail[] = [];
  const specs: AuthorSpec[] = [];
  for (const raw of raws) {
    if (clean(raw) === '') continue;
    const p = parseAuthorSpec(raw);
    if (p.ok) specs.push(p.value);
    else problems.push(p.problem);
  }
  if (specs.length === 0 && problems.length === 0) problems.push({ key: 'invalid.required', params: { field: 'author' } });
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.code)) problems.push({ key: 'initiative.authorTwice', params: { code: s.code } });
    seen.add(s.code);
  }
  const without = specs.filter((s) => s.share === null);
  if (problems.length > 0) return { value: [], problems };
  if (specs.length === 1 && without.length === 1) return { value: [{ code: specs[0]!.code, share: 100 }], problems };
  if (without.length === specs.length) {
    return { value: [], problems: [{ key: 'initiative.sharesNeeded', params: { count: specs.length, codes: specs.map((s) => s.code).join(', ') } }] };
  }
  if (without.length > 0) {
    return { value: [], problems: [{ key: 'initiative.sharesMixed', params: { codes: without.map((s) => s.code).join(', ') } }] };
  }
  const sum = specs.reduce((n, s) => n + s.share!, 0);
  if (sum !== 100) return { value: [], problems: [{ key: 'initiative.sharesSum', params: { sum } }] };
  return { value: specs.map((s) => ({ code: s.code, share: s.share! })), problems };
}

/**
 * The state an event leads to, or null when the event does not fit the current state:
 * registered → in_progress on the first progress report (later reports keep it in_progress);
 * registered or in_progress → applied on the application for recognition (an initiative put to use
 * without monthly reports can still be recognised: the missing reports show in `status`); applied → recognised | rejected by the
 * council; withdrawn from any state before a decision.
 */
export function nextStatus(current: InitiativeStatus, event: InitiativeEvent): InitiativeStatus | null {
  switch (event) {
    case 'report':
      return current === 'registered' || current === 'in_progress' ? 'in_progress' : null;
    case 'apply':
      return current === 'registered' || current === 'in_progress' ? 'applied' : null;
    case 'recognise':
      return current === 'applied' ? 'recognised' : null;
    case 'reject':
      return current === 'applied' ? 'rejected' : null;
    case 'withdraw':
      return current === 'registered' || current === 'in_progress' || current === 'applied' ? 'withdrawn' : null;
  }
}

/** True for the states that end an initiative's life (a decision, or a withdrawal). */
export function isFinal(status: InitiativeStatus): boolean {
  return status === 'recognised' || status === 'rejected' || status === 'withdrawn';
}

/** Title and field of an initiative: NFC, trimmed; the title at most this long. */
export const INITIATIVE_TITLE_MAX = 300;

/**
 * Legal sources as Decree 30/2020/NĐ-CP cites them (DOMAIN.md "Citations and basis lines"): a source
 * is stored whole (kind, number, date, issuer, subject) and printed as a basis line, "Căn cứ Nghị định
 * số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định mức lương cơ sở …;". A law is
 * cited by its name and date ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;").
 *
 * A clerk types a citation the way it is written in documents, with the date in figures or in words:
 *   Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ quy định mức lương cơ sở …
 *   Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022
 *   Quyết định số 45/QĐ-TCT ngày 10 tháng 01 năm 2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế …
 * The subject starts with the words a subject starts with ("quy định", "về", "ban hành", "hướng dẫn",
 * …), which is how the issuer and the subject are told apart.
 */
import type { Detail } from './errors.js';
import type { Parsed } from './fields.js';
import { dateInWords, parseDate } from './dates.js';

export interface Citation {
  /** "Nghị định", "Luật", "Quyết định", "Kế hoạch", … */
  kind: string;
  /** "73/2024/NĐ-CP"; a law may be cited without it. */
  number: string | null;
  /** The day it was issued (ISO). */
  date: string;
  /** "Chính phủ", "Quốc hội", "Hiệu trưởng Trường Chính trị tỉnh Bình Phước". */
  issuer: string;
  /** What it does ("quy định mức lương cơ sở …"); for a law, its name ("Thi đua, khen thưởng"). */
  subject: string;
}

/** Kinds cited by name and date; the issuer they have when none is typed. */
const LAWS: Record<string, string> = { 'Bộ luật': 'Quốc hội', Luật: 'Quốc hội', 'Pháp lệnh': 'Ủy ban Thường vụ Quốc hội' };

/** The kinds of document a basis line cites, longest first so "Thông tư liên tịch" wins over "Thông tư". */
export const CITATION_KINDS = [
  'Nghị quyết liên tịch', 'Thông tư liên tịch', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Thông tư', 'Quyết định',
  'Chỉ thị', 'Kết luận', 'Quy định', 'Hướng dẫn', 'Kế hoạch', 'Chương trình', 'Thông báo', 'Công văn', 'Biên bản',
].sort((a, b) => b.length - a.length);

/** How a subject begins: the first of these (lower case, as written) after "của" ends the issuer. */
const SUBJECT_STARTS = [
  'quy định', 'về', 'ban hành', 'hướng dẫn', 'sửa đổi', 'bổ sung', 'bãi bỏ', 'phê duyệt', 'thành lập', 'kiện toàn', 'công nhận',
  'điều chỉnh', 'giao', 'phân cấp', 'thi hành', 'triển khai', 'tổ chức thực hiện',
];

/** Rank of a kind in the order of legal force (laws first), for ordering the basis lines of a decision. */
export function kindRank(kind: string): number {
  const order = ['Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Quyết định', 'Thông tư', 'Thông tư liên tịch'];
  const i = order.findIndex((k) => kind === k);
  return i < 0 ? order.length : i;
}

export function isLaw(c: Pick<Citation, 'kind'>): boolean {
  return c.kind in LAWS;
}

const DATE_WORDS = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const DATE_FIGURES = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})`;
const DATE = new RegExp(String.raw`(?:^|\s)ngày\s+(?:${DATE_WORDS}|${DATE_FIGURES})(?=\s|$)`, 'iu');
const NUMBER = /^[\p{L}\p{N}]+(?:[/.\-–][\p{L}\p{N}]+)+$/u;

function problem(key: string, field: string, value: string): Parsed<never> {
  return { ok: false, problem: { key, params: { field, value } } as Detail };
}

/** Reads a citation as a clerk types it (see the file's comment); a problem names what is missing. */
export function parseCitation(field: string, raw: string | undefined): Parsed<Citation> {
  const typed = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const s = typed.replace(/^căn cứ\s+/iu, '').replace(/[\s;:,.]+$/u, '');
  if (s === '') return { ok: false, problem: { key: 'invalid.required', params: { field } } };
  // Decree 30: a basis line cites the document; notes in brackets ("(thay thế …)") do not belong in it.
  if (/[()[\]{}]/.test(s)) return problem('citation.notes', field, typed);
  if ([...s].length > 600) return { ok: false, problem: { key: 'invalid.tooLong', params: { field, max: 600 } } };
  const lower = s.toLocaleLowerCase('vi');
  const kind = CITATION_KINDS.find((k) => lower.startsWith(`${k.toLocaleLowerCase('vi')} `));
  if (!kind) return problem('citation.kind', field, typed);
  const rest = s.slice(kind.length).trim();
  const d = DATE.exec(rest);
  if (!d) return problem('citation.date', field, typed);
  const date = d[1] ? parseDate(`${d[1]}/${d[2]}/${d[3]}`) : parseDate(d[4]);
  if (!date) return problem('citation.date', field, typed);
  const before = rest.slice(0, d.index).trim();
  const after = rest.slice(d.index + d[0].length).trim();
  const num = /(?:^|\s)số\s+(\S+)$/u.exec(before);
  const name = (num ? before.slice(0, num.index) : before).trim();
  const number = num ? num[1].toLocaleUpperCase('vi').replace(/–/g, '-') : null;
  if (number !== null && (!NUMBER.test(number) || !/\d/.test(number))) return problem('citation.number', field, typed);
  const of = /^của\s+(.+)$/u.exec(after);
  if (after !== '' && !of) return problem('citation.issuer', field, typed);
  if (kind in LAWS) {
    if (name === '') return problem('citation.lawName', field, typed);
    return { ok: true, value: { kind, number, date, issuer: of ? of[1].trim() : LAWS[kind], subject: name } };
  }
  if (number === null) return problem('citation.number', field, typed);
  if (!of) return problem('citation.issuer', field, typed);
  const split = subjectStart(of[1]);
  if (split <= 0) return problem('citation.subject', field, typed);
  return {
    ok: true,
    value: { kind: name ? `${kind} ${name}` : kind, number, date, issuer: of[1].slice(0, split).trim(), subject: of[1].slice(split).trim() },
  };
}

/** Where the subject begins in "Chính phủ quy định …": the first subject word after the issuer's first word. */
function subjectStart(text: string): number {
  let best = -1;
  for (const w of SUBJECT_STARTS) {
    const m = new RegExp(`\\s${w}(?=\\s|$)`, 'u').exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best < 0 ? -1 : best + 1;
}

/**
 * The citation as a basis line cites it (without "Căn cứ" and the closing mark):
 * "Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định …", "Luật Thi đua, khen
 * thưởng ngày 15 tháng 6 năm 2022".
 */
export function citationText(c: Citation): string {
  if (isLaw(c)) return `${c.kind} ${c.subject} ${dateInWords(c.date)}`;
  return `${c.kind} số ${c.number} ${dateInWords(c.date)} của ${c.issuer} ${c.subject}`;
}

/** The whole record, as `rules list` shows it: a law with its number and issuer too. */
export function citationRecord(c: Citation): string {
  if (isLaw(c)) return `${c.kind} ${c.subject}${c.number ? ` số ${c.number}` : ''} ${dateInWords(c.date)} của ${c.issuer}`;
  return citationText(c);
}

/** A reference inside running text: "Nghị định số 152/2025/NĐ-CP", "Luật Thi đua, khen thưởng". */
export function citationShort(c: Citation): string {
  return isLaw(c) ? `${c.kind} ${c.subject}` : `${c.kind} số ${c.number}`;
}

/** The same document (kind, number and date), however its subject was typed. */
export function sameDocument(a: Citation, b: Citation): boolean {
  return a.kind === b.kind && a.date === b.date && (a.number ?? '') === (b.number ?? '') && (a.number !== null || a.subject === b.subject);
}

/**
 * A reference to minutes or a decision as typed with `--minutes`: "05/BB-HĐSK ngày 01/12/2025"
 * (number, then the date in figures or words); null when it is not one.
 */
export function parseNumberAndDate(raw: string): { number: string; date: string } | null {
  const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^số\s+/iu, '');
  const m = /^(\S+)\s+(.*)$/u.exec(s);
  if (!m) return null;
  const number = m[1].toLocaleUpperCase('vi');
  if (!NUMBER.test(number) || !/\d/.test(number)) return null;
  const tail = /^ngày\s/iu.test(m[2]) ? m[2].replace(/^ngày/iu, 'ngày') : `ngày ${m[2]}`;
  const d = DATE.exec(tail);
  if (!d || d[0].trim() !== tail) return null;
  const date = d[1] ? parseDate(`${d[1]}/${d[2]}/${d[3]}`) : parseDate(d[4]);
  return date ? { number, date } : null;
}

/**
 * Documents as data (DOMAIN.md "Documents"): numbers and symbols in both header styles, the place and
 * date line, and the plain-data model every issued document is stored as. A document's model is
 * frozen in the register when it is issued; the Word renderer turns it into the same bytes each time.
 */
import { fold } from './names.js';
import { dateInWords } from './dates.js';
import type { HeaderStyle, OrgProfile } from './org.js';

/** The date in words lives with the dates (citations use it too, below the documents); named here as before. */
export { dateInWords };

export const DOC_KINDS = ['QĐ', 'BB', 'TTr', 'BC', 'KH', 'TB', 'GCN'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** A kind as typed: `QĐ`, `qd`, `QD`, `bb`, `ttr`… */
export function parseDocKind(raw: string): DocKind | null {
  const f = fold(raw).replace(/[\s.]/g, '').toUpperCase();
  return DOC_KINDS.find((k) => fold(k).toUpperCase() === f) ?? null;
}

/** The identity printed in a document's header: the organisation profile in force on its date. */
export interface DocIdentity {
  style: HeaderStyle;
  parentBody: string;
  name: string;
  fullName: string;
  symbol: string;
  place: string;
  headTitle: string;
  headName: string;
  /** The profile's first day (which profile this is). */
  validFrom: string;
}

export function identityOf(p: OrgProfile): DocIdentity {
  return {
    style: p.style,
    parentBody: p.parentBody,
    name: p.name,
    fullName: p.fullName,
    symbol: p.symbol,
    place: p.place,
    headTitle: p.headTitle,
    headName: p.headName,
    validFrom: p.validFrom,
  };
}

/** Numbers take two digits at least: 01, 12, 125. */
export function padNumber(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A draft's number (DOMAIN.md "Drafts and issued documents"): none is taken, and the place of the
 * number is left blank as offices print drafts ("Số:      /QĐ-TCT"). Real numbers start at 1.
 */
export const DRAFT_NUMBER = 0;
const BLANK_NUMBER = ' '.repeat(6);

const printedNumber = (n: number) => (n === DRAFT_NUMBER ? BLANK_NUMBER : padNumber(n));

/** The number as it is referred to: `01/QĐ-TCT` (state) or `01-QĐ/TCT` (party). */
export function docSymbol(style: HeaderStyle, number: number, kind: DocKind, org: string): string {
  return style === 'party' ? `${printedNumber(number)}-${kind}/${org}` : `${printedNumber(number)}/${kind}-${org}`;
}

/** The number line of the header: `Số: 01/QĐ-TCT` (state) or `Số 01-QĐ/TCT` (party, no colon). */
export function numberLine(style: HeaderStyle, number: number, kind: DocKind, org: string): string {
  return style === 'party' ? `Số ${docSymbol(style, number, kind, org)}` : `Số: ${docSymbol(style, number, kind, org)}`;
}

/** "Bình Phước, ngày 05 tháng 9 năm 2025". */
export function placeDateLine(place: string, iso: string): string {
  return `${place}, ${dateInWords(iso)}`;
}

/** "Ngày 05 tháng 9 năm 2025" at the start of a sentence. */
export function dateInWordsCapital(iso: string): string {
  const s = dateInWords(iso);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The signature title in each style: `KT. HIỆU TRƯỞNG` (state) / `K/T HIỆU TRƯỞNG` (party). */
export function signatureLead(style: HeaderStyle, lead: 'KT' | 'TM' | 'TL' | null, of: string): string {
  if (!lead) return of.toLocaleUpperCase('vi');
  const prefix = style === 'party' ? `${lead[0]}/${lead[1]}` : `${lead}.`;
  return `${prefix} ${of.toLocaleUpperCase('vi')}`;
}

// ---------------------------------------------------------------------------------------------
// The model: blocks a document is made of. Plain data (JSON), rendered by render/docx.

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TextRunSpec {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

export type Block =
  | { type: 'paragraph'; runs: TextRunSpec[]; align?: Align; indent?: boolean; size?: number; spaceBefore?: number; spaceAfter?: number; keepNext?: boolean }
  | { type: 'title'; text: string; summary?: string[] }
  | {
      type: 'table';
      /** Column widths as shares of the text width (sum 1). */
      widths: number[];
      header: string[];
      rows: string[][];
      /** Per column alignment. */
      align?: Align[];
      size?: number;
      /** Rows (by index) printed in bold, e.g. a total. */
      boldRows?: number[];
    }
  | {
      type: 'signatures';
      recipients?: string[];
      blocks: SignatureSpec[];
      /** The place and date line printed above a single signature (certificates, whose header has none). */
      placeDate?: string;
      /** Empty lines left for the handwritten signature (default 4). */
      space?: number;
    }
  /** Kept for documents issued before attached lists were appendices: the next block starts a page. */
  | { type: 'pageBreak' }
  /**
   * An attached list or appendix: it starts on a new page, headed as Decree 30 heads an appendix: its
   * title in capitals ("DANH SÁCH"), what it lists, and the note tying it to the document ("(Kèm theo
   * Quyết định số … ngày … của …)"); with two or more in one document they are numbered "Phụ lục I", "II"….
   */
  | { type: 'appendix'; title: string; summary?: string[]; note?: string }
  | { type: 'spacer'; lines: number }
  | { type: 'chart'; chart: ChartBlock };

/** A native Word chart (editable in Word: its data lives in an embedded workbook). */
export interface ChartBlock {
  kind: 'column' | 'bar' | 'line';
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Share of the text width (default 1) and height in millimetres (default 85). */
  width?: number;
  height?: number;
}

export interface SignatureSpec {
  /** Lines of the title, bold capitals ("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"). */
  title: string[];
  /** The signer's name (bold); empty leaves the line for a handwritten name. */
  name: string;
}

export interface DocNumber {
  kind: DocKind;
  number: number;
  year: number;
}

export interface DocModel {
  /** The renderer's name for what this is (`ballot-minutes`…); also stored in the register. */
  type: string;
  identity: DocIdentity;
  /** ISO date of the document: the header's date line and the package's dates. */
  date: string;
  /** Null for papers that carry no number (a blank ballot paper). */
  number: DocNumber | null;
  /** A draft: printed "DỰ THẢO" at the top of page 1, its number (DRAFT_NUMBER) left blank; never in the register. */
  draft?: boolean;
  /** The header's number line as printed, instead of the one `number` gives (a template's `Số: {{so_giay}}`). */
  numberText?: string;
  /** A title for the register and the file's properties. */
  title: string;
  orientation: 'portrait' | 'landscape';
  /** A page border (certificates). */
  border?: boolean;
  /** No header block at all (a certificate draws its own). */
  header?: boolean;
  /** False: the header leaves out the place and date line (a certificate prints it above the signature). */
  headerDate?: boolean;
  blocks: Block[];
  /** The words an office's own Word template of this document is filled with (certificates), frozen with it. */
  fields?: Record<string, string>;
}

/** Block helpers that read like the document they make. */
export const para = (text: string, opts: Omit<Extract<Block, { type: 'paragraph' }>, 'type' | 'runs'> = {}): Block => ({
  type: 'paragraph',
  runs: [{ text }],
  indent: opts.indent ?? true,
  align: opts.align ?? 'justify',
  ...opts,
});

export const runs = (parts: TextRunSpec[], opts: Omit<Extract<Block, { type: 'paragraph' }>, 'type' | 'runs'> = {}): Block => ({
  type: 'paragraph',
  runs: parts,
  indent: opts.indent ?? true,
  align: opts.align ?? 'justify',
  ...opts,
});

/** A file name safe on Windows and everywhere: keeps Vietnamese letters, drops reserved characters. */
export function safeFileName(raw: string, max = 120): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const base = [...cleaned].slice(0, max).join('').trim();
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) || base === '' ? `_${base}` : base;
}

/** A plain ASCII file name (people and Windows zips that lose diacritics): "Nguyen-Thi-Thu-Thuy". */
export function asciiFileName(raw: string, max = 80): string {
  const ascii = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, max) || 'van-ban';
}

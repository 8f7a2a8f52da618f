/**
 * The format as data: what Decree 30/2020/NĐ-CP, Appendix I (`state`) and Guideline 36-HD/VPTW
 * (`party`) set for each element of a document (DOMAIN.md "Documents"). The checker reads these
 * figures; nothing in check.ts repeats them. Sizes in points, lengths in millimetres.
 */
import type { HeaderStyle } from '../org.js';

export interface Range {
  min: number;
  max: number;
}

/** How an element's letters must look; an absent field is not checked. */
export interface TextSpec {
  size?: Range;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Written in capitals. */
  caps?: boolean;
}

export interface FormatSpec {
  style: HeaderStyle;
  /** A4, with this tolerance. */
  paper: { width: number; height: number; tolerance: number };
  margins: { top: Range; bottom: Range; left: Range; right: Range };
  font: string;
  header: {
    parentBody: TextSpec;
    name: TextSpec;
    /** The rule under the name, as a share of the name's width; or the party's asterisk. */
    nameRule: { share: Range } | 'asterisk';
    number: TextSpec;
    /** The national title and motto (state) or the Party's title (party). */
    titles: { pattern: RegExp; label: string; text: string; spec: TextSpec; ruled: boolean }[];
    dateLine: TextSpec;
  };
  /** The kind of document (QUYẾT ĐỊNH …). */
  kind: TextSpec;
  summary: TextSpec & { lowerFirst: boolean };
  /** Under the summary: a rule of this share of its width (state) or a line of dashes (party). */
  summaryRule: { share: Range } | 'dashes';
  body: { size: Range; firstLine: Range; spacing: number; line: Range };
  basis: TextSpec;
  recipients: { label: TextSpec; lines: TextSpec; separator: string };
  signature: { title: TextSpec; name: TextSpec };
  /** Text in tables (Decree 30 is silent: readable sizes). */
  table: { size: Range };
}

const r = (min: number, max = min): Range => ({ min, max });

/** Decree 30 asks 1/3 to 1/2; an estimate of a line's width is good to a few per cent either way. */
const RULE_SHARE = r(0.3, 0.55);

export const SPECS: Record<HeaderStyle, FormatSpec> = {
  state: {
    style: 'state',
    paper: { width: 210, height: 297, tolerance: 1.5 },
    margins: { top: r(20, 25), bottom: r(20, 25), left: r(30, 35), right: r(15, 20) },
    font: 'Times New Roman',
    header: {
      parentBody: { size: r(12, 13), bold: false, caps: true },
      name: { size: r(12, 13), bold: true, caps: true },
      nameRule: { share: RULE_SHARE },
      number: { size: r(13, 13), bold: false },
      titles: [
        { pattern: /CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/u, label: 'nationalTitle', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', spec: { size: r(12, 13), bold: true, caps: true }, ruled: false },
        { pattern: /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/u, label: 'motto', text: 'Độc lập - Tự do - Hạnh phúc', spec: { size: r(13, 14), bold: true }, ruled: true },
      ],
      dateLine: { size: r(13, 14), italic: true },
    },
    kind: { size: r(13, 14), bold: true, caps: true },
    summary: { size: r(14), bold: true, lowerFirst: false },
    summaryRule: { share: RULE_SHARE },
    body: { size: r(13, 14), firstLine: r(10, 12.7), spacing: 6, line: r(1, 1.5) },
    basis: { size: r(13, 14), italic: true },
    recipients: { label: { size: r(12), bold: true, italic: true }, lines: { size: r(11) }, separator: ';' },
    signature: { title: { size: r(13, 14), bold: true, caps: true }, name: { size: r(13, 14), bold: true } },
    table: { size: r(10, 14) },
  },
  party: {
    style: 'party',
    paper: { width: 210, height: 297, tolerance: 1.5 },
    margins: { top: r(20, 25), bottom: r(20, 25), left: r(30, 35), right: r(15, 20) },
    font: 'Times New Roman',
    header: {
      parentBody: { size: r(14), bold: false, caps: true },
      name: { size: r(14), bold: true, caps: true },
      nameRule: 'asterisk',
      number: { size: r(14), bold: false },
      titles: [{ pattern: /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u, label: 'partyTitle', text: 'ĐẢNG CỘNG SẢN VIỆT NAM', spec: { size: r(15), bold: true, caps: true }, ruled: true }],
      dateLine: { size: r(14), italic: true },
    },
    kind: { size: r(15, 16), bold: true, caps: true },
    summary: { size: r(14, 15), bold: true, lowerFirst: true },
    summaryRule: 'dashes',
    body: { size: r(14, 15), firstLine: r(10, 12.7), spacing: 6, line: r(1, 1.5) },
    basis: { size: r(14, 15) },
    recipients: { label: { size: r(14), underline: true }, lines: { size: r(12) }, separator: ',' },
    signature: { title: { size: r(14), bold: true, caps: true }, name: { size: r(14), bold: true } },
    table: { size: r(10, 15) },
  },
};

/** Kinds of paper that carry no number (printed blank, filled by hand). */
export const UNNUMBERED_KINDS = /^PHIẾU\b/u;

/** Certificates: their own large title; the date line stands above the signature. */
export const CERTIFICATE_KINDS = /^GIẤY\s+(KHEN|CHỨNG\s+NHẬN|CÔNG\s+NHẬN)\b/u;

/** The name a departure's rule goes by (i18n: format.rule.<id>) and where in the format it comes from. */
export const RULE_IDS = [
  'paper.size', 'margin.top', 'margin.bottom', 'margin.left', 'margin.right', 'font.family',
  'header.missing', 'header.title', 'header.titleRule', 'header.parentBody', 'header.name', 'header.nameRule', 'header.number',
  'header.numberForm', 'header.dateLine', 'header.dateForm', 'header.datePadding',
  'kind.format', 'summary.format', 'summary.lowerFirst', 'summary.rule', 'title.loneYear',
  'body.size', 'body.spacing', 'body.indent', 'body.lineSpacing', 'basis.format', 'basis.ending',
  'recipients.label', 'recipients.lines', 'recipients.ending', 'recipients.last',
  'signature.title', 'signature.name', 'table.size', 'table.headingWord',
  'page.numberMissing', 'page.numberFirst', 'page.numberPlace',
  'page.breakAlone', 'page.blank', 'page.emptyBeforeBreak',
  'printed.blankPage', 'printed.pageNumber', 'printed.textLost', 'printed.headingBroken', 'printed.loneYear',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Layout primitives every document shares (DOMAIN.md "Documents"): A4, Times New Roman, the format's
 * margins, the header block in `state` (Decree 30/2020) or `party` (36-HD/VPTW) style, the title and
 * summary, body paragraphs and tables, the signature blocks and "Nơi nhận", page numbers from page 2.
 */
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { draftMark } from './draft.js';
import {
  numberLine, placeDateLine, type Align, type Block, type ChartBlock, type DocModel, type SignatureSpec, type TextRunSpec,
} from '../../domain/documents.js';
import type { HeaderStyle } from '../../domain/org.js';
import { textTwips, widestWord, wrapLines } from '../../domain/format/metrics.js';
import { SPECS } from '../../domain/format/spec.js';
import { basisBlocks, basisEnding, recipientLine, withEnding } from '../../domain/format/text.js';

export const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
/** Margins in millimetres (Decree 30): top and bottom 20, left 30, right 15, landscape pages too. */
const MARGINS = {
  portrait: { top: 20, bottom: 20, left: 30, right: 15 },
  landscape: { top: 20, bottom: 20, left: 30, right: 15 },
};
/** A short rule is this share of the line it stands under (Decree 30: 1/3 to 1/2). */
const RULE_SHARE = 0.4;
/** Room kept beyond an estimated width, for the difference between the estimate and the real font. */
const SLACK = 1.06;

/** The width of the text area in twips. */
export function textWidth(orientation: 'portrait' | 'landscape'): number {
  const m = MARGINS[orientation];
  const page = orientation === 'portrait' ? A4.width : A4.height;
  return Math.round(page - (m.left + m.right) * MM);
}

const half = (pt: number) => Math.round(pt * 2);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function run(r: TextRunSpec, size?: number): TextRun {
  return new TextRun({ text: r.text, bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined, size: half(r.size ?? size ?? 14), font: FONT });
}

/** A centred line of the header or a title: one run, no indent, little space around. */
function line(text: string, opts: { bold?: boolean; italic?: boolean; underline?: boolean; size: number; after?: number; before?: number; align?: Align }): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'center'],
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run({ text, bold: opts.bold, italic: opts.italic, underline: opts.underline, size: opts.size })],
  });
}

/**
 * A short solid rule, centred: an empty paragraph with a bottom border, narrowed by its indents to
 * `length` twips in a space `width` twips wide.
 */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((width - Math.min(length, width)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 8, font: FONT })],
  });
}

function cell(children: Paragraph[], width: number, opts: { borders?: boolean; vAlign?: 'top' | 'center' } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: opts.borders ? CELL_BORDERS : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: opts.borders ? { left: 80, right: 80, top: 40, bottom: 40 } : { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: opts.vAlign === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
  });
}

function plainTable(widths: number[], rows: Paragraph[][][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // One row each (the header block, a signature): never split over two pages.
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, widths[i])) })),
  });
}

/**
 * The header block: a two-column borderless table. State: parent body / **name** with a short rule /
 * number; right: **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** / **Độc lập - Tự do - Hạnh phúc** underlined,
 * then the place and date in italics. Party: parent body / **name** / * / number; right: **ĐẢNG CỘNG
 * SẢN VIỆT NAM** underlined, then the place and date.
 */
export function headerBlock(model: DocModel, width: number): Table {
  const id = model.identity;
  const number = model.numberText ?? (model.number ? numberLine(id.style, model.number.number, model.number.kind, id.symbol) : null);
  const caps = (s: string) => s.toLocaleUpperCase('vi');
  let left: Paragraph[];
  let right: Paragraph[];
  let widths: number[];
  if (id.style === 'party') {
    widths = [Math.round(width * 0.45), width - Math.round(width * 0.45)];
    left = [line(caps(id.parentBody), { size: 14 }), line(caps(id.name), { size: 14, bold: true }), line('*', { size: 14 })];
    if (number) left.push(line(number, { size: 14 }));
    right = [line('ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true, underline: true })];
  } else {
    widths = [Math.round(width * 0.38), width - Math.round(width * 0.38)];
    // The rule under the name: 1/3 to 1/2 of the name's line (Decree 30), whatever the column's width.
    const nameWidth = Math.min(widths[0], textTwips(caps(id.name), 13, true));
    left = [line(caps(id.parentBody), { size: 13 }), line(caps(id.name), { size: 13, bold: true }), rule(widths[0], nameWidth * RULE_SHARE)];
    if (number) left.push(line(number, { size: 13, before: 60 }));
    right = [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12.5, bold: true }),
      line('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true }),
    ];
  }
  if (model.headerDate !== false) right.push(line(placeDateLine(id.place, model.date), { italic: true, size: 14, before: 120 }));
  return plainTable(widths, [[left, right]]);
}

/**
 * A centred line that wraps, balanced: narrowed by equal indents so that its lines come out about
 * as long as each other, and the year never stands alone on the last one.
 */
function balanced(text: string, size: number, bold: boolean, width: number): { left: number; right: number } | undefined {
  const total = textTwips(text, size, bold);
  if (total * SLACK <= width) return undefined;
  const words = text.split(/\s+/).filter(Boolean);
  const n = wrapLines(text, size, bold, width / SLACK).length;
  // The narrowest width that still holds the text in n lines, found by halving.
  let lo = Math.max(widestWord(text, size, bold), total / n);
  let hi = width / SLACK;
  for (let k = 0; k < 20 && hi - lo > 10; k++) {
    const mid = (lo + hi) / 2;
    if (wrapLines(words.join(' '), size, bold, mid).length <= n) hi = mid;
    else lo = mid;
  }
  const side = Math.max(0, Math.floor((width - Math.min(width, hi * SLACK)) / 2));
  return side > 0 ? { left: side, right: side } : undefined;
}

/** The longest line a centred text takes at `width` (balanced), in twips. */
function longestLine(text: string, size: number, bold: boolean, width: number): number {
  const indent = balanced(text, size, bold, width);
  const room = width - (indent ? indent.left + indent.right : 0);
  return Math.max(0, ...wrapLines(text, size, bold, room / SLACK).map((l) => textTwips(l, size, bold)));
}

/** A centred title line, balanced when it wraps. */
function titleLine(text: string, opts: { size: number; bold?: boolean; italic?: boolean; before?: number; after?: number; pageBreakBefore?: boolean }, width: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: opts.pageBreakBefore || undefined,
    indent: balanced(text, opts.size, !!opts.bold, width),
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run({ text, bold: opts.bold, italic: opts.italic, size: opts.size })],
  });
}

/** The line under a title: a short rule, 1/3 to 1/2 of its longest line (state); "-----" (party, 36-HD/VPTW). */
function underTitle(style: HeaderStyle, lines: { text: string; size: number; bold: boolean }[], width: number): Paragraph {
  if (style === 'party') return line('-----', { size: 14 });
  const longest = Math.max(...lines.map((l) => longestLine(l.text, l.size, l.bold, width)));
  return rule(width, longest * RULE_SHARE);
}

/**
 * The kind of document and its summary: QUYẾT ĐỊNH 14 pt (state) or 15 pt (party), the summary bold
 * 14 pt ("về …" in lower case in the party style), and the line under it.
 */
function titleBlock(style: HeaderStyle, text: string, summary: string[] | undefined, width: number): Paragraph[] {
  const kindSize = style === 'party' ? 15 : 14;
  const lines = (summary ?? []).map((s, i) => (style === 'party' && i === 0 ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s));
  const out = [titleLine(text.toLocaleUpperCase('vi'), { size: kindSize, bold: true, before: 360 }, width)];
  for (const s of lines) out.push(titleLine(s, { size: 14, bold: true }, width));
  if (lines.length > 0) out.push(underTitle(style, lines.map((t) => ({ text: t, size: 14, bold: true })), width));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

/**
 * An attached list, on a new page: "Phụ lục I" when the document has several, the title in capitals,
 * what it lists, the note tying it to the document, a short rule.
 */
function appendixBlock(style: HeaderStyle, b: Extract<Block, { type: 'appendix' }>, label: string | null, width: number): Paragraph[] {
  const out: Paragraph[] = [];
  if (label) out.push(titleLine(label, { size: 14, bold: true, pageBreakBefore: true }, width));
  out.push(titleLine(b.title.toLocaleUpperCase('vi'), { size: 14, bold: true, pageBreakBefore: !label }, width));
  const lines = [...(b.summary ?? []).map((t) => ({ text: t, size: 14, bold: true })), ...(b.note ? [{ text: b.note, size: 14, bold: false }] : [])];
  for (const l of lines) out.push(titleLine(l.text, { size: l.size, bold: l.bold, italic: !l.bold }, width));
  out.push(underTitle(style, lines.length > 0 ? lines : [{ text: b.title, size: 14, bold: true }], width));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

/**
 * A paragraph of the document. Body text (left or justified) keeps the format whatever the builder
 * asked: its size within the style's range, at least 6 pt after it; a centred one is balanced when it wraps.
 */
function paragraph(style: HeaderStyle, b: Extract<Block, { type: 'paragraph' }>, width: number, pageBreakBefore: boolean, keepNext = false): Paragraph {
  const body = b.align !== 'center' && b.align !== 'right';
  const range = SPECS[style].body.size;
  const clamp = (size: number | undefined) => (body ? Math.min(range.max, Math.max(range.min, size ?? 14)) : size);
  const size = clamp(b.size);
  const text = b.runs.map((r) => r.text).join('');
  const bold = b.runs.every((r) => r.bold);
  const biggest = Math.max(...b.runs.map((r) => r.size ?? size ?? 14));
  return new Paragraph({
    alignment: ALIGN[b.align ?? 'justify'],
    indent: b.indent ? { firstLine: 720 } : b.align === 'center' ? balanced(text, biggest, bold, width) : undefined,
    spacing: { before: b.spaceBefore ?? 0, after: body ? Math.max(120, b.spaceAfter ?? 120) : (b.spaceAfter ?? 120), line: 288, lineRule: LineRuleType.AUTO },
    keepNext: b.keepNext || keepNext || undefined,
    pageBreakBefore: pageBreakBefore || undefined,
    children: b.runs.map((r) => run({ ...r, size: body ? clamp(r.size ?? size) : r.size }, size)),
  });
}

/** Cell margins of data tables, left and right (twips). */
const CELL_MARGIN = 80;

/**
 * Column widths that keep every word of a column heading (and of its cells) whole: a column narrower
 * than its longest word takes the room it needs from columns that have room to spare.
 */
export function fitColumns(shares: number[], header: string[], rows: string[][], size: number, width: number): number[] {
  const widths = shares.map((w) => Math.round(w * width));
  const need = widths.map((_, i) => {
    const words = [widestWord(header[i] ?? '', size, true), ...rows.map((r) => widestWord(r[i] ?? '', size, false))];
    return Math.ceil(Math.max(...words) * SLACK) + 2 * CELL_MARGIN;
  });
  const short = widths.reduce((a, w, i) => a + Math.max(0, need[i] - w), 0);
  const spare = widths.reduce((a, w, i) => a + Math.max(0, w - need[i]), 0);
  if (short === 0 || spare < short) return widths;
  const out = widths.map((w, i) => (w < need[i] ? need[i] : w - Math.floor(((w - need[i]) * short) / spare)));
  // Rounding: the last column takes up the difference so the table keeps its width.
  const diff = width - out.reduce((a, b) => a + b, 0);
  const last = out.reduce((best, w, i) => (w - need[i] > out[best] - need[best] ? i : best), 0);
  out[last] += diff;
  return out;
}

/**
 * A table of data: the heading row repeats on each page, and a row is kept whole on one page, except
 * in a document with a chart: there LibreOffice drops the rows of a table whose rows may not split when
 * it starts on the page of a chart and runs on (the annual report printed 1 of 45 rows of its section V),
 * so rows may split.
 */
function dataTable(b: Extract<Block, { type: 'table' }>, width: number, wholeRows: boolean): Table {
  const size = b.size ?? 12;
  const total = Math.round(b.widths.reduce((a, c) => a + c, 0) * width);
  const widths = fitColumns(b.widths, b.header, b.rows, size, total);
  const p = (text: string, align: Align, bold: boolean) =>
    new Paragraph({
      alignment: ALIGN[align],
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run({ text, bold, size })],
    });
  const cellOf = (text: string, i: number, align: Align, bold: boolean) =>
    new TableCell({
      // A cell of several lines (a person's reasons) is a paragraph per line.
      children: text.split('\n').map((line) => p(line, align, bold)),
      width: { size: widths[i], type: WidthType.DXA },
      borders: CELL_BORDERS,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      verticalAlign: VerticalAlign.CENTER,
    });
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cellOf(h, i, 'center', true)) });
  const bold = new Set(b.boldRows ?? []);
  const body = b.rows.map((r, ri) => new TableRow({ cantSplit: wholeRows || undefined, children: r.map((text, i) => cellOf(text, i, b.align?.[i] ?? 'left', bold.has(ri))) }));
  return new Table({ width: { size: widths.reduce((a, c) => a + c, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...body] });
}

function signature(s: SignatureSpec, placeDate?: string, space = 4): Paragraph[] {
  const out = placeDate ? [line(placeDate, { size: 14, italic: true, after: 60 })] : [];
  out.push(...s.title.map((t) => line(t, { size: 14, bold: true })));
  for (let i = 0; i < space; i++) out.push(line('', { size: 14 }));
  out.push(line(s.name, { size: 14, bold: true }));
  return out;
}

/**
 * "Nơi nhận": bold italic 12 pt, its lines 11 pt ending ";" (Decree 30); or 14 pt underlined, its lines
 * 12 pt ending "," (36-HD/VPTW). The last line ends with "." ("- Lưu: VT, …." / "- Lưu VT, ….").
 */
function recipients(style: HeaderStyle, lines: string[]): Paragraph[] {
  const party = style === 'party';
  return [
    line('Nơi nhận:', party ? { size: 14, underline: true, align: 'left' } : { size: 12, bold: true, italic: true, align: 'left' }),
    ...lines.map((l, i) => line(recipientLine(style, l, i === lines.length - 1), { size: party ? 12 : 11, align: 'left' })),
  ];
}

/** "Nơi nhận" at the bottom left and the signature on the right; or two signatures side by side. */
function signatures(style: HeaderStyle, b: Extract<Block, { type: 'signatures' }>, width: number): (Paragraph | Table)[] {
  // The signature goes over to a new page with the paragraph before it, never alone.
  const out: (Paragraph | Table)[] = [new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [] })];
  if (b.blocks.length >= 2) {
    const w = Math.round(width / b.blocks.length);
    out.push(plainTable(b.blocks.map(() => w), [b.blocks.map((s) => signature(s))]));
    if (b.recipients?.length) out.push(new Paragraph({ spacing: { after: 120 }, children: [] }), ...recipients(style, b.recipients));
    return out;
  }
  const left = b.recipients?.length ? recipients(style, b.recipients) : [line('', { size: 11 })];
  const widths = [Math.round(width * 0.45), width - Math.round(width * 0.45)];
  out.push(plainTable(widths, [[left, b.blocks[0] ? signature(b.blocks[0], b.placeDate, b.space) : [line('', { size: 11 })]]]));
  return out;
}

/**
 * Basis lines as Decree 30 ends them: ";" after each, "." after the last (the words are the builder's;
 * the closing mark is the format's).
 */
function withBasisEndings(blocks: Block[]): Block[] {
  const texts = blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''));
  const out = [...blocks];
  for (const run of basisBlocks(texts)) {
    run.forEach((i, k) => {
      const b = out[i] as Extract<Block, { type: 'paragraph' }>;
      const runs = [...b.runs];
      const last = runs.length - 1;
      runs[last] = { ...runs[last], text: withEnding(runs[last].text, basisEnding(k === run.length - 1)) };
      out[i] = { ...b, runs };
    });
  }
  return out;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The Word blocks of a model's blocks. A page break starts the next paragraph on a new page (never a paragraph of its own). */
function bodyChildren(model: DocModel, width: number): (Paragraph | Table)[] {
  const style = model.identity.style;
  const blocks = withBasisEndings(model.blocks);
  const appendices = blocks.filter((b) => b.type === 'appendix').length;
  const wholeRows = !blocks.some((b) => b.type === 'chart');
  const out: (Paragraph | Table)[] = [];
  let newPage = false;
  let appendixNo = 0;
  for (const [k, b] of blocks.entries()) {
    if (b.type === 'pageBreak') {
      newPage = true;
      continue;
    }
    let made: (Paragraph | Table)[];
    switch (b.type) {
      case 'paragraph':
        made = [paragraph(style, b, width, newPage, blocks[k + 1]?.type === 'signatures')];
        newPage = false;
        break;
      case 'appendix':
        appendixNo++;
        made = appendixBlock(style, b, appendices > 1 ? `Phụ lục ${ROMAN[appendixNo - 1] ?? appendixNo}` : null, width);
        newPage = false;
        break;
      case 'title':
        made = titleBlock(style, b.text, b.summary, width);
        break;
      case 'table':
        made = [dataTable(b, width, wholeRows), new Paragraph({ spacing: { after: 120 }, children: [] })];
        break;
      case 'signatures':
        made = signatures(style, b, width);
        break;
      case 'spacer':
        made = Array.from({ length: b.lines }, () => line('', { size: 14 }));
        break;
      case 'chart':
        made = [chart(b.chart, width), new Paragraph({ spacing: { after: 120 }, children: [] })];
        break;
    }
    if (newPage) {
      // A block other than a paragraph starts the new page after a thin paragraph that carries the break.
      made.unshift(new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }));
      newPage = false;
    }
    out.push(...made);
  }
  return out;
}

/** Twips to the pixels docx sizes charts in (96 per inch). */
const PX = 96 / 1440;

/**
 * A native chart: Word draws it from its own data (Edit Data opens the embedded workbook), in Times New
 * Roman, legend below, values on the bars. Sized to the text width.
 */
function chart(c: ChartBlock, width: number): Paragraph {
  const w = Math.round(width * (c.width ?? 1) * PX);
  const h = Math.round((c.height ?? 85) * MM * PX);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    spacing: { before: 120, after: 0 },
    children: [
      new ChartRun({
        type: c.kind,
        title: { text: c.title, font: { size: 12, bold: true } },
        categories: c.categories,
        series: c.series.map((s) => ({ name: s.name, values: s.values })),
        font: { name: FONT },
        legend: c.series.length > 1 ? { position: 'bottom', font: { size: 10 } } : false,
        dataLabels: c.kind === 'line' ? undefined : { value: true, font: { size: 9 } },
        categoryAxis: { font: { size: 9 } },
        valueAxis: { font: { size: 9 } },
        transformation: { width: w, height: h },
        altText: { name: c.title, description: c.title },
      }),
    ],
  });
}

/** Page numbers from page 2, centred in the top margin; the first page has none. */
function pageNumberHeader(first: Paragraph): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28, font: FONT })] })],
    }),
    first: new Header({ children: [first] }),
  };
}

/** One section per model: a single document, or a print file of many (each on its own pages). */
function section(model: DocModel): ISectionOptions {
  const width = textWidth(model.orientation);
  const m = MARGINS[model.orientation];
  const children: (Paragraph | Table)[] = [];
  if (model.header !== false) children.push(headerBlock(model, width));
  children.push(...bodyChildren(model, width));
  // The border keeps close to the text: with Decree 30's margins it stays clear of the paper's edge.
  const border = { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: '1F3864', space: 12 };
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: model.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: Math.round(m.top * MM), bottom: Math.round(m.bottom * MM), left: Math.round(m.left * MM), right: Math.round(m.right * MM), header: Math.round(10 * MM), footer: Math.round(10 * MM) },
        borders: model.border ? { pageBorderTop: border, pageBorderBottom: border, pageBorderLeft: border, pageBorderRight: border } : undefined,
      },
    },
    // A bordered certificate is one page: no page numbers.
    // A draft is marked "DỰ THẢO" in the first page's header (render/docx/draft.ts).
    headers: model.border ? (model.draft ? { first: new Header({ children: [draftMark(width, FONT)] }) } : undefined) : pageNumberHeader(model.draft ? draftMark(width, FONT) : new Paragraph({ children: [] })),
    children,
  };
}

/** The Word document of one model, or of several models as one print file. */
export function buildDocument(models: DocModel[]): Document {
  const first = models[0];
  return new Document({
    creator: first.identity.fullName,
    lastModifiedBy: first.identity.fullName,
    title: first.title,
    description: first.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28 },
          paragraph: { spacing: { line: 288, lineRule: LineRuleType.AUTO, before: 0, after: 120 } },
        },
      },
    },
    sections: models.map(section),
  });
}

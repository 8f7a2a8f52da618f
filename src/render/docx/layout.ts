/**
 * Layout primitives every document shares (DOMAIN.md "Documents"): A4, Times New Roman, the format's
 * margins, the header block in `state` (Decree 30/2020) or `party` (36-HD/VPTW) style, the title and
 * summary, body paragraphs and tables, the signature blocks and "Nơi nhận", page numbers from page 2.
 */
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, PageBreak, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import {
  numberLine, placeDateLine, type Align, type Block, type ChartBlock, type DocModel, type SignatureSpec, type TextRunSpec,
} from '../../domain/documents.js';

export const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
/** Margins in millimetres: top and bottom 20, left 30, right 15 (portrait); 20/20/20/20 for landscape certificates. */
const MARGINS = {
  portrait: { top: 20, bottom: 20, left: 30, right: 15 },
  landscape: { top: 20, bottom: 20, left: 20, right: 20 },
};

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
 * A short solid rule, centred: an empty paragraph with a top border, narrowed by its indents.
 * `share` is the rule's length as a share of the width it stands in.
 */
function rule(width: number, share: number): Paragraph {
  const side = Math.round((width * (1 - share)) / 2);
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
    // A header or a row of signatures is never split across pages (a signer's name alone on the next page).
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
  const dateLine = line(placeDateLine(id.place, model.date), { italic: true, size: 14, before: 120 });
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
    left = [line(caps(id.parentBody), { size: 13 }), line(caps(id.name), { size: 13, bold: true }), rule(widths[0], 0.4)];
    if (number) left.push(line(number, { size: 13, before: 60 }));
    right = [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12.5, bold: true }),
      line('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, underline: true }),
    ];
  }
  if (model.headerDate !== false) right.push(dateLine);
  return plainTable(widths, [[left, right]]);
}

function titleBlock(text: string, summary: string[] | undefined, width: number): Paragraph[] {
  const out = [line(text.toLocaleUpperCase('vi'), { size: 14, bold: true, before: 360, after: 0 })];
  for (const s of summary ?? []) out.push(line(s, { size: 14, bold: true }));
  if (summary && summary.length > 0) out.push(rule(width, 0.25));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function paragraph(b: Extract<Block, { type: 'paragraph' }>): Paragraph {
  return new Paragraph({
    alignment: ALIGN[b.align ?? 'justify'],
    indent: b.indent ? { firstLine: 720 } : undefined,
    spacing: { before: b.spaceBefore ?? 0, after: b.spaceAfter ?? 120, line: 288, lineRule: LineRuleType.AUTO },
    keepNext: b.keepNext,
    children: b.runs.map((r) => run(r, b.size)),
  });
}

function dataTable(b: Extract<Block, { type: 'table' }>, width: number): Table {
  const widths = b.widths.map((w) => Math.round(w * width));
  const size = b.size ?? 12;
  const p = (text: string, align: Align, bold: boolean) =>
    new Paragraph({
      alignment: ALIGN[align],
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run({ text, bold, size })],
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.header.map((h, i) => new TableCell({
      children: [p(h, 'center', true)],
      width: { size: widths[i], type: WidthType.DXA },
      borders: CELL_BORDERS,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      verticalAlign: VerticalAlign.CENTER,
    })),
  });
  const bold = new Set(b.boldRows ?? []);
  const body = b.rows.map((r, ri) => new TableRow({
    cantSplit: true,
    children: r.map((text, i) => new TableCell({
      children: [p(text, b.align?.[i] ?? 'left', bold.has(ri))],
      width: { size: widths[i], type: WidthType.DXA },
      borders: CELL_BORDERS,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      verticalAlign: VerticalAlign.CENTER,
    })),
  }));
  return new Table({ width: { size: widths.reduce((a, c) => a + c, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...body] });
}

function signature(s: SignatureSpec, placeDate?: string, space = 4): Paragraph[] {
  const out = placeDate ? [line(placeDate, { size: 14, italic: true, after: 60 })] : [];
  out.push(...s.title.map((t) => line(t, { size: 14, bold: true })));
  for (let i = 0; i < space; i++) out.push(line('', { size: 14 }));
  out.push(line(s.name, { size: 14, bold: true }));
  return out;
}

function recipients(lines: string[]): Paragraph[] {
  return [
    line('Nơi nhận:', { size: 12, bold: true, italic: true, align: 'left' }),
    ...lines.map((l) => line(`- ${l}`, { size: 11, align: 'left' })),
  ];
}

/** "Nơi nhận" at the bottom left and the signature on the right; or two signatures side by side. */
function signatures(b: Extract<Block, { type: 'signatures' }>, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ spacing: { after: 120 }, children: [] })];
  if (b.blocks.length >= 2) {
    const w = Math.round(width / b.blocks.length);
    out.push(plainTable(b.blocks.map(() => w), [b.blocks.map((s) => signature(s))]));
    if (b.recipients?.length) out.push(new Paragraph({ spacing: { after: 120 }, children: [] }), ...recipients(b.recipients));
    return out;
  }
  const left = b.recipients?.length ? recipients(b.recipients) : [line('', { size: 11 })];
  const widths = [Math.round(width * 0.45), width - Math.round(width * 0.45)];
  out.push(plainTable(widths, [[left, b.blocks[0] ? signature(b.blocks[0], b.placeDate, b.space) : [line('', { size: 11 })]]]));
  return out;
}

function blockChildren(b: Block, width: number): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [paragraph(b)];
    case 'title':
      return titleBlock(b.text, b.summary, width);
    case 'table':
      return [dataTable(b, width), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'signatures':
      return signatures(b, width);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'spacer':
      return Array.from({ length: b.lines }, () => line('', { size: 14 }));
    case 'chart':
      return [chart(b.chart, width), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
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
function pageNumberHeader(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28, font: FONT })] })],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** One section per model: a single document, or a print file of many (each on its own pages). */
function section(model: DocModel): ISectionOptions {
  const width = textWidth(model.orientation);
  const m = MARGINS[model.orientation];
  const children: (Paragraph | Table)[] = [];
  if (model.header !== false) children.push(headerBlock(model, width));
  for (const b of model.blocks) children.push(...blockChildren(b, width));
  const border = { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: '1F3864', space: 24 };
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
    headers: model.border ? undefined : pageNumberHeader(),
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

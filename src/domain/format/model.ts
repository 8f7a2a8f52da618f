/**
 * A Word document as the format checker sees it: its sections (page, margins, headers), and its
 * paragraphs and tables in order, each with its effective properties (direct formatting, then its
 * style and the styles it is based on, then the document defaults), whoever wrote the file. Built by
 * render/docx/read.ts; checked by check.ts. Lengths are in twips (1/20 pt), sizes in points.
 */

export interface FormatRun {
  text: string;
  /** The font the run's letters are drawn in (the hAnsi slot for Vietnamese letters, ascii for plain ones). */
  font: string | null;
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Shown in capitals whatever was typed (w:caps). */
  caps: boolean;
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/** A horizontal line drawn in or under a paragraph (a shape, a VML line, or the paragraph's border). */
export interface DrawnLine {
  /** Length in twips; null when it could not be read. */
  width: number | null;
}

export interface FormatParagraph {
  kind: 'p';
  /** 1-based, in document order, counting the paragraphs of tables too. */
  index: number;
  runs: FormatRun[];
  /** Text of the runs; a tab is "\t", a line break "\n". */
  text: string;
  align: Alignment;
  indent: { left: number; right: number; firstLine: number };
  spacing: { before: number; after: number; line: number; rule: 'auto' | 'exact' | 'atLeast' };
  /** A bottom border drawn as a rule (an empty paragraph with one is a rule of its width). */
  borderBottom: boolean;
  pageBreakBefore: boolean;
  /** Explicit page breaks (w:br type="page") inside the paragraph, and where: before or after its text. */
  pageBreaks: { before: number; after: number };
  lines: DrawnLine[];
  /** The font size of the paragraph mark (an empty paragraph's height). */
  markSize: number;
  /** The paragraph ends a section (it carries the section's properties). */
  endsSection: boolean;
}

export interface FormatCell {
  /** Width in twips (from the cell, else from the grid columns it spans). */
  width: number;
  blocks: FormatBlock[];
}

export interface FormatRow {
  header: boolean;
  cantSplit: boolean;
  cells: FormatCell[];
}

export interface FormatTable {
  kind: 'tbl';
  /** 1-based, in document order. */
  index: number;
  rows: FormatRow[];
  /** True when no cell has a visible border (a layout table: the header, the signature block). */
  borderless: boolean;
}

export type FormatBlock = FormatParagraph | FormatTable;

export interface HeaderPart {
  text: string;
  /** The part shows the page number (a PAGE field). */
  pageField: boolean;
  /** Alignment of the paragraph that shows it. */
  pageAlign: Alignment | null;
}

export interface FormatSection {
  blocks: FormatBlock[];
  /** Page size in twips and orientation. */
  page: { width: number; height: number; landscape: boolean };
  margins: { top: number; bottom: number; left: number; right: number };
  /** A different first page (w:titlePg). */
  titlePage: boolean;
  /** The header and footer in force, inherited from earlier sections as Word does. */
  header: { default: HeaderPart | null; first: HeaderPart | null };
  footer: { default: HeaderPart | null; first: HeaderPart | null };
  /** The section starts on a new page (the default) rather than continuing the page. */
  newPage: boolean;
  /** A page border (certificates). */
  border: boolean;
}

export interface FormatDoc {
  sections: FormatSection[];
  /** Pages as Word last counted them (docProps/app.xml), when it did. */
  pagesHint: number | null;
}

/** Every paragraph of a list of blocks, tables' cells included, in order. */
export function paragraphsOf(blocks: FormatBlock[]): FormatParagraph[] {
  return blocks.flatMap((b) => (b.kind === 'p' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphsOf(c.blocks)))));
}

/** Every table, nested ones too. */
export function tablesOf(blocks: FormatBlock[]): FormatTable[] {
  return blocks.flatMap((b) => (b.kind === 'p' ? [] : [b, ...b.rows.flatMap((r) => r.cells.flatMap((c) => tablesOf(c.blocks)))]));
}

/** The text a paragraph shows, on one line, trimmed. */
export function flat(p: FormatParagraph): string {
  return p.text.replace(/\s+/g, ' ').trim();
}

/** The runs that carry text (not only spaces). */
export function inkRuns(p: FormatParagraph): FormatRun[] {
  return p.runs.filter((r) => r.text.trim() !== '');
}

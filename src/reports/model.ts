/**
 * The one report model (ARCHITECTURE.md "One report model, many renderers"): a report is plain data
 * built once by a pure builder (data + params + asOf), and rendered as a table, JSON, CSV or a Word
 * document in one place (render/report.ts). Labels are in the language the builder was given;
 * `data` is what `--json` prints (stable field names scripts rely on).
 */
import type { DocKind } from '../domain/documents.js';
import type { Detail } from '../domain/errors.js';

export type Cell = string | number | null;

/** How a value reads: `money` in đồng with dot separators, `date` as dd/mm/yyyy, `percent` with %. */
export type CellFormat = 'text' | 'int' | 'money' | 'date' | 'percent';

export interface ReportColumn {
  key: string;
  header: string;
  format?: CellFormat;
  /**
   * For the clerk only, shown on the screen and in CSV, never in a document: an internal code (an
   * initiative's `SK-2025-001`) or the program's own state (whether a list is final).
   */
  screenOnly?: boolean;
  /** Share of the width in a Word table (the builder's guess; the renderer normalises). */
  width?: number;
}

export interface ChartSpec {
  type: 'column' | 'bar' | 'line';
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export type ReportSection =
  | { kind: 'table'; key: string; heading: string; columns: ReportColumn[]; rows: Record<string, Cell>[]; total?: Record<string, Cell>; empty?: string }
  /** `screenOnly`: for the clerk (a deadline), not printed in the Word document. */
  | { kind: 'pairs'; key: string; heading: string; pairs: { label: string; value: Cell; format?: CellFormat }[]; screenOnly?: boolean }
  /**
   * Text: paragraphs, then numbered parts each under its own heading. A document prints an empty
   * paragraph list as dotted lines to write on (a draft); the terminal and CSV leave it out.
   */
  | { kind: 'text'; key: string; heading: string; paragraphs: string[]; parts?: { heading: string; paragraphs: string[] }[] }
  | { kind: 'chart'; key: string; heading: string; chart: ChartSpec };

/** What the Word version adds around the sections (always Vietnamese). */
export interface ReportDocument {
  kind: DocKind;
  /** The register's type (`report-annual`…) and what the document is about (`2025`, `2025-Q4`). */
  type: string;
  ref: string;
  /** "BÁO CÁO" / "TỜ TRÌNH" / "THÔNG BÁO". */
  heading: string;
  summary: string[];
  /** "Kính gửi:" under the summary (a proposal), one addressee a line. */
  addressees?: string[];
  intro: string[];
  closing: string[];
  /** Landscape for wide lists. */
  orientation?: 'portrait' | 'landscape';
  /**
   * What the document still lacks (its narrative, a period not yet ended): such a document can only
   * be printed as a draft (DOMAIN.md "Drafts and issued documents"); issuing it is refused, naming these.
   */
  missing?: Detail[];
}

export interface Report {
  /** `annual`, `quarterly`, `commend`… */
  id: string;
  title: string;
  /** The period the report covers, as typed (`2025`, `2025-Q4`, `2025-10`, `2021-2025`). */
  period: string;
  asOf: string;
  sections: ReportSection[];
  data: unknown;
  document: ReportDocument;
  /** A base name for files (ASCII, no extension): `bao-cao-nam-2025`. */
  fileName: string;
}

/** The message function builders are given (the catalogue of the chosen language). */
export type Labels = (key: string, params?: Record<string, string | number | null | undefined>) => string;

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Count of rows per key, in the order of `keys`. */
export function countBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

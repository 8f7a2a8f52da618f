/**
 * The one place a report is rendered (`--format table|json|csv|docx`; `--json` and `--csv` map here).
 * A table for the terminal, the report's `data` as JSON, CSV (UTF-8 with BOM) with one block per
 * section, or the Word document of a registered model.
 */
import type { DocModel } from '../domain/documents.js';
import { formatCell } from '../reports/docs/report.js';
import type { Report, ReportSection } from '../reports/model.js';
import type { CsvCell } from './csv.js';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface TextOptions {
  color: boolean;
  width?: number;
  lang: 'vi' | 'en';
}

function tableRows(s: Extract<ReportSection, { kind: 'table' }>, lang: 'vi' | 'en', raw: true): CsvCell[][];
function tableRows(s: Extract<ReportSection, { kind: 'table' }>, lang: 'vi' | 'en', raw: false): string[][];
function tableRows(s: Extract<ReportSection, { kind: 'table' }>, lang: 'vi' | 'en', raw: boolean): CsvCell[][] {
  const rows = s.total ? [...s.rows, s.total] : s.rows;
  return rows.map((r) => s.columns.map((c) => {
    const v = r[c.key] ?? null;
    // CSV keeps numbers as numbers for Excel (money without separators); text and dates as shown.
    if (raw && typeof v === 'number') return v;
    return formatCell(v, c.format, lang);
  }));
}

/**
 * The sections a terminal or a spreadsheet shows: a chart draws the table above it (its numbers are
 * there already, so it is not repeated), and text not written yet (a draft's blanks) is left out.
 */
function shown(report: Report): Exclude<ReportSection, { kind: 'chart' }>[] {
  const out: Exclude<ReportSection, { kind: 'chart' }>[] = [];
  for (const s of report.sections) {
    if (s.kind === 'chart') continue;
    if (s.kind !== 'text') {
      out.push(s);
      continue;
    }
    const parts = (s.parts ?? []).filter((p) => p.paragraphs.length > 0);
    if (s.paragraphs.length > 0 || parts.length > 0) out.push({ ...s, parts });
  }
  return out;
}

/** A text section's lines: its paragraphs, then each part's heading and paragraphs. */
function textLines(s: Extract<ReportSection, { kind: 'text' }>): string[] {
  return [...s.paragraphs, ...(s.parts ?? []).flatMap((p, i) => [`${i + 1}. ${p.heading}`, ...p.paragraphs])];
}

/** The report for a terminal (or a pipe): the title, then each section under its heading. */
export async function renderReportText(report: Report, opts: TextOptions): Promise<string> {
  const { renderTable, renderPairs, renderHeading } = await import('./text.js');
  const style = { color: opts.color, width: opts.width };
  const parts: string[] = [await renderHeading(report.title, style)];
  for (const s of shown(report)) {
    parts.push('\n' + (await renderHeading(s.heading, style)));
    if (s.kind === 'table') {
      parts.push(s.rows.length === 0 ? `${s.empty ?? ''}\n` : await renderTable(s.columns.map((c) => c.header), tableRows(s, opts.lang, false), style));
    } else if (s.kind === 'pairs') {
      parts.push(await renderPairs(s.pairs.map((p) => [p.label, formatCell(p.value, p.format, opts.lang)]), style));
    } else {
      parts.push(textLines(s).join('\n') + '\n');
    }
  }
  return parts.join('');
}

/**
 * CSV for Excel. A report of one table is that table; a report of several sections gives each its
 * heading row, its header and rows, and an empty row between them.
 */
export async function renderReportCsv(report: Report, lang: 'vi' | 'en'): Promise<string> {
  const { csvRecords } = await import('./csv.js');
  const sections = shown(report);
  const records: CsvCell[][] = [];
  if (sections.length === 1 && sections[0].kind === 'table') {
    const s = sections[0];
    records.push(s.columns.map((c) => c.header), ...tableRows(s, lang, true));
  } else {
    for (const s of sections) {
      if (records.length > 0) records.push([]);
      records.push([s.heading]);
      if (s.kind === 'table') records.push(s.columns.map((c) => c.header), ...tableRows(s, lang, true));
      else if (s.kind === 'pairs') records.push(...s.pairs.map((p) => [p.label, typeof p.value === 'number' ? p.value : formatCell(p.value, p.format, lang)]));
      else records.push(...textLines(s).map((p) => [p]));
    }
  }
  return '\uFEFF' + csvRecords(records);
}

export function renderReportJson(report: Report, extra: Record<string, unknown> = {}): string {
  const data = report.data && typeof report.data === 'object' && !Array.isArray(report.data) ? { ...report.data, ...extra } : report.data;
  return JSON.stringify(data, null, 2) + '\n';
}

/** Renders a report in a format; `docx` needs the registered model (see services/report-docs.ts). */
export async function renderReport(report: Report, format: ReportFormat, opts: TextOptions & { model?: DocModel }): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return renderReportJson(report);
    case 'csv':
      return renderReportCsv(report, opts.lang);
    case 'table':
      return renderReportText(report, opts);
    case 'docx': {
      if (!opts.model) throw new Error('renderReport: docx needs the registered document model');
      const { renderDocx } = await import('./docx/index.js');
      return renderDocx(opts.model);
    }
  }
}

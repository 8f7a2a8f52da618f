/**
 * A report as a Word document (always Vietnamese): the header of its date, the kind's title and
 * summary, the introduction, each section as a numbered heading with its table, key/values, text or a
 * native chart, the closing and the signature. Pure; the register numbers it (services/report-docs.ts).
 */
import { formatVnDate } from '../../domain/dates.js';
import { formatMoney } from '../../domain/money.js';
import { runs, para, signatureLead, type Align, type Block, type DocIdentity, type DocModel, type DocNumber } from '../../domain/documents.js';
import type { Cell, CellFormat, Report, ReportSection } from '../model.js';
import { fileLine, type Office } from './decision.js';

/** A value as a document or a table shows it. */
export function formatCell(v: Cell, format: CellFormat = 'text', lang: 'vi' | 'en' = 'vi'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (format === 'money') return formatMoney(v);
    const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
    const text = lang === 'vi' ? s.replace('.', ',') : s;
    return format === 'percent' ? `${text}%` : text;
  }
  if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatVnDate(v);
  return v;
}

const alignOf = (f: CellFormat | undefined): Align => (f === 'int' || f === 'money' || f === 'percent' ? 'right' : 'left');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** Room left to write a part the clerk has not written yet (only a draft prints one). */
const DOTS = '…'.repeat(32);
const toWrite = (): Block[] => [para(DOTS, { indent: false, align: 'left' }), para(DOTS, { indent: false, align: 'left' })];

function textBlocks(paragraphs: string[]): Block[] {
  return paragraphs.length === 0 ? toWrite() : paragraphs.map((p) => para(p));
}

function sectionBlocks(s: ReportSection, n: number | null, single: boolean): Block[] {
  const out: Block[] = [];
  if (!single) out.push(runs([{ text: `${n !== null ? `${ROMAN[n] ?? n + 1}. ` : ''}${s.heading}`, bold: true }], { indent: false, align: 'left', keepNext: true }));
  switch (s.kind) {
    case 'table': {
      if (s.rows.length === 0) {
        out.push(para(s.empty ?? 'Không có.', { indent: true }));
        break;
      }
      // Codes and the program's own state are for the clerk's screen: a document names things in words.
      const columns = s.columns.filter((c) => !c.screenOnly);
      const total = columns.reduce((a, c) => a + (c.width ?? 1 / columns.length), 0);
      const rows = s.rows.map((r) => columns.map((c) => formatCell(r[c.key] ?? null, c.format)));
      if (s.total) rows.push(columns.map((c) => formatCell(s.total![c.key] ?? null, c.format)));
      out.push({
        type: 'table',
        widths: columns.map((c) => (c.width ?? 1 / columns.length) / total),
        header: columns.map((c) => c.header),
        rows,
        align: columns.map((c) => alignOf(c.format)),
        size: 12,
        boldRows: s.total ? [rows.length - 1] : undefined,
      });
      break;
    }
    case 'pairs':
      for (const p of s.pairs) out.push(runs([{ text: `${p.label}: ` }, { text: formatCell(p.value, p.format), bold: true }], { indent: true }));
      break;
    case 'text':
      if (s.paragraphs.length > 0 || !s.parts) out.push(...textBlocks(s.paragraphs));
      for (const [i, part] of (s.parts ?? []).entries()) {
        out.push(runs([{ text: `${i + 1}. ${part.heading}`, bold: true, italic: true }], { indent: true, keepNext: true }), ...textBlocks(part.paragraphs));
      }
      break;
    case 'chart':
      out.push({ type: 'chart', chart: { kind: s.chart.type, title: s.chart.title, categories: s.chart.categories, series: s.chart.series } });
      break;
  }
  return out;
}

/**
 * "Kính gửi: …" centred under the summary (Decree 30); several addressees one a line, "- …;", the last ".".
 */
function addresseeBlocks(list: string[]): Block[] {
  if (list.length === 0) return [];
  // Spacing in twips: 6 pt before, 12 pt after the last line.
  const opts = { align: 'center' as const, indent: false };
  if (list.length === 1) return [runs([{ text: 'Kính gửi: ' }, { text: list[0] }], { ...opts, spaceBefore: 120, spaceAfter: 240 })];
  return [
    runs([{ text: 'Kính gửi:' }], { ...opts, spaceBefore: 120, spaceAfter: 0 }),
    ...list.map((a, i) => runs([{ text: `- ${a}${i === list.length - 1 ? '.' : ';'}` }], { ...opts, spaceAfter: i === list.length - 1 ? 240 : 0 })),
  ];
}

/** Whom a report is sent to, from data: the recipients of its kind on its date, and the office that keeps the file (none: "Lưu: VT."). */
export interface ReportClosing {
  recipients: string[];
  office: Office | null;
}

/**
 * The report's "Nơi nhận": "Như trên" when it has addressees ("Kính gửi"), then the recipients, then
 * the office's file copy.
 */
function recipientLines(d: Report['document'], c: ReportClosing): string[] {
  return [...((d.addressees ?? []).length > 0 ? ['Như trên'] : []), ...c.recipients, fileLine(c.office)];
}

/** The Word model of a report, numbered `number` in the register, dated `date`. */
export function reportDocument(report: Report, identity: DocIdentity, number: DocNumber, date: string, closing: ReportClosing): DocModel {
  const d = report.document;
  const printed = report.sections.filter((s) => !(s.kind === 'pairs' && s.screenOnly));
  const single = printed.length === 1;
  let n = 0;
  const body: Block[] = [];
  for (const s of printed) {
    // A chart follows the table it draws, under the same heading.
    const numbered = s.kind === 'chart' ? null : n++;
    body.push(...sectionBlocks(s, numbered, single || s.kind === 'chart'));
  }
  return {
    type: d.type,
    identity,
    date,
    number,
    title: `${d.heading} ${d.summary.join(' ')}`.trim(),
    orientation: d.orientation ?? 'portrait',
    blocks: [
      { type: 'title', text: d.heading, summary: d.summary },
      ...addresseeBlocks(d.addressees ?? []),
      ...d.intro.map((p) => para(p)),
      ...body,
      ...d.closing.map((p) => para(p)),
      {
        type: 'signatures',
        recipients: recipientLines(d, closing),
        blocks: [{ title: [signatureLead(identity.style, null, identity.headTitle)], name: identity.headName }],
      },
    ],
  };
}

/**
 * Where `--format table|json|csv|docx` (and the `--json`/`--csv` globals) pick the renderer of a
 * report, and where a Word report is numbered in the register before it is written.
 */
import type { Context } from '../context.js';
import type { Labels, Report } from '../reports/model.js';
import { UsageError } from '../domain/errors.js';
import type { ReportFormat } from '../render/report.js';
import { say } from './output.js';

export interface ReportFlags {
  format?: string;
  out?: string;
  force?: boolean;
  /** Print the Word document as a draft: marked, unnumbered, nothing recorded. */
  draft?: boolean;
}

const FORMATS = ['table', 'json', 'csv', 'docx'];

export function reportFormat(ctx: Context, flags: ReportFlags): ReportFormat {
  if (flags.format !== undefined) {
    const f = flags.format.trim().toLowerCase();
    if (!FORMATS.includes(f)) throw new UsageError('report.badFormat', { value: flags.format });
    return f as ReportFormat;
  }
  if (ctx.options.json) return 'json';
  if (ctx.options.csv) return 'csv';
  const ext = /\.(docx|csv|json)$/i.exec(flags.out ?? '')?.[1]?.toLowerCase();
  return (ext as ReportFormat | undefined) ?? 'table';
}

/** The Vietnamese catalogue (documents are always Vietnamese). */
export async function vietnamese(ctx: Context): Promise<Labels> {
  if (ctx.lang === 'vi') return ctx.t;
  const { loadCatalogue, translator } = await import('../i18n/index.js');
  await loadCatalogue('vi');
  return translator('vi');
}

/**
 * Renders the report `build` makes (given the labels of a language) in the chosen format, to stdout
 * or to `--out`. A Word report is built in Vietnamese and registered (a number, or the registered one
 * again when nothing changed); writing a file that already holds the same bytes is not an error.
 */
export async function emitReport(ctx: Context, build: (t: Labels) => Report, flags: ReportFlags): Promise<{ files: string[]; report: Report }> {
  const format = reportFormat(ctx, flags);
  const render = await import('../render/report.js');
  const { checkOutputs, writeOutputs } = await import('../services/files.js');
  const force = !!flags.force || ctx.options.yes;
  if (flags.draft && format !== 'docx') throw new UsageError('draft.needsDocx');
  if (format === 'docx') {
    if (!flags.out) throw new UsageError('report.docxNeedsOut');
    // Before a number is taken: the folder can be made and written, no link or device is in the way
    // (a file already there is compared when written: the same bytes are not an error).
    checkOutputs([flags.out], { force: true });
    const report = build(await vietnamese(ctx));
    const out = flags.out;
    const { withIssuedReport } = await import('../services/report-docs.js');
    const written = await withIssuedReport(
      ctx,
      report,
      async (issue) => {
        const bytes = await render.renderReport(report, 'docx', { color: false, lang: 'vi', model: issue.document.model });
        const [w] = writeOutputs([{ path: out, data: bytes }], { force });
        if (flags.draft) say(ctx, 'draft.written', { file: w.path });
        else say(ctx, issue.reused ? 'report.reused' : 'report.issued', { number: issue.document.symbol, file: w.path });
        return w.path;
      },
      { draft: flags.draft },
    );
    return { files: [written], report };
  }
  const report = build(ctx.t);
  const text = await render.renderReport(report, format, { color: ctx.io.color && !flags.out, width: ctx.io.stdoutIsTTY && !flags.out ? ctx.io.columns : undefined, lang: ctx.lang });
  if (!flags.out) {
    ctx.io.out(String(text));
    return { files: [], report };
  }
  const [w] = writeOutputs([{ path: flags.out, data: text }], { force });
  say(ctx, w.status === 'unchanged' ? 'report.unchanged' : 'report.written', { file: w.path });
  return { files: [w.path], report };
}

import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { Context } from '../../../context.js';
import type { Departure, Where } from '../../../domain/format/check.js';
import { NotFoundError, ValidationError, WorkflowError } from '../../../domain/errors.js';
import { parseOrgFields } from '../../../domain/org.js';
import { emitHeading, emitList, emitResult, say } from '../../output.js';

interface Options {
  style?: string;
  /** true: --pdf (required); false: --no-pdf; undefined: when LibreOffice is there. */
  pdf?: boolean;
}

/** A Word document is a few megabytes; this is far beyond any real one. */
const MAX_BYTES = 100 * 1024 * 1024;

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('check')
    .argument('<file>', kit.t('arg.document.file'))
    .option('--style <party|state>', kit.t('opt.document.checkStyle'))
    .option('--pdf', kit.t('opt.document.pdf'))
    .option('--no-pdf', kit.t('opt.document.noPdf'));
  kit.describe(cmd, 'document.check').action(
    kit.action<Options>(async (ctx, opts, [file]) => {
      let style: 'state' | 'party' | undefined;
      if (opts.style !== undefined) {
        const parsed = parseOrgFields({ style: opts.style });
        if (parsed.problems.length > 0) throw new ValidationError('org.invalid', {}, parsed.problems);
        style = parsed.value.style;
      }
      const { readInputFile } = await import('../../../services/files.js');
      const read = await readInputFile(file, MAX_BYTES);
      if ('problem' in read) {
        if (read.problem === 'missing') throw new NotFoundError('format.missing', { file });
        throw new ValidationError('format.unreadable', { file });
      }
      const { readFormat } = await import('../../../render/docx/read.js');
      const doc = readFormat(read.bytes, file);
      // The printed pages, when LibreOffice and pdftotext are there (or required with --pdf).
      let pages: string[] | null = null;
      let printed: { checked: boolean; pages?: number; missing?: string[] };
      if (opts.pdf === false) printed = { checked: false };
      else {
        const { findPrintTools, printedPages } = await import('../../../services/printed.js');
        const tools = findPrintTools(kit.sys.env);
        if ('missing' in tools) {
          if (opts.pdf === true) throw new WorkflowError('format.noTools', { missing: tools.missing.join(', ') });
          printed = { checked: false, missing: tools.missing };
        } else {
          pages = (await printedPages(tools, [file]))[0];
          printed = { checked: true, pages: pages.length };
        }
      }
      const { checkFormat } = await import('../../../domain/format/check.js');
      const { checkPrinted } = await import('../../../domain/format/printed.js');
      const report = checkFormat(doc, { style, pages: pages?.length });
      const departures = [...report.departures, ...(pages ? checkPrinted(doc, pages) : [])];
      const json = { file, style: report.style, styleSource: report.styleSource, kind: report.kind, printed, conforms: departures.length === 0, departures };
      if (ctx.options.json) await emitResult(ctx, json);
      else {
        await emitHeading(
          ctx,
          ctx.t('format.heading', { file, style: ctx.t(`format.style.${report.style}`), source: ctx.t(`format.source.${report.styleSource}`), kind: ctx.t(`format.kind.${report.kind}`) }),
        );
        if (departures.length > 0) {
          await emitList(ctx, departures, [
            { header: 'format.col.rule', value: (d) => ctx.t(`format.rule.${d.rule}`) + (d.printed ? ` ${ctx.t('format.printedMark')}` : '') },
            { header: 'format.col.where', value: (d) => whereText(ctx, d.where) },
            { header: 'format.col.measured', value: (d) => valueText(ctx, d.measured) },
            { header: 'format.col.expected', value: (d) => valueText(ctx, d.expected) },
          ]);
        }
        if (printed.checked) say(ctx, 'format.printed.done', { pages: printed.pages });
        else if (printed.missing) say(ctx, 'format.printed.missing', { missing: printed.missing.join(', ') });
        else say(ctx, 'format.printed.off');
      }
      if (departures.length > 0) throw new ValidationError('format.departures', { file, count: departures.length });
      say(ctx, 'format.ok', { file });
    }),
  );
}

/** "đoạn 12 «Căn cứ …», tên cơ quan" from where a departure is. */
function whereText(ctx: Context, w: Where): string {
  const parts: string[] = [];
  if (w.page !== undefined) parts.push(ctx.t('format.where.page', { n: w.page }));
  if (w.section !== undefined && w.paragraph === undefined && w.table === undefined) parts.push(ctx.t('format.where.section', { n: w.section }));
  if (w.table !== undefined) parts.push(ctx.t('format.where.table', { n: w.table }));
  if (w.row !== undefined) parts.push(ctx.t('format.where.row', { n: w.row }));
  if (w.column !== undefined) parts.push(ctx.t('format.where.column', { n: w.column }));
  if (w.paragraph !== undefined) parts.push(ctx.t('format.where.paragraph', { n: w.paragraph }));
  if (w.element) parts.push(ctx.t(`format.element.${w.element}`));
  if (w.excerpt) parts.push(`«${w.excerpt}»`);
  return parts.join(', ') || ctx.t('format.where.document');
}

/** A measured or expected value: a word of the format ("@bold", "@pagesNone:3") in the chosen language, or a measure. */
function valueText(ctx: Context, v: Departure['measured']): string {
  const m = /^@(\w+)(?::(.*))?$/s.exec(v);
  if (m) return ctx.t(`format.value.${m[1]}`, { v: m[2] ?? '' });
  // Measures read the reader's way: 20,5 mm in Vietnamese (quoted text stays as written).
  if (ctx.lang === 'vi' && !v.startsWith('“')) return v.replace(/(\d)\.(\d)/g, '$1,$2');
  return v;
}

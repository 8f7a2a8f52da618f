import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { UsageError } from '../../domain/errors.js';
import { mayReplace } from '../docs.js';
import { emitList, say } from '../output.js';
import { need } from '../prompter.js';

interface Options {
  decision?: string;
  year?: string;
  award?: string;
  out?: string;
  merge?: boolean;
  pdf?: boolean;
  template?: string;
  force?: boolean;
  draft?: boolean;
}

/**
 * `thidua certificate`: the certificates of a decision (or of a year's titles), one .docx each, numbered
 * in the register the first time; `--merge` adds one print file, `--pdf` converts with LibreOffice,
 * `--template` fills the office's own Word template.
 */
export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('certificate')
    .option('--decision <number>', kit.t('opt.certificate.decision'))
    .option('--year <year>', kit.t('opt.certificate.year'))
    .option('--award <code>', kit.t('opt.certificate.award'))
    .option('--out <dir>', kit.t('opt.certificate.out'))
    .option('--merge', kit.t('opt.certificate.merge'))
    .option('--pdf', kit.t('opt.certificate.pdf'))
    .option('--template <file.docx>', kit.t('opt.certificate.template'))
    .option('--draft', kit.t('opt.certificate.draft'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'certificate').action(
    kit.action<Options>(async (ctx, opts) => {
      if (opts.decision !== undefined && opts.award !== undefined) throw new UsageError('certificate.decisionOrAward');
      const year = opts.decision === undefined ? await need(ctx, opts.year, '--year', 'prompt.certificate.year', { default: ctx.clock.today().slice(0, 4) }) : opts.year;
      const out = await need(ctx, opts.out, '--out', 'prompt.certificate.out');
      const [{ printCertificates }, { findSoffice }, docx, template] = await Promise.all([
        import('../../services/certificate-print.js'),
        import('../../services/pdf.js'),
        import('../../render/docx/index.js'),
        import('../../render/docx/template.js'),
      ]);
      const result = await printCertificates(
        ctx,
        {
          decision: opts.decision, year, award: opts.award, out, merge: opts.merge, pdf: opts.pdf, template: opts.template, draft: opts.draft,
          force: mayReplace(ctx, opts),
          soffice: opts.pdf ? findSoffice(kit.sys.env) : null,
          progress: (total) => ctx.progress(total, ctx.t('certificate.progress')),
        },
        { docx: docx.renderDocx, placeholders: template.templatePlaceholders, fill: template.fillTemplate },
      );
      const fresh = result.certificates.filter((c) => !c.reprint).length;
      if (opts.draft) say(ctx, 'draft.written', { file: out });
      else say(ctx, 'certificate.done', { count: result.certificates.length, fresh, again: result.certificates.length - fresh, dir: out });
      if (result.merged) say(ctx, 'certificate.merged', { file: result.merged });
      if (result.pdfs.length > 0) say(ctx, 'certificate.pdfs', { count: result.pdfs.length });
      const { basename } = await import('node:path');
      await emitList(
        ctx,
        result.certificates,
        [
          { header: 'certificate.col.number', value: (c) => c.symbol },
          { header: 'col.code', value: (c) => c.subject },
          { header: 'col.name', value: (c) => c.name },
          { header: 'col.award', value: (c) => c.award },
          { header: 'certificate.col.file', value: (c) => basename(c.file) },
          { header: 'certificate.col.print', value: (c) => ctx.t(c.reprint ? 'certificate.reprint' : 'certificate.first') },
        ],
        {
          files: result.files,
          certificates: result.certificates.map(({ id, number, symbol, subject, name, award, file }) => ({ id, number, symbol, subject, name, award, file })),
        },
      );
    }),
  );
}

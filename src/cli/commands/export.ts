import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { need } from '../prompter.js';
import { emitResult, say } from '../output.js';
import { mayReplace } from '../docs.js';

interface Options {
  year?: string;
  out?: string;
  signed?: string;
  force?: boolean;
}

/** `export`: the school's year as one package for the province (docs/export.md). */
export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('export')
    .option('--year <year>', kit.t('opt.export.year'))
    .option('--out <file.zip>', kit.t('opt.export.out'))
    .option('--signed <dir>', kit.t('opt.export.signed'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'export').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: String(Number(ctx.clock.today().slice(0, 4)) - 1) });
      const out = await need(ctx, opts.out, '--out', 'prompt.export.out');
      const { checkOutputs, writeOutputs } = await import('../../services/files.js');
      // Before any work: the folder takes the file, nothing in the way (the same bytes again are not an error).
      checkOutputs([out], { force: true });
      const [{ loadExport, buildPackage }, { renderDocx }, { version }] = await Promise.all([
        import('../../services/exchange/export.js'), import('../../render/docx/index.js'), import('../version.js'),
      ]);
      const exp = await loadExport(ctx, year);
      const built = await buildPackage(exp, (m) => renderDocx(m), { version, signedDir: opts.signed });
      const [w] = writeOutputs([{ path: out, data: built.bytes }], { force: mayReplace(ctx, opts) });
      if (built.missingPdfs.length > 0) say(ctx, opts.signed === undefined ? 'export.signedNotGiven' : 'export.signedMissing', { count: built.missingPdfs.length, list: built.missingPdfs.join(', ') });
      const documents = exp.documents.length;
      const pdfs = built.manifest.files.filter((f) => f.name.endsWith('.pdf')).length;
      say(ctx, w.status === 'unchanged' ? 'export.unchanged' : 'export.written', { file: w.path, year: exp.data.year, documents, pdfs });
      if (ctx.options.json) await emitResult(ctx, { file: w.path, ...built.manifest });
    }),
  );
}

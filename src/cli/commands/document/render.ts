import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { yearFlag } from '../../flags.js';
import { need } from '../../prompter.js';
import { emitResult } from '../../output.js';
import { writeDocx } from '../../docs.js';

interface Options {
  out?: string;
  year?: string;
  force?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('render')
    .argument('<id>', kit.t('arg.document.id'))
    .option('--out <file.docx>', kit.t('opt.document.out'))
    .option('--year <year>', kit.t('opt.document.numberYear'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'document.render').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const out = await need(ctx, opts.out, '--out', 'prompt.document.out');
      const { getDocument } = await import('../../../services/documents.js');
      const doc = await getDocument(ctx, id, yearFlag(opts.year));
      const file = await writeDocx(ctx, doc.model, out, opts);
      await emitResult(ctx, { id: doc.id, number: doc.number, symbol: doc.symbol, kind: doc.kind, date: doc.date, title: doc.title, file });
    }),
  );
}

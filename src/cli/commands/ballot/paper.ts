import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitResult } from '../../output.js';
import { writeDocx } from '../../docs.js';

interface Options {
  out?: string;
  force?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('paper')
    .argument('<id>', kit.t('arg.ballot.id'))
    .option('--out <file.docx>', kit.t('opt.ballot.paperOut'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'ballot.paper').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const out = await need(ctx, opts.out, '--out', 'prompt.document.out');
      const { ballotPaper } = await import('../../../services/ballot-papers.js');
      const { ballot, model } = await ballotPaper(ctx, id);
      const file = await writeDocx(ctx, model, out, opts);
      await emitResult(ctx, { id: ballot.id, file, nominees: ballot.nominees.length });
    }),
  );
}

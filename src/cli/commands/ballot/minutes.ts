import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitResult } from '../../output.js';
import { writeDocx } from '../../docs.js';
import { WorkflowError } from '../../../domain/errors.js';

interface Options {
  out?: string;
  round?: string;
  force?: boolean;
  draft?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('minutes')
    .argument('<id>', kit.t('arg.ballot.id'))
    .option('--out <file.docx>', kit.t('opt.ballot.minutesOut'))
    .option('--round <n>', kit.t('opt.ballot.round'))
    .option('--draft', kit.t('opt.ballot.draft'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'ballot.minutes').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const out = await need(ctx, opts.out, '--out', 'prompt.document.out');
      const { showBallot } = await import('../../../services/ballot-read.js');
      const { ballotMinutes } = await import('../../../services/ballot-papers.js');
      const { closeBallot } = await import('../../../services/ballot-count.js');
      // A draft is of the minutes a close would issue now; once closed, the minutes are issued.
      if (opts.draft && (await showBallot(ctx, id)).status !== 'open') {
        const issued = (await ballotMinutes(ctx, id)).document;
        throw new WorkflowError('draft.minutesIssued', { id, number: issued.symbol });
      }
      const { document } = opts.draft ? { document: (await closeBallot(ctx, id, { draft: true })).minutes } : await ballotMinutes(ctx, id, opts.round);
      const file = await writeDocx(ctx, document.model, out, opts);
      await emitResult(ctx, { id: document.id, number: document.number, symbol: document.symbol, date: document.date, file });
    }),
  );
}

import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep, need } from '../../prompter.js';
import { say } from '../../output.js';
import { tallyFlags, type TallyOptions } from './tally.js';
import { emitBallot } from './views.js';
import { checkOut, draftOut, writeDocx } from '../../docs.js';

interface Options extends TallyOptions {
  reason?: string;
  draft?: boolean;
  out?: string;
  force?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = tallyFlags(parent.command('recount').argument('<id>', kit.t('arg.ballot.id')).option('--reason <text>', kit.t('opt.ballot.reason')), kit)
    .option('--draft', kit.t('opt.ballot.draft')).option('--out <file.docx>', kit.t('opt.ballot.closeOut')).option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'ballot.recount').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      draftOut(ctx, opts, 'file');
      if (opts.out) await checkOut(ctx, opts.out, opts);
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.ballot.reason');
      if (!opts.draft) await confirmStep(ctx, 'ballot.confirmRecount', { id });
      const { recountBallot } = await import('../../../services/ballot-count.js');
      const { ballot, minutes } = await recountBallot(ctx, id, reason, { issued: opts.issued, returned: opts.returned, invalid: opts.invalid, votes: opts.vote }, { draft: opts.draft });
      if (opts.out) await writeDocx(ctx, minutes.model, opts.out, opts);
      if (opts.draft) return;
      const round = ballot.rounds[ballot.rounds.length - 1];
      say(ctx, 'ballot.recounted', { id: ballot.id, round: round.round, passed: ballot.results.filter((r) => r.passed).length, count: ballot.results.length, minutes: minutes.symbol });
      await emitBallot(ctx, ballot);
    }),
  );
}

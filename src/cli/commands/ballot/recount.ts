import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep, need } from '../../prompter.js';
import { say } from '../../output.js';
import { tallyFlags, type TallyOptions } from './tally.js';
import { emitBallot } from './views.js';

interface Options extends TallyOptions {
  reason?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = tallyFlags(parent.command('recount').argument('<id>', kit.t('arg.ballot.id')).option('--reason <text>', kit.t('opt.ballot.reason')), kit);
  kit.describe(cmd, 'ballot.recount').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.ballot.reason');
      await confirmStep(ctx, 'ballot.confirmRecount', { id });
      const { recountBallot } = await import('../../../services/ballot-count.js');
      const { ballot, minutes } = await recountBallot(ctx, id, reason, { issued: opts.issued, returned: opts.returned, invalid: opts.invalid, votes: opts.vote });
      const round = ballot.rounds[ballot.rounds.length - 1];
      say(ctx, 'ballot.recounted', { id: ballot.id, round: round.round, passed: ballot.results.filter((r) => r.passed).length, count: ballot.results.length, minutes: minutes.symbol });
      await emitBallot(ctx, ballot);
    }),
  );
}

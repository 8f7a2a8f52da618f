import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep } from '../../prompter.js';
import { say } from '../../output.js';
import { emitBallot } from './views.js';
import { checkOut, draftOut, writeDocx } from '../../docs.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('close').argument('<id>', kit.t('arg.ballot.id'))
    .option('--draft', kit.t('opt.ballot.draft')).option('--out <file.docx>', kit.t('opt.ballot.closeOut')).option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'ballot.close').action(
    kit.action<{ draft?: boolean; out?: string; force?: boolean }>(async (ctx, opts, [id]) => {
      const { closeBallot, showBallot } = await import('../../../services/ballots.js');
      draftOut(ctx, opts, 'file');
      if (opts.out) await checkOut(ctx, opts.out, opts);
      if (opts.draft) return void (await writeDocx(ctx, (await closeBallot(ctx, id, { draft: true })).minutes.model, opts.out!, opts));
      const before = await showBallot(ctx, id);
      await confirmStep(ctx, 'ballot.confirmClose', { id: before.id, award: before.award, year: before.year });
      const { ballot, minutes } = await closeBallot(ctx, id);
      const passed = ballot.results.filter((r) => r.passed).length;
      say(ctx, 'ballot.closed', { id: ballot.id, passed, count: ballot.results.length, minutes: minutes.symbol });
      if (opts.out) await writeDocx(ctx, minutes.model, opts.out, opts);
      else say(ctx, 'ballot.next.minutes', { id: ballot.id });
      await emitBallot(ctx, ballot);
    }),
  );
}

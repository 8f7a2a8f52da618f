import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { nominationRowJson } from './views.js';

interface Options {
  reason?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('withdraw')
    .argument('<id>', kit.t('arg.nominate.id'))
    .option('--reason <text>', kit.t('opt.nominate.withdrawReason'));
  kit.describe(cmd, 'nominate.withdraw').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.nominate.withdrawReason');
      const { withdrawNomination } = await import('../../../services/nomination-appraisal.js');
      const n = await withdrawNomination(ctx, id, reason);
      say(ctx, 'nominate.withdrawn', { id: n.id, code: n.subject, name: n.name, award: n.awardName, reason: n.statusReason ?? '' });
      await emitResult(ctx, nominationRowJson(n));
    }),
  );
}

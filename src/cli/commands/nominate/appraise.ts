import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { UsageError } from '../../../domain/errors.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { nominationRowJson } from './views.js';

interface Options {
  accept?: boolean;
  return?: boolean;
  reason?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('appraise')
    .argument('<id>', kit.t('arg.nominate.id'))
    .option('--accept', kit.t('opt.nominate.accept'))
    .option('--return', kit.t('opt.nominate.return'))
    .option('--reason <text>', kit.t('opt.nominate.appraiseReason'));
  kit.describe(cmd, 'nominate.appraise').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      if (!!opts.accept === !!opts.return) throw new UsageError('nominate.acceptOrReturn');
      const decision = opts.accept ? 'accept' : 'return';
      const reason = decision === 'return' ? await need(ctx, opts.reason, '--reason', 'prompt.nominate.returnReason') : opts.reason;
      const { appraiseNomination } = await import('../../../services/nomination-appraisal.js');
      const n = await appraiseNomination(ctx, id, { decision, reason });
      say(ctx, decision === 'accept' ? 'nominate.accepted' : 'nominate.returned', { id: n.id, code: n.subject, name: n.name, award: n.awardName, reason: n.statusReason ?? '' });
      await emitResult(ctx, nominationRowJson(n));
    }),
  );
}

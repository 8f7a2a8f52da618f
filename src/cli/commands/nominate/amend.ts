import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { say } from '../../output.js';
import { collectCriterion } from './create.js';
import { emitNomination } from './views.js';

interface Options {
  summary?: string;
  citation?: string;
  criterion?: string[];
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('amend')
    .argument('<id>', kit.t('arg.nominate.id'))
    .option('--summary <text>', kit.t('opt.nominate.amendSummary'))
    .option('--citation <text>', kit.t('opt.nominate.citation'))
    .option('--criterion <code=met|unmet[:evidence]>', kit.t('opt.nominate.criterion'), collectCriterion);
  kit.describe(cmd, 'nominate.amend').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const { amendNomination } = await import('../../../services/nomination-appraisal.js');
      const n = await amendNomination(ctx, id, { summary: opts.summary, citation: opts.citation, criteria: opts.criterion ?? [] });
      say(ctx, 'nominate.amended', { id: n.id, code: n.subject, name: n.name, status: ctx.t(`nominationStatus.${n.status}`) });
      await emitNomination(ctx, n);
    }),
  );
}

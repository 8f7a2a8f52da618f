import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { periodOption } from './set.js';

interface Options {
  period?: string;
  dryRun?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('import')
    .argument('<file>', kit.t('arg.importFile'))
    .option('--period <period>', kit.t('opt.evaluate.period'))
    .option('--dry-run', kit.t('opt.dryRun'));
  kit.describe(cmd, 'evaluate.import').action(
    kit.action<Options>(async (ctx, opts, [file]) => {
      const period = await periodOption(ctx, opts.period);
      const { importRatings } = await import('../../../services/ratings.js');
      const result = await importRatings(ctx, file, period, {
        dryRun: opts.dryRun,
        progress: (total) => ctx.progress(total, ctx.t('progress.import')),
      });
      say(ctx, result.dryRun ? 'rating.importChecked' : 'rating.imported', { ...result, dryRun: null });
      await emitResult(ctx, result);
    }),
  );
}

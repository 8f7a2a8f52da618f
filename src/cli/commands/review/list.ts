import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { reviewColumns, reviewListJson } from './views.js';

interface Options {
  year?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--year <year>', kit.t('opt.review.year'));
  kit.describe(cmd, 'review.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year) ?? Number(ctx.clock.today().slice(0, 4));
      const { listReviews } = await import('../../../services/review.js');
      const reviews = await listReviews(ctx, year);
      await emitList(ctx, reviews, reviewColumns(ctx), reviews.map(reviewListJson));
    }),
  );
}

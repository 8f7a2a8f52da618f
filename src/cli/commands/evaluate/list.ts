import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList, say } from '../../output.js';
import { RATING_CODES } from '../../../domain/ratings.js';
import { periodOption } from './set.js';

interface Options {
  period?: string;
  unit?: string;
  missing?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--period <period>', kit.t('opt.evaluate.period'))
    .option('--unit <code>', kit.t('opt.filter.unit'))
    .option('--missing', kit.t('opt.evaluate.missing'));
  kit.describe(cmd, 'evaluate.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const period = await periodOption(ctx, opts.period);
      const { listPeriodRatings } = await import('../../../services/ratings.js');
      const listing = await listPeriodRatings(ctx, period, { unit: opts.unit, missing: opts.missing });
      await emitList(
        ctx,
        listing.rows,
        [
          { header: 'col.code', value: (r) => r.person },
          { header: 'col.name', value: (r) => r.name },
          { header: 'col.unit', value: (r) => r.unitName },
          { header: 'col.category', value: (r) => ctx.t(`category.${r.category}`) },
          { header: 'col.ratingCode', value: (r) => r.rating },
          { header: 'col.ratingLevel', value: (r) => (r.rating ? ctx.t(`ratingLevel.${r.rating}`) : ctx.t('rating.none')) },
        ],
        listing.rows.map((r) => ({ person: r.person, name: r.name, unit: r.unit, category: r.category, rating: r.rating, ratingName: r.ratingName })),
      );
      if (ctx.options.json || ctx.options.csv) return;
      say(ctx, 'rating.summary', {
        period: listing.period,
        total: listing.total,
        counts: RATING_CODES.map((c) => `${c} ${listing.counts[c]}`).join(', '),
        missing: listing.missing,
      });
    }),
  );
}

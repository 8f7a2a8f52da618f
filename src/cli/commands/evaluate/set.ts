import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { periodFlag } from '../../flags.js';
import { need, needChoice } from '../../prompter.js';
import { RATING_CODES } from '../../../domain/ratings.js';
import type { Context } from '../../../context.js';

interface Options {
  period?: string;
  rating?: string;
}

/** `--period`, asked for on a terminal when missing. */
export async function periodOption(ctx: Context, raw: string | undefined) {
  return periodFlag(await need(ctx, raw, '--period', 'prompt.evaluate.period'))!;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('set')
    .argument('<person>', kit.t('arg.personCode'))
    .option('--period <period>', kit.t('opt.evaluate.period'))
    .option('--rating <rating>', kit.t('opt.evaluate.rating'));
  kit.describe(cmd, 'evaluate.set').action(
    kit.action<Options>(async (ctx, opts, [person]) => {
      const period = await periodOption(ctx, opts.period);
      const rating = await needChoice(ctx, opts.rating, '--rating', 'prompt.evaluate.rating',
        RATING_CODES.map((c) => ({ value: c, name: `${c} – ${ctx.t(`ratingLevel.${c}`)}` })));
      const { setRating } = await import('../../../services/ratings.js');
      const { rating: r, outcome, previous } = await setRating(ctx, person, period, rating);
      say(ctx, `rating.${outcome}`, {
        person: r.person, name: r.name, period: r.period,
        rating: ctx.t(`ratingLevel.${r.rating}`), previous: previous ? ctx.t(`ratingLevel.${previous}`) : null,
      });
      await emitResult(ctx, { person: r.person, name: r.name, period: r.period, rating: r.rating, ratingName: r.ratingName });
    }),
  );
}

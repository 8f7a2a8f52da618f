import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { ApplicationInput } from '../../../services/review-apply.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { reviewJson } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('apply')
    .argument('<initiative>', kit.t('arg.review.initiative'))
    .option('--first-applied <date>', kit.t('opt.review.firstApplied'))
    .option('--description <text>', kit.t('opt.review.description'))
    .option('--novelty <text>', kit.t('opt.review.noveltyText'))
    .option('--application <text>', kit.t('opt.review.applicationText'))
    .option('--benefit <text>', kit.t('opt.review.benefitText'))
    .option('--conditions <text>', kit.t('opt.review.conditionsText'))
    .option('--date <date>', kit.t('opt.review.applyDate'));
  kit.describe(cmd, 'review.apply').action(
    kit.action<ApplicationInput>(async (ctx, opts, [code]) => {
      const firstApplied = await need(ctx, opts.firstApplied, '--first-applied', 'prompt.review.firstApplied');
      const description = await need(ctx, opts.description, '--description', 'prompt.review.description');
      const { applyForReview } = await import('../../../services/review-apply.js');
      const r = await applyForReview(ctx, code, { ...opts, firstApplied, description });
      say(ctx, 'review.applied', {
        code: r.initiative.code, title: r.initiative.title, date: dateText(r.application.appliedOn), deadline: dateText(r.application.deadline),
      });
      if (!r.council) say(ctx, 'review.applied.noCouncil', { year: r.initiative.year });
      await emitResult(ctx, reviewJson(r));
    }),
  );
}

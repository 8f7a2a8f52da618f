import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { ScoreInput } from '../../../services/review-score.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { numberText } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('score')
    .argument('<initiative>', kit.t('arg.review.initiative'))
    .option('--member <code>', kit.t('opt.review.member'))
    .option('--novelty <n>', kit.t('opt.review.novelty'))
    .option('--applicability <n>', kit.t('opt.review.applicability'))
    .option('--benefit <n>', kit.t('opt.review.benefit'))
    .option('--date <date>', kit.t('opt.review.scoreDate'));
  kit.describe(cmd, 'review.score').action(
    kit.action<ScoreInput>(async (ctx, opts, [code]) => {
      const member = await need(ctx, opts.member, '--member', 'prompt.review.member');
      const novelty = await need(ctx, opts.novelty, '--novelty', 'prompt.review.novelty');
      const applicability = await need(ctx, opts.applicability, '--applicability', 'prompt.review.applicability');
      const benefit = await need(ctx, opts.benefit, '--benefit', 'prompt.review.benefit');
      const { scoreInitiative } = await import('../../../services/review-score.js');
      const r = await scoreInitiative(ctx, code, { member, novelty, applicability, benefit, date: opts.date });
      say(ctx, r.replaced ? 'review.rescored' : 'review.scored', {
        code: r.code,
        member: r.member.code,
        name: r.member.name,
        novelty: numberText(ctx, r.scores.novelty),
        applicability: numberText(ctx, r.scores.applicability),
        benefit: numberText(ctx, r.scores.benefit),
      });
      say(ctx, r.complete ? 'review.scoringComplete' : 'review.scoringProgress', { code: r.code, scored: r.scored, scorers: r.scorers });
      // Only the member's own scores come back: never anyone else's, never the average.
      await emitResult(ctx, {
        code: r.code, member: r.member.code, ...r.scores, scoredOn: r.scoredOn, replaced: r.replaced, scored: r.scored, scorers: r.scorers,
      });
    }),
  );
}

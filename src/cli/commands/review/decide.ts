import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { UsageError } from '../../../domain/errors.js';
import { roundAverage } from '../../../domain/review.js';
import { emitResult, say } from '../../output.js';
import { confirmStep, need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { numberText } from './views.js';

interface Options {
  recognise?: boolean;
  reject?: boolean;
  conditions: string[];
  reason?: string;
  date?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('decide')
    .argument('<initiative>', kit.t('arg.review.initiative'))
    .option('--recognise', kit.t('opt.review.recognise'))
    .option('--reject', kit.t('opt.review.reject'))
    .option('--conditions <list>', kit.t('opt.review.conditions'), (v: string, prev: string[]) => [...prev, v], [])
    .option('--reason <text>', kit.t('opt.review.reason'))
    .option('--date <date>', kit.t('opt.review.decideDate'));
  kit.describe(cmd, 'review.decide').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      if (!!opts.recognise === !!opts.reject) throw new UsageError('review.oneDecision');
      const decision = opts.recognise ? 'recognise' : 'reject';
      const reason = decision === 'reject' ? await need(ctx, opts.reason, '--reason', 'prompt.review.reason') : opts.reason;
      const input = { decision, conditions: opts.conditions, reason, date: opts.date } as const;
      const { previewDecision, decideReview } = await import('../../../services/review-decide.js');
      const plan = await previewDecision(ctx, code, input);
      const params = {
        code: plan.code, title: plan.title, date: dateText(plan.date),
        average: plan.average === null ? '–' : numberText(ctx, plan.average, 2), passMark: numberText(ctx, plan.passMark), reason: plan.reason ?? '',
      };
      await confirmStep(ctx, `review.confirm.${plan.decision}`, params);
      const done = await decideReview(ctx, code, input);
      say(ctx, `review.decided.${done.decision}`, params);
      await emitResult(ctx, {
        code: done.code, decision: done.decision, date: done.date, average: done.average === null ? null : roundAverage(done.average), reason: done.reason,
      });
    }),
  );
}
